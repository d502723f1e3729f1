# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files mailed to a complaint by outsiders are judged by their content too.

The mail gateway posts incoming emails as superuser, which the
``ir.attachment`` check of ir_attachment.py does not concern: an email from
someone who is not an employee keeps its text, but the files the complaint
forms would refuse (a program renamed ``.pdf``...) are left out, and the
handler is told which.
"""

from markupsafe import Markup

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def message_post(self, **kwargs):
        refused = []
        if (
            len(self) == 1
            and self.is_complaint
            and kwargs.get("message_type") == "email"
            and kwargs.get("attachments")
            and not self._iso_author_is_employee(kwargs.get("author_id"))
        ):
            kwargs["attachments"], refused = self._iso_filter_mail_attachments(
                kwargs["attachments"]
            )
        message = super().message_post(**kwargs)
        if refused:
            self.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._(
                        "Files of the email left out: they are not accepted "
                        "from complainants."
                    ),
                    Markup().join(Markup("<li>%s</li>") % error for error in refused),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return message

    def _iso_author_is_employee(self, author_id):
        if not author_id:
            return False
        # sudo: whether the author has an internal account, nothing else
        author = self.env["res.partner"].sudo().browse(author_id).exists()
        return any(user._is_internal() for user in author.user_ids)

    def _iso_filter_mail_attachments(self, attachments):
        """(attachments the forms would accept, why each other is refused)."""
        kept, refused = [], []
        for attachment in attachments:
            name, content = attachment[0], attachment[1]
            data = content.encode() if isinstance(content, str) else content
            _accepted, error = self._iso_intake_check_files([(name, data)])
            if error:
                refused.append(error)
            else:
                kept.append(attachment)
        return kept, refused
