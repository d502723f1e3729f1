# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class ComplaintConflictWizard(models.TransientModel):
    """Record who a complaint is about and reassign it in one step (4.7)."""

    _name = "iso10002.complaint.conflict.wizard"
    _inherit = ["iso10002.complaint.wizard.access"]
    _description = "Complaint conflict of interest"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    subject_user_ids = fields.Many2many(
        "res.users",
        string="People complained about",
        domain=[("share", "=", False)],
        compute="_compute_subject_user_ids",
        store=True,
        readonly=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="New handler",
        domain=[("share", "=", False)],
        compute="_compute_user_id",
        store=True,
        readonly=False,
    )

    def _iso_wizard_tickets(self):
        return self.ticket_id

    @api.depends("ticket_id")
    def _compute_subject_user_ids(self):
        self._iso_check_tickets_access()
        for wizard in self:
            wizard.subject_user_ids = wizard.ticket_id.subject_user_ids

    @api.depends("ticket_id", "subject_user_ids")
    def _compute_user_id(self):
        self._iso_check_tickets_access()
        for wizard in self:
            ticket = wizard.ticket_id
            if not ticket:
                wizard.user_id = False
            elif ticket.user_id and ticket.user_id not in wizard.subject_user_ids:
                wizard.user_id = ticket.user_id
            else:
                wizard.user_id = ticket._iso_objective_handler(wizard.subject_user_ids)

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        leader = ticket.team_id.user_id
        if not (
            self.env.user == leader
            or self.env.user.has_group("iso10002_complaints.group_complaint_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only the team leader or a complaint manager can reassign a "
                    "complaint for a conflict of interest."
                )
            )
        if not self.user_id:
            raise UserError(
                self.env._(
                    "No member of team %(team)s is free of the conflict: add a "
                    "team member or choose a handler.",
                    team=ticket.team_id.display_name,
                )
            )
        values = {
            "subject_user_ids": [Command.set(self.subject_user_ids.ids)],
            "user_id": self.user_id.id,
        }
        # once communicated, who decided is a recorded fact
        if (
            ticket.decision_user_id in self.subject_user_ids
            and not ticket.decision_date
        ):
            values["decision_user_id"] = False
        ticket.write(values)
        ticket.message_post(
            body=self.env._(
                "Conflict of interest: reassigned to %(user)s.",
                user=self.user_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
