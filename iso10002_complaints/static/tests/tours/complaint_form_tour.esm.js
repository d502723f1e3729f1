import {registry} from "@web/core/registry";

// Opens a demo complaint from the Complaints menu and walks its form sections.
registry.category("web_tour.tours").add("iso10002_complaint_form", {
    url: "/odoo/complaints",
    steps: () => [
        {
            content: "Complaints kanban shows the ISO stages",
            trigger: ".o_kanban_group .o_column_title:contains('Under investigation')",
        },
        {
            content: "Switch to the list view",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open a complaint under investigation",
            trigger: ".o_data_row td[name='complaint_ref']:contains('CMP/')",
            run: "click",
        },
        {
            content: "The complaint reference is in the title",
            trigger: ".o_form_view .oe_title span:contains('CMP/')",
        },
        {
            content: "Open the Complaint tab",
            trigger: ".o_notebook .nav-link:contains('Complaint')",
            run: "click",
        },
        {
            content: "Sections of the ISO process are shown",
            trigger: ".o_form_view .o_horizontal_separator:contains('Assessment (7.5)')",
        },
        {
            trigger: ".o_form_view .o_horizontal_separator:contains('Closing (7.9)')",
        },
        {
            content: "The deadline is computed",
            trigger: ".o_form_view div[name='response_deadline']:not(:empty)",
        },
    ],
});
