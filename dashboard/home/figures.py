"""Figure builders: aggregates in, a figure, a one-sentence summary and table rows out.

Pure (no Dash, no database); labels and numbers follow the current locale. Group counts that
describe fewer than PRIVACY_THRESHOLD people are never drawn or listed ("< 5").
"""

from __future__ import annotations

import datetime as dt

from flask_babel import format_date, format_percent, ngettext
from flask_babel import gettext as _

from components.charts import PALETTE, Chart, bidi, figure
from dashboard.home.figure_parts import TOP, empty, format_decimal, nothing, wrap
from dashboard.home.heatmaps import group_participation, region_heatmap
from dashboard.home.map_figure import world_map
from data import i18n
from data.aggregates.insights import Insights
from data.aggregates.queries import Summary
from data.privacy import suppressed

WEEK = dt.timedelta(days=7)

# The map and the heatmaps live in modules of their own; importable from here as before.
__all__ = [
    "coordination",
    "group_participation",
    "group_shares",
    "languages",
    "over_time",
    "ranking",
    "recommendations",
    "region_heatmap",
    "world_map",
]


MEASURES = ("mentions", "points", "participants")  # the ranking's toggle; the first is the default


def _value(p, measure: str) -> float:
    if measure == "participants":
        return p.weighted
    return p.points if measure == "points" else p.mentions


def ranking(
    summary: Summary, rtl: bool = False, measure: str = "mentions", compact: bool = False
) -> Chart:
    """Initiatives ranked by mentions (events that named them: the same meaning for every
    report), by points (every event hands out 15) or by points weighted by participants."""
    measure = measure if measure in MEASURES else MEASURES[0]
    items = sorted(
        summary.priorities,
        key=lambda p: (-_value(p, measure), -p.mentions, -p.points, p.code),
    )
    columns = [
        _("Initiative"),
        _("Events that named it"),
        _("Points"),
        _("Participant-weighted points"),
        _("Ranked first"),
        _("Regions"),
    ]
    rows = [
        [
            i18n.initiative(p.code),
            format_decimal(p.mentions),
            format_decimal(p.points, format="#,##0.#"),
            format_decimal(p.weighted, format="#,##0.00"),
            format_decimal(p.first_choices),
            format_decimal(p.regions),
        ]
        for p in items
    ]
    top = list(reversed(items[:TOP]))  # horizontal bars draw bottom-up
    axis = {
        "mentions": _("Events that named it"),
        "points": _("Points (each event hands out 15)"),
        "participants": _("Points per participant, weighted by attendance"),
    }[measure]
    bar = {
        "type": "bar",
        "x": [_value(p, measure) for p in top],
        "y": [wrap(i18n.initiative(p.code), 20 if compact else 48, rtl) for p in top],
        "orientation": "h",
        "marker": {"color": PALETTE[0]},
        "customdata": [
            [
                p.code,
                format_decimal(p.points, format="#,##0.#"),
                format_decimal(p.mentions),
                format_decimal(p.weighted, format="#,##0.00"),
            ]
            for p in top
        ],
        "hovertemplate": "%{y}<br>"
        + _("Events that named it")
        + ": %{customdata[2]}<br>"
        + _("Points")
        + ": %{customdata[1]}<br>"
        + _("Participant-weighted points")
        + ": %{customdata[3]}<extra></extra>",
    }
    title = {"text": wrap(axis, 20 if compact else 44, rtl)}  # a title wider than the plot is cut
    yaxis = {"automargin": True}
    if compact:
        yaxis["tickfont"] = {"size": 11}
    height = (56 if compact else 34) * len(top) + 80  # room for three-line labels on a phone
    fig = figure([bar], rtl, max(300, height), xaxis={"title": title}, yaxis=yaxis)
    if not items:
        return Chart(empty(fig), nothing(), columns, rows)
    best = items[0]
    text = _(
        "“%(name)s” leads: %(events)s events named it, for %(points)s points.",
        name=i18n.initiative(best.code),
        points=format_decimal(best.points, format="#,##0.#"),
        events=format_decimal(best.mentions),
    )
    return Chart(fig, text, columns, rows)


