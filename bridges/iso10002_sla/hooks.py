# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Teams created before helpdesk_mgmt_sla have no working hours (the
    column was iso10002_complaints', so helpdesk_mgmt_sla's default did not
    fill it), and helpdesk_mgmt_sla cannot compute a deadline without them:
    give each the calendar a new team of its company gets."""
    teams = env["helpdesk.ticket.team"].with_context(active_test=False)
    for team in teams.search([("resource_calendar_id", "=", False)]):
        team.resource_calendar_id = team.with_company(
            team.company_id or env.company
        )._default_resource_calendar()
