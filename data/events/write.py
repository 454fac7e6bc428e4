"""Writing announced events: rows from validated announcements, the organizer's edit token, the
support team's review (each action with its audit row and the data-version bump), and the link
from an event to the report of its results."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from data.events.model import Event, EventLanguage, utc
from data.models import Status
from data.reports.write import token_hash
from data.support.accounts import Account
from data.support.audit import log
from data.text_policy import TextRefused, check
from data.version import bump_version

# Fields the organizer's edit link may change (status, token and report link are not theirs).
EDITABLE = (
    "name",
    "start_utc",
    "end_utc",
    "timezone",
    "country",
    "region",
    "format",
    "join_url",
    "venue",
    "address",
    "audience",
    "accessibility",
    "organizer_name",
    "organizer_email",
)


def _naive_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def build_event(data: dict[str, Any], *, status: str, written_in: str) -> Event:
    """An unsaved event from ``EventIn`` values (``start_utc``/``end_utc`` already converted)."""
    return Event(
        client_id=str(data["client_id"]),
        name=data["name"],
        start_utc=_naive_utc(data["start_utc"]),
        end_utc=_naive_utc(data["end_utc"]),
        timezone=data["timezone"],
        country=data.get("country"),
        region=data["region"],
        format=data["format"],
        join_url=data.get("join_url") or "",
        venue=data.get("venue") or "",
        address=data.get("address") or "",
        audience=data.get("audience") or "",
        accessibility=data.get("accessibility") or "",
        organizer_name=data["organizer"]["name"],
        organizer_email=data["organizer"]["email"],
        written_in=written_in,
        status=status,
        status_reason="",
        languages=[EventLanguage(language_code=c) for c in data.get("languages") or []],
    )


def event_data(event: Event) -> dict[str, Any]:
    """Everything about an event (private fields too): the edit form and the audit log."""
    return {
        "id": event.id,
        "client_id": event.client_id,
        "name": event.name,
        "start_utc": utc(event.start_utc),
        "end_utc": utc(event.end_utc),
        "timezone": event.timezone,
        "country": event.country,
        "region": event.region,
        "format": event.format,
        "languages": sorted(lang.language_code for lang in event.languages),
        "join_url": event.join_url,
        "venue": event.venue,
        "address": event.address,
        "audience": event.audience,
        "accessibility": event.accessibility,
        "organizer": {"name": event.organizer_name, "email": event.organizer_email},
        "status": event.status,
        "status_reason": event.status_reason,
        "report_id": event.report_id,
    }


def replace_event(session: Session, event: Event, data: dict[str, Any]) -> None:
    fresh = build_event(data, status=event.status, written_in=event.written_in)
    event.languages.clear()
    session.flush()  # the old language rows go first: the new ones may reuse their keys
    for name in EDITABLE:
        setattr(event, name, getattr(fresh, name))
    event.languages = list(fresh.languages)


def find_by_client_id(session: Session, client_id: str) -> Event | None:
    return session.scalar(select(Event).where(Event.client_id == client_id))


def find_by_edit_token(session: Session, token: str) -> Event | None:
    if not token:
        return None
    return session.scalar(select(Event).where(Event.edit_token_hash == token_hash(token)))


MAX_ID = 2**31 - 1  # PostgreSQL's integer: a larger number in a link is no event, not a 500


def results_claim(event: Event) -> str | None:
    """The code of the event's own "report the results" link (``<id>-<code>``), shown on the
    organizer's edit page only; None for an event without an edit link.

    Keyed with the stored hash of the edit token, which only the server knows: the code cannot
    be worked out from anything public, and it lets its holder claim the results slot, nothing
    more (it never opens the edit page)."""
    if not event.edit_token_hash:
        return None
    code = hmac.new(event.edit_token_hash.encode(), f"results:{event.id}".encode(), hashlib.sha256)
    return f"{event.id}-{code.hexdigest()[:32]}"


def claimed_event(session: Session, claim: object) -> Event | None:
    """The event a results claim (``results_claim``) names, if the code is right."""
    event_id, _dash, code = str(claim or "").partition("-")
    if not (event_id.isascii() and event_id.isdigit() and code) or int(event_id) > MAX_ID:
        return None
    event = session.get(Event, int(event_id))
    expected = results_claim(event) if event is not None else None
    sent = str(claim).encode("utf-8", "replace")
    if expected is None or not hmac.compare_digest(expected.encode(), sent):
        return None
    return event


def link_report(session: Session, claim: object, report_id: int) -> bool:
    """Record ``report_id`` as the results of an event; called in the report's own
    transaction. True when linked.

    The rule: an event has one results slot, and only its organizer fills it. A report is
    linked when ``claim`` is the event's own results code (``results_claim``, from the
    "report the results" link of the organizer's edit page), the event is published, and it
    has no report yet. A bare event id, which the public list's "report the results" link
    carries to prefill the form, links nothing: the report is stored like any other, and a
    stranger cannot take the slot the organizer will use. The first valid claim wins; later
    ones are stored unlinked."""
    if claim is None or isinstance(claim, int):
        return False
    event = claimed_event(session, claim)
    if event is None:
        return False
    session.refresh(event, with_for_update=True)  # two reports at once: one of them links
    if event.status != Status.PUBLISHED or event.report_id is not None:
        return False
    event.report_id = report_id
    return True


# Review -----------------------------------------------------------------------------------


class EventReviewError(ValueError):
    """An action that cannot apply (unknown event, no reason)."""


def _snapshot(event: Event) -> dict[str, Any]:
    return {"event": event.id, "status": event.status, "status_reason": event.status_reason}


def _decide(db, event_id: int, who: Account, action: str, status: str, reason: str) -> None:
    with db.session() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise EventReviewError(f"event {event_id} not found")
        before = _snapshot(event)
        event.status, event.status_reason = status, reason
        session.flush()
        # The audit log's report column stays empty: the event's number is in before/after.
        log(session, who, action, None, before, _snapshot(event))
        bump_version(session)


def publish_event(db, event_id: int, who: Account) -> None:
    _decide(db, event_id, who, "event_publish", Status.PUBLISHED, "")


def reject_event(db, event_id: int, reason: str, who: Account) -> None:
    try:
        reason = check(reason.strip(), multiline=True) if isinstance(reason, str) else ""
    except TextRefused as refused:
        raise EventReviewError(str(refused)) from None
    if not reason:
        raise EventReviewError("a reason is required")
    _decide(db, event_id, who, "event_reject", Status.REJECTED, reason)


@dataclass(frozen=True)
class QueuedEvent:
    id: int
    name: str
    start_utc: dt.datetime
    timezone: str
    country: str | None
    region: str
    format: str
    join_url: str
    organizer_name: str
    organizer_email: str
    status: str
    status_reason: str
    venue: str = ""
    address: str = ""


def review_queue(session: Session, status: str | None = None, limit: int = 200) -> list:
    """Events for the support team (contact included), pending first, then by start."""
    query = select(Event)
    if status:
        query = query.where(Event.status == status)
    pending_first = (Event.status != Status.PENDING).label("later")
    rows = session.scalars(query.order_by(pending_first, Event.start_utc).limit(limit)).all()
    return [
        QueuedEvent(
            r.id,
            r.name,
            utc(r.start_utc),
            r.timezone,
            r.country,
            r.region,
            r.format,
            r.join_url,
            r.organizer_name,
            r.organizer_email,
            r.status,
            r.status_reason,
            r.venue,
            r.address,
        )
        for r in rows
    ]
