"""A compact stepper of the process's phases (data/reference/phases.csv); the phase under way
today is highlighted and marked ``aria-current="step"``. One line: where it does not fit (a
phone), it scrolls sideways (assets/layout.css, ``.phases``)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton
from dash import html
from flask import has_app_context
from flask_babel import get_locale
from flask_babel import gettext as _

from data.phases import MONTH, PAST, Phase, current, phases

STEPPER_ID = "process-phases"


def _date(day: dt.date, precision: str) -> str:
    """A date as precisely as it is known: "Nov 21, 2020", or "Jan 2021" for a month."""
    # Dash validates callbacks by calling layouts bare, outside any app: English dates then.
    locale = get_locale() if has_app_context() else "en"
    if precision == MONTH:
        return format_skeleton("yMMM", day, locale=locale)
    return format_date(day, "medium", locale=locale)


def dates(phase: Phase) -> str:
    """The phase's dates as the sources give them; an unknown end is not shown, nor guessed."""
    start = _date(phase.start, phase.start_precision)
    if phase.open_ended:
        return _("from %(date)s", date=start)
    end = _date(phase.end, phase.end_precision)
    return start if end == start else f"{start} – {end}"


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
            html.Small(f"{dates(phase)} · {status}", className="d-block"),
        ],
        className=f"border rounded px-2 py-1 flex-shrink-0 text-nowrap {look}",
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
            # It may scroll: focusable, so that the keyboard can scroll it too (axe:
            # scrollable-region-focusable).
            html.Ol(
                [_step(n, p, now, today) for n, p in enumerate(items, start=1)],
                className="phases list-unstyled d-flex flex-nowrap gap-1 mb-0 small",
                tabIndex=0,
            ),
        ],
        id=STEPPER_ID,
        className="mb-3",
        **{"aria-label": _("Phases of the prioritization process")},
    )
