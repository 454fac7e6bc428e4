"""Downloads for Wikimedia wikis: the filtered aggregates as Commons tabular data and as a
sortable wikitext table for Meta-Wiki. The links follow the filters (extras_callbacks)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from flask_babel import gettext as _

from dashboard.contributions import ids

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
