"""Phases of the process: read from their data file (days, months, an unknown end), today's
picked by date, and their dates shown only as precisely as they are known."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from flask_babel import force_locale

from components.phases import dates
from data import i18n
from data.phases import (
    CURRENT,
    DAY,
    MONTH,
    PAST,
    UNKNOWN,
    UPCOMING,
    Phase,
    current,
    load,
    phases,
)

D = dt.date.fromisoformat


def write(tmp_path, *rows: str):
    (tmp_path / "phases.csv").write_text("code,start,end,label\n" + "\n".join(rows) + "\n")
    return tmp_path


def test_the_data_file_follows_the_timeline_as_it_happened():
    found = {p.code: p for p in load()}
    assert list(found) == [
        "prioritization_events",
        "global_conversations",
        "global_conversations_follow_up",
        "interim_global_council",
        "cluster_follow_up",
    ]
    spans = {c: (p.start, p.end, p.start_precision, p.end_precision) for c, p in found.items()}
    assert spans["global_conversations"] == (D("2020-11-21"), D("2020-11-22"), DAY, DAY)
    assert spans["global_conversations_follow_up"] == (D("2020-12-05"), D("2020-12-06"), DAY, DAY)
    assert spans["interim_global_council"] == (D("2021-01-23"), D("2021-01-24"), DAY, DAY)
    # Known only to the month: from the first day of the first to the last of the last.
    assert spans["cluster_follow_up"] == (D("2021-01-01"), D("2021-02-28"), MONTH, MONTH)
    # "Some into 2021": no source says when, so the end stays unknown ...
    events = found["prioritization_events"]
    assert (events.start, events.start_precision) == (D("2020-09-01"), MONTH)
    assert events.open_ended and events.end_precision == UNKNOWN
    # ... and counts, for the state alone, as the last known end of any phase.
    assert events.end == max(p.end for p in found.values() if not p.open_ended)


@pytest.mark.parametrize(
    "day, expected",
    [
        ("2020-08-31", None),
        ("2020-09-01", "prioritization_events"),
        ("2020-11-20", "prioritization_events"),
        ("2020-11-21", "global_conversations"),  # overlapping: the latest started wins
        ("2020-11-23", "prioritization_events"),
        ("2020-12-05", "global_conversations_follow_up"),
        ("2020-12-20", "prioritization_events"),
        ("2021-01-10", "cluster_follow_up"),  # month-precise: under way from 1 January
        ("2021-01-23", "interim_global_council"),
        ("2021-02-28", "cluster_follow_up"),
        ("2021-03-01", None),
        ("2026-12-02", None),  # an unknown end does not keep a 2020 phase "Now"
    ],
)
def test_the_current_phase_by_date(day, expected):
    found = current(phases(), D(day))
    assert (found.code if found else None) == expected


def test_states_and_overlaps():
    a = Phase("a", D("2020-01-01"), D("2020-01-31"), "A")
    b = Phase("b", D("2020-01-20"), D("2020-02-28"), "B")
    day = D("2020-01-25")
    assert (a.state(day), b.state(day)) == (CURRENT, CURRENT)
    assert current((b, a), day) is b  # the latest started wins, whatever the order
    assert a.state(D("2020-02-01")) == PAST and b.state(D("2019-01-01")) == UPCOMING


def test_an_unknown_end_reaches_at_least_the_end_of_its_own_start(tmp_path):
    (only,) = load(write(tmp_path, "x,2021-03,,X"))
    assert (only.end, only.end_precision) == (D("2021-03-31"), UNKNOWN)
    late, early = load(write(tmp_path, "late,2021-05-02,,L", "early,2021-01-01,2021-01-02,E"))
    assert late.end == D("2021-05-02") and early.end == D("2021-01-02")


@pytest.mark.parametrize(
    "row",
    [
        "x,2021-01-02,2021-01-01,X",  # inverted
        "x,2021-02,2021-01-31,X",  # inverted, a month against a day
        "x,,2021-01-01,X",  # no start
        "x,2021-1-5,,X",  # not ISO
        "x,2021-02-30,,X",  # no such day
        "x,2021-13,,X",  # no such month
    ],
)
def test_a_bad_row_is_refused(tmp_path, row):
    with pytest.raises(ValueError):
        load(write(tmp_path, row))


@pytest.fixture(scope="module")
def context():
    flask = Flask(__name__)
    i18n.babel.init_app(flask, default_translation_directories=str(i18n.TRANSLATIONS))
    with flask.app_context():
        yield


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            {
                "prioritization_events": "from Sep 2020",
                "global_conversations": "Nov 21, 2020 – Nov 22, 2020",
                "global_conversations_follow_up": "Dec 5, 2020 – Dec 6, 2020",
                "interim_global_council": "Jan 23, 2021 – Jan 24, 2021",
                "cluster_follow_up": "Jan 2021 – Feb 2021",
            },
        ),
        (
            "fr",
            {
                "global_conversations": "21 nov. 2020 – 22 nov. 2020",
                "cluster_follow_up": "janv. 2021 – févr. 2021",
            },
        ),
    ],
)
def test_dates_are_shown_as_precisely_as_they_are_known(context, lang, expected):
    with force_locale(lang):
        shown = {p.code: dates(p) for p in phases()}
    assert {code: shown[code] for code in expected} == expected


def test_a_single_day_and_mixed_precisions(context):
    with force_locale("en"):
        assert dates(Phase("x", D("2021-01-05"), D("2021-01-05"), "X")) == "Jan 5, 2021"
        mixed = Phase("x", D("2021-01-05"), D("2021-02-28"), "X", DAY, MONTH)
        assert dates(mixed) == "Jan 5, 2021 – Feb 2021"


def test_dates_outside_an_app_are_english():
    # Dash calls layouts bare to validate callbacks: no app, no locale.
    assert dates(phases()[0]) == "from Sep 2020"
