# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime

from ..models.system_write import system_write
from ..models.ticket_acknowledgement import ACK_METHODS
from ..models.ticket_decision import REACTIONS

MANAGER_GROUP = "iso10002_complaints.group_complaint_manager"
# the recorded facts a manager may correct, and the value field of each
CORRECTABLE_FIELDS = {
    "received_date": "new_datetime",
    "ack_date": "new_datetime",
    "ack_method": "new_ack_method",
    "decision_date": "new_datetime",
    "reaction": "new_reaction",
    "reaction_date": "new_datetime",
    "closed_date": "new_datetime",
}


class ComplaintCorrectionWizard(models.TransientModel):
    """Correct a fact the complaints process recorded, with its trace
    (ISO 10002 4.9, 4.12): the old value, the new one, the reason and who
    corrected it are posted on the complaint."""

    _name = "iso10002.complaint.correction.wizard"
    _inherit = ["iso10002.complaint.wizard.access"]
    _description = "Correct a recorded fact of a complaint"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        domain=[("is_complaint", "=", True)],
    )
    field_name = fields.Selection(
        [
            ("received_date", "Received on"),
            ("ack_date", "Acknowledged on"),
            ("ack_method", "Acknowledged by"),
            ("decision_date", "Decision communicated on"),
            ("reaction", "Complainant's reaction"),
            ("reaction_date", "Reaction date"),
            ("closed_date", "Closed on"),
        ],
        string="Fact to correct",
        required=True,
    )
    value_type = fields.Selection(
        [
            ("new_datetime", "Date"),
            ("new_ack_method", "Acknowledgement method"),
            ("new_reaction", "Reaction"),
        ],
        compute="_compute_value_type",
    )
    current_value = fields.Char(string="Recorded value", compute="_compute_value_type")
    new_datetime = fields.Datetime(string="Correct date")
    new_ack_method = fields.Selection(ACK_METHODS, string="Correct method")
    new_reaction = fields.Selection(REACTIONS, string="Correct reaction")
    reason = fields.Text(required=True, help="Why the recorded value was wrong.")

    def _iso_wizard_tickets(self):
        return self.ticket_id

    @api.depends("ticket_id", "field_name")
    def _compute_value_type(self):
        self._iso_check_tickets_access()
        for wizard in self:
            wizard.value_type = CORRECTABLE_FIELDS.get(wizard.field_name)
            wizard.current_value = (
                wizard._display_value(wizard.ticket_id[wizard.field_name])
                if wizard.field_name and wizard.ticket_id
                else False
            )

    def _display_value(self, value):
        self.ensure_one()
        if not value:
            return self.env._("(empty)")
        field = self.env["helpdesk.ticket"]._fields[self.field_name]
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        return format_datetime(self.env, value)

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only complaint managers can correct a recorded fact.")
            )
        ticket = self.ticket_id
        if not ticket.is_complaint:
            raise UserError(self.env._("This action applies to complaints only."))
        ticket._iso_check_not_subject()
        if not ticket[self.field_name]:
            # correcting, not recording: the process records a fact first
            raise UserError(
                self.env._(
                    "Nothing is recorded yet as '%(field)s' on %(ref)s: the "
                    "complaint's own actions record it.",
                    field=self._fields["field_name"].convert_to_export(
                        self.field_name, self
                    ),
                    ref=ticket.complaint_ref or ticket.display_name,
                )
            )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for the correction."))
        new_value = self[CORRECTABLE_FIELDS[self.field_name]]
        if not new_value:
            raise UserError(self.env._("Give the correct value."))
        old_display = self._display_value(ticket[self.field_name])
        with system_write():
            ticket.write({self.field_name: new_value})
        label = dict(self._fields["field_name"]._description_selection(self.env))[
            self.field_name
        ]
        ticket.message_post(
            body=self.env._(
                "Recorded fact corrected by %(user)s. %(field)s: %(old)s, now "
                "%(new)s. Reason: %(reason)s",
                user=self.env.user.name,
                field=label,
                old=old_display,
                new=self._display_value(ticket[self.field_name]),
                reason=self.reason.strip(),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
