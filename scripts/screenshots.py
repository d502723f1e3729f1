#!/usr/bin/env python3
# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Screenshots of the guides (docs/img/*.png) from a running Odoo.

Normally run by scripts/screenshots.sh, which creates a throwaway database
with both addons and their demo data, serves it and calls:

    python3 scripts/screenshots.py --url http://127.0.0.1:PORT --out docs/img [SHOT...]

The database must hold the demo data of iso10002_complaints and
iso10002_reports, with the demo users admin/admin and portal/portal. The
browser is the machine's headless Chromium driven by Playwright (pip install
playwright; never `playwright install`: no browser is downloaded). It creates
one management review (the demo data has none), so run it against a
throwaway database, never a real one. --list prints the shots.
"""

import argparse
import json
import os
import shutil
import sys
import time

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover
    sys.exit(
        "playwright is missing: pip install -r requirements-docs.txt"
        " (it uses the machine's Chromium; no `playwright install` needed)"
    )

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from screenshots_browser import HEIGHT, VIEW_READY, WIDTH, Browser  # noqa: E402

# --- the shots ----------------------------------------------------------------
# Each shot is a function(browser, base, out) registered in SHOTS, run as admin
# unless listed in PORTAL_SHOTS / PUBLIC_SHOTS.
SHOTS = {}
PUBLIC_SHOTS = ("public-complaint-form", "public-complaints-policy")
PORTAL_SHOTS = ("portal-my-complaints", "portal-complaint")


def shot(name):
    def register(function):
        SHOTS[name] = function
        return function

    return register


def png(out, name):
    return os.path.join(out, f"{name}.png")


def section_clip(b, first_title, last_title, pad=12):
    """Box of the form from the title first_title to the end of the section
    titled last_title (the next title, or the end of the tab)."""
    box = b.js(
        "(() => {"
        " const pane = document.querySelector('.o_notebook .tab-pane.active');"
        " const titles = [...pane.querySelectorAll('.o_horizontal_separator')];"
        " const at = name => titles.findIndex(t => t.textContent.trim() === name);"
        f" const a = at({json.dumps(first_title)}), z = at({json.dumps(last_title)});"
        " if (a < 0 || z < 0) return null;"
        " const top = titles[a].getBoundingClientRect().top;"
        " const bottom = z + 1 < titles.length"
        "   ? titles[z + 1].getBoundingClientRect().top"
        "   : pane.getBoundingClientRect().bottom;"
        " const sheet = document.querySelector('.o_form_sheet')"
        "   .getBoundingClientRect();"
        " return {x: sheet.left, y: top, width: sheet.width,"
        "   height: bottom - top}; })()"
    )
    if not box:
        raise RuntimeError(f"form sections {first_title}..{last_title} not found")
    return {
        "x": max(box["x"] - pad, 0),
        "y": max(box["y"] - pad, 0),
        "width": min(box["width"] + 2 * pad, WIDTH),
        "height": box["height"] + pad,
    }


def open_complaint_tab(b):
    b.click(".o_notebook .nav-link[name='iso10002_complaint']", ".o_form_view")


def form_section(b, out, name, first_title, last_title):
    """A shot of the form's groups first_title..last_title, in a tall page."""
    b.viewport(3000)
    try:
        b.shot(png(out, name), section_clip(b, first_title, last_title))
    finally:
        b.viewport()


@shot("complaints-kanban")
def complaints_kanban(b, base, out):
    b.goto(f"{base}/odoo/complaints", ".o_kanban_view .o_kanban_record")
    b.shot(png(out, "complaints-kanban"))


@shot("complaints-list")
def complaints_list(b, base, out):
    b.goto(f"{base}/odoo/complaints?view_type=list", ".o_list_view .o_data_row")
    b.shot(png(out, "complaints-list"))


@shot("complaint-form")
def complaint_form(b, base, out):
    record = b.xmlid("iso10002_complaints.complaint_12")
    b.goto(f"{base}/odoo/complaints/{record}", ".o_form_view .o_form_sheet")
    open_complaint_tab(b)
    b.settle(".o-mail-Chatter .o-mail-Message")
    b.shot(png(out, "complaint-form"))


@shot("complaint-assessment")
def complaint_assessment(b, base, out):
    record = b.xmlid("iso10002_complaints.complaint_20")
    b.goto(f"{base}/odoo/complaints/{record}", ".o_form_view .o_form_sheet")
    open_complaint_tab(b)
    form_section(
        b, out, "complaint-assessment", "Assessment (7.5)", "Investigation (7.6)"
    )


