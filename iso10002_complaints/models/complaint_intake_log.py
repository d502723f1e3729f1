# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Online submissions of complaints, kept to throttle abuse.

The log lives in the database so that the duplicate guard holds across
every HTTP worker of a multi-process server; the rate limits count in
iso10002.complaint.intake.throttle. Its settings are read here.
"""

import hashlib
import re
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import api, fields, models

PARAM_PREFIX = "iso10002_complaints."
# defaults of the ir.config_parameter settings read below
DEFAULT_LIMITS = {
    "intake_rate_window_minutes": 60,
    "intake_rate_limit_ip": 10,
    "intake_rate_limit_email": 5,
    "intake_duplicate_seconds": 120,
    "intake_log_retention_days": 30,
}


class ComplaintIntakeLog(models.Model):
    _name = "iso10002.complaint.intake.log"
    _description = "Online Complaint Submission"
    _order = "id desc"

    ip_address = fields.Char(string="IP address", index=True, readonly=True)
    email = fields.Char(index=True, readonly=True, help="Normalised email.")
    channel = fields.Selection(
        [("public", "Public form"), ("portal", "Customer portal")],
        required=True,
        readonly=True,
    )
    fingerprint = fields.Char(
        readonly=True,
        help="Hash of the submitted content while the duplicate window is "
        "open; emptied afterwards.",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Complaint", ondelete="set null", readonly=True
    )

    # two identical submissions racing in two workers: the second insert
    # waits for the first transaction and then fails on this index
    _fingerprint_uniq = models.UniqueIndex(
        "(fingerprint) WHERE fingerprint IS NOT NULL",
        "This complaint was just submitted.",
    )

    @api.model
    def _iso_limit(self, key):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(PARAM_PREFIX + key, DEFAULT_LIMITS[key])
        )
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            return DEFAULT_LIMITS[key]

    @api.model
    def _iso_fingerprint(self, *parts):
        text = "\x1f".join(
            re.sub(r"\s+", " ", str(p or "")).strip().lower() for p in parts
        )
        return hashlib.sha256(text.encode()).hexdigest()

    @api.model
    def _iso_rate_limited(self, ip_address=None, email=None, channel="public"):
        """Which limit (``'ip'`` or ``'email'``) the submission exceeds, if
        any; when none, the submission is counted against both.

        The email quota counts the submissions of one channel: what anyone
        types on the public form never uses up the quota a logged-in
        complainant has on the portal. Decided and counted atomically, in a
        transaction of its own committed at once (see
        complaint_intake_throttle.py): concurrent submissions sharing a key
        never both pass the last free place, and never fail on it.
        """
        window = timedelta(minutes=self._iso_limit("intake_rate_window_minutes"))
        checks = [
            (name, f"{name}:{key_channel}:{value}", limit)
            for name, key_channel, value, limit in (
                ("ip", "", ip_address, self._iso_limit("intake_rate_limit_ip")),
                (
                    "email",
                    channel,
                    email,
                    self._iso_limit("intake_rate_limit_email"),
                ),
            )
            if value and limit
        ]
        return self.env["iso10002.complaint.intake.throttle"]._iso_count(checks, window)

    @api.model
    def _iso_register(self, fingerprint, values):
        """Log a submission; False if the same one is already being handled.

        Must be called before anything of the submission is created: the
        unique fingerprint serialises identical submissions.
        """
        window = self._iso_limit("intake_duplicate_seconds")
        expired = self.search(
            [
                ("fingerprint", "=", fingerprint),
                ("create_date", "<", self.env.cr.now() - timedelta(seconds=window)),
            ]
        )
        expired.write({"fingerprint": False})
        try:
            with self.env.cr.savepoint():
                return self.create(dict(values, fingerprint=fingerprint))
        except IntegrityError:
            return False

    @api.autovacuum
    def _gc_intake_log(self):
        """Forget old submissions (IP addresses are personal data)."""
        days = self._iso_limit("intake_log_retention_days") or 1
        self.search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=days))]
        ).unlink()
