"""Announced events: time zones, validation with messages beside the fields, the page's views."""

from __future__ import annotations

import datetime as dt

import dash
import pytest
from flask_babel import force_locale

from dashboard.events.views import event_list, local_time, month_grid, viewer_zone, when
from data.events.model import PublicEvent, parse_filters, split_by_time
from intake.events.callbacks import submit_announcement
from intake.events.formdata import FIELDS, local_input, validate_event
from intake.events.layout import field_id
from intake.events.schema import in_zone, to_utc, valid_zone

CLIENT = "8c1f2a58-6a55-4c0e-9a40-1d4f7e2d9b10"
TODAY = dt.date(2026, 11, 26)


def valid(**changes):
    values = {
        "name": "Nairobi strategy salon",
        "start": "2026-11-20T18:00",
        "end": "2026-11-20T20:30",
        "timezone": "Africa/Nairobi",
        "languages": ["en", "sw"],
        "country": "KE",
        "format": "in_person",
        "join_url": "https://meta.wikimedia.org/wiki/Event:Nairobi",
        "audience": "Editors and newcomers",
        "accessibility": "Step-free access",
        "organizer_name": "Amina",
        "organizer_email": "amina@example.org",
    }
    values.update(changes)
    return values


def event(start: dt.datetime, hours: int = 2, **changes) -> PublicEvent:
    fields = dict(
        id=1,
        name="Salon",
        start_utc=start,
        end_utc=start + dt.timedelta(hours=hours),
        timezone="Africa/Nairobi",
        country="KE",
        region="SSA",
        format="in_person",
        languages=("en",),
        join_url="https://example.org/join",
        audience="",
        accessibility="",
        reported=False,
        updated_at=start,
    )
    fields.update(changes)
    return PublicEvent(**fields)


def test_an_evening_in_nairobi_is_late_evening_in_jakarta():
    start = to_utc(dt.datetime(2026, 11, 20, 18, 0), "Africa/Nairobi")
    assert start == dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    assert in_zone(start, "Asia/Jakarta").hour == 22
    assert local_time(start, "Asia/Jakarta", "fr") == "20 nov. 2026, 22:00:00"
    assert local_time(start, "Asia/Jakarta", "en").startswith("Nov 20, 2026, 10:00:00")
    assert when(event(start), "Asia/Jakarta", "fr") == "20 nov. 2026, 22:00 – 21 nov. 2026, 00:00"
    assert when(event(start, hours=1), "Africa/Nairobi", "fr") == "20 nov. 2026, 18:00 – 19:00"


def test_an_unknown_or_missing_zone_falls_back_to_utc():
    start = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    assert viewer_zone(None) is dt.UTC
    assert viewer_zone("Mars/Olympus") is dt.UTC
    assert local_time(start, "Mars/Olympus", "fr") == "20 nov. 2026, 15:00:00"
    assert not valid_zone("Mars/Olympus") and valid_zone("Asia/Jakarta")


def test_a_time_that_daylight_saving_skips_keeps_the_earlier_offset():
    # 02:30 on 2026-03-29 does not exist in Berlin: stored as 01:30 UTC (CET, +01:00).
    assert to_utc(dt.datetime(2026, 3, 29, 2, 30), "Europe/Berlin").hour == 1


def test_the_form_shows_the_stored_times_in_the_events_zone():
    start = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    assert local_input(start, "Africa/Nairobi") == "2026-11-20T18:00"


def test_a_valid_announcement_converts_to_utc():
    found, errors = validate_event(valid(), CLIENT, today=TODAY)
    assert errors == {}
    assert found.start_utc() == dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    assert found.place_region() == "SSA"
    assert found.organizer.email == "amina@example.org"


