# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Any employee logs a complaint received by phone, letter or in person
(ISO 10002 4.4 accessibility, 7.2 receipt): sales staff, accounts, the shop
floor record it from the contact form; the complaints team handles it. The
employee gains no access to the register: the complaint is created for
them, and only its reference is shown back."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import clean_context, plaintext2html

CHANNELS = {
    "phone": "helpdesk_mgmt.helpdesk_ticket_channel_phone",
    "letter": "iso10002_contact.helpdesk_ticket_channel_letter",
    "in_person": "iso10002_contact.helpdesk_ticket_channel_in_person",
}


class ComplaintLogWizard(models.TransientModel):
    _name = "iso10002.complaint.log.wizard"
    _description = "Log a Complaint Received by an Employee"

    partner_id = fields.Many2one(
        "res.partner", string="Complainant", required=True, ondelete="cascade"
    )
    channel = fields.Selection(
        [("phone", "Phone"), ("letter", "Letter"), ("in_person", "In person")],
        string="Received by",
        required=True,
        default="phone",
    )
    received_date = fields.Datetime(
        string="Received on", required=True, default=fields.Datetime.now
    )
    name = fields.Char(string="Subject", required=True)
    description = fields.Text(
        string="What the customer complains about",
        required=True,
        help="In the customer's words, as far as possible.",
    )

    @api.model
    def _intake_team(self, company):
        policy = self.env["iso10002.complaint.policy"].sudo()._get_for_company(company)
        team = policy._get_intake_team()
        if not team:
            raise UserError(
                self.env._(
                    "%(company)s has no complaints team yet: ask a complaint "
                    "manager to tick 'Complaints team' on a helpdesk team.",
                    company=company.name,
                )
            )
        return team

    def _check_log(self):
        """Refuse what the employee typed or picked, as themselves (the
        complaint is created in sudo); bridges check the document they add
        (the order of iso10002_sale, the invoice of iso10002_account)."""

    def _complaint_company(self):
        """The company the complaint is logged in."""
        return self.env.company

    def _complaint_values(self, team, company):
        """The complaint as logged; bridges add what it is about (the
        order of iso10002_sale)."""
        partner = self.partner_id
        return {
            "is_complaint": True,
            "name": self.name,
            "description": plaintext2html(self.description),
            "team_id": team.id,
            "user_id": False,
            "company_id": (team.company_id or company).id,
            "channel_id": self.env.ref(CHANNELS[self.channel]).id,
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
            "received_date": self.received_date,
        }

    def _logged_from(self):
        """Where the employee logged the complaint, for its note."""
        return self.env._("the contact form")

    def action_log(self):
        """Create the complaint; show its reference and nothing else."""
        self.ensure_one()
        self._check_log()
        # a receipt in the future is refused by the complaint's own check
        # (_check_process_dates, with its clock tolerance)
        company = self._complaint_company()
        team = self._intake_team(company)
        # sudo: any employee logs a complaint for the complaints team
        # without read or write access to the register (4.10); the employee
        # stays the author (env.uid) and is neither assigned nor a follower.
        # No default_* key of the caller's context reaches the complaint:
        # in sudo it would set any field (a reference, a system date...)
        complaint = (
            self.env["helpdesk.ticket"]
            .sudo()
            .with_context(clean_context(self.env.context), mail_create_nosubscribe=True)
            .create(self._complaint_values(team, company))
        )
        channel = dict(self._fields["channel"]._description_selection(self.env))
        complaint.message_post(
            body=Markup("%s")
            % self.env._(
                "Logged by %(employee)s from %(origin)s: received %(channel)s.",
                employee=self.env.user.name,
                origin=self._logged_from(),
                channel=channel[self.channel].lower(),
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Complaint logged"),
                "message": self.env._(
                    "Complaint %(ref)s is recorded; the complaints team takes it "
                    "from here. Give the customer this reference.",
                    ref=complaint.complaint_ref,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
