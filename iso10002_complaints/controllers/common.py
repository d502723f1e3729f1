# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers shared by the portal and the public complaint forms."""

import logging

from werkzeug.urls import url_encode

from odoo import fields
from odoo.http import request

from ..models.ticket_intake_form import FIELD_LIMITS

_logger = logging.getLogger(__name__)

# hidden field that people never see nor fill; robots filling every field do
HONEYPOT_FIELD = "website"


class ComplaintFormMixin:
    """Rendering and checks of the complaint forms (not a controller)."""

    def _iso_policy(self):
        # sudo: the published complaints policy is public information; public
        # visitors have no access to the policy model
        return (
            request.env["iso10002.complaint.policy"]
            .sudo()
            ._get_for_company(request.env.company)
        )

    def _iso_check_csrf(self, post):
        """CSRF is checked here rather than by the route so that an expired
        form gets a clear message on the form instead of a bare error page."""
        if request.validate_csrf(post.get("csrf_token")):
            return {}
        return {
            "form": request.env._(
                "This form has expired. Please check your answers and send it again."
            )
        }

    def _iso_uploaded_files(self, field="attachments"):
        return [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist(field)
            if upload.filename
        ]

    def _iso_form_values(self, public, form=None, errors=None):
        ticket_model = request.env["helpdesk.ticket"]
        policy = self._iso_policy()
        team = policy._get_intake_team()
        errors = dict(errors or {})
        errors.pop("status", None)
        limits = ticket_model._iso_intake_file_limits()
        return {
            "public": public,
            "form": form or {},
            "errors": errors,
            "policy": policy,
            "team": team,
            "available": bool(team) and (policy.public_form_enabled or not public),
            "categories": ticket_model._iso_intake_categories(team),
            "contact_preferences": ticket_model._iso_intake_contact_preferences(public),
            "limits": limits,
            # the form's length limits: those the model checks
            "field_limits": FIELD_LIMITS,
            "accept": ",".join(f".{ext}" for ext in limits["extensions"]),
            "honeypot_field": HONEYPOT_FIELD,
            "action": "/complaints/submit" if public else "/my/complaints/submit",
            "today": fields.Date.context_today(request.env.user).isoformat(),
            "page_name": "complaint_new",
        }

    def _iso_render_form(self, public, form=None, errors=None, status=200):
        values = self._iso_form_values(public, form=form, errors=errors)
        if not public:
            values.update(self._prepare_portal_layout_values())
            values["page_name"] = "complaint_new"
        template = (
            "iso10002_complaints.public_complaint_form"
            if public
            else "iso10002_complaints.portal_complaint_new"
        )
        return request.render(template, values, status=status)

    def _iso_submit(self, post, public):
        """Check and record a submitted complaint form."""
        errors = self._iso_check_csrf(post)
        if not errors and public and post.get(HONEYPOT_FIELD):
            _logger.info(
                "Complaint form: honeypot filled from %s, nothing recorded",
                request.httprequest.remote_addr,
            )
            errors = {
                "form": request.env._(
                    "Your complaint looks like an automated submission and "
                    "was not recorded. If you are a person, please send it "
                    "again, or contact us by email or phone."
                )
            }
        form = {key: value for key, value in post.items() if key != "csrf_token"}
        if errors:
            return None, self._iso_render_form(public, form, errors, status=400)
        # sudo: complainants may not create tickets or contacts (public
        # visitors have no rights at all, portal users read only); their
        # identity and input are checked by _iso_intake_submit. sudo keeps
        # the visitor as the user: the complainant files the complaint
        # (creator, author of the filing); the acknowledgement that follows
        # is the organisation's (OdooBot's, as for mail intake).
        ticket_model = (
            request.env["helpdesk.ticket"].sudo().with_company(request.env.company)
        )
        complaint, errors = ticket_model._iso_intake_submit(
            form,
            self._iso_uploaded_files(),
            partner=None if public else request.env.user.partner_id,
            ip_address=request.httprequest.remote_addr,
            company=request.env.company,
            lang=request.env.lang,
        )
        if errors:
            status = errors.get("status", 400)
            return None, self._iso_render_form(public, form, errors, status=status)
        return complaint, None

    def _iso_complaint_url(self, complaint, access_token=None, anchor=None, **params):
        if access_token:
            params["access_token"] = access_token
        url = f"/my/complaint/{complaint.id}"
        if params:
            url += "?" + url_encode(params)
        if anchor:
            url += f"#{anchor}"
        return url
