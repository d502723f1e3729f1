# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Acknowledgement (ISO 10002:2018 7.4).

A complaint whose complainant has an email address is acknowledged by
email when the policy says so. The creating request only flags it
(``ack_pending``) and triggers the scheduler's job (``ir.cron._trigger()``,
as mail's scheduled messages do; over HTTP the workers are woken once the
answer is sent, ir_cron_wake.py): the mail is rendered by the cron worker
right after the commit, outside the request. The job is idempotent (a
complaint acknowledged meanwhile, e.g. by phone, is not sent twice) and
works by batches: one transaction per batch, the template rendered once per
batch. When a batch fails, its complaints are taken again one transaction
each: a complaint whose acknowledgement fails keeps its flag and is retried
at the next run without holding up the others.
"""

import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import format_datetime

from .system_write import records_facts

ACK_METHODS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("in_person", "In person"),
]

_logger = logging.getLogger(__name__)

ACK_CRON_XMLID = "iso10002_complaints.ir_cron_complaint_acknowledge"
# complaints acknowledged per transaction (mail's own batch size); the job
# takes batches until none is pending or its time is up (the scheduler then
# runs it again at once)
ACK_BATCH_SIZE = 50


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    ack_date = fields.Datetime(
        string="Acknowledged on", copy=False, tracking=True, readonly=True
    )
    ack_method = fields.Selection(
        ACK_METHODS, string="Acknowledged by", copy=False, tracking=True
    )
    ack_pending = fields.Boolean(
        string="Acknowledgement pending",
        copy=False,
        readonly=True,
        help="The acknowledgement email is queued: the scheduled action "
        "'Complaints: send pending acknowledgements' sends it within moments "
        "of the save (and retries it if it fails).",
    )

    # the job's search
    _ack_pending_idx = models.Index("(id) WHERE ack_pending")

    @records_facts
    def _iso_auto_acknowledge(self):
        """Acknowledge on receipt by email when the policy says so: flag
        the complaints and trigger the job (:meth:`_cron_iso_send_acknowledgements`)."""
        policies = self._iso_policies()
        to_ack = self.filtered(
            lambda t: (
                policies[t.company_id]._facts().auto_acknowledge
                and not t.ack_date
                and t._iso_has_email()
            )
        )
        if to_ack:
            to_ack.ack_pending = True
            to_ack._iso_trigger_acknowledgements()

    def _iso_trigger_acknowledgements(self):
        # the id from ir.model.data's cache: no query (env.ref checks exists)
        cron = self.env["ir.cron"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                ACK_CRON_XMLID, raise_if_not_found=False
            )
        )
        if cron:
            # the workers woken once the HTTP answer is sent (ir_cron_wake.py)
            cron._iso_trigger_after_answer()
        else:
            _logger.warning(
                "Complaints %s: the acknowledgement job %s is missing; the "
                "acknowledgements stay pending.",
                self.ids,
                ACK_CRON_XMLID,
            )

    @api.model
    def _cron_iso_send_acknowledgements(self, batch_size=ACK_BATCH_SIZE):
        """Send the pending acknowledgements, oldest first, one transaction
        per batch of ``batch_size`` complaints, while the job has time.

        No batch is started once the time is up: the rest is reported as
        remaining and the scheduler runs the job again at once, after the
        other jobs due (its worker's watchdog never sees a long run)."""
        # sudo: a system job over every company's complaints
        tickets = self.sudo().with_context(active_test=False)
        cron = self.env["ir.cron"]
        pending = Domain("ack_pending", "=", True)
        time_left = cron._commit_progress(remaining=tickets.search_count(pending))
        last_id = 0
        while time_left and (
            batch := tickets.search(
                pending & Domain("id", ">", last_id), order="id", limit=batch_size
            )
        ):
            if batch._iso_try_acknowledge():
                last_id = batch[-1].id
                time_left = cron._commit_progress(len(batch))
                continue
            # one transaction per complaint, so that only the failing ones
            # stay pending; a failure counts as done for this run (no
            # immediate loop on it): retried at the next run
            for ticket in batch:
                ticket._iso_try_acknowledge(log_failure=True)
                last_id = ticket.id
                time_left = cron._commit_progress(1)
                if not time_left:
                    break
        if not time_left and last_id:
            cron._commit_progress(
                remaining=tickets.search_count(pending & Domain("id", ">", last_id))
            )

    def _iso_try_acknowledge(self, log_failure=False):
        """Acknowledge the pending complaints of self, all or none: whether
        it succeeded (on failure, nothing of it is kept)."""
        try:
            with self.env.cr.savepoint():
                self._iso_send_pending_acknowledgements()
        except Exception:
            if log_failure:
                _logger.exception(
                    "Complaint %s: the acknowledgement failed; retried at the "
                    "next run.",
                    ",".join(map(str, self.ids)),
                )
            else:
                _logger.warning(
                    "Complaints %s: the acknowledgements failed together; "
                    "taken again one by one.",
                    self.ids,
                )
            return False
        return True

    @records_facts
    def _iso_send_pending_acknowledgements(self):
        # acknowledged meanwhile (e.g. by phone), or no address any more
        moot = self.filtered(
            lambda t: not t.ack_pending or t.ack_date or not t._iso_has_email()
        )
        if moot:
            moot.ack_pending = False
        (self - moot)._iso_send_acknowledgement()

    @records_facts
    def _iso_send_acknowledgement(self):
        """Acknowledge the complaints of self by email: one message each,
        the template rendered once for the complaints that share it."""
        if not self:
            return
        policies = self._iso_policies()
        default_template = self.env.ref(
            "iso10002_complaints.mail_template_complaint_ack"
        )
        by_template = defaultdict(self.browse)
        for ticket in self:
            template = policies[ticket.company_id].ack_template_id
            by_template[template or default_template] |= ticket
        subtype_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        for template, tickets in by_template.items():
            # what message_post_with_source does per record, for the batch:
            # a composer in comment mode on several records renders the
            # template once for all of them, then posts on each
            self.env["mail.compose.message"].with_context(
                default_composition_mode="comment",
                default_model=self._name,
                default_res_ids=tickets.ids,
                default_template_id=template.id,
            ).create(
                {"message_type": "comment", "subtype_id": subtype_id}
            )._action_send_mail()
        # received complaints move to their team's acknowledged stage
        stages = {}
        by_stage = defaultdict(self.browse)
        for ticket in self:
            if ticket.team_id not in stages:
                stages[ticket.team_id] = ticket._iso_stage_for_step("acknowledged")
            stage = stages[ticket.team_id] if ticket.iso_step == "received" else None
            by_stage[stage] |= ticket
        now = fields.Datetime.now()
        for stage, tickets in by_stage.items():
            values = {"ack_date": now, "ack_method": "email", "ack_pending": False}
            if stage:
                values["stage_id"] = stage.id
            tickets.write(values)

    @records_facts
    def action_send_acknowledgement(self):
        self._iso_check_not_subject()
        self._iso_ensure_complaints()
        for ticket in self:
            if ticket.ack_date and ticket.ack_method == "email":
                # e.g. acknowledged right after its creation, in a form
                # opened before that (an acknowledgement by phone may still
                # be confirmed by email)
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s was already acknowledged by email on "
                        "%(date)s.",
                        ref=ticket.complaint_ref,
                        date=format_datetime(self.env, ticket.ack_date),
                    )
                )
            if not ticket._iso_has_email():
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s has no email address to acknowledge to. "
                        "Add the complainant's email, or record an acknowledgement "
                        "made by phone, letter or in person.",
                        ref=ticket.complaint_ref,
                    )
                )
        self._iso_send_acknowledgement()
        return True

    @records_facts
    def action_record_acknowledgement(self):
        """Record an acknowledgement given by phone, letter or in person."""
        self._iso_check_not_subject()
        self._iso_ensure_complaints()
        for ticket in self:
            if not ticket.ack_method or ticket.ack_method == "email":
                raise UserError(
                    self.env._(
                        "Choose how the acknowledgement was given (phone, letter "
                        "or in person) before recording it; to acknowledge by "
                        "email, use Send acknowledgement."
                    )
                )
            values = {"ack_date": fields.Datetime.now()}
            ack_stage = ticket._iso_stage_for_step("acknowledged")
            if ack_stage and ticket.iso_step == "received":
                values["stage_id"] = ack_stage.id
            ticket.write(values)
            ticket.message_post(
                body=self.env._(
                    "Acknowledgement given by %(method)s.",
                    method=dict(ACK_METHODS)[ticket.ack_method],
                )
            )
        return True
