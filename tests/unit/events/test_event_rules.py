"""The announcement's model: a join link typed without a scheme gets ``https://``, what is not a
web address is still refused, and the rules across fields come back in the same round as the
fields' own errors."""

from __future__ import annotations

import datetime as dt

import pytest
from flask_babel import force_locale
from pydantic import ValidationError

from intake.events.formdata import validate_event, validate_payload
from intake.events.schema import EventIn, web_address

CLIENT = "8c1f2a58-6a55-4c0e-9a40-1d4f7e2d9b10"
TODAY = dt.date(2026, 11, 26)


def payload(**changes) -> dict:
    out = {
        "client_id": CLIENT,
        "name": "Nairobi strategy salon",
        "start": "2026-11-20T18:00",
        "end": "2026-11-20T20:00",
        "timezone": "Africa/Nairobi",
        "country": "KE",
        "format": "in_person",
        "join_url": "",
        "organizer": {"name": "Amina", "email": "amina@example.org"},
    }
    out.update(changes)
    return out


def errors_of(data: dict) -> dict[str, str]:
    """Each error's type by its location (``end``, ``organizer.email``)."""
    try:
        EventIn.model_validate(data, context={"today": TODAY})
    except ValidationError as exc:
        return {".".join(map(str, e["loc"])): e["type"] for e in exc.errors()}
    return {}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("meet.example.org/abc", "https://meet.example.org/abc"),
        ("www.example.org", "https://www.example.org"),
        ("zoom.us/j/123?pwd=x", "https://zoom.us/j/123?pwd=x"),
        ("xn--bcher-kva.example/join", "https://xn--bcher-kva.example/join"),
        ("bücher.example/join", "https://bücher.example/join"),
        ("192.0.2.10:8080/call", "https://192.0.2.10:8080/call"),
        ("http://localhost:8080/", "http://localhost:8080/"),
    ],
)
def test_a_link_typed_without_a_scheme_gets_https(typed, stored):
    assert web_address(typed) == stored
    event = EventIn.model_validate(payload(join_url=typed), context={"today": TODAY})
    assert event.join_url == stored


@pytest.mark.parametrize(
    "typed",
    [
        "TBA",
        "zoom",
        "www",
        "-",
        ".",
        "a..b",
        "see the website",
        "example.123",
        "999.1.1.1/x",
        "-bad.example.org",
        "under_score.example.org",
        "javascript:alert(1)",
        "a@b.org",
    ],
)
def test_what_is_not_a_web_address_is_refused(typed):
    assert web_address(typed) is None
    assert errors_of(payload(join_url=typed)) == {"join_url": "url"}


def test_a_missing_name_and_an_end_before_the_start_come_back_together():
    found = errors_of(payload(name="", end="2026-11-20T17:00"))
    assert found == {"name": "string_too_short", "end": "end_before_start"}


def test_both_messages_beside_their_fields_in_one_round(sqlite_app):
    values = {
        "name": "",
        "start": "2026-11-20T18:00",
        "end": "2026-11-20T17:00",
        "timezone": "Africa/Nairobi",
        "country": "KE",
        "format": "in_person",
        "organizer_name": "Amina",
        "organizer_email": "amina@example.org",
    }
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        event, shown = validate_event(values, CLIENT, today=TODAY)
    assert event is None
    assert shown == {
        "name": "This field is required.",
        "end": "The end must be after the start.",
    }


def test_the_api_names_both_paths_in_one_answer(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        event, shown = validate_payload(
            payload(organizer={"name": "A", "email": "nope"}, end="2027-01-20T17:00"),
            today=TODAY,
        )
    assert event is None and set(shown) == {"organizer.email", "end"}
    assert shown["end"] == "An event can last at most 31 days."


def test_the_place_and_the_link_rules_run_beside_other_errors():
    assert errors_of(payload(name="", country=None)) == {
        "name": "string_too_short",
        "country": "place_missing",
    }
    assert errors_of(payload(name="", country=None, format="virtual")) == {
        "name": "string_too_short",
        "join_url": "join_missing",
    }


def test_a_rule_is_skipped_when_its_fields_are_unknown():
    # An unknown country is its own error, not "country or region required"; an unknown format
    # decides no rule; an end that does not parse is compared with nothing.
    assert errors_of(payload(country="XX")) == {"country": "unknown_code"}
    assert errors_of(payload(country=None, format="nope")) == {"format": "unknown_code"}
    assert errors_of(payload(end="soon", name="")) == {
        "end": "datetime_from_date_parsing",
        "name": "string_too_short",
    }


def test_a_start_out_of_range_is_still_compared_with_the_end():
    found = errors_of(payload(start="2010-01-01T10:00", end="2009-12-31T10:00"))
    assert found == {"start": "date_range", "end": "end_before_start"}


def test_a_valid_event_with_a_broken_rule_reports_every_rule():
    found = errors_of(payload(country=None, end="2026-11-20T17:00"))
    assert found == {"end": "end_before_start", "country": "place_missing"}
