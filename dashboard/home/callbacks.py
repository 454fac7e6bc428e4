"""Dashboard callbacks.

The poll is clientside: every few seconds the browser asks ``/api/v1/version`` (a tiny JSON
answer that HTTP caches and proxies may serve) and only when the version moved does a server
callback run. Server callbacks read aggregates from the version-keyed cache, so a thousand open
dashboards cost one query per version and filter combination.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from dash import ALL, Input, Output, Patch, State, ctx, html, no_update
from flask import current_app
from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _
from plotly.io.json import to_json_plotly

from components import ids as shell_ids
from components.charts import table_json
from components.filters import DROPDOWNS, FILTER, filter_id
from dashboard.home import figures, ids
from dashboard.home.layout import MANY, PRESSED, TOGGLES, UNPRESSED
from data import i18n
from data.aggregates import insights as insights_module
from data.aggregates.queries import Filters
from data.aggregates.read import facet_ranges
from data.cache import (
    cached,
    cached_freshness,
    cached_insights,
    current_version,
    memoized,
)
from data.db import current_db
from data.filters import parse_filters, to_query
from data.reference import reference

POLL_VERSION = """
async function(n, rendered) {
    try {
        const response = await fetch("/api/v1/version", {headers: {"Accept": "application/json"}});
        if (!response.ok) { return window.dash_clientside.no_update; }
        const body = await response.json();
        return body.version === rendered ? window.dash_clientside.no_update : body.version;
    } catch (e) {
        return window.dash_clientside.no_update;  // offline for a moment: keep what is shown
    }
}
"""

# The filters and the view's toggles live in the URL query (defaults left out), so a link
# restores the view. replaceState leaves Dash's page router alone (it would re-render the page on
# a pushState).
SYNC_URL = (
    """
function(values, metric, view, weight, compare, names) {
    const params = new URLSearchParams();
    names.forEach(function (id, i) {
        if (values[i] && values[i] !== "any") { params.set(id.name, values[i]); }
    });
    const toggles = {metric: metric, view: view, weight: weight};
    for (const [name, value] of Object.entries(toggles)) {
        if (value && value !== DEFAULTS[name]) { params.set(name, value); }
    }
    if (compare) { params.set("compare", compare); }
    const query = params.toString();
    const url = window.location.pathname + (query ? "?" + query : "");
    if (url !== window.location.pathname + window.location.search) {
        window.history.replaceState(window.history.state, "", url);
    }
    return window.dash_clientside.no_update;
}
"""
).replace("DEFAULTS", json.dumps({name: allowed[0] for name, (_id, allowed) in TOGGLES.items()}))

# A chip is pressed while its group is filtered with "many" (a quarter or half) of them.
CHIPS = (
    (
        """
function(values, names, chips) {
    const current = {};
    names.forEach(function (id, i) { current[id.name] = values[i]; });
    const many = current.share === "25" || current.share === "50";
    const pressed = chips.map(function (id) { return many && current.group === id.group; });
    return [pressed.map(function (p) { return p ? PRESSED : UNPRESSED; }),
            pressed.map(function (p) { return String(p); })];
}
"""
    )
    .replace("UNPRESSED", json.dumps(UNPRESSED))
    .replace("PRESSED", json.dumps(PRESSED))
)

# "N minutes ago" in the viewer's language, kept true as time passes (Intl does the words).
AGO = """
function(iso, tick, lang) {
    if (!iso) { return ""; }
    const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
    const format = new Intl.RelativeTimeFormat(lang, {numeric: "auto"});
    const steps = [[60, "second"], [3600, "minute"], [86400, "hour"], [Infinity, "day"]];
    let divisor = 1;
    for (const [limit, unit] of steps) {
        if (Math.abs(seconds) < limit) {
            return format.format(Math.round(seconds / divisor), unit);
        }
        divisor = limit;
    }
}
"""


def filters_from(values: list, names: list[dict]) -> Filters:
    """Filters from the controls' values (unknown values are dropped, never an error)."""
    args = {i["name"]: v for i, v in zip(names, values, strict=True) if v and v != "any"}
    filters, problems = parse_filters(args)
    return (
        filters
        if not problems
        else parse_filters({k: v for k, v in args.items() if k not in problems})[0]
    )


