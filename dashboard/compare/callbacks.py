"""The "Compare with" buttons and the "How the selection differs" card.

Choosing is clientside (a click sets the Store, a second click on the same choice clears it);
the chart is a server callback, cached as JSON per data version like the rest of the view.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
from dash import ALL, ClientsideFunction, Input, Output, State, no_update
from flask_babel import force_locale
from plotly.io.json import to_json_plotly

from components import ids as shell_ids
from components.buttons import CLASSES
from components.charts import styled, table_json
from components.dashboard_ids import COMPACT, COMPARE, VERSION, graph, summary, table
from components.filter_values import filters_from
from components.filters import FILTER
from dashboard.compare import figures as compare_figures
from dashboard.compare import labels
from dashboard.compare import layout as compare_layout
from dashboard.compare import model as compare
from dashboard.compare.ids import CHOICES, COMPARE_CARD, DIFFERENCES, compare_option
from data import i18n
from data.aggregates.queries import Filters
from data.cache import cached, current_version
from data.db import current_db

HIDDEN = {"display": "none"}  # the graph while a note stands in for the chart


def render_comparison(db, version: int, filters: Filters, code: str, lang: str, compact: bool):
    """The chart's figure, summary sentence, table and the graph's style for the filters
    against ``code``; a note and no chart when there is nothing to compare."""
    ours, theirs = compare.compare(db, filters, code, version)
    with force_locale(lang):
        mine, other = labels.names(filters), labels.other_names(filters, code)
        problem = compare.problem(filters, code, ours, theirs)
        if problem:
            return [styled(go.Figure()), compare_figures.note(problem), None, HIDDEN]
        chart = compare_figures.differences_chart(
            compare.differences(ours, theirs),
            ours,
            theirs,
            (labels.side(mine, ours.events), labels.side(other, theirs.events)),
            (labels.side(mine, ours.events, True), labels.side(other, theirs.events, True)),
            i18n.is_rtl(lang),
            compact,
        )
        return [chart.figure, chart.summary, table_json(chart.columns, chart.rows), {}]


def update_comparison(_version, values, code, compact, lang, names):
    """The card hidden (no comparison) or shown with the comparison of the current filters."""
    code = compare.valid(code)
    if code is None:
        return [True, no_update, no_update, no_update, no_update]
    lang = i18n.normalize(lang)
    db = current_db()
    version = current_version(db)
    filters = filters_from(values, names)
    key = f"compare:{version}:{filters.key()}:{code}:{lang}:{bool(compact)}"
    out = cached(
        key,
        lambda: json.loads(
            to_json_plotly(render_comparison(db, version, filters, code, lang, bool(compact)))
        ),
    )
    return [False, *out]


def update_choices(values, lang, names, chosen):
    """The "Compare with" buttons the current filters offer (a "without" per active filter;
    never one with the selection's own filters), the chosen one kept so it can be cleared."""
    with force_locale(i18n.normalize(lang)):
        return compare_layout.buttons(filters_from(values, names), compare.valid(chosen))


def register(app) -> None:
    app.clientside_callback(
        ClientsideFunction("dashboard", "chooseComparison"),
        Output(COMPARE, "data"),
        Input(compare_option(ALL), "n_clicks"),
        State(COMPARE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("dashboard", "pressChoice"),
        Output(compare_option(ALL), "className"),
        Output(compare_option(ALL), "aria-pressed"),
        Input(COMPARE, "data"),
        State(compare_option(ALL), "id"),
        State(CLASSES, "data"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(COMPARE_CARD, "hidden"),
        Output(graph(DIFFERENCES), "figure"),
        Output(summary(DIFFERENCES), "children"),
        Output(table(DIFFERENCES), "children"),
        Output(graph(DIFFERENCES), "style"),
        Input(VERSION, "data"),
        Input({"type": FILTER, "name": ALL}, "value"),
        Input(COMPARE, "data"),
        Input(COMPACT, "data"),
        State(shell_ids.LANG, "data"),
        State({"type": FILTER, "name": ALL}, "id"),
    )(update_comparison)
    app.callback(
        Output(CHOICES, "children"),
        Input({"type": FILTER, "name": ALL}, "value"),
        State(shell_ids.LANG, "data"),
        State({"type": FILTER, "name": ALL}, "id"),
        State(COMPARE, "data"),
        prevent_initial_call=True,
    )(update_choices)
