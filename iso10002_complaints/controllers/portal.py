# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints in the customer portal (ISO 10002 4.5, 4.11, 7.3, 7.8)."""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.ticket_intake_form import FIELD_LIMITS
from .common import ComplaintFormMixin


class ComplaintPortal(ComplaintFormMixin, CustomerPortalHelpdesk):
    # ------------------------------------------------------------------
    # Home (/my)
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        ticket_model = request.env["helpdesk.ticket"]
        if "complaint_count" in counters:
            values["complaint_count"] = (
                ticket_model.search_count(self._iso_my_complaints_domain())
                if ticket_model.has_access("read")
                else 0
            )
        return values

    def _iso_my_complaints_domain(self):
        # the complainant's own complaints; record rules apply on top
        return [
            ("is_complaint", "=", True),
            ("partner_id", "=", request.env.user.partner_id.id),
        ]

    # ------------------------------------------------------------------
    # List
    # ------------------------------------------------------------------
    def _iso_searchbar_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {
                "label": request.env._("Open"),
                "domain": [("closed", "=", False)],
            },
            "closed": {
                "label": request.env._("Closed"),
                "domain": [("closed", "=", True)],
            },
        }

    def _iso_searchbar_sortings(self):
        return {
            "date": {
                "label": request.env._("Newest"),
                "order": "received_date desc, id desc",
            },
            "reference": {
                "label": request.env._("Reference"),
                "order": "complaint_ref desc",
            },
            "update": {
                "label": request.env._("Last update"),
                "order": "last_stage_update desc, id desc",
            },
        }

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_my_complaints(self, page=1, sortby=None, filterby=None, **kw):
        ticket_model = request.env["helpdesk.ticket"]
        if not ticket_model.has_access("read"):
            return request.redirect("/my")
        filters = self._iso_searchbar_filters()
        sortings = self._iso_searchbar_sortings()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = self._iso_my_complaints_domain() + filters[filterby]["domain"]
        count = ticket_model.search_count(domain)
        pager = portal_pager(
            url="/my/complaints",
            url_args={"sortby": sortby, "filterby": filterby},
            total=count,
            page=page,
            step=self._items_per_page,
        )
        complaints = ticket_model.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_complaints_history"] = complaints.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaints": complaints,
                "steps": {c.id: c._iso_portal_step() for c in complaints},
                "page_name": "complaint",
                "default_url": "/my/complaints",
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "policy": self._iso_policy(),
            }
        )
        return request.render("iso10002_complaints.portal_my_complaints", values)

    # ------------------------------------------------------------------
    # Filing a complaint
    # ------------------------------------------------------------------
    @http.route(
        "/my/complaints/new", type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_complaint_new(self, **kw):
        return self._iso_render_form(False)

    # CSRF checked by _iso_submit (clear message on the form when expired)
    @http.route(
        "/my/complaints/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
        csrf=False,
    )
    def portal_complaint_submit(self, **post):
        complaint, response = self._iso_submit(post, public=False)
        if response:
            return response
        return request.redirect(self._iso_complaint_url(complaint, info="filed"))

    # ------------------------------------------------------------------
    # One complaint
    # ------------------------------------------------------------------
    def _iso_complaint_check_access(self, complaint_id, access_token):
        """The complaint if the visitor may see it (record rules, else token).

        As everywhere in the portal, the record is returned in sudo once
        the access is checked by _document_check_access.
        """
        try:
            complaint_sudo = self._document_check_access(
                "helpdesk.ticket", complaint_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return None
        if not complaint_sudo.is_complaint:
            return None
        user = request.env.user
        if (
            not user._is_public()
            and user.partner_id != complaint_sudo.partner_id
            and not complaint_sudo.with_user(user).has_access("read")
        ):
            # the complainant's link is theirs: a logged-in user who may
            # not read the complaint gets nothing from its token
            return None
        return complaint_sudo

    def _iso_complaint_is_complainant(self, complaint_sudo, access_token):
        """Portal writes are the complainant's alone: logged in as the
        complainant, or a logged-out visitor holding the current link
        (acting as the complainant)."""
        complainant = complaint_sudo.partner_id
        if not complainant:
            return False
        user = request.env.user
        if user._is_public():
            return bool(
                access_token
                and complaint_sudo.access_token
                and consteq(complaint_sudo.access_token, access_token)
            )
        return user.partner_id == complainant

    def _iso_complaint_as_complainant(self, complaint_sudo):
        """The complaint as the visitor, with superuser rights (sudo keeps
        the real user: creator of what they add), the complainant being the
        author of what they write and of the tracking of their acts."""
        complaint = complaint_sudo.with_user(request.env.user).sudo()
        complaint._track_set_author(complaint.partner_id)
        return complaint

    def _iso_complaint_page_values(self, complaint_sudo, access_token, **kw):
        infos = {
            "filed": request.env._(
                "Thank you: your complaint is registered under the reference "
                "%(ref)s. We have sent you an acknowledgement.",
                ref=complaint_sudo.complaint_ref,
            ),
            "sent": request.env._(
                "Thank you: your message was added to your complaint."
            ),
            "accepted": request.env._(
                "Thank you: we have recorded that you accept our decision."
            ),
            "rejected": request.env._(
                "We have recorded that you do not accept our decision. Your "
                "complaint will be reviewed again."
            ),
        }
        can_write = self._iso_complaint_is_complainant(complaint_sudo, access_token)
        # the survey's links carry the rating's token: the complainant's only
        rating = can_write and complaint_sudo._iso_pending_rating()
        values = {
            "complaint": complaint_sudo,
            "step": complaint_sudo._iso_portal_step(),
            "messages": complaint_sudo._iso_portal_messages(),
            "attachments_limits": complaint_sudo._iso_intake_file_limits(),
            "field_limits": FIELD_LIMITS,
            "pending_rating": rating,
            "policy": self._iso_policy(),
            "page_name": "complaint",
            "info": infos.get(kw.get("info")),
            "errors": kw.get("errors") or {},
            "note": kw.get("note") or "",
            "reaction_note": kw.get("reaction_note") or "",
            "access_token": access_token,
            "can_write": can_write,
            "can_react": can_write
            and complaint_sudo.iso_step == "decision_communicated"
            and complaint_sudo.reaction not in ("accepted", "rejected"),
            "complaint_url": self._iso_complaint_url(complaint_sudo, access_token),
        }
        values["accept"] = ",".join(
            f".{ext}" for ext in values["attachments_limits"]["extensions"]
        )
        return self._get_page_view_values(
            complaint_sudo,
            access_token,
            values,
            "my_complaints_history",
            # no portal breadcrumbs for a visitor following the email link
            request.env.user._is_public(),
        )

    @http.route(
        "/my/complaint/<int:complaint_id>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def portal_my_complaint(self, complaint_id, access_token=None, **kw):
        complaint_sudo = self._iso_complaint_check_access(complaint_id, access_token)
        if not complaint_sudo:
            return request.redirect("/my")
        values = self._iso_complaint_page_values(
            complaint_sudo, access_token, info=kw.get("info")
        )
        return request.render("iso10002_complaints.portal_complaint_page", values)

    def _iso_complaint_post(self, complaint_id, access_token, post, action):
        complaint_sudo = self._iso_complaint_check_access(complaint_id, access_token)
        if not complaint_sudo:
            return request.redirect("/my")
        errors = self._iso_check_csrf(post)
        status = 400
        if not errors and not self._iso_complaint_is_complainant(
            complaint_sudo, access_token
        ):
            errors = {
                "form": request.env._(
                    "Only the complainant can add to this complaint or answer "
                    "our decision here. Nothing was recorded."
                )
            }
            status = 403
        info = None
        if not errors:
            errors, info = action(self._iso_complaint_as_complainant(complaint_sudo))
        if errors:
            values = self._iso_complaint_page_values(
                complaint_sudo,
                access_token,
                errors=errors,
                note=post.get("note"),
                reaction_note=post.get("reaction_note"),
            )
            return request.render(
                "iso10002_complaints.portal_complaint_page", values, status=status
            )
        anchor = "messages" if info == "sent" else "status"
        return request.redirect(
            self._iso_complaint_url(complaint_sudo, access_token, anchor, info=info)
        )

    # CSRF checked by _iso_complaint_post (clear message when expired)
    @http.route(
        "/my/complaint/<int:complaint_id>/message",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=False,
    )
    def portal_complaint_message(self, complaint_id, access_token=None, **post):
        """The complainant adds information or documents."""

        def action(complaint_sudo):
            errors = complaint_sudo._iso_portal_add_information(
                post.get("note"),
                self._iso_uploaded_files(),
                complaint_sudo.partner_id,
            )
            return errors, "sent"

        return self._iso_complaint_post(complaint_id, access_token, post, action)

    # CSRF checked by _iso_complaint_post (clear message when expired)
    @http.route(
        "/my/complaint/<int:complaint_id>/reaction",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=False,
    )
    def portal_complaint_reaction(self, complaint_id, access_token=None, **post):
        """The complainant accepts or rejects the decision (7.8)."""
        reaction = post.get("reaction")

        def action(complaint_sudo):
            errors = complaint_sudo._iso_portal_react(
                reaction,
                post.get("reaction_note"),
                complaint_sudo.partner_id,
            )
            return errors, reaction

        return self._iso_complaint_post(complaint_id, access_token, post, action)

    # ------------------------------------------------------------------
    # helpdesk_mgmt's ticket page: complaints have their own
    # ------------------------------------------------------------------
    @http.route()
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        complaint_sudo = self._iso_complaint_check_access(ticket_id, access_token)
        if complaint_sudo:
            return request.redirect(
                self._iso_complaint_url(complaint_sudo, access_token)
            )
        # sudo: whatever the visitor's rights, a complaint never shows on the
        # plain ticket page (its token opens nothing to other users there)
        if (
            request.env["helpdesk.ticket"]
            .sudo()
            .browse(ticket_id)
            .exists()
            .is_complaint
        ):
            return request.redirect("/my")
        return super().portal_my_ticket(ticket_id, access_token=access_token, **kw)


class ComplaintTicketController(HelpdeskTicketController):
    @http.route()
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt's portal "close" buttons, made safe for complaints.

        The original writes the stage as superuser on any ticket id: check
        first that the user may read the ticket (record rules), and keep
        complaints out, as they close through the ISO process (decision,
        reaction, closure reason, 7.8-7.9), never with a plain stage.
        """
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
        except (TypeError, ValueError):
            return request.redirect("/my")
        ticket = request.env["helpdesk.ticket"].browse(ticket_id).exists()
        if not ticket or not ticket.has_access("read"):
            return request.redirect("/my")
        if ticket.is_complaint:
            return request.redirect(f"/my/complaint/{ticket.id}")
        return super().support_ticket_close(**kw)
