from data.reference import reference
from intake.report.form_errors import form_errors
from intake.report.formdata import field_names, to_payload


def test_payload_skips_empty_rows_and_keeps_rank_order():
    values = {
        "event_name": "Salon",
        "priorities_ranked": "ranked",
        "priority_1": ["I02"],
        "priority_1_why": "money",
        "priority_3": ["I31", "I25"],
        "priority_3_why": "people",
        "recommendation_2": ["R6"],
        "participants_total": 12,
        "group_women": 5,
        "group_lgbtq": None,
    }
    payload = to_payload(values, "cid", reference())
    # The third row is the second filled one: rank 2, a tie of two sharing the row's reason.
    assert payload["priorities"] == [
        {"code": "I02", "rank": 1, "why": "money"},
        {"code": "I31", "rank": 2, "why": "people"},
        {"code": "I25", "rank": 2, "why": "people"},
    ]
    # Not ranked: no rank at all.
    assert payload["recommendations"] == [{"code": "R6", "why": ""}]
    assert payload["participants"] == {"total": 12, "total_precision": "exact", "women": 5}
    assert payload["client_id"] == "cid"
    assert "sessions" not in payload


def test_an_unknown_total_and_sessions_go_through():
    values = {
        "participants_total": None,
        "participants_precision": "at_least",
        "event_date": "2020-12-18",
        "format": "in_person",
        "part_2_date": "2020-12-22",
        "part_2_format": "virtual",
        "co_organizers": "Wikimedia A\n\n  Wikimedia B  \n",
    }
    payload = to_payload(values, "cid", reference())
    assert payload["participants"] == {"total": None, "total_precision": "at_least"}
    assert payload["sessions"] == [
        {"date": "2020-12-18", "format": "in_person"},
        {"date": "2020-12-22", "format": "virtual"},
    ]
    assert payload["format"] == ""  # worked out from the sessions
    assert payload["co_organizers"] == ["Wikimedia A", "Wikimedia B"]


def test_errors_map_back_to_the_slot_the_person_used():
    values = {"priority_1": ["I02"], "priority_3": ["I02"]}
    errors = {
        "priorities.1": "dup",
        "participants.women": "over",
        "organizer.email": "bad",
        "participants.total": "req",
        "recommendations": "many",
    }
    assert form_errors(errors, values) == {
        "priority_3": "dup",
        "group_women": "over",
        "organizer_email": "bad",
        "participants_total": "req",
        "recommendation_1": "many",
    }


def test_every_form_field_is_unique_and_covers_the_template():
    names = field_names(reference())
    assert len(names) == len(set(names))
    for required in (
        "event_name",
        "event_date",
        "attendees",
        "facilitators",
        "note_takers",
        "priority_5_why",
        "recommendation_3_why",
        "global_coordination",
        "resources_needed",
        "organizer_email",
        "group_online_editors",
    ):
        assert required in names
