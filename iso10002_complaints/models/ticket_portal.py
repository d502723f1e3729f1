# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complainant's side of a complaint on the portal: where it stands (read
from the step table, :mod:`.iso_steps`), the messages they may read, adding
information (7.3) and reacting to the decision (7.8, 7.9)."""

from odoo import models
from odoo.tools import plaintext2html

from . import iso_steps
from .ticket_intake_form import FIELD_LIMITS

REACTION_ACTIVITY = "iso10002_complaints.mail_activity_complaint_reaction"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    def _compute_access_url(self):
        res = super()._compute_access_url()
        for ticket in self.filtered("is_complaint"):
            ticket.access_url = f"/my/complaint/{ticket.id}"
        return res

    def _iso_portal_step(self):
        """Where the complaint stands, in plain words for the complainant:
        the title, text and milestone of its step in the step table
        (:mod:`.iso_steps`)."""
        self.ensure_one()
        step = iso_steps.STEPS_BY_CODE.get(self.iso_step) or iso_steps.STEPS[0]
        milestones = [code for code, _label in iso_steps.MILESTONES]
        position = milestones.index(step.milestone)
        progress = [
            {
                "label": self.env._(label),
                "done": index <= position,
                "current": code == step.milestone,
            }
            for index, (code, label) in enumerate(iso_steps.MILESTONES)
        ]
        return {
            "step": step.code,
            # a step out of the sequence (withdrawn) shows no progress bar
            "in_sequence": step.cumulative,
            "title": self.env._(step.portal_title),
            "text": self.env._(step.portal_text),
            "progress": progress,
        }

    def _iso_portal_messages(self):
        """Messages the complainant may read: never internal notes."""
        self.ensure_one()
        messages = self.sudo().message_ids.filtered(
            lambda m: (
                m.message_type in ("comment", "email", "email_outgoing")
                and not m.is_internal
                and not m.subtype_id.internal
                and (m.body or m.attachment_ids)
            )
        )
        for attachment in messages.attachment_ids:
            attachment.generate_access_token()
        return messages.sorted(lambda m: (m.date, m.id))

    def _iso_portal_add_information(self, text, files, author):
        """The complainant adds information or documents (7.3).

        Called by the portal in sudo, once the access to the complaint was
        checked; ``author`` is the partner the message is posted for.
        """
        self.ensure_one()
        self._iso_ensure_complaints()
        text = self._iso_clean_text(text)
        errors = {}
        attachments, file_error = self._iso_intake_check_files(files)
        if file_error:
            errors["attachments"] = file_error
        if not text and not attachments:
            errors["note"] = self.env._("Write a message or attach a file.")
        elif len(text) > FIELD_LIMITS["note"]:
            errors["note"] = self.env._(
                "Your message is too long (%(max)s characters at most).",
                max=FIELD_LIMITS["note"],
            )
        if errors:
            return errors
        self.message_post(
            body=plaintext2html(text) if text else "",
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[(name, data) for name, data, _mimetype in attachments],
        )
        return {}

    def _iso_portal_react(self, reaction, note, author):
        """The complainant accepts or rejects the decision (7.8, 7.9).

        Called by the portal in sudo, once the access to the complaint was
        checked; ``author`` is the partner who answers.
        """
        self.ensure_one()
        note = self._iso_clean_text(note)
        if reaction not in ("accepted", "rejected"):
            return {"reaction": self.env._("Choose whether you accept the decision.")}
        if self.iso_step != "decision_communicated" or self.reaction in (
            "accepted",
            "rejected",
        ):
            return {
                "form": self.env._(
                    "There is no decision waiting for your answer on this complaint."
                )
            }
        if len(note) > FIELD_LIMITS["note"]:
            return {
                "reaction_note": self.env._(
                    "Your message is too long (%(max)s characters at most).",
                    max=FIELD_LIMITS["note"],
                )
            }
        if reaction == "rejected" and not note:
            return {
                "reaction_note": self.env._(
                    "Tell us why you do not accept the decision, so that we can "
                    "review it."
                )
            }
        self._iso_record_reaction(reaction, note or False)
        if reaction == "accepted":
            body = self.env._("I accept the decision.")
        else:
            body = self.env._("I do not accept the decision.")
        if note:
            body = f"{body}\n\n{note}"
        self.message_post(
            body=plaintext2html(body),
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        responsible = self._iso_escalation_user() if reaction == "rejected" else None
        responsible = responsible or self.user_id.filtered("active")
        if responsible:
            summary = (
                self.env._("Decision accepted: close the complaint (7.9)")
                if reaction == "accepted"
                else self.env._(
                    "Decision rejected: review or escalate the complaint (7.9)"
                )
            )
            self.activity_schedule(
                REACTION_ACTIVITY, summary=summary, user_id=responsible.id
            )
        return {}
