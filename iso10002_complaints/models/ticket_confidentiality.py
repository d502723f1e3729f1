# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The people a complaint is about are not told about it (ISO 10002 4.7,
4.10).

Who may read a confidential complaint is defined once, in
``res.users._iso_complaint_read_domain``: the people complained about never
may. Here, what would still reach them: they do not follow a confidential
complaint (notifications and emails), and no activity on a complaint is
left assigned to someone it is about (an activity shows its document's name
and summary to its assignee). Escalations and digests skip them too (see
``_iso_escalation_user``).
"""

from odoo import api, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        if any(vals.get("subject_user_ids") for vals in vals_list):
            tickets.filtered("subject_user_ids")._iso_keep_subjects_out()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if {"subject_user_ids", "confidential", "is_complaint"} & vals.keys():
            self.filtered("subject_user_ids")._iso_keep_subjects_out()
        return res

    def _iso_keep_subjects_out(self):
        """Unsubscribe the people complained about from confidential
        complaints, and hand their activities on these complaints to the
        person escalations go to."""
        for ticket in self.filtered("is_complaint"):
            subjects = ticket.subject_user_ids
            if ticket.confidential:
                following = ticket.message_partner_ids & subjects.partner_id
                if following:
                    ticket.message_unsubscribe(partner_ids=following.ids)
            activities = ticket.activity_ids.filtered(
                lambda a, s=subjects: a.user_id in s
            )
            if not activities:
                continue
            target = ticket._iso_escalation_user()
            if target:
                activities.write({"user_id": target.id})
            else:
                # nobody else to give them to: unassigned, for the team
                activities.write({"user_id": False})

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        """Nobody complained about follows a confidential complaint."""
        guarded = self.filtered(
            lambda t: t.is_complaint and t.confidential and t.subject_user_ids
        )
        if not (partner_ids and guarded):
            return super()._message_subscribe(
                partner_ids, subtype_ids, customer_ids=customer_ids
            )
        res = True
        others = self - guarded
        if others:
            res = super(HelpdeskTicket, others)._message_subscribe(
                partner_ids, subtype_ids, customer_ids=customer_ids
            )
        for ticket in guarded:
            excluded = set(ticket.subject_user_ids.partner_id.ids)
            allowed = [pid for pid in partner_ids if pid not in excluded]
            if allowed:
                super(HelpdeskTicket, ticket)._message_subscribe(
                    allowed, subtype_ids, customer_ids=customer_ids
                )
        return res
