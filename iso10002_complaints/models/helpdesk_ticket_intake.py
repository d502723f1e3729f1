# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake and communication with complainants who are not Odoo users.

Online intake (portal and public form, 4.5, 7.2), email intake, what the
complainant sees of their complaint (7.3, 7.8), satisfaction with the
handling (8.3) and escalation of complaints at risk or overdue (4.15).
"""

import logging
import os
import re
from collections import defaultdict
from datetime import date, datetime

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty, plaintext2html
from odoo.tools.mail import formataddr

from odoo.addons.rating.models.rating_data import (
    RATING_LIMIT_OK,
    RATING_LIMIT_SATISFIED,
)

from .complaint_intake_log import PARAM_PREFIX
from .email_address import normalize_email_address, parse_sender
from .helpdesk_ticket_stage import ISO_STEPS, TERMINAL_STEPS

_logger = logging.getLogger(__name__)

SATISFACTION_LEVELS = [
    ("satisfied", "Satisfied"),
    ("neutral", "Neutral"),
    ("dissatisfied", "Dissatisfied"),
]
# file types a complainant may attach (evidence: documents, pictures, sound,
# video); anything else, and anything whose content is executable or active
# (HTML, SVG, scripts), is refused
DEFAULT_FILE_EXTENSIONS = (
    "pdf,png,jpg,jpeg,gif,webp,heic,bmp,tif,tiff,txt,csv,rtf,doc,docx,odt,"
    "xls,xlsx,ods,ppt,pptx,odp,eml,mp3,m4a,wav,ogg,mp4,mov,webm"
)
FIELD_LIMITS = {
    "name": 100,
    "email": 254,
    "phone": 40,
    "subject": 150,
    "description": 20000,
    "product_service": 200,
    "order_reference": 100,
    "incident_place": 200,
    "remedy_requested": 5000,
    "note": 10000,
}
PHONE_RE = re.compile(r"^[0-9+()./\s-]{4,40}$")
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_FIELDS = (
    "name",
    "email",
    "phone",
    "subject",
    "description",
    "product_service",
    "order_reference",
    "incident_place",
    "remedy_requested",
)
DEADLINE_ACTIVITY = "iso10002_complaints.mail_activity_complaint_deadline"
ESCALATION_ACTIVITY = "iso10002_complaints.mail_activity_complaint_escalation"
REACTION_ACTIVITY = "iso10002_complaints.mail_activity_complaint_reaction"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Satisfaction with the handling (8.3)
    # ------------------------------------------------------------------
    satisfaction = fields.Selection(
        SATISFACTION_LEVELS,
        string="Satisfaction with the handling",
        compute="_compute_satisfaction",
        store=True,
        index="btree_not_null",
        help="Last rating the complainant gave to the way the complaint was "
        "handled (ISO 10002 8.3); empty until rated.",
    )
    satisfaction_score = fields.Float(
        string="Satisfaction score",
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="Last rating of the handling, from 1 (dissatisfied) to 5 "
        "(satisfied); 0 until rated.",
    )
    satisfaction_comment = fields.Text(
        string="Satisfaction comment",
        compute="_compute_satisfaction",
        store=True,
        help="What the complainant wrote with their rating.",
    )
    satisfaction_date = fields.Datetime(
        string="Rated on", compute="_compute_satisfaction", store=True
    )
    # ------------------------------------------------------------------
    # Escalation (4.15)
    # ------------------------------------------------------------------
    escalated_date = fields.Datetime(string="Escalated on", copy=False, readonly=True)
    escalated_to_id = fields.Many2one(
        "res.users", string="Escalated to", copy=False, readonly=True
    )
    escalated_deadline = fields.Datetime(
        string="Escalated deadline",
        copy=False,
        readonly=True,
        help="Deadline whose overrun was escalated; a later overrun of another "
        "deadline is escalated again.",
    )

    @api.depends("rating_ids.rating", "rating_ids.feedback", "rating_ids.consumed")
    def _compute_satisfaction(self):
        for ticket in self:
            ratings = ticket.rating_ids.filtered(lambda r: r.consumed and r.rating > 0)
            last = ratings.sorted(lambda r: (r.write_date or datetime.min, r.id))[-1:]
            if not last:
                ticket.satisfaction = False
                ticket.satisfaction_score = 0.0
                ticket.satisfaction_comment = False
                ticket.satisfaction_date = False
                continue
            if last.rating >= RATING_LIMIT_SATISFIED:
                level = "satisfied"
            elif last.rating >= RATING_LIMIT_OK:
                level = "neutral"
            else:
                level = "dissatisfied"
            ticket.satisfaction = level
            ticket.satisfaction_score = last.rating
            ticket.satisfaction_comment = last.feedback or False
            ticket.satisfaction_date = last.write_date

    def _send_ticket_rating_mail(self, force_send=False):
        """Ask complainants to rate the handling once their complaint is closed.

        helpdesk_mgmt_rating sends the survey while the stage is written,
        before the complaint's step guards run: queue the mail instead of
        sending it at once, so that a refused closing sends nothing.
        """
        complaints = self.filtered("is_complaint")
        res = super(HelpdeskTicket, self - complaints)._send_ticket_rating_mail(
            force_send=force_send
        )
        to_rate = complaints.filtered(
            lambda t: (
                t.iso_step == "closed"
                and not t.anonymised
                and normalize_email_address(t.partner_id.email)
            )
        )
        if to_rate:
            super(HelpdeskTicket, to_rate)._send_ticket_rating_mail(force_send=False)
        return res

    @api.model
    def _iso_setup_rating_survey(self):
        stage = self.env.ref(
            "iso10002_complaints.stage_complaint_closed", raise_if_not_found=False
        )
        template = self.env.ref(
            "iso10002_complaints.mail_template_complaint_rating",
            raise_if_not_found=False,
        )
        if stage and template and not stage.rating_mail_template_id:
            stage.rating_mail_template_id = template

    def _iso_pending_rating(self):
        """The complainant's unanswered satisfaction survey, if any."""
        self.ensure_one()
        return (
            self.sudo()
            .rating_ids.filtered(
                lambda r: not r.consumed and r.partner_id == self.partner_id
            )
            .sorted("id")[-1:]
        )

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    def _compute_access_url(self):
        res = super()._compute_access_url()
        for ticket in self.filtered("is_complaint"):
            ticket.access_url = f"/my/complaint/{ticket.id}"
        return res

    def _iso_portal_step(self):
        """Where the complaint stands, in plain words for the complainant."""
        self.ensure_one()
        texts = {
            "received": (
                self.env._("Received"),
                self.env._("We have received your complaint and registered it."),
            ),
            "acknowledged": (
                self.env._("Acknowledged"),
                self.env._(
                    "We have confirmed that we received your complaint. The "
                    "person handling it will look into it shortly."
                ),
            ),
            "assessed": (
                self.env._("Being assessed"),
                self.env._(
                    "We have looked at how serious and urgent your complaint is "
                    "and planned how to handle it."
                ),
            ),
            "investigating": (
                self.env._("Being investigated"),
                self.env._(
                    "We are finding out what happened. We may contact you for "
                    "more information."
                ),
            ),
            "responded": (
                self.env._("Response being prepared"),
                self.env._("We are preparing our answer and what we propose to do."),
            ),
            "decision_communicated": (
                self.env._("Decision sent"),
                self.env._(
                    "We have sent you our decision. Please tell us below whether "
                    "you accept it."
                ),
            ),
            "closed": (
                self.env._("Closed"),
                self.env._("Your complaint is closed. Thank you for telling us."),
            ),
            "withdrawn": (
                self.env._("Withdrawn"),
                self.env._(
                    "This complaint was withdrawn, or was not handled as a "
                    "complaint. Contact us if you think this is a mistake."
                ),
            ),
        }
        step = self.iso_step or "received"
        title, text = texts.get(step, texts["received"])
        order = [s for s, _label in ISO_STEPS if s != "withdrawn"]
        position = order.index(step) if step in order else len(order)
        milestones = [
            ("received", self.env._("Received")),
            ("acknowledged", self.env._("Acknowledged")),
            ("investigating", self.env._("Handled")),
            ("decision_communicated", self.env._("Decision")),
            ("closed", self.env._("Closed")),
        ]
        progress = [
            {
                "label": label,
                "done": order.index(milestone) <= position,
                "current": milestone == step
                or (
                    milestone == "investigating"
                    and step in ("assessed", "investigating", "responded")
                ),
            }
            for milestone, label in milestones
        ]
        return {"step": step, "title": title, "text": text, "progress": progress}

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

    # ------------------------------------------------------------------
    # Online intake (portal and public form)
    # ------------------------------------------------------------------
    @api.model
    def _iso_intake_param(self, key, default):
        return (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(PARAM_PREFIX + key, default)
        )

    @api.model
    def _iso_intake_file_limits(self):
        try:
            max_mb = float(self._iso_intake_param("intake_max_file_mb", 10))
        except ValueError:
            max_mb = 10.0
        try:
            max_files = int(self._iso_intake_param("intake_max_files", 5))
        except ValueError:
            max_files = 5
        extensions = self._iso_intake_param(
            "intake_file_extensions", DEFAULT_FILE_EXTENSIONS
        )
        allowed = {
            ext.strip().lower().lstrip(".")
            for ext in extensions.split(",")
            if ext.strip()
        }
        return {
            "max_bytes": int(max_mb * 1024 * 1024),
            "max_mb": max_mb,
            "max_files": max_files,
            "extensions": sorted(allowed),
        }

    @api.model
    def _iso_clean_text(self, value):
        if not isinstance(value, str):
            return ""
        return CONTROL_CHARS_RE.sub("", value).strip()

    @api.model
    def _iso_intake_check_files(self, files):
        """Validate uploaded files, given as (filename, bytes) pairs.

        Returns ([(name, bytes, mimetype)], error message or None).
        """
        limits = self._iso_intake_file_limits()
        files = [(name, data) for name, data in files or [] if name]
        if not files:
            return [], None
        if len(files) > limits["max_files"]:
            return [], self.env._(
                "You can attach %(max)s files at most.", max=limits["max_files"]
            )
        problems = []
        accepted = []
        for name, data in files:
            name = os.path.basename(name.replace("\\", "/")).strip()[:200] or "file"
            extension = os.path.splitext(name)[1].lower().lstrip(".")
            if not data:
                problems.append(self.env._("%(file)s is empty.", file=name))
                continue
            if len(data) > limits["max_bytes"]:
                problems.append(
                    self.env._(
                        "%(file)s is too large (%(max)s MB at most per file).",
                        file=name,
                        max=f"{limits['max_mb']:g}",
                    )
                )
                continue
            if extension not in limits["extensions"]:
                problems.append(
                    self.env._(
                        "%(file)s: this type of file is not accepted. Accepted "
                        "types: %(types)s.",
                        file=name,
                        types=", ".join(limits["extensions"]),
                    )
                )
                continue
            mimetype, problem = self._iso_check_file_content(name, data)
            if problem:
                problems.append(problem)
                continue
            accepted.append((name, data, mimetype))
        if problems:
            return [], " ".join(problems)
        return accepted, None

    @api.model
    def _iso_intake_contact_preferences(self, public):
        prefs = dict(
            self._fields["contact_preference"]._description_selection(self.env)
        )
        keys = ["email", "phone", "letter"] + ([] if public else ["portal"])
        return [(key, prefs[key]) for key in keys if key in prefs]

    @api.model
    def _iso_intake_categories(self, team):
        """Categories a complainant may choose, for the intake team."""
        # sudo: public visitors may not read teams' categories
        domain = [("active", "=", True), ("show_in_portal", "=", True)]
        categories = (
            team.sudo().category_ids
            if team
            else self.env["helpdesk.ticket.category"].sudo()
        )
        return categories.filtered_domain(domain)

    @api.model
    def _iso_intake_validate(self, form, files, public, team=None, partner=None):
        """Check a submitted complaint form, field by field in form order.

        Returns (clean values, attachments, errors by field name).
        """
        values = {key: self._iso_clean_text(form.get(key)) for key in TEXT_FIELDS}
        errors = {}

        def required(key, message):
            if not values.get(key):
                errors[key] = message

        if public:
            required("name", self.env._("Tell us your name."))
            required(
                "email", self.env._("Tell us your email address, so that we can reply.")
            )
            if values["email"] and "email" not in errors:
                self._iso_intake_check_email(values, errors)
        required("subject", self.env._("Give your complaint a short title."))
        required("description", self.env._("Tell us what happened."))
        for key, limit in FIELD_LIMITS.items():
            if key in values and len(values[key]) > limit and key not in errors:
                errors[key] = self.env._(
                    "This is too long: %(max)s characters at most.", max=limit
                )
        self._iso_intake_check_contact(form, public, partner, values, errors)
        self._iso_intake_check_incident_date(form, values, errors)
        self._iso_intake_check_category(form, team, values, errors)
        if not form.get("consent"):
            errors["consent"] = self.env._(
                "We need your agreement to use your personal data to handle "
                "your complaint."
            )
        attachments, file_error = self._iso_intake_check_files(files)
        if file_error:
            errors["attachments"] = file_error
        return values, attachments, errors

    def _iso_intake_check_email(self, values, errors):
        normalized = normalize_email_address(values["email"])
        if not normalized:
            errors["email"] = self.env._(
                "%(email)s is not a valid email address. Write it like "
                "name@example.com.",
                email=values["email"],
            )
        else:
            values["email"] = normalized

    def _iso_intake_check_contact(self, form, public, partner, values, errors):
        """Phone number and the preferred way to be contacted."""
        if values["phone"] and not PHONE_RE.match(values["phone"]):
            errors["phone"] = self.env._(
                "Write your phone number with digits, spaces and + ( ) - . only."
            )
        preference = form.get("contact_preference") or "email"
        allowed = dict(self._iso_intake_contact_preferences(public))
        if preference not in allowed:
            errors["contact_preference"] = self.env._(
                "Choose how we should contact you."
            )
        values["contact_preference"] = preference
        partner_phone = partner and partner.phone
        if preference == "phone" and not (values["phone"] or partner_phone):
            errors["phone"] = self.env._(
                "You asked us to phone you: tell us your phone number."
            )

    def _iso_intake_check_incident_date(self, form, values, errors):
        values["incident_date"] = False
        raw_date = self._iso_clean_text(form.get("incident_date"))
        if not raw_date:
            return
        try:
            incident_date = date.fromisoformat(raw_date)
        except ValueError:
            errors["incident_date"] = self.env._(
                "Give the date as year-month-day, e.g. 2026-01-31."
            )
            return
        if incident_date > fields.Date.context_today(self):
            errors["incident_date"] = self.env._("This date is in the future.")
        elif incident_date.year < 1900:
            errors["incident_date"] = self.env._("This date is too far in the past.")
        else:
            values["incident_date"] = incident_date

    def _iso_intake_check_category(self, form, team, values, errors):
        values["category_id"] = False
        raw_category = form.get("category_id")
        if not raw_category:
            return
        categories = self._iso_intake_categories(team)
        try:
            category = categories.filtered(lambda c: c.id == int(raw_category))
        except (TypeError, ValueError):
            category = categories.browse()
        if category:
            values["category_id"] = category.id
        else:
            errors["category_id"] = self.env._("Choose a topic from the list.")

    @api.model
    def _iso_intake_find_partner(self, name, email, phone=False, lang=False):
        """(contact of the complaint, existing contact of the address).

        The public form always creates the complaint's contact from what was
        typed: an existing contact is never changed, nor given a complaint
        nobody proved to be theirs. When the address belongs to an existing
        contact, the complaint joins it once the address's owner confirms
        (see helpdesk_ticket_intake_confirm.py).
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

    # ------------------------------------------------------------------
    # Escalation (4.15)
    # ------------------------------------------------------------------
    def _iso_next_deadline(self):
        self.ensure_one()
        if not self.ack_date and self.ack_deadline:
            return self.ack_deadline, "ack"
        return self.response_deadline, "response"

    def _iso_escalation_user(self):
        """Who an overdue complaint is escalated to: the team leader, or the
        complaints manager when the leader handles it (objectivity, 4.7).

        Never one of the people the complaint is about: instead of them, the
        complaints manager of the policy, else another complaint manager of
        the company (4.7, 4.10).
        """
        self.ensure_one()
        subjects = self.subject_user_ids
        leader = self.team_id.user_id.filtered("active") - subjects
        if leader and leader != self.user_id:
            return leader
        policy = self.env["iso10002.complaint.policy"]._get_for_company(self.company_id)
        manager = policy.manager_id.filtered("active") - subjects
        if manager or leader or not subjects:
            return manager or leader
        return self._iso_other_complaint_manager(subjects)

    def _iso_other_complaint_manager(self, excluded):
        """A complaint manager of the complaint's company, not in ``excluded``."""
        self.ensure_one()
        group = self.env.ref("iso10002_complaints.group_complaint_manager")
        # sudo: the members of the group are read to choose one of them
        managers = group.sudo().all_user_ids.filtered(
            lambda u: (
                u.active
                and not u.share
                and self.company_id in u.company_ids
                and u not in excluded
            )
        )
        return managers.sorted("id")[:1].sudo(self.env.su)

    @api.model
    def _cron_iso_escalate(self):
        """Daily: deadline activities, escalation and digests to team leaders.

        Reuses the deadline status refresh; safe to run again the same day:
        existing activities are updated instead of duplicated, an overrun is
        escalated once, and each leader gets a single digest per day.
        """
        self._cron_update_deadline_status()
        complaints = self.search(
            [
                ("is_complaint", "=", True),
                ("iso_step", "not in", list(TERMINAL_STEPS)),
                ("decision_date", "=", False),
                ("deadline_status", "in", ("at_risk", "overdue")),
            ]
        )
        complaints._iso_schedule_deadline_activities()
        complaints.filtered(
            lambda t: t.deadline_status == "overdue"
        )._iso_escalate_overdue()
        self._iso_clear_deadline_activities()
        self._iso_send_escalation_digests(complaints)
        return True

    def _iso_schedule_deadline_activities(self):
        activity_type = self.env.ref(DEADLINE_ACTIVITY)
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_ticket = defaultdict(lambda: self.env["mail.activity"])
        for activity in existing:
            by_ticket[activity.res_id] |= activity
        for ticket in self:
            # an inactive handler (e.g. OdooBot) cannot act: the leader does
            user = ticket.user_id.filtered("active") or ticket._iso_escalation_user()
            if not user:
                continue
            deadline, kind = ticket._iso_next_deadline()
            what = (
                self.env._("acknowledgement")
                if kind == "ack"
                else self.env._("final response")
            )
            if ticket.deadline_status == "overdue":
                summary = self.env._(
                    "Overdue: %(what)s was due for %(ref)s",
                    what=what,
                    ref=ticket.complaint_ref,
                )
            else:
                summary = self.env._(
                    "At risk: %(what)s due soon for %(ref)s",
                    what=what,
                    ref=ticket.complaint_ref,
                )
            due = fields.Date.context_today(ticket, deadline) if deadline else None
            mine = by_ticket[ticket.id].filtered(lambda a, u=user: a.user_id == u)
            if mine:
                values = {"summary": summary}
                if due:
                    values["date_deadline"] = due
                mine.filtered(
                    lambda a, v=values: (
                        a.summary != v["summary"]
                        or (
                            "date_deadline" in v
                            and a.date_deadline != v["date_deadline"]
                        )
                    )
                ).write(values)
                continue
            ticket.activity_schedule(
                DEADLINE_ACTIVITY,
                date_deadline=due,
                summary=summary,
                user_id=user.id,
            )

    def _iso_escalate_overdue(self):
        for ticket in self:
            deadline, _kind = ticket._iso_next_deadline()
            if ticket.escalated_deadline and ticket.escalated_deadline == deadline:
                continue  # this overrun was escalated already
            target = ticket._iso_escalation_user()
            if not target:
                continue
            ticket.write(
                {
                    "escalated_date": fields.Datetime.now(),
                    "escalated_to_id": target.id,
                    "escalated_deadline": deadline,
                }
            )
            ticket.message_post(
                body=self.env._(
                    "Overdue: escalated to %(user)s for review.", user=target.name
                ),
                subtype_xmlid="mail.mt_note",
            )
            already = ticket.activity_ids.filtered(
                lambda a, t=target: (
                    a.activity_type_id == self.env.ref(ESCALATION_ACTIVITY)
                    and a.user_id == t
                )
            )
            if not already:
                ticket.activity_schedule(
                    ESCALATION_ACTIVITY,
                    summary=self.env._(
                        "Overdue complaint %(ref)s: review, reassign or answer",
                        ref=ticket.complaint_ref,
                    ),
                    user_id=target.id,
                )

    @api.model
    def _iso_clear_deadline_activities(self):
        """Deadline reminders of answered or closed complaints are obsolete."""
        types = self.env.ref(DEADLINE_ACTIVITY) | self.env.ref(ESCALATION_ACTIVITY)
        activities = self.env["mail.activity"].search(
            [("res_model", "=", self._name), ("activity_type_id", "in", types.ids)]
        )
        done = self.browse(set(activities.mapped("res_id"))).filtered(
            lambda t: t.decision_date or t.iso_step in TERMINAL_STEPS
        )
        activities.filtered(lambda a: a.res_id in done.ids).unlink()

    @api.model
    def _iso_send_escalation_digests(self, complaints):
        """One email per team leader listing their complaints at risk or overdue."""
        today = fields.Date.context_today(self)
        by_leader = defaultdict(lambda: self.browse())
        for ticket in complaints:
            # nobody is told about a complaint about them
            leader = (
                ticket.team_id.user_id.filtered("active") - ticket.subject_user_ids
            ) or ticket._iso_escalation_user()
            if leader:
                by_leader[leader] |= ticket
        for leader, tickets in by_leader.items():
            if leader.complaint_digest_date == today:
                continue
            leader_email = leader.partner_id.email_normalized
            if not leader_email:
                continue
            lang = leader.lang or self.env.lang
            env = self.with_context(lang=lang).env
            overdue = tickets.filtered(lambda t: t.deadline_status == "overdue")
            at_risk = tickets - overdue
            body = env["ir.qweb"]._render(
                "iso10002_complaints.complaint_escalation_digest",
                {
                    "leader": leader,
                    "overdue": overdue.with_env(env)._iso_digest_rows(leader),
                    "at_risk": at_risk.with_env(env)._iso_digest_rows(leader),
                },
            )
            company = tickets[:1].company_id
            self.env["mail.mail"].sudo().create(
                {
                    "subject": env._(
                        "Complaints digest: %(overdue)s overdue, %(at_risk)s at risk",
                        overdue=len(overdue),
                        at_risk=len(at_risk),
                    ),
                    "body_html": body,
                    "email_from": company.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": [Command.link(leader.partner_id.id)],
                    "auto_delete": True,
                }
            )
            leader.sudo().complaint_digest_date = today

    def _iso_digest_rows(self, leader):
        """Lines of a team leader's digest, formatted in their time zone."""
        selection = dict(self._fields["iso_step"]._description_selection(self.env))
        rows = []
        for ticket in self:
            deadline, kind = ticket._iso_next_deadline()
            local = (
                fields.Datetime.context_timestamp(
                    leader.with_context(tz=leader.tz or "UTC"), deadline
                ).strftime("%Y-%m-%d %H:%M")
                if deadline
                else ""
            )
            rows.append(
                {
                    "ref": ticket.complaint_ref or ticket.number,
                    "name": ticket.name,
                    "handler": ticket.user_id.name or self.env._("Unassigned"),
                    "step": selection.get(ticket.iso_step, ""),
                    "deadline": local,
                    "what": self.env._("Acknowledgement")
                    if kind == "ack"
                    else self.env._("Final response"),
                    "url": f"{ticket.get_base_url()}/odoo/helpdesk.ticket/{ticket.id}",
                }
            )
        return rows
