"""Loading an updated official initiative list over ``data/reference/initiatives.csv``.

``diff`` (pure) says what the new file changes: initiatives added, retitled, moved to another
recommendation, removed. ``apply`` loads it in one database transaction (an audit row, the
aggregate tables recounted when an initiative moved, the data version) and writes the file
only after that transaction committed (a temporary file renamed over the old one), then clears
``reference()``'s cache. Removing a code that stored reports, contributions or the draft plan
use is refused before anything changes: their choices would point at nothing, or, once the code
is reused, at another initiative (a renumbering needs a migration, like 0011).

Known limit: other running processes keep the list they read until they restart.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from data.aggregates import keep as aggregates_keep
from data.contributions.model import ContributionInitiative
from data.models import ReportCoordination, ReportInitiative
from data.reference import REFERENCE_DIR, Initiative, reference
from data.support.audit import AuditLog
from data.support.plan import PlanItem
from data.version import bump_version

REFERENCE_LOADED = "reference_loaded"
TARGET = REFERENCE_DIR / "initiatives.csv"
COLUMNS = ("code", "number", "recommendation", "title", "status", "number_2022")
REQUIRED = COLUMNS[:4]
CODE = re.compile(r"I\d\d")
KEPT = ("status", "number_2022")  # kept from the current row when the new file leaves them out


class ListError(ValueError):
    """The file cannot be loaded; the message says why, for people."""


@dataclass(frozen=True)
class Change:
    code: str
    before: str | None  # the title (recommendation for a move) before; None when added
    after: str | None  # … after; None when removed


@dataclass(frozen=True)
class ListDiff:
    added: list[Change] = field(default_factory=list)
    retitled: list[Change] = field(default_factory=list)
    moved: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    # Number, status or 2022 number changed (shown, never refused).
    other: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.added, self.retitled, self.moved, self.removed, self.other))

    def codes(self) -> list[str]:
        parts = (self.added, self.retitled, self.moved, self.removed, self.other)
        return sorted({c.code for part in parts for c in part})


@dataclass(frozen=True)
class Usage:
    reports: int = 0
    contributions: int = 0
    plan: int = 0

    def __bool__(self) -> bool:
        return bool(self.reports or self.contributions or self.plan)


def read_list(path: Path, recommendations=None) -> dict[str, dict[str, str]]:
    """The rows of an initiatives file by code, checked: the columns, one row per code and
    number, codes like I01, known recommendations."""
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise ListError(f"{path}: missing columns {', '.join(missing)}")
            rows = [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except (OSError, UnicodeDecodeError) as error:
        raise ListError(f"{path}: {error}") from error
    known = set(recommendations if recommendations is not None else reference().recommendations)
    out: dict[str, dict[str, str]] = {}
    numbers: set[str] = set()
    for line, row in enumerate(rows, start=2):
        problem = _problem(row, out, numbers, known)
        if problem:
            raise ListError(f"{path}, line {line}: {problem}")
        out[row["code"]] = row
        numbers.add(row["number"])
    if not out:
        raise ListError(f"{path}: no initiatives")
    return out


def _problem(row: dict[str, str], seen: dict, numbers: set[str], known: set[str]) -> str | None:
    code, number = row["code"], row["number"]
    if not CODE.fullmatch(code):
        return f"the code {code!r} is not like I01"
    if code in seen:
        return f"{code} twice"
    if not number.isdigit():
        return f"the number {number!r} is not a whole number"
    if number in numbers:
        return f"number {number} twice"
    if row["recommendation"] not in known:
        return f"unknown recommendation {row['recommendation']!r}"
    if not row["title"]:
        return "no title"
    return None


def merged(current: dict[str, dict], updated: dict[str, dict]) -> dict[str, dict[str, str]]:
    """The rows to write: the new file's, with the status and 2022 number kept from the current
    row where the new file leaves them empty (a new initiative of an official list: confirmed)."""
    out = {}
    for code, row in updated.items():
        was = current.get(code, {})
        values = {c: row.get(c, "") for c in COLUMNS}
        for name in KEPT:
            values[name] = values[name] or was.get(name, "")
        values["status"] = values["status"] or "confirmed"
        out[code] = values
    return out


def diff(current: dict[str, dict], updated: dict[str, dict]) -> ListDiff:
    """What loading ``updated`` over ``current`` changes (rows as ``read_list`` gives them)."""
    updated = merged(current, updated)
    found = ListDiff()
    for code in sorted(current.keys() | updated.keys()):
        was, now = current.get(code), updated.get(code)
        if was is None:
            found.added.append(Change(code, None, now["title"]))
        elif now is None:
            found.removed.append(Change(code, was["title"], None))
        else:
            if was["title"] != now["title"]:
                found.retitled.append(Change(code, was["title"], now["title"]))
            if was["recommendation"] != now["recommendation"]:
                found.moved.append(Change(code, was["recommendation"], now["recommendation"]))
            for name in ("number", *KEPT):
                if was.get(name, "") != now.get(name, ""):
                    found.other.append(Change(code, f"{name} {was.get(name)}", now.get(name)))
    return found


def usage(session: Session, codes) -> dict[str, Usage]:
    """Per code: how many stored reports (priorities or global coordination), contributions
    and draft-plan items name it, whatever their status."""
    codes = sorted(set(codes))
    if not codes:
        return {}
    ri, rc, ci = ReportInitiative, ReportCoordination, ContributionInitiative
    pairs = union(
        select(ri.report_id, ri.code.label("code")).where(ri.code.in_(codes)),
        select(rc.report_id, rc.initiative_code.label("code")).where(rc.initiative_code.in_(codes)),
    ).subquery()
    reports = dict(
        session.execute(
            select(pairs.c.code, func.count(func.distinct(pairs.c.report_id))).group_by(
                pairs.c.code
            )
        ).all()
    )
    contributions = dict(
        session.execute(
            select(ci.code, func.count(func.distinct(ci.contribution_id)))
            .where(ci.code.in_(codes))
            .group_by(ci.code)
        ).all()
    )
    plan = set(session.scalars(select(PlanItem.code).where(PlanItem.code.in_(codes))))
    return {c: Usage(reports.get(c, 0), contributions.get(c, 0), int(c in plan)) for c in codes}


def refusals(found: ListDiff, used: dict[str, Usage]) -> list[str]:
    """Why the load is refused: removed codes still in use (empty: it may go ahead)."""
    return [
        f"{c.code} ({c.before}) cannot be removed: {describe_usage(used[c.code])} name it"
        for c in found.removed
        if used.get(c.code)
    ]


def describe_usage(found: Usage) -> str:
    return (
        f"{found.reports} report(s), {found.contributions} contribution(s), "
        f"{found.plan} plan item(s)"
    )


def _initiatives(rows: dict[str, dict[str, str]]) -> dict[str, Initiative]:
    return {
        code: Initiative(
            code,
            int(r["number"]),
            r["recommendation"],
            r["title"],
            r["status"],
            int(r["number_2022"]) if r["number_2022"] else None,
        )
        for code, r in rows.items()
    }


def _write(rows: dict[str, dict[str, str]], target: Path) -> None:
    """All or nothing: a temporary file beside the target, renamed over it."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows.values())
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def check(db, path: Path, target: Path | None = None) -> tuple[ListDiff, dict[str, Usage]]:
    """What loading ``path`` would change, and how much stored data names each changed code."""
    target = target or TARGET
    current = read_list(target)
    found = diff(current, read_list(path))
    with db.session(readonly=True) as session:
        return found, usage(session, found.codes())