def filter_options(_version, lang: str):
    """Options of the dropdown filters: only values present in the published data."""
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    _v, present = memoized(
        current_db(), f"options:{threshold}", lambda s: insights_module.options(s, threshold)
    )
    with force_locale(i18n.normalize(lang)):

        def labelled(codes, label):
            return sorted(
                ({"label": label(c), "value": c} for c in codes),
                key=lambda o: o["label"].casefold(),
            )

        return (
            [
                {"label": i18n.region(c), "value": c}
                for c in reference().regions
                if c in present.regions
            ],
            i18n.country_options(present.countries),
            labelled(present.themes, i18n.theme),
            [
                {"label": i18n.event_format(c), "value": c}
                for c in reference().formats
                if c in present.formats
            ],
            labelled(present.languages, i18n.language),
            [
                {"label": i18n.group(c), "value": c}
                for c in reference().groups
                if c in present.groups
            ],
        )


FIRST_FIGURE = 8  # outputs before the charts; then figure, summary, table per chart


# What new data can change in a figure's layout: the height follows the number of bars or
# rows, the axes and the "no reports yet" note come and go with the empty state. The rest (the
# look, the map's projection, the legend's place) follows the view, which a live update keeps.
LIVE_LAYOUT = ("height", "xaxis", "yaxis", "annotations")


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


def update_dashboard(
    _version, values, metric, view, weighting, lang, names, live=False, compact=False
):
    """Every number, figure, summary and table of the dashboard for the current filters;
    with ``live`` (the data version moved under an unchanged view) figures go as Patches.

    The whole answer is cached as JSON under the data version and the view, so a thousand
    viewers of one view cost one rendering per version (building Plotly and Dash objects is
    most of a warm answer's time)."""
    lang = i18n.normalize(lang)
    db = current_db()
    version = current_version(db)
    filters = filters_from(values, names)
    key = f"view:{version}:{filters.key()}:{lang}:{metric}:{view}:{weighting}:{compact}"
    out = cached(
        key,
        lambda: json.loads(
            to_json_plotly(render(db, version, filters, metric, view, weighting, lang, compact))
        ),
    )
    if live:
        out = list(out)
        for index in range(FIRST_FIGURE, len(out), 3):
            out[index] = as_patch(out[index])
    return out


def render(db, version, filters, metric, view, weighting, lang, compact):
    """The dashboard's outputs, built from the version-keyed aggregates."""
    # The map ignores its own (geographic) filters, so another place can be picked on it.
    unplaced = Filters(**{**filters.__dict__, "region": None, "country": None})
    if unplaced == filters:
        _v, data = cached_insights(db, filters, version)
        world = data
    elif facet_ranges(unplaced) is not None:  # one filter left: its facet, shared with its view
        _v, data = cached_insights(db, filters, version)
        _v, world = cached_insights(db, unplaced, version)
    else:  # both recounts: one pass over the place-less reports
        _v, (data, world) = memoized(
            db,
            f"with-world:{filters.key()}",
            lambda session: insights_module.insights_with_world(session, filters),
            version,
        )
    _v, fresh = cached_freshness(db, version)
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    rtl = i18n.is_rtl(lang)
    with force_locale(lang):
        summary = data.summary
        shares = figures.group_shares(summary, threshold)
        groups = (
            html.Ul(
                [html.Li([f"{label}: ", html.Strong(value)]) for label, value in shares],
                className="list-unstyled mb-0",
            )
            if shares
            else _("No counts reported yet.")
        )
        status = _(
            "%(published)s reports published, %(pending)s waiting for review. Last report:",
            published=format_decimal(fresh.published),
            pending=format_decimal(fresh.pending),
        )
        last = fresh.last_report.isoformat() + "Z" if fresh.last_report else None
        download = "/api/v1/reports?" + urlencode({"format": "csv", **to_query(filters)})
        charts = [
            figures.world_map(world, metric, view, rtl),
            figures.ranking(summary, rtl, weighting, compact),
            figures.recommendations(summary, rtl, compact),
            figures.coordination(summary, rtl, compact),
            figures.region_heatmap(data, rtl, compact),
            figures.group_participation(data, threshold, rtl, compact),
            figures.over_time(data, rtl),
            figures.languages(data, rtl, compact),
        ]
        out = [
            version,
            format_decimal(summary.events),
            participants_text(summary),
            format_decimal(summary.countries),
            groups,
            status,
            last,
            download,
        ]
        for chart in charts:
            out += [chart.figure, chart.summary, table_json(chart.columns, chart.rows)]
        return out


def participants_text(summary) -> str:
    """The participants' total; "at least" when some events wrote "over 30" or no number."""
    total = format_decimal(summary.participants)
    return _("at least %(number)s", number=total) if summary.lower_bound_events else total


def update_dashboard_callback(
    version, values, metric, view, weighting, compact, lang, names, rendered
):
    live = rendered is not None and ctx.triggered_id == ids.VERSION
    return update_dashboard(
        version, values, metric, view, weighting, lang, names, live, bool(compact)
    )


