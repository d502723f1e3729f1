# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints policy (5.3), its targets and presets; remedies (7.7)."""

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestPolicy(ComplaintCommon):
    def test_one_policy_per_company(self):
        with self.assertRaises(IntegrityError) as error, mute_logger("odoo.sql_db"):
            self.Policy.create({"name": "Second policy", "company_id": self.company.id})
            self.env.flush_all()
        self.assertIn("iso10002_complaint_policy_company_uniq", str(error.exception))

    def test_get_for_company_creates_from_iso_preset(self):
        company = self.env["res.company"].create({"name": "Newco Complaints Ltd"})
        self.assertFalse(self.Policy.search([("company_id", "=", company.id)]))
        policy = self.Policy._get_for_company(company)
        self.assertEqual(policy.company_id, company)
        self.assertEqual(policy.preset_id, self.preset_iso)
        self.assertTrue(policy.auto_acknowledge)
        self.assertEqual(
            sorted(
                policy.target_ids.mapped(
                    lambda t: (t.severity, t.ack_value, t.response_value)
                )
            ),
            sorted(
                self.preset_iso.target_ids.mapped(
                    lambda t: (t.severity, t.ack_value, t.response_value)
                )
            ),
        )
        self.assertEqual(len(policy.target_ids), 4)
        self.assertFalse(policy.target_ids & self.preset_iso.target_ids)
        # asked again: the same policy, no duplicate
        self.assertEqual(self.Policy._get_for_company(company), policy)
        self.assertEqual(company.complaint_policy_id, policy)

    def test_complaint_in_new_company_gets_policy(self):
        company = self.env["res.company"].create({"name": "Lazy Policy Ltd"})
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Lazy complaints",
                "is_complaint_team": True,
                "company_id": company.id,
            }
        )
        complaint = self._create_complaint(team_id=team.id)
        self.assertEqual(complaint.company_id, company)
        policy = self.Policy.search([("company_id", "=", company.id)])
        self.assertEqual(len(policy), 1)
        self.assertTrue(complaint.response_deadline)

    def test_ack_target_later_than_response_refused(self):
        target = self.policy.target_ids.filtered(lambda t: t.severity == "high")
        with self.assertRaises(ValidationError) as error:
            target.write({"ack_value": 12, "response_value": 10})
        self.assertIn(
            "cannot be later than the final response target", str(error.exception)
        )
        self.assertIn("12", str(error.exception))
        # in different units the numbers are not comparable: accepted
        target.write({"ack_value": 12, "ack_unit": "calendar", "response_value": 10})
        self.assertEqual(target.ack_value, 12)

    def test_negative_targets_refused(self):
        target = self.policy.target_ids[:1]
        for values in (
            {"ack_value": -1},
            {"ack_value": 0, "response_value": 0},
            # other units: only the database check can refuse it
            {"ack_value": 0, "ack_unit": "calendar", "response_value": -5},
        ):
            with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
                target.write(values)
                self.env.flush_all()

    def test_at_risk_ratio_range(self):
        for ratio in (-0.1, 1.0, 1.5):
            with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
                self.policy.at_risk_ratio = ratio
                self.env.flush_all()

    def test_apply_preset_replaces_targets(self):
        old_targets = self.policy.target_ids
        self.assertEqual(len(old_targets), 4)
        self.policy.preset_id = self.preset_fca
        self.policy.action_apply_preset()
        self.assertFalse(old_targets.exists())
        targets = self.policy.target_ids
        self.assertEqual(len(targets), 4)
        self.assertEqual(set(targets.mapped("response_value")), {56})
        self.assertEqual(set(targets.mapped("response_unit")), {"calendar"})
        self.assertEqual(self.policy.summary_resolution_days, 3)
        self.assertIn("UK FCA DISP 1", self.policy.message_ids[0].body)
        # the preset itself is untouched
        self.assertEqual(len(self.preset_fca.target_ids), 4)

    def test_apply_preset_needs_a_preset(self):
        self.policy.preset_id = False
        with self.assertRaises(ValidationError) as error:
            self.policy.action_apply_preset()
        self.assertIn("Choose a preset", str(error.exception))
        self.assertEqual(len(self.policy.target_ids), 4)

    def test_target_falls_back_on_medium(self):
        medium = self.policy.target_ids.filtered(lambda t: t.severity == "medium")
        self.assertEqual(self.policy._get_target(False), medium)
        self.policy.target_ids.filtered(lambda t: t.severity == "critical").unlink()
        self.assertEqual(self.policy._get_target("critical"), medium)


@tagged("post_install", "-at_install")
class TestRemedies(ComplaintCommon):
    def test_remedy_cost_sums_in_company_currency(self):
        complaint = self._assess(self._create_complaint())
        complaint.write(
            {
                "remedy_ids": [
                    (0, 0, {"remedy_type": "refund", "cost": 120.5}),
                    (0, 0, {"remedy_type": "apology", "cost": 0}),
                    (0, 0, {"remedy_type": "compensation", "cost": 30}),
                ]
            }
        )
        self.assertEqual(complaint.remedy_cost, 150.5)
        self.assertEqual(complaint.currency_id, self.company.currency_id)
        self.assertEqual(complaint.remedy_ids.currency_id, self.company.currency_id)
        complaint.remedy_ids.filtered(lambda r: r.remedy_type == "refund").unlink()
        self.assertEqual(complaint.remedy_cost, 30)
        complaint.remedy_ids.cost = 45
        self.assertEqual(complaint.remedy_cost, 45 * 2)

    def test_remedy_currency_follows_complaint_company(self):
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("id", "!=", self.company.currency_id.id)], limit=1)
        )
        company = self.env["res.company"].create(
            {"name": "Other Currency Ltd", "currency_id": currency.id}
        )
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Other complaints",
                "is_complaint_team": True,
                "company_id": company.id,
            }
        )
        complaint = self._create_complaint(team_id=team.id)
        complaint.write({"remedy_ids": [(0, 0, {"remedy_type": "refund", "cost": 10})]})
        self.assertEqual(complaint.currency_id, currency)
        self.assertEqual(complaint.remedy_ids.currency_id, currency)
        self.assertEqual(complaint.remedy_cost, 10)

    def test_negative_remedy_cost_refused(self):
        complaint = self._create_complaint()
        with self.assertRaises(IntegrityError) as error, mute_logger("odoo.sql_db"):
            complaint.write(
                {"remedy_ids": [(0, 0, {"remedy_type": "refund", "cost": -5})]}
            )
            self.env.flush_all()
        self.assertIn("cost_positive", str(error.exception))
