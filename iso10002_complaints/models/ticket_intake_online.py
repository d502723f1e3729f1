# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Receiving a complaint filed online (portal and public form, ISO 10002 7.2)."""

import logging

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import plaintext2html

from .email_address import normalize_email_address

_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Online intake (portal and public form)
    # ------------------------------------------------------------------
    @api.model
    def _iso_intake_find_partner(self, name, email, phone=False, lang=False):
        """(contact of the complaint, existing contact of the address).

        The public form always creates the complaint's contact from what was
        typed: an existing contact is never changed, nor given a complaint
        nobody proved to be theirs. When the address belongs to an existing
        contact, the complaint joins it once the address's owner confirms
        (see ticket_intake_confirm.py).
        """
        email = normalize_email_address(email)
        existing = self._iso_intake_existing_partner(email)
        return self._iso_intake_new_partner(name, email, phone, lang), existing

    @api.model
    def _iso_intake_submit(
        self, form, files, *, partner=None, ip_address=None, company=None, lang=None
    ):
        """Receive a complaint filed online.

        ``partner`` is the logged-in complainant (portal); without it the
        complainant is found or created from the email of the form (public
        form). Runs with superuser rights, called by the portal controllers
        once the request is authenticated (portal) or checked (public form:
        CSRF, honeypot). Either everything is created, or nothing.

        Returns (complaint, errors by field name).
        """
        company = company or self.env.company
        public = not partner
        policy = self.env["iso10002.complaint.policy"]._get_for_company(company)
        team = policy._get_intake_team()
        if not team or (public and not policy.public_form_enabled):
            return self.browse(), {
                "form": self.env._(
                    "Complaints cannot be filed online at the moment. Please "
                    "contact us by email, phone or letter."
                )
            }
        values, attachments, errors = self._iso_intake_validate(
            form, files, public, team=team, partner=partner
        )
        if errors:
            return self.browse(), errors
        email = values["email"] if public else (partner.email_normalized or False)
        log_model = self.env["iso10002.complaint.intake.log"].sudo()
        # decided and counted in a transaction of its own, committed at once
        # (the submission counts even if what follows fails); the complaint
        # is created below in the request's transaction, all or nothing
        limited = log_model._iso_rate_limited(
            ip_address=ip_address,
            email=email,
            channel="public" if public else "portal",
        )
        if limited:
            return self.browse(), {
                "form": self.env._(
                    "We have received several complaints from you in a short "
                    "time. Please wait an hour before sending another one, or "
                    "contact us by email or phone."
                ),
                "status": 429,
            }
        fingerprint = log_model._iso_fingerprint(
            email or (partner and partner.id),
            values["subject"],
            values["description"],
        )
        try:
            with self.env.cr.savepoint():
                log = log_model._iso_register(
                    fingerprint,
                    {
                        "ip_address": ip_address,
                        "email": email,
                        "channel": "public" if public else "portal",
                    },
                )
                if not log:
                    return self.browse(), {
                        "form": self.env._(
                            "You have just sent us this complaint: we received "
                            "it. Check your mailbox for our acknowledgement "
                            "with its reference."
                        ),
                        "status": 409,
                    }
                if public:
                    partner, existing = self._iso_intake_find_partner(
                        values["name"], email, values["phone"], lang
                    )
                complaint = self._iso_intake_create(
                    values, attachments, partner, team, company
                )
                log.ticket_id = complaint
                if public:
                    complaint._iso_intake_record_contact(partner, existing)
        except (UserError, ValidationError, AccessError) as error:
            _logger.info("Online complaint refused: %s", error)
            return self.browse(), {
                "form": self.env._(
                    "We could not record your complaint: %(reason)s",
                    reason=error.args[0] if error.args else "",
                )
            }
        return complaint, {}

    @api.model
    def _iso_intake_create(self, values, attachments, partner, team, company):
        web = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_web", raise_if_not_found=False
        )
        vals = {
            "is_complaint": True,
            "name": values["subject"],
            "description": plaintext2html(values["description"]),
            "team_id": team.id,
            # unassigned: never the complainant filing it, nor OdooBot
            "user_id": False,
            "company_id": (team.company_id or company).id,
            "category_id": values["category_id"],
            "channel_id": web.id if web else False,
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
            "contact_preference": values["contact_preference"],
            "product_service": values["product_service"] or False,
            "order_reference": values["order_reference"] or False,
            "incident_date": values["incident_date"],
            "incident_place": values["incident_place"] or False,
            "remedy_requested": values["remedy_requested"] or False,
            "consent_given": True,
        }
        if values.get("phone") and not partner.phone:
            partner.phone = values["phone"]
        complaint = self.with_context(mail_create_nosubscribe=True).create(vals)
        complaint.message_subscribe(partner_ids=partner.ids)
        if attachments:
            complaint.message_post(
                body=self.env._("Documents sent with the complaint."),
                author_id=partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                attachments=[(name, data) for name, data, _mimetype in attachments],
            )
        return complaint
