# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complainant is invited to the satisfaction survey (ISO 10004) when
the complaint is closed (ISO 10002 7.9, 8.3)."""

from odoo import models


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
        for ticket in complaints:
            survey = policies[ticket.company_id].satisfaction_survey_id.sudo()
            if not survey.active or ticket.id in invited:
                continue
            if ticket.partner_id:
                answer = survey._create_answer(
                    partner=ticket.partner_id,
                    check_attempts=False,
                    helpdesk_ticket_id=ticket.id,
                )
            else:
                answer = survey._create_answer(
                    email=ticket.partner_email,
                    check_attempts=False,
                    helpdesk_ticket_id=ticket.id,
                )
            if template:
                template.sudo().send_mail(answer.id, force_send=False)
