# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Channels found by the attack-surface test beyond the numbered findings of
issue 11 (iso10002_reports/tests/test_attack_surface.py finds them all)."""

from odoo.exceptions import AccessError

from .access_common import AccessCase


class TestSurfaceChannels(AccessCase):
    def _as(self, role, model):
        return self.env[model].with_user(self.users[role])

    def _rating(self, ticket):
        return self.env["rating.rating"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                "res_id": ticket.id,
                "partner_id": self.partner_complainant.id,
                "rating": 5,
                "feedback": "Thank you",
                "consumed": True,
            }
        )

    def test_surface_intake_log_of_another_company_is_hidden(self):
        log = self.env["iso10002.complaint.intake.log"].create(
            {
                "ticket_id": self.confidential.id,
                "email": "ada.lovelace@acme-kettles.example",
                "ip_address": "192.0.2.7",
                "channel": "public",
            }
        )
        logs = self._as("other_company", "iso10002.complaint.intake.log")
        self.assertFalse(logs.search([("id", "=", log.id)]))
        with self.assertRaises(AccessError):
            logs.browse(log.id).unlink()
        managers = self._as("complaint_manager", "iso10002.complaint.intake.log")
        self.assertEqual(managers.search([("id", "=", log.id)]), log)

    def test_surface_ratings_of_another_company_are_hidden(self):
        rating = self._rating(self.confidential)
        ratings = self._as("other_company", "rating.rating")
        self.assertFalse(ratings.search([("id", "=", rating.id)]))
        self.assertFalse(ratings.name_search("", [("id", "=", rating.id)]))
        self.assertEqual(
            self._as("auditor", "rating.rating").search([("id", "=", rating.id)]),
            rating,
        )

    def test_surface_complaint_ratings_are_written_by_no_user(self):
        rating = self._rating(self.confidential)
        for role in ("auditor", "complaint_manager", "handler"):
            with self.assertRaises(AccessError, msg=role):
                self._as(role, "rating.rating").browse(rating.id).write({"rating": 1})
            with self.assertRaises(AccessError, msg=role):
                self._as(role, "rating.rating").browse(rating.id).unlink()
        with self.assertRaises(AccessError):
            self._as("internal", "rating.rating").create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                    "res_id": self.confidential.id,
                    "rating": 1,
                }
            )
        # plain tickets: helpdesk_mgmt's rights unchanged
        plain_rating = self._rating(self.plain)
        self._as("helpdesk_manager", "rating.rating").browse(plain_rating.id).write(
            {"feedback": "Edited"}
        )
        self.assertEqual(plain_rating.feedback, "Edited")

    def test_surface_rating_token_is_for_the_complainant_alone(self):
        """Who reads a complaint's rating cannot read its token, which rates
        in the complainant's name on /rate/<token>."""
        rating = self._rating(self.confidential)
        self.assertTrue(rating.access_token)
        for role in ("handler", "auditor", "complaint_manager"):
            ratings = self._as(role, "rating.rating")
            self.assertEqual(ratings.browse(rating.id).read(["rating"])[0]["rating"], 5)
            with self.assertRaises(AccessError, msg=role):
                ratings.browse(rating.id).read(["access_token"])
            with self.assertRaises(AccessError, msg=role):
                ratings.search([("access_token", "=", rating.access_token)])

    def test_surface_notifications_of_complaint_messages_stay_private(self):
        internal = self.users["internal"]
        message = self.confidential.message_post(
            body="Reply to the complainant",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(self.partner_complainant | internal.partner_id).ids,
        )
        domain = [("mail_message_id", "=", message.id)]
        for role in ("internal", "helpdesk_own_not_member", "helpdesk_manager"):
            notifications = self._as(role, "mail.notification")
            own = notifications.search(domain)
            self.assertEqual(
                own.res_partner_id, self.users[role].partner_id & internal.partner_id
            )
            self.assertFalse(
                notifications.name_search(self.partner_complainant.name, domain)
            )
            groups = notifications.formatted_read_group(domain, [], ["__count"])
            self.assertEqual(groups[0]["__count"], len(own))

    def test_surface_read_only_roles_cannot_post_on_a_complaint(self):
        with self.assertRaises(AccessError):
            self.confidential.with_user(self.users["auditor"]).message_post(
                body="Auditor's comment", message_type="comment"
            )
        with self.assertRaises(AccessError):
            self._as("auditor", "mail.message").create(
                {
                    "model": "helpdesk.ticket",
                    "res_id": self.confidential.id,
                    "body": "Auditor's message",
                    "message_type": "comment",
                }
            )
        # those who may change it post, and so does its complainant
        self.confidential.with_user(self.users["handler"]).message_post(
            body="Handler's note", message_type="comment"
        )
        self.confidential.with_user(self.users["portal_complainant"]).message_post(
            body="Complainant's message",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # plain tickets keep helpdesk_mgmt's rule: readers post
        self.plain.with_user(self.users["helpdesk_manager"]).message_post(
            body="Note", message_type="comment"
        )

    def test_surface_read_only_roles_cannot_follow_a_complaint(self):
        auditor = self.users["auditor"]
        with self.assertRaises(AccessError):
            self.confidential.with_user(auditor).message_subscribe(
                partner_ids=auditor.partner_id.ids
            )
        self.confidential.message_subscribe(partner_ids=auditor.partner_id.ids)
        with self.assertRaises(AccessError):
            self.confidential.with_user(auditor).message_unsubscribe(
                partner_ids=auditor.partner_id.ids
            )
        handler = self.users["handler"]
        self.confidential.with_user(handler).message_unsubscribe(
            partner_ids=handler.partner_id.ids
        )
        self.assertNotIn(handler.partner_id, self.confidential.message_partner_ids)
        # plain tickets: helpdesk_mgmt's rule (readers follow)
        manager = self.users["helpdesk_manager"]
        self.plain.with_user(manager).message_subscribe(
            partner_ids=manager.partner_id.ids
        )
        self.assertIn(manager.partner_id, self.plain.message_partner_ids)

    def test_surface_composer_needs_read_access_to_the_ticket(self):
        reply = self.replies["confidential"]
        for role in ("internal", "helpdesk_own_not_member", "helpdesk_manager"):
            composers = self._as(role, "mail.compose.message")
            with self.assertRaises(AccessError, msg=role):
                composers.create(
                    {
                        "model": "helpdesk.ticket",
                        "res_ids": str([self.confidential.id]),
                        "composition_mode": "comment",
                    }
                )
            with self.assertRaises(AccessError, msg=role):
                composers.create({"parent_id": reply.id, "composition_mode": "comment"})
        composer = self._as("handler", "mail.compose.message").create(
            {
                "model": "helpdesk.ticket",
                "res_ids": str([self.confidential.id]),
                "composition_mode": "comment",
            }
        )
        self.assertIn("ISOSEC-CONFIDENTIAL", composer.subject)
