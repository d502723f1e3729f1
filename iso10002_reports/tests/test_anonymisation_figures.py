# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymisation keeps the figures (finding 14 of issue 11): the analysis,
the KPIs and a management review read the same before and after."""

from datetime import date

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.iso10002_complaints.models.helpdesk_ticket_stage import (
    TERMINAL_STEPS,
)

from .common import PERSONAL_STRINGS, IsoReportsCase, dt


@tagged("post_install", "-at_install")
class TestAnonymisationFigures(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()

    def _analysis(self):
        analysis = self.env["iso10002.complaint.analysis"]
        names = [
            name
            for name, field in analysis._fields.items()
            if field.store and name not in ("anonymised", "display_name")
        ]
        self.env.flush_all()
        return analysis.search_read(
            [("company_id", "in", (self.company | self.other_company).ids)],
            names,
            order="id",
            # links as ids: the complaint's name is erased, not a figure
            load=None,
        )

    def _kpis(self):
        return self.env["iso10002.complaint.kpi"]._compute_kpis(
            date(2025, 3, 1), date(2025, 3, 31), self.company
        )

    def _review_inputs(self, review):
        review.action_refresh_inputs()
        skip = {"inputs_date", "write_date", "write_uid", "__last_update"}
        names = [
            name
            for name, field in review._fields.items()
            if field.store
            and field.type not in ("one2many", "many2many")
            and name not in skip
        ]
        lines = review.line_ids.read(
            [
                "dimension",
                "label",
                "count",
                "share",
                "cumulative_share",
                "previous_count",
                "note",
                "unclassified",
                "sequence",
                "kpi_code",
                "value",
                "previous_value",
                "has_data",
                "has_previous",
                "objective",
            ]
        )
        for line in lines:
            line.pop("id")
        return review.read(names)[0], lines

    def test_finding_14_figures_unchanged(self):
        closed = self.env["helpdesk.ticket"].search(
            [
                ("company_id", "in", (self.company | self.other_company).ids),
                ("is_complaint", "=", True),
                ("iso_step", "in", list(TERMINAL_STEPS)),
            ]
        )
        self.assertGreaterEqual(len(closed), 4)
        # a response proposed without remedy: "response recorded" counts it
        responded_only = closed.filtered(lambda t: t.response_summary)[:1]
        responded_only.remedy_ids.unlink()
        # the last rating is the last one written, not the last created
        first, second = self.c1.rating_ids.sorted("id")
        for rating, when in ((first, "2025-03-20 10:00"), (second, "2025-03-19 10:00")):
            self.env.cr.execute(
                SQL(
                    "UPDATE rating_rating SET write_date = %s WHERE id = %s",
                    dt(when),
                    rating.id,
                )
            )
        self.env.invalidate_all()
        # the ratings were dated in SQL, behind the ORM's back: recompute the
        # complaint's last rating as the ORM does when a rating is written
        # (the view reads it from the complaint, it no longer computes it)
        for fname in ("satisfaction", "satisfaction_score", "satisfaction_date"):
            self.env.add_to_compute(self.c1._fields[fname], self.c1)
        self.env.flush_all()
        self.assertEqual(self.c1.satisfaction_score, first.rating)
        self.assertTrue(self.c1.complaint_product_id, "classified by what was written")
        review = self._march_review(attendee_ids=[Command.set(self.manager.ids)])
        analysis, kpis, inputs = (
            self._analysis(),
            self._kpis(),
            self._review_inputs(review),
        )

        closed._iso_anonymise()
        self.env.invalidate_all()

        self.assertTrue(all(closed.mapped("anonymised")))
        self.assertFalse(any(closed.mapped("product_service")))
        for ticket in closed:
            for text in PERSONAL_STRINGS:
                self.assertNotIn(text, ticket.name + (ticket.partner_name or ""))
        self.assertEqual(self._analysis(), analysis)
        self.assertEqual(self._kpis(), kpis)
        self.assertEqual(self._review_inputs(review), inputs)
