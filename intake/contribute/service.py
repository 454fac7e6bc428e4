"""Storing a contribution: one transaction (the contribution, its picks, the data-version bump),
idempotent on ``client_id``, shared by the form and the API; and its rate limit."""

from __future__ import annotations

from flask import current_app
from sqlalchemy.exc import IntegrityError

from data.contributions import model as contributions
from data.contributions.model import Stored
from data.db import Database
from data.limits import limiter
from data.models import Status
from intake.contribute.model import ContributionIn

RATE_SCOPE = "contribution-submission"


def contribution_limit():
    """Contributions per client address (form and API together): the reports' setting,
    ``SUBMIT_RATE_LIMIT``, counted apart from reports so one kind never blocks the other."""
    return limiter.shared_limit(lambda: current_app.config["SUBMIT_RATE_LIMIT"], scope=RATE_SCOPE)


def submit(db: Database, found: ContributionIn, *, lang: str, auto_publish: bool) -> Stored:
    status = Status.PUBLISHED if auto_publish else Status.PENDING
    data = found.model_dump()
    try:
        with db.session() as session:
            return contributions.add(session, data, status=status, written_in=lang)
    except IntegrityError:
        # Another worker stored the same client_id between our check and our insert.
        with db.session() as session:
            existing = contributions.find_by_client_id(session, str(found.client_id))
            if existing is None:
                raise
            return Stored(existing.id, existing.status, False)
