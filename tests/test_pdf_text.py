# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The PDFs of complaints hold real text when a running server renders them.

In the Odoo test suite a report is rendered without its assets (the test
server serves one request at a time, so wkhtmltopdf cannot load the report's
stylesheet while the report is being rendered): the web fonts of the layout
are not applied there and the PDF holds text whatever the fonts. Here a real
server (``odoo-bin``, the test database, its demo data) renders the PDFs as a
user gets them, its stylesheet loaded (checked in the server's log), and
``pdffonts`` and ``pdftotext`` read them back: fonts are embedded and the
text is there (static/src/scss/report_fonts.scss of iso10002_complaints).
"""

import pathlib
import subprocess
import tempfile

import pytest
from running_server import database, load, running_server

REPORTS = ("report_complaint_form", "report_complaint_tracking")


@pytest.fixture(scope="module")
def server():
    with tempfile.TemporaryDirectory() as tmp:
        log = pathlib.Path(tmp, "server.log")
        with running_server(log) as srv:
            # logging in as admin points web.base.url, which wkhtmltopdf
            # loads the stylesheet from, to this server: put it back after
            rpc = load.Rpc(srv, database())
            icp = "ir.config_parameter"
            base_url = rpc.call(icp, "get_param", ["web.base.url"])
            try:
                rpc.call(icp, "set_param", ["web.base.url", srv.url])
                yield srv, rpc, log
            finally:
                rpc.call(icp, "set_param", ["web.base.url", base_url])


def _pdf(srv, rpc, report, res_id, path):
    response = rpc.s.get(f"{srv.url}/report/pdf/{report}/{res_id}", timeout=120)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"] == "application/pdf"
    path.write_bytes(response.content)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return fonts, text


def _assert_text(log, fonts, text, *expected):
    # the stylesheet was loaded by wkhtmltopdf from the running server
    assert "report_assets_common" in log.read_text(), "report assets not loaded"
    assert fonts, "no font in the PDF: its text is drawn as outlines"
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # embedded
    flat = " ".join(text.split())
    for words in expected:
        assert words in flat, f"{words!r} not in {flat[:500]!r}"


@pytest.mark.parametrize("report", REPORTS)
def test_complaint_pdf_rendered_by_a_running_server_holds_text(
    server, report, tmp_path
):
    srv, rpc, log = server
    complaint = rpc.call(
        "helpdesk.ticket",
        "search_read",
        [[("is_complaint", "=", True), ("complaint_ref", "!=", False)]],
        {"fields": ["complaint_ref", "name"], "limit": 1},
    )[0]
    fonts, text = _pdf(
        srv, rpc, f"iso10002_reports.{report}", complaint["id"], tmp_path / "c.pdf"
    )
    _assert_text(log, fonts, text, complaint["complaint_ref"], complaint["name"])


def test_review_pdf_rendered_by_a_running_server_holds_text(server, tmp_path):
    srv, rpc, log = server
    model = "iso10002.management.review"
    review_id = rpc.call(
        model,
        "create",
        [{"date_from": "2026-01-01", "date_to": "2026-12-31"}],
    )
    try:
        review = rpc.call(model, "read", [[review_id], ["name", "title"]])[0]
        fonts, text = _pdf(
            srv,
            rpc,
            "iso10002_reports.report_management_review",
            review_id,
            tmp_path / "review.pdf",
        )
        _assert_text(log, fonts, text, review["name"], review["title"])
        print(text)  # the review as pdftotext reads it (pytest -s)
    finally:
        rpc.call(model, "unlink", [[review_id]])
