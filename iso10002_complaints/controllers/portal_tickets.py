# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt's portal of tickets (/my, /my/tickets) keeps to plain
tickets: complaints have their own counter and list (/my/complaints)."""

from collections import OrderedDict
from operator import itemgetter

from odoo import http
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import groupby as groupbyelem

from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.portal import pager as portal_pager


class PlainTicketsPortal(CustomerPortalHelpdesk):
    def _iso_plain_tickets_domain(self):
        """The tickets of helpdesk_mgmt's portal pages; record rules apply
        on top (this only narrows the list, it is no access rule)."""
        return Domain("is_complaint", "=", False)

    def _iso_ticket_searchbar_filters(self):
        """helpdesk_mgmt's stage filters, without the complaint stages."""
        filters = {"all": {"label": request.env._("All"), "domain": []}}
        stages = request.env["helpdesk.ticket.stage"].search(
            [("is_complaint_stage", "=", False)]
        )
        for stage in stages:
            filters[str(stage.id)] = {
                "label": stage.name,
                "domain": [("stage_id", "=", stage.id)],
            }
        return filters

    def _prepare_home_portal_values(self, counters):
        # helpdesk_mgmt counts every ticket the user may read: it is left
        # this counter, which counts the plain tickets only
        values = super()._prepare_home_portal_values(
            [counter for counter in counters if counter != "ticket_count"]
        )
        if "ticket_count" in counters:
            ticket_model = request.env["helpdesk.ticket"]
            values["ticket_count"] = (
                ticket_model.search_count(self._iso_plain_tickets_domain())
                if ticket_model.has_access("read")
                else 0
            )
        return values

    # helpdesk_mgmt (19.0.1.3.2) builds the domain of this list and its
    # stage filters inside the route, with no hook for them (its only domain
    # hook, _ticket_get_search_domain, runs for a search term only): the
    # route is overridden whole, with helpdesk_mgmt's hooks for all the rest
    # (sortings, inputs, search, grouping, order) and its template. To drop
    # once helpdesk_mgmt has a domain hook for the list.
    @http.route()
    def portal_my_tickets(
        self,
        page=1,
        date_begin=None,
        date_end=None,
        sortby=None,
        filterby=None,
        search=None,
        search_in=None,
        groupby=None,
        **kw,
    ):
        ticket_model = request.env["helpdesk.ticket"]
        if not ticket_model.has_access("read"):
            return request.redirect("/my")
        sortings = dict(
            sorted(
                self._ticket_get_searchbar_sortings().items(),
                key=lambda item: item[1]["sequence"],
            )
        )
        filters = self._iso_ticket_searchbar_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        groupby = groupby or "none"
        search_in = search_in or "all"
        domains = [self._iso_plain_tickets_domain(), filters[filterby]["domain"]]
        if date_begin and date_end:
            domains.append(
                [("create_date", ">", date_begin), ("create_date", "<=", date_end)]
            )
        if search:
            domains.append(self._ticket_get_search_domain(search_in, search))
        domain = Domain.AND(domains)
        pager = portal_pager(
            url="/my/tickets",
            url_args={
                "date_begin": date_begin,
                "date_end": date_end,
                "sortby": sortby,
                "filterby": filterby,
                "groupby": groupby,
                "search": search,
                "search_in": search_in,
            },
            total=ticket_model.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        tickets = ticket_model.search(
            domain,
            order=self._ticket_get_order(sortings[sortby]["order"], groupby),
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_tickets_history"] = tickets.ids[:100]
        group = self._ticket_get_groupby_mapping().get(groupby)
        if group:
            grouped_tickets = [
                ticket_model.concat(*g)
                for _k, g in groupbyelem(tickets, itemgetter(group))
            ]
        else:
            grouped_tickets = [tickets] if tickets else []
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "date": date_begin,
                "date_end": date_end,
                "grouped_tickets": grouped_tickets,
                "page_name": "ticket",
                "default_url": "/my/tickets",
                "pager": pager,
                "searchbar_sortings": sortings,
                "searchbar_groupby": self._ticket_get_searchbar_groupby(),
                "searchbar_inputs": self._ticket_get_searchbar_inputs(),
                "search_in": search_in,
                "search": search,
                "sortby": sortby,
                "groupby": groupby,
                "searchbar_filters": OrderedDict(sorted(filters.items())),
                "filterby": filterby,
            }
        )
        return request.render("helpdesk_mgmt.portal_my_tickets", values)
