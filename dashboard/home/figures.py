"""The initiatives' and recommendations' figures (ranking, global coordination, recommendations)
and the stat card's group shares: aggregates in, a figure, a one-sentence summary and table
rows out. The map, the heatmaps and the activity over time have modules of their own.

Pure (no Dash, no database); labels and numbers follow the current locale. Group counts that
describe fewer than PRIVACY_THRESHOLD people are never drawn or listed: a share they hide reads
"n/a", one they make a lower bound "at least".
"""

from __future__ import annotations

from flask_babel import gettext as _

from components.charts import PALETTE, Chart, figure
from components.figure_parts import TOP, empty, format_decimal, nothing, wrap
from components.small_numbers import detail, headline
from data import i18n
from data.aggregates.queries import Summary
from data.privacy import group_share

MEASURES = ("mentions", "points", "participants")  # the ranking's toggle; the first is the default


def _label(name: str, rtl: bool, compact: bool) -> str:
    """An initiative's axis label: on a phone at most three lines of 20 characters, which fit
    the bar's 56 px (the hover gives the whole name)."""
    return wrap(name, 20, rtl, max_lines=3) if compact else wrap(name, 48, rtl)


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
        "y": [_label(i18n.initiative(p.code), rtl, compact) for p in top],
        "orientation": "h",
        "marker": {"color": PALETTE[0]},
        "customdata": [
            [
                p.code,
                format_decimal(p.points, format="#,##0.#"),
                format_decimal(p.mentions),
                format_decimal(p.weighted, format="#,##0.00"),
                wrap(i18n.initiative(p.code), 48, rtl),
            ]
            for p in top
        ],
        "hovertemplate": "%{customdata[4]}<br>"
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
        "y": [_label(i18n.initiative(c.code), rtl, compact) for c in top],
        "orientation": "h",
        "marker": {"color": PALETTE[1]},
        "customdata": [
            [format_decimal(c.events), wrap(i18n.initiative(c.code), 48, rtl)] for c in top
        ],
        "hovertemplate": "%{customdata[1]}<br>" + _("Events") + ": %{customdata[0]}<extra></extra>",
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


def group_shares(summary: Summary, threshold: int) -> list[tuple[str, str, str]]:
    """(group label, share of participants, what it leaves out) for the stat card: "n/a" when
    small counts hide the share, "at least" when they make it a lower bound, never a hidden
    share as 0 (``components.small_numbers``)."""
    out = []
    for g in summary.groups:
        value = group_share(g.count, g.of_participants, g.hidden_events, threshold)
        if value is not None:
            out.append((i18n.group(g.code), headline(value), detail(value, threshold)))
    return out
