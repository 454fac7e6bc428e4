"""Region heatmaps: recommendations prioritized and counted groups' participation by region
(pure, no Dash). Group counts under the privacy threshold show as "< 5" and get no colour."""

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
from data import i18n
from data.aggregates.insights import Insights
from data.privacy import suppressed
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
    """Shares of participants from each counted group, by region (a heatmap); a cell whose
    count describes fewer than ``threshold`` people shows "< 5" and no colour."""
    ref = reference()
    groups = list(ref.groups)
    regions = [r for r in ref.regions if any(c.row == r for c in data.region_groups)]
    cells = {(c.row, c.column): c for c in data.region_groups}

    def share(region: str, group: str) -> float | None:
        cell = cells.get((region, group))
        if cell is None or not cell.of or suppressed(cell.value, threshold):
            return None
        return cell.value / cell.of

    def shown(region: str, group: str) -> str:
        cell = cells.get((region, group))
        if cell is None or not cell.of:
            return ""
        if suppressed(cell.value, threshold):
            return f"< {threshold}"
        return format_percent(cell.value / cell.of)

    z = [[share(r, g) for g in groups] for r in regions]
    text = [[shown(r, g) for g in groups] for r in regions]
    x = [wrap(i18n.group(g), 8 if compact else 10, rtl) for g in groups]
    fig = heatmap_figure(z, x, regions, text, rtl, compact)
    columns = [_("Region"), *[i18n.group(g) for g in groups]]
    rows = [[i18n.region(r), *row] for r, row in zip(regions, text, strict=True)]
    if not regions:
        return Chart(empty(fig), nothing(), columns, rows)
    women = [(r, share(r, "women")) for r in regions if share(r, "women") is not None]
    if women:
        region, value = max(women, key=lambda rv: rv[1])
        summary = _(
            "Women's share of participants is highest in %(region)s (%(share)s).",
            region=i18n.region(region),
            share=format_percent(value),
        )
    else:
        summary = _("Shares of participants from each counted group, by region.")
    return Chart(fig, summary, columns, rows)
