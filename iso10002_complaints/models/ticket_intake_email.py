# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints received by email (ISO 10002 4.5, 7.2): the sender becomes the
complainant."""

from markupsafe import Markup

from odoo import api, models
from odoo.tools import is_html_empty
from odoo.tools.mail import formataddr

from .email_address import parse_sender


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Email intake
    # ------------------------------------------------------------------
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Mail to a complaints team's alias: a complaint from the sender.

        The sender becomes the complainant (found or created by email), so
        that the acknowledgement, the portal link and the satisfaction survey
        reach them; the channel is Email.
        """
        custom_values = dict(custom_values or {})
        team = self.env["helpdesk.ticket.team"].browse(custom_values.get("team_id"))
        if not (
            custom_values.get("is_complaint")
            or team.is_complaint_team
            or self.env.context.get("default_is_complaint")
        ):
            return super().message_new(msg_dict, custom_values=custom_values)
        custom_values["is_complaint"] = True
        # unassigned unless the alias says otherwise: never OdooBot, the
        # mail gateway's user (helpdesk_mgmt's auto-assignment)
        custom_values.setdefault("user_id", False)
        email_channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
        )
        if email_channel:
            custom_values.setdefault("channel_id", email_channel.id)
        if is_html_empty(msg_dict.get("body")):
            # the description is required: an email with attachments only
            # is still a complaint
            custom_values.setdefault(
                "description",
                Markup("<p>%s</p>") % self.env._("(The email had no text.)"),
            )
        # helpdesk_mgmt copies the whole From header: keep one valid address
        # or none (a complaint is never lost, but nothing is ever mailed to,
        # nor a contact created from, an invalid sender)
        name, email = parse_sender(msg_dict.get("email_from") or msg_dict.get("from"))
        custom_values["partner_email"] = email
        if name:
            custom_values.setdefault("partner_name", name)
        if not msg_dict.get("author_id") and email:
            partner = (
                self.env["res.partner"]
                .sudo()
                ._find_or_create_from_emails([formataddr((name or "", email))])[0]
            )
            if partner:
                # the incoming message is then posted in the sender's name too
                msg_dict["author_id"] = partner.id
        complaint = super().message_new(msg_dict, custom_values=custom_values)
        if complaint.partner_id:
            complaint.message_subscribe(partner_ids=complaint.partner_id.ids)
        return complaint
