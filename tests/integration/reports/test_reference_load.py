"""``flask reference check|load``: an updated official initiative list, shown, loaded in one
transaction, or refused when it removes an initiative stored choices name."""

from __future__ import annotations

import csv
import dataclasses
import shutil

import pytest
from sqlalchemy import select

from data.aggregates import keep as aggregates_keep
from data.aggregates.tables import AggPrioritized
from data.contributions.model import add as add_contribution
from data.initiative_list import load as reference_load
from data.reference import REFERENCE_DIR, reference
from data.reports.rows import build_report
from data.support.audit import AuditLog
from data.version import current_version
from intake.report.validation import validate

LIST = REFERENCE_DIR / "initiatives.csv"


@pytest.fixture
def target(tmp_path, monkeypatch):
    """A copy of the reference list for the commands to write (the real file stays)."""
    path = tmp_path / "reference" / "initiatives.csv"
    path.parent.mkdir()
    shutil.copy(LIST, path)
    monkeypatch.setattr(reference_load, "TARGET", path)
    return path


@pytest.fixture
def stored(db, accounts, clean, report):
    """Two published reports naming I02 (one also I25), a contribution naming I31."""
    ids = []
    with db.session() as session:
        for priorities in (["I02", "I25"], ["I02"]):
            payload = report(priorities=[{"code": c, "why": ""} for c in priorities])
            parsed, errors = validate(payload)
            assert not errors, errors
            row = build_report(parsed.model_dump(), status="published", written_in="en")
            session.add(row)
            session.flush()
            ids.append(row.id)
        aggregates_keep.add(session, *ids)
        add_contribution(
            session,
            {"client_id": "c-1", "initiatives": [{"code": "I31"}]},
            status="published",
            written_in="en",
        )
    return ids


def updated_list(tmp_path, change):
    """The current list with ``change(rows)`` applied, written to a file of its own."""
    with LIST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows = change(rows)
    path = tmp_path / "official.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(app, *args):
    return app.server.test_cli_runner().invoke(args=["reference", *args])


def _retitle_move_add_remove(rows):
    for r in rows:
        if r["code"] == "I01":
            r["title"] = "Systematic approach to improve satisfaction and productivity (2020)"
        if r["code"] == "I02":
            r["recommendation"] = "R2"
    rows = [r for r in rows if r["code"] != "I43"]
    extra = {"code": "I45", "number": "45", "recommendation": "R10", "title": "A new one"}
    return [*rows, {**extra, "status": "", "number_2022": ""}]


def test_check_shows_each_change_with_what_names_it(app, stored, target, tmp_path):
    path = updated_list(tmp_path, _retitle_move_add_remove)
    before = target.read_bytes()
    result = run(app, "check", str(path))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "added: 1\n  I45  A new one  [0 report(s), 0 contribution(s), 0 plan item(s)]" in out
    assert "retitled: 1\n  I01  Systematic approach" in out
    assert "moved between recommendations: 1\n  I02  R1 -> R2  [2 report(s)" in out
    assert "removed: 1\n  I43  Develop a comprehensive evaluation system" in out
    assert "load would be refused" not in out
    assert target.read_bytes() == before

    unchanged = run(app, "check", str(LIST))
    assert unchanged.exit_code == 0 and "no change" in unchanged.output


def test_load_applies_in_one_go_and_recounts_the_moved_initiative(
    app, db, stored, target, tmp_path
):
    path = updated_list(tmp_path, _retitle_move_add_remove)
    with db.session(readonly=True) as session:
        version = current_version(session)
    reference()  # filled, to see it cleared
    result = run(app, "load", str(path), "--by", "rita@example.org")
    assert result.exit_code == 0, result.output
    assert "loaded: 1 added, 1 retitled, 1 moved, 1 removed" in result.output
    assert reference.cache_info().currsize == 0

    written = reference_load.read_list(target)
    assert written["I02"]["recommendation"] == "R2"
    assert written["I45"]["status"] == "confirmed"
    assert written["I23"]["number_2022"] == ""  # kept as it was
    assert "I43" not in written
    assert not list(target.parent.glob("*.tmp"))

    with db.session(readonly=True) as session:
        [row] = session.scalars(select(AuditLog).where(AuditLog.action == "reference_loaded"))
        assert row.user_email == "rita@example.org"
        assert row.before["initiatives"]["I02"]["recommendation"] == "R1"
        assert row.after["initiatives"]["I02"]["recommendation"] == "R2"
        assert "I45" not in row.before["initiatives"] and "I43" not in row.after["initiatives"]
        assert current_version(session) == version + 1
        prioritized = set(
            session.scalars(select(AggPrioritized.rec).where(AggPrioritized.facet == "all"))
        )
        assert "R2" in prioritized
        # Equal to a recount under the loaded list (the real reference file is not the one loaded).
        loaded = dataclasses.replace(reference(), initiatives=reference_load._initiatives(written))
        assert aggregates_keep.verify(session, recommendation_of=loaded.recommendation_of()) == []


@pytest.mark.parametrize("code", ["I02", "I31"])
def test_removing_a_code_in_use_is_refused_and_changes_nothing(
    app, db, stored, target, tmp_path, code
):
    path = updated_list(tmp_path, lambda rows: [r for r in rows if r["code"] != code])
    before = target.read_bytes()
    with db.session(readonly=True) as session:
        version = current_version(session)

    checked = run(app, "check", str(path))
    assert checked.exit_code == 0
    assert f"load would be refused: {code} (" in checked.output

    result = run(app, "load", str(path))
    assert result.exit_code != 0
    assert f"{code} (" in result.output and "cannot be removed" in result.output
    assert target.read_bytes() == before
    with db.session(readonly=True) as session:
        assert not session.scalars(
            select(AuditLog).where(AuditLog.action == "reference_loaded")
        ).all()
        assert current_version(session) == version


def test_a_file_that_cannot_be_loaded_is_refused(app, target, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("code,number,recommendation,title\nI01,1,R99,A\n", encoding="utf-8")
    for command in ("check", "load"):
        result = run(app, command, str(path))
        assert result.exit_code != 0
        assert "unknown recommendation 'R99'" in result.output
