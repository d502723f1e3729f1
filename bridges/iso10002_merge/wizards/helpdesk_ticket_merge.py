# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Merging complaints (OCA helpdesk_mgmt_merge) as ISO 10002 asks of the
record (7.2, 7.3, 7.4, 4.10): docs/admin-guide.md, "Merging complaints"."""

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from odoo.addons.iso10002_complaints.models.system_write import system_write


class HelpdeskTicketMerge(models.TransientModel):
    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        tickets = self.ticket_ids | self.dst_ticket_id
        if not any(tickets.mapped("is_complaint")):
            return super().merge_tickets()
        self._check_complaint_merge(tickets)
        dst = self.dst_ticket_id
        merged = tickets - dst
        facts = self._merged_complaint_facts(dst, merged)
        # helpdesk_mgmt_merge moves the messages but the tracking
        # notifications: the whole trail moves for complaints
        trail = merged.message_ids.filtered(lambda m: m.message_type == "notification")
        result = super().merge_tickets()
        trail.write({"res_id": dst.id})
        with system_write():
            dst.write(facts)
        dst.message_post(
            body=Markup("%s<ul>%s</ul>")
            % (
                self.env._("Complaints merged into this one (ISO 10002 7.2):"),
                Markup().join(
                    Markup("<li>%s</li>")
                    % self.env._(
                        "%(ref)s, received %(received)s, acknowledged %(ack)s",
                        ref=ticket.complaint_ref,
                        received=format_datetime(self.env, ticket.received_date),
                        ack=format_datetime(self.env, ticket.ack_date)
                        if ticket.ack_date
                        else self.env._("not yet"),
                    )
                    for ticket in merged
                ),
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return result

    def _check_complaint_merge(self, tickets):
        """Complaints merge into one of them, all of the same company, of
        the same complainant and of the same confidentiality; anything else
        is refused."""
        if self.create_new_ticket or not self.dst_ticket_id:
            raise UserError(
                self.env._(
                    "Complaints are merged into one of them, which keeps its "
                    "reference: choose the complaint to merge into instead of "
                    "creating a new ticket."
                )
            )
        if not all(tickets.mapped("is_complaint")):
            raise UserError(
                self.env._(
                    "A complaint cannot be merged with a plain ticket "
                    "(%(tickets)s): merge complaints with complaints only.",
                    tickets=", ".join(
                        tickets.filtered(lambda t: not t.is_complaint).mapped(
                            "display_name"
                        )
                    ),
                )
            )
        if len(tickets.company_id) > 1:
            raise UserError(
                self.env._(
                    "Complaints of different companies (%(companies)s) cannot be "
                    "merged: each company keeps its own register.",
                    companies=", ".join(tickets.company_id.mapped("name")),
                )
            )
        # helpdesk_mgmt_merge subscribes the merged tickets' followers to the
        # kept one: another complainant would then be sent its messages
        if len({ticket.partner_id for ticket in tickets}) > 1:
            raise UserError(
                self.env._(
                    "Complaints of different complainants cannot be merged "
                    "(ISO 10002 4.10): each complainant would be sent the "
                    "other's messages. Link them instead."
                )
            )
        if len(set(tickets.mapped("confidential"))) > 1:
            raise UserError(
                self.env._(
                    "A confidential complaint cannot be merged with complaints "
                    "that are not confidential (ISO 10002 4.10): their readers "
                    "differ. Make them all confidential, or none, first."
                )
            )

    def _merged_complaint_facts(self, dst, merged):
        """What the complaint merged into keeps of the others: the earliest
        receipt (its deadlines follow), the earliest acknowledgement, and
        the references."""
        everything = dst | merged
        facts = {
            "received_date": min(everything.mapped("received_date")),
            "merged_complaint_refs": ", ".join(
                filter(
                    None,
                    [dst.merged_complaint_refs, *merged.mapped("complaint_ref")],
                )
            ),
        }
        acknowledged = everything.filtered("ack_date").sorted("ack_date")
        if acknowledged and acknowledged[0] != dst:
            first = acknowledged[0]
            facts.update({"ack_date": first.ack_date, "ack_method": first.ack_method})
        return facts
