"""Choices that a change of the official initiative list left without a counterpart.

When the list changes (migration 0011 moved the stored codes to the official 2020 list), a
stored choice whose initiative has no counterpart in the new list cannot keep its code: that
code now names another initiative. It moves here, with the title it was chosen under, so that
nothing is lost and nothing changes meaning silently. The reports it touched carry an audit row
(``ACTION``); the review queue lists them and the report shows its retired choices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    Select,
    SmallInteger,
    String,
    Text,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

import data.contributions.model  # noqa: F401  (the foreign key's table, in the same metadata)
from data.models import Base, _utcnow
from data.support.audit import AuditLog

ACTION = "initiative_list_changed"
LIST_2020 = "2020-official"
KINDS = ("initiative", "coordination", "contribution", "plan")


class RetiredChoice(Base):
    """One stored choice of an initiative that the current list no longer has.

    ``kind``: a report's ranked priority (``initiative``, with its ``rank`` and ``why``), a
    report's focus of global coordination (``coordination``), an individual contribution's pick
    (``contribution``, ``rank`` = its position) or an item of the support team's draft plan
    (``plan``: ``why`` holds its note, ``kept`` its owner and last editor)."""

    __tablename__ = "retired_choices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    contribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(3))  # the code in the list it was chosen from
    title: Mapped[str] = mapped_column(Text)  # the title it was chosen under
    rank: Mapped[int | None] = mapped_column(SmallInteger)
    why: Mapped[str] = mapped_column(Text, default="")
    kept: Mapped[Any] = mapped_column(JSON, nullable=True)
    list_version: Mapped[str] = mapped_column(String(32))  # the list that has no counterpart
    retired_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)


@dataclass(frozen=True)
class Retired:
    kind: str
    code: str
    title: str
    rank: int | None
    why: str
    list_version: str


def touched_reports() -> Select:
    """The ids of the reports a list change touched (remapped codes or retired choices), as a
    subquery for ``data.support.review.queue(within=…)``."""
    return select(AuditLog.report_id).where(
        AuditLog.action == ACTION, AuditLog.report_id.is_not(None)
    )


def retired_of(session: Session, report_id: int) -> list[Retired]:
    """A report's retired choices: its priorities by rank, then its coordination choices."""
    rows = session.scalars(
        select(RetiredChoice)
        .where(RetiredChoice.report_id == report_id)
        .order_by(RetiredChoice.kind.desc(), RetiredChoice.rank, RetiredChoice.code)
    )
    return [Retired(r.kind, r.code, r.title, r.rank, r.why, r.list_version) for r in rows]


def with_retired(session: Session, report_ids: list[int]) -> set[int]:
    """Those of these reports that hold a retired choice (flagged in the queue)."""
    if not report_ids:
        return set()
    found = session.scalars(
        select(RetiredChoice.report_id).where(RetiredChoice.report_id.in_(report_ids)).distinct()
    )
    return set(found)
