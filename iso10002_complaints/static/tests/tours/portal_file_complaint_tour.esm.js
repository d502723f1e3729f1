/* Copyright 2026 ISO 10002 for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A portal customer files a complaint from /my and lands on its page.
registry.category("web_tour.tours").add("iso10002_portal_file_complaint", {
    url: "/my",
    steps: () => [
        {
            content: "The Complaints card shows, even before any complaint",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/complaints']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Complaints list, with the way to file one",
            trigger: "a.o_iso10002_new_complaint",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Short title",
            trigger: "input[name='subject']",
            run: "edit Wrong size delivered",
        },
        {
            content: "What happened",
            trigger: "textarea[name='description']",
            run: "edit I ordered a size M jacket and received a size XL.",
        },
        {
            content: "Product or service",
            trigger: "input[name='product_service']",
            run: "edit Winter jacket",
        },
        {
            content: "What would you like us to do?",
            trigger: "textarea[name='remedy_requested']",
            run: "edit Exchange it for a size M",
        },
        {
            content: "Topic",
            trigger: "select[name='category_id']",
            run: "selectByLabel Delivery",
        },
        {
            content: "Contact me on the portal",
            trigger: "input[name='contact_preference'][value='portal']",
            run: "click",
        },
        {
            content: "Consent to processing",
            trigger: "input[name='consent']",
            run: "click",
        },
        {
            content: "Send",
            trigger: "button.o_iso10002_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The complaint page shows its reference",
            trigger: ".o_iso10002_reference:contains('CMP/')",
        },
        {
            content: "and where it stands, in plain words",
            trigger: ".o_iso10002_step_text:contains('received your complaint')",
        },
        {
            content: "and what was told",
            trigger: ".o_iso10002_description:contains('size XL')",
        },
        {
            content: "Back to the portal home",
            trigger: ".o_portal_submenu a[href='/my/home']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The Complaints card counts the new complaint",
            trigger: ".o_portal_index_card .o_iso10002_complaint_count:contains('1')",
        },
    ],
});
