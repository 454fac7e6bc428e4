"""The frame of every support-team page: its layout behind the shared guard (the login redirect
or the refusal without the role, and no data read then), the signed-in line with the sign-out
form, its title, and its registration as a support page (``support_role``, which the
``dashboard.auth.login`` redirect and the navigation read)."""

from __future__ import annotations

from collections.abc import Callable

import dash
from dash import dcc, html
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from components import shell
from dashboard.auth.guards import allowed, login_url, signed_in
from data import i18n
from data.support.accounts import Role


def support_title(heading: Callable[[], str]) -> Callable[..., str]:
    """A page's ``title(lang)``: ``heading()`` and the site's name, in that language."""

    def title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
        with force_locale(i18n.normalize(lang)):
            return heading() + " · " + _("Movement Priorities")

    return title


def register_support_page(
    module: str,
    path: str,
    layout: Callable,
    title: Callable,
    *,
    order: int,
    nav_label: Callable[[], str] | None = None,
    nav_order: int | None = None,
    role: str = Role.REVIEWER,
) -> None:
    """Register ``/<lang>/<path>`` as a support page; with ``nav_label``, in the navigation of
    signed-in sessions."""
    nav = {"nav_label": nav_label, "nav_order": nav_order, "nav_if": signed_in} if nav_label else {}
    dash.register_page(
        module,
        path_template=f"/<lang>/{path}",
        layout=layout,
        title=title,
        order=order,
        support_role=role,
        **nav,
    )


def support_layout(module: str, path: str, content: Callable[[str], object], role=Role.REVIEWER):
    """A support page's ``layout(lang=None, **kwargs)``: bare (Dash's validation call), the
    component tree alone; otherwise ``content(lang, **kwargs)`` in the shell, built only for a
    session with the role (without it, the login redirect or the refusal, and no data read)."""

    def layout(lang: str | None = None, **kwargs):
        if lang is None:  # Dash's bare call: the component tree only, no data
            return content(None, **kwargs)
        lang = i18n.normalize(lang)
        with force_locale(lang):
            if not allowed(role):
                return support_page(lang, module, path, role)
            return support_page(lang, module, path, role, content(lang, **kwargs))

    return layout


def support_page(lang: str, module: str, path_after_lang: str, role: str, *children):
    """A support page in the shell, or a redirect to the login page without the session."""
    if not allowed(role):
        if signed_in():
            return shell.page(
                lang,
                module,
                path_after_lang,
                html.P(_("Your account may not open this page."), className="alert alert-warning"),
            )
        return html.Div(
            [
                dcc.Location(
                    id="support-login-redirect",
                    href=login_url(lang, f"/{lang}/{path_after_lang}"),
                    refresh=True,
                ),
                html.A(_("Sign in to continue"), href=login_url(lang)),
            ]
        )
    who = html.Div(
        [
            html.Span(_("Signed in as %(name)s", name=current_user.name), className="me-3"),
            # A form, not a link: signing out is a POST with the CSRF token.
            html.Form(
                [
                    dcc.Input(type="hidden", name="csrf_token", value=generate_csrf()),
                    html.Button(
                        _("Sign out"),
                        type="submit",
                        id="support-logout",
                        className="btn btn-link btn-sm p-0 align-baseline",
                    ),
                ],
                method="post",
                action=f"/{lang}/logout",
                className="d-inline",
            ),
        ],
        className="small text-body-secondary text-end mb-2",
    )
    return shell.page(lang, module, path_after_lang, who, *children)
