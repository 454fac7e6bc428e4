"""The support team's audit log: one row per action (who, when, what, before and after as JSON),
written in the transaction of the change it records, and the reviewable state of a report that
those rows hold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from data.models import Base, Report, _utcnow
from data.support.accounts import Account


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user_email: Mapped[str] = mapped_column(String(254))  # kept if the user is removed
    action: Mapped[str] = mapped_column(String(32))
    report_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)


def log(session, who: Account, action: str, report_id, before=None, after=None) -> None:
    session.add(
        AuditLog(
            user_id=who.id,
            user_email=who.email,
            action=action,
            report_id=report_id,
            before=before,
            after=after,
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    user: str
    action: str
    report_id: int | None
    before: Any
    after: Any


def audit_entries(session: Session, limit: int = 500) -> list[AuditEntry]:
    rows = session.execute(
        select(AuditLog).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)
    ).scalars()
    return [AuditEntry(r.at, r.user_email, r.action, r.report_id, r.before, r.after) for r in rows]


CORRECTABLE = (
    "event_name",
    "country",
    "region",
    "format",
    "participants_total",
    "total_precision",
)


def snapshot(report: Report) -> dict[str, Any]:
    """The reviewable state of a report, for the audit log."""
    return {
        "status": report.status,
        "status_reason": report.status_reason,
        "duplicate_of": report.duplicate_of,
        **{name: getattr(report, name) for name in CORRECTABLE},
        "groups": {
            g.group_code: g.count for g in sorted(report.groups, key=lambda g: g.group_code)
        },
    }
