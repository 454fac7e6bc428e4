"""Planning figures and tables: overlap data in, figures and plain rows out.

Pure (no Dash callbacks, no database); labels and numbers follow the current locale.
"""

from __future__ import annotations

import plotly.graph_objects as go
from flask_babel import format_decimal
from flask_babel import gettext as _

from components.charts import Chart, styled
from components.small_numbers import full
from data import i18n
from data.overlap.shapes import Cell, Gaps, InitiativeMetrics, Pair
from data.privacy import THRESHOLD, group_share
from data.reference import reference
from data.support.plan_export import points_text

HEATMAP_ROWS = 20
# A single-hue scale (light to dark blue) reads the same with colour-vision deficiencies.
BLUES = [[0.0, "#f7fbff"], [0.5, "#6baed6"], [1.0, "#08306b"]]


def metrics_columns(group: str | None) -> list[str]:
    share = (
        _("Share of %(group)s", group=i18n.group(group)) if group else _("Share of counted group")
    )
    return [
        _("Initiative"),
        _("Events"),
        _("Points"),
        _("Events naming it for global coordination"),
        _("Regions"),
        _("Themes"),
        _("Participants"),
        share,
        _("Breadth (regions' top 5)"),
        _("Event-weighted score"),
        _("Participant-weighted score"),
    ]


def share_text(count: int, of: int, hidden: int, threshold: int) -> str:
    """A counted group's share as the public pages word it (``components.small_numbers``):
    "12%", "at least 12% (…)", "n/a — fewer than 5 people"; "–" when there is none to take."""
    value = group_share(count, of, hidden, threshold)
    return full(value, threshold) if value is not None else "–"


def metrics_rows(
    metrics: list[InitiativeMetrics], group: str | None, threshold: int = THRESHOLD
) -> list[list[str]]:
    def share(m: InitiativeMetrics) -> str:
        totals = m.group_totals.get(group) if group else None
        return share_text(*totals, threshold) if totals else "–"

    return [
        [
            i18n.initiative(m.code),
            format_decimal(m.events),
            points_text(m.points),
            format_decimal(m.coordination),
            format_decimal(m.regions),
            format_decimal(m.themes),
            format_decimal(m.participants),
            share(m),
            format_decimal(m.breadth),
            format_decimal(m.event_score, "#,##0.00"),
            format_decimal(m.participant_score, "#,##0.00"),
        ]
        for m in metrics
    ]


def heatmap(cells: list[Cell], metrics: list[InitiativeMetrics], rtl: bool = False) -> Chart:
    """Points of the top initiatives (by events, then points) in every region."""
    regions = list(reference().regions)
    codes = [m.code for m in metrics[:HEATMAP_ROWS]]
    points = {(c.code, c.region): c.points for c in cells}
    z = [[points.get((code, region), 0) for region in regions] for code in codes]
    region_labels = [i18n.region(r) for r in regions]
    code_labels = [
        f"{reference().initiatives[c].number}." if c in reference().initiatives else c
        for c in codes
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=region_labels,
            y=code_labels,
            colorscale=BLUES,
            hovertemplate="%{y} · %{x}: %{z:,.1~f}<extra></extra>",
            colorbar={"title": {"text": _("Points")}},
        )
    )
    fig = styled(fig, rtl, height=max(320, 26 * len(codes) + 120))
    fig.update_yaxes(autorange="reversed", title=_("Initiative number"))
    if codes:
        best = max(cells, key=lambda c: (c.points, c.code), default=None)
        summary = _(
            "The strongest overlap: %(initiative)s in %(region)s (%(points)s points).",
            initiative=i18n.initiative(best.code),
            region=i18n.region(best.region),
            points=points_text(best.points),
        )
    else:
        summary = _("No published report matches these filters.")
    columns = [_("Initiative"), *region_labels]
    rows = [
        [i18n.initiative(code), *(points_text(v) for v in row)]
        for code, row in zip(codes, z, strict=True)
    ]
    return Chart(fig, summary, columns, rows)


def pair_rows(pairs: list[Pair]) -> list[list[str]]:
    return [
        [i18n.initiative(p.first), i18n.initiative(p.second), format_decimal(p.events)]
        for p in pairs
    ]


def gap_rows(gaps: Gaps, threshold: int = THRESHOLD) -> dict[str, list[list[str]]]:
    """Coverage tables; a thin row is marked so that it can be styled and read aloud."""
    thin = _("thin")
    return {
        "regions": [
            [
                i18n.region(c.code),
                format_decimal(c.events),
                format_decimal(c.participants),
                thin if c.thin else "",
            ]
            for c in gaps.regions
        ],
        "languages": [
            [
                i18n.language(c.code),
                format_decimal(c.events),
                format_decimal(c.participants),
                thin if c.thin else "",
            ]
            for c in gaps.languages
        ],
        "groups": [
            [
                i18n.group(g.code),
                format_decimal(g.events),
                share_text(g.counted, g.of_participants, g.hidden_events, threshold),
                thin if g.thin else "",
            ]
            for g in gaps.groups
        ],
    }
