# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A clause of an audit: its evidence, the suggested status and the
auditor's own."""

from odoo import fields, models

from .complaint_audit import LINE_STATUSES


class ComplaintAuditLine(models.Model):
    _name = "iso10002.complaint.audit.line"
    _inherit = ["iso10002.frozen.line.mixin"]
    _frozen_parent_field = "audit_id"
    _description = "Complaints Handling Audit Clause"
    _order = "audit_id, sequence, id"

    audit_id = fields.Many2one(
        "iso10002.complaint.audit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    sequence = fields.Integer()
    clause = fields.Char(required=True)
    title = fields.Char(required=True)
    requirement = fields.Text()
    evidence = fields.Text(readonly=True)
    population_count = fields.Integer(string="Applies to", readonly=True)
    gap_count = fields.Integer(string="Gaps", readonly=True)
    observation_count = fields.Integer(string="Observations", readonly=True)
    sample_refs = fields.Char(
        string="Samples",
        readonly=True,
        help="References of records the auditor can open to check the clause.",
    )
    gap_refs = fields.Char(
        string="Samples of gaps",
        readonly=True,
        help="References of records that show a gap or an observation.",
    )
    suggested_status = fields.Selection(
        LINE_STATUSES, string="Suggested status", readonly=True
    )
    status = fields.Selection(LINE_STATUSES, required=True, default="conforming")
    auditor_note = fields.Text(string="Auditor's note")
