# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The browser of screenshots.py: a Playwright page with the few Odoo-aware
steps the shots need (log in, open an action, wait until the web client
is idle, take a picture)."""

import json
import os
import time

WIDTH, HEIGHT = 1440, 900
# what Odoo's web client shows once an action is rendered
VIEW_READY = ".o_action_manager .o_view_controller"
BUSY = (
    ".o_loading_indicator, .o_blockUI, .o-mail-Thread .o-mail-Loading,"
    " .o_kanban_view .o-mail-Loading"
)


class Browser:
    """A Playwright page with the few Odoo-aware steps the shots need."""

    def __init__(self, page, base):
        self.page = page
        self.base = base
        self.inflight = set()
        self.last_network = time.monotonic()
        page.on("request", self._request_started)
        page.on("requestfinished", self._request_ended)
        page.on("requestfailed", self._request_ended)

    def _request_started(self, request):
        # the bus's shared worker never reports the end of its script
        if "/bus/websocket_worker" not in request.url:
            self.inflight.add(request)
        self.last_network = time.monotonic()

    def _request_ended(self, request):
        self.inflight.discard(request)
        self.last_network = time.monotonic()

    def network_idle(self, quiet=0.5, timeout=30):
        """No request of the page for ``quiet`` seconds (Playwright's own
        "networkidle" waits for the bus worker, which never ends)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.inflight and time.monotonic() - self.last_network >= quiet:
                return
            self.page.wait_for_timeout(100)  # lets Playwright deliver events
        self.inflight.clear()  # long requests must not block forever

    def js(self, expression):
        """Evaluate JavaScript (promises awaited); returns its JSON value."""
        return self.page.evaluate(expression)

    def settle(self, selector=None):
        """Wait for selector, network idle, no spinner, fonts and images."""
        page = self.page
        if selector:
            page.wait_for_selector(selector, timeout=30_000)
        self.network_idle()
        page.wait_for_function(
            f"!document.querySelector({json.dumps(BUSY)})", timeout=20_000
        )
        page.evaluate("document.fonts.ready.then(() => true)")
        self.network_idle()
        page.wait_for_timeout(300)  # animations (chatter, dropdowns)

    def goto(self, url, selector=None):
        self.page.goto(url, wait_until="load")
        self.settle(selector)

    def click(self, selector, settle=None):
        self.page.locator(selector).first.click()
        self.settle(settle)

    def rect(self, selector, pad=0):
        """Page coordinates of selector's box."""
        box = self.page.locator(selector).first.bounding_box()
        if not box:
            raise RuntimeError(f"nothing to crop to: {selector}")
        x = max(box["x"] - pad, 0)
        y = max(box["y"] - pad, 0)
        return {
            "x": x,
            "y": y,
            "width": min(box["width"] + 2 * pad, WIDTH - x),
            "height": box["height"] + 2 * pad,
        }

    def viewport(self, height=HEIGHT):
        """Resize the page: Odoo scrolls inside .o_content, not the document,
        so a part of a long form is only painted in a tall enough page."""
        self.page.set_viewport_size({"width": WIDTH, "height": height})
        self.settle()

    def shot(self, path, clip=None):
        # Playwright's page has the focus: no autofocused field selected
        self.page.evaluate("document.activeElement && document.activeElement.blur()")
        self.page.screenshot(path=path, clip=clip, animations="disabled")
        print(f"  {os.path.basename(path)}", flush=True)

    def login(self, login, password, landing="/odoo/complaints"):
        # landing: not the default home of admin, Discuss, which keeps a
        # request open
        self.goto(
            f"{self.base}/web/session/logout?redirect=/web/login%3Fredirect%3D{landing}",
            "form.oe_login_form",
        )
        form = self.page.locator("form.oe_login_form")
        form.locator("input[name=login]").fill(login)
        form.locator("input[name=password]").fill(password)
        with self.page.expect_navigation():
            form.locator("button[type=submit]").click()
        if "/web/login" in self.page.url:
            raise RuntimeError(f"could not log in as {login}")
        self.settle()

    def logout(self):
        self.goto(
            f"{self.base}/web/session/logout?redirect=/web/login",
            "form.oe_login_form",
        )

    def rpc(self, model, method, args=(), **kwargs):
        """JSON-RPC call_kw in the browser's session."""
        response = self.page.request.post(
            f"{self.base}/web/dataset/call_kw/{model}/{method}",
            data={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            },
        )
        answer = response.json()
        if answer.get("error"):
            raise RuntimeError(
                f"{model}.{method}: {answer['error']['data']['message']}"
            )
        return answer["result"]

    def xmlid(self, name):
        module, xml = name.split(".")
        rows = self.rpc(
            "ir.model.data",
            "search_read",
            [[("module", "=", module), ("name", "=", xml)]],
            fields=["res_id"],
        )
        if not rows:
            raise RuntimeError(f"no record {name}: is the demo data installed?")
        return rows[0]["res_id"]
