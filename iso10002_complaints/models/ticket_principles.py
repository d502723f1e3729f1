# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Guiding principles of ISO 10002 as enforced behaviour.

Objectivity (4.7), charges (4.8) and confidentiality (4.10); the erasure of
personal data once the retention period is over is in ticket_anonymisation.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .system_write import in_system_write

MANAGER_GROUP = "iso10002_complaints.group_complaint_manager"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    confidential = fields.Boolean(
        tracking=True,
        help="Only the handler, the team leader, complaint managers and "
        "auditors can see a confidential complaint (ISO 10002 4.10).",
    )
    subject_user_ids = fields.Many2many(
        "res.users",
        "iso10002_ticket_subject_user_rel",
        "ticket_id",
        "user_id",
        string="People complained about",
        domain=[("share", "=", False)],
        tracking=True,
        help="Staff the complaint is about: none of them may handle or decide "
        "it (objectivity, ISO 10002 4.7).",
    )
    charge_amount = fields.Monetary(
        string="Charge to the complainant",
        currency_field="currency_id",
        tracking=True,
        help="Handling is free of charge unless the complaints policy allows a "
        "charge (ISO 10002 4.8).",
    )
    charge_justification = fields.Text(
        string="Charge justification",
        help="Why a charge applies; the complainant is told in the acknowledgement.",
    )

    _charge_positive = models.Constraint(
        "CHECK(charge_amount IS NULL OR charge_amount >= 0)",
        "A charge cannot be negative.",
    )

    # ------------------------------------------------------------------
    # Objectivity (4.7)
    # ------------------------------------------------------------------
    @api.constrains("user_id", "decision_user_id", "subject_user_ids")
    def _check_objectivity(self):
        for ticket in self.filtered("subject_user_ids"):
            for role, user in (
                (self.env._("handle"), ticket.user_id),
                (self.env._("decide"), ticket.decision_user_id),
            ):
                if user and user in ticket.subject_user_ids:
                    raise ValidationError(
                        self.env._(
                            "%(user)s cannot %(role)s complaint %(ref)s: the "
                            "complaint is about them, and a complaint must be "
                            "handled objectively (ISO 10002 4.7). Choose someone "
                            "else, or ask the team leader to reassign it.",
                            user=user.name,
                            role=role,
                            ref=ticket.complaint_ref or ticket.display_name,
                        )
                    )

    def write(self, vals):
        if "subject_user_ids" not in vals or self.env.su:
            return super().write(vals)
        before = {ticket: ticket.subject_user_ids for ticket in self}
        res = super().write(vals)
        user = self.env.user
        for ticket, subjects in before.items():
            removed = subjects - ticket.subject_user_ids
            if removed and (
                user in removed
                or not (user.has_group(MANAGER_GROUP) or user == ticket.team_id.user_id)
            ):
                raise AccessError(
                    self.env._(
                        "Complaint %(ref)s: only the team leader or a complaint "
                        "manager can take someone off the people complained "
                        "about, and nobody can take themselves off (objectivity, "
                        "ISO 10002 4.7).",
                        ref=ticket.complaint_ref or ticket.display_name,
                    )
                )
        return res

    def _iso_objective_handler(self, excluded_users):
        """Least-loaded member of the team who is not among ``excluded_users``."""
        self.ensure_one()
        candidates = self.team_id.user_ids - excluded_users
        if not candidates:
            return self.env["res.users"]
        load = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("user_id", "in", candidates.ids), ("closed", "=", False)],
                ["user_id"],
                ["__count"],
            )
        )
        return min(candidates, key=lambda u: (load.get(u, 0), u.id))

    def action_open_conflict_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Conflict of interest"),
            "res_model": "iso10002.complaint.conflict.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    # ------------------------------------------------------------------
    # Charges (4.8)
    # ------------------------------------------------------------------
    @api.constrains(
        "charge_amount", "charge_justification", "company_id", "is_complaint"
    )
    def _check_charges(self):
        # whatever the order of the values (e.g. a plain ticket charged, then
        # flagged); the anonymisation erases the justification of a past
        # charge: its flag is trusted from the process only (constraints run
        # as superuser), never from a value sent with the same call
        trusted = in_system_write()
        charged = self.filtered(
            lambda t: (
                t.is_complaint and t.charge_amount and not (trusted and t.anonymised)
            )
        )
        if not charged:
            return
        policies = charged._iso_policies()
        for ticket in charged:
            if not policies[ticket.company_id].charges_allowed:
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: handling a complaint is free of "
                        "charge under the complaints policy of %(company)s "
                        "(ISO 10002 4.8). Record costs as remedies instead.",
                        ref=ticket.complaint_ref or ticket.display_name,
                        company=ticket.company_id.name,
                    )
                )
            if not (ticket.charge_justification or "").strip():
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: a charge needs a written justification, "
                        "which the complainant is told about.",
                        ref=ticket.complaint_ref or ticket.display_name,
                    )
                )
