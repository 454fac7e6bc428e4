"""The "Compare with" buttons and the "How the selection differs" card.

Choosing is clientside (a click sets the Store, a second click on the same choice clears it);
the chart is a server callback, cached as JSON per data version like the rest of the view.
"""

from __future__ import annotations

import json

from dash import ALL, Input, Output, State, no_update
from flask_babel import force_locale
from flask_babel import gettext as _
from plotly.io.json import to_json_plotly

from components import ids as shell_ids
from components.charts import table_json
from components.filters import FILTER
from dashboard.compare import figures as compare_figures
from dashboard.compare import model as compare
from dashboard.home import ids
from dashboard.home.callbacks import filters_from
from dashboard.home.layout import PRESSED, UNPRESSED
from data import i18n
from data.aggregates.queries import Filters
from data.cache import cached, current_version
from data.db import current_db

CHOOSE = """
function(clicks, current) {
    const trigger = window.dash_clientside.callback_context.triggered_id;
    if (!trigger || !trigger.code) { return window.dash_clientside.no_update; }
    return trigger.code === current ? null : trigger.code;
}
"""

SHOW_CHOICE = """
function(code, options) {
    const pressed = options.map(function (id) { return id.code === code; });
    return [pressed.map(function (p) { return p ? PRESSED : UNPRESSED; }),
            pressed.map(function (p) { return String(p); })];
}
""".replace("UNPRESSED", json.dumps(UNPRESSED)).replace("PRESSED", json.dumps(PRESSED))


def render_comparison(db, version: int, filters: Filters, code: str, lang: str, compact: bool):
    """The chart's figure, summary sentence and table for the filters against ``code``."""
    ours, theirs = compare.compare(db, filters, code, version)
    rows = compare.differences(ours, theirs)
    with force_locale(lang):
        if filters.country:
            place = i18n.country(filters.country)
        elif filters.region:
            place = i18n.region(filters.region)
        else:
            place = None
        chart = compare_figures.differences_chart(
            rows,
            ours,
            theirs,
            (place or _("Selection"), compare.label(code)),
            place,
            compare.label(code, in_sentence=True),
            i18n.is_rtl(lang),
            compact,
        )
        return [chart.figure, chart.summary, table_json(chart.columns, chart.rows)]


def update_comparison(_version, values, code, compact, lang, names):
    """The card hidden (no comparison) or shown with the comparison of the current filters."""
    code = compare.valid(code)
    if code is None:
        return [True, no_update, no_update, no_update]
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


def register(app) -> None:
    app.clientside_callback(
        CHOOSE,
        Output(ids.COMPARE, "data"),
        Input(ids.compare_option(ALL), "n_clicks"),
        State(ids.COMPARE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        SHOW_CHOICE,
        Output(ids.compare_option(ALL), "className"),
        Output(ids.compare_option(ALL), "aria-pressed"),
        Input(ids.COMPARE, "data"),
        State(ids.compare_option(ALL), "id"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(ids.COMPARE_CARD, "hidden"),
        Output(ids.graph(ids.DIFFERENCES), "figure"),
        Output(ids.summary(ids.DIFFERENCES), "children"),
        Output(ids.table(ids.DIFFERENCES), "children"),
        Input(ids.VERSION, "data"),
        Input({"type": FILTER, "name": ALL}, "value"),
        Input(ids.COMPARE, "data"),
        Input(ids.COMPACT, "data"),
        State(shell_ids.LANG, "data"),
        State({"type": FILTER, "name": ALL}, "id"),
    )(update_comparison)
