"""The complaint core: ``helpdesk.ticket`` extended by one file per concern.

Each ``ticket_*.py`` file holds one concern's fields, its guard and its
derived facts; the ISO steps, their order and what each requires are data,
in iso_steps.py.

The order of the imports below is the order of the overrides: a file
imported later overrides (wraps) those imported before it. Six concerns
override ``create()``/``write()``; from the innermost (called last, next to
helpdesk_mgmt) to the outermost (called first, with the caller's values):

1. ticket_receipt: the entry point of the complaint core. It flags
   complaints, dates and stages them, numbers and acknowledges them, and
   runs the stage guard (ticket_steps) and the closing (ticket_closing) once
   the values are written.
2. ticket_principles: nobody takes someone off the people complained about
   (4.7), judged on what the write did.
3. ticket_email_address: normalises the complainant's address, after the
   write (a computed field may have made the ticket a complaint).
4. ticket_confidentiality: keeps the people complained about out of the
   followers and activities, once the write is done.
5. ticket_portal_access: rotates the portal token when the write changed
   the complaint's handler, complainant, confidentiality or anonymisation.
6. ticket_integrity: the write guard. Outermost, so that it sees the
   caller's values before any concern adds its own, and checks the recorded
   facts after all the others ran. The process's own methods that record
   facts (``action_communicate_decision``, ``_iso_on_step_change``...) are
   decorated with ``system_write.records_facts`` where they are defined.

The first five judge each its own part of a write and do not depend on one
another's order; ticket_integrity must come last.
tests/test_layout.py checks this order, and what breaks without it.
"""

from . import complaint_policy
from . import complaint_policy_deadlines
from . import complaint_child
from . import complaint_remedy
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_team
from . import ticket_receipt
from . import ticket_steps
from . import ticket_assessment
from . import ticket_investigation
from . import ticket_decision
from . import ticket_closing
from . import ticket_deadlines
from . import res_company
from . import resource_calendar
from . import res_config_settings
from . import ticket_reference
from . import ticket_acknowledgement
from . import ticket_facts
from . import ticket_principles
from . import complaint_intake_log
from . import complaint_intake_throttle
from . import complaint_policy_intake
from . import res_users
from . import ticket_satisfaction
from . import ticket_escalation
from . import ticket_intake_form
from . import ticket_intake_online
from . import ticket_intake_email
from . import ticket_portal
from . import ticket_email_address
from . import ticket_intake_confirm
from . import ir_attachment
from . import ticket_mail_files
from . import rating_rating
from . import res_users_complaint_access
from . import ticket_confidentiality
from . import mail_followers
from . import portal_fields
from . import ticket_mail_access
from . import ticket_portal_access
from . import ticket_anonymisation
from . import ticket_anonymisation_chatter
from . import ir_attachment_filestore
from . import complaint_taxonomy
from . import ticket_taxonomy
from . import adr_body
from . import adr_referral
from . import complaint_clock_stop
from . import complaint_remedy_redress
from . import ticket_regulated
from . import complaint_policy_regulated
from . import complaint_policy_facts
from . import ticket_redress
from . import ticket_adr
from . import ticket_approval
from . import ticket_vulnerability
from . import ticket_clock_stop
from . import ticket_summary_resolution
from . import adr_body_letters
from . import ticket_letters
from . import ir_cron_wake
from . import ticket_integrity
