"""Stored reports by their identities (client_id, edit-link token), the organizers' audit
rows, and the removal of the demo reports."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from data.aggregates import keep as aggregates_keep
from data.events.model import Event
from data.models import (
    Report,
    ReportAudit,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
)
from data.support.audit import AuditLog, snapshot
from data.version import bump_version


def find_by_client_id(session: Session, client_id: str) -> Report | None:
    # The id first (Core, no ORM object for the usual answer: none), the report only if found.
    found = session.connection().scalar(select(Report.id).where(Report.client_id == client_id))
    return None if found is None else session.get(Report, found)


def token_hash(token: str) -> str:
    """What is stored of an edit-link token (a 32-byte random token needs no slow hash)."""
    return hashlib.sha256(token.encode()).hexdigest()


def find_by_edit_token(session: Session, token: str) -> Report | None:
    if not token:
        return None
    return session.scalar(select(Report).where(Report.edit_token_hash == token_hash(token)))


def add_audit(session: Session, report_id: int, who: str, before: Any, after: Any) -> None:
    session.add(ReportAudit(report_id=report_id, who=who, before=before, after=after))


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
