"""Registers the announce page (``/<lang>/events/new``), the organizer's edit page
(``/<lang>/events/edit/<token>``), the iCalendar feeds, and what the report form needs to be
opened from a past event (``/<lang>/report?event=<id>``)."""

from __future__ import annotations

import datetime as dt
import re

import dash
from dash import html
from flask_babel import force_locale
from flask_babel import gettext as _

from components import shell
from components.form import form_page, in_page_language, page_title, secret_page_headers
from data import i18n
from data.db import UNAVAILABLE, current_db
from data.events.model import public, published_event
from data.events.write import MAX_ID, claimed_event
from data.models import Status
from intake.events import callbacks as events_callbacks
from intake.events import ics as events_ics
from intake.events import ids
from intake.events.formdata import to_values
from intake.events.layout import announce_form
from intake.events.schema import in_zone
from intake.events.service import EDIT_TEMPLATE, editable_event

MODULE = "intake.events_new"
EDIT_MODULE = "intake.events_edit"
EDIT_PATH = re.compile(r"^/([^/]+)/events/edit/([^/]+)/?$")


@in_page_language
def layout(lang: str, **_kwargs):
    return form_page(
        lang,
        MODULE,
        "events/new",
        _("Announce a prioritization event"),
        _(
            "Tell people when and where your event happens and how to join. Fields "
            "marked * are required."
        ),
        announce_form(),
    )


def edit_layout(lang: str = i18n.DEFAULT, token: str | None = None, **_kwargs):
    lang = i18n.normalize(lang)
    path = f"events/edit/{token}"
    with force_locale(lang):
        try:
            db = current_db()
            found = editable_event(db, token) if token else None
        except UNAVAILABLE:
            found = None
        if found is None:
            return shell.page(
                lang,
                EDIT_MODULE,
                path,
                html.H1(_("This edit link is not valid"), className="h3", id="event-edit-missing"),
                html.A(_("Announce an event"), href=f"/{lang}/events/new"),
            )
        # No client_id in the page: whoever had it could send the announcement again.
        return form_page(
            lang,
            EDIT_MODULE,
            path,
            _("Edit your event"),
            _("Event number %(id)d.", id=found["id"]),
            _results_link(lang, found),
            announce_form(to_values(found), None, token),
        )


def _results_link(lang: str, found: dict):
    """The event's own "report the results" link: the only one whose report takes the event's
    results slot (data/event_store.link_report), so it lives on the organizer's private page."""
    started = found["start_utc"] <= dt.datetime.now(dt.UTC)
    if not started or found["status"] != Status.PUBLISHED or found["report_id"] is not None:
        return None
    if not found.get("results_claim"):
        return None
    return html.P(
        html.A(
            _("Report the results of this event"),
            href=f"/{lang}/report?event={found['results_claim']}",
            id=ids.RESULTS_LINK,
            className="btn btn-outline-primary",
        )
    )


def report_values(event_id) -> tuple[int | str, dict] | None:
    """The report form's values from a published event: its name, the day it started (in its
    own time zone), place, format and languages. None for an unknown or unpublished event.

    ``event_id`` is the event's number (the public list's link: the form is only prefilled)
    or its results claim (the organizer's link: the report will take the event's results
    slot). The first item returned is what the form hands to the report service."""
    text = str(event_id or "")
    number = text.isascii() and text.isdigit() and int(text) <= MAX_ID
    if not number and "-" not in text:
        return None
    db = current_db()
    try:
        with db.session(readonly=True) as session:
            if "-" in text:
                row = claimed_event(session, text)
                event = public(row) if row is not None and row.status == Status.PUBLISHED else None
                key: int | str = text
            else:
                event = published_event(session, int(text))
                key = int(text)
    except UNAVAILABLE:
        return None
    if event is None or event.start_utc > dt.datetime.now(dt.UTC):
        return None  # an event that has not started has no results yet
    return key, {
        "event_name": event.name,
        "event_date": in_zone(event.start_utc, event.timezone).date().isoformat(),
        "country": event.country,
        "region": event.region,
        "format": event.format,
        "languages": list(event.languages),
    }


def register(app: dash.Dash) -> None:
    dash.register_page(
        EDIT_MODULE,
        path_template=EDIT_TEMPLATE,
        layout=edit_layout,
        title=page_title(lambda: _("Announce an event")),
        order=2,
    )
    dash.register_page(
        MODULE,
        path_template="/<lang>/events/new",
        layout=layout,
        title=page_title(lambda: _("Announce an event")),
        order=3,
    )
    app.server.register_blueprint(events_ics.blueprint)
    app.server.after_request(secret_page_headers(EDIT_PATH, editable_event))
    events_callbacks.register(app)
