# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The owner of an email address confirms a complaint filed with it."""

from odoo import http
from odoo.http import request


class ComplaintIntakeConfirm(http.Controller):
    def _iso_confirm_page(self, token, state, complaint, status=200, **values):
        values.update(
            {
                "state": state,
                "action": f"/complaints/confirm/{token}",
                "reference": complaint.complaint_ref or complaint.number or "",
                "subject": complaint.name or "",
            }
        )
        return request.render(
            "iso10002_complaints.public_complaint_confirm", values, status=status
        )

    def _iso_confirm_complaint(self, token):
        """``(complaint, None)`` for a valid token, else ``(None, the page
        saying why, 404)``: nothing of the complaint is shown then."""
        complaint, state = request.env["helpdesk.ticket"]._iso_intake_find_by_token(
            token
        )
        if state != "valid":
            return None, self._iso_confirm_page(token, state, complaint.browse(), 404)
        return complaint, None

    # GET only shows the question: mail scanners that open links must not
    # confirm anything
    @http.route(
        "/complaints/confirm/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def complaint_confirm_page(self, token, **kw):
        complaint, refused = self._iso_confirm_complaint(token)
        if refused is not None:
            return refused
        return self._iso_confirm_page(token, "valid", complaint)

    @http.route(
        "/complaints/confirm/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def complaint_confirm(self, token, **post):
        complaint, refused = self._iso_confirm_complaint(token)
        if refused is not None:
            return refused
        owner = complaint._iso_intake_confirm()
        return self._iso_confirm_page(
            token,
            "confirmed",
            complaint,
            has_account=bool(owner.user_ids),
        )
