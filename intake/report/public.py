"""Published reports as the public API shows them: public fields only (never the organizer's
contact, the edit token or the free-text lists of people), and per-event group counts below
the privacy threshold suppressed. The models here are also the OpenAPI response schemas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session, selectinload

from data.aggregates.queries import Filters, matching_reports
from data.models import Report, Status
from data.privacy import public_event_groups
from data.reference import Reference
from intake.report.formdata import KINDS, RANKED, UNRANKED, choice_rows, fitted
from intake.report.spreadsheets import public_columns

MAX_PER_PAGE = 500
MAX_PAGE = 1_000_000  # keeps the SQL offset a sane integer on every backend


class GroupCount(BaseModel):
    count: int | None
    suppressed: bool


class PublicParticipants(BaseModel):
    total: int | None  # None: the report gave no number
    total_precision: str  # exact, about, at_least
    groups: dict[str, GroupCount]
    # ``withheld``: an event not known to have PRIVACY_THRESHOLD participants shows no group
    # (data.privacy.group_detail_shown); ``groups`` is then empty.
    group_detail: Literal["shown", "withheld"]


class RankedChoice(BaseModel):
    """A choice; ``rank`` None when the event chose an unranked set (equal ranks: a tie)."""

    rank: int | None
    code: str
    why: str


class CoordinatedChoice(BaseModel):
    code: str
    why: str


class PublicSession(BaseModel):
    date: dt.date
    format: str


class PublicReport(BaseModel):
    id: int
    event_name: str
    event_date: dt.date
    country: str | None
    region: str
    format: str
    languages: list[str]
    themes: list[str]
    participants: PublicParticipants
    priorities: list[RankedChoice]
    recommendations: list[RankedChoice]
    global_coordination: list[CoordinatedChoice]
    sessions: list[PublicSession]
    co_organizers: list[str]
    continues: int | None
    resources_needed: str
    notes: str
    written_in: str
    demo: bool


class ReportsPage(BaseModel):
    page: int
    per_page: int
    total: int
    next: str | None
    reports: list[PublicReport]


def public(report: Report, threshold: int) -> PublicReport:
    groups, detail = public_event_groups(
        report.participants_total,
        {g.group_code: g.count for g in sorted(report.groups, key=lambda g: g.group_code)},
        threshold,
    )
    return PublicReport(
        id=report.id,
        event_name=report.event_name,
        event_date=report.event_date,
        country=report.country,
        region=report.region,
        format=report.format,
        languages=sorted(c.language_code for c in report.languages),
        themes=sorted(t.theme_code for t in report.themes),
        participants=PublicParticipants(
            total=report.participants_total,
            total_precision=report.total_precision or "exact",
            groups=groups,
            group_detail=detail,
        ),
        priorities=[RankedChoice(rank=p.rank, code=p.code, why=p.why) for p in report.initiatives],
        recommendations=[
            RankedChoice(rank=r.rank, code=r.code, why=r.why) for r in report.recommendations
        ],
        global_coordination=[
            CoordinatedChoice(code=c.initiative_code, why=c.why or "")
            for c in sorted(report.coordination, key=lambda c: c.initiative_code)
        ],
        sessions=[PublicSession(**part) for part in report.sessions or []],
        co_organizers=list(report.co_organizers or []),
        continues=_published_id(report, report.continues),
        resources_needed=report.resources_needed,
        notes=report.notes,
        written_in=report.written_in,
        demo=report.is_demo,
    )


def _published_id(report: Report, other: int | None) -> int | None:
    """``other`` when it is a published report's id: a public answer names no report that is
    not public."""
    session = object_session(report)
    if other is None or session is None:
        return None
    status = session.scalar(select(Report.status).where(Report.id == other))
    return other if status == Status.PUBLISHED else None


def _loaded():
    return select(Report).options(
        *(
            selectinload(getattr(Report, name))
            for name in (
                "initiatives",
                "recommendations",
                "groups",
                "themes",
                "languages",
                "coordination",
            )
        )
    )


def page_of_reports(
    session: Session, filters: Filters, page: int, per_page: int, threshold: int
) -> tuple[int, list[PublicReport]]:
    """How many published reports match, and one page of them (oldest first)."""
    ids = matching_reports(filters).subquery()
    total = session.scalar(select(func.count()).select_from(ids)) or 0
    rows = session.scalars(
        _loaded()
        .where(Report.id.in_(select(ids.c.id)))
        .order_by(Report.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    return total, [public(r, threshold) for r in rows]


def one_report(session: Session, report_id: int, threshold: int) -> PublicReport | None:
    row = session.scalar(_loaded().where(Report.id == report_id, Report.status == Status.PUBLISHED))
    return public(row, threshold) if row is not None else None


def batches(db, filters: Filters, threshold: int, size: int = 500) -> Iterator[list[PublicReport]]:
    """Every matching report, in batches read in short sessions (keyset on id), for streaming."""
    last = 0
    while True:
        with db.session(readonly=True) as session:
            ids = matching_reports(filters).where(Report.id > last).subquery()
            rows = list(
                session.scalars(
                    _loaded().where(Report.id.in_(select(ids.c.id))).order_by(Report.id).limit(size)
                )
            )
            batch = [public(r, threshold) for r in rows]
        if not batch:
            return
        yield batch
        last = batch[-1].id


def flat_row(report: PublicReport, ref: Reference) -> list:
    """One report as a row of ``public_columns``: lists space-separated, a suppressed group
    count as the word "suppressed", an unreported one empty; every group "withheld" for an
    event too small to show any."""
    row = report.model_dump(mode="json")
    row["participants_total"] = report.participants.total
    row["participants_precision"] = report.participants.total_precision
    row["co_organizers"] = "\n".join(report.co_organizers)
    for n, part in enumerate(report.sessions[1:], start=2):
        row[f"part_{n}_date"] = part.date.isoformat()
        row[f"part_{n}_format"] = part.format
    withheld = report.participants.group_detail == "withheld"
    for code in ref.groups:
        group = report.participants.groups.get(code)
        if withheld:  # every group alike, given or not
            row[code] = "withheld"
        else:
            row[code] = None if group is None else "suppressed" if group.suppressed else group.count
    for prefix, key, slots in KINDS:
        ranked, rows = choice_rows([c.model_dump() for c in getattr(report, key)])
        row[f"{key}_ranked"] = RANKED if ranked else UNRANKED
        filled = dict(zip(slots, fitted(rows, len(slots)), strict=False))
        for n in slots:
            codes, why = filled.get(n, ([], None))
            row[f"{prefix}_{n}"] = " ".join(codes) or None
            row[f"{prefix}_{n}_why"] = why
    row["global_coordination"] = " ".join(c.code for c in report.global_coordination)
    # One reason column, as in the form: each distinct reason once, one per line.
    row["global_coordination_why"] = "\n".join(
        dict.fromkeys(c.why for c in report.global_coordination if c.why)
    )
    for name in ("languages", "themes"):
        row[name] = " ".join(row[name])
    row["demo"] = "true" if report.demo else "false"  # as in the JSON
    return [row.get(c) for c in public_columns(ref)]
