"""Storing announcements: one transaction each, idempotent on ``client_id`` like reports, with
a secret edit link whose token is stored hashed.

The edit link is made once, when the announcement is stored, and stays its only one: an
announcement sent again with the same ``client_id`` (a retry, a double click, an API client
whose answer was lost) gets its id and no link, never a new one. A new link would end the
organizer's, and a ``client_id`` is a weaker secret than the link: it sits in the sender's
browser or the API client's records. The edit page does not carry it either. Like reports
(intake/report/service.py): an organizer whose first answer was lost asks the support team.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from components import links
from data.db import Database
from data.events.model import Event
from data.events.write import (
    build_event,
    event_data,
    find_by_client_id,
    find_by_edit_token,
    replace_event,
    results_claim,
)
from data.models import Status
from data.reports.write import bump_version, token_hash
from intake.events.schema import EventIn

EDIT_TEMPLATE = "/<lang>/events/edit/<token>"


def edit_path(lang: str, token: str) -> str:
    return EDIT_TEMPLATE.replace("<lang>", lang).replace("<token>", token)


def edit_url(lang: str, token: str) -> str:
    """The absolute link, on the site's public address (components.links, PUBLIC_URL)."""
    return links.public_url(edit_path(lang, token))


@dataclass(frozen=True)
class Announced:
    id: int
    status: str
    created: bool  # False when the client_id had already been stored
    edit_token: str = ""  # a new announcement's edit-link token; "" when sent again


def _data(event: EventIn) -> dict:
    data = event.model_dump()
    data.update(start_utc=event.start_utc(), end_utc=event.end_utc(), region=event.place_region())
    return data


def announce(db: Database, event: EventIn, *, lang: str, auto_publish: bool) -> Announced:
    client_id = str(event.client_id)
    token = secrets.token_urlsafe(32)
    try:
        with db.session() as session:
            existing = find_by_client_id(session, client_id)
            if existing is not None:
                return _again(existing)
            row = build_event(
                _data(event),
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


def editable_event(db: Database, token: str) -> dict | None:
    """The announcement behind an edit-link token (private fields too, and the code of its
    "report the results" link), or None."""
    with db.session(readonly=True) as session:
        row = find_by_edit_token(session, token)
        if row is None:
            return None
        return {**event_data(row), "results_claim": results_claim(row)}


def amend_event(
    db: Database, token: str, event: EventIn, *, auto_publish: bool
) -> Announced | None:
    """Replace the announcement behind ``token``; without auto-publishing, an edited published
    announcement goes back to review. None when the token is unknown."""
    with db.session() as session:
        row = find_by_edit_token(session, token)
        if row is None:
            return None
        data = _data(event)
        data["client_id"] = row.client_id  # the announcement keeps its identity
        before = event_data(row)
        replace_event(session, row, data)
        session.flush()
        if event_data(row) == before:
            return Announced(row.id, row.status, False, token)
        if not auto_publish and row.status == Status.PUBLISHED:
            row.status = Status.PENDING
        bump_version(session)
        return Announced(row.id, row.status, True, token)
