# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of the reviews made before the KPI lines, from the columns
pre-migration.py kept, as KPI lines (confirmed reviews keep theirs)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import table_exists

from odoo.addons.iso10002_reports.models.kpi_values import kpi_line_values

LEGACY_TABLE = "iso10002_review_kpi_legacy"


def migrate(cr, version):
    if not table_exists(cr, LEGACY_TABLE):
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(SQL("SELECT * FROM %s", SQL.identifier(LEGACY_TABLE)))
    names = [desc[0] for desc in cr.description]
    rows = [dict(zip(names, row, strict=True)) for row in cr.fetchall()]
    reviews = env["iso10002.management.review"].browse([row["id"] for row in rows])
    done = set(reviews.kpi_line_ids.review_id.ids)
    labels = dict(
        env["iso10002.management.review.line"]
        ._fields["kpi_code"]
        ._description_selection(env)
    )
    vals_list = []
    for values in rows:
        if values["id"] in done:
            continue
        values = {key: value or 0.0 for key, value in values.items()}
        vals_list += [
            dict(vals, review_id=values["id"], sequence=seq)
            for seq, vals in enumerate(kpi_line_values(values, values, labels))
        ]
    # create only: the lines of a confirmed review are frozen for writes
    env["iso10002.management.review.line"].create(vals_list)
    cr.execute(SQL("DROP TABLE %s", SQL.identifier(LEGACY_TABLE)))
