"""Announcing an event and amending it through its edit link: one transaction each, idempotent
on ``client_id`` like reports, with a secret edit link whose token is stored hashed; each decides
itself whether the announcement publishes on arrival (data.publishing).

The edit link is made once, when the announcement is stored, and stays its only one: an
announcement sent again with the same ``client_id`` (a retry, a double click, an API client
whose answer was lost) gets its id and no link, never a new one. A new link would end the
organizer's, and a ``client_id`` is a weaker secret than the link: it sits in the sender's
browser or the API client's records. The edit page does not carry it either. Like reports: an
organizer whose first answer was lost asks the support team.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError

from data.db import Database
from data.events.model import Event
from data.events.write import (
    build_event,
    event_data,
    find_by_client_id,
    find_by_edit_token,
    replace_event,
)
from data.models import Status
from data.publishing import publishes_on_arrival
from data.reports.write import token_hash
from data.version import bump_version


@dataclass(frozen=True)
class Announced:
    id: int
    status: str
    created: bool  # False when the client_id had already been stored
    edit_token: str = ""  # a new announcement's edit-link token; "" when sent again


def announce(
    db: Database, data: dict[str, Any], *, lang: str, auto_publish: bool | None = None
) -> Announced:
    """Store a validated announcement (its stored fields, ``client_id`` among them).
    ``auto_publish`` None: the stored setting decides (scripts and tests may pin it)."""
    if auto_publish is None:
        auto_publish = publishes_on_arrival(db)
    client_id = str(data["client_id"])
    token = secrets.token_urlsafe(32)
    try:
        with db.session() as session:
            existing = find_by_client_id(session, client_id)
            if existing is not None:
                return _again(existing)
            row = build_event(
                data,
                status=Status.PUBLISHED if auto_publish else Status.PENDING,
                written_in=lang,
            )
            row.edit_token_hash = token_hash(token)
            session.add(row)
            bump_version(session)
            session.flush()
            return Announced(row.id, row.status, True, token)
    except IntegrityError:
        # Another worker stored the same client_id between our check and our insert.
        with db.session() as session:
            existing = find_by_client_id(session, client_id)
            if existing is None:
                raise
            return _again(existing)


def _again(existing: Event) -> Announced:
    # The stored link is never replaced, and what was sent again is not applied: the edit
    # link is how an announcement changes.
    return Announced(existing.id, existing.status, False)


def amend_event(
    db: Database, token: str, data: dict[str, Any], *, auto_publish: bool | None = None
) -> Announced | None:
    """Replace the announcement behind ``token``; without auto-publishing, an edited published
    announcement goes back to review. None when the token is unknown."""
    if auto_publish is None:
        auto_publish = publishes_on_arrival(db)
    with db.session() as session:
        row = find_by_edit_token(session, token)
        if row is None:
            return None
        data = {**data, "client_id": row.client_id}  # the announcement keeps its identity
        before = event_data(row)
        replace_event(session, row, data)
        session.flush()
        if event_data(row) == before:
            return Announced(row.id, row.status, False, token)
        if not auto_publish and row.status == Status.PUBLISHED:
            row.status = Status.PENDING
        bump_version(session)
        return Announced(row.id, row.status, True, token)
