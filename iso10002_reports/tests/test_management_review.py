# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestManagementReview(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.review_model = cls.env["iso10002.management.review"].with_user(cls.manager)
        # the previous review (February), confirmed, with its actions
        cls.previous = cls.review_model.create(
            {
                "title": "February review",
                "date": date(2025, 3, 5),
                "date_from": date(2025, 2, 1),
                "date_to": date(2025, 2, 28),
                "company_id": cls.company.id,
                "company_ids": [Command.set(cls.company.ids)],
                "attendee_ids": [Command.set(cls.manager.ids)],
            }
        )
        cls.prev_done, cls.prev_late = (
            cls.env["iso10002.management.review.action"]
            .with_user(cls.manager)
            .create(
                [
                    {
                        "review_id": cls.previous.id,
                        "name": "Train the carriers",
                        "user_id": cls.handler.id,
                        "date_deadline": date(2025, 3, 20),
                    },
                    {
                        "review_id": cls.previous.id,
                        "name": "Fix the supplier contract",
                        "user_id": cls.manager.id,
                        "date_deadline": date(2025, 3, 15),
                    },
                ]
            )
        )
        cls.prev_done.with_user(cls.handler).action_done()
        cls.previous.action_confirm()

    def _march_review(self, **values):
        attendees = [Command.set((self.manager | self.handler).ids)]
        return super()._march_review(**{"attendee_ids": attendees, **values})

    def test_figures_equal_hand_computed_values(self):
        review = self._march_review()
        self.assertEqual(review.previous_review_id, self.previous)
        expected = {
            # volumes and trends: C1..C5 in March, P1 and P2 in February
            "received_count": 5,
            "received_prev_count": 2,
            "received_trend": 150.0,  # (5 - 2) / 2
            "closed_count": 3,  # C1, C2, C3 closed in March
            "backlog_count": 2,  # C4, C5 open on 1 April
            "backlog_overdue_count": 1,  # C5: final response due 31 March
            "backlog_1w": 1,  # C5, 6.6 days old on 1 April
            "backlog_4w": 1,  # C4, 11.5 days old
            "backlog_8w": 0,
            "backlog_over_8w": 0,
            "safety_count": 1,  # C1
            # acknowledgement: C1, C3, C4 on time; C2 late; C5 missing
            "ack_due_count": 5,
            "ack_on_time_rate": 60.0,
            "ack_on_time_rate_prev": 50.0,  # P1 on time, P2 late
            "acknowledged_count": 4,
            "avg_ack_hours": 8.75,  # (3 + 24 + 2 + 6) / 4
            "median_ack_hours": 4.5,  # median of 2, 3, 6, 24
            # final response: C1, C2 on time; C3 late; C4, C5 overdue
            "response_due_count": 5,
            "response_on_time_rate": 40.0,
            "response_on_time_rate_prev": 50.0,  # P1 on time, P2 late
            "responded_count": 3,
            "avg_response_days": 15.0,  # (7 + 20 + 18) / 3
            "median_response_days": 18.0,
            # outcomes
            "reopened_count": 1,  # C2
            "reopen_rate": 20.0,
            "decided_count": 3,
            "upheld_count": 1,
            "partially_upheld_count": 1,
            "not_upheld_count": 1,
            "upheld_rate": 200.0 / 3,
            "rejected_count": 1,  # C3
            "external_referral_count": 1,  # C3
            "remedy_cost": 150.0,  # 60 + 40 + 50 + 0
            # satisfaction: last ratings 5 (C1) and 2 (C2)
            "rated_count": 2,
            "rating_count": 3,
            "rating_avg": 3.5,
            "satisfied_rate": 50.0,
            # objectives of the company's policy
            "objective_ack_on_time": 95.0,
            "objective_response_on_time": 90.0,
            "objective_satisfaction": 4.0,
            # previous review: one action done, one overdue on 5 April
            "prev_action_count": 2,
            "prev_action_done_count": 1,
            "prev_action_overdue_count": 1,
        }
        objectives = {
            "objective_ack_on_time": "ack_on_time_rate",
            "objective_response_on_time": "response_on_time_rate",
            "objective_satisfaction": "rating_avg",
        }
        for code, value in expected.items():
            if code in objectives:
                figure = review._kpi_line(objectives[code]).objective
            else:
                figure = review._kpi_line(code).value
            self.assertAlmostEqual(figure, value, places=6, msg=code)

        def lines(dimension):
            return [
                (
                    line.label,
                    line.count,
                    round(line.share, 2),
                    round(line.cumulative_share, 2),
                    line.previous_count,
                )
                for line in review.line_ids.filtered(lambda x: x.dimension == dimension)
            ]

        self.assertEqual(
            lines("category"),
            [
                ("Quality T", 3, 60.0, 60.0, 1),
                ("Billing T", 1, 20.0, 80.0, 1),
                ("Not classified", 1, 20.0, 100.0, 0),
            ],
        )
        self.assertEqual(
            lines("root_cause"),
            [
                ("Not determined", 2, 40.0, 40.0, 2),
                ("Supplier defect", 2, 40.0, 80.0, 0),
                ("Carrier damage", 1, 20.0, 100.0, 0),
            ],
        )
        self.assertEqual(
            lines("product"),
            [
                ("Not specified", 2, 40.0, 40.0, 1),
                ("Sofa", 2, 40.0, 80.0, 1),
                ("Table", 1, 20.0, 100.0, 0),
            ],
        )
        self.assertEqual(
            lines("channel"),
            [
                ("Email T", 2, 40.0, 40.0, 1),
                ("Phone T", 2, 40.0, 80.0, 1),
                ("Web T", 1, 20.0, 100.0, 0),
            ],
        )
        self.assertEqual(lines("month"), [("March 2025", 1 * 5, 0.0, 0.0, 0)])
        recurring = review.root_cause_line_ids.filtered("recurring").mapped("label")
        self.assertEqual(recurring, ["Supplier defect"], "unknown is not a cause")
        statuses = dict(
            zip(
                review.previous_action_line_ids.mapped("label"),
                review.previous_action_line_ids.mapped("note"),
                strict=True,
            )
        )
        self.assertTrue(statuses["Train the carriers"].startswith("Done"))
        self.assertTrue(statuses["Fix the supplier contract"].startswith("Overdue"))
        # aggregates only: no complainant data in the record
        self.assertNoPersonalData(
            repr(review.read()) + repr(review.line_ids.read()), "the review record"
        )

    def test_review_form(self):
        form = Form(self.env["iso10002.management.review"].with_user(self.manager))
        form.date_from = date(2025, 3, 1)
        form.date_to = date(2025, 3, 31)
        form.date = date(2025, 4, 5)
        self.assertEqual(form.previous_review_id, self.previous)
        with form.action_ids.new() as action:
            action.name = "Check every acknowledgement daily"
            action.user_id = self.handler
            action.date_deadline = date(2025, 4, 30)
        review = form.save()
        self.assertEqual(review._kpi_line("received_count").value, 5)
        self.assertEqual(review.action_open_count, 1)
        self.assertEqual(review.action_ids.activity_id.user_id, self.handler)
        action = review.action_view_actions()
        self.assertEqual(action["domain"], [("review_id", "=", review.id)])

    def test_team_scope(self):
        other_team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Second team",
                "company_id": self.company.id,
                "is_complaint_team": True,
            }
        )
        review = self._march_review(team_ids=[Command.set(other_team.ids)])
        self.assertEqual(review._kpi_line("received_count").value, 0)
        self.assertFalse(review.category_line_ids)
        review.team_ids = self.team
        self.assertEqual(
            review._kpi_line("received_count").value, 5, "scope change recomputes"
        )

    def test_confirm_freezes_inputs(self):
        review = self._march_review()
        review.action_confirm()
        self.assertEqual(review.state, "confirmed")
        self.assertEqual(review.confirmed_by_id, self.manager)
        # a new complaint in the period changes nothing once confirmed
        self._complaint("received", {"received_date": self.c1.received_date})
        with self.assertRaises(UserError):
            review.action_refresh_inputs()
        with self.assertRaises(UserError):
            review.date_to = date(2025, 3, 30)
        with self.assertRaises(UserError):
            review.line_ids[:1].count = 99
        with self.assertRaises(UserError):
            review.line_ids[:1].unlink()
        with self.assertRaises(UserError):
            review.unlink()
        self.assertEqual(review._kpi_line("received_count").value, 5)
        # a draft review sees the new complaint
        self.assertEqual(self._march_review()._kpi_line("received_count").value, 6)
        # outputs can still be recorded after the meeting
        review.action_ids = [
            Command.create(
                {
                    "name": "Follow-up",
                    "user_id": self.handler.id,
                    "date_deadline": date(2025, 5, 1),
                }
            )
        ]
        self.assertEqual(review.action_count, 1)

    def test_confirm_needs_attendees(self):
        review = self._march_review(attendee_ids=[Command.clear()])
        with self.assertRaises(UserError):
            review.action_confirm()

    def test_chain_and_period_constraints(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._march_review(date_from=date(2025, 4, 1))
        review = self._march_review()
        with self.assertRaises(ValidationError):
            review.previous_review_id = review
        # the next review chains to the confirmed March review
        review.action_confirm()
        action = review.action_new_review()
        self.assertEqual(action["context"]["default_previous_review_id"], review.id)
        april = self.review_model.with_context(**action["context"]).create(
            {"date_from": date(2025, 4, 1), "date_to": date(2025, 4, 30)}
        )
        self.assertEqual(april.previous_review_id, review)
        self.assertEqual(
            april._kpi_line("received_count").value, 1
        )  # the April complaint

    def test_actions_schedule_activities_for_their_owners(self):
        review = self._march_review()
        action = (
            self.env["iso10002.management.review.action"]
            .with_user(self.manager)
            .create(
                {
                    "review_id": review.id,
                    "name": "Add a follow-up reminder",
                    "user_id": self.handler.id,
                    "date_deadline": date(2025, 5, 15),
                }
            )
        )
        activity = action.activity_id
        self.assertTrue(activity)
        self.assertEqual(activity.user_id, self.handler)
        self.assertEqual(activity.date_deadline, date(2025, 5, 15))
        self.assertEqual(activity.res_id, review.id)
        action.date_deadline = date(2025, 5, 20)
        self.assertEqual(activity.date_deadline, date(2025, 5, 20))
        # the owner marks the to-do done: the action is done
        activity.with_user(self.handler).action_feedback(feedback="Reminder added")
        self.assertEqual(action.state, "done")
        self.assertEqual(action.result, "Reminder added")
        self.assertTrue(action.done_date)
        # an action needs an owner and a due date; a decision does not
        with self.assertRaises(ValidationError):
            action.copy({"user_id": False})
        decision = action.copy(
            {
                "kind": "decision",
                "user_id": False,
                "date_deadline": False,
                "name": "Keep the policy",
            }
        )
        self.assertFalse(decision.activity_id)

    def test_helpdesk_user_reads_but_does_not_write(self):
        review = self._march_review()
        as_user = review.with_user(self.handler)
        self.assertEqual(as_user._kpi_line("received_count").value, 5)
        with self.assertRaises(AccessError):
            as_user.write({"title": "Mine"})
        with self.assertRaises(AccessError):
            self.env["iso10002.management.review"].with_user(self.handler).create(
                {"date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31)}
            )
        # the owner of an action may update it, not the actions of others
        self.prev_late.with_user(self.manager).write({"user_id": self.handler.id})
        self.prev_late.with_user(self.handler).write({"result": "In progress"})
        other = (
            self.env["iso10002.management.review.action"]
            .with_user(self.manager)
            .create(
                {
                    "review_id": review.id,
                    "name": "Not Hugo's",
                    "user_id": self.manager.id,
                    "date_deadline": date(2025, 5, 1),
                }
            )
        )
        with self.assertRaises(AccessError):
            other.with_user(self.handler).write({"result": "Hijacked"})

    def test_review_pdf(self):
        review = self._march_review()
        review.action_ids = [
            Command.create(
                {
                    "name": "Renegotiate the supplier contract",
                    "user_id": self.handler.id,
                    "date_deadline": date(2025, 6, 30),
                }
            )
        ]
        review.action_confirm()
        text = self.render_pdf(
            "iso10002_reports.action_report_management_review",
            review.with_user(self.manager),
        )
        for needle in (
            review.name,
            "03/01/2025",
            "03/31/2025",
            "Complaints received",
            "+150.0 %",  # trend
            "60.0 %",  # acknowledged on time
            "40.0 %",  # final response on time
            "95.0 %",  # objective
            "4.5",  # median hours to acknowledge
            "8.8",  # average hours to acknowledge
            "18.0",  # median days to final response
            "15.0",  # average days to final response
            "66.7 %",  # upheld rate
            "150.00",  # remedy cost
            "3.50",  # satisfaction
            "Supplier defect",
            "Fix the supplier contract",
            "Renegotiate the supplier contract",
            "Hugo Handler",
            "06/30/2025",
            "Rita Reviewer",
        ):
            self.assertIn(needle, text)
        self.assertNoPersonalData(text, "the management review PDF")
