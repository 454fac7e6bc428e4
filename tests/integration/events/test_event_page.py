"""An event's page and venue on SQLite and PostgreSQL: the venue sent through the API reaches the
page and the calendar feeds (never the organizer's contact), unknown or unpublished numbers are
404s, and the migration adds the venue to events stored before it."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import icalendar
import pytest
from sqlalchemy import create_engine, text

from dashboard.events.callbacks import show_events
from dashboard.events.event_page import layout as event_layout
from data.events.announce import announce as announce_event
from data.events.write import publish_event
from data.migrate import alembic_config, upgrade
from intake.events.formdata import validate_payload
from tests.conftest import throwaway_pg

EMAIL = "hidden-organizer@example.org"


def payload(**changes) -> dict:
    soon = dt.date.today() + dt.timedelta(days=10)
    return {
        "client_id": str(uuid.uuid4()),
        "name": "Nairobi venue salon",
        "start": f"{soon.isoformat()}T18:00",
        "end": f"{soon.isoformat()}T20:00",
        "timezone": "Africa/Nairobi",
        "languages": ["en", "sw"],
        "country": "KE",
        "format": "hybrid",
        "join_url": "meet.example.org/salon",
        "venue": "Kenya National Library, Hall 2",
        "address": "Ngong Road; Upper Hill\nNairobi",
        "organizer": {"name": "Amina Hidden", "email": EMAIL},
        **changes,
    }


def announce(client, **changes) -> int:
    answer = client.post("/api/v1/events", json=payload(**changes))
    assert answer.status_code == 201, answer.get_data(as_text=True)
    return answer.get_json()["id"]


def test_the_venue_reaches_the_page_and_the_feeds_but_never_the_contact(app, client, clean):
    event_id = announce(client)
    page = client.get(f"/en/events/{event_id}")
    assert page.status_code == 200
    with app.server.test_request_context(f"/en/events/{event_id}"):
        shown = str(event_layout("en", str(event_id)).to_plotly_json())
    assert "Kenya National Library, Hall 2" in shown and "Ngong Road; Upper Hill\\nNairobi" in shown
    assert f"/events/{event_id}.ics" in shown and "calendar.google.com" in shown
    assert EMAIL not in shown and "Amina Hidden" not in shown
    assert EMAIL not in page.get_data(as_text=True)

    (item,) = icalendar.Calendar.from_ical(client.get(f"/events/{event_id}.ics").data).walk(
        "VEVENT"
    )
    assert str(item["location"]) == (
        "Kenya National Library, Hall 2, Ngong Road; Upper Hill, Nairobi, Kenya"
    )
    feed = client.get("/events.ics").data
    assert (
        b"LOCATION:Kenya National Library\\, Hall 2\\, Ngong Road\\; Upper Hill\\,"
        in feed.replace(b"\r\n ", b"")
    )
    assert EMAIL.encode() not in feed

    # The list links to the page, and shows the venue.
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        listing = str(show_events(None, None, None, None, None, "UTC", None, "en")["listing"])
    assert f"/en/events/{event_id}" in listing and "Kenya National Library" in listing
    assert EMAIL not in listing


def test_unknown_and_unpublished_numbers_are_404(app, client, clean, accounts):
    with app.server.test_request_context("/"):
        event, errors = validate_payload(payload())
    assert errors == {}
    pending = announce_event(clean, event.stored(), lang="en", auto_publish=False).id
    assert client.get(f"/en/events/{pending}").status_code == 404
    publish_event(clean, pending, accounts["reviewer"])
    assert client.get(f"/en/events/{pending}").status_code == 200
    assert client.get(f"/ar/events/{pending}").status_code == 200
    for wrong in ("999999", "abc", "99999999999", "%D9%A2"):
        assert client.get(f"/en/events/{wrong}").status_code == 404, wrong
    # The pages beside it are not taken for events.
    assert client.get("/en/events").status_code == 200
    assert client.get("/en/events/new").status_code == 200


def test_an_online_event_with_a_venue_is_refused_by_the_api(client, clean):
    answer = client.post("/api/v1/events", json=payload(format="virtual", country=None))
    assert answer.status_code == 422
    assert set(answer.get_json()["errors"]) == {"venue"}


def _event_columns(url: str) -> dict:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT name, venue, address FROM events")).one()
    finally:
        engine.dispose()
    return dict(row._mapping)


def _store_old_event(url: str) -> None:
    """A row as release 0013 wrote it (no venue columns yet)."""
    engine = create_engine(url)
    now = dt.datetime(2026, 11, 1, 12)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO events (client_id, name, start_utc, end_utc, timezone, country, "
                    "region, format, join_url, audience, accessibility, organizer_name, "
                    "organizer_email, written_in, status, status_reason, is_demo, created_at, "
                    "updated_at) VALUES (:c, 'Old salon', :s, :e, 'UTC', 'KE', 'SSA', "
                    "'in_person', '', '', '', 'A', 'a@example.org', 'en', 'published', '', "
                    ":f, :s, :s)"
                ),
                {"c": str(uuid.uuid4()), "s": now, "e": now + dt.timedelta(hours=2), "f": False},
            )
    finally:
        engine.dispose()


def _upgrade_keeps_old_events(url: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(url), "0013_accounts")
    _store_old_event(url)
    upgrade(url)
    assert _event_columns(url) == {"name": "Old salon", "venue": "", "address": ""}
    command.downgrade(alembic_config(url), "0013_accounts")  # and back down, cleanly
    upgrade(url)


def test_the_venue_migration_upgrades_a_sqlite_database_with_events(tmp_path):
    url = f"sqlite:///{tmp_path}/old.db"
    upgrade(url)
    _upgrade_keeps_old_events(url)


@pytest.mark.postgres
def test_the_venue_migration_upgrades_a_postgresql_database_with_events():
    with throwaway_pg(f"h5_venue_{os.getpid() % 1000}") as url:
        _upgrade_keeps_old_events(url)
