# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixture of the attack-surface test: the access-matrix roles plus a team
leader complained about, and two confidential complaints with data in every
channel (no test methods here)."""

import base64
import re

from odoo import Command, fields
from odoo.tests import HttpCase
from odoo.tools import SQL

from odoo.addons.iso10002_complaints.models.system_write import system_write
from odoo.addons.iso10002_complaints.tests.access_common import AccessFixtureMixin

# every text of the confidential complaints carries this marker
MARKER = "ISOSEC-CONF"
MARKER_RE = re.compile(r"ISOSEC[- _]CONF", re.IGNORECASE)


class SurfaceFixtureMixin(AccessFixtureMixin):
    @classmethod
    def _setup_surface_fixture(cls):
        cls._setup_access_fixture()
        env = cls.env
        Users = env["res.users"].with_context(no_reset_password=True)
        cls.users["team_leader_subject"] = Users.create(
            {
                "name": "Iso Sec Leader Subject",
                "login": "iso_sec_leader_subject",
                "password": "iso_sec_leader_subject",
                "email": "iso_sec_leader_subject@example.com",
                "company_id": cls.company.id,
                "company_ids": [Command.set(cls.company.ids)],
                "group_ids": [
                    Command.set(
                        [
                            env.ref("helpdesk_mgmt.group_helpdesk_user_team").id,
                            env.ref("iso10002_complaints.group_complaint_handler").id,
                        ]
                    )
                ],
            }
        )
        cls.roles = (*cls.roles, "team_leader_subject")
        leader_subject = cls.users["team_leader_subject"]
        cls.team_subject = env["helpdesk.ticket.team"].create(
            {
                "name": "ISO sec complaints B",
                "is_complaint_team": True,
                "company_id": cls.company.id,
                "user_id": leader_subject.id,
                "user_ids": [Command.set((leader_subject | cls.users["handler"]).ids)],
            }
        )
        # the complaint about the leader of its own team (finding 6)
        cls.records["confidential_subject"] = env["helpdesk.ticket"].create(
            dict(
                cls.record_vals["confidential"],
                name="Leader was rude ISOSEC-CONF-SUBJECT",
                team_id=cls.team_subject.id,
                subject_user_ids=[Command.set(leader_subject.ids)],
            )
        )
        cls.targets = cls.records["confidential"] | cls.records["confidential_subject"]
        # regulated firms: the clock may stop (a clock stop in the channels)
        cls.policy.clock_stop_allowed = True
        cls.channels = {t.id: cls._fill_channels(t) for t in cls.targets}
        cls.refs = [ref for ref in cls.targets.mapped("complaint_ref") if ref]
        cls._fill_reports()
        cls._fill_bridges()
        env.flush_all()

    @classmethod
    def _fill_bridges(cls):
        """Complaint data the installed bridges (bridges/) hold."""
        env = cls.env
        ncs = env.registry.get("mgmtsystem.nonconformity")
        if ncs is not None and "complaint_ids" in ncs._fields:
            # iso10002_mgmtsystem: a nonconformity and its corrective action
            # opened from the confidential complaint (its root cause)
            complaint = cls.records["confidential"]
            env["mgmtsystem.nonconformity"]._open_for_complaints(
                complaint, complaint.root_cause, complaint.company_id
            )
        inputs = env.registry.get("survey.user_input")
        if inputs is not None and "helpdesk_ticket_id" in inputs._fields:
            # iso10002_survey: the complainant's answers to the satisfaction
            # survey of the confidential complaint, a comment included
            survey = env.ref("iso10002_survey.survey_complaint_handling")
            complaint = cls.records["confidential"]
            answer = survey._create_answer(
                partner=complaint.partner_id,
                check_attempts=False,
                helpdesk_ticket_id=complaint.id,
            )
            comment = survey.question_ids.filtered(
                lambda q: q.question_type == "text_box"
            )
            answer._save_lines(comment, f"{MARKER} survey comment")
        if "iso10002.complaint.log.wizard" in env:
            # iso10002_contact: an employee's complaint, logged from the
            # contact form (the wizard keeps what was typed)
            env["iso10002.complaint.log.wizard"].create(
                {
                    "partner_id": cls.partner_complainant.id,
                    "name": f"{MARKER} logged by phone",
                    "description": f"{MARKER} what the customer said",
                }
            )
        orders = env.registry.get("sale.order")
        if orders is not None and "ticket_ids" in orders._fields:
            # helpdesk_mgmt_sale (iso10002_sale): an order of the
            # complainant that the confidential complaint is about
            env["sale.order"].create(
                {
                    "partner_id": cls.partner_complainant.id,
                    "ticket_ids": [Command.link(cls.records["confidential"].id)],
                }
            )
        if "invoice_id" in env["helpdesk.ticket"]._fields:
            # iso10002_account: the confidential complaint names the
            # complainant's invoice, and its remedy its credit note
            complaint = cls.records["confidential"]
            moves = env["account.move"].create(
                [
                    {
                        "move_type": move_type,
                        "company_id": complaint.company_id.id,
                        "partner_id": cls.partner_complainant.id,
                        "invoice_line_ids": [
                            Command.create({"name": "Kettle", "price_unit": 42.0})
                        ],
                    }
                    for move_type in ("out_invoice", "out_refund")
                ]
            )
            complaint.invoice_id = moves[0]
            with system_write():
                complaint.remedy_ids[:1].refund_move_id = moves[1]

    @classmethod
    def _fill_channels(cls, ticket):
        """Data of ``ticket`` in every channel; returns {channel: id}."""
        env = cls.env
        handler = cls.users["handler"]
        ticket.message_subscribe(
            partner_ids=(cls.partner_complainant | handler.partner_id).ids
        )
        ticket.write(
            {
                "severity": "high",
                "root_cause": f"{MARKER} root cause",
                "investigation_findings": f"<p>{MARKER} findings</p>",
                "response_summary": f"<p>{MARKER} response</p>",
                "decision_outcome": "upheld",
                "decision": f"<p>{MARKER} decision</p>",
                "remedy_ids": [
                    Command.create(
                        {
                            "remedy_type": "apology",
                            "description": f"{MARKER} remedy",
                            "cost": 42.0,
                        }
                    )
                ],
            }
        )
        ticket.ack_date = ticket.ack_date or fields.Datetime.now()
        note = ticket.message_post(
            body=f"{MARKER} internal note",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        # a tracked change: tracking values with the old and new title
        ticket.name = f"{ticket.name} renamed {MARKER}"
        activity = ticket.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=f"{MARKER} activity",
            note=f"{MARKER} activity note",
            user_id=handler.id,
        )
        attachment = env["ir.attachment"].create(
            {
                "name": f"{MARKER}.txt",
                "res_model": "helpdesk.ticket",
                "res_id": ticket.id,
                "datas": base64.b64encode(f"{MARKER} attachment".encode()),
                "mimetype": "text/plain",
            }
        )
        rating = env["rating.rating"].create(
            {
                "res_model_id": env["ir.model"]._get_id("helpdesk.ticket"),
                "res_id": ticket.id,
                "partner_id": cls.partner_complainant.id,
                "rated_partner_id": handler.partner_id.id,
                "rating": 5,
                "feedback": f"{MARKER} feedback",
                "consumed": True,
            }
        )
        wizard = env["iso10002.complaint.conflict.wizard"].create(
            {"ticket_id": ticket.id}
        )
        log = env["iso10002.complaint.intake.log"].create(
            {
                "ticket_id": ticket.id,
                "email": "ada.lovelace@acme-kettles.example",
                "ip_address": "192.0.2.7",
                "channel": "public",
            }
        )
        # vulnerability and needs (4.5), and a clock stop with its reason
        ticket.write(
            {
                "vulnerability_health": True,
                "preferred_lang": f"{MARKER} language",
                "support_needs": f"{MARKER} support needs",
            }
        )
        clock_stop = ticket._iso_stop_clock(f"{MARKER} clock stop reason")
        # the decision, communicated: the complainant may react (7.8)
        ticket.action_communicate_decision()
        return {
            "clock_stop": clock_stop.id,
            "note": note.id,
            "activity": activity.id,
            "attachment": attachment.id,
            "rating": rating.id,
            "conflict_wizard": wizard.id,
            "intake_log": log.id,
        }

    @classmethod
    def _fill_reports(cls):
        """A management review and an audit over a period with both."""
        env = cls.env
        today = fields.Date.context_today(env.user)
        period = {
            "date_from": fields.Date.subtract(today, days=30),
            "date_to": fields.Date.add(today, days=1),
            "company_id": cls.company.id,
        }
        cls.review = env["iso10002.management.review"].create(dict(period))
        cls.audit = env["iso10002.complaint.audit"].create(dict(period))
        cls.audit.action_collect_evidence()
        cls.monitor = env["iso10002.complaint.monitor"].create({})

    def _snapshot(self, ticket):
        """What a request may change on a complaint and in its channels (one
        query: it runs around every HTTP call)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT t.write_date, t.stage_id, t.iso_step, t.user_id, t.reaction,
                   t.access_token,
                   ARRAY(SELECT id FROM mail_message
                          WHERE model = 'helpdesk.ticket' AND res_id = t.id
                          ORDER BY id),
                   ARRAY(SELECT id FROM mail_followers
                          WHERE res_model = 'helpdesk.ticket' AND res_id = t.id
                          ORDER BY id),
                   ARRAY(SELECT id FROM mail_activity
                          WHERE res_model = 'helpdesk.ticket' AND res_id = t.id
                          ORDER BY id),
                   ARRAY(SELECT id FROM ir_attachment
                          WHERE res_model = 'helpdesk.ticket' AND res_id = t.id
                          ORDER BY id),
                   ARRAY(SELECT id FROM iso10002_complaint_remedy
                          WHERE ticket_id = t.id ORDER BY id)
              FROM helpdesk_ticket t
             WHERE t.id = %s
                """,
                ticket.id,
            )
        )
        keys = (
            "write_date",
            "stage",
            "step",
            "user",
            "reaction",
            "token",
            "messages",
            "followers",
            "activities",
            "attachments",
            "remedies",
        )
        values = dict(zip(keys, self.env.cr.fetchone(), strict=True))
        self.env.invalidate_all()
        return values


class SurfaceHttpCase(SurfaceFixtureMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_surface_fixture()

    def leaks(self, text):
        """The confidential data found in ``text`` (empty: none)."""
        text = str(text)
        found = MARKER_RE.findall(text)
        found += [ref for ref in self.refs if ref in text]
        return found
