# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may post on a complaint's chatter or follow it (ISO 10002 4.9, 4.12).

helpdesk_mgmt lets anyone who may read a ticket post on it
(``_mail_post_access = "read"``): for a complaint, that lets read-only roles
(auditors) write into the record and email the complainant. Employees post on
a complaint only if they may change it; portal users keep helpdesk_mgmt's
rule (their record rules show them their own complaints only).
"""

from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _mail_get_operation_for_mail_message_operation(self, message_operation):
        operations = super()._mail_get_operation_for_mail_message_operation(
            message_operation
        )
        if message_operation != "create" or self.env.user.share:
            return operations
        for ticket, operation in operations.items():
            if operation == "read" and ticket.is_complaint:
                operations[ticket] = "write"
        return operations

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
