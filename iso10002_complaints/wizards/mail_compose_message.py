# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The composer on tickets: only for those who may read them (4.10).

The composer's subject and body are stored computed fields, computed as
superuser: created on any ticket id (or as a reply to any of its messages),
it showed the title of a ticket the user may not read, e.g. of a
confidential complaint.
"""

from odoo import api, models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    @api.model_create_multi
    def create(self, vals_list):
        composers = super().create(vals_list)
        for composer in composers:
            ticket_ids = []
            if composer.model == "helpdesk.ticket":
                ticket_ids += composer._evaluate_res_ids()
            # sudo: the parent message's document, whatever the user may read
            parent = composer.sudo().parent_id
            if parent.model == "helpdesk.ticket" and parent.res_id:
                ticket_ids.append(parent.res_id)
            if ticket_ids:
                self.env["helpdesk.ticket"].browse(ticket_ids).check_access("read")
        return composers
