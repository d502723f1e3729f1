# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Integrity and accountability of the complaint record.

- The facts the complaints process records (its dates, step, reference,
  the complainant's reaction, escalation, anonymisation...) are written
  by the code path that owns them only: under superuser, or inside
  :func:`~.system_write.system_write`; a complaint manager corrects one
  through the audited *Correct a recorded fact* wizard (ISO 10002 4.9,
  4.12).
- A complaint stays a complaint, in complaint stages only.
- A person complained about does not act on the handling of the complaint
  about them (objectivity, 4.7).
"""

from datetime import timedelta

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Datetime

from .helpdesk_ticket_stage import TERMINAL_STEPS
from .system_write import in_system_write

# Fields iso10002_complaints and iso10002_reports add to helpdesk.ticket
# that the process records itself: nobody writes them directly, on any
# ticket (a plain ticket flagged later must not bring a forged fact along).
SYSTEM_FIELDS = frozenset(
    {
        # receipt (7.2): numbered and dated by the process; the receipt
        # date may be given at creation (RECEIPT_AT_CREATION)
        "complaint_ref",
        "received_date",
        # deadlines (7.3), computed from the receipt and the policy
        "ack_deadline",
        "response_deadline",
        "deadline_status",
        "next_deadline",
        "next_deadline_kind",
        # acknowledgement (7.4)
        "ack_date",
        "ack_pending",
        # response and decision (7.7, 7.8); the reaction is recorded by the
        # portal or by the Decision accepted / rejected buttons
        "remedy_cost",
        "has_response",
        "decision_date",
        "reaction",
        "reaction_date",
        # the step follows the stage; closing and reopening (7.9)
        "iso_step",
        "closed_by_id",
        "reopen_count",
        # escalation (4.15)
        "escalated_date",
        "escalated_to_id",
        "escalated_deadline",
        # letters sent (issue 13, ticket_letters.py)
        "holding_letter_date",
        "summary_letter_date",
        # satisfaction (8.3), computed from the ratings
        "satisfaction",
        "satisfaction_score",
        "satisfaction_comment",
        "satisfaction_date",
        # regulated firms (issue 13): redress paid, summary resolution,
        # clock stop, four-eyes approval, recorded by the process; the
        # reporting regime is the policy's at receipt (ticket_taxonomy.py)
        "regime_id",
        "redress_paid_amount",
        "summary_resolution",
        "clock_stopped",
        "approval_state",
        "approval_user_id",
        "approval_date",
        "approval_fingerprint",
        # summary resolution: the close of business it is possible until
        "summary_resolution_deadline",
        # personal data (4.10)
        "anonymised",
        "anonymised_date",
        # the public form's contact and the confirmation of its address
        "intake_partner_id",
        "intake_unconfirmed",
        "intake_confirm_deadline",
        "intake_confirm_token_hash",
    }
)
# The receipt date may be given when the complaint is recorded (e.g. a
# letter received a few days earlier), never later, and never in the
# future (_check_process_dates).
RECEIPT_AT_CREATION = frozenset({"received_date"})
# helpdesk_mgmt's dates that its write sets on a stage change: facts of the
# record on complaints only (plain tickets keep helpdesk_mgmt's behaviour).
# last_stage_update has a default, sent by the form at creation.
COMPLAINT_SYSTEM_FIELDS = frozenset({"closed_date", "last_stage_update"})
COMPLAINT_SYSTEM_FIELDS_AT_CREATION = frozenset({"closed_date"})
# fields that become part of the record once the fact is recorded
FROZEN_ONCE_RECORDED = {
    "ack_method": "ack_date",
    "decision_outcome": "decision_date",
    "decision": "decision_date",
    "decision_user_id": "decision_date",
    # the complainant's words, or the staff's note of a reaction by phone
    "reaction_note": "reaction_date",
}
# The handling of a complaint: a person complained about writes none of
# them (4.7). Posting a message is not acting.
OBJECTIVITY_FIELDS = frozenset(
    {
        # assessment (7.5)
        "severity",
        "complexity",
        "impact",
        "urgency",
        "safety_issue",
        "immediate_action_needed",
        "immediate_action",
        "priority",
        # investigation (7.6)
        "investigation_findings",
        "root_cause",
        "complaint_product_id",
        # response (7.7) and charges (4.8)
        "response_summary",
        "remedy_ids",
        "charge_amount",
        "charge_justification",
        # acknowledgement, decision, reaction (7.4, 7.8)
        "ack_method",
        "decision_outcome",
        "decision",
        "decision_user_id",
        "reaction_note",
        # vulnerability and accessibility (4.5): they adjust the handling
        # (shorter target, second approval)
        "vulnerable",
        "vulnerability_health",
        "vulnerability_life_event",
        "vulnerability_resilience",
        "vulnerability_capability",
        "preferred_lang",
        "preferred_format",
        "support_needs",
        # who handles it, where, how, and closing (7.9)
        "user_id",
        "team_id",
        "stage_id",
        "closure_reason",
        "confidential",
        "active",
    }
)
# the difference of clocks allowed between a client and the server
CLOCK_TOLERANCE = timedelta(minutes=5)
# recorded dates of a complaint, none before its receipt nor in the future
PROCESS_DATES = ("ack_date", "decision_date", "reaction_date", "closed_date")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Guard
    # ------------------------------------------------------------------
    def _iso_system_trusted(self):
        """The caller is the code path that owns the recorded facts."""
        return self.env.su or in_system_write()

    def _iso_refuse_system_fields(self, fnames):
        labels = sorted(self._fields[f]._description_string(self.env) for f in fnames)
        raise UserError(
            self.env._(
                "%(fields)s: recorded by the complaints process itself, and "
                "never written directly (ISO 10002 4.9, 4.12). A complaint "
                "manager corrects a recorded fact with 'Correct a recorded "
                "fact', which keeps its trace.",
                fields=", ".join(labels),
            )
        )

    def _iso_check_system_values(self, vals, creating=False):
        forbidden = SYSTEM_FIELDS & vals.keys()
        if creating:
            forbidden -= RECEIPT_AT_CREATION
        else:
            forbidden |= {
                fname
                for fname, marker in FROZEN_ONCE_RECORDED.items()
                if fname in vals and any(ticket[marker] for ticket in self)
            }
        if forbidden:
            self._iso_refuse_system_fields(forbidden)

    def _iso_check_complaint_system_values(self, fnames):
        """After the write: helpdesk_mgmt's dates given for complaints
        (flagged before or by the same call)."""
        if fnames and any(self.mapped("is_complaint")):
            self._iso_refuse_system_fields(fnames)

    def _iso_check_complaint_stage(self):
        wrong = self.filtered(
            lambda t: (
                t.is_complaint and t.stage_id and not t.stage_id.is_complaint_stage
            )
        )
        if wrong:
            wrong._iso_refuse_stage(wrong[0].stage_id)

    def _iso_check_stage_value(self, stage_id):
        stage = self.env["helpdesk.ticket.stage"].browse(stage_id)
        if not stage.is_complaint_stage:
            self._iso_refuse_stage(stage)

    def _iso_refuse_stage(self, stage):
        raise ValidationError(
            self.env._(
                "%(refs)s: a complaint moves through the complaint stages "
                "only (stage '%(stage)s' is not one): its steps record the "
                "decision and the closure reason (ISO 10002 7.8, 7.9).",
                refs=", ".join(self.mapped(lambda t: t.complaint_ref or t.name)),
                stage=stage.name,
            )
        )

    def _iso_check_not_subject(self):
        """A person complained about does not act on the handling (4.7)."""
        if self.env.su:
            return
        user = self.env.user
        # sudo: who the complaint is about may be hidden from its subjects;
        # only that list is read
        concerned = self.sudo().filtered(
            lambda t: t.is_complaint and user in t.subject_user_ids
        )
        if concerned:
            raise AccessError(
                self.env._(
                    "%(user)s cannot act on the handling of complaint %(ref)s: "
                    "the complaint is about them, and a complaint must be "
                    "handled objectively (ISO 10002 4.7). They may still read "
                    "it and post messages; the team leader or a complaint "
                    "manager acts on it.",
                    user=user.name,
                    ref=", ".join(
                        concerned.mapped(lambda t: t.complaint_ref or t.name)
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        trusted = self._iso_system_trusted()
        if not trusted:
            for vals in vals_list:
                self._iso_check_system_values(vals, creating=True)
        given = [
            COMPLAINT_SYSTEM_FIELDS_AT_CREATION & vals.keys() for vals in vals_list
        ]
        tickets = super().create(vals_list)
        if not trusted:
            for ticket, fnames in zip(tickets, given, strict=True):
                ticket._iso_check_complaint_system_values(fnames)
        tickets._iso_check_complaint_stage()
        return tickets

    def write(self, vals):
        trusted = self._iso_system_trusted()
        if not trusted:
            self._iso_check_system_values(vals)
            if OBJECTIVITY_FIELDS & vals.keys():
                self._iso_check_not_subject()
        if vals.get("stage_id") and (
            vals.get("is_complaint") or any(self.mapped("is_complaint"))
        ):
            # refused up front: flagging would otherwise move it silently
            self._iso_check_stage_value(vals["stage_id"])
        given = COMPLAINT_SYSTEM_FIELDS & vals.keys()
        res = super().write(vals)
        if not trusted:
            self._iso_check_complaint_system_values(given)
        if {"stage_id", "is_complaint", "team_id"} & vals.keys():
            self._iso_check_complaint_stage()
        return res

    def copy_data(self, default=None):
        if (
            default
            and "is_complaint" in default
            and not default["is_complaint"]
            and any(self.mapped("is_complaint"))
        ):
            raise UserError(
                self.env._(
                    "A copy of a complaint is a complaint: it cannot be made a "
                    "plain ticket."
                )
            )
        vals_list = super().copy_data(default=default)
        for ticket, vals in zip(self, vals_list, strict=True):
            if ticket.is_complaint:
                vals["is_complaint"] = True
        return vals_list

    @api.constrains("is_complaint", "received_date", *PROCESS_DATES)
    def _check_process_dates(self):
        limit = Datetime.now() + CLOCK_TOLERANCE
        for ticket in self.filtered("is_complaint"):
            received = ticket.received_date
            dates = [
                fname
                for fname in PROCESS_DATES
                if ticket[fname]
                and (fname != "closed_date" or ticket.iso_step in TERMINAL_STEPS)
            ]
            wrong = [
                fname
                for fname in dates
                if ticket[fname] > limit or (received and ticket[fname] < received)
            ]
            if received and received > limit:
                wrong.insert(0, "received_date")
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: %(fields)s cannot be in the future "
                        "nor, for the steps of the process, before the "
                        "complaint was received (ISO 10002 4.9).",
                        ref=ticket.complaint_ref or ticket.display_name,
                        fields=", ".join(
                            self._fields[f]._description_string(self.env) for f in wrong
                        ),
                    )
                )

    def action_open_correction_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct a recorded fact"),
            "res_model": "iso10002.complaint.correction.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }
