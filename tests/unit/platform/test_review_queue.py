"""The shared review-queue pattern's pure parts (components/review_queue.py), the compact
callback wiring (components/wiring.py) and the planning filters (components/planning.py)."""

import datetime as dt

import pytest
from dash import Input, State
from dash.exceptions import PreventUpdate

from components import review_queue
from components.planning import to_filters
from components.wiring import each


def test_each_names_one_property_of_several_components():
    deps = each(State, "value", "a", {"type": "b", "id": 1})
    assert [type(d) for d in deps] == [State, State]
    assert [(d.component_id, d.component_property) for d in deps] == [
        ("a", "value"),
        ({"type": "b", "id": 1}, "value"),
    ]
    assert each(Input, "n_clicks") == []


def test_refusing_runs_the_callback_only_when_permitted():
    calls = []

    @review_queue.refusing(lambda: False)
    def refused(x):
        calls.append(x)

    @review_queue.refusing(lambda: True)
    def permitted(x):
        """Doc kept."""
        return x * 2

    with pytest.raises(PreventUpdate):
        refused(1)
    assert calls == []
    assert permitted(2) == 4 and permitted.__doc__ == "Doc kept."


def test_clicked_ignores_buttons_that_just_appeared():
    trigger = {"type": "publish", "id": 3}
    with pytest.raises(PreventUpdate):
        review_queue.clicked(trigger, [{"prop_id": "x.n_clicks", "value": None}])
    with pytest.raises(PreventUpdate):
        review_queue.clicked(None, [])
    assert review_queue.clicked(trigger, [{"prop_id": "x.n_clicks", "value": 1}]) == trigger


def test_reason_for_the_item_stripped():
    reason_ids = [{"type": "reason", "id": 1}, {"type": "reason", "id": 2}]
    assert review_queue.reason_for(2, [" a ", "  spam  "], reason_ids) == "spam"
    assert review_queue.reason_for(1, [None, "x"], reason_ids) == ""
    assert review_queue.reason_for(9, ["a", "b"], reason_ids) == ""


def test_to_filters_leaves_out_empty_choices_and_bad_dates():
    filter_ids = [{"type": "plan-filter", "name": n} for n in ("region", "theme")]
    chosen = to_filters(["SSA", None], filter_ids, "2020-10-01T00:00:00", "not a date")
    assert chosen.region == "SSA" and chosen.theme is None
    assert chosen.date_from == dt.date(2020, 10, 1) and chosen.date_to is None


def test_pager_disables_a_button_with_no_page_and_says_where_each_leads():
    from components.review_queue import pager, turned_to

    buttons = pager("turn", "Reports 1–50 of 330", None, 1).children[1].children
    assert [b.disabled for b in buttons] == [True, False]
    assert buttons[1].id == {"type": "turn", "to": 1, "key": "next"}
    assert turned_to(buttons[1].id, [{"prop_id": "x.n_clicks", "value": 1}]) == 1
    with pytest.raises(PreventUpdate):
        turned_to(buttons[1].id, [{"prop_id": "x.n_clicks", "value": None}])


def test_audit_actions_and_changes_in_words(sqlite_app):
    from flask_babel import force_locale

    from dashboard.review.audit_view import action_label, changes

    before = {"status": "pending", "status_reason": "", "country": "KE", "participants_total": 34}
    after = {**before, "status": "rejected", "status_reason": "Spam", "participants_total": 1200}
    with sqlite_app.server.test_request_context(), force_locale("en"):
        assert action_label("publish") == "Published a report"
        assert action_label("plan_save") == "Saved a plan item"
        assert action_label("something_new") == "something_new"  # unknown: as stored
        assert changes(before, after) == [
            "Status: Pending → Rejected",
            "Reason: – → Spam",
            "Participants: 34 → 1,200",
        ]
        groups = changes({"groups": {"women": 15}}, {"groups": {"women": 12, "newcomers": 3}})
        assert groups == ["Newcomers to the movement: – → 3", "Women: 15 → 12"]
        # A plan item removed: which one, then what it held.
        assert changes({"code": "I02", "note": "Soon"}, None) == [
            "Initiative: I02",
            "Note: Soon → –",
        ]
        assert changes({"auto_publish": "1"}, {"auto_publish": "0"}) == [
            "Publish new reports on arrival: on → off"
        ]
        assert changes({"mystery": 1}, {"mystery": 2}) == ["mystery: 1 → 2"]
    with sqlite_app.server.test_request_context(), force_locale("fr"):
        [country] = changes({"country": "KE"}, {"country": "DE"})
        [total] = changes({"participants_total": 34}, {"participants_total": 1200})
    with sqlite_app.server.test_request_context(), force_locale("ar"):
        [name] = changes({"event_name": "Salon"}, {"event_name": "Meetup"})
    assert country.endswith(": Kenya → Allemagne")  # names in the viewer's language
    # Right to left, the arrow points the other way and each value is isolated.
    assert name.endswith(": \u2068Salon\u2069 ← \u2068Meetup\u2069")
    assert total.endswith(": 34 → 1\u202f200")  # and numbers in its format
