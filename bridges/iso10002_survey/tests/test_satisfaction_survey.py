# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The satisfaction survey on the handling (ISO 10004): sent at closing,
answered over Survey's own routes (real HTTP), read by the KPIs, and as
private as the complaint (iso10002_survey)."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    IntakeHttpCommon,
)


@tagged("post_install", "-at_install")
class TestSatisfactionSurvey(IntakeHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("iso10002_survey.survey_complaint_handling")
        cls.policy.satisfaction_survey_id = cls.survey
        cls.questions = cls.survey.question_ids
        cls.overall = cls.questions.filtered("complaint_overall")
        cls.comment = cls.questions.filtered(lambda q: q.question_type == "text_box")
        # a handler of the team who handles none of the complaints below: he
        # reads the team's complaints, not a confidential one of a colleague
        cls.other_handler = new_test_user(
            cls.env,
            login="iso_survey_other_handler",
            name="Otto Other",
            email="otto.other@example.com",
            groups="iso10002_complaints.group_complaint_handler",
        )
        cls.team.user_ids = [Command.link(cls.other_handler.id)]
        # a Surveys administrator who is no complaints handler
        cls.survey_manager = new_test_user(
            cls.env,
            login="iso_survey_manager",
            name="Sam Surveys",
            email="sam.surveys@example.com",
            groups="survey.group_survey_manager",
        )

    def _close(self, complaint, reason="resolved"):
        """Closed by its handler, who has no right on the Surveys app."""
        self._decide(complaint)
        complaint._iso_record_reaction("accepted")
        complaint.with_user(self.handler).write(
            {
                "closure_reason": reason,
                "stage_id": self.env.ref(
                    "iso10002_complaints.stage_complaint_closed"
                ).id,
            }
        )
        return complaint

    def _invitations(self, ticket):
        return (
            self.env["survey.user_input"]
            .sudo()
            .search([("helpdesk_ticket_id", "=", ticket.id)])
        )

    def _invitation_mails(self, answer):
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("body_html", "like", answer.access_token)])
        )

    def _answer_over_http(self, answer, scores, comment):
        """The complainant answers from the link of their invitation,
        through Survey's own routes (no login)."""
        survey = answer.survey_id
        token = survey.access_token
        response = self.url_open(
            f"/survey/start/{token}?answer_token={answer.access_token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(survey.title, response.text)
        response = self.url_open(
            f"/survey/begin/{token}/{answer.access_token}",
            json={"params": {"lang_code": "en_US"}},
        )
        self.assertEqual(response.status_code, 200)
        post = {str(q.id): str(s) for q, s in scores.items()}
        post[str(self.comment.id)] = comment
        response = self.url_open(
            f"/survey/submit/{token}/{answer.access_token}", json={"params": post}
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("error", response.json()["result"][1], response.text)
        answer.invalidate_recordset()

    def _scores(self, overall):
        return {
            question: overall if question == self.overall else 4
            for question in self.questions
            if question.question_type == "scale"
        }

    def test_closing_invites_the_complainant_once(self):
        complaint = self._new_complaint(
            self.portal_user.partner_id, user_id=self.handler.id
        )
        self.assertFalse(self._invitations(complaint))
        self._close(complaint)
        answer = self._invitations(complaint)
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.survey_id, self.survey)
        self.assertEqual(answer.partner_id, self.portal_user.partner_id)
        self.assertEqual(answer.state, "new")
        self.assertTrue(answer.invite_token)
        # Survey's own invitation: a personal link, queued for the mail
        # queue's scheduled action, to the complainant alone
        mail = self._invitation_mails(answer)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.recipient_ids, self.portal_user.partner_id)
        self.assertIn(answer.get_start_url(), str(mail.body_html))
        self.assertIn(complaint.complaint_ref, mail.subject)
        # reopened and closed again: not invited twice
        complaint.write(
            {
                "stage_id": self.env.ref(
                    "iso10002_complaints.stage_complaint_decision"
                ).id
            }
        )
        self.assertEqual(complaint.reopen_count, 1)
        complaint.write(
            {"stage_id": self.env.ref("iso10002_complaints.stage_complaint_closed").id}
        )
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(self._invitations(complaint), answer)
        self.assertEqual(len(self._invitation_mails(answer)), 1)

    def test_no_invitation_without_email_plain_ticket_or_policy(self):
        no_email = self.env["res.partner"].create({"name": "Nadia Nomail"})
        complaint = self._new_complaint(no_email, user_id=self.handler.id)
        complaint.ack_method = "phone"
        complaint.action_record_acknowledgement()
        self._close(complaint)
        self.assertEqual(complaint.iso_step, "closed")
        self.assertFalse(self._invitations(complaint))
        # a plain ticket closed: helpdesk_mgmt as it is, no survey
        plain_team = self.env["helpdesk.ticket.team"].create(
            {"name": "Support", "user_ids": [Command.set(self.handler.ids)]}
        )
        plain = self.Ticket.create(
            {
                "name": "How do I descale it?",
                "description": "<p>Descaling.</p>",
                "team_id": plain_team.id,
                "partner_id": self.portal_user.partner_id.id,
            }
        )
        plain.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.assertTrue(plain.closed)
        self.assertFalse(self._invitations(plain))
        # the policy names no survey: none sent
        self.policy.satisfaction_survey_id = False
        complaint = self._new_complaint(
            self.portal_user.partner_id, user_id=self.handler.id
        )
        self._close(complaint)
        self.assertFalse(self._invitations(complaint))

    def test_answers_over_http_linked_to_the_complaint_and_in_the_kpis(self):
        complaint = self._new_complaint(
            self.portal_user.partner_id, user_id=self.handler.id
        )
        self._close(complaint)
        second = self._new_complaint(self.colleague.partner_id, user_id=self.handler.id)
        self._close(second)
        answer = self._invitations(complaint)
        self._answer_over_http(answer, self._scores(5), "Kind and quick, thanks.")
        self.assertEqual(answer.state, "done")
        lines = answer.user_input_line_ids
        self.assertEqual(len(lines), len(self.questions))
        self.assertEqual(lines.user_input_id.helpdesk_ticket_id, complaint)
        self.assertEqual(
            lines.filtered(lambda line: line.question_id == self.overall).value_scale,
            5,
        )
        self.assertIn("Kind and quick", lines.filtered("value_text_box").value_text_box)
        # the complaint's handler reads its answers
        handler_lines = (
            self.env["survey.user_input.line"]
            .with_user(self.handler)
            .search([("user_input_id.helpdesk_ticket_id", "=", complaint.id)])
        )
        self.assertEqual(handler_lines, lines)

        # the KPIs: two complaints invited, one answered, overall 5
        today = fields.Date.context_today(complaint)
        period = (today - timedelta(days=1), today + timedelta(days=1))
        kpi = self.env["iso10002.complaint.kpi"].with_user(self.manager)
        figures = kpi.get_kpi_figures(
            fields.Date.to_string(period[0]), fields.Date.to_string(period[1])
        )
        self.assertEqual(figures["survey_sent_count"], 2)
        self.assertEqual(figures["survey_answered_count"], 1)
        self.assertEqual(figures["survey_response_rate"], 50.0)
        self.assertEqual(figures["survey_overall_avg"], 5.0)
        monitor = (
            self.env["iso10002.complaint.monitor"]
            .with_user(self.manager)
            .create({"period": "custom", "date_from": period[0], "date_to": period[1]})
        )
        self.assertEqual(monitor.survey_response_rate, 50.0)
        self.assertEqual(monitor.survey_overall_avg, 5.0)
        review = (
            self.env["iso10002.management.review"]
            .with_user(self.manager)
            .create(
                {
                    "title": "Survey review",
                    "date_from": period[0],
                    "date_to": period[1],
                    "company_id": self.company.id,
                    "company_ids": [Command.set(self.company.ids)],
                }
            )
        )
        line = review._kpi_line("survey_overall_avg")
        self.assertEqual((line.value, line.has_data), (5.0, True))
        self.assertEqual(line.objective, self.policy.objective_satisfaction)
        self.assertEqual(line.kpi_family, "satisfaction")
        self.assertEqual(review._kpi_line("survey_response_rate").value, 50.0)

    def test_answers_as_private_as_the_complaint(self):
        confidential = self._new_complaint(
            self.portal_user.partner_id, user_id=self.handler.id, confidential=True
        )
        self._close(confidential)
        answer = self._invitations(confidential)
        self._answer_over_http(answer, self._scores(2), "The engineer was rude.")
        lines = answer.user_input_line_ids
        self.assertTrue(lines)
        # its handler reads them
        self.assertEqual(
            self.env["survey.user_input"]
            .with_user(self.handler)
            .search([("helpdesk_ticket_id", "=", confidential.id)]),
            answer,
        )
        self.assertTrue(lines.with_user(self.handler).read(["value_text_box"]))
        # another handler of the team reads the complaints of the team, not
        # this confidential one, nor its answers
        other = self.other_handler
        with self.assertRaises(AccessError):
            confidential.with_user(other).read(["name"])
        for user in (other, self.survey_manager):
            inputs = self.env["survey.user_input"].with_user(user)
            self.assertFalse(inputs.search([("id", "=", answer.id)]))
            with self.assertRaises(AccessError):
                answer.with_user(user).read(["helpdesk_ticket_id"])
            input_lines = self.env["survey.user_input.line"].with_user(user)
            self.assertFalse(input_lines.search([("id", "in", lines.ids)]))
            self.assertFalse(
                input_lines.search_count(
                    [("value_text_box", "ilike", "engineer was rude")]
                )
            )
            with self.assertRaises(AccessError):
                lines.with_user(user).read(["value_text_box"])
        # the Surveys administrator still reads the answers of other surveys
        other_survey = self.env["survey.survey"].create(
            {"title": "Canteen", "access_mode": "public"}
        )
        canteen = other_survey._create_answer(email="eve@example.com")
        self.assertEqual(
            self.env["survey.user_input"]
            .with_user(self.survey_manager)
            .search([("survey_id", "=", other_survey.id)]),
            canteen,
        )
        # nor moves an answer onto a complaint (its KPIs, its readers)
        with self.assertRaises(AccessError):
            canteen.with_user(self.survey_manager).write(
                {"helpdesk_ticket_id": confidential.id}
            )
        self.assertFalse(canteen.helpdesk_ticket_id)
        # the figures count it, naming nothing
        self.assertEqual(
            self.env["iso10002.complaint.kpi"]
            .with_user(self.manager)
            .get_kpi_figures(
                fields.Date.to_string(fields.Date.today() - timedelta(days=1)),
                fields.Date.to_string(fields.Date.today() + timedelta(days=1)),
            )["survey_overall_avg"],
            2.0,
        )

    def test_handler_cannot_answer_in_the_complainants_place(self):
        """The handler reads the answers of the complaint, never the
        complainant's personal link: neither the participation's token nor
        the invitation's message (Survey's own invitation attaches its mail
        to no record for that reason, survey.invite)."""
        complaint = self._new_complaint(
            self.portal_user.partner_id, user_id=self.handler.id
        )
        self._close(complaint)
        answer = self._invitations(complaint)
        self.assertEqual(
            answer.with_user(self.handler).read(["state"])[0]["state"], "new"
        )
        with self.assertRaises(AccessError):
            answer.with_user(self.handler).read(["access_token"])
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("body", "like", answer.access_token)])
        )
        self.assertTrue(messages)
        self.assertFalse(messages.with_user(self.handler)._filtered_access("read"))
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.handler)
            .search([("body", "like", answer.access_token)])
        )

    def test_invitation_and_survey_in_the_complainants_language(self):
        """A Turkish complainant gets the invitation and the survey in
        Turkish (i18n/tr.po)."""
        self.env["res.lang"]._activate_lang("tr_TR")
        self.env["ir.module.module"]._load_module_terms(
            ["iso10002_survey"], ["tr_TR"], overwrite=True
        )
        self.portal_user.partner_id.lang = "tr_TR"
        complaint = self._new_complaint(
            self.portal_user.partner_id, user_id=self.handler.id
        )
        self._close(complaint)
        answer = self._invitations(complaint)
        mail = self._invitation_mails(answer)
        self.assertIn("şikâyetinizin ele alınışı", mail.subject)
        self.assertIn("Anketi yanıtla", str(mail.body_html))
        survey = self.survey.with_context(lang="tr_TR")
        self.assertEqual(survey.title, "Şikâyetinizi nasıl ele aldık?")
        self.assertEqual(
            self.overall.with_context(lang="tr_TR").scale_max_label, "Çok memnunum"
        )
