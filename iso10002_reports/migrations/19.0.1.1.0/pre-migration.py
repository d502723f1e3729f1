# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Keep the figures of existing reviews: they were one column per KPI, the
update drops those columns; copy them aside for post-migration.py, which
turns them into KPI lines."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, table_exists

from odoo.addons.iso10002_reports.models.kpi_definitions import (
    KPIS,
    OBJECTIVE_FIELDS,
)

LEGACY_TABLE = "iso10002_review_kpi_legacy"


def migrate(cr, version):
    if not version or table_exists(cr, LEGACY_TABLE):
        return
    columns = [
        name
        for name in [kpi.code for kpi in KPIS] + OBJECTIVE_FIELDS
        if column_exists(cr, "iso10002_management_review", name)
    ]
    if not columns:
        return
    cr.execute(
        SQL(
            "CREATE TABLE %s AS SELECT id, %s FROM iso10002_management_review",
            SQL.identifier(LEGACY_TABLE),
            SQL(", ").join(SQL.identifier(name) for name in columns),
        )
    )
