# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files of erased attachments leave the filestore right after the commit.

``ir.attachment.unlink()`` puts a deleted file on the checklist of the
filestore garbage collector (``_gc_file_store``), which removes it if no
attachment uses it any more (the same content attached elsewhere shares the
file), and only once the deletion is committed: were the transaction rolled
back, its attachments come back with their files. The collector runs daily
(autovacuum); an anonymised complainant's documents must not wait for it,
so anonymisation triggers a job that runs it right after the commit.
"""

import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

FILESTORE_GC_CRON_XMLID = "iso10002_complaints.ir_cron_filestore_gc"


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _iso_remove_files_after_commit(self, fnames):
        """Have the files of these deleted attachments removed right after
        the commit, by the filestore's garbage collector."""
        if not any(fnames):
            return
        cron = self.env.ref(FILESTORE_GC_CRON_XMLID, raise_if_not_found=False)
        if cron:
            cron._trigger()
        else:
            _logger.warning(
                "Job %s missing: %s erased files wait for the daily filestore "
                "garbage collection.",
                FILESTORE_GC_CRON_XMLID,
                len(fnames),
            )
