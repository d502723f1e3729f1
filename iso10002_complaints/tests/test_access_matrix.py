# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access matrix through the ORM: the expected results and what each cell
means are in access_matrix_common.py; over HTTP: test_access_matrix_http.py."""

import contextlib
import logging

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.access_common import AccessCase
from odoo.addons.iso10002_complaints.tests.access_matrix_common import (
    EXPECTED_ORM,
    NONE,
    ORM_CELLS,
    ORM_OPS,
    OrmMatrixMixin,
)

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestAccessMatrixOrm(OrmMatrixMixin, AccessCase):
    def test_orm_matrix(self):
        checked, failures = self._check_orm_matrix()
        _logger.info(
            "ORM access matrix: %s cells checked, %s failed", checked, len(failures)
        )
        self.assertEqual(failures, [], "\n" + "\n".join(failures))
        self.assertEqual(checked, ORM_CELLS)
        self.assertEqual(checked, 12 * 3 * 7)

    def test_plain_column_is_helpdesk_mgmt(self):
        """Without this addon's rules and ACL, plain tickets behave the same."""

        def plain_results():
            results = {}
            for role in EXPECTED_ORM:
                for op in ORM_OPS:
                    try:
                        results[role, op] = self._orm_cell(role, "plain", op)[0]
                    except UserError as exc:  # AccessError included
                        results[role, op] = type(exc).__name__
            return results

        with_addon = plain_results()
        ours = (
            self.env["ir.rule"]
            .search([("model_id.model", "=", "helpdesk.ticket")])
            .filtered(lambda r: r.get_external_id()[r.id].startswith("iso10002"))
        )
        acls = (
            self.env["ir.model.access"]
            .search([("model_id.model", "=", "helpdesk.ticket")])
            .filtered(lambda a: a.get_external_id()[a.id].startswith("iso10002"))
        )
        self.assertEqual(len(ours), 3, "the confidential, portal and auditor rules")
        self.assertEqual(len(acls), 1, "the auditor's read access")
        ours.write({"active": False})
        acls.write({"active": False})
        self.env.flush_all()
        helpdesk_only = plain_results()
        self.assertEqual(with_addon, helpdesk_only)
        for role in EXPECTED_ORM:
            self.assertEqual(
                {op for op in ORM_OPS if helpdesk_only[role, op] is True},
                set(EXPECTED_ORM[role]["plain"]),
                role,
            )

    def test_other_company_sees_nothing_of_the_first(self):
        user = self.users["other_company"]
        Ticket = self.env["helpdesk.ticket"].with_user(user)
        self.assertFalse(Ticket.search([("company_id", "=", self.company.id)]))
        self.assertFalse(
            Ticket.with_context(active_test=False).search_count(
                [("company_id", "!=", self.company_other.id)]
            )
        )
        self.assertFalse(
            self.env["iso10002.complaint.policy"]
            .with_user(user)
            .search([("company_id", "=", self.company.id)])
        )
        # even naming the first company in the context does not help
        with self.assertRaises(AccessError):
            Ticket.with_context(allowed_company_ids=self.company.ids).search([])
        # nor anonymising its complaints through the wizard
        self._close_quickly(self.records["normal"])
        with contextlib.suppress(AccessError):
            self.env["iso10002.complaint.anonymise.wizard"].with_user(user).create(
                {"ticket_ids": [(6, 0, self.records["normal"].ids)], "confirm": True}
            ).action_anonymise()
        self.assertFalse(self.records["normal"].anonymised)
        self.assertEqual(self.records["normal"].partner_id, self.partner_complainant)

    def test_ratings_of_confidential_complaints_stay_private(self):
        """The complainant's rating and feedback of a confidential complaint
        are as private as the complaint; its handler still reads them."""
        complaint = self.records["confidential"]
        token = complaint._rating_get_access_token(self.partner_complainant)
        complaint.rating_apply(1, token=token, feedback="Ada is very unhappy")
        self.env.invalidate_all()
        domain = [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        employee = self.users["internal"]
        self.assertFalse(
            complaint.with_user(employee).search_count([("id", "=", complaint.id)])
        )
        rating_model = self.env["rating.rating"]
        self.assertFalse(
            rating_model.with_user(employee).search_read(domain, ["feedback"])
        )
        handler_ratings = rating_model.with_user(self.users["handler"]).search_read(
            domain, ["feedback"]
        )
        self.assertEqual(
            [r["feedback"] for r in handler_ratings], ["Ada is very unhappy"]
        )

    def test_remedies_follow_their_complaint(self):
        """Remedies (descriptions, costs) are as reachable as their complaint."""
        remedy_model = self.env["iso10002.complaint.remedy"]
        normal, confidential = remedies = remedy_model.create(
            [
                {
                    "ticket_id": self.records[key].id,
                    "remedy_type": "refund",
                    "description": f"Refund to Ada Lovelace ({key})",
                    "cost": 40.0,
                }
                for key in ("normal", "confidential")
            ]
        )
        for role, visible, editable in (
            ("public", NONE, NONE),
            ("portal_complainant", NONE, NONE),  # no ACL: the portal shows none
            ("internal", NONE, NONE),
            ("helpdesk_own_not_member", NONE, NONE),
            ("handler", remedies, remedies),
            ("team_leader", remedies, remedies),
            ("complaint_manager", remedies, remedies),
            ("auditor", remedies, NONE),
            ("helpdesk_manager", normal, normal),
            ("other_company", NONE, NONE),
        ):
            user = self.users[role]
            mine = remedy_model.with_user(user)
            self.env.invalidate_all()
            try:
                found = mine.search([("id", "in", remedies.ids)])
            except AccessError:
                found = remedy_model
            self.assertEqual(found, remedy_model.browse(visible and visible.ids), role)
            for remedy in remedies:
                can_edit = bool(editable) and remedy in editable
                for operation in ("write", "create", "unlink"):
                    with self.subTest(
                        role=role, remedy=remedy.description, op=operation
                    ):
                        try:
                            with contextlib.closing(self.env.cr.savepoint()):
                                if operation == "write":
                                    remedy.with_user(user).write({"cost": 1e6})
                                elif operation == "create":
                                    mine.create(
                                        {
                                            "ticket_id": remedy.ticket_id.id,
                                            "remedy_type": "compensation",
                                            "cost": 1e6,
                                        }
                                    )
                                else:
                                    remedy.with_user(user).unlink()
                                self.env.flush_all()
                            done = True
                        except AccessError:
                            done = False
                        self.assertEqual(done, can_edit)
        self.assertEqual(self.records["normal"].remedy_cost, 40.0)
