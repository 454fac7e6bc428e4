"""Whether what arrives (reports, announcements, contributions) is published at once: the
support team's switch stored in the database, else the app's ``AUTO_PUBLISH`` setting. Each
write use case reads it itself; its callers never pass it down. A report that may repeat an
earlier one waits for a reviewer whatever the switch says (``arrival_status``)."""

from __future__ import annotations

from flask import current_app

from data.db import Database
from data.models import Status
from data.support import settings


def publishes_on_arrival(db: Database) -> bool:
    return settings.auto_publish(db, current_app.config["AUTO_PUBLISH"])


def arrival_status(publishes: bool, possible_duplicate_of: int | None) -> Status:
    """A report's status as it arrives: published when the switch says so, unless it looks like
    an earlier report of the same event (``data.reports.duplicates.same_event``): that one
    waits for a reviewer, who sees the two side by side, so an event is never counted twice
    unseen."""
    if publishes and possible_duplicate_of is None:
        return Status.PUBLISHED
    return Status.PENDING
