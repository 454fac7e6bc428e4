"""The dashboard's view model: every number, figure, summary and table the dashboard shows for
one set of filters, one language and one data version, built by pure functions from the
aggregates (no database, no request) and handed to the callback's outputs by name."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from dash import Patch, html, no_update
from flask_babel import format_decimal
from flask_babel import gettext as _

from components.charts import Chart, table_json
from dashboard.home import activity, figures, heatmaps, map_figure, place_picks
from data.aggregates.insights import Insights
from data.aggregates.queries import Filters, Summary
from data.filters import to_query

# What new data can change in a figure's layout: the height follows the number of bars or
# rows, the axes and the "no reports yet" note come and go with the empty state. The rest (the
# look, the map's projection, the legend's place) follows the view, which a live update keeps.
LIVE_LAYOUT = ("height", "xaxis", "yaxis", "annotations")


@dataclass(frozen=True)
class ChartView:
    """One chart as the page receives it: the figure, its summary sentence, its data table."""

    figure: dict
    summary: str
    table: dict

    @classmethod
    def of(cls, chart: Chart) -> ChartView:
        return cls(chart.figure, chart.summary, table_json(chart.columns, chart.rows))

    def outputs(self) -> dict:
        return {"figure": self.figure, "summary": self.summary, "table": self.table}


@dataclass(frozen=True)
class Options:
    """How the viewer looks at the data: the map's measure and unit, the ranking's measure,
    right-to-left and a phone-sized screen."""

    metric: str
    view: str
    weighting: str
    rtl: bool
    compact: bool


@dataclass(frozen=True)
class DashboardView:
    rendered: int  # the data version shown
    events: str
    participants: str
    countries: str
    groups: object  # a list of shares, or a sentence when nothing is counted yet
    status: str  # "N reports published, M waiting for review. Last report:"
    last_report: str | None  # ISO time of the newest report ("N minutes ago" is clientside)
    download: str  # the CSV of the filtered reports
    charts: dict[str, ChartView]
    regions: list = ()  # beside the map: a button per region (dashboard/home/place_picks.py)

    def outputs(self) -> dict:
        """The values by output name (the keys of the callback's ``output`` dict)."""
        return {
            "regions": list(self.regions),
            "rendered": self.rendered,
            "events": self.events,
            "participants": self.participants,
            "countries": self.countries,
            "groups": self.groups,
            "status": self.status,
            "last_report": self.last_report,
            "download": self.download,
            "charts": {name: chart.outputs() for name, chart in self.charts.items()},
        }


def build(
    version: int,
    filters: Filters,
    data: Insights,
    world: Insights,
    fresh,
    options: Options,
    threshold: int,
) -> DashboardView:
    """The view of ``data`` (``world``: the same without the place filters, for the map), in
    the current locale."""
    summary = data.summary
    return DashboardView(
        rendered=version,
        events=format_decimal(summary.events),
        participants=participants_text(summary),
        countries=format_decimal(summary.countries),
        groups=group_list(summary, threshold),
        status=_(
            "%(published)s reports published, %(pending)s waiting for review. Last report:",
            published=format_decimal(fresh.published),
            pending=format_decimal(fresh.pending),
        ),
        last_report=fresh.last_report.isoformat() + "Z" if fresh.last_report else None,
        download="/api/v1/reports?" + urlencode({"format": "csv", **to_query(filters)}),
        charts=charts(data, world, options, threshold, filters),
        regions=place_picks.region_list(world, filters.region),
    )


def charts(
    data: Insights,
    world: Insights,
    options: Options,
    threshold: int,
    filters: Filters | None = None,
) -> dict:
    """Every chart by name (the names of ``dashboard.home.ids.CHARTS``); the map shows the
    place ``filters`` chose."""
    rtl, compact = options.rtl, options.compact
    summary = data.summary
    place = (filters.region, filters.country) if filters else (None, None)
    built = {
        "map": map_figure.world_map(world, options.metric, options.view, rtl, *place),
        "ranking": figures.ranking(summary, rtl, options.weighting, compact),
        "recommendations": figures.recommendations(summary, rtl, compact),
        "coordination": figures.coordination(summary, rtl, compact),
        "heatmap": heatmaps.region_heatmap(data, rtl, compact),
        "groups": heatmaps.group_participation(data, threshold, rtl, compact),
        "time": activity.over_time(data, rtl),
        "languages": activity.languages(data, rtl, compact),
    }
    views = {name: ChartView.of(chart) for name, chart in built.items()}
    # The map's place names are buttons that filter by the place, as a click on the map does.
    chosen = place[0] if options.view == "region" else place[1]
    table = place_picks.map_table(built["map"], world, options.view, chosen)
    return {**views, "map": ChartView(views["map"].figure, views["map"].summary, table)}


def group_list(summary: Summary, threshold: int):
    shares = figures.group_shares(summary, threshold)
    if not shares:
        return _("No counts reported yet.")
    return html.Ul(
        [
            html.Li(
                [
                    f"{label}: ",
                    html.Strong(value),
                    # What an "n/a" or an "at least" leaves out, in a quieter voice.
                    *([" ", html.Small(f"({why})", className="text-muted")] if why else []),
                ]
            )
            for label, value, why in shares
        ],
        className="list-unstyled mb-0",
    )


def participants_text(summary: Summary) -> str:
    """The participants' total; "at least" when some events wrote "over 30" or no number."""
    total = format_decimal(summary.participants)
    return _("at least %(number)s", number=total) if summary.lower_bound_events else total


def as_patch(figure: dict) -> Patch:
    """The figure's traces and the parts of its layout that data can change, as a Patch.

    A live update changes data, not looks: the browser keeps the template, colours, fonts and
    the map's geography it already has (≈ 600 bytes a figure less on the wire). The note of an
    empty figure is always sent, as an empty list once there are reports, so that it leaves.
    """
    patch = Patch()
    patch["data"] = figure["data"]
    layout = figure["layout"]
    for key in LIVE_LAYOUT:
        patch["layout"][key] = layout.get(key, [] if key == "annotations" else None)
    return patch


def live(outputs: dict) -> dict:
    """The outputs (as JSON) with every figure sent as a Patch (the data version moved under an
    unchanged view); the outputs given are left as they are (they may be cached)."""
    return {
        **outputs,
        "charts": {
            name: {**chart, "figure": as_patch(chart["figure"])}
            for name, chart in outputs["charts"].items()
        },
    }


def figure_changes(figure: dict, shown: dict):
    """A Patch of what moved from ``shown`` (the figure the page has) to ``figure``: the trace
    properties that differ (``x``, ``y``, ``text``, ``customdata``…) and the parts of the layout
    that data can change; ``no_update`` when nothing did. A trace added, removed or reshaped is
    sent whole."""
    patch = Patch()
    changed = False
    new, old = figure["data"], shown["data"]
    if len(new) != len(old):
        patch["data"] = new
        changed = True
    else:
        for i, (trace, before) in enumerate(zip(new, old, strict=True)):
            if trace == before:
                continue
            changed = True
            if trace.keys() != before.keys():
                patch["data"][i] = trace
                continue
            for key, value in trace.items():
                if value != before[key]:
                    patch["data"][i][key] = value
    for key in LIVE_LAYOUT:
        empty = [] if key == "annotations" else None
        value = figure["layout"].get(key, empty)
        if value != shown["layout"].get(key, empty):
            patch["layout"][key] = value
            changed = True
    return patch if changed else no_update


def to_send(outputs: dict, opened: dict, live: bool, shown: dict | None = None) -> dict:
    """What a callback answer carries of ``outputs`` (as JSON; left as they are, they may be
    cached): a chart's table only while its <details> is ``opened``; on a ``live`` update
    (the data version moved under an unchanged view) figures as Patches, and, when ``shown``
    (the answer the page has) is known, only what changed since it.

    At 1,000 reports the tables were most of a live answer's bytes; a table opened later is
    sent by its own callback (``callbacks.open_table``)."""
    charts = {}
    for name, chart in outputs["charts"].items():
        before = shown["charts"][name] if shown else None
        if shown:
            figure = figure_changes(chart["figure"], before["figure"])
        else:
            figure = as_patch(chart["figure"]) if live else chart["figure"]
        charts[name] = {
            "figure": figure,
            "summary": _same(chart["summary"], before and before["summary"]),
            # An open table is always sent: the page's may be newer than ``shown`` (opened
            # between two polls, it showed the newest version).
            "table": chart["table"] if opened.get(name) else no_update,
        }
    if not shown:
        return {**outputs, "charts": charts}
    return {
        **{key: _same(value, shown.get(key)) for key, value in outputs.items()},
        "rendered": outputs["rendered"],
        "charts": charts,
    }


def _same(value, before):
    """``no_update`` when the page already shows ``value``."""
    return no_update if before is not None and value == before else value
