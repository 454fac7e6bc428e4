"""Region heatmaps: recommendations prioritized and counted groups' participation by region
(pure, no Dash). Group counts under the privacy threshold show as "< 5" and get no colour."""

from __future__ import annotations

from flask_babel import format_percent
from flask_babel import gettext as _

from components.charts import Chart
from dashboard.figure_parts import empty, heatmap_figure, nothing, wrap
from data import i18n
from data.insights import Insights
from data.privacy import suppressed
from data.reference import reference


def region_heatmap(data: Insights, rtl: bool = False, compact: bool = False) -> Chart:
    """Share of each region's events that prioritized each recommendation (the recommendation
    itself or one of its initiatives)."""
    ref = reference()
    regions = [r for r in ref.regions if any(c.row == r for c in data.region_recommendation)]
    recs = list(ref.recommendations)
    share = {(c.row, c.column): c.value / c.of for c in data.region_recommendation if c.of}
    z = [[share.get((region, rec), 0.0) for rec in recs] for region in regions]
    text = [[format_percent(v) for v in row] for row in z]
    x = [
        str(ref.recommendations[r].number) if compact else wrap(i18n.recommendation(r), 18, rtl)
        for r in recs
    ]
    fig = heatmap_figure(z, x, regions, text, rtl, compact)
    columns = [_("Region"), *[i18n.recommendation(r) for r in recs]]
    rows = [[i18n.region(region), *row] for region, row in zip(regions, text, strict=True)]
    if not regions:
        return Chart(empty(fig), nothing(), columns, rows)
    best = max(share.items(), key=lambda kv: kv[1])
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
    x = [wrap(i18n.group(g), 8 if compact else 16, rtl) for g in groups]
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
