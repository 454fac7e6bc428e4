"""Registers the report page (``/<lang>/report``), the organizer's edit page
(``/<lang>/report/edit/<token>``) and their callbacks."""

from __future__ import annotations

import re

import dash
from dash import html
from flask_babel import force_locale
from flask_babel import gettext as _

from components import shell
from components.form import form_page, in_page_language, page_title, secret_page_headers
from components.links import EDIT_TEMPLATE
from data import i18n
from data.db import UNAVAILABLE, current_db
from data.reference import reference
from data.reports.submit import editable
from intake.events.page import report_values
from intake.report import callbacks
from intake.report.formdata import to_values
from intake.report.layout import form
from intake.report.widgets import template_links

MODULE = "intake.report"
EDIT_MODULE = "intake.edit"
EDIT_PATH = re.compile(r"^/([^/]+)/report/edit/([^/]+)/?$")


@in_page_language
def layout(lang: str, event=None, **_kwargs):
    # Opened from a past event ("report the results"): prefilled, and linked on submit.
    found = report_values(event) if event else None
    return form_page(
        lang,
        MODULE,
        "report",
        _("Report an event's priorities"),
        _("Share what your prioritization event decided. Fields marked * are required."),
        template_links(lang),
        form(lang, values=found[1], draft_key=f"event:{found[0]}", event_id=found[0])
        if found
        else form(lang),
    )


def edit_layout(lang: str = i18n.DEFAULT, token: str | None = None, **_kwargs):
    """The report form filled with the stored report; a not-found page for an unknown token.
    The token stays in the page (a store) and goes back with the changes."""
    lang = i18n.normalize(lang)
    with force_locale(lang):
        path = f"report/edit/{token}" if token else "report"
        try:
            found = editable(current_db(), token) if token else None
        except UNAVAILABLE:
            return shell.page(
                lang,
                EDIT_MODULE,
                path,
                html.H1(_("Edit your report"), className="h3"),
                html.P(
                    _(
                        "The database is not reachable right now. Your report is safe; "
                        "open this link again in a few minutes."
                    ),
                    className="alert alert-warning",
                    id="report-edit-unavailable",
                ),
            )
        if found is None:
            return shell.page(
                lang,
                EDIT_MODULE,
                path,
                html.H1(_("This edit link is not valid"), className="h3", id="report-edit-missing"),
                html.P(
                    _(
                        "Check that the whole link was copied. A link stops working when a newer "
                        "one is issued for the same report."
                    )
                ),
                html.A(_("Report an event"), href=f"/{lang}/report"),
            )
        report_id, data = found
        return form_page(
            lang,
            EDIT_MODULE,
            path,
            _("Edit your report"),
            _(
                "Report number %(id)d. Change what needs changing and save; every change "
                "is kept in the report's history.",
                id=report_id,
            ),
            # A fresh client_id, never the stored one: sending a report's client_id changes
            # that report, and the page must not hand it out (the edit goes by the token).
            form(
                lang,
                values=to_values(data, reference()),
                edit_token=token,
                draft_key=f"edit:{report_id}",
            ),
        )


def register(app: dash.Dash) -> None:
    dash.register_page(
        EDIT_MODULE,
        path_template=EDIT_TEMPLATE,
        layout=edit_layout,
        title=page_title(lambda: _("Edit your report")),
        order=0,  # before "/<lang>/report" and the dashboard's "/<lang>"
    )
    dash.register_page(
        MODULE,
        path_template="/<lang>/report",
        layout=layout,
        title=page_title(lambda: _("Report an event")),
        order=1,  # before the dashboard's "/<lang>", which would also match this path
        nav_label=lambda: _("Report an event"),
        nav_order=2,
    )
    # ``editable`` looked up at each request, this module's (as a test replaces it).
    app.server.after_request(secret_page_headers(EDIT_PATH, lambda db, t: editable(db, t)))
    callbacks.register(app)