def test_the_stored_fields_carry_the_utc_times_and_the_region():
    found, errors = validate_event(valid(), CLIENT, today=TODAY)
    assert errors == {}
    stored = found.stored()
    assert stored["start_utc"] == dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    assert stored["end_utc"] == dt.datetime(2026, 11, 20, 17, 30, tzinfo=dt.UTC)
    assert stored["region"] == "SSA" and stored["name"] == "Nairobi strategy salon"
    assert stored["client_id"] == found.client_id


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"name": " "}, "name", "This field is required."),
        ({"start": None}, "start", "This field is required."),
        ({"start": "soon"}, "start", "Enter a valid date and time."),
        ({"timezone": "Mars/Olympus"}, "timezone", "Choose a time zone from the list."),
        ({"end": "2026-11-20T17:00"}, "end", "The end must be after the start."),
        ({"end": "2027-01-20T17:00"}, "end", "An event can last at most 31 days."),
        ({"join_url": "javascript:alert(1)"}, "join_url", "Enter a web address"),
        ({"format": "virtual", "join_url": ""}, "join_url", "Give the link people use"),
        ({"country": None}, "country", "Choose a country, or a region"),
        ({"country": "XX"}, "country", "Choose a value from the list."),
        ({"organizer_email": "nope"}, "organizer_email", "Enter a valid e-mail address."),
        ({"format": None}, "format", "Choose a value from the list."),
    ],
)
def test_each_rule_shows_its_message_beside_its_field(sqlite_app, changes, field, text):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        found, errors = validate_event(valid(**changes), CLIENT, today=TODAY)
    assert found is None
    assert errors[field].startswith(text), errors


def test_an_online_event_needs_no_place():
    values = valid(country=None, format="virtual")
    found, errors = validate_event(values, CLIENT, today=TODAY)
    assert errors == {} and found.place_region() == "GLOBAL"


def test_messages_are_translated(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("fr"):
        _found, errors = validate_event(valid(name=""), CLIENT, today=TODAY)
    assert errors["name"] != "This field is required."


def test_a_failed_submit_keeps_the_form_and_marks_the_fields(sqlite_app):
    values = valid(end="2026-11-20T17:00", timezone="")
    ids = [field_id(n) for n in FIELDS]
    messages = [{"type": "event-message", "name": n} for n in FIELDS]
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        shown, classes, summary, result, hidden = submit_announcement(
            1, [values.get(n) for n in FIELDS], CLIENT, "en", ids, messages
        )
    by_name = dict(zip(FIELDS, shown, strict=True))
    assert by_name["timezone"] == "Choose a time zone from the list."
    assert classes[FIELDS.index("timezone")] == "mb-3 has-error"
    assert summary is not None and result is dash.no_update and hidden is False


def test_upcoming_first_soonest_first_then_past_most_recent_first():
    now = dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)
    a = event(now - dt.timedelta(days=10), id=1)
    b = event(now - dt.timedelta(days=2), id=2)
    c = event(now + dt.timedelta(days=1), id=3)
    d = event(now - dt.timedelta(hours=1), id=4)  # still running
    upcoming, past = split_by_time([a, b, d, c], now)
    assert [e.id for e in upcoming] == [4, 3]
    assert [e.id for e in past] == [2, 1]


def test_the_list_offers_reporting_only_for_past_events_without_a_report(sqlite_app):
    now = dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)
    past = event(now - dt.timedelta(days=3), id=7)
    done = event(now - dt.timedelta(days=4), id=8, reported=True)
    soon = event(now + dt.timedelta(days=3), id=9)
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        text = str(event_list([soon], [past, done], "Asia/Jakarta", "en"))
    assert "/en/report?event=7" in text
    assert "/en/report?event=8" not in text and "/en/report?event=9" not in text
    assert "/events/9.ics" in text and "https://example.org/join" in text


def test_the_month_grid_places_events_on_the_viewers_day(sqlite_app):
    # 20:00 UTC on the 30th is already the 1st of December in Jakarta.
    late = event(dt.datetime(2026, 11, 30, 20, tzinfo=dt.UTC), name="Late")
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        utc_grid = str(month_grid([late], dt.date(2026, 11, 1), "UTC", "en"))
        jakarta = str(month_grid([late], dt.date(2026, 11, 1), "Asia/Jakarta", "en"))
    assert "Late" in utc_grid and "Late" in jakarta  # the 1st of December shows in the grid too
    assert utc_grid != jakarta


def test_filters_from_query_parameters_ignore_bad_values():
    found = parse_filters({"region": "ssa", "from": "2026-01-01", "to": "not a date"})
    assert found.region == "SSA" and found.start == dt.date(2026, 1, 1) and found.end is None
