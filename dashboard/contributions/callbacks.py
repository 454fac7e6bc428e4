"""Callbacks of what sits beside the events' results: the individual contributions' card on the
dashboard and their column in planning (both behind a switch), and the Wikimedia download links
that follow the dashboard's filters. Thin wrappers; counts come from the version-keyed cache."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import ALL, Input, Output, State, html, no_update
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components.charts import data_table
from components.filters import FILTER
from dashboard.auth.login import allowed
from dashboard.contributions import figures as contrib_figures
from dashboard.contributions import ids
from dashboard.export import downloads
from dashboard.home import ids as dash_ids
from dashboard.plan.callbacks import to_filters
from dashboard.review import ids as support_ids
from data import i18n
from data.aggregates.queries import Filters
from data.cache import cached_summary
from data.contributions.model import cached_counts
from data.db import current_db
from data.filters import parse_filters, to_query


def show_contributions(on, _version, lang):
    """The card's visibility and, when shown, its figure, summary and table."""
    if not on:
        return True, no_update, no_update, no_update
    lang = i18n.normalize(lang)
    _v, counts = cached_counts(current_db())
    with force_locale(lang):
        built = contrib_figures.chart(counts, i18n.is_rtl(lang))
        return False, built.figure, built.summary, data_table(built.columns, built.rows)


def filters_from(values: list, names: list[dict]) -> Filters:
    """The dashboard's filters from its controls; values not understood are dropped."""
    args = {i["name"]: v for i, v in zip(names, values, strict=True) if v and v != "any"}
    filters, problems = parse_filters(args)
    if problems:
        filters, _problems = parse_filters({k: v for k, v in args.items() if k not in problems})
    return filters


def download_links(values, names, lang):
    """The Wikimedia downloads for the filters shown (as ``/api/v1/summary`` reads them)."""
    query = {**to_query(filters_from(values, names)), "lang": i18n.normalize(lang), "download": 1}
    suffix = "?" + urlencode(query)
    return downloads.TAB_URL + suffix, downloads.WIKITEXT_URL + suffix


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
        Input(dash_ids.VERSION, "data"),
        State(shell_ids.LANG, "data"),
    )(show_contributions)
    app.callback(
        Output(ids.DOWNLOAD_TAB, "href"),
        Output(ids.DOWNLOAD_WIKITEXT, "href"),
        Input({"type": FILTER, "name": ALL}, "value"),
        State({"type": FILTER, "name": ALL}, "id"),
        State(shell_ids.LANG, "data"),
    )(download_links)
    app.callback(
        Output(ids.PLAN_CONTRIB_TABLE, "children"),
        Input(ids.PLAN_CONTRIB_SWITCH, "value"),
        Input({"type": support_ids.PLAN_FILTER, "name": ALL}, "value"),
        Input(support_ids.PLAN_DATES, "start_date"),
        Input(support_ids.PLAN_DATES, "end_date"),
        State(shell_ids.LANG, "data"),
        State({"type": support_ids.PLAN_FILTER, "name": ALL}, "id"),
    )(plan_contributions)
