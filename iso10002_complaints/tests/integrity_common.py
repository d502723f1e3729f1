# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fixture of the integrity tests (test_integrity.py): forged values of
the recorded facts, plain stages, a colleague who reads every complaint of
the team, and helpers (no test methods here)."""

from datetime import timedelta

from odoo import Command

from .principles_common import PrinciplesCase

ISO_MODULES = {"iso10002_complaints", "iso10002_reports"}


def _forged_values(case, complaint):
    """A forged value for each recorded fact of ``complaint``."""
    past = complaint.received_date - timedelta(days=3)
    return {
        "complaint_ref": "CMP-FORGED",
        "received_date": past,
        "ack_deadline": past,
        "response_deadline": past,
        "deadline_status": "on_time",
        "ack_date": past,
        "ack_pending": True,
        "remedy_cost": 1.0,
        "decision_date": past,
        "reaction": "accepted",
        "reaction_date": past,
        "iso_step": "closed",
        "closed_by_id": case.handler.id,
        "reopen_count": 7,
        "escalated_date": past,
        "escalated_to_id": case.handler.id,
        "escalated_deadline": past,
        "satisfaction": "satisfied",
        "satisfaction_score": 5.0,
        "satisfaction_comment": "Great",
        "satisfaction_date": past,
        "anonymised": True,
        "anonymised_date": past,
        "closed_date": past,
        "last_stage_update": past,
    }


class IntegrityCase(PrinciplesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.stage_plain_done = ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.stage_plain_new = ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_decision = ref("iso10002_complaints.stage_complaint_decision")
        # a team member who reads every complaint of the team
        cls.colleague = (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Colin Colleague",
                    "login": "iso_sec_colleague_staff",
                    "password": "iso_sec_colleague_staff",
                    "email": "colin@example.com",
                    "group_ids": [
                        Command.set(
                            [
                                ref("iso10002_complaints.group_complaint_handler").id,
                                ref("helpdesk_mgmt.group_helpdesk_user").id,
                            ]
                        )
                    ],
                }
            )
        )
        cls.team.user_ids = [Command.link(cls.colleague.id)]

    def _plain(self, **values):
        vals = {
            "name": "How to descale",
            "description": "<p>How?</p>",
            "team_id": self.team_plain.id,
            "partner_id": self.partner_complainant.id,
            "user_id": self.handler.id,
        }
        vals.update(values)
        return self.Ticket.create(vals)

    def _to_decision(self, complaint, user):
        """Acknowledge, assess, respond and decide, as ``user``."""
        complaint = complaint.with_user(user)
        if not complaint.ack_date:
            complaint.ack_method = "phone"
            complaint.action_record_acknowledgement()
        complaint.write({"severity": "low", "stage_id": self.stage_assessed.id})
        complaint.write(
            {
                "response_summary": "<p>We replace it.</p>",
                "stage_id": self.stage_responded.id,
                "decision_outcome": "upheld",
                "decision": "<p>Upheld.</p>",
            }
        )
        complaint.action_communicate_decision()
        return complaint
