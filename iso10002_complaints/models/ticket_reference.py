# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Receipt: the complaint's reference (ISO 10002:2018 7.2).

7.2 asks for a unique identifier, not a gapless one: the reference is drawn
from the company's standard ``ir.sequence`` (a PostgreSQL sequence), which
takes no lock, so concurrent creations never wait on it. A rolled-back
creation leaves a gap, never a duplicate.
"""

from odoo import fields, models

from .system_write import records_facts


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    complaint_ref = fields.Char(
        string="Complaint reference",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Reference given to the complainant, unique per company.",
    )

    _complaint_ref_company_uniq = models.Constraint(
        "UNIQUE(company_id, complaint_ref)",
        "A complaint reference is unique within its company.",
    )

    @records_facts
    def _iso_assign_reference(self):
        """Number the complaints without a reference from their company's
        sequence; the year in the reference is the year of receipt."""
        todo = self.filtered(lambda t: t.is_complaint and not t.complaint_ref)
        for company, tickets in todo.grouped("company_id").items():
            sequence = company._get_complaint_sequence()
            for ticket in tickets:
                ticket.complaint_ref = sequence.with_context(
                    ir_sequence_date=ticket.received_date
                ).next_by_id()
