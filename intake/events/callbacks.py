"""Callbacks of the announce and edit pages: thin wrappers around validation and the service."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, html, no_update
from flask_babel import force_locale
from flask_babel import gettext as _

from components.fields import attempt, cleared, field_errors, notice
from components.form import FormIds, form_labels, private_link, register_submit, values_by_name
from data import i18n
from data.db import current_db
from data.events.announce import amend_event, announce
from data.limits import submission_limit
from intake.events import ids
from intake.events.formdata import validate_event
from intake.events.layout import announce_form, field_id
from intake.events.service import edit_url

FORM_IDS = FormIds.of(ids)


def _blank_form(_lang: str):
    return announce_form()


def submit_announcement(
    n_clicks: int | None,
    values: list[Any],
    client_id: str,
    lang: str,
    field_ids: list[dict],
    message_ids: list[dict],
    edit_token: str | None = None,
):
    """Validate and store the announcement (or, with ``edit_token``, the changes)."""
    if not n_clicks:
        return no_update, no_update, no_update, no_update, no_update
    by_name = values_by_name(field_ids, values)
    blank = cleared(message_ids)
    lang = i18n.normalize(lang)  # sent by the browser: only a shipped language is used
    with force_locale(lang):
        event, shown = validate_event(by_name, client_id)
        if shown:
            labels = form_labels(_blank_form, ids.WRAP, lang)
            errors = field_errors(shown, message_ids, "event-error-alert", labels=labels)
            return *errors, no_update, False
        db = current_db()

        def store():
            if edit_token:
                return amend_event(db, edit_token, event.stored())
            return announce(db, event.stored(), lang=lang)

        result, refused = attempt(
            store,
            submission_limit,
            "event",
            _(
                "Many submissions came from your connection in a short time. Wait a minute and "
                "submit again; everything you typed is kept."
            ),
            _(
                "The database is not reachable right now, so your event is not stored yet. "
                "Submit again in a few minutes; everything you typed is kept."
            ),
        )
        if refused:
            return *blank, refused, no_update, False
        if result is None:
            problem = _("This edit link is not valid any more; nothing was changed.")
            return *blank, notice(problem, "event-edit-invalid"), no_update, False
        return *blank, None, confirmation(lang, result, edited=bool(edit_token)), True


def confirmation(lang: str, result, edited: bool = False) -> dbc.Alert:
    if edited:
        text = _("Your changes to event number %(id)d were saved.", id=result.id)
    elif result.status == "published":
        text = _("Thank you! Your event is number %(id)d and is now listed.", id=result.id)
    else:
        text = _(
            "Thank you! Your event is number %(id)d and will be listed after review.",
            id=result.id,
        )
    if result.edit_token:
        link = edit_url(lang, result.edit_token)
        keep = private_link(
            _("To change it later, keep this private link (anyone who has it can edit):"),
            link,
            ids.EDIT_LINK,
        )
    else:  # sent again: the edit link given the first time stays its only one
        keep = _(
            "This event had already been received. Its private edit link was shown when it "
            "was first sent and still works; if you do not have it, ask the support team."
        )
    return dbc.Alert(
        [
            html.H2(_("Event received"), className="h5"),
            html.P(text, className="mb-1"),
            html.P(keep, className="mb-1"),
            html.A(_("See all events"), href=f"/{lang}/events", className="alert-link"),
        ],
        color="success",
        id=ids.CONFIRMATION,
    )


def register(app) -> None:
    register_submit(app, FORM_IDS, submit_announcement, State(ids.EDIT_TOKEN, "data"))
    # A new announcement's time zone starts as the device's (the browser knows it).
    app.clientside_callback(
        ClientsideFunction("events", "startZone"),
        Output(field_id("timezone"), "value"),
        Input(ids.CLIENT_ID, "data"),
        State(field_id("timezone"), "value"),
    )
    # The first message gets the focus, as on the report form.
    app.clientside_callback(
        ClientsideFunction("events", "focusFirstError"),
        Output(ids.ERROR_SUMMARY, "title"),
        Input(ids.ERROR_SUMMARY, "children"),
        prevent_initial_call=True,
    )
