"""Callbacks of the report and edit pages: thin wrappers around validation and the service.

The draft (localStorage), its restoring after a reload and the focus on the first error are
clientside (assets/draft.js): they must work when the server does not answer.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, State, html, no_update
from flask_babel import force_locale
from flask_babel import gettext as _

from components import mail
from components.fields import attempt, cleared, field_errors, notice
from components.form import (
    FormIds,
    form_labels,
    register_draft,
    register_submit,
    values_by_name,
)
from components.links import edit_url
from data import i18n
from data.db import current_db
from data.limits import submission_limit
from data.reference import reference
from data.reports.duplicates import Earlier
from data.reports.submit import Refused, amend_report, store_report
from intake.report import ids, receipt
from intake.report.form_errors import form_errors
from intake.report.layout import form
from intake.report.validation import validate_fields

FORM_IDS = FormIds.of(ids)


def _needs_attention(shown: dict[str, str], message_ids: list[dict], lang: str):
    """The messages beside their fields and the summary linking to each."""
    labels = form_labels(form, FORM_IDS.wrap, lang)
    return field_errors(shown, message_ids, "report-error-alert", labels=labels)


def submit_report(
    n_clicks: int | None,
    values: list[Any],
    client_id: str,
    lang: str,
    field_ids: list[dict],
    message_ids: list[dict],
    edit_token: str | None = None,
    event_id: int | None = None,
    email_me: bool | None = None,
):
    """Validate and store the form (or, with ``edit_token``, the edited report); messages
    beside their fields, a notice above the form, or the receipt (``email_me``: the private
    link e-mailed too, when the deployment sends e-mail)."""
    if not n_clicks:
        return no_update, no_update, no_update, no_update, no_update
    by_name = values_by_name(field_ids, values)
    blank = cleared(message_ids)
    lang = i18n.normalize(lang)  # sent by the browser: only a shipped language is stored
    with force_locale(lang):
        if by_name.pop(ids.HONEYPOT, None):
            # A bot: it sees what a person would, and nothing is stored.
            return *blank, None, confirmation(_("Thank you! Your report was received.")), True
        report, shown = validate_fields(by_name, client_id, reference())
        if shown:
            return *_needs_attention(shown, message_ids, lang), no_update, False
        db = current_db()

        def store():
            if edit_token:
                return amend_report(db, edit_token, report)
            return store_report(db, report, lang=lang, event_id=event_id)

        try:
            result, refused = attempt(
                store,
                submission_limit,
                "report",
                _(
                    "Many reports came from your connection in a short time. Wait a minute and "
                    "submit again; everything you typed is kept."
                ),
                _(
                    "The database is not reachable right now, so your report is not stored yet. "
                    "Everything you typed is kept in this browser: submit again in a few minutes."
                ),
            )
        except Refused as problem:
            shown = form_errors(problem.errors, by_name)
            return *_needs_attention(shown, message_ids, lang), no_update, False
        if refused:
            return *blank, refused, no_update, False
        if result is None:
            problem = _("This edit link is not valid any more; nothing was changed.")
            return *blank, notice(problem, "report-edit-invalid"), no_update, False
        if edit_token:
            parts = [html.P(_("Your changes to report number %(id)d were saved.", id=result.id))]
            parts.append(html.A(_("Edit again"), href=edit_url(lang, edit_token)))
        else:
            parts = _received(lang, result, report, email_me)
        return *blank, None, confirmation(parts, result.possible_duplicate_of), True


def _received(lang: str, result, report, email_me) -> list:
    """The receipt; the private link e-mailed first when asked for (after the commit: a slow
    or failing mail server never holds the transaction, and never loses the report)."""
    found = receipt.build(lang, result, report)
    mailed = None
    if email_me and found.edit_link and mail.enabled():
        mailed = receipt.send_link(lang, found, report.organizer.email)
    return receipt.view(found, amended=result.amended, mailed=mailed, lang=lang)


def confirmation(body, earlier: Earlier | None = None) -> html.Div:
    parts = [html.H2(_("Report received"), className="h5")]
    parts += body if isinstance(body, list) else [html.P(body, className="mb-1")]
    duplicate = None
    if earlier is not None:
        duplicate = dbc.Alert(
            _(
                "This looks like an event that was already reported: number %(id)d, "
                "“%(name)s”. Both reports are kept; the support team will check them.",
                id=earlier.id,
                name=earlier.event_name,
            ),
            color="warning",
            id=ids.DUPLICATE_NOTICE,
        )
    return html.Div([dbc.Alert(parts, color="success", id="report-confirmation"), duplicate])


def register(app) -> None:
    register_submit(
        app,
        FORM_IDS,
        submit_report,
        State(ids.EDIT_TOKEN, "data"),
        State(ids.REPORT_EVENT, "data"),
        State(ids.EMAIL_ME, "value"),
    )
    register_draft(app, FORM_IDS, track_sending=True)
    app.clientside_callback(
        ClientsideFunction("intakeReceipt", "copyButton"),  # assets/receipt.js
        Input(ids.RESULT, "children"),
        prevent_initial_call=True,
    )
