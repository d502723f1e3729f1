# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may post on a complaint's chatter (ISO 10002 4.9, 4.12).

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
