"""Region heatmaps: recommendations prioritized and counted groups' participation by region
(pure, no Dash). A group share that counts under the privacy threshold hide reads "n/a" on a
hatched cell, never "0%"; a lower bound reads "≥" (``components.small_numbers``)."""

from __future__ import annotations

from flask_babel import format_percent, ngettext
from flask_babel import gettext as _

from components.charts import Chart, bidi
from components.figure_parts import (
    empty,
    format_decimal,
    heatmap_figure,
    nothing,
    region_label,
    wrap,
)
from components.small_numbers import bare, full, headline, not_available, notes, short
from data import i18n
from data.aggregates.insights import Insights
from data.privacy import HIDDEN, GroupShare, group_share
from data.reference import reference

# A region with fewer events than this gets no colour in the region × recommendation heatmap.
MIN_EVENTS = 5


def region_heatmap(data: Insights, rtl: bool = False, compact: bool = False) -> Chart:
    """Share of each region's events that prioritized each recommendation (the recommendation
    itself or one of its initiatives).

    Each row names its number of events; a region with fewer than MIN_EVENTS events gets no
    colour (2 events of 2 would read as a striking 100%) and is left out of the summary."""
    ref = reference()
    regions = [r for r in ref.regions if any(c.row == r for c in data.region_recommendation)]
    recs = list(ref.recommendations)
    events = {c.row: c.of for c in data.region_recommendation}
    share = {(c.row, c.column): c.value / c.of for c in data.region_recommendation if c.of}
    shares = [[share.get((region, rec), 0.0) for rec in recs] for region in regions]
    text = [[format_percent(v) for v in row] for row in shares]
    thin = [r for r in regions if events[r] < MIN_EVENTS]
    z = [
        [None] * len(recs) if region in thin else row
        for region, row in zip(regions, shares, strict=True)
    ]
    x = [
        str(ref.recommendations[r].number) if compact else wrap(i18n.recommendation(r), 14, rtl)
        for r in recs
    ]
    labels = [
        # On a phone the name in short lines over the count, to leave the cells room.
        region_label(region, rtl, compact)
        + "<br>"
        + bidi(_("n = %(events)s", events=format_decimal(events[region])), rtl)
        if compact
        else bidi(
            _(
                "%(region)s (n = %(events)s)",
                region=i18n.region(region),
                events=format_decimal(events[region]),
            ),
            rtl,
        )
        for region in regions
    ]
    note = (
        ngettext(
            "Regions with fewer than %(num)d event are not coloured: too few to compare.",
            "Regions with fewer than %(num)d events are not coloured: too few to compare.",
            MIN_EVENTS,
        )
        if thin
        else None
    )
    # On a phone ten columns leave a cell room for "67", not "67 %": whole percentages, named
    # in the axis title (the hover and the table keep the full text).
    shown = [[format_decimal(round(v * 100)) for v in row] for row in shares] if compact else None
    xtitle = (
        wrap(_("Recommendation · percent of the region's events"), 30, rtl) if compact else None
    )
    fig = heatmap_figure(z, x, regions, text, rtl, compact, labels, note, shown, xtitle)
    columns = [_("Region"), _("Events"), *[i18n.recommendation(r) for r in recs]]
    rows = [
        [i18n.region(region), format_decimal(events[region]), *row]
        for region, row in zip(regions, text, strict=True)
    ]
    if not regions:
        return Chart(empty(fig), nothing(), columns, rows)
    compared = {key: v for key, v in share.items() if key[0] not in thin}
    if not compared:
        summary = ngettext(
            "Every region has fewer than %(num)d event: too few to compare.",
            "Every region has fewer than %(num)d events: too few to compare.",
            MIN_EVENTS,
        )
        return Chart(fig, summary, columns, rows)
    best = max(compared.items(), key=lambda kv: kv[1])
    summary = _(
        "The strongest overlap: %(share)s of the events in %(region)s prioritized “%(name)s”.",
        share=format_percent(best[1]),
        region=i18n.region(best[0][0]),
        name=i18n.recommendation(best[0][1]),
    )
    return Chart(fig, summary, columns, rows)


