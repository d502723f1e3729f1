# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may follow a complaint (ISO 10002 4.9, 4.10, 4.12).

Following a complaint sends its messages to the follower: employees follow
(or unfollow) only complaints they may change. Who may post on it is in
ticket_portal_access.py (``_mail_get_operation_for_mail_message_operation``).
"""

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # mail lets anyone who may read a record follow it: following a
        # complaint sends its messages (and portal link) to the follower, so
        # employees (auditors...) follow only what they may change; the
        # process subscribes people as superuser
        self._iso_check_followers_change()
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )

    def message_unsubscribe(self, partner_ids=None):
        self._iso_check_followers_change()
        return super().message_unsubscribe(partner_ids=partner_ids)

    def _iso_check_followers_change(self):
        if self.env.su or self.env.user.share:
            return
        self.filtered("is_complaint").check_access("write")
