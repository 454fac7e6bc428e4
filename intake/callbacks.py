"""Callbacks of the report page: thin wrappers around validation and the service."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, html, no_update
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components.fields import FIELD, MESSAGE, WRAP
from data.db import EXTENSION_KEY
from data.reference import reference
from intake import ids
from intake.formdata import form_errors, to_payload
from intake.service import submit
from intake.validation import validate


def submit_report(
    n_clicks: int | None,
    values: list[Any],
    client_id: str,
    lang: str,
    field_ids: list[dict],
    message_ids: list[dict],
):
    """Validate and store the form; messages beside their fields, or a confirmation."""
    if not n_clicks:
        return no_update, no_update, no_update, no_update, no_update
    by_name = {i["name"]: value for i, value in zip(field_ids, values, strict=True)}
    ref = reference()
    with force_locale(lang):
        payload = to_payload(by_name, client_id, ref)
        report, errors = validate(payload, ref)
        if errors:
            shown = form_errors(errors, by_name)
            messages = [shown.get(m["name"], "") for m in message_ids]
            classes = ["mb-3 has-error" if shown.get(m["name"]) else "mb-3" for m in message_ids]
            summary = dbc.Alert(
                _(
                    "Some answers need attention (%(count)d). Nothing you typed was lost.",
                    count=len(shown),
                ),
                color="danger",
                id="report-error-alert",
            )
            return messages, classes, summary, no_update, False
        result = submit(
            current_app.extensions[EXTENSION_KEY],
            report,
            lang=lang,
            auto_publish=current_app.config["AUTO_PUBLISH"],
        )
        text = (
            _(
                "Thank you! Your report was stored as number %(id)d and is now published.",
                id=result.id,
            )
            if result.status == "published"
            else _(
                "Thank you! Your report was stored as number %(id)d and will be published "
                "after review.",
                id=result.id,
            )
        )
        confirmation = dbc.Alert(
            [
                html.H2(_("Report received"), className="h5"),
                html.P(text, className="mb-1"),
                html.A(_("Report another event"), href=f"/{lang}/report", className="alert-link"),
            ],
            color="success",
            id="report-confirmation",
        )
        blank = [""] * len(message_ids)
        return blank, ["mb-3"] * len(message_ids), None, confirmation, True


def register(app) -> None:
    app.callback(
        Output({"type": MESSAGE, "name": ALL}, "children"),
        Output({"type": WRAP, "name": ALL}, "className"),
        Output(ids.ERROR_SUMMARY, "children"),
        Output(ids.RESULT, "children"),
        Output(ids.FORM, "hidden"),
        Input(ids.SUBMIT, "n_clicks"),
        State({"type": FIELD, "name": ALL}, "value"),
        State(ids.CLIENT_ID, "data"),
        State(shell_ids.LANG, "data"),
        State({"type": FIELD, "name": ALL}, "id"),
        State({"type": MESSAGE, "name": ALL}, "id"),
        prevent_initial_call=True,
        running=[(Output(ids.SUBMIT, "disabled"), True, False)],
    )(submit_report)
