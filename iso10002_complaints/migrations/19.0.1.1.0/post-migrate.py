# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.1.0: complaint references from standard sequences; after-commit
work through the scheduler.

- the companies' complaint sequences become ``standard`` (a PostgreSQL
  sequence, no row lock): ``ir.sequence.write`` creates the PostgreSQL
  sequence at the next number, so numbering continues where it stopped;
- the catch-up job of the former after-commit hooks is removed (its
  method is gone); what it would have acknowledged is still flagged
  ``ack_pending`` and the new job, triggered here, sends it.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["ir.sequence"].with_context(active_test=False).search(
        [
            ("code", "=", "iso10002.complaint"),
            ("implementation", "!=", "standard"),
        ]
    ).write({"implementation": "standard"})
    old_cron = env.ref(
        "iso10002_complaints.ir_cron_complaint_catch_up", raise_if_not_found=False
    )
    if old_cron:
        action = old_cron.ir_actions_server_id
        old_cron.unlink()
        action.unlink()
    if env["helpdesk.ticket"].search_count([("ack_pending", "=", True)], limit=1):
        env.ref("iso10002_complaints.ir_cron_complaint_acknowledge")._trigger()
