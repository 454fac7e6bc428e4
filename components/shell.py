"""The app shell every page is wrapped in: navigation, language switcher, the language store,
and the footer with the support team's sign-in link.

Navigation is built from ``dash.page_registry``: a page that wants a menu entry registers a
``nav_label`` (a callable, so it is translated when rendered) and a ``nav_order``. The entries
and the language links are plain data too (``nav_entries``, ``language_links``), so that the
login page, a Flask view outside Dash, draws the same header.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask import has_request_context
from flask_babel import gettext as _
from flask_login import current_user

from components import ids
from data import i18n
from data.reference import reference

SUPPORT_SIGN_IN = "shell-support-sign-in"  # the footer's sign-in link (tests find it by this)


def href(page: dict, lang: str) -> str:
    return page["path_template"].replace("<lang>", lang)


def nav_entries(lang: str, current: str | None = None) -> list[dict]:
    """The navigation's entries in order: ``label`` (in the active locale), ``href``, ``active``.

    ``nav_if`` (an optional callable on the page): show the entry only when it returns True."""
    pages = sorted(
        (
            p
            for p in dash.page_registry.values()
            if p.get("nav_label") and p.get("nav_if", lambda: True)()
        ),
        key=lambda p: p.get("nav_order", 99),
    )
    return [
        {"label": p["nav_label"](), "href": href(p, lang), "active": p["module"] == current}
        for p in pages
    ]


def navigation(lang: str, current: str) -> list:
    return [
        dbc.NavItem(
            dbc.NavLink(
                entry["label"], href=entry["href"], active=entry["active"], external_link=False
            )
        )
        for entry in nav_entries(lang, current)
    ]


def language_links(lang: str, path_after_lang: str, query: str = "") -> list[dict]:
    """The same page in every shipped language: ``code``, ``name`` (in its own script),
    ``href`` (with ``query``, e.g. ``?next=...``) and ``active``; empty with one language."""
    codes = i18n.available()
    if len(codes) < 2:
        return []
    languages = reference().languages
    return [
        {
            "code": code,
            "name": languages[code].name,
            "href": f"/{code}/{path_after_lang}{query}",
            "active": code == lang,
        }
        for code in codes
    ]


def language_switcher(lang: str, path_after_lang: str) -> html.Div | None:
    """Links to the same page in every shipped language, each named in its own script.

    Plain links (a full page load), because the page's ``lang``, ``dir`` and stylesheet change.
    """
    links = language_links(lang, path_after_lang)
    if not links:
        return None
    return dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(
                html.Span(link["name"], lang=link["code"]),
                href=link["href"],
                external_link=True,
                active=link["active"],
            )
            for link in links
        ],
        label=html.Span(
            [
                html.I(className="bi bi-translate me-1", **{"aria-hidden": "true"}),
                reference().languages[lang].name,
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
            footer(lang),
        ]
    )


def support_sign_in(lang: str) -> html.A | None:
    """The support team's way in, for a visitor who is not signed in. A signed-in session gets
    nothing here: its review and planning pages are already in the navigation."""
    if has_request_context() and current_user and current_user.is_authenticated:
        return None
    return html.A(
        [
            html.I(className="bi bi-person-lock me-1", **{"aria-hidden": "true"}),
            _("Support team sign-in"),
        ],
        href=f"/{lang}/login",
        id=SUPPORT_SIGN_IN,
        className="link-secondary small text-nowrap",
    )


def footer(lang: str) -> html.Footer:
    return html.Footer(
        dbc.Container(
            [
                html.Small(
                    _(
                        "Results of Wikimedia 2030 Movement Strategy prioritization events, "
                        "reported by their organizers."
                    ),
                    className="text-body-secondary",
                ),
                support_sign_in(lang),
            ],
            fluid=True,
            className="d-flex flex-wrap justify-content-between align-items-baseline gap-2",
        ),
        className="py-3 mt-4 border-top",
    )
