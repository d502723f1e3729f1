# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers of the finding-14 anonymisation tests (test_anonymisation.py,
test_anonymisation_files.py): anonymise, a closed complaint, a public
intake by someone new (no test methods here)."""

from odoo.addons.iso10002_complaints.tests.anonymisation_common import (
    AnonymisationCase,
)


class Finding14Case(AnonymisationCase):
    def _anonymise(self, complaints):
        complaints._iso_anonymise()
        self._flush_tracking()
        complaints.invalidate_recordset()
        self.assertTrue(all(complaints.mapped("anonymised")))

    def _closed(self, **values):
        return self._close_quickly(self._complaint(**values))

    def _public_intake(self, email, **form):
        """A complaint filed on the public form by someone new."""
        self.policy.write({"intake_team_id": self.team.id, "public_form_enabled": True})
        values = {
            "name": "Mary Shelley",
            "email": email,
            "phone": "+44 20 7946 0000",
            "subject": "Mary Shelley's kettle",
            "description": "The kettle of Mary Shelley leaks.",
            "consent": "on",
        }
        values.update(form)
        # the rate limit counts in a transaction of its own: here on the
        # test's cursor, as in a request of an HttpCase
        with self.enter_registry_test_mode():
            complaint, errors = self.Ticket.sudo()._iso_intake_submit(
                values,
                [("shelley-receipt.pdf", b"%PDF-1.4 receipt of Mary Shelley %%EOF")],
                ip_address="203.0.113.77",
            )
        self.assertFalse(errors)
        return complaint.sudo(False)
