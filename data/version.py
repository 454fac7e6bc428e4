"""The data version: one row every writer bumps last, in its own transaction; the cheap read
that keys the cached aggregates (data.cache)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from data.models import DataVersion


def bump_version(session: Session) -> None:
    """Move the data version; atomic on both backends (no read-modify-write). Writers call it
    last: every writer locks this one row until it commits."""
    session.flush()  # pending ORM changes go first, not after it at commit
    session.connection().execute(  # Core: the ORM's bulk UPDATE path costs more than the SQL
        update(DataVersion.__table__)
        .where(DataVersion.__table__.c.id == 1)
        .values(
            version=DataVersion.__table__.c.version + 1,
            updated_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
    )


def current_version(session: Session) -> int:
    return session.scalar(select(DataVersion.version).where(DataVersion.id == 1)) or 0
