# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The text of a rendered PDF, as the report tests read it (common.py's
``render_pdf``, test_i18n_tr.py)."""

import io
import shutil
import subprocess
import tempfile


def pdf_text(pdf):
    """Text of a PDF, with pdftotext (poppler) or PyPDF2, whitespace
    collapsed so that text wrapped in a table cell reads as one line."""
    if shutil.which("pdftotext"):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
            tmp.write(pdf)
            tmp.flush()
            text = subprocess.run(
                ["pdftotext", tmp.name, "-"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
    else:
        from PyPDF2 import PdfReader

        text = "\n".join(
            page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages
        )
    return " ".join(text.split())
