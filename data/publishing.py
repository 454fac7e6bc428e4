"""Whether what arrives (reports, announcements, contributions) is published at once: the
support team's switch stored in the database, else the app's ``AUTO_PUBLISH`` setting. Each
write use case reads it itself; its callers never pass it down."""

from __future__ import annotations

from flask import current_app

from data.db import Database
from data.support import settings


def publishes_on_arrival(db: Database) -> bool:
    return settings.auto_publish(db, current_app.config["AUTO_PUBLISH"])
