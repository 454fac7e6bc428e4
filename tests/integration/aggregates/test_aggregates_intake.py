"""A new report's contribution to the aggregate tables, worked out from memory before the
writing transaction, equals what reading its stored rows back gives; and the upserts follow the
one order every writer keeps (the ``all`` facet's hot rows last on PostgreSQL)."""

from __future__ import annotations

from data.aggregates import keep as aggregates_keep
from data.aggregates import write as aggregates_write
from data.aggregates.tables import TABLES
from data.demo.reports import generate
from data.models import Status
from data.reports.rows import insert_report, report_rows
from intake.report.validation import validate


def _rows(data: dict, status: Status = Status.PUBLISHED):
    report, errors = validate(data)
    assert not errors, errors
    return report_rows(report.model_dump(), status=status, written_in="en")


def test_a_new_reports_contribution_from_memory_equals_its_rows_read_back(db):
    payloads = generate(12, seed=41)
    payloads[0]["participants"] = {"total": 8, "women": 2, "newcomers": 4}  # a quarter, a half
    payloads[1]["country"], payloads[1]["region"] = None, "GLOBAL"  # no country
    with db.session() as session:
        for data in payloads:
            row, children = _rows(data)
            expected = aggregates_keep.of_new(row, children)
            assert any(expected[table] for table in TABLES)
            report_id = insert_report(session, row, children)
            assert aggregates_keep.read(session, [report_id]) == expected


def test_a_pending_report_adds_nothing(db):
    row, children = _rows(generate(1, seed=3)[0], Status.PENDING)
    assert aggregates_keep.of_new(row, children) == {table: {} for table in TABLES}


def test_merge_sums_and_drops_rows_that_cancel_out():
    row, children = _rows(generate(1, seed=5)[0])
    plus = aggregates_keep.of_new(row, children)
    minus = aggregates_keep.of_new(row, children, sign=-1)
    assert aggregates_keep.merge(plus, minus) == {table: {} for table in TABLES}
    assert aggregates_keep.merge(plus) == plus


def test_postgresql_upserts_take_the_all_facet_last_and_sqlite_one_pass_per_table():
    row, children = _rows(generate(1, seed=9)[0])
    found = aggregates_keep.of_new(row, children)
    steps = aggregates_write.prepare(found, "postgresql")
    facets = [set(params["facet"]) for _table, params in steps]
    first_all = next(i for i, f in enumerate(facets) if f == {"all"})
    assert all("all" not in f for f in facets[:first_all])
    assert all(f == {"all"} for f in facets[first_all:])
    tables = [table for table, _params in steps[first_all:]]
    assert tables == [t for t in TABLES if t in tables]  # the tables' fixed order in each pass
    for _table, params in steps:  # each statement's rows sorted by key
        rows = list(zip(*params.values(), strict=True))  # key columns first, then values
        assert rows == sorted(rows)
    sqlite_steps = aggregates_write.prepare(found, "sqlite")
    assert [table for table, _ in sqlite_steps] == [t for t in TABLES if found[t]]
    assert sum(len(p) for _t, p in sqlite_steps) == sum(len(found[t]) for t in TABLES)
