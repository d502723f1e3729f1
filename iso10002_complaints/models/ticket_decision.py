# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The decision communicated to the complainant (ISO 10002 7.8) and their
reaction to it."""

from odoo import fields, models
from odoo.exceptions import UserError

from .system_write import records_facts

DECISION_OUTCOMES = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
]
REACTIONS = [
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("no_reply", "No reply"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Decision (7.8)
    # ------------------------------------------------------------------
    decision_outcome = fields.Selection(
        DECISION_OUTCOMES, string="Outcome", copy=False, tracking=True
    )
    decision = fields.Html(string="Decision and reasons", copy=False)
    decision_user_id = fields.Many2one(
        "res.users", string="Decided by", copy=False, tracking=True
    )
    decision_date = fields.Datetime(
        string="Decision communicated on", copy=False, readonly=True, tracking=True
    )
    reaction = fields.Selection(
        REACTIONS, string="Complainant's reaction", copy=False, tracking=True
    )
    reaction_date = fields.Datetime(string="Reaction date", copy=False, readonly=True)
    reaction_note = fields.Text(string="Reaction details", copy=False)

    @records_facts
    def action_communicate_decision(self):
        """Send the decision and its reasons to the complainant (7.8)."""
        self._iso_check_not_subject()
        self._iso_ensure_complaints()
        for ticket in self:
            missing = []
            if not ticket.decision_outcome:
                missing.append(self.env._("the outcome"))
            if not ticket.decision:
                missing.append(self.env._("the decision and its reasons"))
            if missing:
                raise UserError(
                    self.env._(
                        "Before communicating the decision on %(ref)s, fill in "
                        "%(missing)s.",
                        ref=ticket.complaint_ref,
                        missing=self.env._(" and ").join(missing),
                    )
                )
            values = {
                "decision_date": fields.Datetime.now(),
                "decision_user_id": ticket.decision_user_id.id or self.env.user.id,
                "reaction": False,
                "reaction_date": False,
            }
            ticket.write(values)
            if ticket._iso_has_email():
                policy = self.env["iso10002.complaint.policy"]._get_for_company(
                    ticket.company_id
                )
                template = ticket._iso_decision_template(policy)
                ticket.message_post_with_source(
                    template, message_type="comment", subtype_xmlid="mail.mt_comment"
                )
            stage = ticket._iso_stage_for_step("decision_communicated")
            if stage:
                ticket.stage_id = stage
        return True

    def _iso_decision_template(self, policy):
        """The mail template that communicates the decision (extended by the
        letters of regulated firms, ticket_letters.py)."""
        return policy.decision_template_id or self.env.ref(
            "iso10002_complaints.mail_template_complaint_decision"
        )

    @records_facts
    def _iso_record_reaction(self, reaction, note=False):
        self._iso_check_not_subject()
        self._iso_ensure_complaints()
        for ticket in self:
            if not ticket.decision_date:
                raise UserError(
                    self.env._(
                        "The complainant can only react to a decision that was "
                        "communicated (%(ref)s).",
                        ref=ticket.complaint_ref,
                    )
                )
            ticket.write(
                {
                    "reaction": reaction,
                    "reaction_date": fields.Datetime.now(),
                    "reaction_note": note or ticket.reaction_note,
                }
            )
        return True

    def action_reaction_accepted(self):
        return self._iso_record_reaction("accepted")

    def action_reaction_rejected(self):
        return self._iso_record_reaction("rejected")
