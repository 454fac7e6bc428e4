"""Storing a contribution: one transaction (the contribution, its picks, the data-version bump),
idempotent on ``client_id``, shared by the form and the API; it decides itself whether the
contribution publishes on arrival (data.publishing)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.exc import IntegrityError

from data.contributions import model as contributions
from data.contributions.model import Stored
from data.db import Database
from data.models import Status
from data.publishing import publishes_on_arrival


def submit(
    db: Database, data: Mapping[str, Any], *, lang: str, auto_publish: bool | None = None
) -> Stored:
    """Store validated picks (the API's shape). ``auto_publish`` None: the stored setting
    decides (scripts and tests may pin it)."""
    if auto_publish is None:
        auto_publish = publishes_on_arrival(db)
    status = Status.PUBLISHED if auto_publish else Status.PENDING
    try:
        with db.session() as session:
            return contributions.add(session, data, status=status, written_in=lang)
    except IntegrityError:
        # Another worker stored the same client_id between our check and our insert.
        with db.session() as session:
            existing = contributions.find_by_client_id(session, str(data["client_id"]))
            if existing is None:
                raise
            return Stored(existing.id, existing.status, False)
