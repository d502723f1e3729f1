# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmarks of bench.py: creating complaints and plain tickets, plain
tickets with helpdesk_mgmt alone vs with the addons, the acknowledgement
after the commit. Each function takes the context bench.main() builds."""

import statistics

from bench_common import TARGETS, Meter, paired, savepoint


def creation(ctx):
    """Creation of complaints and plain tickets, one and in batches."""
    args = ctx.args
    env = ctx.env
    meter = ctx.meter
    partner_mail = ctx.partner_mail
    partner_nomail = ctx.partner_nomail
    row = ctx.row
    Ticket = ctx.Ticket
    vals = ctx.vals
    # ---------------------------------------------------------- creation
    for label, partner in (
        ()
        if args.volume_only
        else (
            ("with email", partner_mail),
            ("no email", partner_nomail),
        )
    ):
        for batch, reps in ((1, args.reps), (args.batch, args.batch_reps)):
            with savepoint(env):
                measured = meter.paired(
                    [
                        lambda complaint=complaint: Ticket.create(
                            [vals(partner, complaint, i) for i in range(batch)]
                        )
                        for complaint in (False, True)
                    ],
                    reps,
                )
            figures = dict(zip(("plain", "complaint"), measured, strict=True))
            for kind, (t, q) in figures.items():
                row(
                    f"create {kind} ticket, batch {batch}, {label}: time/rec",
                    t / batch * 1000,
                    "ms",
                )
                row(
                    f"create {kind} ticket, batch {batch}, {label}: queries/rec",
                    round(q / batch, 2),
                    "queries",
                )
            ratio = figures["complaint"][0] / figures["plain"][0]
            row(
                f"create ratio complaint/plain, batch {batch}, {label}",
                round(ratio, 3),
                "x",
                TARGETS["create_ratio"],
                ratio <= TARGETS["create_ratio"],
            )


def plain_alone(ctx):
    """Plain tickets: helpdesk_mgmt alone vs with the addons."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    args = ctx.args
    env = ctx.env
    meter = ctx.meter
    partner_mail = ctx.partner_mail
    plain_team = ctx.plain_team
    row = ctx.row
    Ticket = ctx.Ticket
    # ------------- plain tickets: helpdesk_mgmt alone vs with the addons
    # What installing the ISO 10002 addons costs the tickets that are not
    # complaints: the same plain ticket created and moved in a database
    # with helpdesk_mgmt alone, measured in turns with this one.
    if args.plain_database and not args.volume_only:
        with Registry(args.plain_database).cursor() as cr_alone:
            su_alone = api.Environment(cr_alone, SUPERUSER_ID, {})
            env_alone = su_alone(
                user=su_alone.ref("base.user_admin").id,
                context={"tz": "UTC", "lang": "en_US"},
            )
            meter_alone = Meter(env_alone)
            team_alone = su_alone["helpdesk.ticket.team"].create(
                {"name": "Bench plain team"}
            )
            partner_alone = su_alone["res.partner"].create(
                {"name": "Bench With Mail", "email": "bench@example.com"}
            )
            cr_alone.commit()

            def plain_vals(partner, team, i):
                return {
                    "name": f"Bench ticket {i}",
                    "description": "<p>The parcel arrived damaged and "
                    "nobody answered.</p>",
                    "partner_id": partner.id,
                    "team_id": team.id,
                }

            for batch, reps in ((1, args.reps), (args.batch, args.batch_reps)):
                with savepoint(env), savepoint(env_alone):
                    (alone, here) = paired(
                        [
                            (
                                meter_alone,
                                lambda batch=batch: env_alone["helpdesk.ticket"].create(
                                    [
                                        plain_vals(partner_alone, team_alone, i)
                                        for i in range(batch)
                                    ]
                                ),
                            ),
                            (
                                meter,
                                lambda batch=batch: Ticket.create(
                                    [
                                        plain_vals(partner_mail, plain_team, i)
                                        for i in range(batch)
                                    ]
                                ),
                            ),
                        ],
                        reps,
                    )
                for where, (t, q) in (
                    ("helpdesk_mgmt alone", alone),
                    ("with ISO addons", here),
                ):
                    row(
                        f"create plain ticket, batch {batch}, {where}: time/rec",
                        t / batch * 1000,
                        "ms",
                    )
                    row(
                        f"create plain ticket, batch {batch}, {where}: queries/rec",
                        round(q / batch, 2),
                        "queries",
                    )
                row(
                    f"plain ticket creation, batch {batch}: with / without the ISO addons",
                    round(here[0] / alone[0], 3),
                    "x",
                )


def acknowledgement(ctx):
    """The acknowledgement, after the commit."""
    args = ctx.args
    env = ctx.env
    meter = ctx.meter
    partner_mail = ctx.partner_mail
    row = ctx.row
    Ticket = ctx.Ticket
    vals = ctx.vals
    # ---------------------------------- acknowledgement, after the commit
    # The acknowledgement email of a complaint is rendered by the job the
    # creation triggers, right after the commit (ir.cron._trigger()):
    # its work measured here on its own, per complaint.
    single = () if args.volume_only else ((1, args.reps), (args.batch, args.batch_reps))
    for batch, reps in single:
        runs = []
        for _ in range(reps + 1):
            with savepoint(env):
                tickets = Ticket.create(
                    [vals(partner_mail, True, i) for i in range(batch)]
                )
                assert all(tickets.mapped("ack_pending"))
                runs.append(meter.once(tickets._iso_send_pending_acknowledgements))
                assert all(tickets.mapped("ack_date"))
        runs = runs[1:]  # warm-up
        t = statistics.median(r[0] for r in runs)
        q = statistics.median(r[1] for r in runs)
        row(
            f"acknowledgement after commit, batch {batch}: time/rec",
            t / batch * 1000,
            "ms",
        )
        row(
            f"acknowledgement after commit, batch {batch}: queries/rec",
            round(q / batch, 2),
            "queries",
        )
