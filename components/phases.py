"""A compact stepper of the process's phases (data/reference/phases.csv); the phase under way
today is highlighted and marked ``aria-current="step"``. Bootstrap utilities only."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date
from dash import html
from flask import has_app_context
from flask_babel import format_date
from flask_babel import gettext as _

from data.phases import PAST, Phase, current, phases

STEPPER_ID = "process-phases"


def _day(day: dt.date) -> str:
    # Dash validates callbacks by calling layouts bare, outside any app: English dates then.
    if not has_app_context():
        return babel_format_date(day, "medium", locale="en")
    return format_date(day, "medium")


def _step(number: int, phase: Phase, now: Phase | None, today: dt.date) -> html.Li:
    is_now = phase is now
    state = phase.state(today)
    if is_now:
        status, look = _("Now"), "border-primary bg-primary-subtle"
    elif state == PAST:
        status, look = _("Done"), "text-body-secondary"
    else:
        status, look = _("Coming"), "text-body-secondary"
    extra = {"aria-current": "step"} if is_now else {}
    return html.Li(
        [
            html.Span(f"{number}. ", className="fw-semibold"),
            html.Span(_(phase.label), className="fw-semibold" if is_now else None),
            html.Span(
                f" · {_day(phase.start)} – {_day(phase.end)}",
                className="small",
            ),
            html.Span(f" · {status}", className="small"),
        ],
        className=f"border rounded px-2 py-1 {look}",
        **extra,
    )


def stepper(today: dt.date | None = None) -> html.Nav:
    """The phases, in order, with today's highlighted (none when the process is over)."""
    today = today or dt.date.today()
    items = phases()
    now = current(items, today)
    return html.Nav(
        [
            html.H2(_("Where we are in the process"), className="h6 mb-1"),
            html.Ol(
                [_step(n, p, now, today) for n, p in enumerate(items, start=1)],
                className="list-unstyled d-flex flex-wrap gap-2 mb-0 small",
            ),
        ],
        id=STEPPER_ID,
        className="mb-3",
        **{"aria-label": _("Phases of the prioritization process")},
    )
