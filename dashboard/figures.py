"""Figure builders: a Summary in, a figure, a one-sentence summary and table rows out.

Pure (no Dash, no database); labels and numbers follow the current locale.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
from flask_babel import format_decimal, format_percent
from flask_babel import gettext as _

from components.charts import PALETTE, bidi, styled
from data import i18n
from data.privacy import suppressed
from data.queries import Summary

TOP = 15


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    summary: str
    columns: list[str]
    rows: list[list[str]]


def _wrap(label: str, width: int = 48, rtl: bool = False) -> str:
    """Break long labels so that bars keep room on a phone; each line embedded for RTL."""
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "<br>".join(bidi(text, rtl) for text in [*lines, line])


def ranking(summary: Summary, rtl: bool = False) -> Chart:
    """Initiatives ranked by Borda points (the top ones drawn; all in the table)."""
    items = summary.priorities
    columns = [_("Initiative"), _("Borda points"), _("Events"), _("Ranked first"), _("Regions")]
    rows = [
        [
            i18n.initiative(p.code),
            format_decimal(p.points),
            format_decimal(p.mentions),
            format_decimal(p.first_choices),
            format_decimal(p.regions),
        ]
        for p in items
    ]
    top = list(reversed(items[:TOP]))  # horizontal bars draw bottom-up
    labels = [_wrap(i18n.initiative(p.code), rtl=rtl) for p in top]
    fig = go.Figure(
        go.Bar(
            x=[p.points for p in top],
            y=labels,
            orientation="h",
            marker_color=PALETTE[0],
            customdata=[[format_decimal(p.points), format_decimal(p.mentions)] for p in top],
            hovertemplate="%{y}<br>"
            + _("Borda points")
            + ": %{customdata[0]}<br>"
            + _("Events")
            + ": %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=bidi(_("Borda points (rank 1 of 5 earns 5 points)"), rtl))
    fig.update_yaxes(automargin=True)
    styled(fig, rtl, height=max(300, 34 * len(top) + 80))
    if items:
        best = items[0]
        text = _(
            "The most prioritized initiative is “%(name)s”, with %(points)s points from "
            "%(events)s events.",
            name=i18n.initiative(best.code),
            points=format_decimal(best.points),
            events=format_decimal(best.mentions),
        )
    else:
        text = _("No published reports match yet.")
    return Chart(fig, text, columns, rows)


def recommendations(summary: Summary, rtl: bool = False) -> Chart:
    """How many events put each recommendation in their top 3."""
    items = summary.recommendations
    columns = [_("Recommendation"), _("Events"), _("Points")]
    rows = [
        [i18n.recommendation(r.code), format_decimal(r.mentions), format_decimal(r.points)]
        for r in items
    ]
    labels = [_wrap(i18n.recommendation(r.code), 36, rtl) for r in items]
    fig = go.Figure(
        go.Bar(
            x=[r.mentions for r in items][::-1],
            y=labels[::-1],
            orientation="h",
            marker_color=PALETTE[2],
            customdata=[[format_decimal(r.mentions), format_decimal(r.points)] for r in items][
                ::-1
            ],
            hovertemplate="%{y}<br>"
            + _("Events")
            + ": %{customdata[0]}<br>"
            + _("Points")
            + ": %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=bidi(_("Events that put it in their top 3"), rtl))
    fig.update_yaxes(automargin=True)
    styled(fig, rtl, height=max(300, 34 * len(items) + 80))
    if items:
        best = max(items, key=lambda r: (r.mentions, r.points))
        text = _(
            "“%(name)s” was chosen by the most events (%(events)s).",
            name=i18n.recommendation(best.code),
            events=format_decimal(best.mentions),
        )
    else:
        text = _("No published reports match yet.")
    return Chart(fig, text, columns, rows)


def group_shares(summary: Summary, threshold: int) -> list[tuple[str, str]]:
    """(group label, share of participants or "< 5") for the stat card."""
    out = []
    for g in summary.groups:
        if suppressed(g.count, threshold):
            value = f"< {threshold}"
        elif g.of_participants:
            value = format_percent(g.count / g.of_participants)
        else:
            continue
        out.append((i18n.group(g.code), value))
    return out
