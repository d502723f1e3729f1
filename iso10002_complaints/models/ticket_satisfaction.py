# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction of the complainant with the handling (ISO 10002 8.3)."""

from datetime import datetime

from odoo import api, fields, models

from odoo.addons.rating.models.rating_data import (
    RATING_LIMIT_OK,
    RATING_LIMIT_SATISFIED,
)

from .email_address import normalize_email_address

SATISFACTION_LEVELS = [
    ("satisfied", "Satisfied"),
    ("neutral", "Neutral"),
    ("dissatisfied", "Dissatisfied"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Satisfaction with the handling (8.3)
    # ------------------------------------------------------------------
    satisfaction = fields.Selection(
        SATISFACTION_LEVELS,
        string="Satisfaction with the handling",
        compute="_compute_satisfaction",
        store=True,
        index="btree_not_null",
        help="Last rating the complainant gave to the way the complaint was "
        "handled (ISO 10002 8.3); empty until rated.",
    )
    satisfaction_score = fields.Float(
        string="Satisfaction score",
        compute="_compute_satisfaction",
        store=True,
        aggregator="avg",
        help="Last rating of the handling, from 1 (dissatisfied) to 5 "
        "(satisfied); 0 until rated.",
    )
    satisfaction_comment = fields.Text(
        string="Satisfaction comment",
        compute="_compute_satisfaction",
        store=True,
        help="What the complainant wrote with their rating.",
    )
    satisfaction_date = fields.Datetime(
        string="Rated on", compute="_compute_satisfaction", store=True
    )

    @api.depends("rating_ids.rating", "rating_ids.feedback", "rating_ids.consumed")
    def _compute_satisfaction(self):
        for ticket in self:
            last = ticket._iso_last_rating()
            if not last:
                ticket.satisfaction = False
                ticket.satisfaction_score = 0.0
                ticket.satisfaction_comment = False
                ticket.satisfaction_date = False
                continue
            if last.rating >= RATING_LIMIT_SATISFIED:
                level = "satisfied"
            elif last.rating >= RATING_LIMIT_OK:
                level = "neutral"
            else:
                level = "dissatisfied"
            ticket.satisfaction = level
            ticket.satisfaction_score = last.rating
            ticket.satisfaction_comment = last.feedback or False
            ticket.satisfaction_date = last.write_date

    def _send_ticket_rating_mail(self, force_send=False):
        """Ask complainants to rate the handling once their complaint is closed.

        helpdesk_mgmt_rating sends the survey while the stage is written,
        before the complaint's step guards run: queue the mail instead of
        sending it at once, so that a refused closing sends nothing.
        """
        complaints = self.filtered("is_complaint")
        res = super(HelpdeskTicket, self - complaints)._send_ticket_rating_mail(
            force_send=force_send
        )
        to_rate = complaints.filtered(
            lambda t: (
                t.iso_step == "closed"
                and not t.anonymised
                and normalize_email_address(t.partner_id.email)
            )
        )
        if to_rate:
            super(HelpdeskTicket, to_rate)._send_ticket_rating_mail(force_send=False)
        return res

    @api.model
    def _iso_setup_rating_survey(self):
        stage = self.env.ref(
            "iso10002_complaints.stage_complaint_closed", raise_if_not_found=False
        )
        template = self.env.ref(
            "iso10002_complaints.mail_template_complaint_rating",
            raise_if_not_found=False,
        )
        if stage and template and not stage.rating_mail_template_id:
            stage.rating_mail_template_id = template

    def _iso_last_rating(self, answered=True):
        """The last rating of the handling: the last one the complainant
        answered, or (``answered=False``) the last survey still waiting for
        their answer. The one definition of "the last rating", read by the
        satisfaction fields and the portal."""
        self.ensure_one()
        if answered:
            ratings = self.rating_ids.filtered(lambda r: r.consumed and r.rating > 0)
        else:
            ratings = self.rating_ids.filtered(
                lambda r: not r.consumed and r.partner_id == self.partner_id
            )
        return ratings.sorted(lambda r: (r.write_date or datetime.min, r.id))[-1:]

    def _iso_pending_rating(self):
        """The complainant's unanswered satisfaction survey, if any."""
        self.ensure_one()
        # sudo: the portal shows the complainant their own survey
        return self.sudo()._iso_last_rating(answered=False)
