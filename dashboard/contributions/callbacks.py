"""Callbacks of the individual contributions beside the events' results: their card on the
dashboard and their column in planning (both behind a switch). Thin wrappers; counts come from
the version-keyed cache."""

from __future__ import annotations

from dash import ALL, Input, Output, State, html, no_update
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components import planning as support_ids
from components.charts import data_table
from components.dashboard_ids import VERSION
from components.planning import to_filters
from dashboard.auth.guards import allowed
from dashboard.contributions import figures as contrib_figures
from dashboard.contributions import ids
from data import i18n
from data.cache import cached_summary
from data.contributions.model import cached_counts
from data.db import current_db


def show_contributions(on, _version, lang):
    """The card's visibility and, when shown, its figure, summary and table."""
    if not on:
        return True, no_update, no_update, no_update
    lang = i18n.normalize(lang)
    _v, counts = cached_counts(current_db())
    with force_locale(lang):
        built = contrib_figures.chart(counts, i18n.is_rtl(lang))
        return False, built.figure, built.summary, data_table(built.columns, built.rows)


def plan_contributions(on, values, start, end, lang, filter_ids):
    """Per initiative, the filtered events beside the individual contributions."""
    if not on or not allowed():
        return None
    lang = i18n.normalize(lang)
    db = current_db()
    _v, summary = cached_summary(db, to_filters(values, filter_ids, start, end))
    _v, counts = cached_counts(db)
    with force_locale(lang):
        rows = contrib_figures.plan_rows(summary.priorities, counts)
        if not rows:
            return html.P(_("No published report or contribution yet."))
        return html.Div(
            [
                html.P(
                    _(
                        "Individual contributions are counted apart from events and are not "
                        "filtered."
                    ),
                    className="small text-body-secondary",
                ),
                data_table(contrib_figures.plan_columns(), rows),
            ]
        )


def register(app) -> None:
    app.callback(
        Output(ids.CONTRIB_CARD, "hidden"),
        Output(ids.CONTRIB_GRAPH, "figure"),
        Output(ids.CONTRIB_SUMMARY, "children"),
        Output(ids.CONTRIB_TABLE, "children"),
        Input(ids.CONTRIB_SWITCH, "value"),
        Input(VERSION, "data"),
        State(shell_ids.LANG, "data"),
    )(show_contributions)
    app.callback(
        output=Output(ids.PLAN_CONTRIB_TABLE, "children"),
        inputs={
            "on": Input(ids.PLAN_CONTRIB_SWITCH, "value"),
            "values": Input({"type": support_ids.PLAN_FILTER, "name": ALL}, "value"),
            "start": Input(support_ids.PLAN_DATES, "start_date"),
            "end": Input(support_ids.PLAN_DATES, "end_date"),
            "lang": State(shell_ids.LANG, "data"),
            "filter_ids": State({"type": support_ids.PLAN_FILTER, "name": ALL}, "id"),
        },
    )(plan_contributions)
