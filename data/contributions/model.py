"""Individual contributions: one person's picks (up to 5 initiatives and 3 recommendations, each
with a reason), stored apart from the events' reports so that they are never counted as events.

No personal data is asked or stored: an optional community name, the interface language and
the picks. Review follows the reports' auto-publish setting; public views read ``published``
ones only. Every write bumps the data version in the same transaction, so open dashboards
refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from data.models import Base, Status, _utcnow
from data.version import bump_version

MAX_INITIATIVES = 5
MAX_RECOMMENDATIONS = 3


class Contribution(Base):
    """One individual's contribution; never a report, never counted as an event."""

    __tablename__ = "contributions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Made by the client when the form opens: a retried submission finds the first row.
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    community: Mapped[str] = mapped_column(String(200), default="")
    written_in: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(12), index=True, default=Status.PENDING)
    # Why the support team rejected it (empty otherwise).
    status_reason: Mapped[str] = mapped_column(Text, default="")
    # Synthetic rows of `make run`'s demo dataset: `flask demo-data remove` deletes them.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, index=True)

    initiatives: Mapped[list[ContributionInitiative]] = relationship(
        cascade="all, delete-orphan", order_by="ContributionInitiative.position"
    )
    recommendations: Mapped[list[ContributionRecommendation]] = relationship(
        cascade="all, delete-orphan", order_by="ContributionRecommendation.position"
    )


class _Pick:
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), primary_key=True, sort_order=-1
    )
    # The order the person gave; counts treat every pick alike (no Borda points for one voice).
    position: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    code: Mapped[str] = mapped_column(String(3), index=True)
    why: Mapped[str] = mapped_column(Text, default="")


class ContributionInitiative(_Pick, Base):
    __tablename__ = "contribution_initiatives"
    __table_args__ = (UniqueConstraint("contribution_id", "code"),)


class ContributionRecommendation(_Pick, Base):
    __tablename__ = "contribution_recommendations"
    __table_args__ = (UniqueConstraint("contribution_id", "code"),)


@dataclass(frozen=True)
class Stored:
    id: int
    status: str
    created: bool  # False when the client_id had already been stored


@dataclass(frozen=True)
class Counts:
    """Published contributions: how many, and how often each code was picked (with a reason)."""

    contributions: int = 0
    communities: int = 0
    initiatives: dict[str, int] = field(default_factory=dict)
    recommendations: dict[str, int] = field(default_factory=dict)
    initiative_reasons: dict[str, int] = field(default_factory=dict)


def find_by_client_id(session: Session, client_id: str) -> Contribution | None:
    return session.scalar(select(Contribution).where(Contribution.client_id == client_id))


def build(data: Mapping[str, Any], *, status: str, written_in: str) -> Contribution:
    """An unsaved contribution from validated data (the API's shape)."""
    row = Contribution(
        client_id=str(data["client_id"]),
        community=(data.get("community") or "").strip(),
        written_in=written_in,
        status=status,
    )
    row.initiatives = [
        ContributionInitiative(position=n, code=p["code"], why=p.get("why") or "")
        for n, p in enumerate(data.get("initiatives") or [], start=1)
    ]
    row.recommendations = [
        ContributionRecommendation(position=n, code=p["code"], why=p.get("why") or "")
        for n, p in enumerate(data.get("recommendations") or [], start=1)
    ]
    return row


def add(session: Session, data: Mapping[str, Any], *, status: str, written_in: str) -> Stored:
    """Store one contribution and bump the data version, in the caller's transaction;
    idempotent on ``client_id`` (the first one is returned)."""
    existing = find_by_client_id(session, str(data["client_id"]))
    if existing is not None:
        return Stored(existing.id, existing.status, False)
    row = build(data, status=status, written_in=written_in)
    session.add(row)
    bump_version(session)
    session.flush()
    return Stored(row.id, row.status, True)


def decide(
    session: Session, ids: list[int], status: str = Status.PUBLISHED, reason: str = ""
) -> list[int]:
    """Publish (or reject, with ``reason``) pending contributions, the support team's
    decision; returns the ids that moved. The data version moves with them, so open dashboards
    refresh."""
    if not ids:
        return []
    moved = list(
        session.scalars(
            select(Contribution.id).where(
                Contribution.id.in_(ids), Contribution.status == Status.PENDING
            )
        )
    )
    if moved:
        session.execute(
            update(Contribution)
            .where(Contribution.id.in_(moved))
            .values(status=status, status_reason=reason)
        )
        bump_version(session)
    return moved


def publish(session: Session, ids: list[int]) -> int:
    return len(decide(session, ids, Status.PUBLISHED))


def waiting(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    """Pending contributions, oldest first, as plain dicts (for the support team)."""
    rows = session.scalars(
        select(Contribution)
        .where(Contribution.status == Status.PENDING)
        .order_by(Contribution.id)
        .limit(limit)
    )
    return [
        {
            "id": c.id,
            "community": c.community,
            "written_in": c.written_in,
            "created_at": c.created_at.isoformat() + "Z",
            "initiatives": [{"code": p.code, "why": p.why} for p in c.initiatives],
            "recommendations": [{"code": p.code, "why": p.why} for p in c.recommendations],
        }
        for c in rows
    ]


def pending(session: Session) -> int:
    q = select(func.count(Contribution.id)).where(Contribution.status == Status.PENDING)
    return session.scalar(q) or 0


def counts(session: Session) -> Counts:
    """Aggregates of the published contributions only, computed in SQL."""
    published = select(Contribution.id).where(Contribution.status == Status.PUBLISHED)
    total, communities = session.execute(
        select(
            func.count(Contribution.id),
            func.count(func.distinct(func.nullif(func.lower(Contribution.community), ""))),
        ).where(Contribution.status == Status.PUBLISHED)
    ).one()
    if not total:
        return Counts()

    def by_code(model, with_reason: bool = False) -> dict[str, int]:
        q = select(model.code, func.count()).where(model.contribution_id.in_(published))
        if with_reason:
            q = q.where(func.length(func.trim(model.why)) > 0)
        rows = session.execute(q.group_by(model.code).order_by(model.code))
        return {code: int(n) for code, n in rows}

    return Counts(
        contributions=int(total),
        communities=int(communities),
        initiatives=by_code(ContributionInitiative),
        recommendations=by_code(ContributionRecommendation),
        initiative_reasons=by_code(ContributionInitiative, with_reason=True),
    )


def cached_counts(db, version: int | None = None) -> tuple[int, Counts]:
    """``counts`` at the current data version, computed once per version (all workers)."""
    # Imported here: the migrations import these models and need none of the cache's imports.
    from data.cache import memoized

    return memoized(db, "contributions", counts, version)
