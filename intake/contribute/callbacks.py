"""Callbacks of the contribution page: thin wrappers around validation and the service.

The draft (what is typed, kept in localStorage and restored after a reload or a failed submit)
reuses the report form's clientside functions (assets/draft.js) with this page's IDs.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import html, no_update
from flask_babel import force_locale
from flask_babel import gettext as _

from components.fields import attempt, cleared, field_errors
from components.form import (
    FormIds,
    form_labels,
    register_draft,
    register_submit,
    values_by_name,
)
from data import i18n
from data.contributions.submit import submit
from data.db import current_db
from data.limits import contribution_limit
from data.reference import reference
from intake.contribute import ids
from intake.contribute.layout import form
from intake.contribute.model import validate_fields

FORM_IDS = FormIds.of(ids)

WRAP_CLASS = "mb-3"


def _form(_lang: str):
    """The form the labels are read from: one function, so form_labels' cache keeps it."""
    return form()


def submit_contribution(
    n_clicks: int | None,
    values: list[Any],
    client_id: str,
    lang: str,
    field_ids: list[dict],
    message_ids: list[dict],
):
    """Validate and store the form: messages beside their fields, a notice, or a thank-you."""
    if not n_clicks:
        return no_update, no_update, no_update, no_update, no_update
    by_name = values_by_name(field_ids, values)
    blank = cleared(message_ids, WRAP_CLASS)
    lang = i18n.normalize(lang)  # sent by the browser: only a shipped language is used
    with force_locale(lang):
        found, shown = validate_fields(by_name, client_id, reference())
        if shown:
            labels = form_labels(_form, ids.WRAP, lang)
            errors = field_errors(
                shown, message_ids, "contrib-error-alert", WRAP_CLASS, labels=labels
            )
            return *errors, no_update, False
        db = current_db()
        result, refused = attempt(
            lambda: submit(db, found.model_dump(), lang=lang),
            contribution_limit,
            "contrib",
            _(
                "Many contributions came from your connection in a short time. Wait a minute "
                "and send again; everything you typed is kept."
            ),
            _(
                "The database is not reachable right now, so your contribution is not stored "
                "yet. Everything you typed is kept in this browser: send again in a few minutes."
            ),
        )
        if refused:
            return *blank, refused, no_update, False
        return *blank, None, thanks(lang, result.status), True


def thanks(lang: str, status: str) -> dbc.Alert:
    text = (
        _("Thank you! Your contribution is stored and now shown beside the events' results.")
        if status == "published"
        else _("Thank you! Your contribution is stored and will be shown after review.")
    )
    return dbc.Alert(
        [
            html.H2(_("Contribution received"), className="h5"),
            html.P(text, className="mb-1"),
            html.A(_("See the dashboard"), href=f"/{lang}/", className="alert-link"),
        ],
        color="success",
        id="contrib-confirmation",
    )


def register(app) -> None:
    register_submit(app, FORM_IDS, submit_contribution)
    register_draft(app, FORM_IDS)
