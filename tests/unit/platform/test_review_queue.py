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
