"""Phases of the process: read from their data file, and today's picked by date."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from data.phases import CURRENT, PAST, UPCOMING, Phase, current, load, phases


def test_the_data_file_has_the_three_phases_in_order():
    found = load()
    assert [p.code for p in found] == [
        "local_events",
        "global_conversations",
        "implementation_plan",
    ]
    assert all(a.end < b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize(
    "day, expected",
    [
        ("2020-08-01", None),
        ("2020-08-15", "local_events"),
        ("2020-12-04", "local_events"),
        ("2020-12-05", "global_conversations"),
        ("2021-01-25", "implementation_plan"),
        ("2021-12-31", "implementation_plan"),
        ("2022-01-01", None),
    ],
)
def test_the_current_phase_by_date(day, expected):
    found = current(phases(), dt.date.fromisoformat(day))
    assert (found.code if found else None) == expected


def test_states_and_overlaps():
    a = Phase("a", dt.date(2020, 1, 1), dt.date(2020, 1, 31), "A")
    b = Phase("b", dt.date(2020, 1, 20), dt.date(2020, 2, 28), "B")
    day = dt.date(2020, 1, 25)
    assert (a.state(day), b.state(day)) == (CURRENT, CURRENT)
    assert current((a, b), day) is b  # the latest started wins
    assert a.state(dt.date(2020, 2, 1)) == PAST and b.state(dt.date(2019, 1, 1)) == UPCOMING


def test_an_inverted_range_is_refused(tmp_path):
    (tmp_path / "phases.csv").write_text("code,start,end,label\nx,2021-01-02,2021-01-01,X\n")
    with pytest.raises(ValueError):
        load(tmp_path)
