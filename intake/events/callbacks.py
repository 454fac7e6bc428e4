"""Callbacks of the announce and edit pages: thin wrappers around validation and the service."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, html, no_update
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components.fields import attempt, cleared, field_errors, notice
from data import i18n
from data.db import current_db
from intake.events import ids
from intake.events.formdata import validate_event
from intake.events.layout import field_id
from intake.events.service import amend_event, announce, edit_url
from intake.report.service import publishes_on_arrival, submission_limit


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
    by_name = {i["name"]: value for i, value in zip(field_ids, values, strict=True)}
    blank = cleared(message_ids)
    lang = i18n.normalize(lang)  # sent by the browser: only a shipped language is used
    with force_locale(lang):
        event, shown = validate_event(by_name, client_id)
        if shown:
            return *field_errors(shown, message_ids, "event-error-alert"), no_update, False
        db = current_db()

        def store():
            auto = publishes_on_arrival(db)
            if edit_token:
                return amend_event(db, edit_token, event, auto_publish=auto)
            return announce(db, event, lang=lang, auto_publish=auto)

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
        keep = [
            _("To change it later, keep this private link (anyone who has it can edit):"),
            html.Br(),
            html.A(link, href=link, id=ids.EDIT_LINK, className="text-break"),
        ]
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
    app.callback(
        Output({"type": ids.MESSAGE, "name": ALL}, "children"),
        Output({"type": ids.WRAP, "name": ALL}, "className"),
        Output(ids.ERROR_SUMMARY, "children"),
        Output(ids.RESULT, "children"),
        Output(ids.FORM, "hidden"),
        Input(ids.SUBMIT, "n_clicks"),
        State({"type": ids.FIELD, "name": ALL}, "value"),
        State(ids.CLIENT_ID, "data"),
        State(shell_ids.LANG, "data"),
        State({"type": ids.FIELD, "name": ALL}, "id"),
        State({"type": ids.MESSAGE, "name": ALL}, "id"),
        State(ids.EDIT_TOKEN, "data"),
        prevent_initial_call=True,
        running=[(Output(ids.SUBMIT, "disabled"), True, False)],
    )(submit_announcement)
    # A new announcement's time zone starts as the device's (the browser knows it).
    app.clientside_callback(
        """function (_clientId, zone) {
            if (zone) { return window.dash_clientside.no_update; }
            try { return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"; }
            catch (err) { return "UTC"; }
        }""",
        Output(field_id("timezone"), "value"),
        Input(ids.CLIENT_ID, "data"),
        State(field_id("timezone"), "value"),
    )
    # The first message gets the focus, as on the report form.
    app.clientside_callback(
        """function (summary) {
            var first = document.querySelector(".has-error input, .has-error textarea");
            if (summary && first) { first.focus(); }
            return window.dash_clientside.no_update;
        }""",
        Output(ids.ERROR_SUMMARY, "title"),
        Input(ids.ERROR_SUMMARY, "children"),
        prevent_initial_call=True,
    )
