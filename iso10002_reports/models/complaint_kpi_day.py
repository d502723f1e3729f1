# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Daily aggregate of the complaint analysis, for the KPIs at volume.

The KPIs of a period sum the complaints received in it in a dozen
breakdowns (complaint_kpi.py). At a million complaints a scan of the
analysis view takes seconds; this table holds, per company, team and UTC
day of receipt, one row per breakdown value (``dimension``, ``key_*``) with
the count, sums and counts of every measure the KPIs read, so that a year is
a few thousand rows. The reader (complaint_kpi_cohort.py) adds the rows of
the complaints themselves where the table cannot answer exactly, so that
every figure equals the scan of the view:

* the first and last day of the period when it does not start or end at
  midnight UTC (the user's time zone), and the days that straddle a month
  boundary in that time zone (the monthly breakdown);
* the days with a pending change (:class:`ComplaintKpiDayPending`);
* the on-time rates that move with the clock (an acknowledgement or a
  final response due, its deadline still ahead or its clock stopped): the
  table counts them late, as they will be once the deadline has passed
  (:func:`~.kpi_day_sql.settled_value`: a value no clock changes), and the
  readers take back out those the view still leaves empty, found through
  partial indexes on the deadlines (:func:`~.kpi_day_sql.in_time_ids`: the
  complaints of the last days only).

Keeping it current, and why it is correct under concurrent writes
-----------------------------------------------------------------
PostgreSQL triggers on ``helpdesk_ticket`` and ``rating_rating``
(statement-level, on the transition tables) insert one pending row per
(company, day) a statement changed, in the writer's own transaction: every
write path is covered (ORM writes, stored computed fields flushed, SQL
imports), and the pending row commits or rolls back with the change itself.
The pending rows are append-only (no upsert, no row lock on a shared row:
writers never wait for each other nor for the job). Readers read a pending
day from the complaints, so a figure is exact at once, in the writer's own
transaction too, before the job runs.

The job (``_cron_refresh``, scheduled and run by Odoo's scheduler) locks the
pending rows it sees (``FOR UPDATE SKIP LOCKED``), takes a transaction
advisory lock per (company, day), deletes the day's rows and recomputes them
from the complaints in a later statement, then deletes only the pending rows
it locked. A change committed before that statement is in the recomputed
rows; a change not yet committed has its own pending row, invisible to the
job and not deleted by it, so its day stays read from the complaints until
the next run: no update is lost, and recomputing a day twice gives the same
rows (idempotent). The advisory lock keeps two runs from interleaving their
delete and insert of the same day.
"""

from odoo import api, fields, models
from odoo.tools import SQL

from .kpi_day_sql import (
    ALL_DIMENSIONS,
    TICKET_COLUMNS,
    ack_due,
    dimension_rows,
    measure_columns,
    measure_values,
    raw_rows,
    response_due,
)


class ComplaintKpiDayPending(models.Model):
    _name = "iso10002.complaint.kpi.day.pending"
    _description = "Complaint KPIs: Day to Recompute"
    _log_access = False
    _order = "id"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, ondelete="cascade"
    )
    day = fields.Date(required=True, readonly=True, help="UTC day of receipt.")

    _company_day_idx = models.Index("(company_id, day)")


class ComplaintKpiDay(models.Model):
    _name = "iso10002.complaint.kpi.day"
    _description = "Complaint KPIs: Daily Aggregate"
    _log_access = False

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, ondelete="cascade"
    )
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    day = fields.Date(required=True, readonly=True, help="UTC day of receipt.")
    dimension = fields.Char(required=True, readonly=True)
    key_int = fields.Integer(readonly=True)
    key_char = fields.Char(readonly=True)
    key_bool = fields.Boolean(readonly=True)
    # sums of numeric columns of the view: numeric, unrounded (written in
    # SQL only, from the view)
    nbr = fields.Integer(readonly=True)
    hours_to_ack_sum = fields.Float(digits=(32, 16), readonly=True)
    hours_to_ack_count = fields.Integer(readonly=True)
    days_to_response_sum = fields.Float(digits=(32, 16), readonly=True)
    days_to_response_count = fields.Integer(readonly=True)
    ack_on_time_rate_sum = fields.Float(digits=(32, 16), readonly=True)
    ack_on_time_rate_count = fields.Integer(readonly=True)
    response_on_time_rate_sum = fields.Float(digits=(32, 16), readonly=True)
    response_on_time_rate_count = fields.Integer(readonly=True)
    upheld_rate_sum = fields.Float(digits=(32, 16), readonly=True)
    upheld_rate_count = fields.Integer(readonly=True)
    remedy_cost_sum = fields.Float(digits=(32, 16), readonly=True)
    remedy_cost_count = fields.Integer(readonly=True)
    rating_count_sum = fields.Integer(readonly=True)
    rating_count_count = fields.Integer(readonly=True)
    # the view's rating_value is a float: summed as a float
    rating_value_sum = fields.Float(readonly=True)
    rating_value_count = fields.Integer(readonly=True)
    satisfied_rate_sum = fields.Float(digits=(32, 16), readonly=True)
    satisfied_rate_count = fields.Integer(readonly=True)
    summary_resolution_nbr_sum = fields.Integer(readonly=True)
    summary_resolution_nbr_count = fields.Integer(readonly=True)
    vulnerable_nbr_sum = fields.Integer(readonly=True)
    vulnerable_nbr_count = fields.Integer(readonly=True)
    vulnerability_health_nbr_sum = fields.Integer(readonly=True)
    vulnerability_health_nbr_count = fields.Integer(readonly=True)
    vulnerability_life_event_nbr_sum = fields.Integer(readonly=True)
    vulnerability_life_event_nbr_count = fields.Integer(readonly=True)
    vulnerability_resilience_nbr_sum = fields.Integer(readonly=True)
    vulnerability_resilience_nbr_count = fields.Integer(readonly=True)
    vulnerability_capability_nbr_sum = fields.Integer(readonly=True)
    vulnerability_capability_nbr_count = fields.Integer(readonly=True)

    _company_day_idx = models.Index("(company_id, day)")

    def init(self):
        cr = self.env.cr
        # the complaints still in time, read by every KPI query
        cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS helpdesk_ticket_kpi_ack_due_idx "
                "ON helpdesk_ticket (ack_deadline) WHERE %s;"
                "CREATE INDEX IF NOT EXISTS helpdesk_ticket_kpi_response_due_idx "
                "ON helpdesk_ticket (response_deadline) WHERE %s",
                ack_due("helpdesk_ticket"),
                response_due("helpdesk_ticket"),
            )
        )
        # the complaints closed or decided on the last day of a period, read
        # by the backlog at its end (complaint_kpi_at_end.py)
        for column in ("closed_date", "decision_date"):
            cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS %s ON helpdesk_ticket (%s)"
                    " WHERE is_complaint IS TRUE AND %s IS NOT NULL",
                    SQL.identifier(f"helpdesk_ticket_kpi_{column}_idx"),
                    SQL.identifier(column),
                    SQL.identifier(column),
                )
            )
        self._init_triggers()
        # a new table (installation), or days computed without the
        # complaints still due (the index of those, dropped): every day is
        # pending, the job fills it
        cr.execute(
            "SELECT NOT EXISTS (SELECT FROM iso10002_complaint_kpi_day)"
            " AND NOT EXISTS (SELECT FROM iso10002_complaint_kpi_day_pending)"
            " OR to_regclass('helpdesk_ticket_kpi_unsettled_idx') IS NOT NULL"
        )
        if cr.fetchone()[0]:
            cr.execute("DROP INDEX IF EXISTS helpdesk_ticket_kpi_unsettled_idx")
            cr.execute(
                """
                INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)
                SELECT DISTINCT company_id, received_date::date
                  FROM helpdesk_ticket
                 WHERE is_complaint IS TRUE AND company_id IS NOT NULL
                   AND received_date IS NOT NULL
                """
            )
        # a breakdown added since the days were computed (an update of the
        # addon): those days are pending, the job computes them again
        cr.execute(
            SQL(
                """
                INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)
                SELECT company_id, day FROM iso10002_complaint_kpi_day
                 GROUP BY company_id, day
                HAVING NOT %s::varchar[] <@ ARRAY_AGG(DISTINCT dimension)::varchar[]
                """,
                [dimension for dimension, *_keys in ALL_DIMENSIONS],
            )
        )

    def _init_triggers(self):
        """The triggers that mark the (company, day) a statement changed."""
        changed = SQL(" OR ").join(
            SQL("o.%s IS DISTINCT FROM n.%s", SQL.identifier(c), SQL.identifier(c))
            for c in TICKET_COLUMNS
        )
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE FUNCTION iso10002_kpi_day_mark_tickets()
                RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)
                        SELECT DISTINCT company_id, received_date::date FROM new_rows
                         WHERE is_complaint IS TRUE AND company_id IS NOT NULL
                           AND received_date IS NOT NULL;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)
                        SELECT DISTINCT company_id, received_date::date FROM old_rows
                         WHERE is_complaint IS TRUE AND company_id IS NOT NULL
                           AND received_date IS NOT NULL;
                    ELSE
                        INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)
                        SELECT DISTINCT x.company_id, x.day FROM (
                            SELECT o.company_id, o.received_date::date AS day,
                                   o.is_complaint
                              FROM old_rows o JOIN new_rows n ON n.id = o.id
                             WHERE %(changed)s
                            UNION ALL
                            SELECT n.company_id, n.received_date::date, n.is_complaint
                              FROM old_rows o JOIN new_rows n ON n.id = o.id
                             WHERE %(changed)s
                        ) x
                         WHERE x.is_complaint IS TRUE AND x.company_id IS NOT NULL
                           AND x.day IS NOT NULL;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION iso10002_kpi_day_mark_ratings()
                RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)
                        SELECT DISTINCT t.company_id, t.received_date::date
                          FROM new_rows r JOIN helpdesk_ticket t ON t.id = r.res_id
                         WHERE r.res_model = 'helpdesk.ticket'
                           AND t.is_complaint IS TRUE AND t.company_id IS NOT NULL
                           AND t.received_date IS NOT NULL;
                    END IF;
                    IF TG_OP <> 'INSERT' THEN
                        INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)
                        SELECT DISTINCT t.company_id, t.received_date::date
                          FROM old_rows r JOIN helpdesk_ticket t ON t.id = r.res_id
                         WHERE r.res_model = 'helpdesk.ticket'
                           AND t.is_complaint IS TRUE AND t.company_id IS NOT NULL
                           AND t.received_date IS NOT NULL;
                    END IF;
                    RETURN NULL;
                END $$;
                """,
                changed=changed,
            )
        )
        for table, function in (
            ("helpdesk_ticket", "iso10002_kpi_day_mark_tickets"),
            ("rating_rating", "iso10002_kpi_day_mark_ratings"),
        ):
            for event, referencing in (
                ("INSERT", "NEW TABLE AS new_rows"),
                ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                ("DELETE", "OLD TABLE AS old_rows"),
            ):
                name = f"{table}_iso10002_kpi_day_{event.lower()}"
                if table == "rating_rating" and event != "UPDATE":
                    # one transition table only: the other is empty
                    referencing = (
                        "NEW TABLE AS new_rows"
                        if event == "INSERT"
                        else "OLD TABLE AS old_rows"
                    )
                self.env.cr.execute(
                    SQL(
                        "DROP TRIGGER IF EXISTS %(name)s ON %(table)s;"
                        "CREATE TRIGGER %(name)s AFTER %(event)s ON %(table)s "
                        "REFERENCING %(referencing)s FOR EACH STATEMENT "
                        "EXECUTE FUNCTION %(function)s()",
                        name=SQL.identifier(name),
                        table=SQL.identifier(table),
                        event=SQL(event),
                        referencing=SQL(referencing),
                        function=SQL.identifier(function),
                    )
                )

    # ------------------------------------------------------------------
    # The job
    # ------------------------------------------------------------------
    @api.model
    def _cron_refresh(self, limit=1000):
        """Recompute the pending (company, day) from the complaints (see the
        module's docstring for why this is safe under concurrent writes)."""
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(
            SQL(
                "SELECT id, company_id, day FROM iso10002_complaint_kpi_day_pending"
                " ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
                limit,
            )
        )
        rows = cr.fetchall()
        days = sorted({(company, day) for _id, company, day in rows})
        for company, day in days:
            self._refresh_day(company, day)
        if rows:
            cr.execute(
                SQL(
                    "DELETE FROM iso10002_complaint_kpi_day_pending WHERE id = ANY(%s)",
                    [row[0] for row in rows],
                )
            )
        if len(rows) == limit:
            # more is pending: run again right after this run's commit
            self.env.ref("iso10002_reports.ir_cron_complaint_kpi_day")._trigger()
        self.invalidate_model()
        return len(days)

    @api.model
    def _refresh_day(self, company, day):
        """The rows of ``company`` and UTC ``day``, recomputed from the
        analysis view (the on-time rates still in time counted late:
        :func:`~.kpi_day_sql.settled_value`)."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                f"iso10002_complaint_kpi_day:{company}:{day}",
            )
        )
        cr.execute(
            SQL(
                "DELETE FROM iso10002_complaint_kpi_day"
                " WHERE company_id = %s AND day = %s",
                company,
                day,
            )
        )
        columns = measure_columns()
        cr.execute(
            SQL(
                """
                WITH a AS MATERIALIZED (%(raw)s)
                INSERT INTO iso10002_complaint_kpi_day
                       (company_id, team_id, day, dimension, key_int, key_char,
                        key_bool, %(columns)s)
                SELECT a.company_id, a.team_id, %(day)s, d.dimension, d.key_int,
                       d.key_char, d.key_bool, %(values)s
                  FROM a CROSS JOIN LATERAL %(dimensions)s
                 GROUP BY a.company_id, a.team_id, d.dimension, d.key_int,
                          d.key_char, d.key_bool
                """,
                raw=raw_rows(
                    SQL(
                        "t.is_complaint IS TRUE AND t.company_id = %(company)s"
                        " AND t.received_date >= %(day)s::timestamp"
                        " AND t.received_date < %(day)s::timestamp + INTERVAL '1 day'",
                        company=company,
                        day=day,
                    )
                ),
                columns=SQL(", ").join(SQL.identifier(c) for c in columns),
                values=SQL(", ").join(measure_values(aggregate=True, settled=True)),
                dimensions=dimension_rows(ALL_DIMENSIONS),
                day=day,
            )
        )
