# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One row per rate-limit key: what makes count-then-insert atomic.

Counting the intake log and then inserting into it is a race: two workers
count the same rows and both insert. A lock alone (``pg_advisory_xact_lock``)
is not enough under Odoo's REPEATABLE READ transactions: the second worker
would wait, then count with a snapshot taken before the first one committed.
Upserting the key's row instead both waits for the other worker (row lock)
and, once that worker committed, fails with a serialization error: Odoo then
retries the whole request in a new transaction, which counts the committed
submission.
"""

import hashlib
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL


class ComplaintIntakeThrottle(models.Model):
    _name = "iso10002.complaint.intake.throttle"
    _description = "Online Complaint Rate-Limit Key"
    _log_access = False

    key = fields.Char(
        required=True,
        readonly=True,
        help="Hash of the rate-limited key (IP address or email and channel).",
    )
    last_date = fields.Datetime(readonly=True)

    _key_uniq = models.Constraint("UNIQUE(key)", "One row per rate-limit key.")

    @api.model
    def _iso_lock(self, *keys):
        """Serialise the submissions that share any of ``keys`` until the
        end of the transaction (see the module's docstring)."""
        hashes = sorted(
            {hashlib.sha256(key.encode()).hexdigest() for key in keys if key}
        )
        for key_hash in hashes:  # always in the same order: no deadlock
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (key, last_date) "
                    "VALUES (%s, now() AT TIME ZONE 'UTC') "
                    "ON CONFLICT (key) DO UPDATE SET last_date = EXCLUDED.last_date",
                    SQL.identifier(self._table),
                    key_hash,
                )
            )

    @api.autovacuum
    def _gc_intake_throttle(self):
        self.search(
            [("last_date", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()
