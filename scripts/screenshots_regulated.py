# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shots of the compliance officers' guide (docs/compliance-guide.md) and of
the analytics (dashboard, review PDF with charts), registered into
scripts/screenshots.py by :func:`register`. They prepare what the demo data
lacks (a vulnerable customer, an ADR referral, the FCA preset) through
JSON-RPC: run them against a throwaway database only."""

import json
import os
import subprocess
import tempfile
import time

# the outer group titled TITLE of the form, shown (its notebook page
# opened) and scrolled into view: its box in the viewport
GROUP_BOX = """(title) => {
  const seps = [...document.querySelectorAll('.o_horizontal_separator')];
  const sep = seps.find(t => t.textContent.trim() === title);
  if (!sep) return null;
  const pane = sep.closest('.tab-pane');
  if (pane && !pane.classList.contains('active')) {
    const panes = [...pane.parentElement.children];
    const links = pane.closest('.o_notebook').querySelectorAll('.nav-link');
    links[panes.indexOf(pane)].click();
    return 'retry';
  }
  sep.scrollIntoView({block: 'start'});
  const scope = pane || document.querySelector('.o_form_sheet');
  const next = seps.filter(t => scope.contains(t))
    .find(t => t.getBoundingClientRect().top > sep.getBoundingClientRect().top + 5);
  const top = sep.getBoundingClientRect().top;
  const bottom = next ? next.getBoundingClientRect().top
    : scope.getBoundingClientRect().bottom;
  const sheet = document.querySelector('.o_form_sheet').getBoundingClientRect();
  return {x: sheet.left, y: top, width: sheet.width, height: bottom - top};
}"""


def group_shot(b, path, title, pad=12):
    b.viewport(2000)
    try:
        for _attempt in range(3):
            b.network_idle(quiet=1)
            box = b.page.evaluate(GROUP_BOX, title)
            if box != "retry":
                break
            time.sleep(1)
            b.settle()
        if not isinstance(box, dict):
            raise RuntimeError(f"no group titled {json.dumps(title)}")
        b.shot(
            path,
            {
                "x": max(box["x"] - pad, 0),
                "y": max(box["y"] - pad, 0),
                "width": box["width"] + 2 * pad,
                "height": box["height"] + 2 * pad,
            },
        )
    finally:
        b.viewport()


def register(shot, png, form_section, open_complaint_tab, view_ready):
    def complaint(b, base, xmlid):
        record = b.xmlid(xmlid)
        b.goto(f"{base}/odoo/complaints/{record}", ".o_form_view .o_form_sheet")
        open_complaint_tab(b)
        return record

    def pdf_page(b, base, report, res_id, out, name, page=1):
        """Page ``page`` of a PDF rendered by the server, as a PNG."""
        response = b.page.request.get(f"{base}/report/pdf/{report}/{res_id}")
        if response.status != 200:
            raise RuntimeError(f"{report}: HTTP {response.status}")
        with tempfile.TemporaryDirectory() as tmp:
            pdf = os.path.join(tmp, "report.pdf")
            with open(pdf, "wb") as file:
                file.write(response.body())
            prefix = os.path.join(tmp, "page")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page)]
                + ["-singlefile", pdf, prefix],
                check=True,
            )
            os.replace(prefix + ".png", png(out, name))
        print(f"  {name}.png", flush=True)

    def fca_policy(b):
        """The main company's policy on the UK FCA preset (regime, FOS)."""
        policy = b.rpc("iso10002.complaint.policy", "search", [[]], limit=1)
        preset = b.xmlid("iso10002_complaints.policy_preset_fca")
        b.rpc("iso10002.complaint.policy", "write", [policy, {"preset_id": preset}])
        b.rpc("iso10002.complaint.policy", "action_apply_preset", [policy])
        return policy[0]

    @shot("compliance-taxonomy")
    def compliance_taxonomy(b, base, out):
        b.goto(
            f"{base}/odoo/action-iso10002_complaints.action_complaint_category",
            ".o_list_view .o_group_header",
        )
        # the first regime's lists, and its causes
        b.click(".o_list_view .o_group_header", ".o_list_view .o_group_header")
        b.page.get_by_text("Cause", exact=False).first.click()
        b.settle(".o_list_view .o_data_row")
        b.shot(png(out, "compliance-taxonomy"))

    @shot("compliance-policy")
    def compliance_policy(b, base, out):
        policy = fca_policy(b)
        b.goto(
            f"{base}/odoo/action-iso10002_complaints.action_complaint_policy/{policy}",
            ".o_form_view .o_form_sheet",
        )
        group_shot(b, png(out, "compliance-policy"), "Regulated firms")

    @shot("compliance-vulnerability")
    def compliance_vulnerability(b, base, out):
        record = b.xmlid("iso10002_complaints.complaint_20")
        b.rpc(
            "helpdesk.ticket",
            "write",
            [
                [record],
                {
                    "vulnerability_health": True,
                    "preferred_format": "large_print",
                    "support_needs": "Large print letters; calls in the morning.",
                },
            ],
        )
        complaint(b, base, "iso10002_complaints.complaint_20")
        group_shot(
            b,
            png(out, "compliance-vulnerability"),
            "Vulnerability and accessibility (4.5)",
        )

    @shot("compliance-adr")
    def compliance_adr(b, base, out):
        fca_policy(b)
        record = b.xmlid("iso10002_complaints.complaint_21")
        body = b.xmlid("iso10002_complaints.adr_body_fos")
        b.rpc(
            "iso10002.adr.referral",
            "create",
            [{"ticket_id": record, "body_id": body, "case_reference": "FOS-123456"}],
        )
        complaint(b, base, "iso10002_complaints.complaint_21")
        group_shot(
            b, png(out, "compliance-adr"), "External dispute resolution (ISO 10003)"
        )

    @shot("compliance-returns")
    def compliance_returns(b, base, out):
        b.goto(
            f"{base}/odoo/action-iso10002_reports.action_regulatory_return",
            ".modal .o_form_view",
        )
        b.shot(png(out, "compliance-returns"), b.rect(".modal-content", pad=4))

    @shot("compliance-letter")
    def compliance_letter(b, base, out):
        fca_policy(b)
        record = b.xmlid("iso10002_complaints.complaint_21")
        pdf_page(
            b,
            base,
            "iso10002_complaints.report_letter_final",
            record,
            out,
            "compliance-letter",
        )

    @shot("complaints-dashboard")
    def complaints_dashboard(b, base, out):
        b.goto(f"{base}/odoo/dashboards", ".o_spreadsheet_dashboard_action")
        b.page.get_by_text("Complaints handling (ISO 10002)").first.click()
        b.settle(".o-figure canvas, .o-figure .o-scorecard")
        b.network_idle(quiet=2, timeout=60)
        b.shot(png(out, "complaints-dashboard"))

    @shot("complaint-analysis-graph")
    def complaint_analysis_graph(b, base, out):
        b.goto(
            f"{base}/odoo/action-iso10002_reports.action_complaint_pareto_category",
            ".o_graph_view canvas",
        )
        b.shot(png(out, "complaint-analysis-graph"))

    @shot("review-pdf-charts")
    def review_pdf_charts(b, base, out):
        review = b.rpc(
            "iso10002.management.review",
            "create",
            [{"date_from": "2026-01-01", "date_to": "2026-12-31"}],
        )
        pdf_page(
            b,
            base,
            "iso10002_reports.report_management_review",
            review,
            out,
            "review-pdf-charts",
            page=3,
        )
