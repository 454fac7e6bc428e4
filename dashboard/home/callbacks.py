"""Dashboard callbacks: thin wrappers that read the version-keyed aggregates, build the view
model (dashboard/home/view.py) and hand it to the outputs by name.

The poll is clientside (assets/dashboard.js): every few seconds the browser asks
``/api/v1/version`` and only when the version moved does a server callback run. Server callbacks
read aggregates from the version-keyed cache, so a thousand open dashboards cost one query per
version and filter combination.
"""

from __future__ import annotations

import json

from dash import ALL, ClientsideFunction, Input, Output, State, ctx, no_update
from flask import current_app
from flask_babel import force_locale
from plotly.io.json import to_json_plotly

from components import ids as shell_ids
from components.buttons import CLASSES
from components.dashboard_ids import (
    COMPACT,
    COMPARE,
    VERSION,
    details,
    graph,
    summary,
    table,
)
from components.filter_values import filters_from
from components.filters import DROPDOWNS, FILTER, filter_id
from dashboard.home import ids, selection, view
from dashboard.home.clicks import place_filters
from data import i18n
from data.aggregates import insights as insights_module
from data.aggregates.queries import Filters
from data.aggregates.read import facet_ranges
from data.cache import cache, cached, cached_freshness, cached_insights, current_version, memoized
from data.db import current_db
from data.reference import reference

FILTER_VALUES = {"type": FILTER, "name": ALL}


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


def update_dashboard(
    _version, values, metric, view_by, weighting, lang, names, live=False, compact=False
) -> dict:
    """Every number, figure, summary and table of the dashboard for the current filters, by
    output name (``DashboardView.outputs``); with ``live`` (the data version moved under an
    unchanged view) figures go as Patches.

    The whole answer is cached as JSON under the data version and the view, so a thousand
    viewers of one view cost one rendering per version (building Plotly and Dash objects is
    most of a warm answer's time)."""
    lang = i18n.normalize(lang)
    db = current_db()
    version = current_version(db)
    filters = filters_from(values, names)
    options = view.Options(metric, view_by, weighting, i18n.is_rtl(lang), compact)
    key = view_key(version, filters, lang, metric, view_by, weighting, compact)
    out = cached(
        key,
        lambda: json.loads(to_json_plotly(render(db, version, filters, options, lang).outputs())),
    )
    return view.live(out) if live else out


def view_key(version, filters: Filters, lang, metric, view_by, weighting, compact) -> str:
    """The cache key of one whole answer: the data version and the view."""
    return f"view:{version}:{filters.key()}:{lang}:{metric}:{view_by}:{weighting}:{compact}"


def render(db, version, filters, options: view.Options, lang: str) -> view.DashboardView:
    """The dashboard's view model, built from the version-keyed aggregates."""
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
    with force_locale(lang):
        return view.build(version, filters, data, world, fresh, options, threshold)


def update_dashboard_callback(
    version, values, metric, view_by, weighting, compact, lang, names, rendered, opened=None
):
    """The answer sent: tables only of the charts whose table is open; on a live update, only
    what changed since the version the page shows when that answer is still cached (in this
    worker, or in Redis for all), else the figures' data as Patches."""
    live = rendered is not None and ctx.triggered_id == VERSION
    compact = bool(compact)
    out = update_dashboard(version, values, metric, view_by, weighting, lang, names, False, compact)
    shown = None
    if live:
        filters = filters_from(values, names)
        lang = i18n.normalize(lang)
        shown = cache.get(view_key(rendered, filters, lang, metric, view_by, weighting, compact))
    return view.to_send(out, opened or {}, live, shown)


def open_table(name: str):
    """The callback of one chart's table: drawn when its <details> opens (the dashboard's
    answer carries it only while it is open)."""

    def show(opened, values, metric, view_by, weighting, compact, lang, names):
        if not opened:
            return no_update
        out = update_dashboard(
            None, values, metric, view_by, weighting, lang, names, False, bool(compact)
        )
        return out["charts"][name]["table"]

    return show


def pick_place(click, _clear, _chips, _places, _picks, view_by, values, names):
    clicked = bool(ctx.triggered and ctx.triggered[0].get("value"))
    return place_filters(ctx.triggered_id, click, view_by, values, names, clicked)


def place_chips(values, names, lang):
    """The chosen place beside the map, as removable chips."""
    with force_locale(i18n.normalize(lang)):
        return selection.chips(filters_from(values, names))


