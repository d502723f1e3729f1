# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rate limits of online complaints: one counter per key (a hash of an
IP address, or of an email and its channel), decided and counted in a short
transaction of its own.

Counting the submissions and then recording one more is a race: two workers
count the same figure and both go on. Inside the request's transaction no
lock helps: Odoo's transactions are REPEATABLE READ, their snapshot taken
at their first query, long before the form is checked; a submission that
waited for another one would count with a view from before that one's
commit (or, updating the same row, fail with a serialization error, and
Odoo retry the whole request: under 16 clients behind one address, five
retries were not always enough and the complainant got an error page).

So the decision runs in a transaction of its own (a cursor of the
registry), whose first statement locks the counters' table: ``LOCK TABLE``
takes no snapshot, so the counting that follows sees every decision
committed before, and the lock is self-exclusive: the decisions of concurrent
submissions run one after the other, without serialization error, each for
a few milliseconds. The decision is committed at once, whatever becomes of
the request: a submission counts once allowed, even if its complaint is
refused later (e.g. as a duplicate) or its request fails; the complaint
itself is created, or not at all, in the request's transaction.

Counters are per fixed window: a key may be used ``limit`` times from the
first use of its window, for the window's duration.
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
    window_start = fields.Datetime(
        readonly=True, help="First submission counted in the current window."
    )
    hits = fields.Integer(
        readonly=True, help="Submissions counted in the current window."
    )

    _key_uniq = models.Constraint("UNIQUE(key)", "One row per rate-limit key.")

    @api.model
    def _iso_count(self, checks, window):
        """Count one submission against each ``(name, key, limit)`` of
        ``checks``, unless a key already reached its limit within
        ``window`` (a timedelta): then return its ``name`` and count
        nothing. Returns False when the submission may go on.

        Runs and commits in a transaction of its own (see the module's
        docstring).
        """
        hashes = {
            name: hashlib.sha256(key.encode()).hexdigest()
            for name, key, _limit in checks
        }
        if not hashes:
            return False
        with self.env.registry.cursor() as cr:
            # the first statement: before the snapshot (see above)
            cr.execute(
                SQL(
                    "LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE",
                    SQL.identifier(self._table),
                )
            )
            throttle = self.with_env(self.env(cr=cr))
            now = cr.now()
            counters = {
                counter.key: counter
                for counter in throttle.search([("key", "in", list(hashes.values()))])
            }

            def used(name):
                counter = counters.get(hashes[name])
                if (
                    counter
                    and counter.window_start
                    and (counter.window_start > now - window)
                ):
                    return counter.hits
                return 0

            for name, _key, limit in checks:
                if used(name) >= limit:
                    return name
            for name in hashes:
                hits = used(name)
                values = {"last_date": now, "hits": hits + 1}
                if not hits:
                    values["window_start"] = now
                if hashes[name] in counters:
                    counters[hashes[name]].write(values)
                else:
                    throttle.create(dict(values, key=hashes[name]))
        return False

    @api.autovacuum
    def _gc_intake_throttle(self):
        # windows longer than a day are kept until they end
        minutes = self.env["iso10002.complaint.intake.log"]._iso_limit(
            "intake_rate_window_minutes"
        )
        keep = max(timedelta(days=1), timedelta(minutes=minutes))
        self.search([("last_date", "<", fields.Datetime.now() - keep)]).unlink()
