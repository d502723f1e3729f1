# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Erasure of a complaint's personal data once its retention is over (4.10).

What goes: everything that names, reaches or quotes the complainant and
anyone else outside the organisation, wherever the complaint left it: the
complaint's own fields (``PERSONAL_FIELDS``, the one list every step
reads), message bodies, subjects, addresses and headers, outgoing mails,
delivery records, tracking values of personal or free-text fields,
activities (planned and done), attachments with their files in the
filestore, ratings' feedback and raters, external followers, remedies'
descriptions, the intake log and the contact the intake created.

What stays: what the figures (8.2 to 8.6) count: dates, steps, stage and
tracking of the steps, assessment, outcome, reaction and closure reason,
remedy types and costs, ratings' scores, the product line, the handlers and
the root cause. The root cause is kept: it is the staff's classification
of the cause, used by the Pareto analysis, and must name no one.
"""

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .iso_steps import TERMINAL_STEPS
from .system_write import records_facts
from .ticket_anonymisation_chatter import internal_partners

MANAGER_GROUP = "iso10002_complaints.group_complaint_manager"

# The complainant's data on the complaint, and how it is erased:
# "clear": emptied; "placeholder": replaced by "Anonymised" when filled,
# since figures and step requirements count that it was filled (e.g. a
# proposed response); "title": "Anonymised complaint <reference>".
PERSONAL_FIELDS = {
    "name": "title",
    "description": "placeholder",
    "partner_id": "clear",
    "partner_name": "placeholder",
    "partner_email": "clear",
    "email_cc": "clear",
    "representative_id": "clear",
    "product_service": "clear",
    "order_reference": "clear",
    "incident_date": "clear",
    "incident_place": "clear",
    "remedy_requested": "clear",
    "immediate_action": "placeholder",
    "investigation_findings": "placeholder",
    "response_summary": "placeholder",
    "decision": "placeholder",
    "reaction_note": "clear",
    "charge_justification": "placeholder",
    "access_token": "clear",
}
# tracked values of these kinds quote people or what they wrote (a
# many2one's tracking keeps the display name of the partner or ticket)
FREE_TEXT_TYPES = ("char", "text", "html")
NAMED_MODELS = ("res.partner", "helpdesk.ticket")
# what of the contact created by the intake is erased before archiving it
CONTACT_FIELDS = (
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
    "vat",
    "website",
    "comment",
    "function",
    "ref",
    "company_name",
    "barcode",
    "image_1920",
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    anonymised = fields.Boolean(readonly=True, copy=False, index="btree_not_null")
    anonymised_date = fields.Datetime(string="Anonymised on", readonly=True, copy=False)

    @api.model
    def _iso_personal_fields(self):
        return set(PERSONAL_FIELDS)

    @api.model
    def _iso_personal_tracking(self, field_name):
        """Whether tracked values of this field may quote a person."""
        field = self._fields.get(field_name)
        return (
            field is None
            or field_name in PERSONAL_FIELDS
            or field.type in FREE_TEXT_TYPES
            or (field.relational and field.comodel_name in NAMED_MODELS)
        )

    @records_facts
    def _iso_anonymise(self):
        """Irreversibly erase the personal data of these closed complaints,
        keeping the figures of the analysis (see the module's docstring)."""
        self._iso_check_not_subject()
        complaints = self.filtered(lambda t: t.is_complaint and not t.anonymised)
        if not complaints:
            return
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._("Only complaint managers can anonymise complaints.")
            )
        open_ones = complaints.filtered(lambda t: t.iso_step not in TERMINAL_STEPS)
        if open_ones:
            raise UserError(
                self.env._(
                    "Only closed complaints can be anonymised: %(refs)s is still open.",
                    refs=", ".join(open_ones.mapped("complaint_ref")),
                )
            )
        # sudo: erasure must reach messages, mails, activities, attachments,
        # ratings, followers, logs and contacts the manager cannot write to
        sudo_complaints = complaints.sudo().with_context(
            mail_notrack=True, active_test=False
        )
        # changes made earlier in this transaction are tracked at the commit,
        # after the erasure: track them now, so that they are erased too
        self.env.flush_all()
        sudo_complaints._track_finalize()
        messages = sudo_complaints._iso_messages()
        contacts = sudo_complaints._iso_contact_candidates(messages)
        # everything holding files, gathered before their bodies are erased
        attachments = sudo_complaints._iso_attachments(messages)
        sudo_complaints._iso_erase_activities()
        sudo_complaints._iso_erase_messages(messages)
        sudo_complaints._iso_erase_texts_and_letters(messages)
        fnames = attachments.mapped("store_fname")
        attachments.unlink()
        sudo_complaints.message_unsubscribe(
            partner_ids=(
                sudo_complaints.message_partner_ids
                - internal_partners(sudo_complaints.message_partner_ids)
            ).ids
        )
        sudo_complaints.remedy_ids.write({"description": False})
        self.env["iso10002.complaint.intake.log"].sudo().search(
            [("ticket_id", "in", complaints.ids)]
        ).unlink()
        sudo_complaints._iso_erase_fields()
        sudo_complaints._iso_erase_links_tracked_elsewhere()
        sudo_complaints._iso_erase_ratings()
        sudo_complaints._iso_erase_contacts(contacts)
        self.env["ir.attachment"].sudo()._iso_remove_files_after_commit(fnames)
        for ticket in complaints:
            ticket.message_post(
                body=self.env._(
                    "Personal data erased (anonymised) by %(user)s.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # The complaint, its ratings and its contact (the chatter: in
    # ticket_anonymisation_chatter.py), each step on the sudo-ed complaints
    # ------------------------------------------------------------------
    def _iso_erase_fields(self):
        placeholder = self.env._("Anonymised")
        now = fields.Datetime.now()
        for ticket in self:
            values = {"anonymised": True, "anonymised_date": now}
            for name, how in PERSONAL_FIELDS.items():
                field = ticket._fields[name]
                if how == "title":
                    values[name] = self.env._(
                        "Anonymised complaint %(ref)s", ref=ticket.complaint_ref
                    )
                elif how == "clear":
                    values[name] = False
                elif ticket[name]:
                    values[name] = (
                        Markup("<p>%s</p>") % placeholder
                        if field.type == "html"
                        else placeholder
                    )
            ticket.write(values)

    def _iso_erase_links_tracked_elsewhere(self):
        """Another record's chatter that tracked a link to these complaints
        (e.g. a ticket marked as their duplicate) keeps their old display
        name: it now reads the anonymised one."""
        values = self.env["mail.tracking.value"].search(
            [
                ("field_id.relation", "=", self._name),
                ("field_id.ttype", "=", "many2one"),
                "|",
                ("old_value_integer", "in", self.ids),
                ("new_value_integer", "in", self.ids),
            ]
        )
        names = {ticket.id: ticket.display_name for ticket in self}
        for value in values:
            value.write(
                {
                    f"{side}_value_char": names[value[f"{side}_value_integer"]]
                    for side in ("old", "new")
                    if value[f"{side}_value_integer"] in names
                }
            )

    def _iso_erase_ratings(self):
        """Feedback, rater, the staff's reply and the link of the survey.

        In SQL: a write would date the ratings today, and "the last rating"
        of a complaint, which the satisfaction figures read, is the last
        one written.
        """
        ratings = self.env["rating.rating"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        )
        if not ratings:
            return
        self.env.flush_all()
        external_raters = ratings.rated_partner_id - internal_partners(
            ratings.rated_partner_id
        )
        names = {ticket.id: ticket.display_name for ticket in self}
        self.env.cr.execute(
            SQL(
                """
                UPDATE rating_rating r
                   SET feedback = NULL,
                       publisher_comment = NULL,
                       partner_id = NULL,
                       rated_partner_id = CASE WHEN r.rated_partner_id IN %(ext)s
                                          THEN NULL ELSE r.rated_partner_id END,
                       -- the survey's link dies: a token no one has
                       access_token = replace(gen_random_uuid()::text, '-', ''),
                       res_name = n.name
                  FROM unnest(%(ids)s::int[], %(names)s::varchar[]) AS n(id, name)
                 WHERE r.res_id = n.id AND r.id IN %(ratings)s
                """,
                ext=tuple(external_raters.ids) or (0,),
                ids=list(names),
                names=list(names.values()),
                ratings=tuple(ratings.ids),
            )
        )
        fnames = [
            "feedback",
            "publisher_comment",
            "partner_id",
            "rated_partner_id",
            "access_token",
            "res_name",
        ]
        ratings.invalidate_recordset(fnames)
        ratings.modified(fnames)

    # ------------------------------------------------------------------
    # The contact the intake created
    # ------------------------------------------------------------------
    def _iso_contact_candidates(self, messages):
        """People outside the organisation the complaints name: erased at
        the end if the intake created them and nothing else holds them."""
        people = (
            self.partner_id
            | self.representative_id
            | self.message_partner_ids
            | messages.author_id
            | self.rating_ids.partner_id
        )
        return people - internal_partners(people)

    def _iso_erase_contacts(self, candidates):
        """Erase and archive the contacts created with a complaint (by the
        public form or the email gateway, in its transaction) that hold
        nothing else: no user, no company, no other contact, no other record.
        A contact of the address book is never touched."""
        # the contacts the public form created (intake_partner_id), and those
        # created in the transaction of a complaint (the email gateway: same
        # timestamp)
        intake_contacts = self.intake_partner_id
        candidates = (
            (candidates | intake_contacts)
            .exists()
            .filtered(
                lambda p: not (p.user_ids or p.is_company or p.parent_id or p.child_ids)
            )
        )
        if not candidates:
            return
        created_with_complaint = set(
            self.search(
                [
                    ("is_complaint", "=", True),
                    ("create_date", "in", list(set(candidates.mapped("create_date")))),
                ]
            ).mapped("create_date")
        )
        candidates = candidates.filtered(
            lambda p: p in intake_contacts or p.create_date in created_with_complaint
        )
        # the complaints being erased no longer name the contacts they created
        self.intake_partner_id = False
        contacts = candidates - candidates.browse(
            self._iso_partners_referenced(candidates)
        )
        if not contacts:
            return
        values = {name: False for name in CONTACT_FIELDS if name in contacts._fields}
        values.update(name=self.env._("Anonymised contact"), active=False)
        contacts.write(values)
        self.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "in", contacts.ids)]
        ).unlink()

    @api.model
    def _iso_partners_referenced(self, partners):
        """Ids of the partners any stored record still points at (the
        complaints being erased no longer do): one query per column."""
        self.env.flush_all()
        ids = tuple(partners.ids)
        found = set()
        for model in self.env.registry.values():
            if model._abstract or model._transient or not model._auto:
                continue
            for field in model._fields.values():
                if not (
                    field.store
                    and not field.inherited
                    and field.comodel_name == "res.partner"
                    and field.type in ("many2one", "many2many")
                ):
                    continue
                if field.type == "many2many":
                    table, column = field.relation, field.column2
                    self_ref = SQL("TRUE")
                else:
                    table, column = model._table, field.name
                    # a contact is its own commercial partner
                    self_ref = (
                        SQL("id != %s", SQL.identifier(column))
                        if model._name == "res.partner"
                        else SQL("TRUE")
                    )
                self.env.cr.execute(
                    SQL(
                        "SELECT DISTINCT %s FROM %s WHERE %s IN %s AND %s",
                        SQL.identifier(column),
                        SQL.identifier(table),
                        SQL.identifier(column),
                        ids,
                        self_ref,
                    )
                )
                found.update(row[0] for row in self.env.cr.fetchall())
        return found

    # ------------------------------------------------------------------
    # Wizard and retention
    # ------------------------------------------------------------------
    def action_open_anonymise_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Anonymise complaints"),
            "res_model": "iso10002.complaint.anonymise.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_ids": self.ids},
        }

    @api.model
    def _cron_anonymise_expired(self, batch_size=500):
        """Anonymise closed complaints older than their policy's retention."""
        now = fields.Datetime.now()
        policies = self.env["iso10002.complaint.policy"].search(
            [("retention_months", ">", 0)]
        )
        for policy in policies:
            limit_date = now - relativedelta(months=policy.retention_months)
            expired = self.with_context(active_test=False).search(
                [
                    ("is_complaint", "=", True),
                    ("anonymised", "=", False),
                    ("company_id", "=", policy.company_id.id),
                    ("iso_step", "in", list(TERMINAL_STEPS)),
                    ("closed_date", "<", limit_date),
                ],
                limit=batch_size,
            )
            expired._iso_anonymise()
        return True