def coordination(summary: Summary, rtl: bool = False, compact: bool = False) -> Chart:
    """The initiatives events named as a focus of global coordination (the question whose
    answer decided the 2020 outcome), by how many events named each."""
    items = summary.coordination
    columns = [_("Initiative"), _("Events that named it for global coordination"), _("Regions")]
    rows = [
        [i18n.initiative(c.code), format_decimal(c.events), format_decimal(c.regions)]
        for c in items
    ]
    top = list(reversed(items[:TOP]))
    bar = {
        "type": "bar",
        "x": [c.events for c in top],
        "y": [wrap(i18n.initiative(c.code), 20 if compact else 48, rtl) for c in top],
        "orientation": "h",
        "marker": {"color": PALETTE[1]},
        "customdata": [[format_decimal(c.events)] for c in top],
        "hovertemplate": "%{y}<br>" + _("Events") + ": %{customdata[0]}<extra></extra>",
    }
    fig = figure(
        [bar],
        rtl,
        max(300, (56 if compact else 34) * len(top) + 80),
        xaxis={"title": {"text": wrap(_("Events that named it"), 28, rtl)}},
        yaxis={"automargin": True, **({"tickfont": {"size": 11}} if compact else {})},
    )
    if not items:
        return Chart(empty(fig), nothing(), columns, rows)
    best = items[0]
    text = _(
        "“%(name)s” was named for global coordination by the most events (%(events)s).",
        name=i18n.initiative(best.code),
        events=format_decimal(best.events),
    )
    return Chart(fig, text, columns, rows)


def recommendations(summary: Summary, rtl: bool = False, compact: bool = False) -> Chart:
    """How many events chose each recommendation."""
    items = summary.recommendations
    columns = [_("Recommendation"), _("Events"), _("Points")]
    rows = [
        [
            i18n.recommendation(r.code),
            format_decimal(r.mentions),
            format_decimal(r.points, format="#,##0.#"),
        ]
        for r in items
    ]
    bar = {
        "type": "bar",
        "x": [r.mentions for r in items][::-1],
        "y": [wrap(i18n.recommendation(r.code), 18 if compact else 36, rtl) for r in items][::-1],
        "orientation": "h",
        "marker": {"color": PALETTE[2]},
        "customdata": [
            [format_decimal(r.mentions), format_decimal(r.points, format="#,##0.#")] for r in items
        ][::-1],
        "hovertemplate": "%{y}<br>"
        + _("Events")
        + ": %{customdata[0]}<br>"
        + _("Points")
        + ": %{customdata[1]}<extra></extra>",
    }
    fig = figure(
        [bar],
        rtl,
        max(300, (52 if compact else 34) * len(items) + 80),
        xaxis={"title": {"text": wrap(_("Events that chose it"), 28, rtl)}},
        yaxis={"automargin": True, **({"tickfont": {"size": 11}} if compact else {})},
    )
    if not items:
        return Chart(empty(fig), nothing(), columns, rows)
    best = max(items, key=lambda r: (r.mentions, r.points))
    text = _(
        "“%(name)s” was chosen by the most events (%(events)s).",
        name=i18n.recommendation(best.code),
        events=format_decimal(best.mentions),
    )
    return Chart(fig, text, columns, rows)


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


def group_shares(summary: Summary, threshold: int) -> list[tuple[str, str]]:
    """(group label, share of participants or "< 5") for the stat card; with the number of
    events whose hidden count the share leaves out (it is a lower bound then)."""
    out = []
    for g in summary.groups:
        if suppressed(g.count, threshold):
            value = f"< {threshold}"
        elif g.of_participants:
            value = format_percent(g.count / g.of_participants)
        else:
            continue
        if g.hidden_events:
            left_out = ngettext(
                "%(num)d event left out", "%(num)d events left out", g.hidden_events
            )
            value = f"{value} ({left_out})"
        out.append((i18n.group(g.code), value))
    return out
