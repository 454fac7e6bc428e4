"""The aggregate tables equal a recount from the raw rows after any sequence of writes, for every
filter the dashboard offers, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import random

import pytest
from sqlalchemy import select, text

from data.aggregates import keep as aggregates_keep
from data.aggregates.insights import insights, insights_raw, summary
from data.aggregates.queries import Filters
from data.aggregates.read import date_ranges, facet_ranges
from data.aggregates.summary import summary as summary_raw
from data.demo.reports import generate
from data.models import Report, Status
from data.reports.submit import amend_report, store_report
from data.reports.write import delete_demo
from data.support.review import correct, mark_duplicate, publish, reject
from intake.cli.commands import load_demo
from intake.report.validation import validate

D = dt.date
FILTERS = [
    Filters(),
    Filters(region="SSA"),
    Filters(region="NWE"),
    Filters(region="NA"),  # perhaps no report: an empty answer
    Filters(format="virtual"),
    Filters(theme="education"),
    Filters(language="en"),
    Filters(group="women"),
    Filters(group="women", group_share=25),
    Filters(group="newcomers", group_share=50),
    Filters(date_from=D(2020, 9, 3)),
    Filters(date_to=D(2020, 10, 20)),
    Filters(date_from=D(2020, 9, 3), date_to=D(2020, 10, 20)),
    Filters(date_from=D(2020, 9, 7), date_to=D(2020, 9, 13)),  # exactly one ISO week
    Filters(date_from=D(2020, 9, 9), date_to=D(2020, 9, 11)),  # days inside one week
    Filters(date_from=D(2020, 10, 1), date_to=D(2020, 9, 1)),  # an empty range
    # Combinations (computed from the matching reports' rows).
    Filters(region="SSA", theme="education", group="newcomers"),
    Filters(theme="education", group="newcomers"),
    Filters(region="NWE", format="virtual", date_to=D(2020, 11, 1)),
    Filters(language="en", group="women", group_share=25),
    Filters(group="women", group_share=30),  # a share the tables do not hold
]


def payload(rng: random.Random, seed: int) -> dict:
    return generate(1, seed=seed)[0] | {"client_id": f"00000000-0000-4000-8000-{seed:012d}"}


def valid(data: dict):
    report, errors = validate(data)
    assert not errors, errors
    return report


def assert_equal_to_recount(db, every_filter: bool = True) -> None:
    with db.session(readonly=True) as session:
        assert aggregates_keep.verify(session) == []
        if not every_filter:
            return
        countries = session.scalars(
            select(Report.country).where(Report.status == Status.PUBLISHED).limit(1)
        ).all()
        for filters in [*FILTERS, *(Filters(country=c) for c in countries if c)]:
            assert insights(session, filters) == insights_raw(session, filters), filters
            assert summary(session, filters) == summary_raw(session, filters), filters


def test_random_writes_keep_the_tables_equal_to_a_recount(app, db, accounts):
    rng = random.Random(7)
    who = accounts["reviewer"]
    stored: dict[int, tuple[str, dict]] = {}  # id → (edit token, payload)
    with app.server.app_context():
        for seed in range(30):
            data = payload(rng, seed)
            done = store_report(db, valid(data), lang="en", auto_publish=rng.random() < 0.6)
            stored[done.id] = (done.edit_token, data)
        assert_equal_to_recount(db, every_filter=False)
        ids = sorted(stored)
        for step in range(30):
            target = rng.choice(ids)
            action = rng.choice(["amend", "publish", "reject", "duplicate", "correct", "bulk"])
            if action == "amend":
                token, old = stored[target]
                new = payload(rng, 1000 + step) | {"client_id": old["client_id"]}
                amend_report(db, token, valid(new), auto_publish=rng.random() < 0.7)
                stored[target] = (token, new)
            elif action == "publish":
                publish(db, [target], who)
            elif action == "bulk":
                publish(db, rng.sample(ids, 5), who)
            elif action == "reject":
                reject(db, target, "not an event", who)
            elif action == "duplicate":
                mark_duplicate(db, target, rng.choice([i for i in ids if i != target]), who)
            else:
                correct(db, target, _correction(rng), who)
        assert_equal_to_recount(db)
        load_demo(db, n=15, seed=11)
        assert_equal_to_recount(db, every_filter=False)
        with db.session() as session:
            delete_demo(session)
        assert_equal_to_recount(db)


def _correction(rng: random.Random) -> dict:
    change = rng.choice(
        [
            {"region": "SA"},
            {"country": "KE"},
            {"format": "hybrid"},
            {"participants_total": 400, "groups": {"women": 150}},
            {"groups": {"newcomers": None, "women": 0, "lgbtq": 2}},
        ]
    )
    return copy.deepcopy(change)


def test_recount_command_finds_and_fixes_a_difference(app, db):
    with app.server.app_context():
        load_demo(db, n=10, seed=3)
    with db.session() as session:
        session.execute(text("UPDATE agg_events SET events = events + 1 WHERE facet = 'all'"))
    runner = app.server.test_cli_runner()
    found = runner.invoke(args=["recount"])
    assert found.exit_code == 1 and "agg_events ('all', ''" in found.output
    fixed = runner.invoke(args=["recount", "--fix"])
    assert fixed.exit_code == 0 and "rebuilt" in fixed.output
    assert runner.invoke(args=["recount"]).output.strip() == "aggregate tables equal a recount"


def test_a_date_range_reads_whole_weeks_and_its_edge_days():
    assert date_ranges(D(2020, 9, 9), D(2020, 9, 30)) == [
        ("week", "2020-09-14", "2020-09-21"),
        ("day", "2020-09-09", "2020-09-13"),
        ("day", "2020-09-28", "2020-09-30"),
    ]
    assert date_ranges(D(2020, 9, 7), D(2020, 9, 13)) == [("week", "2020-09-07", "2020-09-07")]
    assert date_ranges(D(2020, 9, 9), D(2020, 9, 11)) == [("day", "2020-09-09", "2020-09-11")]
    assert date_ranges(D(2020, 9, 11), D(2020, 9, 9)) == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), [("all", "", "")]),
        (Filters(region="SA"), [("region", "SA", "SA")]),
        (Filters(group="women", group_share=50), [("group50", "women", "women")]),
        (Filters(region="SA", theme="education"), None),
        (Filters(format="virtual", date_from=D(2020, 9, 1)), None),
    ],
)
def test_one_filter_reads_one_facet_and_combinations_do_not(filters, expected):
    assert facet_ranges(filters) == expected
