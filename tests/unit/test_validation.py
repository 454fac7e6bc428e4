import datetime as dt

import pytest
from flask_babel import force_locale

from intake.validation import validate


@pytest.fixture(autouse=True)
def _context(sqlite_app):
    # Messages are translated, so validation runs inside a request like in the app.
    with sqlite_app.server.test_request_context("/en/report"), force_locale("en"):
        yield


def test_valid_report_passes_and_normalizes(report):
    payload = report(event_name="  Salon  ", country="ke")
    payload["priorities"][0]["code"] = "i02"
    parsed, errors = validate(payload)
    assert errors == {}
    assert parsed.event_name == "Salon"
    assert parsed.country == "KE"
    assert [p.code for p in parsed.priorities] == ["I02", "I31", "I25"]


def test_every_required_field_gets_its_own_message():
    parsed, errors = validate({})
    assert parsed is None
    for key in (
        "client_id",
        "event_name",
        "event_date",
        "format",
        "organizer",
    ):
        assert errors[key] == "This field is required."
    assert errors["priorities"].startswith("Choose at least one recommendation or initiative")


def test_group_count_above_total_is_named_per_group(report):
    payload = report()
    payload["participants"] = {"total": 10, "women": 11, "newcomers": 12, "lgbtq": 3}
    _, errors = validate(payload)
    assert set(errors) == {"participants.women", "participants.newcomers"}
    assert "more than the total" in errors["participants.women"]


@pytest.mark.parametrize(
    ("change", "key", "text"),
    [
        ({"participants": {"total": 0}}, "participants.total", "at least 1"),
        ({"participants": {"total": 2.5}}, "participants.total", "whole number"),
        ({"participants": {"total": 5, "women": -1}}, "participants.women", "at least 0"),
        (
            {"priorities": [], "recommendations": [], "global_coordination": []},
            "priorities",
            "at least one recommendation",
        ),
        (
            {"priorities": [{"code": "I02", "rank": 1}, {"code": "I31"}]},
            "priorities.1",
            "every choice a rank, or none",
        ),
        ({"priorities": [{"code": "I02", "rank": 0}]}, "priorities.0.rank", "at least 1"),
        (
            {"participants": {"total": 30, "total_precision": "over"}},
            "participants.total_precision",
            "valid value",
        ),
        (
            {"sessions": [{"date": "2020-12-18", "format": "by_pigeon"}]},
            "sessions.0.format",
            "list",
        ),
        ({"priorities": [{"code": "I02"}, {"code": "I02"}]}, "priorities.1", "already chosen"),
        ({"priorities": [{"code": "I99"}]}, "priorities.0", "from the list"),
        (
            {"recommendations": [{"code": "R1", "rank": 2}, {"code": "R1", "rank": 1}]},
            "recommendations.1",
            "already chosen",
        ),
        ({"recommendations": [{"code": "R11"}]}, "recommendations.0", "from the list"),
        ({"global_coordination": ["I22", "I22"]}, "global_coordination.1", "already chosen"),
        ({"country": "XX"}, "country", "from the list"),
        ({"country": None, "region": None}, "country", "Choose a country"),
        ({"format": "carrier_pigeon"}, "format", "from the list"),
        ({"themes": ["cooking"]}, "themes.0", "from the list"),
        ({"event_date": "2016-12-31"}, "event_date", "Enter a date between"),
        ({"event_date": "next week"}, "event_date", "valid date"),
        ({"event_name": "x" * 201}, "event_name", "at most 200"),
        ({"notes": "x" * 5001}, "notes", "at most 5000"),
        ({"organizer": {"name": "A", "email": "not-an-address"}}, "organizer.email", "e-mail"),
        ({"client_id": "123"}, "client_id", "reload the page"),
        ({"favourite_colour": "blue"}, "favourite_colour", "Unknown field"),
    ],
)
def test_rule_and_message(report, change, key, text):
    _, errors = validate(report(**change))
    assert key in errors, errors
    assert text in errors[key]


def test_event_date_tomorrow_allowed_for_time_zones_but_not_later(report):
    today = dt.date(2021, 3, 1)
    assert validate(report(event_date="2021-03-02"), today=today)[1] == {}
    errors = validate(report(event_date="2021-03-03"), today=today)[1]
    # The message names the latest date the rule accepts: tomorrow, not today.
    assert errors == {"event_date": "Enter a date between Jan 1, 2017 and Mar 2, 2021."}


@pytest.mark.parametrize("value", [True, False, "12", "", 12.0, 2.5, [12]])
@pytest.mark.parametrize("key", ["total", "women"])
def test_counts_are_whole_numbers_never_booleans_text_or_floats(report, key, value):
    payload = report()
    payload["participants"] = {"total": 30, key: value}
    parsed, errors = validate(payload)
    assert parsed is None
    expected = "This field is required." if value == "" else "Enter a whole number."
    assert errors == {f"participants.{key}": expected}


def test_count_message_is_translated(report):
    payload = report()
    payload["participants"] = {"total": "12", "women": True}
    with force_locale("fr"):
        _, errors = validate(payload)
    assert errors == {
        "participants.total": "Saisissez un nombre entier.",
        "participants.women": "Saisissez un nombre entier.",
    }


def test_form_values_are_sent_as_numbers_and_pass(report):
    """The form's number inputs give ints: they go through to_payload unchanged and pass."""
    from intake.formdata import to_payload
    from intake.validation import validate_fields

    values = {"participants_total": 12, "group_women": 5, "group_newcomers": 0}
    payload = to_payload(values, "0c6f1b8e-8f0e-4a55-9d8f-3f3b9f0c2a11", _reference())
    assert payload["participants"] == {
        "total": 12,
        "total_precision": "exact",
        "women": 5,
        "newcomers": 0,
    }
    form = {
        "event_name": "Salon",
        "event_date": "2020-10-03",
        "country": "KE",
        "format": "virtual",
        "priority_1": "I02",
        "organizer_name": "Amina",
        "organizer_email": "amina@example.org",
        **values,
    }
    parsed, errors = validate_fields(form, "0c6f1b8e-8f0e-4a55-9d8f-3f3b9f0c2a11")
    assert errors == {}
    assert (parsed.participants.total, parsed.participants.women) == (12, 5)


def _reference():
    from data.reference import reference

    return reference()


def test_global_event_needs_region_only(report):
    parsed, errors = validate(report(country=None, region="GLOBAL"))
    assert errors == {}
    assert parsed.region == "GLOBAL"
