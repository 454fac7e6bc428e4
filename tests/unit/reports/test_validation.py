import datetime as dt

import pytest
from flask_babel import force_locale

from intake.report.validation import validate


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
    from intake.report.formdata import to_payload
    from intake.report.validation import validate_fields

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


# The text policy (data/text_policy.py) through the shared model: form, API and importer.


@pytest.mark.parametrize(
    ("change", "key", "text"),
    [
        ({"event_name": "Salon\x00"}, "event_name", "control characters"),
        ({"event_name": "Salon\x07 bell"}, "event_name", "control characters"),
        ({"notes": "C1 \x9b control"}, "notes", "control characters"),
        ({"notes": "left \ufffe"}, "notes", "control characters"),
        ({"event_name": "Salon\u202e nohtyp"}, "event_name", "text-direction"),
        ({"notes": "isolate \u2067x\u2069"}, "notes", "text-direction"),
        ({"event_name": "Two\nlines"}, "event_name", "one line"),
        ({"event_name": "a\tb"}, "event_name", "one line"),
        ({"co_organizers": ["Ok", "Bad\u2028line"]}, "co_organizers.1", "one line"),
        ({"event_name": "\u200b\u200d\ufeff\u2060"}, "event_name", "required"),
        ({"event_name": " \u3000\u00a0\u200b "}, "event_name", "required"),
        ({"organizer": {"name": "\u200c", "email": "a@example.org"}}, "organizer.name", "required"),
    ],
)
def test_text_policy_refuses_with_a_field_message(report, change, key, text):
    _, errors = validate(report(**change))
    assert key in errors, errors
    assert text in errors[key]


def test_long_text_keeps_newlines_and_tabs_and_rtl_marks(report):
    payload = report(notes="line one\r\nline\ttwo\rthree", event_name="סלון\u200f 2020")
    payload["organizer"]["affiliate"] = "\u200b"  # blank: stored as nothing
    parsed, errors = validate(payload)
    assert errors == {}
    assert parsed.notes == "line one\nline\ttwo\nthree"
    assert parsed.event_name == "סלון\u200f 2020"
    assert parsed.organizer.affiliate == ""


# A country's region (issue: KE with region EU was accepted).


@pytest.mark.parametrize("region", [None, "SSA", "GLOBAL"])
def test_a_country_takes_no_region_its_own_or_global(report, region):
    parsed, errors = validate(report(country="KE", region=region))
    assert errors == {}
    assert parsed.region == region


def test_a_country_in_another_region_is_refused_on_region(report):
    _, errors = validate(report(country="KE", region="NWE"))
    assert set(errors) == {"region"}
    assert "Sub-Saharan Africa" in errors["region"] and "Global" in errors["region"]


# client_id: a random (version 4) UUID only; the importer's version 5 by its own path.


@pytest.mark.parametrize(
    "client_id",
    [
        "00000000-0000-0000-0000-000000000000",  # nil
        "ffffffff-ffff-ffff-ffff-ffffffffffff",  # max
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8",  # version 1 (time-based)
        "a3bb189e-8bf9-3888-9912-ace4e6543002",  # version 3 (name-based)
        "21f7f8de-8051-5b89-8680-0195ef798b6a",  # version 5 (name-based)
        "0b7e4f7c-5a62-4a8e-cd6b-2f2f3f1e7d11",  # "4" but not an RFC 4122 variant
    ],
)
def test_a_predictable_client_id_is_refused(report, client_id):
    _, errors = validate(report(client_id=client_id))
    assert set(errors) == {"client_id"}
    assert "reload the page" in errors["client_id"]


def test_the_importers_content_ids_pass_only_through_the_importer():
    from intake.report.spreadsheets import client_id_for
    from intake.report.validation import validate_fields
    from tests.unit.reports.test_intake_form import VALID

    made = client_id_for(VALID)
    report, errors = validate_fields(VALID, made)
    assert errors == {} and report.client_id.version == 5
    # The same id as plain text (what a browser or an API client sends) is refused.
    _, errors = validate_fields(VALID, str(made))
    assert "client_id" in errors


def test_the_form_shows_policy_and_region_messages_beside_their_fields():
    from intake.report.validation import validate_fields
    from tests.unit.reports.test_intake_form import CLIENT_ID, VALID

    values = {**VALID, "event_name": "a\u202eb", "region": "NWE", "notes": "x\x00"}
    _, shown = validate_fields(values, CLIENT_ID)
    assert shown == {
        "event_name": "Remove the hidden text-direction characters from this text.",
        "region": "This country is in the region Latin America and the Caribbean: choose "
        "that region, Global, or none.",
        "notes": "Remove the control characters from this text.",
    }