def pick_place(click, _clear, _chips, view, values, names):
    return place_filters(ctx.triggered_id, click, view, values, names)


def chip_filters(group: str, values, names):
    """A chip sets "many participants from ``group``" (the group at a quarter); pressed again
    (its group already filtered at a quarter or half), it clears the group and its share."""
    current = dict(zip([n["name"] for n in names], values, strict=True))
    pressed = current.get("group") == group and current.get("share") in ("25", "50")
    chosen = {"group": None, "share": "any"} if pressed else {"group": group, "share": MANY}
    return [chosen.get(n["name"], no_update) for n in names]


def place_filters(trigger, click, view, values, names):
    """A map click filters by its country (or region); a chip by its group; "Clear filters"
    empties them all."""
    if trigger == ids.CLEAR:
        return ["any" if n["name"] == "share" else None for n in names]
    if isinstance(trigger, dict) and trigger.get("type") == ids.CHIP:
        return chip_filters(trigger["group"], values, names)
    if not click or not click.get("points"):
        return [no_update] * len(names)
    point = click["points"][0].get("customdata") or []
    if len(point) < 2:
        return [no_update] * len(names)
    key, code = ("region", point[1]) if view == "region" else ("country", point[0])
    current = dict(zip([n["name"] for n in names], values, strict=True))
    chosen = None if current.get(key) == code else code  # a second click unselects
    other = "country" if key == "region" else "region"
    return [
        chosen if n["name"] == key else (None if n["name"] == other else no_update) for n in names
    ]


def register(app) -> None:
    app.clientside_callback(
        POLL_VERSION,
        Output(ids.VERSION, "data"),
        Input(ids.POLL, "n_intervals"),
        State(ids.RENDERED, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        SYNC_URL,
        Output(ids.URL_SYNC, "children"),
        Input({"type": FILTER, "name": ALL}, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.WEIGHTING, "value"),
        Input(ids.COMPARE, "data"),
        State({"type": FILTER, "name": ALL}, "id"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        CHIPS,
        Output(ids.chip(ALL), "className"),
        Output(ids.chip(ALL), "aria-pressed"),
        Input({"type": FILTER, "name": ALL}, "value"),
        State({"type": FILTER, "name": ALL}, "id"),
        State(ids.chip(ALL), "id"),
        prevent_initial_call=True,
    )
    # Phones get figures laid out for a narrow screen (shorter labels, smaller cell text).
    app.clientside_callback(
        "function(lang) { return window.innerWidth < 576; }",
        Output(ids.COMPACT, "data"),
        Input(shell_ids.LANG, "data"),
    )
    app.clientside_callback(
        AGO,
        Output(ids.LAST_REPORT_AGO, "children"),
        Input(ids.LAST_REPORT, "data"),
        Input(ids.CLOCK, "n_intervals"),
        State(shell_ids.LANG, "data"),
    )
    app.callback(
        [Output(filter_id(name), "options") for name in DROPDOWNS],
        Input(ids.VERSION, "data"),
        State(shell_ids.LANG, "data"),
    )(filter_options)
    chart_outputs = []
    for name in ids.CHARTS:
        chart_outputs += [
            Output(ids.graph(name), "figure"),
            Output(ids.summary(name), "children"),
            Output(ids.table(name), "children"),
        ]
    app.callback(
        Output(ids.RENDERED, "data"),
        Output(ids.EVENTS, "children"),
        Output(ids.PARTICIPANTS, "children"),
        Output(ids.COUNTRIES, "children"),
        Output(ids.GROUPS, "children"),
        Output(ids.UPDATED, "children"),
        Output(ids.LAST_REPORT, "data"),
        Output(ids.DOWNLOAD, "href"),
        *chart_outputs,
        Input(ids.VERSION, "data"),
        Input({"type": FILTER, "name": ALL}, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.WEIGHTING, "value"),
        Input(ids.COMPACT, "data"),
        State(shell_ids.LANG, "data"),
        State({"type": FILTER, "name": ALL}, "id"),
        State(ids.RENDERED, "data"),
    )(update_dashboard_callback)
    app.callback(
        Output({"type": FILTER, "name": ALL}, "value"),
        Input(ids.graph("map"), "clickData"),
        Input(ids.CLEAR, "n_clicks"),
        Input(ids.chip(ALL), "n_clicks"),
        State(ids.MAP_VIEW, "value"),
        State({"type": FILTER, "name": ALL}, "value"),
        State({"type": FILTER, "name": ALL}, "id"),
        prevent_initial_call=True,
    )(pick_place)
    # Imported here: the comparison's callbacks use this module's filters_from.
    from dashboard.compare import callbacks as compare_callbacks

    compare_callbacks.register(app)
