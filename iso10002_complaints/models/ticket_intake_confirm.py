# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public form: the owner of an email address confirms a complaint is theirs.

Anyone can type anyone's address on the public form. A complaint filed with
the address of an existing contact is stored, numbered and acknowledged at
once, but belongs to a contact of its own (created for it, never shown in
anyone's portal) until the owner of the address follows the single-use,
expiring link mailed to it: the complaint then joins the existing contact
(the one with a portal account first). The existing contact is never
changed by what was typed on the form.
"""

import hashlib
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .complaint_intake_log import PARAM_PREFIX
from .email_address import normalize_email_address

DEFAULT_CONFIRM_HOURS = 168


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    intake_partner_id = fields.Many2one(
        "res.partner",
        string="Contact created by the intake",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The contact the public form created for this complaint: the "
        "new complainant's, or a contact of its own while the email address "
        "of an existing contact is not confirmed. Erased with the complaint's "
        "personal data.",
    )
    intake_unconfirmed = fields.Boolean(
        string="Email address not confirmed",
        readonly=True,
        copy=False,
        help="Filed on the public form with the email address of an existing "
        "contact: the complaint joins that contact (and their portal) once "
        "the owner of the address confirms it by the link mailed to it.",
    )
    intake_confirm_deadline = fields.Datetime(
        string="Confirmation link valid until", readonly=True, copy=False
    )
    # only a hash: the link itself is in the owner's mailbox alone
    intake_confirm_token_hash = fields.Char(copy=False, groups="base.group_system")

    # ------------------------------------------------------------------
    # Contacts of the public form
    # ------------------------------------------------------------------
    @api.model
    def _iso_intake_existing_partner(self, email):
        """The existing contact an address belongs to, if any: the one with
        a portal (or other) account first, then the oldest; contacts the
        intake created for unconfirmed complaints do not count."""
        # sudo: public visitors read no contacts; only the match is used
        partners = (
            self.env["res.partner"]
            .sudo()
            .search([("email_normalized", "=", email)], order="id")
        )
        if not partners:
            return partners
        stand_ins = (
            self.sudo()
            .search(
                [
                    ("intake_partner_id", "in", partners.ids),
                    ("intake_unconfirmed", "=", True),
                ]
            )
            .intake_partner_id
        )
        partners -= stand_ins
        with_user = partners.filtered(lambda p: p.user_ids)
        return (with_user or partners)[:1]

    @api.model
    def _iso_intake_new_partner(self, name, email, phone=False, lang=False):
        values = {"name": name or email, "email": email}
        if phone:
            values["phone"] = phone
        if lang and lang in dict(self.env["res.lang"].get_installed()):
            values["lang"] = lang
        # sudo: public visitors may not create contacts; the values were
        # checked by the form
        return (
            self.env["res.partner"]
            .sudo()
            .with_context(mail_create_nosubscribe=True)
            .create(values)
        )

    def _iso_intake_record_contact(self, partner, existing):
        """Remember the contact the intake created; when the address
        belongs to ``existing``, ask its owner to confirm."""
        self.ensure_one()
        self.sudo().intake_partner_id = partner
        if existing:
            self._iso_intake_request_confirmation()

    # ------------------------------------------------------------------
    # Confirmation by the owner of the address
    # ------------------------------------------------------------------
    @api.model
    def _iso_intake_confirm_hours(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(PARAM_PREFIX + "intake_confirm_hours", DEFAULT_CONFIRM_HOURS)
        )
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return DEFAULT_CONFIRM_HOURS

    def _iso_intake_request_confirmation(self):
        """Mail a new single-use confirmation link to the complaint's address.

        The link goes by mail only, never into the chatter (whoever reads
        the complaint must not be able to confirm it).
        """
        self.ensure_one()
        email = normalize_email_address(self.partner_email)
        if not email:
            return False
        token = secrets.token_urlsafe(32)
        deadline = fields.Datetime.now() + timedelta(
            hours=self._iso_intake_confirm_hours()
        )
        # sudo: the token's hash is readable by administrators only
        self.sudo().write(
            {
                "intake_unconfirmed": True,
                "intake_confirm_token_hash": _token_hash(token),
                "intake_confirm_deadline": deadline,
            }
        )
        lang = self.partner_id.lang or self.env.lang
        ticket = self.with_context(lang=lang)
        body = self.env["ir.qweb"]._render(
            "iso10002_complaints.complaint_intake_confirm_mail",
            {
                "object": ticket,
                "url": f"{self.get_base_url()}/complaints/confirm/{token}",
                "deadline": fields.Datetime.context_timestamp(
                    ticket.with_context(tz=self.partner_id.tz or "UTC"), deadline
                ).strftime("%Y-%m-%d %H:%M"),
            },
        )
        # sudo: complainants may not create mails; no recipient partner, so
        # that the existing contact is not linked to the complaint by it
        self.env["mail.mail"].sudo().create(
            {
                "subject": ticket.env._(
                    "Is complaint %(ref)s yours? Please confirm",
                    ref=self.complaint_ref or self.number,
                ),
                "body_html": body,
                "email_from": self.company_id.email_formatted
                or self.env.user.email_formatted,
                "email_to": email,
                # no model nor res_id: its message must not join the thread
                "auto_delete": True,
            }
        )
        self.message_post(
            body=self.env._(
                "This email address belongs to an existing contact: the "
                "complaint stays apart from that contact until the owner of "
                "the address confirms it by the link sent to %(email)s.",
                email=email,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return token

    def action_iso_resend_intake_confirmation(self):
        """A new confirmation link (e.g. the first one expired); the
        previous link stops working."""
        self._iso_ensure_complaints()
        for ticket in self:
            if not ticket.intake_unconfirmed or ticket.anonymised:
                raise UserError(
                    self.env._(
                        "%(ref)s is not waiting for the confirmation of its "
                        "email address.",
                        ref=ticket.complaint_ref or ticket.number,
                    )
                )
            if not ticket._iso_intake_request_confirmation():
                raise UserError(
                    self.env._(
                        "%(ref)s has no valid email address to send the "
                        "confirmation link to.",
                        ref=ticket.complaint_ref or ticket.number,
                    )
                )
        return True

    @api.model
    def _iso_intake_find_by_token(self, token):
        """The unconfirmed complaint of a confirmation link and whether the
        link is still valid: (complaint, 'valid' | 'expired' | 'invalid')."""
        if not token or not isinstance(token, str) or len(token) > 100:
            return self.browse(), "invalid"
        # sudo: the visitor is anonymous; the token is the credential
        complaint = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("intake_confirm_token_hash", "=", _token_hash(token)),
                    ("intake_unconfirmed", "=", True),
                    ("is_complaint", "=", True),
                    ("anonymised", "=", False),
                ],
                limit=1,
            )
        )
        if not complaint:
            return complaint, "invalid"
        if (
            not complaint.intake_confirm_deadline
            or complaint.intake_confirm_deadline < fields.Datetime.now()
        ):
            return complaint, "expired"
        return complaint, "valid"

    def _iso_intake_confirm(self):
        """The owner of the address confirmed: the complaint joins their
        contact and portal; the link is used up."""
        self.ensure_one()
        stand_in = self.partner_id
        owner = self._iso_intake_existing_partner(
            normalize_email_address(self.partner_email)
        )
        values = {
            "intake_unconfirmed": False,
            "intake_confirm_token_hash": False,
            "intake_confirm_deadline": False,
        }
        if owner and owner != stand_in:
            values["partner_id"] = owner.id
        self.sudo().write(values)
        if not owner or owner == stand_in:
            return self.partner_id
        self.message_subscribe(partner_ids=owner.ids)
        if stand_in and stand_in == self.intake_partner_id:
            self.message_unsubscribe(partner_ids=stand_in.ids)
            # sudo: the intake's own contact, kept for the history only
            stand_in.sudo().write({"active": False})
        self.message_post(
            body=self.env._(
                "The owner of %(email)s confirmed this complaint: it now "
                "belongs to their contact %(name)s.",
                email=self.partner_email,
                name=owner.display_name,
            ),
            subtype_xmlid="mail.mt_note",
            author_id=owner.id,
        )
        return owner
