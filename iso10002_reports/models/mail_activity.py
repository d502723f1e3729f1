# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking the to-do of a review action done closes the action."""
        review_activities = self.filtered(
            lambda a: a.res_model == "iso10002.management.review"
        )
        if review_activities and not self.env.context.get("iso10002_action_sync"):
            # sudo: the owner of an action may have no access to management
            # reviews; closing their own to-do only closes the linked action
            actions = (
                self.env["iso10002.management.review.action"]
                .sudo()
                .search(
                    [
                        ("activity_id", "in", review_activities.ids),
                        ("state", "=", "open"),
                    ]
                )
            )
            for action in actions:
                values = {"state": "done"}
                if feedback and not action.result:
                    values["result"] = feedback
                action.with_context(iso10002_action_sync=True).write(values)
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