def group_participation(
    data: Insights, threshold: int, rtl: bool = False, compact: bool = False
) -> Chart:
    """Shares of participants from each counted group, by region (a heatmap).

    A share that small counts hide (``components.small_numbers``) is never drawn as 0: its cell
    reads "n/a", hatched and uncoloured, with the reason in its hover and in the table; a lower
    bound reads "≥ 12%" (the hover and the table say "at least"). A caption explains both."""
    ref = reference()
    groups = list(ref.groups)
    regions = [r for r in ref.regions if any(c.row == r for c in data.region_groups)]
    cells = {(c.row, c.column): c for c in data.region_groups}

    def value(region: str, group: str) -> GroupShare | None:
        cell = cells.get((region, group))
        return cell and group_share(cell.value, cell.of, cell.hidden, threshold)

    values = [[value(r, g) for g in groups] for r in regions]
    z = [[None if v is None or v.state == HIDDEN else v.share for v in row] for row in values]
    # On a phone six columns leave a cell room for "≥ 32", not "≥ 32%": whole percentages,
    # named in the axis title (the hover and the table keep the full text).
    label = bare if compact else short
    cell_text = [
        ["" if v is None or v.state == HIDDEN else label(v) for v in row] for row in values
    ]
    worded = [["" if v is None else full(v, threshold) for v in row] for row in values]
    x = [wrap(i18n.group(g), 8 if compact else 10, rtl) for g in groups]
    note = " ".join(notes([v for row in values for v in row], threshold)) or None
    hover = [[bidi(text, rtl) if text else text for text in row] for row in worded]
    # The caption spans the cells only (the regions' names take the rest of the width).
    xtitle = wrap(_("Group · percent of participants"), 30, rtl) if compact else None
    fig = heatmap_figure(
        z,
        x,
        regions,
        hover,
        rtl,
        compact,
        note=note,
        shown=cell_text,
        xtitle=xtitle,
        note_width=32 if compact else 60,
    )
    hidden = [[v is not None and v.state == HIDDEN for v in row] for row in values]
    if any(any(row) for row in hidden):
        _hatch(fig, hidden, hover, rtl, compact)
    columns = [_("Region"), *[i18n.group(g) for g in groups]]
    rows = [[i18n.region(r), *row] for r, row in zip(regions, worded, strict=True)]
    if not regions:
        return Chart(empty(fig), nothing(), columns, rows)
    women = [
        (r, v)
        for r, v in zip(regions, (row[groups.index("women")] for row in values), strict=True)
        if v is not None and v.state != HIDDEN
    ]
    if women:
        region, best = max(women, key=lambda rv: rv[1].share)
        summary = _(
            "Women's share of participants is highest in %(region)s (%(share)s).",
            region=i18n.region(region),
            share=headline(best),
        )
    else:
        summary = _("Shares of participants from each counted group, by region.")
    return Chart(
        fig,
        " ".join([summary, *notes([v for row in values for v in row], threshold)]),
        columns,
        rows,
    )


# Hidden cells: a pale fill under "n/a", crossed by diagonal lines (a pattern no colour of the
# scale has, so it cannot be read as a low share), drawn under the label so that it stays legible.
HIDDEN_FILL = "#F2F4F7"
HATCH = "#8C96A3"
HATCH_STEPS = (-0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75)


def _hatch(fig: dict, hidden: list[list[bool]], hover: list[list[str]], rtl, compact) -> None:
    """Add to ``fig`` (a group heatmap) a layer for the hidden cells: labelled "n/a", with the
    reason as the hover, and hatched by one path shape per cell."""
    main = fig["data"][0]
    fig["data"].append(
        {
            "type": "heatmap",
            "z": [[1 if h else None for h in row] for row in hidden],
            "x": main["x"],
            "y": main["y"],
            "text": [[not_available() if h else "" for h in row] for row in hidden],
            "texttemplate": "%{text}",
            "textfont": {"size": 10 if compact else 12, "color": "#2a3f5f"},
            "customdata": hover,
            "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            "zmin": 0,
            "zmax": 1,
            "showscale": False,
            "hoverongaps": False,
            "hovertemplate": "%{y}<br>%{x}: %{customdata}<extra></extra>",
        }
    )
    shapes = []
    for row, flags in enumerate(hidden):
        for column, flag in enumerate(flags):
            if flag:
                shapes += _cell_hatch(column, row)
    fig["layout"]["shapes"] = shapes


def _cell_hatch(column: int, row: int) -> list[dict]:
    """A pale rectangle and diagonal lines over one cell, in the category axes' index units
    (the y axis runs downwards: a line "/" goes up from its lower left)."""
    left, bottom = column - 0.5, row + 0.5

    def at(u: float, v: float) -> str:
        return f"{round(left + u, 3)},{round(bottom - v, 3)}"

    lines = " ".join(
        f"M{at(max(0.0, -c), max(0.0, c))} L{at(min(1.0, 1 - c), min(1.0, 1 + c))}"
        for c in HATCH_STEPS
    )
    box = {"xref": "x", "yref": "y", "layer": "below"}
    return [
        {
            **box,
            "type": "rect",
            "x0": left,
            "x1": left + 1,
            "y0": bottom,
            "y1": bottom - 1,
            "fillcolor": HIDDEN_FILL,
            "line": {"width": 0},
        },
        {**box, "type": "path", "path": lines, "line": {"color": HATCH, "width": 1}},
    ]