@shot("complaint-decision")
def complaint_decision(b, base, out):
    record = b.xmlid("iso10002_complaints.complaint_21")
    b.goto(f"{base}/odoo/complaints/{record}", ".o_form_view .o_form_sheet")
    open_complaint_tab(b)
    form_section(b, out, "complaint-decision", "Response (7.7)", "Closing (7.9)")


@shot("complaints-monitoring")
def complaints_monitoring(b, base, out):
    b.goto(f"{base}/odoo/complaint-monitoring", ".o_form_view .o_form_sheet")
    # the form without the breadcrumbs (which name the unsaved wizard)
    box = b.rect(".o_action_manager .o_content")
    box["height"] = HEIGHT - box["y"]
    b.shot(png(out, "complaints-monitoring"), box)


@shot("complaints-monitoring-charts")
def complaints_monitoring_charts(b, base, out):
    # the charts sit below the figures: a tall page paints them
    b.viewport(2400)
    b.goto(f"{base}/odoo/complaint-monitoring", ".o_iso10002_monitor_charts svg")
    b.shot(
        png(out, "complaints-monitoring-charts"),
        b.rect(".o_iso10002_monitor_charts", 8),
    )
    b.viewport()


@shot("complaint-analysis")
def complaint_analysis(b, base, out):
    b.goto(f"{base}/odoo/complaint-analysis", ".o_pivot_view .o_pivot table")
    # all complaints rather than those of the current month (default filter)
    b.click(".o_searchview_facet .o_facet_remove", ".o_pivot_view .o_pivot table")
    b.shot(png(out, "complaint-analysis"))


@shot("complaints-policy")
def complaints_policy(b, base, out):
    b.goto(
        f"{base}/odoo/action-iso10002_complaints.action_complaint_policy",
        VIEW_READY,
    )
    if b.js("!!document.querySelector('.o_list_view .o_data_row')"):
        b.click(".o_list_view .o_data_row .o_data_cell", ".o_form_view .o_form_sheet")
    b.settle(".o_form_view .o_field_one2many .o_data_row")
    b.shot(png(out, "complaints-policy"))
    # the targets per severity, at the end of the form
    b.click(".o_notebook .nav-link[name='targets']", ".o_field_one2many .o_data_row")
    b.viewport(3000)
    try:
        box = b.rect(".o_form_sheet .o_notebook", pad=12)
        box["height"] = min(box["height"], 420)
        b.shot(png(out, "complaints-policy-targets"), box)
    finally:
        b.viewport()


@shot("settings")
def settings(b, base, out):
    b.goto(f"{base}/odoo/settings", ".o_setting_container, .settings")
    b.click(".settings_tab .tab[data-key='helpdesk_mgmt']", "#iso10002_policy")
    selector = "#iso10002_policy"
    block = b.js(
        f"(() => {{ const s = document.querySelector({json.dumps(selector)});"
        " const block = s.closest('.o_settings_container');"
        " block.id = block.id || 'iso10002-shot-block';"
        " const title = block.previousElementSibling;"
        " if (title) title.id = title.id || 'iso10002-shot-title';"
        " (title || block).scrollIntoView({block: 'start'});"
        " return [block.id, title ? title.id : null]; })()"
    )
    b.settle()
    box = b.rect(f"#{block[0]}", pad=12)
    if block[1]:
        title = b.rect(f"#{block[1]}", pad=12)
        box["height"] += box["y"] - title["y"]
        box["y"] = title["y"]
    b.shot(png(out, "settings"), box)


@shot("complaints-team")
def complaints_team(b, base, out):
    record = b.xmlid("iso10002_complaints.team_complaints")
    b.goto(
        f"{base}/odoo/action-helpdesk_mgmt.helpdesk_ticket_team_action/{record}",
        ".o_form_view .o_form_sheet",
    )
    b.shot(png(out, "complaints-team"))


@shot("management-review")
def management_review(b, base, out):
    reviews = b.rpc("iso10002.management.review", "search", [[]], limit=1)
    if reviews:
        review = reviews[0]
    else:
        today = time.strftime("%Y-%m-%d")
        year = int(today[:4])
        review = b.rpc(
            "iso10002.management.review",
            "create",
            [
                {
                    "title": f"Complaints review {year - 1}/{year}",
                    "date_from": f"{year - 1}-{today[5:]}",
                    "date_to": today,
                }
            ],
        )
        if isinstance(review, list):
            review = review[0]
        b.rpc("iso10002.management.review", "action_refresh_inputs", [[review]])
    b.goto(
        f"{base}/odoo/complaint-management-reviews/{review}",
        ".o_form_view .o_form_sheet",
    )
    b.shot(png(out, "management-review"))


