# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import IsoReportsCase

PERIOD = ("2000-01-01", "2100-12-31")


@tagged("post_install", "-at_install")
class TestKpiApi(IsoReportsCase):
    """get_kpi_figures, the KPIs over RPC: who may call it, for which
    companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.api = cls.env["iso10002.complaint.kpi"]

    def _received(self, company):
        return (
            self.env["helpdesk.ticket"]
            .with_context(active_test=False)
            .search_count(
                [("is_complaint", "=", True), ("company_id", "=", company.id)]
            )
        )

    def test_figures_of_the_companies_asked(self):
        api = self.api.with_user(self.manager)
        figures = api.get_kpi_figures(*PERIOD, company_ids=self.company.ids)
        self.assertTrue(figures["received_count"])
        self.assertEqual(figures["received_count"], self._received(self.company))
        both = api.get_kpi_figures(
            *PERIOD, company_ids=(self.company | self.other_company).ids
        )
        self.assertEqual(
            both["received_count"],
            self._received(self.company) + self._received(self.other_company),
        )

    def test_no_figures_of_a_company_the_user_cannot_access(self):
        user = new_test_user(
            self.env,
            login="iso_kpi_one_company",
            groups="helpdesk_mgmt.group_helpdesk_manager,"
            "iso10002_complaints.group_complaint_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        api = self.api.with_user(user)
        self.assertTrue(api.get_kpi_figures(*PERIOD)["received_count"])
        with self.assertRaises(AccessError):
            api.get_kpi_figures(*PERIOD, company_ids=self.other_company.ids)
        with self.assertRaises(AccessError):
            api.get_kpi_figures(
                *PERIOD, company_ids=(self.company | self.other_company).ids
            )

    def test_no_figures_for_users_outside_complaint_handling(self):
        employee = new_test_user(
            self.env,
            login="iso_kpi_employee",
            groups="base.group_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        with self.assertRaises(AccessError):
            self.api.with_user(employee).get_kpi_figures(*PERIOD)
