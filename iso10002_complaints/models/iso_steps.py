# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The steps of the ISO 10002 complaints-handling process (7.2 to 7.9), as
data: their order, what each requires of the complaint, what the complainant
is told, and the evidence each leaves.

One table read by every consumer: the stage guard (what a complaint must hold
to be at a step), the portal progress (what the complainant sees), the
tracking form and the audit walk-through (the evidence of each step), and the
documentation matrix. Adding a requirement is one edit here.

Requirements are cumulative along :data:`STEPS`: a complaint at a step meets
the requirements of every earlier step too (a step cannot be skipped). The
terminal step ``withdrawn`` is the exception: it may end a complaint at any
step, and requires only its own.
"""

from dataclasses import dataclass

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


@dataclass(frozen=True)
class Requirement:
    """What a complaint must hold to be at a step.

    ``check(ticket)`` is true when the requirement is met; ``fields`` are
    the fields it reads (for the guard's dependencies and the docs);
    ``message`` says what is missing, in a sentence that completes "cannot
    move to the step ... yet:".
    """

    fields: tuple
    message: object
    check: object


def _holds(fname, message):
    """The field ``fname`` is set (a date, a value, a stored fact)."""
    return Requirement((fname,), message, lambda ticket: bool(ticket[fname]))


@dataclass(frozen=True)
class Step:
    """A step; ``label`` is the selection label of the stages' ISO step."""

    code: str
    label: str
    clause: str
    requires: tuple = ()
    terminal: bool = False
    # what the complainant reads on the portal at this step
    portal_title: object = None
    portal_text: object = None
    # the portal progress bar's milestone this step belongs to
    milestone: str = None
    # the evidence it leaves: when, and who (fields of helpdesk.ticket)
    date_field: str = None
    user_field: str = None
    cumulative: bool = True


STEPS = (
    Step(
        "received",
        "Received",
        "7.2",
        portal_title=_lt("Received"),
        portal_text=_lt("We have received your complaint and registered it."),
        milestone="received",
        date_field="received_date",
        user_field="create_uid",
    ),
    Step(
        "acknowledged",
        "Acknowledged",
        "7.4",
        requires=(
            _holds("ack_date", _lt("an acknowledgement must have been sent (7.4)")),
        ),
        portal_title=_lt("Acknowledged"),
        portal_text=_lt(
            "We have confirmed that we received your complaint. The person "
            "handling it will look into it shortly."
        ),
        milestone="acknowledged",
        date_field="ack_date",
    ),
    Step(
        "assessed",
        "Assessed",
        "7.5",
        requires=(_holds("severity", _lt("the severity must be assessed (7.5)")),),
        portal_title=_lt("Being assessed"),
        portal_text=_lt(
            "We have looked at how serious and urgent your complaint is and "
            "planned how to handle it."
        ),
        milestone="handled",
    ),
    Step(
        "investigating",
        "Investigating",
        "7.6",
        portal_title=_lt("Being investigated"),
        portal_text=_lt(
            "We are finding out what happened. We may contact you for more information."
        ),
        milestone="handled",
        user_field="user_id",
    ),
    Step(
        "responded",
        "Response proposed",
        "7.7",
        requires=(
            _holds(
                "has_response", _lt("a response or a remedy must be proposed (7.7)")
            ),
        ),
        portal_title=_lt("Response being prepared"),
        portal_text=_lt("We are preparing our answer and what we propose to do."),
        milestone="handled",
    ),
    Step(
        "decision_communicated",
        "Decision communicated",
        "7.8",
        requires=(
            _holds("decision_outcome", _lt("the decision outcome must be set (7.8)")),
            # the lighter path of a summary resolution (FCA DISP 1.5): the
            # summary resolution communication stands for the final response
            Requirement(
                ("decision_date", "summary_resolution"),
                _lt(
                    "the decision must have been communicated (7.8), or the "
                    "complaint closed with a summary resolution"
                ),
                lambda ticket: bool(ticket.decision_date or ticket.summary_resolution),
            ),
            # four-eyes (4.9): ticket_approval.py
            Requirement(
                ("approval_state",),
                _lt(
                    "a second person must have approved the final response and "
                    "the redress, when the complaints policy asks for it (4.9)"
                ),
                lambda ticket: ticket._iso_approval_met(),
            ),
        ),
        portal_title=_lt("Decision sent"),
        portal_text=_lt(
            "We have sent you our decision. Please tell us below whether you accept it."
        ),
        milestone="decision",
        date_field="decision_date",
        user_field="decision_user_id",
    ),
    Step(
        "closed",
        "Closed",
        "7.9",
        terminal=True,
        requires=(
            _holds("closure_reason", _lt("a closure reason must be given (7.9)")),
            Requirement(
                ("reaction", "closure_reason"),
                _lt(
                    "the complainant rejected the decision: it cannot be closed "
                    "as resolved (escalate, or refer to external dispute "
                    "resolution)"
                ),
                lambda ticket: (
                    not (
                        ticket.reaction == "rejected"
                        and ticket.closure_reason == "resolved"
                    )
                ),
            ),
        ),
        portal_title=_lt("Closed"),
        portal_text=_lt("Your complaint is closed. Thank you for telling us."),
        milestone="closed",
        date_field="closed_date",
        user_field="closed_by_id",
    ),
    Step(
        "withdrawn",
        "Withdrawn / rejected",
        "7.9",
        terminal=True,
        cumulative=False,
        requires=(
            Requirement(
                ("closure_reason",),
                _lt(
                    "the closure reason must be 'withdrawn' or 'not a complaint "
                    "/ out of scope'"
                ),
                lambda ticket: ticket.closure_reason in ("withdrawn", "out_of_scope"),
            ),
        ),
        portal_title=_lt("Withdrawn"),
        portal_text=_lt(
            "This complaint was withdrawn, or was not handled as a complaint. "
            "Contact us if you think this is a mistake."
        ),
        milestone="closed",
        date_field="closed_date",
        user_field="closed_by_id",
    ),
)

STEPS_BY_CODE = {step.code: step for step in STEPS}
# (code, label) pairs of the stage's selection field
ISO_STEPS = [(step.code, step.label) for step in STEPS]
STEP_ORDER = [step.code for step in STEPS]
TERMINAL_STEPS = tuple(step.code for step in STEPS if step.terminal)

# the portal's progress bar: its milestones in order, with their labels
MILESTONES = (
    ("received", _lt("Received")),
    ("acknowledged", _lt("Acknowledged")),
    ("handled", _lt("Handled")),
    ("decision", _lt("Decision")),
    ("closed", _lt("Closed")),
)


def requirements_for(code):
    """The requirements a complaint must meet to be at step ``code``."""
    step = STEPS_BY_CODE[code]
    if not step.cumulative:
        return step.requires
    reached = []
    for previous in STEPS:
        if previous.cumulative:
            reached.extend(previous.requires)
        if previous.code == code:
            break
    return tuple(reached)
