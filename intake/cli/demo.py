"""Store and remove the demo announcements and contributions
(data/demo/events_and_contributions.py) that go with
the demo reports: validated like real ones (a failure is the generator's bug: it fails loudly),
flagged ``is_demo``, idempotent on ``client_id``. ``flask init-db`` and ``flask demo-data
load|remove`` call these next to the demo reports' own loading and removal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from data.contributions import model as contributions
from data.contributions.model import (
    Contribution,
    ContributionInitiative,
    ContributionRecommendation,
)
from data.demo import events_and_contributions as demo_extras
from data.demo import reports as demo
from data.events.model import Event, EventLanguage
from data.events.write import build_event
from data.models import Report
from data.version import bump_version
from intake.contribute.model import validate as validate_contribution
from intake.events.schema import EventIn


class DemoDataError(RuntimeError):
    """A generated row the intake refuses: the generator is wrong, not the data."""


@dataclass(frozen=True)
class Loaded:
    events: int
    contributions: int


def _events(session: Session, n: int, seed: int, today: dt.date) -> int:
    known = set(session.scalars(select(Event.client_id).where(Event.is_demo.is_(True))))
    report_ids = dict(
        session.execute(select(Report.client_id, Report.id).where(Report.is_demo.is_(True))).all()
    )
    added = 0
    for item in demo_extras.generate_events(demo.generate(n, seed), seed, today):
        if item["event"]["client_id"] in known:
            continue
        try:
            found = EventIn.model_validate(item["event"], context={"today": today})
        except ValueError as exc:
            raise DemoDataError(f"demo event invalid: {exc}") from exc
        row = build_event(found.stored(), status=item["status"], written_in="en")
        row.is_demo = True
        # Linked only when that demo report is stored (it may have been removed on its own).
        row.report_id = report_ids.get(item["report"])
        session.add(row)
        added += 1
    return added


def _contributions(session: Session, seed: int) -> int:
    known = set(
        session.scalars(select(Contribution.client_id).where(Contribution.is_demo.is_(True)))
    )
    added = 0
    for item in demo_extras.generate_contributions(seed):
        if item["contribution"]["client_id"] in known:
            continue
        found, errors = validate_contribution(item["contribution"])
        if errors:
            raise DemoDataError(f"demo contribution invalid: {errors}")
        row = contributions.build(
            found.model_dump(), status=item["status"], written_in=item["written_in"]
        )
        row.is_demo = True
        row.created_at = item["created_at"]
        session.add(row)
        added += 1
    return added


def load_extras(db, n: int = 300, seed: int = 2020, today: dt.date | None = None) -> Loaded:
    """Store the demo events (linked to the demo reports of ``n`` and ``seed``, already stored)
    and contributions, in one transaction; returns how many were new."""
    today = today or dt.date.today()
    with db.session() as session:
        loaded = Loaded(_events(session, n, seed, today), _contributions(session, seed))
        if loaded.events or loaded.contributions:
            bump_version(session)
    return loaded


def delete_extras(session: Session) -> Loaded:
    """Remove every demo event and contribution (real ones untouched), in the caller's
    transaction; returns how many went."""
    events = select(Event.id).where(Event.is_demo.is_(True))
    picks = select(Contribution.id).where(Contribution.is_demo.is_(True))
    gone = Loaded(len(session.scalars(events).all()), len(session.scalars(picks).all()))
    # Child rows first: SQLite enforces the foreign keys, and bulk deletes skip the ORM cascade.
    session.execute(delete(EventLanguage).where(EventLanguage.event_id.in_(events)))
    session.execute(delete(Event).where(Event.is_demo.is_(True)))
    for child in (ContributionInitiative, ContributionRecommendation):
        session.execute(delete(child).where(child.contribution_id.in_(picks)))
    session.execute(delete(Contribution).where(Contribution.is_demo.is_(True)))
    if gone.events or gone.contributions:
        bump_version(session)
    return gone
