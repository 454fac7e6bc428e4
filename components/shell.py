"""The app shell every page is wrapped in: navigation, language switcher, the language store.

Navigation is built from ``dash.page_registry``: a page that wants a menu entry registers a
``nav_label`` (a callable, so it is translated when rendered) and a ``nav_order``.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components import ids
from data import i18n
from data.reference import reference


def href(page: dict, lang: str) -> str:
    return page["path_template"].replace("<lang>", lang)


def navigation(lang: str, current: str) -> list:
    pages = sorted(
        # ``nav_if`` (optional callable): show the entry only when it returns True.
        (
            p
            for p in dash.page_registry.values()
            if p.get("nav_label") and p.get("nav_if", lambda: True)()
        ),
        key=lambda p: p.get("nav_order", 99),
    )
    return [
        dbc.NavItem(
            dbc.NavLink(
                p["nav_label"](),
                href=href(p, lang),
                active=p["module"] == current,
                external_link=False,
            )
        )
        for p in pages
    ]


def language_switcher(lang: str, path_after_lang: str) -> html.Div | None:
    """Links to the same page in every shipped language, each named in its own script.

    Plain links (a full page load), because the page's ``lang``, ``dir`` and stylesheet change.
    """
    codes = i18n.available()
    if len(codes) < 2:
        return None
    languages = reference().languages
    return dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(
                html.Span(languages[code].name, lang=code),
                href=f"/{code}/{path_after_lang}",
                external_link=True,
                active=code == lang,
            )
            for code in codes
        ],
        label=html.Span(
            [
                html.I(className="bi bi-translate me-1", **{"aria-hidden": "true"}),
                languages[lang].name,
            ]
        ),
        nav=True,
        align_end=True,
        id="lang-switcher",
        toggle_class_name="text-light",
    )


def page(lang: str, module: str, path_after_lang: str, *children) -> html.Div:
    """Wrap a page's content in the shell."""
    switcher = language_switcher(lang, path_after_lang)
    return html.Div(
        [
            dcc.Store(id=ids.LANG, data=lang),
            dbc.Navbar(
                dbc.Container(
                    [
                        dbc.NavbarBrand(_("Movement Priorities"), href=f"/{lang}/"),
                        dbc.Nav(navigation(lang, module), navbar=True, className="me-auto"),
                        dbc.Nav([switcher], navbar=True) if switcher else None,
                    ],
                    fluid=True,
                ),
                color="dark",
                dark=True,
                className="mb-3",
            ),
            html.Main(dbc.Container(list(children), fluid=True), id="main"),
            html.Footer(
                dbc.Container(
                    html.Small(
                        _(
                            "Results of Wikimedia 2030 Movement Strategy prioritization events, "
                            "reported by their organizers."
                        ),
                        className="text-body-secondary",
                    ),
                    fluid=True,
                ),
                className="py-3 mt-4 border-top",
            ),
        ]
    )
