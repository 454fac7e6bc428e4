"""What organizers type, through validation and into iCalendar: any Unicode text in a free-text
field gives a .ics that icalendar parses back with the same text (one event and the feed); the
join link is an http(s) address or nothing; the date rules hold on 29 February."""

from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar
import pytest
from flask_babel import force_locale
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from icalendar.parser.content_line import Contentline

from data.events.model import PublicEvent
from intake.events.formdata import validate_event
from intake.events.ics import calendar
from intake.events.schema import web_address

CLIENT = "8c1f2a58-6a55-4c0e-9a40-1d4f7e2d9b10"
TODAY = dt.date(2026, 11, 26)
FEED_NAME = "Movement Priorities events"
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
# Any code point but lone surrogates (no UTF-8, no database can store them).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


def values(**changes) -> dict:
    out = {
        "name": "Nairobi strategy salon",
        "start": "2026-11-20T18:00",
        "end": "2026-11-20T20:00",
        "timezone": "Africa/Nairobi",
        "languages": ["en"],
        "country": "KE",
        "format": "in_person",
        "join_url": "https://example.org/join",
        "audience": "Editors",
        "accessibility": "Step-free access",
        "organizer_name": "Amina",
        "organizer_email": "amina@example.org",
    }
    out.update(changes)
    return out


def public(event, event_id: int = 1) -> PublicEvent:
    """The published event as the feeds see it, from a validated announcement."""
    return PublicEvent(
        id=event_id,
        name=event.name,
        start_utc=event.start_utc(),
        end_utc=event.end_utc(),
        timezone=event.timezone,
        country=event.country,
        region=event.place_region(),
        format=event.format,
        languages=tuple(event.languages),
        join_url=event.join_url,
        audience=event.audience,
        accessibility=event.accessibility,
        reported=False,
        updated_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )


def calendar_name(body: bytes) -> str:
    """X-WR-CALNAME read as TEXT, as calendars read it (icalendar keeps unknown properties
    escaped)."""
    lines = body.decode().replace("\r\n ", "").split("\r\n")
    (line,) = [line for line in lines if line.startswith("X-WR-CALNAME:")]
    return Contentline(line).parts()[2]


@pytest.fixture
def in_request(sqlite_app):
    with sqlite_app.server.test_request_context("/events.ics"), force_locale("en"):
        yield


def _round_trip(event) -> None:
    other = public(event, event_id=2)
    for body, name in (
        (calendar([public(event)], "en", event.name), event.name),
        (calendar([public(event), other], "en", FEED_NAME), FEED_NAME),
    ):
        parsed = icalendar.Calendar.from_ical(body)
        items = parsed.walk("VEVENT")
        assert len(items) == (1 if name == event.name else 2)
        assert calendar_name(body) == name
        for item in items:
            assert str(item["summary"]) == event.name
            description = str(item.get("description", ""))
            if event.audience:
                assert f"Who it is for: {event.audience}" in description
            if event.accessibility:
                assert f"Accessibility notes: {event.accessibility}" in description


@SETTINGS
@given(
    field=st.sampled_from(["name", "audience", "accessibility", "organizer_name"]),
    text=ANY_TEXT,
)
def test_any_text_the_form_accepts_comes_back_from_the_ics_unchanged(in_request, field, text):
    event, _errors = validate_event(values(**{field: text}), CLIENT, today=TODAY)
    assume(event is not None)  # refused text gets a message beside its field instead
    _round_trip(event)


@SETTINGS
@given(name=ANY_TEXT, audience=ANY_TEXT, accessibility=ANY_TEXT)
def test_any_text_together_comes_back_from_the_ics_unchanged(
    in_request, name, audience, accessibility
):
    found, _errors = validate_event(
        values(name=name, audience=audience, accessibility=accessibility), CLIENT, today=TODAY
    )
    assume(found is not None)
    _round_trip(found)


@SETTINGS
@given(name=ANY_TEXT, audience=ANY_TEXT, link=ANY_TEXT)
def test_text_stored_before_todays_rules_still_makes_a_valid_ics(in_request, name, audience, link):
    """Rows written by an older release hold whatever was typed: the feed still parses."""
    found, _errors = validate_event(values(), CLIENT, today=TODAY)
    event = dataclasses.replace(public(found), name=name, audience=audience, join_url=link)
    body = calendar([event], "en", name)
    (item,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(item["summary"]) == name.replace("\r\n", "\n").replace("\r", "\n")
    assert calendar_name(body) == str(item["summary"])


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("meet.example.org/abc", "https://meet.example.org/abc"),
        ("https://meta.wikimedia.org/wiki/Event:X", "https://meta.wikimedia.org/wiki/Event:X"),
        ("http://example.org:8080/a?b=c#d", "http://example.org:8080/a?b=c#d"),
        ("example.org:8443/call", "https://example.org:8443/call"),
        ("https://example.org/a\r\nb", None),
        ("https://example.org/a\nX-EVIL:1", None),
        ("https://example.org/a b", None),
        ("https://example.org/\u202eevil", None),
        ("https://example.org/\u200bzero", None),
        ("javascript:alert(1)", None),
        ("mailto:someone@example.org", None),
        ("ftp://example.org/file", None),
        ("https://bank.example@evil.example/", None),
        ("https://", None),
        ("https://example.org:port/", None),
    ],
)
def test_the_join_link_is_a_web_address_or_refused(typed, stored):
    assert web_address(typed) == stored


def test_a_link_without_scheme_is_stored_with_https():
    event, errors = validate_event(values(join_url="zoom.us/j/123"), CLIENT, today=TODAY)
    assert errors == {} and event.join_url == "https://zoom.us/j/123"


def test_a_control_character_in_the_join_link_is_refused_beside_the_field(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        for link in ("https://example.org/a\r\nb", "https://example.org/a\u2028b"):
            event, errors = validate_event(values(join_url=link), CLIENT, today=TODAY)
            assert event is None and set(errors) == {"join_url"}


def test_announcing_works_on_29_february(in_request):
    """The latest start was 'today' three years on: 29 February 2027 does not exist."""
    leap = dt.date(2024, 2, 29)
    event, errors = validate_event(
        values(start="2024-03-10T18:00", end="2024-03-10T20:00"), CLIENT, today=leap
    )
    assert errors == {} and event is not None
    too_late, errors = validate_event(
        values(start="2027-03-01T18:00", end="2027-03-01T20:00"), CLIENT, today=leap
    )
    assert too_late is None and set(errors) == {"start"}
    _last, errors = validate_event(
        values(start="2027-02-28T18:00", end="2027-02-28T20:00"), CLIENT, today=leap
    )
    assert errors == {}
