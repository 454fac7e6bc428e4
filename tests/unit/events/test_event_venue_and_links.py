"""An event's venue and address: validated with the announcement, written into the iCalendar
LOCATION with RFC 5545 escaping, and carried by the web-calendar links; the list shows upcoming
events first and folds the past ones under their count."""

from __future__ import annotations

import dataclasses
import datetime as dt
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from flask_babel import force_locale

from dashboard.events.calendar_links import google_url, outlook_url
from dashboard.events.event_page import event_content, show_when
from dashboard.events.views import event_list
from data.events.model import PublicEvent, location, split_by_time
from intake.events.formdata import validate_event, validate_payload
from intake.events.ics import calendar

CLIENT = "8c1f2a58-6a55-4c0e-9a40-1d4f7e2d9b10"
TODAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)
PAGE = "https://priorities.example.org/en/events/5"


def event(start: dt.datetime = NOW + dt.timedelta(days=3), **changes) -> PublicEvent:
    fields = dict(
        id=5,
        name="Nairobi salon",
        start_utc=start,
        end_utc=start + dt.timedelta(hours=2),
        timezone="Africa/Nairobi",
        country="KE",
        region="SSA",
        format="hybrid",
        languages=("en", "sw"),
        join_url="https://meet.example.org/salon",
        audience="",
        accessibility="",
        reported=False,
        updated_at=NOW,
        venue="Hall 1, Library; East wing",
        address="Moi Avenue 12\nNairobi",
    )
    fields.update(changes)
    return PublicEvent(**fields)


def values(**changes) -> dict:
    out = {
        "name": "Nairobi strategy salon",
        "start": "2026-11-20T18:00",
        "end": "2026-11-20T20:00",
        "timezone": "Africa/Nairobi",
        "country": "KE",
        "format": "in_person",
        "venue": "Kenya National Library",
        "address": "Ngong Road\r\nNairobi",
        "organizer_name": "Amina",
        "organizer_email": "amina@example.org",
    }
    out.update(changes)
    return out


@pytest.fixture
def in_request(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        yield


def test_venue_and_address_are_stored_with_the_address_lines(in_request):
    found, errors = validate_event(values(), CLIENT, today=TODAY)
    assert errors == {}
    stored = found.stored()
    assert stored["venue"] == "Kenya National Library"
    assert stored["address"] == "Ngong Road\nNairobi"  # CR LF as LF, as all long text


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"format": "virtual", "join_url": "meet.example.org/x"}, "venue", "An online event"),
        (
            {"format": "on_wiki", "venue": "", "join_url": "meta.wikimedia.org/x"},
            "venue",
            "An online event",
        ),
        ({"venue": "Hall\nB"}, "venue", "Write this on one line"),
        ({"address": "x" * 501}, "address", "Use at most 500 characters."),
        ({"address": "Road \u202e1"}, "address", "Remove the hidden text-direction"),
    ],
)
def test_venue_rules_show_beside_their_field(in_request, changes, field, text):
    found, errors = validate_event(values(**changes), CLIENT, today=TODAY)
    assert found is None and field in errors, errors
    assert errors[field].startswith(text)


def test_an_online_venue_is_told_in_the_same_round_as_other_errors(in_request):
    found, errors = validate_event(
        values(format="virtual", join_url="", name=""), CLIENT, today=TODAY
    )
    assert found is None and {"name", "join_url", "venue"} <= set(errors)


def test_the_api_names_the_venue_field(in_request):
    sent = {
        "client_id": CLIENT,
        **{k: v for k, v in values(format="virtual").items() if not k.startswith("organizer")},
        "join_url": "https://meet.example.org/x",
        "organizer": {"name": "Amina", "email": "amina@example.org"},
    }
    found, errors = validate_payload(sent, today=TODAY)
    assert found is None and set(errors) == {"venue"}


def test_location_joins_venue_address_lines_and_country(in_request):
    assert location(event()) == "Hall 1, Library; East wing, Moi Avenue 12, Nairobi, Kenya"
    assert location(event(venue="", address="")) == "Kenya"
    assert location(event(venue="", address="", country=None, format="virtual")) == ""


