"""The world map: events or participants by country or region, or each country's most
prioritized recommendation (pure, no Dash; labels in the current locale)."""

from __future__ import annotations

from flask_babel import gettext as _

from components.charts import CATEGORICAL, SEQUENTIAL_SCALE, Chart, figure
from components.figure_parts import format_decimal, nothing, wrap
from data import i18n
from data.aggregates.insights import Insights
from data.reference import reference

BORDER = {"line": {"color": "white", "width": 0.4}}
# The place the filters chose: outlined, the rest faded (each location's own line and opacity).
CHOSEN_LINE, CHOSEN_WIDTH, FADED = "#212529", 2.5, 0.35
GEO = {
    "projection": {"type": "natural earth", "rotation": {"lon": 0}},
    "showframe": False,
    "showcoastlines": False,
    "showcountries": True,
    "countrycolor": "#bbb",
    "showland": True,
    "landcolor": "#f1f1f1",
    # With the served topojson the world centred on the Pacific until told otherwise.
    "center": {"lon": 0},
    "lataxis": {"range": [-58, 85]},
}


def top_by_region(data: Insights) -> dict[str, str]:
    """Each region's most prioritized recommendation (the most events; on a tie the lower
    number), from the region × recommendation counts."""
    number = {code: rec.number for code, rec in reference().recommendations.items()}
    top: dict[str, tuple[int, str]] = {}
    for cell in data.region_recommendation:
        best = top.get(cell.row)
        if best is None or (cell.value, -number[cell.column]) > (best[0], -number[best[1]]):
            top[cell.row] = (cell.value, cell.column)
    return {region: rec for region, (_n, rec) in top.items()}


def colour(rec: str) -> str:
    """A recommendation's colour, the same whatever the filters (one of ten per code)."""
    return CATEGORICAL[list(reference().recommendations).index(rec) % len(CATEGORICAL)]


def by_recommendation(places: list[tuple[str, str, str, str, str | None]], rtl: bool) -> list[dict]:
    """One trace per recommendation, with a legend entry: ``places`` are (ISO-3, country code,
    region code, label) with the place's top recommendation last."""
    ref = reference()
    groups: dict[str, list] = {}
    for *place, rec in places:
        if rec:
            groups.setdefault(rec, []).append(place)
    traces = []
    for rec in sorted(groups, key=lambda code: ref.recommendations[code].number):
        members, shade = groups[rec], colour(rec)
        traces.append(
            {
                "type": "choropleth",
                "locations": [alpha3 for alpha3, *_rest in members],
                "z": [1] * len(members),
                "showscale": False,
                "showlegend": True,
                "name": wrap(i18n.recommendation(rec), 30, rtl),
                "colorscale": [[0, shade], [1, shade]],
                "customdata": [
                    [code, region, label, i18n.recommendation(rec)]
                    for _a, code, region, label in members
                ],
                "hovertemplate": "%{customdata[2]}: %{customdata[3]}<extra></extra>",
                "marker": BORDER,
            }
        )
    return traces


def highlight(traces: list[dict], region: str | None, country: str | None) -> list[dict]:
    """The traces with the chosen place (``region`` and ``country``, the filters) outlined and
    every other place faded; unchanged when nothing is chosen or the place is not on the map.
    Each location's ``customdata`` starts with its country and region codes."""
    if not region and not country:
        return traces

    def chosen(point: list) -> bool:
        return (not country or point[0] == country) and (not region or point[1] == region)

    marks = [[chosen(point) for point in trace["customdata"]] for trace in traces]
    if not any(any(m) for m in marks):
        return traces
    # Plotly takes a line colour and width per location, but one opacity per trace: the
    # faded rest are the trace's "unselected" points.
    return [
        {
            **trace,
            "marker": {
                "line": {
                    "color": [CHOSEN_LINE if m else BORDER["line"]["color"] for m in mark],
                    "width": [CHOSEN_WIDTH if m else BORDER["line"]["width"] for m in mark],
                },
            },
            "selectedpoints": [i for i, m in enumerate(mark) if m],
            "selected": {"marker": {"opacity": 1}},
            "unselected": {"marker": {"opacity": FADED}},
        }
        for trace, mark in zip(traces, marks, strict=True)
    ]


