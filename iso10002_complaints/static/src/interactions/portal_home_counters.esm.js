/* Copyright 2026 ISO 10002 for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {PortalHomeCounters} from "@portal/interactions/portal_home_counters";
import {patch} from "@web/core/utils/patch";

// The Complaints card stays on /my without any complaint: it is where one
// files the first (ISO 10002 4.5, accessibility); and it shows how many
// complaints the customer has.
patch(PortalHomeCounters.prototype, {
    getCountersAlwaysDisplayed() {
        return super.getCountersAlwaysDisplayed(...arguments).concat(["complaint_count"]);
    },
    async updateCounters() {
        const result = await super.updateCounters(...arguments);
        const counterEl = this.el.querySelector("[data-placeholder_count='complaint_count']");
        if (counterEl && parseInt(counterEl.textContent || "0", 10) > 0) {
            counterEl.classList.remove("d-none");
            counterEl.classList.add("fw-bold", "o_iso10002_complaint_count");
        }
        return result;
    },
});
