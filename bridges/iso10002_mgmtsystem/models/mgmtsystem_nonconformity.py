# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Nonconformities opened from complaints (ISO 10002 7.6, 8.7): from one
complaint, or from a recurring root cause of a management review."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html

TICKET = "helpdesk.ticket"


class MgmtsystemNonconformity(models.Model):
    _inherit = "mgmtsystem.nonconformity"

    complaint_ids = fields.Many2many(
        TICKET,
        "iso10002_complaint_nonconformity_rel",
        "nonconformity_id",
        "ticket_id",
        string="Complaints",
        domain=[("is_complaint", "=", True)],
        help="The complaints this nonconformity was opened for (ISO 10002 7.6).",
    )
    review_id = fields.Many2one(
        "iso10002.management.review",
        string="Management review",
        ondelete="set null",
        index="btree_not_null",
        readonly=True,
        help="The management review whose recurring root cause opened it (8.7).",
    )
    complaint_root_cause = fields.Char(
        string="Root cause of the complaints",
        help="The root cause, as the complaints record it.",
    )
    from_complaints = fields.Boolean(
        compute="_compute_from_complaints",
        store=True,
        help="Opened from complaints or from a management review of complaints.",
    )

    @api.depends("complaint_ids", "review_id")
    def _compute_from_complaints(self):
        for nc in self:
            nc.from_complaints = bool(nc.complaint_ids or nc.review_id)

    def _linked_complaints(self):
        """The complaints linked by the bridge or by OCA's generic link."""
        tickets = self.complaint_ids
        for nc in self.filtered(lambda n: n.res_model == TICKET and n.res_id):
            tickets |= self.env[TICKET].browse(nc.res_id)
        return tickets.exists()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_complaint_links()
        return records

    def write(self, vals):
        result = super().write(vals)
        if {"complaint_ids", "res_model", "res_id", "company_id"} & set(vals):
            self._check_complaint_links()
        return result

    def _check_complaint_links(self):
        """Only a user who may read a complaint links a nonconformity to it
        (its text would otherwise show who complained about what, 4.10), and
        only in the complaint's company."""
        for nc in self:
            complaints = nc._linked_complaints()
            # the ORM's own check, as the current user (superuser passes)
            complaints.check_access("read")
            other = complaints.filtered(
                lambda t, nc=nc: nc.company_id and t.company_id != nc.company_id
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "Nonconformity %(nc)s belongs to %(company)s: it cannot be "
                        "linked to complaints of another company (%(refs)s).",
                        nc=nc.ref,
                        company=nc.company_id.name,
                        refs=", ".join(other.mapped("display_name")),
                    )
                )

    def action_view_complaints(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Complaints"),
            "res_model": TICKET,
            "view_mode": "list,form",
            "domain": [("id", "in", self._linked_complaints().ids)],
        }

    @api.model
    def _open_for_complaints(self, complaints, root_cause, company, review=None):
        """A nonconformity of ``complaints`` with its corrective action, in
        the analysis stage; returns it. The texts name the complaints'
        references and root cause only: the complainant is named for a
        single complaint that is not confidential (4.10)."""
        single = complaints if len(complaints) == 1 else complaints.browse()
        partner = (
            single.partner_id
            if single and not single.confidential and single.partner_id
            else company.partner_id
        )
        manager = (
            single.team_id.user_id or (review and review.chair_id) or self.env.user
        )
        refs = ", ".join(complaints.mapped("complaint_ref")) or "-"
        if review:
            name = self.env._(
                "Recurring root cause (review %(review)s): %(cause)s",
                review=review.name,
                cause=root_cause,
            )
        else:
            name = self.env._(
                "Complaint %(ref)s: %(cause)s",
                ref=refs,
                cause=root_cause or self.env._("root cause to be determined"),
            )
        description = self.env._(
            "Complaints: %(refs)s.\nRoot cause: %(cause)s",
            refs=refs,
            cause=root_cause or self.env._("to be determined"),
        )
        action = self.env["mgmtsystem.action"].create(
            {
                "name": self.env._("Corrective action: %(name)s", name=name),
                "type_action": "correction",
                "company_id": company.id,
                "user_id": self.env.user.id,
                "description": plaintext2html(description),
            }
        )
        origin = self.env.ref("iso10002_mgmtsystem.nonconformity_origin_complaint")
        return self.create(
            {
                "name": name,
                "description": description,
                "partner_id": partner.id,
                "responsible_user_id": self.env.user.id,
                "manager_user_id": manager.id,
                "company_id": company.id,
                "origin_ids": [(6, 0, origin.ids)],
                "complaint_ids": [(6, 0, complaints.ids)],
                "complaint_root_cause": root_cause or False,
                "review_id": review.id if review else False,
                "res_model": single._name if single else False,
                "res_id": single.id if single else False,
                "stage_id": self.env.ref("mgmtsystem_nonconformity.stage_analysis").id,
                "action_ids": [(6, 0, action.ids)],
            }
        )

    def _action_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }
