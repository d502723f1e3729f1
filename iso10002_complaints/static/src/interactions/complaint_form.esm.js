/* Copyright 2026 ISO 10002 for Odoo contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {Interaction} from "@web/public/interaction";
import {_t} from "@web/core/l10n/translation";
import {addLoadingEffect} from "@web/core/utils/ui";
import {registry} from "@web/core/registry";

/**
 * Complaint forms: warn about too many or too large files before sending,
 * and send the form only once (the server refuses duplicates anyway).
 */
export class ComplaintForm extends Interaction {
    static selector = ".o_iso10002_complaint_form, .o_iso10002_message_form";
    dynamicContent = {
        _root: {"t-on-submit": this.onSubmit},
        "input[type=file][data-max-bytes]": {"t-on-change.withTarget": this.onFilesChange},
    };

    onFilesChange(ev, inputEl) {
        const maxFiles = parseInt(inputEl.dataset.maxFiles || "0", 10);
        const maxBytes = parseInt(inputEl.dataset.maxBytes || "0", 10);
        const files = [...inputEl.files];
        let message = "";
        if (maxFiles && files.length > maxFiles) {
            message = _t("You can attach %(max)s files at most.", {max: maxFiles});
        } else {
            const tooLarge = files.filter((file) => maxBytes && file.size > maxBytes);
            if (tooLarge.length) {
                message = _t("Too large: %(files)s (%(max)s MB at most per file).", {
                    files: tooLarge.map((file) => file.name).join(", "),
                    max: Math.round((maxBytes / 1024 / 1024) * 10) / 10,
                });
            }
        }
        inputEl.setCustomValidity(message);
        inputEl.classList.toggle("is-invalid", Boolean(message));
        let feedbackEl = inputEl.parentElement.querySelector(".o_iso10002_file_feedback");
        if (!feedbackEl) {
            feedbackEl = document.createElement("div");
            feedbackEl.className = "invalid-feedback d-block o_iso10002_file_feedback";
            feedbackEl.setAttribute("role", "alert");
            inputEl.after(feedbackEl);
        }
        feedbackEl.textContent = message;
    }

    onSubmit(ev) {
        const fileInputEl = this.el.querySelector("input[type=file]:invalid");
        if (fileInputEl) {
            ev.preventDefault();
            fileInputEl.focus();
            return;
        }
        const submitEl = this.el.querySelector("button.o_iso10002_submit");
        if (submitEl && !submitEl.disabled) {
            this.registerCleanup(addLoadingEffect(submitEl));
        }
    }
}

registry
    .category("public.interactions")
    .add("iso10002_complaints.complaint_form", ComplaintForm);
