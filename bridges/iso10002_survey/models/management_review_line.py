# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .complaint_kpi import SURVEY_KPI_SELECTION


class ManagementReviewLine(models.Model):
    _inherit = "iso10002.management.review.line"

    kpi_code = fields.Selection(
        selection_add=SURVEY_KPI_SELECTION,
        ondelete=dict.fromkeys(
            (code for code, _label in SURVEY_KPI_SELECTION), "set null"
        ),
    )
