# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint form filed online (portal and public form, ISO 10002 4.5,
7.2): its limits, and the checks of what was typed and attached."""

import os
import re
from datetime import date

from odoo import api, fields, models

from .complaint_intake_log import PARAM_PREFIX
from .email_address import normalize_email_address

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


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
