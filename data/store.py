"""Writes: a report and its child rows, and the data-version bump, in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from data.models import (
    DataVersion,
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


def bump_version(session: Session) -> None:
    """Move the data version; atomic on both backends (no read-modify-write)."""
    session.execute(
        update(DataVersion)
        .where(DataVersion.id == 1)
        .values(
            version=DataVersion.version + 1, updated_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)
        )
    )


def current_version(session: Session) -> int:
    return session.scalar(select(DataVersion.version).where(DataVersion.id == 1)) or 0


def find_by_client_id(session: Session, client_id: str) -> Report | None:
    return session.scalar(select(Report).where(Report.client_id == client_id))


def build_report(
    data: Mapping[str, Any], *, status: Status, written_in: str, is_demo: bool = False
) -> Report:
    """An unsaved Report (with children) from a validated report dict (the API's shape)."""
    organizer = data["organizer"]
    participants = data["participants"]
    country = data.get("country")
    report = Report(
        client_id=str(data["client_id"]),
        event_name=data["event_name"],
        event_date=data["event_date"],
        country=country,
        region=data.get("region") or reference().region_of(country),
        format=data["format"],
        organizer_name=organizer["name"],
        organizer_email=organizer["email"],
        organizer_affiliate=organizer.get("affiliate") or "",
        attendees=data.get("attendees") or "",
        facilitators=data.get("facilitators") or "",
        note_takers=data.get("note_takers") or "",
        participants_total=participants["total"],
        resources_needed=data.get("resources_needed") or "",
        notes=data.get("notes") or "",
        written_in=written_in,
        status=status,
        is_demo=is_demo,
    )
    report.initiatives = [
        ReportInitiative(rank=rank, code=p["code"], why=p.get("why") or "")
        for rank, p in enumerate(data["priorities"], start=1)
    ]
    report.recommendations = [
        ReportRecommendation(rank=rank, code=r["code"], why=r.get("why") or "")
        for rank, r in enumerate(data.get("recommendations") or [], start=1)
    ]
    report.groups = [
        ReportGroup(group_code=code, count=count)
        for code, count in participants.items()
        if code != "total" and count is not None
    ]
    report.themes = [ReportTheme(theme_code=t) for t in data.get("themes") or []]
    report.languages = [ReportLanguage(language_code=c) for c in data.get("languages") or []]
    report.coordination = [
        ReportCoordination(initiative_code=c) for c in data.get("global_coordination") or []
    ]
    return report


def delete_demo(session: Session) -> int:
    """Remove every demo report; returns how many went."""
    ids = list(session.scalars(select(Report.id).where(Report.is_demo.is_(True))))
    if ids:
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
