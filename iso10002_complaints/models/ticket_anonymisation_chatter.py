# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymisation (ticket_anonymisation.py) of what the complaint's chatter
holds: messages, outgoing mails, delivery records, tracking values,
reactions and link previews, activities, scheduled messages, attachments."""

import re

from markupsafe import Markup

from odoo import Command, models
from odoo.tools import is_html_empty

# pictures and files embedded in html: /web/image/42, /web/content/42?...
EMBEDDED_RE = re.compile(r"/web/(?:image|content)/(?:ir\.attachment/)?(\d+)")


def internal_partners(partners):
    """The partners of internal users (staff), kept everywhere."""
    return partners.filtered(lambda p: any(not u.share for u in p.user_ids))


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _iso_messages(self):
        return self.env["mail.message"].search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        )

    def _iso_attachments(self, messages):
        """Attachments of the complaints, of their messages, activities and
        scheduled messages, and those embedded in their html."""
        Attachment = self.env["ir.attachment"]
        activities = self._iso_activities()
        scheduled = self._iso_scheduled_messages()
        attachments = (
            Attachment.search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    "|",
                    ("res_field", "=", False),
                    ("res_field", "!=", False),
                ]
            )
            | messages.attachment_ids
            | activities.attachment_ids
            | scheduled.attachment_ids
        )
        letters = self._iso_letters()
        if letters:
            attachments |= letters.attachment_id
        html_fields = [
            name
            for name, field in self._fields.items()
            if field.type == "html" and field.store
        ]
        texts = messages.mapped("body") + scheduled.mapped("body")
        texts += activities.mapped("note")
        for ticket in self:
            texts += [ticket[name] for name in html_fields]
        ids = {int(i) for text in texts for i in EMBEDDED_RE.findall(text or "")}
        # only files pasted in a complaint or a message (the editor leaves
        # them unattached): not those of another document, nor shared ones
        # (a template's picture, a public image)
        pasted_in = (self._name, "mail.message", "mail.compose.message")
        embedded = (
            Attachment.browse(ids)
            .exists()
            .filtered(
                lambda a: (
                    not a.public
                    and a.res_model in pasted_in
                    and (
                        not a.res_id
                        or (a.res_model == self._name and a.res_id in self.ids)
                        or (a.res_model == "mail.message" and a.res_id in messages.ids)
                    )
                )
            )
        )
        return attachments | embedded

    def _iso_activities(self):
        # done activities of types that keep them are archived, not deleted
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )

    def _iso_scheduled_messages(self):
        return self.env["mail.scheduled.message"].search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        )

    def _iso_letters(self):
        """Letters sent by post from the complaints, if snailmail is installed."""
        if "snailmail.letter" not in self.env:
            return []
        return self.env["snailmail.letter"].search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        )

    def _iso_erase_texts_and_letters(self, messages):
        """Text messages and letters sent from the complaints, when those
        apps are installed: phone numbers, postal addresses."""
        if "sms.sms" in self.env:
            self.env["sms.sms"].search(
                [("mail_message_id", "in", messages.ids)]
            ).unlink()
        letters = self._iso_letters()
        if letters:
            letters.unlink()

    def _iso_erase_activities(self):
        """Planned and kept done activities (their res_name, summary, note
        and feedback); the messages of done ones are erased with the others."""
        self._iso_activities().unlink()
        self._iso_scheduled_messages().unlink()

    def _iso_erase_messages(self, messages):
        placeholder = Markup("<p>%s</p>") % self.env._("Anonymised")
        internal = internal_partners(messages.author_id)
        messages.write(
            {
                "subject": False,
                "email_from": False,
                "reply_to": False,
                "incoming_email_to": False,
                "incoming_email_cc": False,
                "outgoing_email_to": False,
                # an incoming email's Message-Id names the sender's domain
                "message_id": False,
                "author_guest_id": False,
                "attachment_ids": [Command.clear()],
                "partner_ids": [Command.clear()],
            }
        )
        messages.filtered(lambda m: not is_html_empty(m.body)).write(
            {"body": placeholder}
        )
        messages.filtered(lambda m: m.author_id and m.author_id not in internal).write(
            {"author_id": False}
        )
        messages.tracking_value_ids.filtered(
            lambda v: self._iso_personal_tracking(v.field_id.name)
        ).unlink()
        messages.reaction_ids.filtered(
            lambda r: not internal_partners(r.partner_id)
        ).unlink()
        messages.message_link_preview_ids.unlink()
        self.env["mail.message.translation"].search(
            [("message_id", "in", messages.ids)]
        ).unlink()
        self.env["mail.message.schedule"].search(
            [("mail_message_id", "in", messages.ids)]
        ).unlink()
        mails = self.env["mail.mail"].search([("mail_message_id", "in", messages.ids)])
        mails.filtered(lambda m: m.state in ("outgoing", "exception")).write(
            {"state": "cancel"}
        )
        mails.write(
            {
                "body_html": False,
                "email_to": False,
                "email_cc": False,
                "headers": False,
                "references": False,
                "failure_reason": False,
                "recipient_ids": [Command.clear()],
            }
        )
        # delivery records name the external recipients and their addresses
        notifications = self.env["mail.notification"].search(
            [("mail_message_id", "in", messages.ids)]
        )
        external = notifications.filtered(
            lambda n: n.res_partner_id not in internal_partners(n.res_partner_id)
        )
        external.unlink()
        values = {"failure_reason": False, "mail_email_address": False}
        if "sms_number" in notifications._fields:
            values["sms_number"] = False
        (notifications - external).write(values)
        (notifications - external).filtered(
            lambda n: n.author_id and n.author_id not in internal
        ).write({"author_id": False})
