"""Individual contributions: validation, the form's fields, the card's chart and the planning
column (pure parts)."""

from __future__ import annotations

import uuid

import pytest
from flask_babel import force_locale

from dashboard.contributions import figures as contrib_figures
from data.aggregates.queries import Priority
from data.contributions.model import Counts
from intake.contribute.model import field_names, to_payload, validate, validate_fields

CLIENT = str(uuid.uuid4())


def payload(**changes):
    body = {
        "client_id": CLIENT,
        "community": "Wikimedia Deutschland volunteers",
        "initiatives": [{"code": "I02", "why": "Funding"}, {"code": "i05", "why": ""}],
        "recommendations": [{"code": "R1", "why": "Sustainability"}],
    }
    return body | changes


def test_a_valid_contribution():
    found, errors = validate(payload())
    assert errors == {}
    assert [c.code for c in found.initiatives] == ["I02", "I05"]


@pytest.mark.parametrize(
    "changes, key, text",
    [
        ({"initiatives": [], "recommendations": []}, "initiatives", "Choose at least one"),
        (
            {"initiatives": [{"code": f"I0{n}"} for n in range(1, 7)]},
            "initiatives",
            "Choose at most 5",
        ),
        (
            {"recommendations": [{"code": f"R{n}"} for n in range(1, 5)]},
            "recommendations",
            "at most 3",
        ),
        ({"initiatives": [{"code": "I02"}, {"code": "I02"}]}, "initiatives.1", "already chosen"),
        ({"initiatives": [{"code": "I99"}]}, "initiatives.0", "from the list"),
        ({"community": "x" * 201}, "community", "at most 200"),
        ({"client_id": "nope"}, "client_id", "expired"),
        ({"age": 30}, "age", "Unknown field"),
    ],
)
def test_invalid_contributions_say_why(changes, key, text):
    found, errors = validate(payload(**changes))
    assert found is None
    assert text in errors[key], errors


def test_no_personal_field_is_accepted():
    for name in ("email", "gender", "age", "name"):
        assert validate(payload(**{name: "x"}))[1] == {name: "Unknown field."}


def test_the_form_maps_to_the_api_and_errors_back_to_the_slot_used():
    values = {
        "initiative_2": "I02",
        "initiative_2_why": "money",
        "initiative_4": "I02",
        "recommendation_3_why": "orphan reason",
        "community": "",
    }
    assert set(values) <= set(field_names())
    body = to_payload(values, CLIENT)
    assert body["initiatives"] == [{"code": "I02", "why": "money"}, {"code": "I02", "why": ""}]
    found, shown = validate_fields(values, CLIENT)
    assert found is None
    assert shown["initiative_4"] == "This was already chosen above."
    assert shown["recommendation_3"].startswith("Choose a recommendation for this reason")


def test_form_messages_follow_the_language(sqlite_app):
    with sqlite_app.server.test_request_context(), force_locale("fr"):
        _found, shown = validate_fields({"initiative_1": "I99"}, CLIENT)
    assert shown["initiative_1"] != "Choose a value from the list."


def test_the_card_chart_and_table_show_the_counts(sqlite_app):
    counts = Counts(3, 2, {"I02": 3, "I05": 1}, {"R1": 2}, {"I02": 2})
    with sqlite_app.server.test_request_context(), force_locale("en"):
        chart = contrib_figures.chart(counts)
        empty = contrib_figures.chart(Counts())
        rows = contrib_figures.plan_rows([Priority("I05", 4, 18, 2, 2, 3.0)], counts)
    assert list(chart.figure.data[0].x) == [1, 3]
    assert [r[2] for r in chart.rows] == ["3", "1", "2"]
    assert "Individual contributions (not events): 3;" in chart.summary
    assert empty.summary == "No individual contribution yet."
    # Events and individual picks side by side, never added together.
    assert rows[0][1:] == ["4", "1", "0"] and rows[1][1:] == ["0", "3", "2"]
