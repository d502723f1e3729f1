# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Escalation cron: deadline activities, escalation of overdue complaints to
the team leader and one daily digest per leader (4.7, 4.15)."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.iso10002_complaints.tests.common import (
    digest_mails,
    run_pending_jobs,
)


@tagged("post_install", "-at_install")
class TestIntakeEscalation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"]
        users = {}
        for login, name, group in (
            ("iso_esc_leader", "Lena Leader", "group_complaint_handler"),
            ("iso_esc_handler", "Hugo Handler", "group_complaint_handler"),
            ("iso_esc_manager", "Mona Manager", "group_complaint_manager"),
            ("iso_esc_leader2", "Leo Leader", "group_complaint_handler"),
        ):
            users[login] = new_test_user(
                cls.env,
                login=login,
                name=name,
                email=f"{login}@example.com",
                groups=f"iso10002_complaints.{group}",
            )
        cls.leader = users["iso_esc_leader"]
        cls.handler = users["iso_esc_handler"]
        cls.manager = users["iso_esc_manager"]
        cls.leader2 = users["iso_esc_leader2"]
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Escalation team",
                "is_complaint_team": True,
                "user_id": cls.leader.id,
                "user_ids": [Command.set((cls.leader | cls.handler).ids)],
            }
        )
        cls.team2 = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Second complaints team",
                "is_complaint_team": True,
                "user_id": cls.leader2.id,
                "user_ids": [Command.set((cls.leader2 | cls.handler).ids)],
            }
        )
        cls.policy = cls.env["iso10002.complaint.policy"]._get_for_company(
            cls.env.company
        )
        cls.policy._apply_preset(cls.env.ref("iso10002_complaints.policy_preset_iso"))
        cls.policy.write(
            {
                "manager_id": cls.manager.id,
                "at_risk_ratio": 0.25,
                "auto_acknowledge": True,
            }
        )
        # calendar days: deadlines independent of week-ends and holidays
        cls.policy.target_ids.write(
            {
                "ack_value": 1,
                "ack_unit": "calendar",
                "response_value": 10,
                "response_unit": "calendar",
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Carl Customer", "email": "carl@example.com"}
        )
        cls.no_mail = cls.env["res.partner"].create({"name": "Nina Nomail"})
        now = fields.Datetime.now()

        def complaint(name, days, **values):
            vals = {
                "name": name,
                "description": f"<p>{name}</p>",
                "team_id": cls.team.id,
                "partner_id": cls.customer.id,
                "user_id": cls.handler.id,
                "received_date": now - timedelta(days=days),
            }
            vals.update(values)
            return cls.Ticket.create(vals)

        cls.overdue = complaint("Overdue one", 20)
        cls.at_risk = complaint("At risk one", 9)
        cls.on_time = complaint("On time one", 0)
        cls.ack_overdue = complaint(
            "Not acknowledged", 3, partner_id=cls.no_mail.id, user_id=False
        )
        cls.leader_handles = complaint(
            "Handled by the leader", 20, user_id=cls.leader.id
        )
        cls.other_team = complaint(
            "Other team", 20, team_id=cls.team2.id, user_id=cls.handler.id
        )
        # the acknowledgements the creations triggered
        run_pending_jobs(cls.env)
        cls.deadline_type = cls.env.ref(
            "iso10002_complaints.mail_activity_complaint_deadline"
        )
        cls.escalation_type = cls.env.ref(
            "iso10002_complaints.mail_activity_complaint_escalation"
        )

    def _activities(self, complaint, activity_type):
        return complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def _notes(self, complaint):
        return complaint.message_ids.filtered(lambda m: "escalated to" in str(m.body))

    def test_escalation_cron(self):
        self.Ticket._cron_iso_escalate()
        self.assertEqual(self.overdue.deadline_status, "overdue")
        self.assertEqual(self.at_risk.deadline_status, "at_risk")
        self.assertEqual(self.on_time.deadline_status, "on_time")
        self.assertEqual(self.ack_overdue.deadline_status, "overdue")

        # reminders to the handler, or the leader when nobody handles it
        overdue_act = self._activities(self.overdue, self.deadline_type)
        self.assertEqual(overdue_act.user_id, self.handler)
        self.assertIn("Overdue", overdue_act.summary)
        at_risk_act = self._activities(self.at_risk, self.deadline_type)
        self.assertEqual(at_risk_act.user_id, self.handler)
        self.assertIn("At risk", at_risk_act.summary)
        self.assertFalse(self.on_time.activity_ids)
        ack_act = self._activities(self.ack_overdue, self.deadline_type)
        self.assertEqual(ack_act.user_id, self.leader)
        self.assertIn("acknowledgement", ack_act.summary)

        # overdue complaints escalated to the leader, or to the complaints
        # manager when the leader handles it (objectivity)
        self.assertEqual(self.overdue.escalated_to_id, self.leader)
        self.assertTrue(self.overdue.escalated_date)
        self.assertEqual(
            self._activities(self.overdue, self.escalation_type).user_id, self.leader
        )
        self.assertEqual(len(self._notes(self.overdue)), 1)
        self.assertEqual(self.leader_handles.escalated_to_id, self.manager)
        self.assertEqual(
            self._activities(self.leader_handles, self.escalation_type).user_id,
            self.manager,
        )
        self.assertFalse(self.at_risk.escalated_date)
        self.assertFalse(self._activities(self.at_risk, self.escalation_type))

        # one digest per team leader, listing all their complaints
        digest = digest_mails(self.env, self.leader)
        self.assertEqual(len(digest), 1)
        for complaint in (
            self.overdue,
            self.at_risk,
            self.ack_overdue,
            self.leader_handles,
        ):
            self.assertIn(complaint.complaint_ref, digest.body_html)
        self.assertNotIn(self.on_time.complaint_ref, digest.body_html)
        self.assertNotIn(self.other_team.complaint_ref, digest.body_html)
        self.assertIn("3 overdue, 1 at risk", digest.subject)
        digest2 = digest_mails(self.env, self.leader2)
        self.assertEqual(len(digest2), 1)
        self.assertIn(self.other_team.complaint_ref, digest2.body_html)

        # running again the same day duplicates nothing
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "helpdesk.ticket")]
        )
        self.Ticket._cron_iso_escalate()
        self.assertEqual(
            self.env["mail.activity"].search([("res_model", "=", "helpdesk.ticket")]),
            activities,
        )
        self.assertEqual(len(self._notes(self.overdue)), 1)
        self.assertEqual(len(digest_mails(self.env, self.leader)), 1)
        self.assertEqual(len(digest_mails(self.env, self.leader2)), 1)

    def test_at_risk_becomes_overdue_then_answered(self):
        self.Ticket._cron_iso_escalate()
        activity = self._activities(self.at_risk, self.deadline_type)
        self.at_risk.received_date = fields.Datetime.now() - timedelta(days=20)
        self.Ticket._cron_iso_escalate()
        # the same reminder, now saying overdue; and the complaint escalated
        self.assertEqual(self._activities(self.at_risk, self.deadline_type), activity)
        self.assertIn("Overdue", activity.summary)
        self.assertEqual(self.at_risk.escalated_to_id, self.leader)
        # the next day, a new digest
        self.leader.sudo().complaint_digest_date = fields.Date.today() - timedelta(
            days=1
        )
        self.Ticket._cron_iso_escalate()
        self.assertEqual(len(digest_mails(self.env, self.leader)), 2)
        # once the decision is communicated, the reminders go away
        self.overdue.write({"ack_method": "phone"})
        self.overdue.write(
            {
                "severity": "medium",
                "stage_id": self.env.ref(
                    "iso10002_complaints.stage_complaint_assessed"
                ).id,
            }
        )
        self.overdue.write(
            {
                "response_summary": "<p>Refund.</p>",
                "stage_id": self.env.ref(
                    "iso10002_complaints.stage_complaint_responded"
                ).id,
                "decision_outcome": "upheld",
                "decision": "<p>We refund you.</p>",
            }
        )
        self.overdue.action_communicate_decision()
        self.Ticket._cron_iso_escalate()
        self.assertFalse(self._activities(self.overdue, self.deadline_type))
        self.assertFalse(self._activities(self.overdue, self.escalation_type))

    def test_cron_record(self):
        cron = self.env.ref("iso10002_complaints.ir_cron_complaint_escalation")
        self.assertEqual(cron.interval_type, "days")
        self.assertIn("_cron_iso_escalate", cron.code)
        cron.ir_actions_server_id.with_user(cron.user_id).run()
        self.assertTrue(self.overdue.escalated_date)
