# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints feed corrective actions (ISO 10002 7.6, 8.7): from a complaint
or from a recurring root cause of the review, to the effectiveness check
that closes the loop, counted by the next review and by the audit."""

from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.iso10002_reports.tests.common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestCorrectiveAction(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.review_model = cls.env["iso10002.management.review"].with_user(cls.manager)
        cls.nc_model = cls.env["mgmtsystem.nonconformity"]

    def _review(self, date_from, date_to, title="Review"):
        review = self.review_model.create(
            {
                "title": title,
                "date": date_to,
                "date_from": date_from,
                "date_to": date_to,
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "attendee_ids": [Command.set(self.manager.ids)],
            }
        )
        review.action_refresh_inputs()
        return review

    def _recent_period(self):
        today = fields.Date.context_today(self.env["iso10002.management.review"])
        return today - timedelta(days=30), today

    def test_recurring_root_cause_to_effective_action_end_to_end(self):
        """A review's recurring root cause opens a nonconformity with its
        corrective action; the action is checked effective, which closes the
        nonconformity; the next review and the audit count it."""
        march = self._review(date(2025, 3, 1), date(2025, 3, 31), "March review")
        line = march.root_cause_line_ids.filtered("recurring")
        self.assertEqual(line.mapped("label"), ["Supplier defect"])
        action = line.with_user(self.manager).action_open_nonconformity()
        nc = self.nc_model.browse(action["res_id"])
        self.assertEqual(nc.review_id, march)
        self.assertEqual(nc.complaint_root_cause, "Supplier defect")
        self.assertEqual(nc.complaint_ids, self.c1 | self.c2)
        self.assertTrue(nc.from_complaints)
        self.assertEqual(nc.state, "analysis")
        self.assertEqual(
            nc.origin_ids,
            self.env.ref("iso10002_mgmtsystem.nonconformity_origin_complaint"),
        )
        # the complainant is not named on a nonconformity of several complaints
        self.assertEqual(nc.partner_id, self.company.partner_id)
        corrective = nc.action_ids
        self.assertEqual(len(corrective), 1)
        self.assertEqual(corrective.type_action, "correction")
        self.assertTrue(corrective.from_complaints)
        self.assertEqual(self.c1.nonconformity_ids, nc)
        self.assertEqual(march.with_user(self.manager).nonconformity_ids, nc)

        # the action plan is approved: the action starts
        nc.with_user(self.manager).write(
            {
                "action_comments": "Change the supplier of the frames.",
                "stage_id": self.env.ref("mgmtsystem_nonconformity.stage_open").id,
            }
        )
        self.assertFalse(corrective.stage_id.is_starting)
        date_from, date_to = self._recent_period()
        review = self._review(date_from, date_to, "Recent review")
        self.assertEqual(
            (review.corrective_action_count, review.corrective_open_count), (1, 1)
        )
        self.assertEqual(review.corrective_effective_count, 0)

        # effectiveness check: evidence first, then the loop closes
        as_manager = corrective.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "evidence"):
            as_manager.action_check_effective()
        as_manager.effectiveness_note = "No supplier defect in the 3 months since."
        as_manager.action_check_effective()
        self.assertEqual(corrective.effectiveness, "effective")
        self.assertEqual(corrective.effectiveness_user_id, self.manager)
        self.assertTrue(corrective.stage_id.is_ending)
        self.assertEqual(nc.state, "done")
        self.assertTrue(nc.closing_date)
        self.assertIn("No supplier defect", nc.evaluation_comments)

        # the next review and the audit count the effective action
        review.action_refresh_inputs()
        self.assertEqual(
            (
                review.corrective_action_count,
                review.corrective_open_count,
                review.corrective_effective_count,
                review.corrective_not_effective_count,
            ),
            (1, 0, 1, 0),
        )
        review.action_confirm()
        audit = (
            self.env["iso10002.complaint.audit"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": date_from,
                    "date_to": date_to,
                    "company_id": self.company.id,
                    "company_ids": [Command.set(self.company.ids)],
                }
            )
        )
        audit.action_collect_evidence()
        self.assertEqual(
            (audit.corrective_action_count, audit.corrective_effective_count), (1, 1)
        )
        clause = audit.line_ids.filtered(lambda x: x.clause == "8.7")
        self.assertEqual(clause.population_count, 1)
        self.assertIn("1 checked effective", clause.evidence)
        # the frozen review keeps its counts once confirmed
        with self.assertRaises(UserError):
            review.write({"corrective_effective_count": 5})

    def test_complaint_opens_nonconformity(self):
        self.c3.root_cause = "Seal <b>cracked</b> & loose"
        action = self.c3.with_user(self.manager).action_open_nonconformity()
        nc = self.nc_model.browse(action["res_id"])
        # the root cause is the staff's text, never markup of the action
        self.assertIn(
            "Seal &lt;b&gt;cracked&lt;/b&gt; &amp; loose", nc.action_ids.description
        )
        self.assertEqual(nc.complaint_ids, self.c3)
        self.assertEqual((nc.res_model, nc.res_id), ("helpdesk.ticket", self.c3.id))
        self.assertEqual(nc.partner_id, self.complainant)
        self.assertIn(self.c3.complaint_ref, nc.name)
        self.assertEqual(self.c3.with_user(self.manager).nonconformity_count, 1)
        self.assertEqual(
            nc.action_view_complaints()["domain"], [("id", "in", self.c3.ids)]
        )

    def test_confidential_complaint_does_not_name_the_complainant(self):
        self.c3.confidential = True
        action = self.c3.with_user(self.manager).action_open_nonconformity()
        nc = self.nc_model.browse(action["res_id"])
        self.assertEqual(nc.partner_id, self.company.partner_id)
        self.assertNotIn(self.complainant.name, nc.description)

    def test_plain_ticket_and_non_recurring_cause_are_refused(self):
        plain = self.env["helpdesk.ticket"].create(
            {"name": "Plain question", "description": "<p>Hello</p>"}
        )
        self.assertFalse(plain.is_complaint)
        with self.assertRaisesRegex(UserError, "Only a complaint"):
            plain.action_open_nonconformity()
        march = self._review(date(2025, 3, 1), date(2025, 3, 31))
        single = march.root_cause_line_ids.filtered(
            lambda x: x.label == "Carrier damage"
        )
        with self.assertRaisesRegex(UserError, "recurring root cause"):
            single.with_user(self.manager).action_open_nonconformity()

    def test_link_needs_read_access_and_same_company(self):
        """A management-system user who may not read a complaint cannot link
        a nonconformity to it, nor to a complaint of another company."""
        quality = new_test_user(
            self.env,
            login="iso_quality_only",
            groups="base.group_user,mgmtsystem.group_mgmtsystem_user",
            company_id=self.company.id,
        )
        vals = {
            "name": "Linked",
            "description": "Linked",
            "partner_id": self.company.partner_id.id,
            "responsible_user_id": quality.id,
            "manager_user_id": quality.id,
            "origin_ids": [
                Command.set(
                    self.env.ref(
                        "iso10002_mgmtsystem.nonconformity_origin_complaint"
                    ).ids
                )
            ],
            "company_id": self.company.id,
        }
        model = self.nc_model.with_user(quality)
        with self.assertRaises(AccessError):
            model.create(dict(vals, complaint_ids=[Command.set(self.c1.ids)]))
        with self.assertRaises(AccessError):
            model.create(dict(vals, res_model="helpdesk.ticket", res_id=self.c1.id))
        self.assertTrue(model.create(vals), "an unlinked nonconformity is fine")
        other = self.env["helpdesk.ticket"].search(
            [("company_id", "=", self.other_company.id)], limit=1
        ) or self._complaint(
            "received",
            {"received_date": fields.Datetime.now()},
            team_id=self.other_team.id,
            company_id=self.other_company.id,
        )
        with self.assertRaisesRegex(ValidationError, "another company"):
            self.nc_model.with_user(self.manager).create(
                dict(vals, complaint_ids=[Command.set(other.ids)])
            )

    def test_not_effective_keeps_the_nonconformity_open(self):
        action = self.c3.with_user(self.manager).action_open_nonconformity()
        nc = self.nc_model.browse(action["res_id"])
        corrective = nc.action_ids.with_user(self.manager)
        corrective.effectiveness_note = "Two new complaints of the same cause."
        corrective.action_check_not_effective()
        self.assertEqual(corrective.effectiveness, "not_effective")
        self.assertEqual(nc.state, "analysis")
        self.assertIn("not effective", nc.message_ids[:1].body)
        counts = self.env["mgmtsystem.action"]._complaint_action_counts(self.company)
        self.assertEqual(counts["not_effective"], 1)
        self.assertEqual(counts["open"], 1)