def world_map(
    data: Insights,
    metric: str = "events",
    view: str = "country",
    rtl: bool = False,
    region: str | None = None,
    country: str | None = None,
) -> Chart:
    """A choropleth of events or participants by country or by region, or of each country's
    (or region's) most prioritized recommendation. Clicks carry the country and region codes;
    the chosen ``region`` or ``country`` (the place filters) is outlined and the rest faded."""
    ref = reference()
    region_totals = {r.region: r for r in data.summary.by_region}
    traces: list[dict] = []
    columns = [
        _("Country") if view == "country" else _("Region"),
        _("Events"),
        _("Participants"),
        _("Most prioritized recommendation"),
    ]
    if view == "region":
        top = top_by_region(data)
        rows = [
            [
                i18n.region(r.region),
                format_decimal(r.events),
                format_decimal(r.participants),
                i18n.recommendation(top[r.region]) if r.region in top else "",
            ]
            for r in data.summary.by_region
        ]
        shown = [c for c in ref.countries.values() if c.region in region_totals]
        if metric == "recommendation":
            traces = by_recommendation(
                [
                    (c.alpha3, c.code, c.region, i18n.region(c.region), top.get(c.region))
                    for c in shown
                ],
                rtl,
            )
        else:
            value = (lambda r: r.participants) if metric == "participants" else (lambda r: r.events)
            traces.append(
                {
                    "type": "choropleth",
                    "locations": [c.alpha3 for c in shown],
                    "z": [value(region_totals[c.region]) for c in shown],
                    "customdata": [
                        [
                            c.code,
                            c.region,
                            i18n.region(c.region),
                            format_decimal(value(region_totals[c.region])),
                        ]
                        for c in shown
                    ],
                    "hovertemplate": "%{customdata[2]}: %{customdata[3]}<extra></extra>",
                    "colorscale": SEQUENTIAL_SCALE,
                    "marker": BORDER,
                    "colorbar": {"thickness": 10, "len": 0.6},
                }
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
            traces = by_recommendation(
                [
                    (
                        ref.countries[c.country].alpha3,
                        c.country,
                        ref.countries[c.country].region,
                        i18n.country(c.country),
                        c.top_recommendation,
                    )
                    for c in countries
                ],
                rtl,
            )
        else:
            value = (lambda c: c.participants) if metric == "participants" else (lambda c: c.events)
            traces.append(
                {
                    "type": "choropleth",
                    "locations": [ref.countries[c.country].alpha3 for c in countries],
                    "z": [value(c) for c in countries],
                    "customdata": [
                        [
                            c.country,
                            ref.countries[c.country].region,
                            i18n.country(c.country),
                            format_decimal(value(c)),
                        ]
                        for c in countries
                    ],
                    "hovertemplate": "%{customdata[2]}: %{customdata[3]}<extra></extra>",
                    "colorscale": SEQUENTIAL_SCALE,
                    "marker": BORDER,
                    "colorbar": {"thickness": 10, "len": 0.6},
                }
            )
    fig = figure(
        highlight(traces, region, country),
        rtl,
        420,
        geo=GEO,
        legend={"orientation": "h", "y": -0.05},
        clickmode="event",
    )
    if not data.summary.events:
        return Chart(fig, nothing(), columns, rows)
    text = _(
        "Reports came from %(countries)s countries in %(regions)s regions. Select a country "
        "or region on the map to filter every chart.",
        countries=format_decimal(data.summary.countries),
        regions=format_decimal(len(data.summary.by_region)),
    )
    return Chart(fig, text, columns, rows)
