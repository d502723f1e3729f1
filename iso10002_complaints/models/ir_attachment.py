# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files that complainants attach are judged by their content, not by name.

The complaint forms and the portal messages check files through
:meth:`helpdesk.ticket._iso_intake_check_files`; Odoo's own routes (the
portal chatter's ``/mail/attachment/upload`` and ``/mail/message/post``,
helpdesk_mgmt's portal) create ``ir.attachment`` records directly: the same
checks apply when a portal or public user attaches a file to a complaint.
"""

import os

from odoo import api, models
from odoo.exceptions import ValidationError

from .file_content import content_mimetype, is_active_content


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _iso_check_file_content(self, name, data):
        """(mimetype the content proves, None) or (None, why it is refused).

        ``name`` has an accepted extension: the content must be of the
        family it names, and never a program, a script or a page.
        """
        if is_active_content(data):
            return None, self.env._(
                "%(file)s contains a web page, a program or a script, which "
                "we cannot accept. Send a PDF, a picture or a document instead.",
                file=name,
            )
        extension = os.path.splitext(name)[1].lower().lstrip(".")
        mimetype = content_mimetype(data, extension)
        if not mimetype:
            return None, self.env._(
                "%(file)s is not a real .%(ext)s file: its content does not "
                "match its name. Send the original file, or save it again as "
                "PDF.",
                file=name,
                ext=extension,
            )
        return mimetype, None


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model_create_multi
    def create(self, vals_list):
        attachments = super().create(vals_list)
        attachments._iso_check_complainant_files()
        return attachments

    def write(self, vals):
        res = super().write(vals)
        if {"res_model", "res_id", "raw", "datas", "name"} & vals.keys():
            self._iso_check_complainant_files()
        return res

    def _iso_check_complainant_files(self):
        """Refuse a file a portal or public user attaches to a complaint
        unless the complaint forms would accept it."""
        user = self.env.user
        if user._is_superuser() or user._is_internal():
            return
        on_tickets = self.filtered(
            lambda a: (
                a.res_model == "helpdesk.ticket" and a.res_id and a.type == "binary"
            )
        )
        if not on_tickets:
            return
        # sudo: portal users may read the complaint they attach a file to,
        # not necessarily its flag; the attachment's content is theirs
        complaints = (
            self.env["helpdesk.ticket"]
            .sudo()
            .browse(set(on_tickets.mapped("res_id")))
            .exists()
            .filtered("is_complaint")
        )
        ticket_model = self.env["helpdesk.ticket"]
        for attachment in on_tickets.sudo().filtered(
            lambda a: a.res_id in complaints.ids
        ):
            _accepted, error = ticket_model._iso_intake_check_files(
                [(attachment.name or "file", attachment.raw or b"")]
            )
            if error:
                raise ValidationError(error)
