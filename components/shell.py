"""The app shell every page is wrapped in: a "Skip to main content" link, navigation and
language switcher (collapsed behind a toggler on narrow screens), the language store, and the
footer with the support team's sign-in link.

Navigation is built from ``dash.page_registry``: a page that wants a menu entry registers a
``nav_label`` (a callable, so it is translated when rendered) and a ``nav_order``. The entries
and the language links are plain data too (``nav_entries``, ``language_links``), so that the
login page, a Flask view outside Dash, draws the same header.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, dcc, html
from flask import has_request_context
from flask_babel import gettext as _
from flask_login import current_user

from components import ids
from data import i18n
from data.reference import reference

SUPPORT_SIGN_IN = "shell-support-sign-in"  # the footer's sign-in link (tests find it by this)
SKIP_LINK = "shell-skip-link"
MAIN = "main"  # the page's content, where the skip link leads
NAV_TOGGLE = "shell-nav-toggle"  # the narrow screen's menu button
NAV_COLLAPSE = "shell-nav-collapse"  # what it opens: the navigation and the language menu
# Beside the brand from this width up; below it, behind the toggler (with the support team's
# entries the navigation needs about 900 px).
EXPAND = "lg"


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


def skip_link() -> html.A:
    """The first Tab stop of every page: hidden until it has the focus, it moves the focus to
    the page's content (``MAIN`` takes it with tabindex -1), past the navigation."""
    return html.A(
        _("Skip to main content"),
        href=f"#{MAIN}",
        id=SKIP_LINK,
        className="visually-hidden-focusable skip-link",
    )


def toggler(label: str, controls: str, component_id: str) -> html.Button:
    """The narrow screen's menu button (Bootstrap's look). Not dbc.NavbarToggler: its
    accessible name is fixed English and it cannot say whether the menu is open."""
    return html.Button(
        html.Span(className="navbar-toggler-icon"),
        id=component_id,
        n_clicks=0,
        type="button",
        className="navbar-toggler",
        **{"aria-controls": controls, "aria-expanded": "false", "aria-label": label},
    )


def navbar(lang: str, module: str, path_after_lang: str) -> dbc.Navbar:
    switcher = language_switcher(lang, path_after_lang)
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand(_("Movement Priorities"), href=f"/{lang}/"),
                toggler(_("Menu"), NAV_COLLAPSE, NAV_TOGGLE),
                dbc.Collapse(
                    [
                        dbc.Nav(navigation(lang, module), navbar=True, className="me-auto"),
                        dbc.Nav([switcher], navbar=True) if switcher else None,
                    ],
                    id=NAV_COLLAPSE,
                    is_open=False,
                    navbar=True,
                ),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        expand=EXPAND,
        className="mb-3",
    )


def page(lang: str, module: str, path_after_lang: str, *children) -> html.Div:
    """Wrap a page's content in the shell."""
    return html.Div(
        [
            dcc.Store(id=ids.LANG, data=lang),
            html.Header([skip_link(), navbar(lang, module, path_after_lang)]),
            html.Main(dbc.Container(list(children), fluid=True), id=MAIN, tabIndex=-1),
            footer(lang),
        ]
    )


def init_app(app: dash.Dash) -> None:
    """The menu button's clientside callback (assets/layout.js), once for every page."""
    app.clientside_callback(
        ClientsideFunction("layout", "toggle"),
        Output(NAV_COLLAPSE, "is_open"),
        Output(NAV_TOGGLE, "aria-expanded"),
        Input(NAV_TOGGLE, "n_clicks"),
        State(NAV_COLLAPSE, "is_open"),
        prevent_initial_call=True,
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
