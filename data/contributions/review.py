"""The support team's decisions on individual contributions: the queue they read (pending
first) and publish / reject with a reason, each decision audited in the same transaction as the
change. The API (dashboard/contributions/review_api.py) and the review screen both go through
here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from data.contributions.model import Contribution, decide
from data.events.model import utc
from data.models import Status
from data.support.accounts import Account
from data.support.audit import log
from data.text_policy import TextRefused, check

DECISIONS = {"publish": Status.PUBLISHED, "reject": Status.REJECTED}


class ContributionReviewError(ValueError):
    """A decision that cannot apply (unknown decision, rejection without a reason)."""


@dataclass(frozen=True)
class Pick:
    code: str
    why: str


@dataclass(frozen=True)
class QueuedContribution:
    id: int
    community: str
    written_in: str
    status: str
    status_reason: str
    created_at: dt.datetime  # aware, UTC
    initiatives: tuple[Pick, ...]
    recommendations: tuple[Pick, ...]


def review_queue(session: Session, status: str | None = None, limit: int = 200) -> list:
    """Contributions for the support team, pending first, then oldest first."""
    query = select(Contribution)
    if status:
        query = query.where(Contribution.status == status)
    pending_first = (Contribution.status != Status.PENDING).label("later")
    rows = session.scalars(query.order_by(pending_first, Contribution.id).limit(limit)).all()
    return [
        QueuedContribution(
            id=r.id,
            community=r.community,
            written_in=r.written_in,
            status=r.status,
            status_reason=r.status_reason,
            created_at=utc(r.created_at),
            initiatives=tuple(Pick(p.code, p.why) for p in r.initiatives),
            recommendations=tuple(Pick(p.code, p.why) for p in r.recommendations),
        )
        for r in rows
    ]


def decide_logged(
    session: Session, ids: list[int], decision: str, who: Account, reason: str = ""
) -> list[int]:
    """Apply ``decision`` ("publish" | "reject") to the pending ones among ``ids`` and write
    one audit row each; returns the ids that moved. A rejection needs a reason from the
    screen; the API may send none (it predates the screen), so the check is the caller's."""
    if decision not in DECISIONS:
        raise ContributionReviewError(f"unknown decision {decision!r}")
    status = DECISIONS[decision]
    try:
        text = reason.strip() if isinstance(reason, str) else ""
        reason = check(text, multiline=True) if status == Status.REJECTED else ""
    except TextRefused as refused:
        raise ContributionReviewError(str(refused)) from None
    moved = decide(session, ids, status, reason)
    for contribution_id in moved:
        before = {"contribution": contribution_id, "status": Status.PENDING}
        after = {"contribution": contribution_id, "status": status}
        if reason:
            after["status_reason"] = reason
        # The report column stays empty: the contribution's number is in before/after.
        log(session, who, f"contribution_{decision}", None, before, after)
    return moved
