# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may read a confidential complaint (ISO 10002 4.10, 4.7): the one
definition, read by every record rule on complaint data."""

from odoo import models

MANAGER_GROUP = "iso10002_complaints.group_complaint_manager"
AUDITOR_GROUP = "iso10002_complaints.group_complaint_auditor"


class ResUsers(models.Model):
    _inherit = "res.users"

    def _iso_complaint_read_domain(self, path=None):
        """Domain of the records this user may read as far as the
        confidentiality of complaints is concerned.

        Plain tickets and complaints that are not confidential pass (the
        other rules, helpdesk_mgmt's among them, still apply). A confidential
        complaint may be read by:

        * auditors, always: a read-only role that checks the process (8.5);
        * portal users: their own complaints only, confidential or not;
        * complaint managers, its handler (``user_id``), the leader of its
          team (``team_id.user_id``) and its complainant (``partner_id`` is
          the user's contact);
        * but never by one of the people it is about
          (``subject_user_ids``), complaint managers included: a manager
          complained about is handled as any other member of staff, and the
          other managers (or the administrator) take the complaint
          (objectivity, 4.7).

        Called by the record rules of ``security/iso10002_security.xml``
        (and of iso10002_reports) in their ``domain_force``, as
        ``user._iso_complaint_read_domain()``; record rules are cached per
        user, so this runs once per user and model, not per search.

        :param path: the many2one field leading from the model of the rule
            to the complaint (e.g. ``"ticket_id"`` for remedies); none for
            ``helpdesk.ticket`` itself. With a path, records without a
            complaint do not match: add ``(path, '=', False)`` to the rule
            where they exist.
        :return: a domain (list)
        """
        self.ensure_one()
        if self.share:
            # portal users read their own complaints only, and the people
            # complained about are employees: the same, in a domain that
            # names no internal field (helpdesk_mgmt's portal adds the rules'
            # domain to its search, which runs as the portal user)
            domain = [
                "|",
                ("is_complaint", "=", False),
                ("partner_id", "=", self.partner_id.id),
            ]
        elif self.has_group(AUDITOR_GROUP):
            domain = []
        else:
            readers = [("subject_user_ids", "not in", self.ids)]
            if not self.has_group(MANAGER_GROUP):
                readers = [
                    "&",
                    *readers,
                    "|",
                    "|",
                    ("user_id", "=", self.id),
                    ("team_id.user_id", "=", self.id),
                    ("partner_id", "=", self.partner_id.id),
                ]
            domain = [
                "|",
                "|",
                ("is_complaint", "=", False),
                ("confidential", "=", False),
                *readers,
            ]
        if path:
            return [(path, "any", domain)]
        return domain