def test_the_ics_location_is_escaped_per_rfc_5545(in_request):
    tricky = event(venue="A\\B, C; D", address="Line 1\nLine 2")
    body = calendar([tricky], "en", tricky.name)
    unfolded = body.decode().replace("\r\n ", "")
    (line,) = [x for x in unfolded.split("\r\n") if x.startswith("LOCATION:")]
    # Backslash, comma and semicolon escaped; the address's line break became ", ".
    assert line == "LOCATION:A\\\\B\\, C\\; D\\, Line 1\\, Line 2\\, Kenya"
    (item,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(item["location"]) == "A\\B, C; D, Line 1, Line 2, Kenya"
    assert "amina" not in body.decode().lower()


def test_an_online_events_ics_location_is_its_format(in_request):
    online = event(venue="", address="", country=None, format="virtual")
    (item,) = icalendar.Calendar.from_ical(calendar([online], "en", "x")).walk("VEVENT")
    assert str(item["location"]) == "Virtual (video call)"


def test_the_web_calendar_links_carry_the_event_in_utc(in_request):
    found = event(start=dt.datetime(2026, 12, 1, 15, 0, tzinfo=dt.UTC), name="Salon & co")
    google = urlsplit(google_url(found, PAGE))
    assert (google.scheme, google.netloc, google.path) == (
        "https",
        "calendar.google.com",
        "/calendar/render",
    )
    query = parse_qs(google.query)
    assert query["action"] == ["TEMPLATE"] and query["text"] == ["Salon & co"]
    assert query["dates"] == ["20261201T150000Z/20261201T170000Z"]
    assert query["location"] == [location(found)]
    assert PAGE in query["details"][0] and "https://meet.example.org/salon" in query["details"][0]

    outlook = urlsplit(outlook_url(found, PAGE))
    assert (outlook.netloc, outlook.path) == ("outlook.live.com", "/calendar/0/deeplink/compose")
    query = parse_qs(outlook.query)
    assert query["rru"] == ["addevent"] and query["subject"] == ["Salon & co"]
    assert query["startdt"] == ["2026-12-01T15:00:00Z"]
    assert query["enddt"] == ["2026-12-01T17:00:00Z"]
    assert query["location"] == [location(found)] and PAGE in query["body"][0]


def test_upcoming_and_past_split_at_the_end_not_the_start():
    running = event(start=NOW - dt.timedelta(hours=1), id=1)
    over = event(start=NOW - dt.timedelta(hours=3), id=2)
    later = event(start=NOW + dt.timedelta(days=1), id=3)
    upcoming, past = split_by_time([over, later, running], NOW)
    assert [e.id for e in upcoming] == [1, 3] and [e.id for e in past] == [2]


def test_the_list_folds_past_events_under_their_count_without_add_to_calendar(in_request):
    soon = event(id=9)
    gone = [event(start=NOW - dt.timedelta(days=d), id=d) for d in (2, 3)]
    upcoming, past = event_list([soon], gone, "UTC", "en", past_total=40, more="38 older")
    assert upcoming.id == "events-upcoming" and past.id == "events-past"
    assert type(past).__name__ == "Details" and not getattr(past, "open", None)
    text = str(past)
    assert "Past events (40)" in text and "38 older" in text
    assert ".ics" not in text  # no "add to calendar" on past events
    assert "/events/9.ics" in str(upcoming) and "/en/events/9" in str(upcoming)


def test_the_event_page_offers_calendars_only_before_the_event(sqlite_app):
    with sqlite_app.server.test_request_context("/en/events/5"), force_locale("en"):
        upcoming = str(event_content(event(), "en", NOW))
        over = str(event_content(event(start=NOW - dt.timedelta(days=2)), "en", NOW))
    assert "/events/5.ics" in upcoming and "calendar.google.com" in upcoming
    assert "outlook.live.com" in upcoming and "Moi Avenue 12" in upcoming
    assert "Hall 1, Library; East wing" in upcoming and "meet.example.org/salon" in upcoming
    assert ".ics" not in over and "calendar.google.com" not in over
    assert "outlook.live.com" not in over and "/en/report?event=5" in over
    # Absolute links in calendar entries are on PUBLIC_URL ("http://localhost" in tests).
    assert "http%3A%2F%2Flocalhost%2Fen%2Fevents%2F5" in upcoming


def test_the_event_page_shows_times_in_the_viewers_zone_then_the_events(sqlite_app):
    found = event(start=dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC))
    times = {"start": found.start_utc.isoformat(), "end": found.end_utc.isoformat()}
    times["zone"] = found.timezone
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        text = str(show_when("Asia/Jakarta", times, "fr"))
        same = str(show_when("Africa/Nairobi", times, "en"))
    assert "20 nov. 2026, 22:00" in text and "Asia/Jakarta" in text
    assert "18:00" in text and "Africa/Nairobi" in text  # at the event
    assert "At the event" not in same


def test_a_public_event_never_carries_the_organizers_contact():
    names = {f.name for f in dataclasses.fields(PublicEvent)}
    assert not names & {"organizer_name", "organizer_email", "edit_token_hash"}
