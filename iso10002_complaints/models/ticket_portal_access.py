# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complainant's own link to a complaint (ISO 10002 4.10, 7.3).

The portal access token (``portal.mixin``) opens the complaint's portal page
to whoever holds it and lets them write as the complainant. So, for
complaints:

- nobody but administrators reads it (field ``groups``); Odoo's own code
  paths that need it read it as superuser;
- it reaches the complainant alone: the notification layout gives the link
  with the token to the complainant's own copy of a message (the portal
  customer group of ``_notify_get_recipients_groups``); message bodies,
  stored in the chatter and sent to every follower, and links built for
  anyone else never carry it;
- a new one replaces it whenever the complaint becomes confidential, changes
  handler or complainant, or is anonymised: links sent before stop working;
- only the complainant uses it: a logged-in user who is not the complainant
  gets nothing from a token (portal chatter routes included).
"""

import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from odoo import api, fields, models

from odoo.addons.portal.utils import get_portal_partner

# a change of these gives the complaint a new access token
TOKEN_ROTATING_FIELDS = ("confidential", "user_id", "partner_id", "anonymised")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    access_token = fields.Char(groups="base.group_system")

    # ------------------------------------------------------------------
    # Links
    # ------------------------------------------------------------------
    def _portal_ensure_token(self):
        # sudo: only administrators read the token (field groups); Odoo's own
        # code paths call this to build the link of the complainant's copy of
        # a notification (portal _notify_get_recipients_groups) or of their
        # own share URL, which the overrides below keep from anyone else
        return super(HelpdeskTicket, self.sudo())._portal_ensure_token()

    def _sign_token(self, pid):
        # sudo: the signature of the complainant's link is made of the token
        # (field groups); portal's _notify_get_recipients_groups signs it for
        # the complainant's copy of a notification
        return super(HelpdeskTicket, self.sudo())._sign_token(pid)

    def _iso_link_for_complainant(self):
        """Links built now may carry the token: not a complaint, or the
        current user is the complainant, or a logged-out visitor who already
        proved they hold the token (Odoo's /mail/view redirection)."""
        self.ensure_one()
        if not self.is_complaint:
            return True
        user = self.env.user
        if user._is_public():
            return True
        complainant = self.sudo().partner_id
        return bool(complainant) and user.partner_id == complainant

    def get_portal_url(
        self,
        suffix=None,
        report_type=None,
        download=None,
        query_string=None,
        anchor=None,
    ):
        """A complaint's URL without its token: it goes into mail bodies
        (templates), stored in the chatter and sent to every follower. The
        complainant's copy of a message gets the link with the token from
        the notification layout."""
        url = super().get_portal_url(
            suffix=suffix,
            report_type=report_type,
            download=download,
            query_string=query_string,
            anchor=anchor,
        )
        if not self.is_complaint:
            return url
        parts = urlsplit(url)
        query = [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if key != "access_token"
        ]
        return urlunsplit(parts._replace(query=urlencode(query)))

    def _get_share_url(
        self, redirect=False, signup_partner=False, pid=None, share_token=True
    ):
        # the share wizard of an employee would send the complainant's
        # token, signature (pid/hash) or signup link to any address
        if not self._iso_link_for_complainant():
            share_token, signup_partner, pid = False, False, None
        return super()._get_share_url(
            redirect=redirect,
            signup_partner=signup_partner,
            pid=pid,
            share_token=share_token,
        )

    def _notify_get_recipients_groups(self, message, model_description, msg_vals=False):
        groups = super()._notify_get_recipients_groups(
            message, model_description, msg_vals=msg_vals
        )
        if self and self.is_complaint:
            # the complainant's own copy: its button opens the complaint
            # with the token, without logging in
            for name, _func, data in groups:
                if name == "portal_customer":
                    data.setdefault("button_access", {})["title"] = self.env._(
                        "View your complaint"
                    )
        return groups

    # ------------------------------------------------------------------
    # Portal chatter routes (/mail/message/post, /mail/chatter_fetch...)
    # ------------------------------------------------------------------
    @api.model
    def _get_thread_with_access(
        self, thread_id, *, hash=None, pid=None, token=None, **kwargs
    ):
        thread = super()._get_thread_with_access(
            thread_id, hash=hash, pid=pid, token=token, **kwargs
        )
        # sudo: is the thread a complaint, and who is its complainant,
        # whatever the visitor's rights
        thread_sudo = thread.sudo()
        if not thread or not thread_sudo.is_complaint:
            return thread
        mode = kwargs.get("mode", "read")
        if thread.sudo(False).with_context(allowed_company_ids=[]).has_access(mode):
            return thread  # the user's own rights, no token involved
        complainant = thread_sudo.partner_id
        if not complainant:
            return self.browse()
        user = self.env.user
        if user._is_public():
            # a visitor holding the current token (or the complainant's
            # signature) acts as the complainant, never as anyone else
            if get_portal_partner(thread_sudo, hash, pid, token) == complainant:
                return thread
            return self.browse()
        return thread if user.partner_id == complainant else self.browse()

    def _mail_get_operation_for_mail_message_operation(self, message_operation):
        """helpdesk_mgmt lets whoever reads a ticket post on it
        (``_mail_post_access = "read"``). On a complaint, a message is
        written by those who may change the complaint, or by its
        complainant (a visitor's token is checked by _get_thread_with_access);
        read-only roles (auditor, employee followers) post nothing, not even
        a comment emailed to the complainant."""
        operations = super()._mail_get_operation_for_mail_message_operation(
            message_operation
        )
        if message_operation != "create" or self.env.user._is_public():
            return operations
        partner = self.env.user.partner_id
        # sudo: whose complaint it is, whatever the user's rights
        for ticket in self.sudo().filtered("is_complaint"):
            if operations.get(ticket) == "read" and ticket.partner_id != partner:
                operations[ticket] = "write"
        return operations

    def _message_compute_author(self, author_id=None, email_from=None):
        """On a complaint, what a logged-out visitor writes (the public form,
        a message or reaction with the complainant's link) is the
        complainant's, never the public user's."""
        user = self.env.user
        if (
            len(self) == 1
            and user._is_public()
            and author_id in (None, user.partner_id.id)
            and not email_from
        ):
            # sudo: the public user cannot read the complaint
            complaint = self.sudo()
            if complaint.is_complaint and complaint.partner_id:
                author_id = complaint.partner_id.id
        return super()._message_compute_author(author_id, email_from)

    # ------------------------------------------------------------------
    # Satisfaction survey (8.3)
    # ------------------------------------------------------------------
    def rating_send_request(self, template, lang=False, force_send=True):
        """The survey of a complaint goes to the complainant's mailbox only.

        Its links carry the rating's token, with which anyone rates the
        handling as the complainant: Odoo would post it as a note, kept in
        the chatter that every reader of the complaint sees. It is sent as
        a user notification of the complaint instead: out of the chatter,
        readable by its recipient alone (mail.message access), and still
        the complaint's, so that anonymisation erases it.
        """
        complaints = self.filtered("is_complaint")
        res = None
        if self - complaints:
            res = super(HelpdeskTicket, self - complaints).rating_send_request(
                template, lang=lang, force_send=force_send
            )
        if lang:
            template = template.with_context(lang=lang)
        for complaint in complaints:
            template.send_mail(
                complaint.id,
                force_send=force_send,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={
                    "model": complaint._name,
                    "res_id": complaint.id,
                    "message_type": "user_notification",
                    # the organisation's mail: no user reads it as its author
                    "author_id": complaint.company_id.partner_id.id,
                },
            )
            complaint._message_log(
                body=self.env._(
                    "Satisfaction survey sent to %(name)s.",
                    name=complaint.partner_id.display_name,
                )
            )
        return res

    # ------------------------------------------------------------------
    # Rotation
    # ------------------------------------------------------------------
    def write(self, vals):
        # the handler also changes when a new team drops them (helpdesk_mgmt
        # recomputes user_id): compare what the write did, not the values
        watched = self.browse()
        if vals.keys() & set(TOKEN_ROTATING_FIELDS + ("team_id",)):
            watched = self.filtered("is_complaint")
        before = {ticket.id: ticket._iso_token_state() for ticket in watched}
        res = super().write(vals)
        rotate = watched.filtered(
            lambda ticket: ticket._iso_token_rotates(before[ticket.id])
        )
        if rotate:
            rotate._iso_rotate_access_token()
        return res

    def _iso_token_state(self):
        self.ensure_one()
        return {
            "confidential": self.confidential,
            "anonymised": self.anonymised,
            "user_id": self.user_id.id,
            "partner_id": self.partner_id.id,
        }

    def _iso_token_rotates(self, before):
        """Whether the complaint changed since ``before`` so as to call for a
        new token: it became confidential or anonymised, or its handler or
        complainant changed."""
        after = self._iso_token_state()
        return (
            (after["confidential"] and not before["confidential"])
            or (after["anonymised"] and not before["anonymised"])
            or after["user_id"] != before["user_id"]
            or after["partner_id"] != before["partner_id"]
        )

    def _iso_rotate_access_token(self):
        """A new access token: the links sent before stop working."""
        for ticket in self:
            # sudo: only administrators may write the token (field groups)
            ticket.sudo().access_token = str(uuid.uuid4())
