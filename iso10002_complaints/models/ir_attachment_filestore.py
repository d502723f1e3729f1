# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files of erased attachments leave the filestore at once.

``ir.attachment.unlink()`` only puts a deleted file on the checklist of
the filestore garbage collector, which removes it at its next run (a day
later, or never if the job is off). An anonymised complainant's documents
must not wait for it.
"""

import contextlib
import logging
import os
import re

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api, models, modules
from odoo.modules.registry import Registry
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _iso_remove_files_after_commit(self, fnames):
        """Remove these files of deleted attachments right after the commit.

        Not before: were the transaction rolled back, its attachments would
        come back without their files.
        """
        fnames = sorted({fname for fname in fnames if fname})
        if not fnames:
            return
        if modules.module.current_test:
            # as mail.mail.send_after_commit: at once on the test cursor,
            # which never commits
            self._iso_remove_files(fnames)
            return
        dbname = self.env.cr.dbname

        @self.env.cr.postcommit.add
        def remove_files():
            try:
                with Registry(dbname).cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    env["ir.attachment"]._iso_remove_files(fnames)
            except Exception:
                _logger.exception(
                    "Could not remove %s erased files from the filestore; the "
                    "filestore garbage collector will.",
                    len(fnames),
                )

    @api.model
    def _iso_remove_files(self, fnames):
        """Delete these files from the filestore unless an attachment still
        uses them (the same content attached elsewhere shares the file).

        Holds the lock of the garbage collector (``_gc_file_store``) so that
        no concurrent transaction attaches the same content meanwhile.
        Returns the names of the removed files.
        """
        cr = self.env.cr
        cr.execute("SET LOCAL lock_timeout TO '10s'")
        try:
            with cr.savepoint():
                cr.execute("LOCK ir_attachment IN SHARE MODE")
        except pg_errors.LockNotAvailable:
            _logger.info("Filestore busy: erased files left to the garbage collector.")
            return []
        cr.execute(
            SQL(
                "SELECT store_fname FROM ir_attachment WHERE store_fname IN %s",
                tuple(fnames),
            )
        )
        used = {row[0] for row in cr.fetchall()}
        checklist = self._full_path("checklist")
        removed = []
        for fname in fnames:
            if fname in used:
                continue
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._full_path(fname))
                removed.append(fname)
            # nothing left for the garbage collector to check
            entry = re.sub("[.:]", "", fname).strip("/\\")
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(checklist, entry))
        return removed
