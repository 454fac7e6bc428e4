"""``POST /api/v1/events`` and the iCalendar feeds against organizers' text, on SQLite and
PostgreSQL: the announce form's model and service behind the API, one edit link per event,
and feeds that survive any name, link or language."""

from __future__ import annotations

import datetime as dt
import uuid

import icalendar
import pytest
from icalendar.parser.content_line import Contentline
from sqlalchemy import text, update

from data.db import EXTENSION_KEY
from data.events.announce import announce
from data.events.model import Event
from data.limits import limiter
from intake.events.formdata import validate_event
from intake.events.service import editable_event
from tests.conftest import make_app
from tests.integration.conftest import empty_extras

ANNOUNCEMENT = {
    "name": "Nairobi strategy salon",
    "start": "2026-11-20T18:00",
    "end": "2026-11-20T20:00",
    "timezone": "Africa/Nairobi",
    "languages": ["en", "sw"],
    "country": "KE",
    "format": "in_person",
    "join_url": "meta.wikimedia.org/wiki/Event:Nairobi",
    "audience": "Editors",
    "accessibility": "Step-free access",
    "organizer": {"name": "Amina", "email": "amina@example.org"},
}


def payload(**changes) -> dict:
    return {**ANNOUNCEMENT, "client_id": str(uuid.uuid4()), **changes}


@pytest.fixture
def api(client, clean):
    return client


def test_announcing_through_the_api_stores_once_per_client_id(api, clean):
    sent = payload()
    first = api.post("/api/v1/events", json=sent)
    assert first.status_code == 201, first.get_data(as_text=True)
    body = first.get_json()
    assert body["status"] == "published" and "/en/events/edit/" in body["edit_url"]
    token = body["edit_url"].rsplit("/", 1)[1]
    stored = editable_event(clean, token)
    assert stored["id"] == body["id"]
    assert stored["join_url"] == "https://meta.wikimedia.org/wiki/Event:Nairobi"  # scheme added

    again = api.post("/api/v1/events", json={**sent, "name": "Taken over"})
    assert again.status_code == 200
    assert again.get_json() == {"id": body["id"], "status": "published", "edit_url": None}
    # The organizer's link still works and the event is as they sent it.
    assert editable_event(clean, token)["name"] == "Nairobi strategy salon"
    feed = icalendar.Calendar.from_ical(api.get("/events.ics").data)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["Nairobi strategy salon"]


@pytest.mark.parametrize(
    ("changes", "lang", "expected"),
    [
        ({"join_url": "https://example.org/a\r\nb"}, "en", {"join_url": ""}),
        ({"join_url": "https://example.org/a b"}, "en", {"join_url": "Enter a web address"}),
        ({"join_url": "javascript:alert(1)"}, "en", {"join_url": "Enter a web address"}),
        ({"end": "2026-11-20T17:00"}, "en", {"end": "The end must be after the start."}),
        ({"organizer": {"name": "A", "email": "x"}}, "en", {"organizer.email": "Enter a valid"}),
        ({"timezone": "Mars/Olympus"}, "fr", {"timezone": "Choisissez"}),
        ({"name": ""}, "fr", {"name": "Ce champ est obligatoire."}),
    ],
)
def test_an_invalid_announcement_is_422_with_messages_in_the_callers_language(
    api, changes, lang, expected
):
    answer = api.post("/api/v1/events", json=payload(**changes), headers={"Accept-Language": lang})
    assert answer.status_code == 422
    errors = answer.get_json()["errors"]
    for key, start in expected.items():
        assert errors[key].startswith(start), errors


def test_a_body_that_is_not_an_object_is_422(api):
    answer = api.post("/api/v1/events", data="[1]", content_type="application/json")
    assert answer.status_code == 422 and "event" in answer.get_json()["errors"]


def test_announcements_share_the_submission_rate_limit(database_url):
    app = make_app(database_url, SUBMIT_RATE_LIMIT="2 per minute")
    db = app.server.extensions[EXTENSION_KEY]
    empty_extras(db)
    with app.server.app_context():
        limiter.reset()  # no count left by an earlier test (PostgreSQL keeps rows)
    try:
        client = app.server.test_client()
        codes = [client.post("/api/v1/events", json=payload()).status_code for _ in range(3)]
        assert codes == [201, 201, 429]
        refused = client.post("/api/v1/events", json=payload(), headers={"Accept-Language": "fr"})
        assert refused.status_code == 429 and "event" in refused.get_json()["errors"]
    finally:
        with app.server.app_context():
            limiter.reset()
        empty_extras(db)
        db.engine.dispose()


def calendar_name(body: bytes) -> str:
    """X-WR-CALNAME read as TEXT, as calendars read it (icalendar keeps unknown properties
    escaped)."""
    lines = body.decode().replace("\r\n ", "").split("\r\n")
    (line,) = [line for line in lines if line.startswith("X-WR-CALNAME:")]
    return Contentline(line).parts()[2]


def _announced(db) -> int:
    """A published event, through the form's validation and the service."""
    values = {
        **ANNOUNCEMENT,
        "join_url": "https://meta.wikimedia.org/wiki/Event:Nairobi",
        "organizer_name": "Amina",
        "organizer_email": "amina@example.org",
    }
    event, errors = validate_event(values, str(uuid.uuid4()), today=dt.date(2026, 11, 26))
    assert errors == {}
    return announce(db, event.stored(), lang="en", auto_publish=True).id


def _stored_as(db, event_id: int, **values) -> None:
    """Values written as an older release could store them (before today's validation)."""
    with db.session() as session:
        session.execute(update(Event).where(Event.id == event_id).values(**values))
        session.execute(text("UPDATE data_version SET version = version + 1"))


def test_a_line_break_in_a_stored_link_or_name_never_breaks_a_feed(api, clean):
    event_id = _announced(clean)
    name = "Salon, Nairobi; part 1\r\nand 2 \\ more"
    _stored_as(clean, event_id, join_url="https://example.org/a\r\nX-EVIL:1", name=name)
    feed = api.get("/events.ics")
    assert feed.status_code == 200 and b"\r\nX-EVIL" not in feed.data
    (item,) = icalendar.Calendar.from_ical(feed.data).walk("VEVENT")
    assert str(item["url"]).endswith(f"/en/events/{event_id}")  # the page, not the link
    assert str(item["summary"]) == name.replace("\r\n", "\n")

    one = api.get(f"/events/{event_id}.ics")
    assert one.status_code == 200
    assert b"X-WR-CALNAME:Salon\\, Nairobi\\; part 1\\nand 2 \\\\ more" in one.data
    assert calendar_name(one.data) == name.replace("\r\n", "\n")


def test_feeds_vary_by_language_and_say_so(api, clean):
    event_id = _announced(clean)
    for path in ("/events.ics", f"/events/{event_id}.ics"):
        french = api.get(path, headers={"Accept-Language": "fr"})
        english = api.get(path, headers={"Accept-Language": "en"})
        assert "Accept-Language" in french.headers["Vary"]
        assert french.headers["Cache-Control"] in ("public, max-age=60", "max-age=60, public")
        assert french.data != english.data  # "Comment participer" / "How to join"