class Refused(ListError):
    """Loading would leave stored choices without their initiative; nothing was changed."""


def apply(db, path: Path, who: str, target: Path | None = None) -> ListDiff:
    """Load ``path`` over ``target``: the database part in one transaction, then the file,
    then the cache. Raises ``Refused`` (nothing changed) when a removed code is in use."""
    target = target or TARGET
    current = read_list(target)
    rows = merged(current, read_list(path))
    found = diff(current, rows)
    if not found:
        return found
    with db.session() as session:
        used = usage(session, found.codes())
        problems = refusals(found, used)
        if problems:
            raise Refused("; ".join(problems))
        keys = ("recommendation", "title")
        before = {c: {k: current[c][k] for k in keys} for c in found.codes() if c in current}
        after = {c: {k: rows[c][k] for k in keys} for c in found.codes() if c in rows}
        session.add(
            AuditLog(
                user_email=who,
                action=REFERENCE_LOADED,
                report_id=None,
                before={"file": target.name, "initiatives": before},
                after={"file": target.name, "initiatives": after, "source": Path(path).name},
            )
        )
        if found.moved:  # who prioritized which recommendation follows its initiatives
            # The new list is written only after the commit: the recount is given its map.
            new = dataclasses.replace(reference(), initiatives=_initiatives(rows))
            aggregates_keep.rebuild(session, recommendation_of=new.recommendation_of())
        bump_version(session)
    _write(rows, target)
    reference.cache_clear()
    return found
