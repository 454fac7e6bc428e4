"""Registers the public dashboard (``/<lang>/``) and its callbacks; the comparison and the
Wikimedia downloads it shows register theirs (dashboard.compare, dashboard.export)."""

from __future__ import annotations

import dash
from dash import html
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from components import shell
from components.index import plotly_locale
from dashboard.home import callbacks
from dashboard.home.layout import dashboard
from data import i18n

MODULE = "dashboard.home"


def title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
    with force_locale(i18n.normalize(lang)):
        return _("Priorities dashboard") + " · " + _("Movement Priorities")


def layout(lang: str = i18n.DEFAULT, **query):
    lang = i18n.normalize(lang)
    poll = current_app.config["POLL_INTERVAL_MS"] if current_app else 2000
    with force_locale(lang):
        return shell.page(
            lang,
            MODULE,
            "",
            html.H1(_("What the movement prioritized"), className="h3"),
            html.P(
                _(
                    "Live results of the Wikimedia 2030 prioritization events, as their "
                    "organizers report them."
                ),
                className="lead",
            ),
            dashboard(poll, plotly_locale(lang), {k: v for k, v in query.items() if v}),
        )


def register(app: dash.Dash) -> None:
    dash.register_page(
        MODULE,
        path_template="/<lang>",
        layout=layout,
        title=title,
        order=100,  # last: its template matches any path
        nav_label=lambda: _("Dashboard"),
        nav_order=1,
    )
    callbacks.register(app)
