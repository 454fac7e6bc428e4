"""Downloads for Wikimedia wikis on the dashboard: the filtered aggregates as Commons tabular
data and as a sortable wikitext table for Meta-Wiki; a callback keeps the links on the filters."""

from __future__ import annotations

from urllib.parse import urlencode

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, html
from flask_babel import gettext as _

from components import ids as shell_ids
from components.filter_values import filters_from
from components.filters import FILTER
from dashboard.export import ids
from data import i18n
from data.filters import to_query

TAB_URL = "/api/v1/commons/priorities.tab.json"
WIKITEXT_URL = "/api/v1/wikitext/priorities.wiki"


def wikimedia_menu(lang: str | None = None) -> dbc.DropdownMenu:
    suffix = f"?lang={lang}&download=1" if lang else "?download=1"
    return dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(
                _("Commons tabular data (.tab JSON)"),
                id=ids.DOWNLOAD_TAB,
                href=TAB_URL + suffix,
                external_link=True,
            ),
            dbc.DropdownMenuItem(
                _("Sortable table for Meta-Wiki (wikitext)"),
                id=ids.DOWNLOAD_WIKITEXT,
                href=WIKITEXT_URL + suffix,
                external_link=True,
            ),
        ],
        label=html.Span(
            [
                html.I(className="bi bi-globe me-1", **{"aria-hidden": "true"}),
                _("Publish on Wikimedia"),
            ]
        ),
        id=ids.WIKIMEDIA_MENU,
        size="sm",
        color="link",
        className="d-inline-block ms-2",
    )


def download_links(values, names, lang):
    """The Wikimedia downloads for the filters shown (as ``/api/v1/summary`` reads them)."""
    query = {**to_query(filters_from(values, names)), "lang": i18n.normalize(lang), "download": 1}
    suffix = "?" + urlencode(query)
    return TAB_URL + suffix, WIKITEXT_URL + suffix


def register(app) -> None:
    app.callback(
        Output(ids.DOWNLOAD_TAB, "href"),
        Output(ids.DOWNLOAD_WIKITEXT, "href"),
        Input({"type": FILTER, "name": ALL}, "value"),
        State({"type": FILTER, "name": ALL}, "id"),
        State(shell_ids.LANG, "data"),
    )(download_links)
