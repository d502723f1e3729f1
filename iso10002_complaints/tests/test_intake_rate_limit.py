# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake security (issue 11, finding 15): the rate limit of the online
intake is atomic, and submissions that share a key at once never fail
(issue 14's load): each is counted in a short transaction of its own."""

import contextlib
import hashlib
import threading
import time
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestIntakeRateLimitAtomic(TransactionCase):
    """Workers racing on one rate-limit key, each request in a real
    transaction of its own (the test's cursor never sees their commits):
    the limit holds, and no submission fails on it."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    @contextlib.contextmanager
    def _limits(self, **limits):
        limits = dict(
            {
                "intake_rate_window_minutes": 60,
                "intake_rate_limit_ip": 0,
                "intake_rate_limit_email": 0,
                "intake_duplicate_seconds": 120,
                "intake_log_retention_days": 30,
            },
            **limits,
        )
        log_class = type(self.env["iso10002.complaint.intake.log"])
        with patch.object(log_class, "_iso_limit", lambda _self, key: limits[key]):
            yield

    def _forget(self, keys, ip_address=None):
        """Remove what the workers committed."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            if ip_address:
                env["iso10002.complaint.intake.log"].search(
                    [("ip_address", "=", ip_address)]
                ).unlink()
            hashes = [hashlib.sha256(key.encode()).hexdigest() for key in keys]
            env["iso10002.complaint.intake.throttle"].search(
                [("key", "in", hashes)]
            ).unlink()

    def test_finding_15_rate_limit_is_atomic(self):
        email = f"race.{time.time_ns()}@example.com"
        self.addCleanup(
            self._forget, [f"email:public:{email}", f"email:public:other.{email}"]
        )
        with (
            self._limits(intake_rate_limit_email=1),
            self.registry.cursor() as cr_first,
            self.registry.cursor() as cr_second,
        ):
            # two requests under way, their snapshots taken before either
            # submission is decided
            cr_first.execute("SELECT 1")
            cr_second.execute("SELECT 1")
            cr_second.execute("SET LOCAL lock_timeout TO '5s'")
            first = self._env(cr_first)["iso10002.complaint.intake.log"]
            second = self._env(cr_second)["iso10002.complaint.intake.log"]
            self.assertFalse(first._iso_rate_limited(email=email))
            # the first request is still open: the second one neither waits
            # for it nor counts with a stale view, nor fails: the place is
            # taken
            self.assertEqual(second._iso_rate_limited(email=email), "email")
            # the first request then fails: its submission still counts
            cr_first.rollback()
            cr_second.rollback()
            with self.registry.cursor() as cr_third:
                third = self._env(cr_third)["iso10002.complaint.intake.log"]
                self.assertEqual(third._iso_rate_limited(email=email), "email")
                # a limit not reached is not used by a refused submission
                self.assertFalse(third._iso_rate_limited(email=f"other.{email}"))

    def test_concurrent_submissions_on_one_key(self):
        """16 clients behind one address post at once (issue 14's load test:
        HTTP 500 once Odoo's retries ran out): exactly the allowed number
        pass and are stored, the others are refused, none fails."""
        clients, allowed = 16, 5
        ip_address = f"race-{time.time_ns()}"
        emails = [
            f"client.{index}.{ip_address}@example.com" for index in range(clients)
        ]
        self.addCleanup(
            self._forget,
            [f"ip::{ip_address}"] + [f"email:public:{email}" for email in emails],
            ip_address,
        )
        barrier = threading.Barrier(clients)
        outcomes, errors = {}, []

        def client(index):
            try:
                with self.registry.cursor() as cr:
                    cr.execute("SELECT 1")  # the request's snapshot
                    barrier.wait(30)
                    log = self._env(cr)["iso10002.complaint.intake.log"]
                    limited = log._iso_rate_limited(
                        ip_address=ip_address, email=emails[index]
                    )
                    outcomes[index] = limited
                    if not limited:
                        # what the request then stores, committed on exit
                        self.assertTrue(
                            log._iso_register(
                                log._iso_fingerprint(emails[index]),
                                {
                                    "ip_address": ip_address,
                                    "email": emails[index],
                                    "channel": "public",
                                },
                            )
                        )
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(repr(error))

        with self._limits(intake_rate_limit_ip=allowed, intake_rate_limit_email=5):
            threads = [
                threading.Thread(target=client, args=(index,))
                for index in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertFalse(any(thread.is_alive() for thread in threads))
        self.assertEqual(errors, [])
        self.assertEqual(len(outcomes), clients)
        self.assertEqual(list(outcomes.values()).count(False), allowed)
        self.assertEqual(list(outcomes.values()).count("ip"), clients - allowed)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            stored = env["iso10002.complaint.intake.log"].search(
                [("ip_address", "=", ip_address)]
            )
            self.assertEqual(len(stored), allowed)
            self.assertEqual(
                sorted(stored.mapped("email")),
                sorted(emails[index] for index, o in outcomes.items() if not o),
            )
            counter = env["iso10002.complaint.intake.throttle"].search(
                [("key", "=", hashlib.sha256(f"ip::{ip_address}".encode()).hexdigest())]
            )
            self.assertEqual(counter.hits, allowed)