def dashboard_outputs() -> dict:
    """The outputs of ``update_dashboard``, named as ``DashboardView.outputs`` names them."""
    return {
        "rendered": Output(ids.RENDERED, "data"),
        "events": Output(ids.EVENTS, "children"),
        "participants": Output(ids.PARTICIPANTS, "children"),
        "countries": Output(ids.COUNTRIES, "children"),
        "groups": Output(ids.GROUPS, "children"),
        "status": Output(ids.UPDATED, "children"),
        "last_report": Output(ids.LAST_REPORT, "data"),
        "download": Output(ids.DOWNLOAD, "href"),
        "regions": Output(ids.REGION_LIST, "children"),
        "charts": {
            name: {
                "figure": Output(graph(name), "figure"),
                "summary": Output(summary(name), "children"),
                "table": Output(table(name), "children"),
            }
            for name in ids.CHARTS
        },
    }


def register_clientside(app) -> None:
    """The UI-only callbacks (assets/dashboard.js, namespace "dashboard")."""
    app.clientside_callback(
        ClientsideFunction("dashboard", "pollVersion"),
        Output(VERSION, "data"),
        Input(ids.POLL, "n_intervals"),
        State(ids.RENDERED, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("dashboard", "syncUrl"),
        Output(ids.URL_SYNC, "children"),
        Input(FILTER_VALUES, "value"),
        Input(ids.MAP_METRIC, "value"),
        Input(ids.MAP_VIEW, "value"),
        Input(ids.WEIGHTING, "value"),
        Input(COMPARE, "data"),
        State(FILTER_VALUES, "id"),
        State(ids.TOGGLE_DEFAULTS, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("dashboard", "pressChips"),
        Output(ids.chip(ALL), "className"),
        Output(ids.chip(ALL), "aria-pressed"),
        Input(FILTER_VALUES, "value"),
        State(FILTER_VALUES, "id"),
        State(ids.chip(ALL), "id"),
        State(CLASSES, "data"),
        prevent_initial_call=True,
    )
    # The filter panel's button on a narrow screen, and its "(N)" (assets/layout.js).
    app.clientside_callback(
        ClientsideFunction("layout", "toggle"),
        Output(ids.FILTERS_PANEL, "is_open"),
        Output(ids.FILTERS_TOGGLE, "aria-expanded"),
        Input(ids.FILTERS_TOGGLE, "n_clicks"),
        State(ids.FILTERS_PANEL, "is_open"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("layout", "countFilters"),
        Output(ids.FILTERS_COUNT, "children"),
        Output(ids.FILTERS_COUNT, "hidden"),
        Input(FILTER_VALUES, "value"),
    )
    app.clientside_callback(
        ClientsideFunction("dashboard", "compact"),
        Output(COMPACT, "data"),
        Input(shell_ids.LANG, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("dashboard", "ago"),
        Output(ids.LAST_REPORT_AGO, "children"),
        Input(ids.LAST_REPORT, "data"),
        Input(ids.CLOCK, "n_intervals"),
        State(shell_ids.LANG, "data"),
    )


def register(app) -> None:
    register_clientside(app)
    app.callback(
        [Output(filter_id(name), "options") for name in DROPDOWNS],
        Input(VERSION, "data"),
        State(shell_ids.LANG, "data"),
    )(filter_options)
    app.callback(
        output=dashboard_outputs(),
        inputs={
            "version": Input(VERSION, "data"),
            "values": Input(FILTER_VALUES, "value"),
            "metric": Input(ids.MAP_METRIC, "value"),
            "view_by": Input(ids.MAP_VIEW, "value"),
            "weighting": Input(ids.WEIGHTING, "value"),
            "compact": Input(COMPACT, "data"),
            "lang": State(shell_ids.LANG, "data"),
            "names": State(FILTER_VALUES, "id"),
            "rendered": State(ids.RENDERED, "data"),
            "opened": {name: State(details(name), "open") for name in ids.CHARTS},
        },
    )(update_dashboard_callback)
    for name in ids.CHARTS:
        app.callback(
            Output(table(name), "children", allow_duplicate=True),
            Input(details(name), "open"),
            State(FILTER_VALUES, "value"),
            State(ids.MAP_METRIC, "value"),
            State(ids.MAP_VIEW, "value"),
            State(ids.WEIGHTING, "value"),
            State(COMPACT, "data"),
            State(shell_ids.LANG, "data"),
            State(FILTER_VALUES, "id"),
            prevent_initial_call=True,
        )(open_table(name))
    app.callback(
        Output(FILTER_VALUES, "value"),
        Input(graph("map"), "clickData"),
        Input(ids.CLEAR, "n_clicks"),
        Input(ids.chip(ALL), "n_clicks"),
        Input(ids.place_chip(ALL), "n_clicks"),
        Input(ids.place_pick(ALL, ALL, ALL), "n_clicks"),
        State(ids.MAP_VIEW, "value"),
        State(FILTER_VALUES, "value"),
        State(FILTER_VALUES, "id"),
        prevent_initial_call=True,
    )(pick_place)
    app.callback(
        Output(ids.MAP_SELECTION, "children"),
        Input(FILTER_VALUES, "value"),
        State(FILTER_VALUES, "id"),
        State(shell_ids.LANG, "data"),
    )(place_chips)
