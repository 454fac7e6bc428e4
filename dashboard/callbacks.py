"""Dashboard callbacks.

The poll is clientside: every few seconds the browser asks ``/api/v1/version`` (a tiny JSON
answer that HTTP caches and proxies may serve) and only when the version moved does the
server callback run. The server callback reads aggregates from the version-keyed cache.
"""

from __future__ import annotations

from dash import Input, Output, State, html
from flask import current_app
from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _

from components import ids as shell_ids
from components.charts import data_table
from dashboard import figures, ids
from data import i18n
from data.cache import cached_summary
from data.db import EXTENSION_KEY
from data.queries import Filters

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


def update_dashboard(_version, lang: str):
    """Every figure and number of the dashboard at the current data version."""
    lang = i18n.normalize(lang)
    db = current_app.extensions[EXTENSION_KEY]
    version, summary = cached_summary(db, Filters())
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    rtl = i18n.is_rtl(lang)
    with force_locale(lang):
        ranking = figures.ranking(summary, rtl)
        recs = figures.recommendations(summary, rtl)
        shares = figures.group_shares(summary, threshold)
        groups = (
            html.Ul(
                [html.Li([f"{label}: ", html.Strong(value)]) for label, value in shares],
                className="list-unstyled mb-0",
            )
            if shares
            else _("No counts reported yet.")
        )
        return (
            version,
            format_decimal(summary.events),
            format_decimal(summary.participants),
            format_decimal(summary.countries),
            groups,
            _(
                "Data version %(version)s. Updates appear here by themselves.",
                version=format_decimal(version),
            ),
            ranking.figure,
            ranking.summary,
            data_table(ranking.columns, ranking.rows),
            recs.figure,
            recs.summary,
            data_table(recs.columns, recs.rows),
        )


def register(app) -> None:
    app.clientside_callback(
        POLL_VERSION,
        Output(ids.VERSION, "data"),
        Input(ids.POLL, "n_intervals"),
        State(ids.RENDERED, "data"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(ids.RENDERED, "data"),
        Output(ids.EVENTS, "children"),
        Output(ids.PARTICIPANTS, "children"),
        Output(ids.COUNTRIES, "children"),
        Output(ids.GROUPS, "children"),
        Output(ids.UPDATED, "children"),
        Output(ids.RANKING, "figure"),
        Output(ids.RANKING_SUMMARY, "children"),
        Output(ids.RANKING_TABLE, "children"),
        Output(ids.RECOMMENDATIONS, "figure"),
        Output(ids.RECOMMENDATIONS_SUMMARY, "children"),
        Output(ids.RECOMMENDATIONS_TABLE, "children"),
        Input(ids.VERSION, "data"),
        State(shell_ids.LANG, "data"),
    )(update_dashboard)
