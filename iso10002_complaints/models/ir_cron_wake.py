# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Wake the scheduler once the HTTP answer is sent.

``ir.cron._trigger()`` creates a trigger row and, when the transaction
commits, wakes the cron workers (``ir.cron._notifydb``) from the committing
request: a new connection to PostgreSQL's ``postgres`` database, which Odoo
never keeps in its pool. That is about 3 ms inside the request, before its
answer: a third of what a complaint's creation adds to a plain ticket's.

:meth:`IrCron._iso_trigger_after_answer` creates the same trigger row and
sends the same wake-up, but once the HTTP answer is sent (werkzeug's
``Response.call_on_close``, set by ``ir.http._post_dispatch``) and only if
the transaction committed. Outside a request (scheduled jobs, the mail
gateway, a shell), when the request commits before its answer is made, or
when its answer cannot run a callback, the wake-up is Odoo's own, at the
commit. Were the wake-up ever lost (the process killed between the answer
and it), the job's periodic run takes the trigger.
"""

from functools import partial

from odoo import api, fields, models
from odoo.http import request

WAKE = "iso10002_wake_after_answer"


class IrCron(models.Model):
    _inherit = "ir.cron"

    def _iso_trigger_after_answer(self):
        """:meth:`_trigger` the job as soon as possible; in an HTTP request,
        the workers are woken after the answer (see the module docstring)."""
        self.ensure_one()
        cr = self.env.cr
        # sudo: whether the job is active, as _trigger reads it
        if not request or request.env.cr is not cr or not self.sudo().active:
            return self._trigger()
        # what _trigger creates, without its wake-up at the commit
        triggers = (
            self.env["ir.cron.trigger"]
            .sudo()
            .create({"cron_id": self.id, "call_at": fields.Datetime.now()})
        )
        if WAKE not in cr.postcommit.data:
            wake = cr.postcommit.data[WAKE] = {"answer": False, "committed": False}
            cr.postcommit.add(partial(self._iso_wake_at_commit, wake))
        return triggers

    @api.model
    def _iso_wake_at_commit(self, wake):
        if wake["answer"]:
            # the answer wakes them once sent (IrHttp._post_dispatch)
            wake["committed"] = True
        else:
            self._notifydb()


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _post_dispatch(cls, response):
        result = super()._post_dispatch(response)
        # runs before the commit; the callback after the answer is sent
        wake = request.env.cr.postcommit.data.get(WAKE)
        if wake and hasattr(response, "call_on_close"):
            wake["answer"] = True
            ir_cron = request.env["ir.cron"]
            response.call_on_close(lambda: wake["committed"] and ir_cron._notifydb())
        return result
