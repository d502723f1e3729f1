# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shape of the complaint core (issue 12): the step table is the one
place the stage guard and the portal read, and the create/write overrides
of the concerns run in the order models/__init__.py states."""

from dataclasses import replace
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.models import iso_steps
from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon

MODELS = "odoo.addons.iso10002_complaints.models."


def patch_step(code, **changes):
    """The step table with the step ``code`` changed, as one edit of
    iso_steps.py would."""
    steps = tuple(
        replace(step, **changes) if step.code == code else step
        for step in iso_steps.STEPS
    )
    return patch.multiple(
        iso_steps,
        STEPS=steps,
        STEPS_BY_CODE={step.code: step for step in steps},
    )


@tagged("post_install", "-at_install")
class TestStepTable(ComplaintCommon):
    def test_a_requirement_added_to_the_step_table_is_enforced_and_shown(self):
        """Adding a requirement is one edit of the step table: the stage
        guard enforces it (at its step and every later one), and the portal
        shows the step's text from the same table."""
        complaint = self._acknowledge(self._create_complaint())
        assessed = iso_steps.STEPS_BY_CODE["assessed"]
        named = iso_steps.Requirement(
            ("product_service",),
            "the product or service must be named (7.5)",
            lambda ticket: bool(ticket.product_service),
        )
        with patch_step(
            "assessed",
            requires=(*assessed.requires, named),
            portal_text="We are checking what you bought from us.",
        ):
            self.assertIn(
                "the product or service must be named (7.5)",
                complaint._iso_requirement_errors("responded"),
                "requirements are cumulative along the steps",
            )
            with self.assertRaisesRegex(UserError, "product or service must be named"):
                complaint.write(
                    {"severity": "medium", "stage_id": self.stage_assessed.id}
                )
            complaint.product_service = "Kettle K-200"
            complaint.write({"severity": "medium", "stage_id": self.stage_assessed.id})
            self.assertEqual(complaint.iso_step, "assessed")
            self.assertEqual(
                complaint._iso_portal_step()["text"],
                "We are checking what you bought from us.",
            )
        self.assertFalse(complaint._iso_requirement_errors("assessed"))
        self.assertEqual(
            complaint._iso_portal_step()["text"], str(assessed.portal_text)
        )

    def test_portal_progress_follows_the_milestones_of_the_table(self):
        complaint = self._assess(self._create_complaint())
        step = complaint._iso_portal_step()
        self.assertEqual(step["step"], "assessed")
        self.assertEqual(
            [m["label"] for m in step["progress"]],
            [str(label) for _code, label in iso_steps.MILESTONES],
        )
        self.assertEqual(
            [(m["done"], m["current"]) for m in step["progress"]],
            [(True, False), (True, False), (True, True), (False, False)]
            + [(False, False)],
        )

    def test_finding_empty_paragraph_is_no_response_for_the_stage_guard(self):
        """A response is recorded when the stored fact says so: an empty
        paragraph (what the editor leaves) is no response (7.7)."""
        complaint = self._assess(self._create_complaint())
        with self.assertRaisesRegex(UserError, "a response or a remedy must be"):
            complaint.write(
                {
                    "response_summary": "<p><br></p>",
                    "stage_id": self.stage_responded.id,
                }
            )


@tagged("post_install", "-at_install")
class TestOverrideOrder(ComplaintCommon):
    def test_write_overrides_run_in_the_documented_order(self):
        """From the outermost to the innermost, as models/__init__.py says."""
        mro = type(self.env["helpdesk.ticket"]).__mro__
        for method, expected in (
            (
                "write",
                [
                    "ticket_integrity",
                    "ticket_portal_access",
                    "ticket_confidentiality",
                    "ticket_email_address",
                    "ticket_principles",
                    "ticket_receipt",
                ],
            ),
            (
                "create",
                [
                    "ticket_integrity",
                    "ticket_confidentiality",
                    "ticket_email_address",
                    "ticket_receipt",
                ],
            ),
        ):
            overriding = [
                cls.__module__.removeprefix(MODELS)
                for cls in mro
                if cls.__module__.startswith(MODELS) and method in vars(cls)
            ]
            self.assertEqual(overriding, expected, method)

    def test_process_records_its_facts_inside_system_write(self):
        """The code paths that record facts are decorated with
        ``records_facts``, which opens ``system_write()``; the same method
        without it is refused by the write guard."""
        mro = type(self.env["helpdesk.ticket"]).__mro__
        for method in (
            "action_send_acknowledgement",
            "action_record_acknowledgement",
            "action_communicate_decision",
            "_iso_record_reaction",
            "_iso_anonymise",
            "_iso_start_complaint",
            "_iso_assign_reference",
            "_iso_auto_acknowledge",
            "_iso_send_pending_acknowledgements",
            "_iso_send_acknowledgement",
            "_iso_on_step_change",
            "_iso_escalate_overdue",
        ):
            self.assertTrue(
                any(hasattr(vars(cls).get(method), "__wrapped__") for cls in mro),
                method,
            )

        complaint = self._respond(self._create_complaint(partner_id=self.partner.id))
        complaint.write(
            {
                "decision_outcome": "upheld",
                "decision": "<p>We replace the kettle.</p>",
            }
        )
        as_handler = complaint.with_user(self.helpdesk_user)
        unwrapped = next(
            cls.action_communicate_decision.__wrapped__
            for cls in mro
            if cls.__module__ == MODELS + "ticket_decision"
        )
        with self.assertRaisesRegex(UserError, "recorded by the complaints process"):
            unwrapped(as_handler)
        as_handler.action_communicate_decision()
        self.assertEqual(complaint.iso_step, "decision_communicated")