@shot("user-groups")
def user_groups(b, base, out):
    record = b.xmlid("base.user_admin")
    b.goto(
        f"{base}/odoo/action-base.action_res_users/{record}",
        ".o_form_view .o_form_sheet",
    )
    b.shot(png(out, "user-groups"))


@shot("public-complaints-policy")
def public_policy(b, base, out):
    b.goto(f"{base}/complaints", "main, #wrap")
    b.shot(png(out, "public-complaints-policy"))


@shot("public-complaint-form")
def public_form(b, base, out):
    b.goto(f"{base}/complaints/new", "form")
    b.shot(png(out, "public-complaint-form"))


@shot("portal-my-complaints")
def portal_my_complaints(b, base, out):
    b.goto(f"{base}/my/complaints", "main, #wrap")
    b.shot(png(out, "portal-my-complaints"))


@shot("portal-complaint")
def portal_complaint(b, base, out):
    b.goto(f"{base}/my/complaints", "main, #wrap")
    link = b.js(
        "(() => { const a = document.querySelector('a[href*=\"/my/complaint/\"]');"
        " return a ? a.getAttribute('href') : null; })()"
    )
    if not link:
        raise RuntimeError("the portal user has no complaint to open")
    b.goto(base + link if link.startswith("/") else link, "main, #wrap")
    b.shot(png(out, "portal-complaint"))


def find_chromium():
    for name in (
        os.environ.get("CHROMIUM"),
        "chromium",
        "chromium-browser",
        "google-chrome",
    ):
        if name and shutil.which(name):
            return shutil.which(name)
    sys.exit(
        "chromium not found: install it (Debian: apt-get install chromium)"
        " or set CHROMIUM."
    )


# the shots of the compliance guide and of the analytics, kept apart
import screenshots_regulated  # noqa: E402

screenshots_regulated.register(shot, png, form_section, open_complaint_tab, VIEW_READY)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069", help="Odoo's address")
    parser.add_argument(
        "--out", default=os.path.join(os.path.dirname(__file__), "..", "docs", "img")
    )
    parser.add_argument(
        "--admin", default="admin:admin", help="LOGIN:PASSWORD of the administrator"
    )
    parser.add_argument(
        "--portal",
        default="portal:portal",
        help="LOGIN:PASSWORD of a portal complainant",
    )
    parser.add_argument("--list", action="store_true", help="list the shots and stop")
    parser.add_argument("shots", nargs="*", help="shots to take (default: all)")
    args = parser.parse_args()
    if args.list:
        print("\n".join(SHOTS))
        return
    unknown = set(args.shots) - set(SHOTS)
    if unknown:
        sys.exit(f"unknown shots: {', '.join(sorted(unknown))} (see --list)")
    wanted = args.shots or list(SHOTS)
    base = args.url.rstrip("/")
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    failed = []
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=find_chromium(),
            args=["--no-sandbox", "--hide-scrollbars", "--force-color-profile=srgb"],
        )
        page = chromium.new_page(
            viewport={"width": WIDTH, "height": HEIGHT}, locale="en-US"
        )
        page.set_default_timeout(60_000)
        browser = Browser(page, base)
        phases = (
            (
                "admin",
                args.admin,
                [s for s in wanted if s not in PUBLIC_SHOTS + PORTAL_SHOTS],
            ),
            ("public", None, [s for s in wanted if s in PUBLIC_SHOTS]),
            ("portal", args.portal, [s for s in wanted if s in PORTAL_SHOTS]),
        )
        for who, credentials, names in phases:
            if not names:
                continue
            print(f"as {who}:")
            if credentials:
                login, password = credentials.split(":", 1)
                landing = "/my" if who == "portal" else "/odoo/complaints"
                browser.login(login, password, landing)
            else:
                browser.logout()
            for name in names:
                try:
                    SHOTS[name](browser, base, out)
                except Exception as error:  # noqa: BLE001 (report them all)
                    failed.append(name)
                    print(f"  {name} FAILED: {error}", file=sys.stderr)
        chromium.close()
    if failed:
        sys.exit(f"failed shots: {', '.join(failed)}")


if __name__ == "__main__":
    main()
