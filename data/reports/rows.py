"""A validated report (the API's JSON shape) as table rows, and back: the one mapping behind
building, inserting, replacing and showing a report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from data.models import (
    Report,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
    Status,
)
from data.reference import reference
from data.reports.duplicates import event_key
from data.scoring import INITIATIVE_TOTAL, RECOMMENDATION_TOTAL, milli_points


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
