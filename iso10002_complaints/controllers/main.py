# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public pages: the complaints policy and the complaint form (no login)."""

from odoo import http
from odoo.http import request

from .common import ComplaintFormMixin


class ComplaintPublic(ComplaintFormMixin, http.Controller):
    @http.route(
        ["/complaints", "/complaints/policy"],
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def complaints_policy(self, **kw):
        """The complaints policy (ISO 10002 4.4, 7.1), for everyone."""
        policy = self._iso_policy()
        team = policy._get_intake_team()
        values = {
            "policy": policy,
            "targets": policy._get_public_targets(),
            "team": team,
            # sudo: the alias of the complaints team is published contact data
            "alias_email": team.sudo().alias_email if team else False,
            "is_public": request.env.user._is_public(),
            "page_name": "complaint_policy",
        }
        return request.render("iso10002_complaints.complaint_policy_page", values)

    @http.route(
        "/complaints/new", type="http", auth="public", website=True, methods=["GET"]
    )
    def complaint_public_form(self, **kw):
        if not request.env.user._is_public():
            return request.redirect("/my/complaints/new")
        return self._iso_render_form(True)

    # CSRF checked by _iso_submit (clear message on the form when expired)
    @http.route(
        "/complaints/submit",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=False,
    )
    def complaint_public_submit(self, **post):
        if not request.env.user._is_public():
            # a user logged in meanwhile: the portal's form (same session,
            # same CSRF token; 307 keeps the method, the values and the files)
            return request.redirect("/my/complaints/submit", code=307)
        complaint, response = self._iso_submit(post, public=True)
        if response:
            return response
        # the reference only: the link to follow the complaint goes by email
        # to the address given, never to whoever submitted the form
        request.session["iso10002_complaint_ref"] = complaint.complaint_ref
        return request.redirect("/complaints/thank-you")

    @http.route(
        "/complaints/thank-you",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def complaint_public_thanks(self, **kw):
        reference = request.session.get("iso10002_complaint_ref")
        if not reference:
            return request.redirect("/complaints/new")
        return request.render(
            "iso10002_complaints.public_complaint_thanks",
            {"reference": reference, "policy": self._iso_policy()},
        )
