# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Guiding principles of ISO 10002 as enforced behaviour.

Objectivity (4.7), charges (4.8), confidentiality (4.10) and the erasure of
personal data once the retention period is over.
"""

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .helpdesk_ticket_stage import TERMINAL_STEPS
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
    anonymised = fields.Boolean(readonly=True, copy=False, index="btree_not_null")
    anonymised_date = fields.Datetime(string="Anonymised on", readonly=True, copy=False)

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

    # ------------------------------------------------------------------
    # Personal data (4.10): erasure keeping the figures
    # ------------------------------------------------------------------
    def _iso_anonymise(self):
        """Irreversibly erase the complainant's personal data.

        Keeps dates, steps, assessment, outcome, remedies' types and costs,
        root cause and ratings' scores: the figures analysis needs (8.2).
        """
        complaints = self.filtered(lambda t: t.is_complaint and not t.anonymised)
        if not complaints:
            return
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._("Only complaint managers can anonymise complaints.")
            )
        open_ones = complaints.filtered(lambda t: t.iso_step not in TERMINAL_STEPS)
        if open_ones:
            raise UserError(
                self.env._(
                    "Only closed complaints can be anonymised: %(refs)s is still open.",
                    refs=", ".join(open_ones.mapped("complaint_ref")),
                )
            )
        placeholder = self.env._("Anonymised")
        now = fields.Datetime.now()
        # sudo: erasure must reach messages, mails, attachments, ratings and
        # followers that the manager cannot write to directly.
        sudo_complaints = complaints.sudo()
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [("model", "=", "helpdesk.ticket"), ("res_id", "in", complaints.ids)]
            )
        )
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "in", complaints.ids),
                ]
            )
        ) | messages.attachment_ids
        internal_partners = messages.author_id.filtered(
            lambda p: any(not u.share for u in p.user_ids)
        )
        for author, author_messages in messages.grouped("author_id").items():
            values = {
                "body": Markup("<p>%s</p>") % placeholder,
                "subject": False,
                "email_from": False,
                "reply_to": False,
                "incoming_email_to": False,
                "incoming_email_cc": False,
                "outgoing_email_to": False,
                "attachment_ids": [Command.clear()],
                "partner_ids": [Command.clear()],
            }
            if author and author not in internal_partners:
                values["author_id"] = False
            author_messages.write(values)
        self.env["mail.mail"].sudo().search(
            [("mail_message_id", "in", messages.ids)]
        ).write(
            {
                "body_html": False,
                "email_to": False,
                "email_cc": False,
                "headers": False,
                "recipient_ids": [Command.clear()],
            }
        )
        # delivery records name the external recipients and authors
        notifications = messages.notification_ids
        notifications.filtered(
            lambda n: not n.res_partner_id.user_ids.filtered(lambda u: not u.share)
        ).unlink()
        notifications.exists().filtered(
            lambda n: n.author_id and n.author_id not in internal_partners
        ).write({"author_id": False})
        if messages.tracking_value_ids:
            # tracked values may quote the complainant (e.g. the contact)
            personal = messages.tracking_value_ids.filtered(
                lambda v: v.field_id.name in self._iso_personal_fields()
            )
            personal.unlink()
        attachments.unlink()
        if "rating_ids" in self._fields:
            sudo_complaints.rating_ids.write({"feedback": False, "partner_id": False})
        external_followers = sudo_complaints.message_partner_ids.filtered(
            lambda p: not any(not u.share for u in p.user_ids)
        )
        sudo_complaints.message_unsubscribe(partner_ids=external_followers.ids)
        sudo_complaints.remedy_ids.write({"description": False})
        for ticket in sudo_complaints.with_context(mail_notrack=True):
            ticket.write(
                {
                    "name": self.env._(
                        "Anonymised complaint %(ref)s", ref=ticket.complaint_ref
                    ),
                    "description": Markup("<p>%s</p>") % placeholder,
                    "partner_id": False,
                    "partner_name": placeholder,
                    "partner_email": False,
                    "email_cc": False,
                    "representative_id": False,
                    "representative_authority": False,
                    "remedy_requested": False,
                    "incident_place": False,
                    "order_reference": False,
                    "immediate_action": False,
                    "investigation_findings": False,
                    "response_summary": False,
                    "decision": False,
                    "reaction_note": False,
                    "charge_justification": False,
                    "anonymised": True,
                    "anonymised_date": now,
                }
            )
        if "rating_ids" in self._fields:
            # the stored name of the rated document still holds the old name
            ratings = sudo_complaints.rating_ids
            self.env.add_to_compute(ratings._fields["res_name"], ratings)
        for ticket in complaints:
            ticket.message_post(
                body=self.env._(
                    "Personal data erased (anonymised) by %(user)s.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _iso_personal_fields(self):
        return {
            "partner_id",
            "partner_name",
            "partner_email",
            "email_cc",
            "representative_id",
            "name",
            "description",
            "remedy_requested",
            "incident_place",
            "order_reference",
            "reaction_note",
            "charge_justification",
        }

    def action_open_anonymise_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Anonymise complaints"),
            "res_model": "iso10002.complaint.anonymise.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_ids": self.ids},
        }

    @api.model
    def _cron_anonymise_expired(self, batch_size=500):
        """Anonymise closed complaints older than their policy's retention."""
        now = fields.Datetime.now()
        policies = self.env["iso10002.complaint.policy"].search(
            [("retention_months", ">", 0)]
        )
        for policy in policies:
            limit_date = now - relativedelta(months=policy.retention_months)
            expired = self.with_context(active_test=False).search(
                [
                    ("is_complaint", "=", True),
                    ("anonymised", "=", False),
                    ("company_id", "=", policy.company_id.id),
                    ("iso_step", "in", list(TERMINAL_STEPS)),
                    ("closed_date", "<", limit_date),
                ],
                limit=batch_size,
            )
            expired._iso_anonymise()
        return True
