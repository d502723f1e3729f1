# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The answers to a complaint's satisfaction survey are complaint data
(ISO 10002 4.10): who may not read the complaint reads neither its
participation (survey.user_input) nor its answers (survey.user_input.line).

The answers of other surveys keep the rules of the Surveys app. Those of a
complaint are delegated to the complaint, as the records of a complaint are
(iso10002_complaints/models/complaint_child.py): record rules are evaluated
as superuser and cannot follow the complaint's own rules. Survey's own
routes read and write the answers as superuser from the answer's token: the
complainant answers without any access to the complaint.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from odoo.addons.iso10002_complaints.models.complaint_child import TICKET_OPERATION


class ComplaintAnswerAccess(models.AbstractModel):
    """Access to the survey records of a complaint: as to the complaint."""

    _name = "iso10002.survey.answer.access"
    _description = "Survey answer of a complaint, accessed as the complaint"

    # the path from the record to its complaint
    _complaint_path = None

    def _complaint_tickets(self):
        # sudo: read the link to the complaint, whose access is checked next
        return self.sudo().mapped(self._complaint_path)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not (self.env.su or kwargs.get("bypass_access")):
            tickets = self.env["helpdesk.ticket"].with_context(active_test=False)
            readable = Domain(self._complaint_path, "=", False)
            if tickets.has_access("read"):
                readable |= Domain(self._complaint_path, "any!", tickets._search([]))
            domain = Domain(domain) & readable
        return super()._search(domain, offset, limit, order, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        records = self - result[0] if result else self
        if not records or self.env.su:
            return result
        tickets = records._complaint_tickets().with_env(self.env)
        if not tickets:
            return result
        allowed = tickets._filtered_access(TICKET_OPERATION[operation])
        forbidden = (
            records.sudo()
            .filtered(
                lambda rec: (
                    rec.mapped(self._complaint_path)
                    and rec.mapped(self._complaint_path) not in allowed
                )
            )
            .with_env(self.env)
        )
        if not forbidden:
            return result
        if result:
            forbidden += result[0]
        return forbidden, lambda: AccessError(
            self.env._(
                "You cannot access the survey answers of a complaint you may "
                "not %(op)s.",
                op=TICKET_OPERATION[operation],
            )
        )


class SurveyUserInput(models.Model):
    _name = "survey.user_input"
    _inherit = ["survey.user_input", "iso10002.survey.answer.access"]

    _complaint_path = "helpdesk_ticket_id"

    # the participant's personal link: who reads a complaint's answers (its
    # handler, through the access above) must not answer in the
    # complainant's place; Surveys users keep it, as in Survey
    access_token = fields.Char(groups="survey.group_survey_user")
    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
        help="The complaint whose handling this participation is about "
        "(satisfaction survey sent at closing, ISO 10004).",
    )

    def write(self, vals):
        # the link is the process's (helpdesk_ticket.py): nobody moves an
        # answer to or away from a complaint, which would change the
        # complaint's KPIs and who may read the answer
        if "helpdesk_ticket_id" in vals and not self.env.su:
            raise AccessError(
                self.env._(
                    "The complaint of a satisfaction survey answer cannot be changed."
                )
            )
        return super().write(vals)


class SurveyUserInputLine(models.Model):
    _name = "survey.user_input.line"
    _inherit = ["survey.user_input.line", "iso10002.survey.answer.access"]

    _complaint_path = "user_input_id.helpdesk_ticket_id"
