"""Writes: a report and its child rows, and the data-version bump, in the caller's transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from data.aggregates import keep as aggregates_keep
from data.events.model import Event
from data.models import (
    DataVersion,
    Report,
    ReportAudit,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
    Status,
)
from data.reference import reference
from data.scoring import INITIATIVE_TOTAL, RECOMMENDATION_TOTAL, milli_points


def bump_version(session: Session) -> None:
    """Move the data version; atomic on both backends (no read-modify-write). Writers call it
    last: every writer locks this one row until it commits."""
    session.flush()  # pending ORM changes go first, not after it at commit
    session.connection().execute(  # Core: the ORM's bulk UPDATE path costs more than the SQL
        update(DataVersion.__table__)
        .where(DataVersion.__table__.c.id == 1)
        .values(
            version=DataVersion.__table__.c.version + 1,
            updated_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
    )


def current_version(session: Session) -> int:
    return session.scalar(select(DataVersion.version).where(DataVersion.id == 1)) or 0


def find_by_client_id(session: Session, client_id: str) -> Report | None:
    # The id first (Core, no ORM object for the usual answer: none), the report only if found.
    found = session.connection().scalar(select(Report.id).where(Report.client_id == client_id))
    return None if found is None else session.get(Report, found)


def report_rows(
    data: Mapping[str, Any], *, status: Status, written_in: str, is_demo: bool = False
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """A validated report dict (the API's shape) as the report's columns and each child list's
    rows (no ``report_id``): the one mapping behind ``build_report`` and ``insert_report``."""
    organizer = data["organizer"]
    participants = data["participants"]
    country = data.get("country")
    report = {
        "client_id": str(data["client_id"]),
        "event_name": data["event_name"],
        "event_key": event_key(data["event_name"]),
        "event_date": data["event_date"],
        "country": country,
        "region": data.get("region") or reference().region_of(country),
        "format": data["format"],
        "organizer_name": organizer["name"],
        "organizer_email": organizer["email"],
        "organizer_affiliate": organizer.get("affiliate") or "",
        "attendees": data.get("attendees") or "",
        "facilitators": data.get("facilitators") or "",
        "note_takers": data.get("note_takers") or "",
        "participants_total": participants.get("total"),
        "total_precision": participants.get("total_precision") or "exact",
        "sessions": [
            {"date": str(part["date"]), "format": part["format"]} for part in data["sessions"]
        ]
        if data.get("sessions")
        else None,
        "co_organizers": list(data["co_organizers"]) if data.get("co_organizers") else None,
        "continues": data.get("continues"),
        "resources_needed": data.get("resources_needed") or "",
        "notes": data.get("notes") or "",
        "written_in": written_in,
        "status": status,
        "is_demo": is_demo,
    }
    children = {
        "initiatives": chosen_rows(data.get("priorities") or [], INITIATIVE_TOTAL),
        "recommendations": chosen_rows(data.get("recommendations") or [], RECOMMENDATION_TOTAL),
        "groups": [
            {"group_code": code, "count": count}
            for code, count in participants.items()
            if code not in ("total", "total_precision") and count is not None
        ],
        "themes": [{"theme_code": t} for t in data.get("themes") or []],
        "languages": [{"language_code": c} for c in data.get("languages") or []],
        "coordination": [
            {"initiative_code": c["code"], "why": c.get("why") or ""}
            for c in map(_coded, data.get("global_coordination") or [])
        ],
    }
    return report, children


def _coded(item: str | Mapping[str, Any]) -> Mapping[str, Any]:
    return {"code": item} if isinstance(item, str) else item


def chosen_rows(choices: list[Mapping[str, Any]], total: int) -> list[dict[str, Any]]:
    """Child rows of chosen codes in the order given, with each one's points (data.scoring)."""
    points = milli_points([c.get("rank") for c in choices], total)
    return [
        {
            "position": n,
            "rank": c.get("rank"),
            "code": c["code"],
            "points": p,
            "why": c.get("why") or "",
        }
        for n, (c, p) in enumerate(zip(choices, points, strict=True), start=1)
    ]


CHILD_MODELS = {
    "initiatives": ReportInitiative,
    "recommendations": ReportRecommendation,
    "groups": ReportGroup,
    "themes": ReportTheme,
    "languages": ReportLanguage,
    "coordination": ReportCoordination,
}


def build_report(
    data: Mapping[str, Any], *, status: Status, written_in: str, is_demo: bool = False
) -> Report:
    """An unsaved Report (with children) from a validated report dict (the API's shape)."""
    row, children = report_rows(data, status=status, written_in=written_in, is_demo=is_demo)
    report = Report(**row)
    for name, model in CHILD_MODELS.items():
        setattr(report, name, [model(**child) for child in children[name]])
    return report


def insert_report(
    session: Session, report: Mapping[str, Any], children: Mapping[str, list[dict]]
) -> int:
    """Insert a new report's rows (``report_rows``) with Core statements; returns its id. (The
    ORM's unit of work cost several times the SQL for these twenty-odd rows.)"""
    connection = session.connection()
    report_id = connection.execute(
        insert(Report.__table__).returning(Report.id), dict(report)
    ).scalar_one()
    for name, model in CHILD_MODELS.items():
        if children[name]:
            rows = [{"report_id": report_id, **child} for child in children[name]]
            connection.execute(insert(model.__table__), rows)
    return report_id


DEMO_REMOVER = "flask demo-data remove"  # the audit log's "who" for what the removal changes


def delete_demo(session: Session, who: str = DEMO_REMOVER) -> int:
    """Remove every demo report; returns how many went. Real rows that point at one let go
    first, in the same transaction (``_let_go_of_demo``), so the removal never fails on them."""
    ids = list(session.scalars(select(Report.id).where(Report.is_demo.is_(True))))
    if ids:
        aggregates_keep.subtract(session, *ids)
        _let_go_of_demo(session, who)
        # Child rows first: SQLite enforces the foreign keys, and bulk deletes skip the ORM cascade.
        for child in (
            ReportInitiative,
            ReportRecommendation,
            ReportGroup,
            ReportTheme,
            ReportLanguage,
            ReportCoordination,
        ):
            session.execute(
                delete(child).where(
                    child.report_id.in_(select(Report.id).where(Report.is_demo.is_(True)))
                )
            )
        session.execute(delete(Report).where(Report.is_demo.is_(True)))
        bump_version(session)
    return len(ids)


def _let_go_of_demo(session: Session, who: str) -> None:
    """Clear what points at the demo reports before they go.

    - ``reports.duplicate_of`` (a foreign key): a real report a reviewer marked a duplicate of a
      demo one keeps its status (a duplicate is not counted, so the aggregates stay as they
      are) and loses the pointer, with an audit row like the marking's own.
    - ``reports.possible_duplicate_of`` and ``events.report_id`` (plain ids): cleared, so that
      neither the export nor an event's page names a report that no longer exists.
    - ``audit_log.report_id`` and ``report_audit.report_id`` stay: the trail outlives the report.
    """
    # data.support.review imports this module; its audit row and snapshot are only needed here.
    from data.support.review import AuditLog, snapshot

    demo = select(Report.id).where(Report.is_demo.is_(True))
    marked = session.scalars(
        select(Report).where(Report.is_demo.is_(False), Report.duplicate_of.in_(demo))
    ).all()
    for report in marked:
        before = snapshot(report)
        report.duplicate_of = None
        session.add(
            AuditLog(
                user_email=who,
                action="duplicate_cleared",
                report_id=report.id,
                before=before,
                after=snapshot(report),
            )
        )
    session.flush()
    # Core statements (no ORM objects to keep in step); the demo rows' own pointers go too.
    reports = Report.__table__
    for column in (reports.c.duplicate_of, reports.c.possible_duplicate_of):
        session.execute(update(reports).where(column.in_(demo)).values({column.name: None}))
    events = Event.__table__
    session.execute(update(events).where(events.c.report_id.in_(demo)).values(report_id=None))


# Possible duplicates -------------------------------------------------------------------------


def event_key(name: str) -> str:
    """An event name as compared for duplicates: casefolded, accents dropped, punctuation and
    symbols turned into spaces, whitespace collapsed ("Café  Salon!" and "cafe salon" agree)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Mn":  # accents and other non-spacing marks
            continue
        kept.append(ch if category[0] in "LNM" else " ")
    return " ".join("".join(kept).split())[:200]


def lock_event_key(session: Session, key: str) -> None:
    """On PostgreSQL, serialize the reports of one event name until the transaction ends, so
    that two co-organizers submitting at once still see each other (SQLite's BEGIN IMMEDIATE
    already serializes every writer)."""
    if key and session.get_bind().dialect.name == "postgresql":
        number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        session.execute(select(func.pg_advisory_xact_lock(number)))


def find_possible_duplicate(
    session: Session,
    *,
    key: str,
    event_date: dt.date,
    country: str | None,
    region: str | None,
    is_demo: bool = False,
    exclude_id: int | None = None,
    published_only: bool = False,
) -> tuple[int, str] | None:
    """The earliest report (id, event name) of the same event: same normalized name, same
    country (or, without one, same region), a date within a day. Rejected reports don't count;
    with ``published_only``, only published ones (what may be named to the public)."""
    if not key:
        return None
    day = dt.timedelta(days=1)
    q = select(Report.id, Report.event_name).where(
        Report.event_key == key,
        Report.event_date.between(event_date - day, event_date + day),
        Report.status != Status.REJECTED,
        Report.is_demo.is_(is_demo),
    )
    if country:
        q = q.where(Report.country == country)
    else:
        q = q.where(Report.country.is_(None), Report.region == region)
    if exclude_id is not None:
        q = q.where(Report.id != exclude_id)
    if published_only:
        q = q.where(Report.status == Status.PUBLISHED)
    found = session.connection().execute(q.order_by(Report.id).limit(1)).first()  # Core: cheaper
    return (found.id, found.event_name) if found else None


# Edit links and the organizers' audit trail -------------------------------------------------


def token_hash(token: str) -> str:
    """What is stored of an edit-link token (a 32-byte random token needs no slow hash)."""
    return hashlib.sha256(token.encode()).hexdigest()


def find_by_edit_token(session: Session, token: str) -> Report | None:
    if not token:
        return None
    return session.scalar(select(Report).where(Report.edit_token_hash == token_hash(token)))


def report_data(report: Report) -> dict[str, Any]:
    """A stored report in the API's JSON shape (what the edit form shows and the audit keeps)."""
    return {
        "client_id": report.client_id,
        "event_name": report.event_name,
        "event_date": report.event_date.isoformat(),
        "country": report.country,
        "region": report.region,
        "format": report.format,
        "languages": sorted(c.language_code for c in report.languages),
        "themes": sorted(t.theme_code for t in report.themes),
        "organizer": {
            "name": report.organizer_name,
            "email": report.organizer_email,
            "affiliate": report.organizer_affiliate,
        },
        "attendees": report.attendees,
        "facilitators": report.facilitators,
        "note_takers": report.note_takers,
        "participants": {
            "total": report.participants_total,
            "total_precision": report.total_precision or "exact",
            **{g.group_code: g.count for g in sorted(report.groups, key=lambda g: g.group_code)},
        },
        "co_organizers": list(report.co_organizers or []),
        "sessions": list(report.sessions or []),
        "continues": report.continues,
        "recommendations": [_choice(r) for r in report.recommendations],
        "priorities": [_choice(p) for p in report.initiatives],
        "global_coordination": [
            {"code": c.initiative_code, "why": c.why or ""}
            for c in sorted(report.coordination, key=lambda c: c.initiative_code)
        ],
        "resources_needed": report.resources_needed,
        "notes": report.notes,
    }


def _choice(row: ReportInitiative | ReportRecommendation) -> dict[str, Any]:
    """A stored choice in the API's shape: ``rank`` only when the event ranked its choices."""
    out: dict[str, Any] = {"code": row.code}
    if row.rank is not None:
        out["rank"] = row.rank
    out["why"] = row.why
    return out


CHILDREN = ("initiatives", "recommendations", "groups", "themes", "languages", "coordination")
EDITABLE = (
    "event_name",
    "event_key",
    "event_date",
    "country",
    "region",
    "format",
    "organizer_name",
    "organizer_email",
    "organizer_affiliate",
    "attendees",
    "facilitators",
    "note_takers",
    "participants_total",
    "total_precision",
    "sessions",
    "co_organizers",
    "continues",
    "resources_needed",
    "notes",
)


def replace_report(session: Session, report: Report, data: Mapping[str, Any]) -> None:
    """Give a stored report the content of ``data`` (the API's shape), children included."""
    fresh = build_report(data, status=Status(report.status), written_in=report.written_in)
    for name in CHILDREN:
        getattr(report, name).clear()
    # The old child rows go first: new ones may reuse their (report, code) keys.
    session.flush()
    for name in EDITABLE:
        setattr(report, name, getattr(fresh, name))
    for name in CHILDREN:
        setattr(report, name, list(getattr(fresh, name)))


def add_audit(session: Session, report_id: int, who: str, before: Any, after: Any) -> None:
    session.add(ReportAudit(report_id=report_id, who=who, before=before, after=after))
