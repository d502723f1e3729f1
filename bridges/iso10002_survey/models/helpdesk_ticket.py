# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complainant is invited to the satisfaction survey (ISO 10004) when
the complaint is closed (ISO 10002 7.9, 8.3)."""

from odoo import SUPERUSER_ID, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _iso_on_step_change(self, old_steps):
        # the event "the complaint reached its closed step", after the step
        # guards ran (a refused closing invites nobody: the transaction is
        # rolled back with the invitation and its queued email)
        res = super()._iso_on_step_change(old_steps)
        self.filtered(
            lambda t: t.iso_step == "closed" and old_steps.get(t.id) != "closed"
        )._iso_invite_to_satisfaction_survey()
        return res

    def _iso_invite_to_satisfaction_survey(self):
        """Invite the complainants of the closed complaints of ``self`` to
        the satisfaction survey of their company's policy: once per complaint
        (not again when it is closed after a reopening), never when the
        complainant has no valid email address or was anonymised.

        The invitation is Survey's own participation (``survey.user_input``
        and its token), linked to the complaint; its email is queued and
        sent by the mail queue's scheduled action.
        """
        complaints = self.filtered(
            lambda t: t.is_complaint and not t.anonymised and t._iso_has_email()
        )
        if not complaints:
            return
        # sudo: the invitation is the process's, not the closing user's (who
        # needs no right on the Surveys app); the answers stay as private as
        # the complaint (survey_user_input.py)
        answers = self.env["survey.user_input"].sudo()
        invited = {
            ticket.id
            for [ticket] in answers._read_group(
                [("helpdesk_ticket_id", "in", complaints.ids)], ["helpdesk_ticket_id"]
            )
        }
        policies = complaints._iso_policies()
        template = self.env.ref(
            "iso10002_survey.mail_template_complaint_survey_invite",
            raise_if_not_found=False,
        )
        new_answers = answers
        for ticket in complaints:
            survey = policies[ticket.company_id].satisfaction_survey_id.sudo()
            if not survey.active or ticket.id in invited:
                continue
            new_answers |= survey._create_answer(
                partner=ticket.partner_id,
                email=ticket.partner_email,  # used when no partner
                check_attempts=False,
                helpdesk_ticket_id=ticket.id,
            )
        if not template:
            return
        # the mail holds the complainant's personal link, which neither who
        # reads the participation nor the closing user may read (a message
        # is readable by its author and its creator): attached to no record,
        # as Survey's own invitation (survey.invite), created by the
        # superuser and written by the company
        template = template.with_user(SUPERUSER_ID)
        for company, company_answers in new_answers.grouped(
            lambda answer: answer.helpdesk_ticket_id.company_id
        ).items():
            template.send_mail_batch(
                company_answers.ids,
                email_values={
                    "model": False,
                    "res_id": False,
                    "author_id": company.partner_id.id,
                },
            )
