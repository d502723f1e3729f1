# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may read complaint data, on every channel (issue 11: findings 1, 3
and 6; finding 5 in test_confidentiality_portal.py, finding 2, the
analysis, in iso10002_reports).

The fixture is the access matrix's (``access_common``): a confidential
complaint of Ada Lovelace handled by ``handler`` in the team of
``team_leader``.
"""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.access_common import AccessCase
from odoo.addons.iso10002_complaints.tests.common import digest_mails


class ConfidentialityCase(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.followed_by = cls.partner_complainant | cls.users["handler"].partner_id
        for record in cls.records.values():
            record.message_subscribe(partner_ids=cls.followed_by.ids)

    def _followers_domain(self, record):
        return [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", record.id)]

    def _followers(self, record):
        return self.env["mail.followers"].search(self._followers_domain(record))


@tagged("post_install", "-at_install")
class TestFollowersConfidentiality(ConfidentialityCase):
    """Finding 1: followers of tickets are readable only by who may read
    the ticket."""

    def test_finding_01_followers_of_confidential_complaint_hidden(self):
        followers = self._followers(self.confidential)
        self.assertTrue(self.followed_by <= followers.partner_id)
        domain = self._followers_domain(self.confidential)
        # an employee without helpdesk rights, a helpdesk user who is not in
        # the team, a helpdesk manager (all tickets, not confidential
        # complaints), a user of another company
        for role in (
            "internal",
            "helpdesk_own_not_member",
            "helpdesk_manager",
            "other_company",
        ):
            with self.subTest(role=role):
                model = self.env["mail.followers"].with_user(self.users[role])
                self.assertFalse(
                    model.search_read(domain, ["partner_id", "name", "email"])
                )
                self.assertEqual(model.search_count(domain), 0)
                self.assertFalse(model.search([("id", "in", followers.ids)]))
                self.assertFalse(
                    [
                        group
                        for group in model.formatted_read_group(
                            domain, ["partner_id"], ["__count"]
                        )
                        if group["__count"]
                    ]
                )
                self.assertFalse(
                    model.name_search(self.partner_complainant.name, domain)
                )
                for field in ("partner_id", "name", "email"):
                    self.env.invalidate_all()
                    with self.assertRaises(AccessError):
                        followers.with_user(self.users[role]).read([field])

    def test_finding_01_followers_of_readable_tickets_stay_readable(self):
        for role, keys in (
            ("handler", ("normal", "confidential", "plain")),
            ("team_leader", ("normal", "confidential", "plain")),
            ("complaint_manager", ("normal", "confidential", "plain")),
            ("auditor", ("normal", "confidential")),
            ("helpdesk_manager", ("normal", "plain")),
        ):
            model = self.env["mail.followers"].with_user(self.users[role])
            for key in keys:
                with self.subTest(role=role, record=key):
                    record = self.records[key]
                    rows = model.search_read(
                        self._followers_domain(record), ["partner_id", "email"]
                    )
                    self.assertTrue(
                        set(self.followed_by.ids)
                        <= {row["partner_id"][0] for row in rows}
                    )
                    self.env.invalidate_all()
                    self._followers(record).with_user(self.users[role]).read(
                        ["name", "email"]
                    )

    def test_finding_01_followers_of_other_models_untouched(self):
        partner = self.env["res.partner"].create({"name": "ISOSEC followed"})
        partner.message_subscribe(partner_ids=self.partner_colleague.ids)
        employee = self.env["mail.followers"].with_user(self.users["internal"])
        rows = employee.search_read(
            [("res_model", "=", "res.partner"), ("res_id", "=", partner.id)],
            ["partner_id"],
        )
        self.assertEqual(
            [row["partner_id"][0] for row in rows], self.partner_colleague.ids
        )
        # a mixed search filters the tickets' followers only
        both = employee.search(
            [
                ("res_model", "in", ("res.partner", "helpdesk.ticket")),
                ("res_id", "in", (partner.id, self.confidential.id)),
            ]
        )
        self.assertEqual(set(both.mapped("res_model")), {"res.partner"})

    def test_finding_01_followers_search_is_one_query(self):
        """The tickets the user may read are a subquery, not a loop."""
        model = self.env["mail.followers"].with_user(self.users["helpdesk_manager"])
        domain = [("res_model", "=", "helpdesk.ticket")]
        model.search(domain)  # warm up the caches (rules, ACL)
        with self.assertQueryCount(1):
            found = model.search(domain)
        self.assertNotIn(self.confidential.id, found.mapped("res_id"))
        self.assertIn(self.normal.id, found.mapped("res_id"))


@tagged("post_install", "-at_install")
class TestWizardsConfidentiality(ConfidentialityCase):
    """Finding 3: the assistants show nothing of complaints the user may
    not read or change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential.subject_user_ids = cls.users["helpdesk_manager"]
        cls.Conflict = cls.env["iso10002.complaint.conflict.wizard"]

    def test_finding_03_conflict_wizard_refused_on_unreadable_complaint(self):
        for role, key in (
            ("helpdesk_own_not_member", "confidential"),
            ("helpdesk_own_not_member", "normal"),
            ("helpdesk_manager", "confidential"),  # complained about, too
        ):
            with self.subTest(role=role, record=key):
                wizard_model = self.Conflict.with_user(self.users[role])
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    wizard_model.create({"ticket_id": self.records[key].id})
                # nor in a form not saved yet (onchange)
                with self.assertRaises(AccessError):
                    wizard_model.onchange(
                        {"ticket_id": self.records[key].id},
                        ["ticket_id"],
                        {"ticket_id": {}, "subject_user_ids": {}, "user_id": {}},
                    )

    def test_finding_03_conflict_wizard_of_another_company(self):
        user = self.users["other_company"]
        with self.assertRaises(AccessError):
            self.Conflict.with_user(user).create({"ticket_id": self.normal.id})

    def test_finding_03_conflict_wizard_not_read_by_others(self):
        wizard = self.Conflict.with_user(self.users["team_leader"]).create(
            {"ticket_id": self.confidential.id}
        )
        self.assertEqual(wizard.subject_user_ids, self.users["helpdesk_manager"])
        self.env.invalidate_all()
        for role in ("helpdesk_own_not_member", "helpdesk_manager"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                wizard.with_user(self.users[role]).read(
                    ["ticket_id", "subject_user_ids", "user_id"]
                )
        # the handler may read and change the complaint: the assistant opens
        mine = self.Conflict.with_user(self.users["handler"]).create(
            {"ticket_id": self.confidential.id}
        )
        self.assertEqual(mine.user_id, self.users["handler"])
        # once the leader is complained about, not even their own assistant
        self.confidential.subject_user_ids |= self.users["team_leader"]
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            wizard.with_user(self.users["team_leader"]).read(["subject_user_ids"])

    def test_finding_03_anonymise_wizard_refused_on_unreadable_complaint(self):
        self._close_quickly(self.confidential)
        manager = self.users["complaint_manager"]
        self.confidential.subject_user_ids |= manager
        Anonymise = self.env["iso10002.complaint.anonymise.wizard"]
        with self.assertRaises(AccessError):
            Anonymise.with_user(manager).create(
                {"ticket_ids": [Command.set(self.confidential.ids)]}
            )
        with self.assertRaises(AccessError):
            Anonymise.with_user(self.users["other_company"]).create(
                {"ticket_ids": [Command.set(self.confidential.ids)]}
            )
        self.assertFalse(self.confidential.anonymised)


@tagged("post_install", "-at_install")
class TestPeopleComplainedAbout(ConfidentialityCase):
    """Finding 6: nobody complained about reads a confidential complaint
    about them, nor is escalated to or told about it."""

    def _readable(self, role, record):
        self.env.invalidate_all()
        return bool(
            self.env["helpdesk.ticket"]
            .with_user(self.users[role])
            .search_count([("id", "=", record.id)])
        )

    def test_finding_06_leader_complained_about_reads_nothing(self):
        leader = self.users["team_leader"]
        self.assertTrue(self._readable("team_leader", self.confidential))
        remedy = self.env["iso10002.complaint.remedy"].create(
            {"ticket_id": self.confidential.id, "remedy_type": "apology"}
        )
        self.confidential.subject_user_ids = leader
        self.assertFalse(self._readable("team_leader", self.confidential))
        with self.assertRaises(AccessError):
            self.confidential.with_user(leader).read(["name"])
        self.assertFalse(
            self.env["iso10002.complaint.remedy"]
            .with_user(leader)
            .search([("id", "=", remedy.id)])
        )
        self.assertFalse(
            self.env["mail.message"]
            .with_user(leader)
            .search(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", self.confidential.id),
                ]
            )
        )
        self.assertFalse(
            self.env["mail.followers"]
            .with_user(leader)
            .search(self._followers_domain(self.confidential))
        )
        # a complaint that is not confidential stays readable: only
        # confidential ones are hidden from the people they are about
        self.normal.subject_user_ids = leader
        self.assertTrue(self._readable("team_leader", self.normal))

    def test_finding_06_managers_complained_about_too_auditors_always_read(self):
        self.confidential.subject_user_ids = (
            self.users["complaint_manager"] | self.users["auditor"]
        )
        self.assertFalse(self._readable("complaint_manager", self.confidential))
        self.assertTrue(self._readable("auditor", self.confidential))
        self.assertTrue(self._readable("handler", self.confidential))
        self.assertTrue(self._readable("portal_complainant", self.confidential))

    def test_finding_06_manager_complained_about_reads_no_intake_log(self):
        log = (
            self.env["iso10002.complaint.intake.log"]
            .sudo()
            .create(
                {
                    "channel": "portal",
                    "email": self.partner_complainant.email,
                    "ip_address": "192.0.2.10",
                    "ticket_id": self.confidential.id,
                }
            )
        )
        logs = self.env["iso10002.complaint.intake.log"].with_user(
            self.users["complaint_manager"]
        )
        self.assertEqual(logs.search([("id", "=", log.id)]), log)
        self.confidential.subject_user_ids = self.users["complaint_manager"]
        self.env.invalidate_all()
        self.assertFalse(logs.search([("id", "=", log.id)]))

    def test_finding_06_one_definition_in_every_rule_on_complaint_data(self):
        complaint_data = [
            "helpdesk.ticket",
            "rating.rating",
            "iso10002.complaint.intake.log",
        ]
        rules = self.env["ir.rule"].search(
            [("domain_force", "ilike", "_iso_complaint_read_domain")]
        )
        self.assertTrue(set(complaint_data) <= set(rules.mapped("model_id.model")))
        # the records of a complaint are accessed as the complaint itself,
        # through its rules (complaint_child.py)
        child = type(self.env["iso10002.complaint.child.mixin"])
        for model in (
            "iso10002.complaint.remedy",
            "iso10002.adr.referral",
            "iso10002.complaint.clock.stop",
        ):
            self.assertIsInstance(self.env[model], child, model)
            complaint_data.append(model)
        spelled_out = self.env["ir.rule"].search(
            [
                ("model_id.model", "in", complaint_data),
                ("domain_force", "ilike", "confidential"),
            ]
        )
        self.assertFalse(spelled_out, "a rule spells out the confidentiality itself")

    def test_finding_06_subject_is_unsubscribed_and_loses_activities(self):
        leader = self.users["team_leader"]
        self.policy.manager_id = self.users["complaint_manager"]
        self.confidential.message_subscribe(partner_ids=leader.partner_id.ids)
        activity = self.confidential.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call Ada", user_id=leader.id
        )
        self.confidential.with_user(self.users["complaint_manager"]).write(
            {"subject_user_ids": [Command.link(leader.id)]}
        )
        self.assertNotIn(leader.partner_id, self.confidential.message_partner_ids)
        self.assertEqual(activity.user_id, self.users["complaint_manager"])
        # and cannot follow it again
        self.confidential.message_subscribe(partner_ids=leader.partner_id.ids)
        self.assertNotIn(leader.partner_id, self.confidential.message_partner_ids)

    def _make_overdue(self, complaint):
        complaint.write({"received_date": fields.Datetime.now() - timedelta(days=90)})
        self.assertEqual(complaint.deadline_status, "overdue")

    def test_finding_06_leader_complained_about_gets_no_escalation(self):
        leader = self.users["team_leader"]
        manager = self.users["complaint_manager"]
        self.policy.manager_id = manager
        self._make_overdue(self.confidential)
        self.confidential.subject_user_ids = leader
        self.env["helpdesk.ticket"]._cron_iso_escalate()
        self.assertEqual(self.confidential.escalated_to_id, manager)
        activities = self.confidential.activity_ids
        self.assertTrue(activities)
        self.assertNotIn(leader, activities.user_id)
        for digest in digest_mails(self.env, leader):
            self.assertNotIn(self.confidential.complaint_ref, digest.body_html)
        self.assertIn(
            self.confidential.complaint_ref, digest_mails(self.env, manager).body_html
        )

    def test_finding_06_fallback_to_a_manager_not_complained_about(self):
        leader = self.users["team_leader"]
        self.policy.manager_id = leader
        self.confidential.subject_user_ids = leader
        target = self.confidential._iso_escalation_user()
        self.assertTrue(target)
        self.assertNotIn(target, self.confidential.subject_user_ids)
        self.assertTrue(target.has_group("iso10002_complaints.group_complaint_manager"))
        # its reading rights include the complaint
        self.assertTrue(
            self.confidential.with_user(target).search_count(
                [("id", "=", self.confidential.id)]
            )
        )
