"""The intake forms' one pattern (the report, the event announcement, the contribution): their
designed IDs, the submit callback's wiring, the draft kept in the browser (assets/draft.js), the
page around a form, the confirmation's private edit link, and the secret edit page's headers."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dash import ALL, ClientsideFunction, Input, Output, State, html
from flask import request
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components import shell
from components.fields import FIELD, MESSAGE, WRAP, labels_in
from data import i18n
from data.db import UNAVAILABLE, current_db


@dataclass(frozen=True)
class FormIds:
    """One form's IDs: the dict-ID types of its fields, their messages and their wrappers (each
    form its own, so that one form's ``ALL`` patterns never see another's), and its parts."""

    client_id: str
    submit: str
    result: str
    form: str
    error_summary: str
    draft: str | None = None  # dcc.Store: the draft's key for assets/draft.js, if one is kept
    field: str = FIELD
    message: str = MESSAGE
    wrap: str = WRAP

    @classmethod
    def of(cls, ids) -> FormIds:
        """The IDs named in a form's ``ids`` module: CLIENT_ID, SUBMIT, RESULT, FORM and
        ERROR_SUMMARY, with DRAFT, FIELD, MESSAGE and WRAP where it has its own."""
        return cls(
            client_id=ids.CLIENT_ID,
            submit=ids.SUBMIT,
            result=ids.RESULT,
            form=ids.FORM,
            error_summary=ids.ERROR_SUMMARY,
            draft=getattr(ids, "DRAFT", None),
            field=getattr(ids, "FIELD", FIELD),
            message=getattr(ids, "MESSAGE", MESSAGE),
            wrap=getattr(ids, "WRAP", WRAP),
        )

    def fields(self) -> dict:
        return {"type": self.field, "name": ALL}

    def messages(self) -> dict:
        return {"type": self.message, "name": ALL}


def values_by_name(field_ids: list[dict], values: list[Any]) -> dict[str, Any]:
    """The form's values keyed by their fields' names."""
    return {i["name"]: value for i, value in zip(field_ids, values, strict=True)}


def register_submit(app, ids: FormIds, handler: Callable, *extra: State) -> None:
    """``handler(n_clicks, values, client_id, lang, field_ids, message_ids, *extra)`` answers
    Submit with the messages, the wrappers' classes, the error summary, the result and whether
    the form is hidden; Submit is disabled while it runs. A field's message is cleared as soon
    as the field changes."""
    app.callback(
        Output(ids.messages(), "children"),
        Output({"type": ids.wrap, "name": ALL}, "className"),
        Output(ids.error_summary, "children"),
        Output(ids.result, "children"),
        Output(ids.form, "hidden"),
        Input(ids.submit, "n_clicks"),
        State(ids.fields(), "value"),
        State(ids.client_id, "data"),
        State(shell_ids.LANG, "data"),
        State(ids.fields(), "id"),
        State(ids.messages(), "id"),
        *extra,
        prevent_initial_call=True,
        running=[(Output(ids.submit, "disabled"), True, False)],
    )(handler)
    # A field's message goes as soon as that field changes; the others' stay (assets/draft.js).
    wraps = {"type": ids.wrap, "name": ALL}
    app.clientside_callback(
        ClientsideFunction("intakeDraft", "clearChanged"),
        Output(ids.messages(), "children", allow_duplicate=True),
        Output(wraps, "className", allow_duplicate=True),
        Input(ids.fields(), "value"),
        State(ids.messages(), "id"),
        State(wraps, "id"),
        State(wraps, "className"),
        prevent_initial_call=True,
    )


@functools.lru_cache(maxsize=64)
def form_labels(build: Callable[[str], Any], wrap_type: str, lang: str) -> dict[str, str]:
    """The field labels of the form ``build(lang)`` draws, in ``lang``, for the error summary's
    links (drawn once per language)."""
    with force_locale(lang):
        return labels_in(build(lang), wrap_type)


def register_draft(app, ids: FormIds, *, track_sending: bool = False) -> None:
    """The draft in localStorage (assets/draft.js): restored when the form appears, saved on
    every change, cleared once the form is stored; the first error gets the focus.
    ``track_sending``: the draft is also marked sent on Submit (a tab taking over a sent draft
    keeps its client_id, in case it was stored but the answer lost) and refused again when an
    answer stored nothing."""
    app.clientside_callback(
        ClientsideFunction("intakeDraft", "restore"),
        Output(ids.fields(), "value"),
        Output(ids.client_id, "data"),
        Input(ids.draft, "data"),
        State(ids.fields(), "id"),
        State(ids.client_id, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("intakeDraft", "save"),
        Input(ids.fields(), "value"),
        State(ids.fields(), "id"),
        State(ids.client_id, "data"),
        State(ids.draft, "data"),
        prevent_initial_call=True,
    )
    marks = [("clear", Input(ids.form, "hidden"))]
    if track_sending:
        marks = [
            ("markSent", Input(ids.submit, "n_clicks")),
            ("markRefused", Input(ids.error_summary, "children")),
            *marks,
        ]
    for function, trigger in marks:
        app.clientside_callback(
            ClientsideFunction("intakeDraft", function),
            trigger,
            State(ids.client_id, "data"),
            State(ids.draft, "data"),
            prevent_initial_call=True,
        )
    app.clientside_callback(
        ClientsideFunction("intakeDraft", "focusError"),
        Input(ids.error_summary, "children"),
        prevent_initial_call=True,
    )


def in_page_language(build: Callable[..., Any]) -> Callable[..., Any]:
    """A page's layout or title, ``build(lang, **kwargs)``, run in the page's language: the
    ``lang`` of the URL normalized to a shipped one (the default when Dash calls it bare)."""

    @functools.wraps(build)
    def localized(lang: str = i18n.DEFAULT, **kwargs):
        lang = i18n.normalize(lang)
        with force_locale(lang):
            return build(lang, **kwargs)

    return localized


def page_title(name: Callable[[], str]) -> Callable[..., str]:
    """A form page's ``title`` for ``dash.register_page``: ``name()`` in the page's language,
    then the site's name."""
    return in_page_language(lambda _lang, **_kwargs: name() + " · " + _("Movement Priorities"))


