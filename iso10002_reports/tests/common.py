# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A fixed dataset of complaints in a company of their own.

All dates are in March 2025 (the reviewed period) and February 2025 (the
previous period), in UTC, far enough in the past for every deadline to be
due: the expected figures below are computed by hand in
``test_management_review``.
"""

from datetime import datetime

from odoo import Command
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import SQL

from .march_common import MarchDocumentsMixin
from .pdf_common import pdf_text

COMPLAINANT_NAME = "Zebulon Quxworth"
COMPLAINANT_EMAIL = "zebulon.quxworth@example.org"
COMPLAINANT_PHONE = "+32 470 99 88 77"
PERSONAL_STRINGS = (COMPLAINANT_NAME, "Quxworth", COMPLAINANT_EMAIL, "470 99 88 77")


# queries a bridge adds where installed (bridges/, the second CI
# configuration): iso10002_mgmtsystem counts the corrective actions of
# complaints (one query, and the write of the counts for the audit);
# iso10002_survey reads the survey answers (two aggregate queries: the
# invitations by state, the mean overall satisfaction)
BRIDGE_QUERIES = {
    "iso10002_mgmtsystem": {"review": 1, "audit": 2},
    "iso10002_survey": {"kpi": 2, "review": 2, "monitor": 2},
}


def bridge_queries(env, key):
    """The queries the installed bridges add to the measure ``key``."""
    installed = env["ir.module.module"].search(
        [("name", "in", list(BRIDGE_QUERIES)), ("state", "=", "installed")]
    )
    return sum(
        BRIDGE_QUERIES[module].get(key, 0) for module in installed.mapped("name")
    )


def dt(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


class IsoReportsCase(MarchDocumentsMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.main_company = cls.env.ref("base.main_company")
        cls.company = cls.env["res.company"].create(
            {"name": "ISO Reports Test Co", "currency_id": cls.env.ref("base.EUR").id}
        )
        cls.other_company = cls.env["res.company"].create(
            {"name": "ISO Reports Other Co", "currency_id": cls.env.ref("base.EUR").id}
        )
        companies = cls.company | cls.other_company | cls.main_company
        cls.manager = new_test_user(
            cls.env,
            login="iso_reports_manager",
            name="Rita Reviewer",
            groups="helpdesk_mgmt.group_helpdesk_manager,"
            "iso10002_complaints.group_complaint_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(companies.ids)],
            tz="UTC",
            lang="en_US",
        )
        cls.handler = new_test_user(
            cls.env,
            login="iso_reports_handler",
            name="Hugo Handler",
            groups="helpdesk_mgmt.group_helpdesk_user",
            company_id=cls.company.id,
            company_ids=[Command.set(companies.ids)],
            tz="UTC",
            lang="en_US",
        )
        cls.policy = cls.env["iso10002.complaint.policy"]._get_for_company(cls.company)
        cls.policy.write(
            {
                "auto_acknowledge": False,
                "objective_ack_on_time": 95.0,
                "objective_response_on_time": 90.0,
                "objective_satisfaction": 4.0,
            }
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Test complaints team",
                "is_complaint_team": True,
                "company_id": cls.company.id,
                "user_ids": [Command.set((cls.manager | cls.handler).ids)],
            }
        )
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Other company team",
                "is_complaint_team": True,
                "company_id": cls.other_company.id,
            }
        )
        category = cls.env["helpdesk.ticket.category"]
        cls.cat_quality = category.create({"name": "Quality T", "company_id": False})
        cls.cat_billing = category.create({"name": "Billing T", "company_id": False})
        product = cls.env["iso10002.complaint.product"]
        cls.prod_sofa = product.create({"name": "Sofa"})
        cls.prod_table = product.create({"name": "Table"})
        channel = cls.env["helpdesk.ticket.channel"]
        cls.ch_email = channel.create({"name": "Email T"})
        cls.ch_phone = channel.create({"name": "Phone T"})
        cls.ch_web = channel.create({"name": "Web T"})
        cls.complainant = cls.env["res.partner"].create(
            {
                "name": COMPLAINANT_NAME,
                "email": COMPLAINANT_EMAIL,
                "phone": COMPLAINANT_PHONE,
                "street": "12 Rue du Test",
                "city": "Brussels",
                "lang": "en_US",
            }
        )
        cls.stages = {
            step: cls.env.ref(f"iso10002_complaints.stage_complaint_{xmlid}")
            for step, xmlid in (
                ("received", "received"),
                ("acknowledged", "acknowledged"),
                ("investigating", "investigating"),
                ("closed", "closed"),
            )
        }

    # ------------------------------------------------------------------
    # Dataset
    # ------------------------------------------------------------------
    @classmethod
    def _complaint(cls, stage, dates, **values):
        """Create a complaint at ``stage``, then set its dates as given."""
        vals = {
            "name": f"{COMPLAINANT_NAME} complains",
            "description": f"<p>I, {COMPLAINANT_NAME}, am unhappy.</p>",
            "team_id": cls.team.id,
            "company_id": cls.team.company_id.id,
            "partner_id": cls.complainant.id,
            "partner_name": COMPLAINANT_NAME,
            "partner_email": COMPLAINANT_EMAIL,
            "received_date": dates["received_date"],
            "stage_id": cls.stages[stage].id,
            "consent_given": True,
        }
        vals.update(values)
        # the process dates given with the values stand for those set
        # below; none precedes the receipt (_check_process_dates)
        vals.update({k: v for k, v in dates.items() if k in vals})
        ticket = cls.env["helpdesk.ticket"].create(vals)
        cls._set_dates(ticket, dates)
        return ticket

    @classmethod
    def _set_dates(cls, ticket, dates):
        """Dates as if the complaint had been handled back then.

        Deadlines are stored computes and closing dates are set by the
        lifecycle at the time of the change: SQL gives fixed values.
        """
        assignments = SQL(", ").join(
            SQL("%s = %s", SQL.identifier(name), value) for name, value in dates.items()
        )
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL("UPDATE helpdesk_ticket SET %s WHERE id = %s", assignments, ticket.id)
        )
        ticket.invalidate_recordset()

    @classmethod
    def _rate(cls, ticket, value, consumed=True):
        return cls.env["rating.rating"].create(
            {
                "res_model_id": cls.env["ir.model"]._get_id("helpdesk.ticket"),
                "res_id": ticket.id,
                "rating": value,
                "consumed": consumed,
                "partner_id": cls.complainant.id,
                "feedback": f"Signed {COMPLAINANT_NAME}",
            }
        )

    @classmethod
    def _closed_values(cls, outcome, closure, reaction="accepted", remedies=()):
        return {
            "severity": "high",
            "ack_method": "email",
            "ack_date": dt("2025-03-01 00:00"),
            "response_summary": "<p>Our proposal.</p>",
            "decision_outcome": outcome,
            "decision": "<p>Our decision.</p>",
            "decision_user_id": cls.manager.id,
            "decision_date": dt("2025-03-01 00:00"),
            "reaction": reaction,
            "closure_reason": closure,
            "remedy_ids": [
                Command.create({"remedy_type": kind, "cost": cost})
                for kind, cost in remedies
            ],
        }

    @classmethod
    def _create_dataset(cls):
        """Five complaints in March 2025, two in February, three out of scope."""
        cls.c1 = cls._complaint(
            "closed",
            {
                "received_date": dt("2025-03-03 09:00"),
                "ack_date": dt("2025-03-03 12:00"),
                "ack_deadline": dt("2025-03-04 17:00"),
                "response_deadline": dt("2025-03-24 17:00"),
                "decision_date": dt("2025-03-10 09:00"),
                "closed_date": dt("2025-03-12 09:00"),
                "closed_by_id": cls.manager.id,
            },
            category_id=cls.cat_quality.id,
            channel_id=cls.ch_email.id,
            product_service="Sofa",
            root_cause="Supplier defect",
            safety_issue=True,
            **cls._closed_values(
                "upheld", "resolved", remedies=[("refund", 60.0), ("apology", 40.0)]
            ),
        )
        cls.c2 = cls._complaint(
            "closed",
            {
                "received_date": dt("2025-03-05 10:00"),
                "ack_date": dt("2025-03-06 10:00"),
                "ack_deadline": dt("2025-03-05 17:00"),
                "response_deadline": dt("2025-03-26 17:00"),
                "decision_date": dt("2025-03-25 10:00"),
                "closed_date": dt("2025-03-27 10:00"),
                "closed_by_id": cls.manager.id,
                "reopen_count": 1,
            },
            category_id=cls.cat_quality.id,
            channel_id=cls.ch_phone.id,
            product_service="Sofa",
            root_cause="Supplier defect",
            **cls._closed_values(
                "partially_upheld", "resolved", remedies=[("repair", 50.0)]
            ),
        )
        cls.c3 = cls._complaint(
            "closed",
            {
                "received_date": dt("2025-03-10 08:00"),
                "ack_date": dt("2025-03-10 10:00"),
                "ack_deadline": dt("2025-03-11 17:00"),
                "response_deadline": dt("2025-03-20 17:00"),
                "decision_date": dt("2025-03-28 08:00"),
                "closed_date": dt("2025-03-30 08:00"),
                "closed_by_id": cls.manager.id,
            },
            category_id=cls.cat_billing.id,
            channel_id=cls.ch_email.id,
            product_service="Table",
            root_cause="Carrier damage",
            **cls._closed_values(
                "not_upheld",
                "referred_external",
                reaction="rejected",
                remedies=[("explanation", 0.0)],
            ),
        )
        cls.c4 = cls._complaint(
            "investigating",
            {
                "received_date": dt("2025-03-20 12:00"),
                "ack_date": dt("2025-03-20 18:00"),
                "ack_deadline": dt("2025-03-21 17:00"),
                "response_deadline": dt("2025-04-10 17:00"),
            },
            category_id=cls.cat_quality.id,
            channel_id=cls.ch_web.id,
            severity="medium",
            ack_method="email",
            ack_date=dt("2025-03-20 18:00"),
            user_id=cls.handler.id,
        )
        cls.c5 = cls._complaint(
            "received",
            {
                "received_date": dt("2025-03-25 09:00"),
                "ack_deadline": dt("2025-03-26 17:00"),
                "response_deadline": dt("2025-03-31 12:00"),
            },
            channel_id=cls.ch_phone.id,
            user_id=False,
        )
        # ratings: C1's last rating is 5 (an earlier 1 is superseded), C2's
        # is 2; C3's request was never answered
        cls._rate(cls.c1, 1)
        cls._rate(cls.c1, 5)
        cls._rate(cls.c2, 2)
        cls._rate(cls.c3, 4, consumed=False)
        # the previous period: February 2025
        cls.p1 = cls._complaint(
            "closed",
            {
                "received_date": dt("2025-02-10 10:00"),
                "ack_date": dt("2025-02-10 11:00"),
                "ack_deadline": dt("2025-02-11 17:00"),
                "response_deadline": dt("2025-02-28 17:00"),
                "decision_date": dt("2025-02-20 10:00"),
                "closed_date": dt("2025-02-21 10:00"),
                "closed_by_id": cls.manager.id,
            },
            category_id=cls.cat_quality.id,
            channel_id=cls.ch_email.id,
            product_service="Sofa",
            **cls._closed_values("upheld", "resolved", remedies=[("refund", 10.0)]),
        )
        cls.p2 = cls._complaint(
            "closed",
            {
                "received_date": dt("2025-02-20 10:00"),
                "ack_date": dt("2025-02-22 10:00"),
                "ack_deadline": dt("2025-02-21 17:00"),
                "response_deadline": dt("2025-02-25 17:00"),
                "decision_date": dt("2025-02-26 10:00"),
                "closed_date": dt("2025-02-27 10:00"),
                "closed_by_id": cls.manager.id,
            },
            category_id=cls.cat_billing.id,
            channel_id=cls.ch_phone.id,
            **cls._closed_values("not_upheld", "not_upheld"),
        )
        # out of scope: April, another company, a plain ticket
        cls.april = cls._complaint(
            "received",
            {"received_date": dt("2025-04-02 10:00")},
            category_id=cls.cat_quality.id,
        )
        cls.other = cls._complaint(
            "received",
            {"received_date": dt("2025-03-12 10:00")},
            team_id=cls.other_team.id,
            company_id=cls.other_company.id,
            category_id=cls.cat_quality.id,
        )
        plain_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Plain team", "company_id": cls.company.id}
        )
        cls.plain = cls.env["helpdesk.ticket"].create(
            {
                "name": "Plain ticket",
                "description": "<p>Not a complaint</p>",
                "team_id": plain_team.id,
                "company_id": cls.company.id,
            }
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def render_pdf(self, report_ref, records):
        """Render with the real wkhtmltopdf and return the text of the PDF."""
        self.assertEqual(len(records), 1, "unpatched wkhtmltopdf: one record only")
        pdf, report_type = (
            records.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report_ref, res_ids=records.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf did not render a PDF")
        return pdf_text(pdf)

    def assertNoPersonalData(self, text, where):
        for needle in PERSONAL_STRINGS:
            self.assertNotIn(
                needle.lower(), text.lower(), f"{needle!r} found in {where}"
            )
