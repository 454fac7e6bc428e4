"""When and in which languages events took place: events per week and the events' languages.
Aggregates in, a figure, a one-sentence summary and table rows out (pure, no Dash); labels and
numbers follow the current locale."""

from __future__ import annotations

import datetime as dt

from flask_babel import format_date
from flask_babel import gettext as _

from components.charts import PALETTE, Chart, bidi, figure
from components.figure_parts import TOP, empty, format_decimal, nothing
from data import i18n
from data.aggregates.insights import Insights

WEEK = dt.timedelta(days=7)
WEEK_MS = 7 * 24 * 3600 * 1000
# Up to this many weeks apart, a tick on every Monday (few enough to fit a phone); beyond,
# Plotly spaces the ticks.
WEEKLY_TICKS = 3


def over_time(data: Insights, rtl: bool = False) -> Chart:
    """Events per week of their date: one bar per week, from its Monday to its Sunday.

    A date axis with an explicit range padded by a week on each side: left to Plotly, a single
    week filled the whole width and took millisecond ticks. Tick labels are Plotly's own date
    formatting (in the page's Plotly locale)."""
    weeks = data.weeks
    bar = {
        "type": "bar",
        "x": [w.isoformat() for w, _n in weeks],
        "y": [n for _w, n in weeks],
        # Each bar covers its week (Monday to Sunday) rather than sitting on the Monday.
        "xperiod": WEEK_MS,
        "xperiod0": "2000-01-03",  # a Monday
        "xperiodalignment": "middle",
        "width": WEEK_MS * 0.8,
        "marker": {"color": PALETTE[4]},
        "customdata": [[format_date(w), format_decimal(n)] for w, n in weeks],
        "hovertemplate": "%{customdata[0]}: %{customdata[1]}<extra></extra>",
    }
    xaxis: dict = {"type": "date"}
    yaxis: dict = {"title": {"text": bidi(_("Events per week"), rtl)}, "rangemode": "tozero"}
    if weeks and max(n for _w, n in weeks) < 5:
        yaxis["dtick"] = 1  # whole events, not 0.2 steps
    if weeks:
        first, last = weeks[0][0], weeks[-1][0]
        xaxis["range"] = [(first - WEEK).isoformat(), (last + 2 * WEEK).isoformat()]
        if (last - first) // WEEK < WEEKLY_TICKS:
            # A tick on each Monday, where a week's bar begins (Plotly would pick days).
            xaxis.update(tick0=first.isoformat(), dtick=WEEK_MS)
    fig = figure(
        [bar],
        rtl,
        300,
        xaxis=xaxis,
        yaxis=yaxis,
    )
    columns = [_("Week of"), _("Events")]
    rows = [[format_date(w), format_decimal(n)] for w, n in weeks]
    if not weeks:
        return Chart(empty(fig), nothing(), columns, rows)
    busiest = max(weeks, key=lambda wn: wn[1])
    summary = _(
        "Events took place between %(first)s and %(last)s; the busiest week began on %(week)s.",
        first=format_date(weeks[0][0]),
        last=format_date(weeks[-1][0] + dt.timedelta(days=6)),
        week=format_date(busiest[0]),
    )
    return Chart(fig, summary, columns, rows)


def languages(data: Insights, rtl: bool = False, compact: bool = False) -> Chart:
    """The languages events were held in (the most frequent first)."""
    items = data.languages[:TOP]
    bar = {
        "type": "bar",
        "x": [n for _c, n in items][::-1],
        "y": [bidi(i18n.language(c), rtl) for c, _n in items][::-1],
        "orientation": "h",
        "marker": {"color": PALETTE[3]},
        "hovertemplate": "%{y}: %{x}<extra></extra>",
    }
    fig = figure(
        [bar],
        rtl,
        max(300, 26 * len(items) + 80),
        xaxis={"title": {"text": bidi(_("Events"), rtl)}},
        yaxis={"automargin": True},
    )
    columns = [_("Language"), _("Events")]
    rows = [[i18n.language(c), format_decimal(n)] for c, n in data.languages]
    if not items:
        return Chart(empty(fig), nothing(), columns, rows)
    summary = _(
        "Events were held in %(count)s languages, most often in %(top)s.",
        count=format_decimal(len(data.languages)),
        top=i18n.language(items[0][0]),
    )
    return Chart(fig, summary, columns, rows)
