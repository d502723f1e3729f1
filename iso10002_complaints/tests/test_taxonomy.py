# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Regulated firms (issue 13): the regimes' taxonomies, the complaints
categorised in the regime of their company's policy, and what the regulatory
presets bring (regime, ADR body, clock stop, holding response)."""

from datetime import date, datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon

MODULE = "iso10002_complaints"
# a receipt date in the periods of the FCA's DISP 1 Annex 1R return, so that
# the tests do not depend on today's date
RECEIVED_2026 = datetime(2026, 3, 2, 10, 0, 0)


@tagged("post_install", "-at_install")
class TestTaxonomyData(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.ps2519 = ref(f"{MODULE}.regime_fca_ps2519")
        cls.disp1 = ref(f"{MODULE}.regime_fca_disp1")
        cls.asic = ref(f"{MODULE}.regime_asic_rg271")

    def _codes(self, regime, kind):
        return set(
            regime.category_ids.filtered(lambda c: c.kind == kind).mapped("code")
        )

    def test_regimes_cite_their_sources(self):
        for regime, cited in (
            (self.ps2519, "PS25/19"),
            (self.disp1, "DISP 1 Annex 1R"),
            (self.asic, "Regulatory Guide 271"),
        ):
            self.assertIn(cited, regime.source, regime.code)
            self.assertIn("https://", regime.source, regime.code)
            self.assertTrue(regime.authority, regime.code)
            self.assertTrue(regime.date_from, regime.code)
        self.assertEqual(self.ps2519.country_id, self.env.ref("base.uk"))
        self.assertEqual(self.asic.country_id, self.env.ref("base.au"))
        # the FCA's two returns follow each other
        self.assertLess(self.disp1.date_to, self.ps2519.date_from)

    def test_each_regime_has_its_lists_or_says_why_not(self):
        """A regime either brings its three lists, or its source says which
        were not loaded (no invented codes)."""
        for regime in self.ps2519 | self.disp1 | self.asic:
            kinds = set(regime.category_ids.mapped("kind"))
            if kinds != {"product", "cause", "outcome"}:
                self.assertIn("NOT loaded", regime.source, regime.code)
        # the lists that could not be verified are not loaded at all
        self.assertFalse(self.ps2519.category_ids)
        self.assertFalse(self.asic.category_ids)

    def test_disp1_lists(self):
        self.assertEqual(
            self._codes(self.disp1, "product"),
            {
                "banking_credit_cards",
                "home_finance",
                "insurance_pure_protection",
                "decumulation_pensions",
                "investments",
            },
        )
        self.assertEqual(
            self._codes(self.disp1, "cause"),
            {
                "advising_selling_arranging",
                "unsuitable_advice",
                "information_charges_performance",
                "general_admin_customer_service",
                "delays_timescales",
                "errors_not_following_instructions",
                "other_general_admin",
                "product_performance_features",
            },
        )
        # the groupings carry the FCA's own labels (its complaints data)
        self.assertEqual(
            set(
                self.disp1.category_ids.filtered(lambda c: c.kind == "product").mapped(
                    "name"
                )
            ),
            {
                "Banking and credit cards",
                "Home finance",
                "Insurance & pure protection",
                "Decumulation & pensions",
                "Investments",
            },
        )
        errors = self.env.ref(f"{MODULE}.category_fca_disp1_cause_errors")
        self.assertEqual(
            errors.complete_name,
            "General admin/customer service / Errors/not following instructions",
        )
        self.assertEqual(self._codes(self.disp1, "outcome"), {"upheld", "not_upheld"})
        delays = self.env.ref(f"{MODULE}.category_fca_disp1_cause_delays")
        self.assertEqual(
            delays.complete_name, "General admin/customer service / Delays/timescales"
        )
        # the categories are found by their code or their group's name
        Category = self.env["iso10002.complaint.category"]
        self.assertIn(delays, Category.search([("complete_name", "ilike", "admin")]))
        self.assertEqual(
            Category.name_search("delays_timescales")[0][0],
            delays.id,
        )

    def test_category_parent_in_the_same_list(self):
        Category = self.env["iso10002.complaint.category"]
        admin = self.env.ref(f"{MODULE}.category_fca_disp1_cause_admin")
        with self.assertRaisesRegex(ValidationError, "same regime's list"):
            Category.create(
                {
                    "regime_id": self.disp1.id,
                    "kind": "product",
                    "code": "test_wrong_parent",
                    "name": "A product under a cause",
                    "parent_id": admin.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "same regime's list"):
            Category.create(
                {
                    "regime_id": self.asic.id,
                    "kind": "cause",
                    "code": "test_other_regime",
                    "name": "An ASIC cause under an FCA cause",
                    "parent_id": admin.id,
                }
            )
        # and no loop (the ORM's check of the tree)
        with self.assertRaisesRegex(UserError, "Recursion"):
            admin.parent_id = self.env.ref(f"{MODULE}.category_fca_disp1_cause_delays")


@tagged("post_install", "-at_install")
class TestCategorisation(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.disp1 = ref(f"{MODULE}.regime_fca_disp1")
        cls.ps2519 = ref(f"{MODULE}.regime_fca_ps2519")
        cls.asic = ref(f"{MODULE}.regime_asic_rg271")
        cls.product_banking = ref(f"{MODULE}.category_fca_disp1_product_banking")
        cls.cause_delays = ref(f"{MODULE}.category_fca_disp1_cause_delays")
        cls.outcome_upheld = ref(f"{MODULE}.category_fca_disp1_outcome_upheld")
        cls.asic_product = cls.env["iso10002.complaint.category"].create(
            {
                "regime_id": cls.asic.id,
                "kind": "product",
                "code": "TEST-CREDIT",
                "name": "Test credit product",
            }
        )
        cls.policy.regime_id = cls.disp1

    def _create_complaint(self, **values):
        values.setdefault("received_date", RECEIVED_2026)
        return super()._create_complaint(**values)

    def test_complaint_reported_under_its_company_policy_regime(self):
        complaint = self._create_complaint()
        self.assertEqual(complaint.regime_id, self.disp1)
        plain = self._create_plain()
        self.assertFalse(plain.regime_id)
        # another company, another policy, another regime
        company = self.env["res.company"].create({"name": "Sydney Credit Pty"})
        self.Policy._get_for_company(company).regime_id = self.asic
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "AU complaints",
                "is_complaint_team": True,
                "company_id": company.id,
            }
        )
        au_complaint = self._create_complaint(team_id=team.id, company_id=company.id)
        self.assertEqual(au_complaint.regime_id, self.asic)
        # a plain ticket turned into a complaint (received now) gets it too
        au_support = self.env["helpdesk.ticket.team"].create(
            {"name": "AU support", "company_id": company.id}
        )
        au_plain = self._create_plain(team_id=au_support.id, company_id=company.id)
        self.assertFalse(au_plain.regime_id)
        au_plain.write({"is_complaint": True})
        self.assertEqual(au_plain.regime_id, self.asic)

    def test_complaint_reported_under_the_return_in_force_at_receipt(self):
        """The FCA's policy names its PS25/19 return; a complaint received
        before that return's start goes to the DISP 1 Annex 1R return."""
        self.assertEqual(self.ps2519._regime_at(date(2027, 3, 1)), self.ps2519)
        self.assertEqual(self.ps2519._regime_at(date(2026, 3, 1)), self.disp1)
        self.assertEqual(self.disp1._regime_at(date(2027, 3, 1)), self.ps2519)
        self.assertEqual(self.disp1._regime_at(date(2026, 3, 1)), self.disp1)
        # no other return of that regulator at that date: its own
        self.assertEqual(self.disp1._regime_at(date(2010, 1, 1)), self.disp1)
        self.assertEqual(self.asic._regime_at(date(2020, 1, 1)), self.asic)
        self.policy.regime_id = self.ps2519
        self.assertEqual(self._create_complaint().regime_id, self.disp1)

    def _create_counted(self, **values):
        """A complaint created (warmed first) and the queries it took."""
        self._create_complaint(received_date=RECEIVED_2026, **values)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        complaint = self._create_complaint(received_date=RECEIVED_2026, **values)
        self.env.flush_all()
        return complaint, self.cr.sql_log_count - start

    def test_return_in_force_costs_no_query_per_complaint(self):
        """The regimes' periods are cached: a firm reporting under PS25/19
        whose complaints fall under DISP 1 Annex 1R until PS25/19 starts
        pays no query per complaint for it; a regime's new dates count."""
        self.policy.regime_id = self.disp1
        own, own_count = self._create_counted()
        self.assertEqual(own.regime_id, self.disp1)
        self.policy.regime_id = self.ps2519
        earlier, earlier_count = self._create_counted()
        self.assertEqual(earlier.regime_id, self.disp1)
        self.assertEqual(earlier_count, own_count)
        # the return starts earlier: a complaint received then is reported
        # under it at once (the cache is cleared)
        self.ps2519.date_from = date(2026, 1, 1)
        self.assertEqual(self._create_counted()[0].regime_id, self.ps2519)

    def test_categorised_complaint_keeps_its_regime(self):
        old = self._create_complaint()
        old.write({"category_product_id": self.product_banking.id})
        self.policy.regime_id = self.asic
        new = self._create_complaint()
        self.assertEqual(new.regime_id, self.asic)
        self.assertEqual(old.regime_id, self.disp1)
        self.assertEqual(old.category_product_id, self.product_banking)

    def test_handler_categorises_a_complaint(self):
        complaint = self._create_complaint().with_user(self.helpdesk_user)
        complaint.write(
            {
                "category_product_id": self.product_banking.id,
                "category_cause_id": self.cause_delays.id,
                "category_outcome_id": self.outcome_upheld.id,
            }
        )
        self.assertEqual(complaint.category_product_id.code, "banking_credit_cards")
        self.assertEqual(complaint.category_cause_id.code, "delays_timescales")
        self.assertEqual(complaint.category_outcome_id.code, "upheld")
        # the free-text root cause stays as the handler's notes
        complaint.root_cause = "<p>The transfer waited for a manual check.</p>"
        self.assertEqual(complaint.category_cause_id, self.cause_delays)

    def test_category_of_another_regime_refused(self):
        complaint = self._create_complaint().with_user(self.helpdesk_user)
        with self.assertRaises(ValidationError) as error:
            complaint.write({"category_product_id": self.asic_product.id})
        message = str(error.exception)
        self.assertIn("Test credit product", message)
        self.assertIn(self.asic.name, message)
        self.assertIn(self.disp1.name, message)
        self.assertIn(complaint.complaint_ref, message)
        self.assertFalse(complaint.category_product_id)

    def test_category_of_another_kind_refused(self):
        complaint = self._create_complaint().with_user(self.helpdesk_user)
        with self.assertRaisesRegex(
            ValidationError,
            "Banking and credit cards is listed under Product or service: the "
            "Cause of .* is chosen among the categories listed under Cause.",
        ):
            complaint.write({"category_cause_id": self.product_banking.id})
        other = self._create_complaint().with_user(self.helpdesk_user)
        with self.assertRaisesRegex(ValidationError, "listed under Outcome"):
            other.write({"category_outcome_id": self.cause_delays.id})

    def test_no_regime_no_category(self):
        self.policy.regime_id = False
        complaint = self._create_complaint()
        self.assertFalse(complaint.regime_id)
        with self.assertRaisesRegex(ValidationError, "has no reporting regime"):
            complaint.write({"category_product_id": self.product_banking.id})
        plain = self._create_plain()
        with self.assertRaisesRegex(ValidationError, "has no reporting regime"):
            plain.write({"category_product_id": self.product_banking.id})

    def test_regime_is_recorded_by_the_process(self):
        """Nobody moves a complaint to another regime's return by hand."""
        complaint = self._create_complaint()
        for user in (self.helpdesk_user, self.helpdesk_manager):
            with self.assertRaisesRegex(UserError, "Reporting regime"):
                complaint.with_user(user).write({"regime_id": self.asic.id})
        self.assertEqual(complaint.regime_id, self.disp1)


