# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint's reference (7.2) and acknowledgement (7.4).

The other concerns of a complaint each have a file of their own (see
models/__init__.py for the list and the order of their overrides).
"""

import logging
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api, fields, models, modules
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tools import SQL, format_datetime

from .email_address import normalize_email_address

# imported from here by iso10002_reports
from .ticket_assessment import LEVELS  # noqa: F401
from .ticket_closing import CLOSURE_REASONS  # noqa: F401
from .ticket_deadlines import DEADLINE_STATUSES  # noqa: F401
from .ticket_decision import DECISION_OUTCOMES, REACTIONS  # noqa: F401

ACK_METHODS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("in_person", "In person"),
]
_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    complaint_ref = fields.Char(
        string="Complaint reference",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Reference given to the complainant, unique per company.",
    )
    # ------------------------------------------------------------------
    # Acknowledgement (7.4) and deadlines (7.3)
    # ------------------------------------------------------------------
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
        help="The acknowledgement email is sent right after the complaint is "
        "saved (or by the catch-up job a few minutes later).",
    )
    ack_deadline = fields.Datetime(
        string="Acknowledge by",
        compute="_compute_deadlines",
        store=True,
        copy=False,
    )

    # the catch-up job's two searches
    _ack_pending_idx = models.Index("(id) WHERE ack_pending")
    _complaint_unnumbered_idx = models.Index(
        "(id) WHERE is_complaint AND complaint_ref IS NULL"
    )

    # ------------------------------------------------------------------
    # Lifecycle helpers
    # ------------------------------------------------------------------
    def _iso_assign_reference(self):
        """Number the complaints without a reference, gaplessly per company.

        The numbers of a batch are reserved in one update of the company's
        no-gap sequence. When a concurrent transaction holds that sequence
        (or has just moved it), the numbering waits until right after the
        commit (:meth:`_iso_after_commit`) instead of failing the creation:
        the complaint is stored, its reference follows, still gapless.
        """
        todo = self.filtered(lambda t: t.is_complaint and not t.complaint_ref)
        deferred = self.browse()
        for company, tickets in todo.grouped("company_id").items():
            sequence = company._get_complaint_sequence()
            try:
                with self.env.cr.savepoint(flush=False):
                    first = tickets._iso_reserve_numbers(sequence, wait=False)
            except (pg_errors.LockNotAvailable, pg_errors.SerializationFailure):
                deferred |= tickets
                continue
            tickets._iso_set_references(sequence, first)
        if deferred:
            _logger.info(
                "Complaints %s: reference sequence busy, numbered after the commit",
                deferred.ids,
            )
            deferred._iso_after_commit()

    def _iso_reserve_numbers(self, sequence, wait):
        """Reserve ``len(self)`` numbers of the no-gap ``sequence``; return
        the first. As ``ir.sequence`` does for one number (``_update_nogap``),
        with ``NOWAIT`` unless ``wait``."""
        first = self._iso_lock_sequence(sequence, wait)
        self.env.cr.execute(
            SQL(
                "UPDATE ir_sequence SET number_next = number_next + %s WHERE id = %s",
                len(self) * sequence.number_increment,
                sequence.id,
            )
        )
        sequence.invalidate_recordset(["number_next"])
        return first

    def _iso_lock_sequence(self, sequence, wait):
        """Lock the sequence's row (``NOWAIT`` unless ``wait``); return its
        next number."""
        sequence.flush_recordset(["number_next"])
        lock = SQL("FOR UPDATE") if wait else SQL("FOR UPDATE NOWAIT")
        # a busy sequence is an expected, handled case: not a "bad query"
        self.env.cr.execute(
            SQL(
                "SELECT number_next FROM ir_sequence WHERE id = %s %s",
                sequence.id,
                lock,
            ),
            log_exceptions=False,
        )
        return self.env.cr.fetchone()[0]

    def _iso_set_references(self, sequence, first):
        # the year of the reference is the year of receipt
        for offset, ticket in enumerate(self):
            number = first + offset * sequence.number_increment
            ticket.complaint_ref = sequence.with_context(
                ir_sequence_date=ticket.received_date
            ).get_next_char(number)

    def _iso_after_commit(self):
        """Finish these complaints right after the commit, in short
        transactions of their own: references deferred by a busy sequence,
        then acknowledgements (the mail rendering stays out of the creating
        transaction). What fails there is caught up by a cron job."""
        # filed online by the complainant (portal, public form): numbering
        # and acknowledging are the organisation's acts, OdooBot's as for
        # mail intake, never the complainant's
        tickets = self.with_user(SUPERUSER_ID) if self.env.user.share else self
        if modules.module.current_test:
            # as mail.mail.send_after_commit: at once on the test cursor,
            # which never commits
            tickets._iso_finish_after_commit()
            return
        postcommit = self.env.cr.postcommit
        pending = postcommit.data.setdefault("iso10002_complaints.after_commit", set())
        if not pending:
            dbname, uid, su = self.env.cr.dbname, tickets.env.uid, tickets.env.su
            context = dict(self.env.context)

            @postcommit.add
            def finish_complaints():
                ids = sorted(pending)
                registry = Registry(dbname)
                for step in ("_iso_finish_numbering", "_iso_finish_acknowledgements"):
                    try:
                        # each step in a transaction of its own, committed
                        # when the cursor closes
                        with registry.cursor() as cr:
                            if step == "_iso_finish_numbering":
                                # waits for the sequence and needs its last
                                # committed value: read committed (repeatable
                                # read fails whenever another creation
                                # committed meanwhile)
                                cr.execute(
                                    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED"
                                )
                            env = api.Environment(cr, uid, context, su=su)
                            getattr(env["helpdesk.ticket"].browse(ids), step)()
                    except Exception:
                        _logger.exception(
                            "Complaints %s: %s failed after the commit; the "
                            "catch-up job will retry.",
                            ids,
                            step,
                        )

        pending.update(self.ids)

    def _iso_finish_after_commit(self):
        self._iso_finish_numbering()
        self._iso_finish_acknowledgements()

    def _iso_finish_numbering(self):
        unnumbered = self.exists().filtered(
            lambda t: t.is_complaint and not t.complaint_ref
        )
        unnumbered._iso_assign_waiting_references()

    def _iso_finish_acknowledgements(self):
        # never acknowledge without the reference the email gives
        self.exists().filtered(
            lambda t: t.ack_pending and t.complaint_ref
        )._iso_send_pending_acknowledgements()

    def _iso_assign_waiting_references(self):
        """Number complaints stored without a reference: wait for the
        sequence instead of giving up."""
        for company, tickets in self.grouped("company_id").items():
            sequence = company._get_complaint_sequence()
            self._iso_lock_sequence(sequence, wait=True)
            # under the sequence's lock, read again: the catch-up job (or
            # another hook) may have numbered some of them meanwhile
            tickets.invalidate_recordset(["complaint_ref"])
            tickets = tickets.filtered(lambda t: not t.complaint_ref)
            if tickets:
                first = tickets._iso_reserve_numbers(sequence, wait=True)
                tickets._iso_set_references(sequence, first)

    def _iso_has_email(self):
        """The complainant can be written to (acknowledgement, decision):
        the address the templates mail to is one valid address."""
        self.ensure_one()
        address = self.partner_id.email if self.partner_id else self.partner_email
        return bool(normalize_email_address(address))

    def _iso_send_pending_acknowledgements(self):
        # acknowledged meanwhile (e.g. by phone), or no address any more
        moot = self.filtered(lambda t: t.ack_date or not t._iso_has_email())
        if moot:
            moot.ack_pending = False
        for ticket in self - moot:
            ticket._iso_send_acknowledgement()

    @api.model
    def _cron_iso_catch_up(self):
        """Complaints left unnumbered or unacknowledged by a failure after
        their commit (a crash, a mail server error): finish them."""
        # sudo: a system job over every company's complaints
        tickets = self.sudo().with_context(active_test=False)
        unnumbered = tickets.search(
            [("is_complaint", "=", True), ("complaint_ref", "=", False)]
        )
        unnumbered._iso_assign_waiting_references()
        # leave a few minutes to the acknowledgement after the commit
        pending = tickets.search(
            [
                ("ack_pending", "=", True),
                ("create_date", "<", fields.Datetime.now() - timedelta(minutes=5)),
            ]
        )
        pending.filtered("complaint_ref")._iso_send_pending_acknowledgements()

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

    def _iso_auto_acknowledge(self):
        """Acknowledge on receipt by email when the policy says so: right
        after the commit (:meth:`_iso_after_commit`)."""
        policies = self._iso_policies()
        to_ack = self.filtered(
            lambda t: (
                policies[t.company_id].auto_acknowledge
                and not t.ack_date
                and t._iso_has_email()
            )
        )
        if to_ack:
            to_ack.ack_pending = True
            to_ack._iso_after_commit()

    def _iso_send_acknowledgement(self, policy=None):
        self.ensure_one()
        policy = policy or self.env["iso10002.complaint.policy"]._get_for_company(
            self.company_id
        )
        template = policy.ack_template_id or self.env.ref(
            "iso10002_complaints.mail_template_complaint_ack"
        )
        self.message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        values = {
            "ack_date": fields.Datetime.now(),
            "ack_method": "email",
            "ack_pending": False,
        }
        ack_stage = self._iso_stage_for_step("acknowledged")
        if ack_stage and self.iso_step == "received":
            values["stage_id"] = ack_stage.id
        self.write(values)

    def _iso_stage_for_step(self, step):
        self.ensure_one()
        stages = self.team_id.with_context(
            iso10002_complaint_stages=True
        )._get_applicable_stages()
        return stages.filtered(lambda s: s.iso_step == step)[:1]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _iso_ensure_complaints(self):
        if not all(self.mapped("is_complaint")):
            raise UserError(self.env._("This action applies to complaints only."))

    def action_send_acknowledgement(self):
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
            ticket._iso_send_acknowledgement()
        return True

    def action_record_acknowledgement(self):
        """Record an acknowledgement given by phone, letter or in person."""
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
