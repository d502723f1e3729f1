# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The policy facts a complaint's receipt reads are cached
(complaint_policy_facts.py): every change of them reaches the next
complaint, and a creation reads neither the policy nor its targets."""

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestPolicyFacts(ComplaintCommon):
    def _target(self, severity):
        return self.policy.target_ids.filtered(lambda t: t.severity == severity)

    def test_a_target_changed_reaches_the_next_complaint(self):
        self._target("medium").write(
            {"response_value": 30, "response_unit": "calendar"}
        )
        before = self._create_complaint(severity="medium").response_deadline
        self._target("medium").write({"response_value": 2})
        after = self._create_complaint(severity="medium")
        self.assertLess(after.response_deadline, before)
        self.assertEqual(
            (before.date() - after.response_deadline.date()).days,
            28,
        )

    def test_a_target_removed_falls_back_on_medium_at_once(self):
        medium = self._target("medium")
        medium.write({"response_value": 3, "response_unit": "calendar"})
        self._target("critical").write({"response_value": 40})
        self._target("critical").unlink()
        critical = self._create_complaint(severity="critical")
        normal = self._create_complaint(severity="medium")
        self.assertEqual(
            critical.response_deadline.date(), normal.response_deadline.date()
        )
        self.assertEqual(self.policy._get_target("critical"), medium)
        self.assertEqual(self.policy._target_facts("critical").id, medium.id)

    def test_acknowledgement_setting_and_calendar_reach_the_next_complaint(self):
        self.policy.auto_acknowledge = False
        self.assertFalse(self._create_complaint(partner_id=self.partner.id).ack_pending)
        self.policy.auto_acknowledge = True
        self.assertTrue(self._create_complaint(partner_id=self.partner.id).ack_pending)
        calendar = self.env["resource.calendar"].create({"name": "Seven days"})
        self.team_complaints.resource_calendar_id = False
        self.policy.resource_calendar_id = calendar
        complaint = self._create_complaint()
        self.assertEqual(complaint._get_complaint_calendar(self.policy), calendar)

    def test_facts_are_immutable_tuples(self):
        facts = self.policy._facts()
        with self.assertRaises(AttributeError):
            facts.auto_acknowledge = False
        self.assertIsInstance(facts.targets, tuple)

    def test_creation_reads_neither_policy_nor_targets(self):
        self._create_complaint()  # the facts are cached
        self.env.invalidate_all()
        tables = []

        def watch(query, params=None, log_exceptions=True):
            tables.append(str(query))
            return execute(query, params, log_exceptions)

        execute = self.env.cr.execute
        self.patch(self.env.cr, "execute", watch)
        self._create_complaint()
        self.env.flush_all()
        read = [q for q in tables if "iso10002_complaint_policy" in q]
        self.assertEqual(read, [])