def form_page(lang: str, module: str, path: str, heading: str, lead, *body):
    """A form's page in the shell: its heading, the lead paragraph, then the form."""
    return shell.page(
        lang,
        module,
        path,
        html.H1(heading, className="h3"),
        html.P(lead, className="lead"),
        *body,
    )


def private_link(text: str, url: str, link_id: str) -> list:
    """The confirmation's private edit link, after the sentence that says to keep it."""
    return [text, html.Br(), html.A(url, href=url, id=link_id, className="text-break")]


def offline_notice(notice_id: str, retry_id: str, submit_id: str) -> html.Div:
    """Shown by assets/intake-offline.js when Submit finds no connection (the browser is
    offline, or the request to the server failed): the words come from here, in the page's
    language. The draft stays in this browser, and the form is sent again when the connection
    returns or on Retry."""
    return html.Div(
        [
            html.P(
                _(
                    "Your report could not be sent: there is no connection to the server. It is "
                    "kept on this device and will be sent as soon as the connection returns."
                ),
                className="mb-2",
            ),
            html.Button(_("Retry now"), id=retry_id, type="button", className="btn btn-warning"),
        ],
        id=notice_id,
        hidden=True,
        role="alert",
        tabIndex="-1",
        className="alert alert-warning",
        **{"data-offline-submit": submit_id},
    )


def secret_page_headers(path: re.Pattern, known: Callable[[Any, str], Any]):
    """An ``after_request`` hook for an edit page whose address carries a secret token (the
    second group of ``path``): kept out of Referer headers and caches, and a real 404 when
    ``known(db, token)`` finds nothing."""

    def headers(response):
        match = path.match(request.path)
        if not match or response.mimetype != "text/html":
            return response
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        if response.status_code == 200:
            try:
                if known(current_db(), match.group(2)) is None:
                    response.status_code = 404
            except UNAVAILABLE:
                pass  # the page itself says so
        return response

    return headers
