"""Figure builders: aggregates in, a figure, a one-sentence summary and table rows out.

Pure (no Dash, no database); labels and numbers follow the current locale. Group counts that
describe fewer than PRIVACY_THRESHOLD people are never drawn or listed ("< 5").
"""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
from flask_babel import format_date, format_decimal, format_percent
from flask_babel import gettext as _

from components.charts import PALETTE, SEQUENTIAL, Chart, bidi, styled
from data import i18n
from data.insights import Insights
from data.privacy import suppressed
from data.queries import Summary
from data.reference import reference

TOP = 15


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


def _empty(fig: go.Figure) -> go.Figure:
    fig.add_annotation(
        text=_("No published reports match yet."),
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _nothing() -> str:
    return _("No published reports match yet.")


def ranking(
    summary: Summary, rtl: bool = False, weighting: str = "events", compact: bool = False
) -> Chart:
    """Initiatives ranked by Borda points, or by the participant-weighted score."""
    by_participants = weighting == "participants"
    items = sorted(
        summary.priorities,
        key=lambda p: (-(p.weighted if by_participants else p.points), -p.mentions, p.code),
    )
    columns = [
        _("Initiative"),
        _("Borda points"),
        _("Participant-weighted score"),
        _("Events"),
        _("Ranked first"),
        _("Regions"),
    ]
    rows = [
        [
            i18n.initiative(p.code),
            format_decimal(p.points),
            format_decimal(p.weighted, format="#,##0.00"),
            format_decimal(p.mentions),
            format_decimal(p.first_choices),
            format_decimal(p.regions),
        ]
        for p in items
    ]
    top = list(reversed(items[:TOP]))  # horizontal bars draw bottom-up
    values = [p.weighted if by_participants else p.points for p in top]
    axis = (
        _("Average Borda points per participant")
        if by_participants
        else _("Borda points (rank 1 of 5 earns 5 points)")
    )
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[_wrap(i18n.initiative(p.code), 20 if compact else 48, rtl) for p in top],
            orientation="h",
            marker_color=PALETTE[0],
            customdata=[
                [
                    p.code,
                    format_decimal(p.points),
                    format_decimal(p.mentions),
                    format_decimal(p.weighted, format="#,##0.00"),
                ]
                for p in top
            ],
            hovertemplate="%{y}<br>"
            + _("Borda points")
            + ": %{customdata[1]}<br>"
            + _("Participant-weighted score")
            + ": %{customdata[3]}<br>"
            + _("Events")
            + ": %{customdata[2]}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=bidi(axis, rtl))
    fig.update_yaxes(automargin=True)
    bar = 56 if compact else 34  # room for three-line labels on a phone
    styled(fig, rtl, height=max(300, bar * len(top) + 80))
    if compact:
        fig.update_yaxes(tickfont={"size": 11})
        fig.update_xaxes(title_text=bidi(_("Borda points"), rtl) if not by_participants else None)
    if not items:
        return Chart(_empty(fig), _nothing(), columns, rows)
    best = items[0]
    text = _(
        "The most prioritized initiative is “%(name)s”, with %(points)s points from "
        "%(events)s events.",
        name=i18n.initiative(best.code),
        points=format_decimal(best.points),
        events=format_decimal(best.mentions),
    )
    return Chart(fig, text, columns, rows)


def recommendations(summary: Summary, rtl: bool = False, compact: bool = False) -> Chart:
    """How many events put each recommendation in their top 3."""
    items = summary.recommendations
    columns = [_("Recommendation"), _("Events"), _("Points")]
    rows = [
        [i18n.recommendation(r.code), format_decimal(r.mentions), format_decimal(r.points)]
        for r in items
    ]
    fig = go.Figure(
        go.Bar(
            x=[r.mentions for r in items][::-1],
            y=[_wrap(i18n.recommendation(r.code), 18 if compact else 36, rtl) for r in items][::-1],
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
    styled(fig, rtl, height=max(300, (52 if compact else 34) * len(items) + 80))
    if compact:
        fig.update_yaxes(tickfont={"size": 11})
    if not items:
        return Chart(_empty(fig), _nothing(), columns, rows)
    best = max(items, key=lambda r: (r.mentions, r.points))
    text = _(
        "“%(name)s” was chosen by the most events (%(events)s).",
        name=i18n.recommendation(best.code),
        events=format_decimal(best.mentions),
    )
    return Chart(fig, text, columns, rows)


def world_map(
    data: Insights, metric: str = "events", view: str = "country", rtl: bool = False
) -> Chart:
    """A choropleth of events or participants by country or by region, or of each country's
    most prioritized recommendation. Clicks carry the country and region codes."""
    ref = reference()
    region_totals = {r.region: r for r in data.summary.by_region}
    fig = go.Figure()
    columns = [
        _("Country") if view == "country" else _("Region"),
        _("Events"),
        _("Participants"),
        _("Most prioritized recommendation"),
    ]
    if view == "region":
        rows = [
            [i18n.region(r.region), format_decimal(r.events), format_decimal(r.participants), ""]
            for r in data.summary.by_region
        ]
        shown = [c for c in ref.countries.values() if c.region in region_totals]
        value = (lambda r: r.participants) if metric == "participants" else (lambda r: r.events)
        fig.add_trace(
            go.Choropleth(
                locations=[c.alpha3 for c in shown],
                z=[value(region_totals[c.region]) for c in shown],
                customdata=[
                    [
                        c.code,
                        c.region,
                        i18n.region(c.region),
                        format_decimal(value(region_totals[c.region])),
                    ]
                    for c in shown
                ],
                hovertemplate="%{customdata[2]}: %{customdata[3]}<extra></extra>",
                colorscale=SEQUENTIAL,
                marker_line_color="white",
                marker_line_width=0.4,
                colorbar={"thickness": 10, "len": 0.6},
            )
        )
    else:
        rows = [
            [
                i18n.country(c.country),
                format_decimal(c.events),
                format_decimal(c.participants),
                i18n.recommendation(c.top_recommendation) if c.top_recommendation else "",
            ]
            for c in sorted(data.countries, key=lambda c: -c.events)
        ]
        countries = [c for c in data.countries if c.country in ref.countries]
        if metric == "recommendation":
            by_rec: dict[str, list] = {}
            for c in countries:
                if c.top_recommendation:
                    by_rec.setdefault(c.top_recommendation, []).append(c)
            for index, (rec, members) in enumerate(
                sorted(by_rec.items(), key=lambda kv: ref.recommendations[kv[0]].number)
            ):
                colour = PALETTE[index % len(PALETTE)]
                fig.add_trace(
                    go.Choropleth(
                        locations=[ref.countries[c.country].alpha3 for c in members],
                        z=[1] * len(members),
                        showscale=False,
                        showlegend=True,
                        name=_wrap(i18n.recommendation(rec), 30, rtl),
                        colorscale=[[0, colour], [1, colour]],
                        customdata=[
                            [
                                c.country,
                                ref.countries[c.country].region,
                                i18n.country(c.country),
                                i18n.recommendation(rec),
                            ]
                            for c in members
                        ],
                        hovertemplate="%{customdata[2]}: %{customdata[3]}<extra></extra>",
                        marker_line_color="white",
                        marker_line_width=0.4,
                    )
                )
        else:
            value = (lambda c: c.participants) if metric == "participants" else (lambda c: c.events)
            fig.add_trace(
                go.Choropleth(
                    locations=[ref.countries[c.country].alpha3 for c in countries],
                    z=[value(c) for c in countries],
                    customdata=[
                        [
                            c.country,
                            ref.countries[c.country].region,
                            i18n.country(c.country),
                            format_decimal(value(c)),
                        ]
                        for c in countries
                    ],
                    hovertemplate="%{customdata[2]}: %{customdata[3]}<extra></extra>",
                    colorscale=SEQUENTIAL,
                    marker_line_color="white",
                    marker_line_width=0.4,
                    colorbar={"thickness": 10, "len": 0.6},
                )
            )
    fig.update_geos(
        projection_type="natural earth",
        showframe=False,
        showcoastlines=False,
        showcountries=True,
        countrycolor="#bbb",
        showland=True,
        landcolor="#f1f1f1",
        center_lon=0,
        projection_rotation_lon=0,
        lataxis_range=[-58, 85],
    )
    styled(fig, rtl, height=420)
    fig.update_layout(legend={"orientation": "h", "y": -0.05}, clickmode="event")
    if not data.summary.events:
        return Chart(fig, _nothing(), columns, rows)
    text = _(
        "Reports came from %(countries)s countries in %(regions)s regions. Select a country "
        "or region on the map to filter every chart.",
        countries=format_decimal(data.summary.countries),
        regions=format_decimal(len(data.summary.by_region)),
    )
    return Chart(fig, text, columns, rows)


def _region_heatmap(z, x, regions, text, rtl: bool, compact: bool) -> go.Figure:
    """Regions down, categories across, each cell labelled; empty cells stay blank."""
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=x,
            y=[r if compact else bidi(i18n.region(r), rtl) for r in regions],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 8 if compact else 12},
            colorscale=SEQUENTIAL,
            zmin=0,
            zmax=1,
            showscale=False,
            hoverongaps=False,
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(automargin=True, autorange="reversed")
    fig.update_xaxes(automargin=True, tickangle=0, tickfont={"size": 10})
    return styled(fig, rtl, height=max(300, 44 * len(regions) + 150))


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
        str(ref.recommendations[r].number) if compact else _wrap(i18n.recommendation(r), 18, rtl)
        for r in recs
    ]
    fig = _region_heatmap(z, x, regions, text, rtl, compact)
    columns = [_("Region"), *[i18n.recommendation(r) for r in recs]]
    rows = [[i18n.region(region), *row] for region, row in zip(regions, text, strict=True)]
    if not regions:
        return Chart(_empty(fig), _nothing(), columns, rows)
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
    x = [_wrap(i18n.group(g), 8 if compact else 16, rtl) for g in groups]
    fig = _region_heatmap(z, x, regions, text, rtl, compact)
    columns = [_("Region"), *[i18n.group(g) for g in groups]]
    rows = [[i18n.region(r), *row] for r, row in zip(regions, text, strict=True)]
    if not regions:
        return Chart(_empty(fig), _nothing(), columns, rows)
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


def over_time(data: Insights, rtl: bool = False) -> Chart:
    """Events per week of their date."""
    weeks = data.weeks
    fig = go.Figure(
        go.Bar(
            x=[w for w, _n in weeks],
            y=[n for _w, n in weeks],
            marker_color=PALETTE[4],
            customdata=[[format_date(w), format_decimal(n)] for w, n in weeks],
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_yaxes(title_text=bidi(_("Events per week"), rtl))
    styled(fig, rtl, height=300)
    columns = [_("Week of"), _("Events")]
    rows = [[format_date(w), format_decimal(n)] for w, n in weeks]
    if not weeks:
        return Chart(_empty(fig), _nothing(), columns, rows)
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
    fig = go.Figure(
        go.Bar(
            x=[n for _c, n in items][::-1],
            y=[bidi(i18n.language(c), rtl) for c, _n in items][::-1],
            orientation="h",
            marker_color=PALETTE[3],
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=bidi(_("Events"), rtl))
    fig.update_yaxes(automargin=True)
    styled(fig, rtl, height=max(300, 26 * len(items) + 80))
    columns = [_("Language"), _("Events")]
    rows = [[i18n.language(c), format_decimal(n)] for c, n in data.languages]
    if not items:
        return Chart(_empty(fig), _nothing(), columns, rows)
    summary = _(
        "Events were held in %(count)s languages, most often in %(top)s.",
        count=format_decimal(len(data.languages)),
        top=i18n.language(items[0][0]),
    )
    return Chart(fig, summary, columns, rows)


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
