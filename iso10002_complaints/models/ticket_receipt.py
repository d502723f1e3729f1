# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Receipt of a complaint (ISO 10002 7.2): what is recorded when it comes in,
and the create/write entry points of the complaint core (see models/__init__.py
for the order of the concerns' overrides)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .system_write import records_facts

CONTACT_PREFERENCES = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("portal", "Customer portal"),
    ("in_person", "In person"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Receipt (7.2)
    # ------------------------------------------------------------------
    is_complaint = fields.Boolean(
        string="Complaint",
        compute="_compute_is_complaint",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="Handled as a complaint under ISO 10002. Defaults from the team.",
    )
    received_date = fields.Datetime(
        string="Received on", copy=False, tracking=True, index=True
    )
    contact_preference = fields.Selection(
        CONTACT_PREFERENCES, string="Preferred contact", default="email"
    )
    representative_id = fields.Many2one(
        "res.partner",
        help="Person filing the complaint on behalf of the complainant.",
    )
    representative_authority = fields.Boolean(
        string="Authority checked",
        help="The representative's authority to act for the complainant was verified.",
    )
    product_service = fields.Char(string="Product or service concerned")
    order_reference = fields.Char(string="Order / invoice reference")
    incident_date = fields.Date(string="When it happened")
    incident_place = fields.Char(string="Where it happened")
    remedy_requested = fields.Text(string="Remedy asked for")
    consent_given = fields.Boolean(
        string="Consent to processing",
        help="The complainant agreed that their personal data is used to handle "
        "the complaint.",
    )

    # a complainant's complaints (portal list) among many: 56 ms -> 0.2 ms at
    # 100,000 complaints (docs/performance.md)
    _complaint_partner_idx = models.Index(
        "(partner_id, received_date DESC, id DESC) WHERE is_complaint"
    )

    @api.depends("team_id")
    def _compute_is_complaint(self):
        for ticket in self:
            # never un-flag a complaint because it moved to another team; in
            # a form, an existing plain ticket is flagged only when its team
            # changes (helpdesk_mgmt recomputes the team on a user change)
            origin = ticket._origin if not isinstance(ticket.id, int) else None
            same_team = bool(origin) and origin.team_id == ticket.team_id
            if ticket.team_id.is_complaint_team and not same_team:
                ticket.is_complaint = True
            elif not ticket.is_complaint:
                ticket.is_complaint = False

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        team_model = self.env["helpdesk.ticket.team"]
        for vals in vals_list:
            complaint = vals.get("is_complaint")
            if complaint is None and vals.get("team_id"):
                # a plain team does not decide: the context (e.g. the
                # Complaints menu) still may, as it does in the form
                complaint = team_model.browse(vals["team_id"]).is_complaint_team or None
            if complaint is None:
                complaint = self.env.context.get("default_is_complaint")
            if not complaint:
                continue
            vals["is_complaint"] = True
            vals.setdefault("received_date", fields.Datetime.now())
            if not vals.get("stage_id"):
                # helpdesk_mgmt would pick the team's first plain stage
                vals["stage_id"] = (
                    team_model.browse(vals.get("team_id"))
                    .with_context(iso10002_complaint_stages=True)
                    ._get_applicable_stages()[:1]
                    .id
                )
        # helpdesk_mgmt's default priority is added to the values, which
        # protects it from _compute_priority: apply an assessment given at
        # creation, unless the caller chose the priority
        explicit_priority = ["priority" in vals for vals in vals_list]
        tickets = super().create(vals_list)
        complaints = tickets.filtered("is_complaint")
        assessed = complaints.browse(
            [
                ticket.id
                for ticket, explicit in zip(tickets, explicit_priority, strict=True)
                if ticket.is_complaint and ticket.severity and not explicit
            ]
        )
        if assessed:
            self.env.add_to_compute(self._fields["priority"], assessed)
        if complaints:
            # flagged by the team helpdesk_mgmt derives from the user: date it
            complaints.filtered(lambda t: not t.received_date)._iso_start_complaint()
            complaints._iso_assign_reference()
            complaints._iso_check_steps()
            complaints._iso_auto_acknowledge()
        return tickets

    def write(self, vals):
        # A user change makes helpdesk_mgmt recompute the team, and with it
        # is_complaint: only a team change or the flag itself may turn a plain
        # ticket of a complaints team into a complaint.
        protected = (
            [self._fields["is_complaint"]]
            if not ({"is_complaint", "team_id"} & vals.keys())
            else []
        )
        if not ({"stage_id", "is_complaint", "team_id"} & vals.keys()):
            with self.env.protecting(protected, self):
                return super().write(vals)
        complaints = self.filtered("is_complaint")
        old_steps = {ticket.id: ticket.iso_step for ticket in complaints}
        if "is_complaint" in vals and not vals["is_complaint"] and complaints:
            raise UserError(
                self.env._(
                    "%(refs)s: a complaint stays a complaint. Close it with a "
                    "closure reason (e.g. not a complaint / out of scope) instead.",
                    refs=", ".join(
                        complaints.mapped(lambda t: t.complaint_ref or t.name)
                    ),
                )
            )
        with self.env.protecting(protected, self):
            res = super().write(vals)
        new_complaints = self.filtered("is_complaint") - complaints
        if new_complaints:
            new_complaints._iso_start_complaint()
        if "stage_id" in vals:
            changed = complaints.filtered(lambda t: t.iso_step != old_steps.get(t.id))
            changed._iso_on_step_change(old_steps)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_complaint(self):
        if any(ticket.is_complaint for ticket in self):
            raise UserError(
                self.env._(
                    "Complaints cannot be deleted: they are records the standard "
                    "asks you to keep. Archive them instead."
                )
            )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            if vals.get("is_complaint"):
                vals["received_date"] = fields.Datetime.now()
        return vals_list

    @records_facts
    def _iso_start_complaint(self):
        """A ticket turned into a complaint: date it, number it, stage it."""
        for ticket in self:
            values = {}
            if not ticket.received_date:
                values["received_date"] = fields.Datetime.now()
            if not ticket.stage_id.is_complaint_stage:
                values["stage_id"] = (
                    ticket.team_id.with_context(iso10002_complaint_stages=True)
                    ._get_applicable_stages()[:1]
                    .id
                )
            if values:
                ticket.write(values)
        self._iso_assign_reference()
