"""Individual contributions as a chart with its summary and table, and the planning column.
Pure: counts in, a ``Chart`` or rows out; words in the current locale."""

from __future__ import annotations

import math

import plotly.graph_objects as go
from flask_babel import format_decimal
from flask_babel import gettext as _

from components.charts import PALETTE, Chart, bidi, styled
from data import i18n
from data.aggregates.queries import Priority
from data.contributions.model import Counts

TOP = 15  # initiatives drawn; the table lists every one picked


def chart(counts: Counts, rtl: bool = False) -> Chart:
    """The most picked initiatives as bars; the table has initiatives and recommendations."""
    ranked = sorted(counts.initiatives.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ranked[:TOP]
    fig = go.Figure(
        go.Bar(
            x=[n for _c, n in shown][::-1],
            y=[bidi(i18n.initiative(c), rtl) for c, _n in shown][::-1],
            orientation="h",
            marker_color=PALETTE[3],
            hovertemplate="%{y}<br>" + _("Individual picks") + ": %{x}<extra></extra>",
        )
    )
    # Whole people: integer ticks, and room for the axis title under them.
    most = max((n for _c, n in shown), default=1)
    fig.update_xaxes(
        title_text=bidi(_("People who picked it"), rtl),
        tick0=0,
        dtick=max(1, math.ceil(most / 8)),
        automargin=True,
    )
    fig.update_yaxes(automargin=True)
    styled(fig, rtl, height=max(260, 30 * len(shown) + 80))
    columns = [_("Kind"), _("Initiative or recommendation"), _("Individual picks")]
    rows = [[_("Initiative"), i18n.initiative(c), format_decimal(n)] for c, n in ranked]
    rows += [
        [_("Recommendation"), i18n.recommendation(c), format_decimal(n)]
        for c, n in sorted(counts.recommendations.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if not counts.contributions:
        fig.update_layout(
            annotations=[
                {
                    "text": _("No individual contribution yet."),
                    "showarrow": False,
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                }
            ]
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return Chart(fig, _("No individual contribution yet."), columns, rows)
    text = _(
        "Individual contributions (not events): %(count)s; communities named: %(communities)s.",
        count=format_decimal(counts.contributions),
        communities=format_decimal(counts.communities),
    )
    if shown:
        code, n = shown[0]
        text += " " + _(
            "Most picked initiative: “%(name)s” (%(picks)s).",
            name=i18n.initiative(code),
            picks=format_decimal(n),
        )
    return Chart(fig, text, columns, rows)


def plan_rows(priorities: list[Priority], counts: Counts) -> list[list[str]]:
    """Per initiative: the events that chose it (filtered) beside the individual picks (never
    added together); initiatives only individuals picked come last."""
    events = {p.code: p.mentions for p in priorities}
    codes = [p.code for p in priorities]
    codes += sorted(c for c in counts.initiatives if c not in events)
    return [
        [
            i18n.initiative(c),
            format_decimal(events.get(c, 0)),
            format_decimal(counts.initiatives.get(c, 0)),
            format_decimal(counts.initiative_reasons.get(c, 0)),
        ]
        for c in codes
    ]


def plan_columns() -> list[str]:
    return [
        _("Initiative"),
        _("Events"),
        _("Individual contributions"),
        _("Of them with a reason"),
    ]