@tagged("post_install", "-at_install")
class TestRegulatedPresets(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.ps2519 = ref(f"{MODULE}.regime_fca_ps2519")
        cls.asic = ref(f"{MODULE}.regime_asic_rg271")
        cls.preset_psr = ref(f"{MODULE}.policy_preset_uk_psr")

    def test_fca_and_asic_presets(self):
        for preset, regime, adr_xmlid, holding in (
            (self.preset_fca, self.ps2519, "adr_body_fos", 56),
            (self.preset_asic, self.asic, "adr_body_afca", 0),
        ):
            self.assertEqual(preset.regime_id, regime)
            self.assertFalse(preset.clock_stop_allowed)
            self.assertEqual(preset.holding_response_days, holding)
            # the ADR bodies are data of the letters (adr_body_data.xml),
            # loaded before the presets' settings
            adr_body = self.env.ref(f"{MODULE}.{adr_xmlid}", raise_if_not_found=False)
            self.assertEqual(
                preset.adr_body_id, adr_body or self.env["iso10002.adr.body"]
            )
        self.assertFalse(self.preset_iso.regime_id)

    def test_uk_payment_services_preset(self):
        preset = self.preset_psr
        self.assertEqual(preset.regime_id, self.ps2519)
        self.assertFalse(preset.clock_stop_allowed)
        self.assertEqual(
            sorted(preset.target_ids.mapped("severity")),
            ["critical", "high", "low", "medium"],
        )
        for target in preset.target_ids:
            self.assertEqual(
                (target.response_value, target.response_unit), (15, "business")
            )
        self.assertIn("regulation 101", preset.description)
        self.assertIn("35 business days", preset.description)

    def test_apply_preset_brings_regime_adr_clock_stop_and_holding(self):
        adr_body = self.env["iso10002.adr.body"].create(
            {"name": "Test Ombudsman", "code": "test_ombudsman", "referral_months": 6}
        )
        self.preset_fca.adr_body_id = adr_body
        self.policy.write({"clock_stop_allowed": True, "holding_response_days": 10})
        self.policy.preset_id = self.preset_fca
        self.policy.action_apply_preset()
        self.assertEqual(self.policy.regime_id, self.ps2519)
        self.assertEqual(self.policy.adr_body_id, adr_body)
        self.assertFalse(self.policy.clock_stop_allowed)
        self.assertEqual(self.policy.holding_response_days, 56)
        self.assertEqual(set(self.policy.target_ids.mapped("response_value")), {56})
        # the complaints received from then on are reported under its
        # regulator's return in force at receipt (before PS25/19 started:
        # DISP 1 Annex 1R)
        complaint = self._create_complaint(received_date=RECEIVED_2026)
        self.assertEqual(
            complaint.regime_id, self.env.ref(f"{MODULE}.regime_fca_disp1")
        )
        # another preset replaces them all
        self.policy.preset_id = self.preset_iso
        self.policy.action_apply_preset()
        self.assertFalse(self.policy.regime_id)
        self.assertFalse(self.policy.adr_body_id)
        self.assertEqual(self.policy.holding_response_days, 0)
