"""Registers the report page (``/<lang>/report``) and its callbacks."""

from __future__ import annotations

import dash
from dash import html
from flask_babel import force_locale
from flask_babel import gettext as _

from components import shell
from data import i18n
from intake import callbacks
from intake.layout import form

MODULE = "intake.report"


def title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
    with force_locale(i18n.normalize(lang)):
        return f"{_('Report an event')} · {_('Movement Priorities')}"


def layout(lang: str = i18n.DEFAULT, **_kwargs):
    lang = i18n.normalize(lang)
    with force_locale(lang):
        return shell.page(
            lang,
            MODULE,
            "report",
            html.H1(_("Report an event's priorities"), className="h3"),
            html.P(
                _("Share what your prioritization event decided. Fields marked * are required."),
                className="lead",
            ),
            form(lang),
        )


def register(app: dash.Dash) -> None:
    dash.register_page(
        MODULE,
        path_template="/<lang>/report",
        layout=layout,
        title=title,
        order=1,  # before the dashboard's "/<lang>", which would also match this path
        nav_label=lambda: _("Report an event"),
        nav_order=2,
    )
    callbacks.register(app)
