"""The report use cases shared by the form, the API and the importer: store a new report, amend
one through its edit link, read one for its edit form. Each is one transaction that decides
auto-publishing, writes the report and its children, the aggregates, the audit row and the
data-version bump, or nothing.

Idempotent on ``client_id``: a retry or a double click returns the first report. A report that
looks like one already stored (same event) is stored too, flagged as a possible duplicate.

A new report gets a secret edit link. Only its hash is stored, and it stays the report's one
link: a retry (same ``client_id``) gets the report's id and no link, never a new one, since a new
link would end the first one and a ``client_id`` is a weaker secret than the link (it sits in
the sender's browser). An organizer whose first answer was lost is told so and asks the support
team for the link (the retry's confirmation says it). Possible duplicates are flagged for the
reviewers whatever their status; the submitter is told only of a published earlier report.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from data.aggregates import keep as aggregates_keep
from data.aggregates import write as aggregates_write
from data.db import Database
from data.events.write import link_report
from data.models import Report, Status
from data.publishing import arrival_status, publishes_on_arrival
from data.reports.duplicates import Earlier, earlier_report, lock_event_key
from data.reports.rows import insert_report, replace_report, report_data, report_rows
from data.reports.schema import ReportIn
from data.reports.write import add_audit, find_by_client_id, find_by_edit_token, token_hash
from data.version import bump_version

EDITED_BY = "organizer (edit link)"
RESENT_BY = "organizer (sent again with changes)"


class Refused(Exception):
    """A report that validation alone cannot judge (it needs the stored reports): one message
    per field of the API's JSON, in the current locale. Nothing was stored."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


def check_continues(session, continues: int | None, own_id: int | None = None) -> None:
    """``continues`` must name another stored report that is not rejected or a duplicate: a
    wrong number would quietly take that event and its participants out of every total."""
    if continues is None:
        return
    status = session.connection().scalar(select(Report.status).where(Report.id == continues))
    if status is None or continues == own_id or status in (Status.REJECTED, Status.DUPLICATE):
        raise Refused(
            {
                "continues": _(
                    "Enter the number of an earlier report of the same discussion (not this one)."
                )
            }
        )


@dataclass(frozen=True)
class Submitted:
    id: int
    status: str
    created: bool  # False when the client_id had already been stored
    edit_token: str = ""  # a new report's edit-link token; "" for a retry (no new link)
    possible_duplicate_of: Earlier | None = None
    # Sent again with other content (an answer lost, then the draft edited and sent): the
    # stored report took the changes, audited as an edit.
    amended: bool = False


@dataclass(frozen=True)
class Amended:
    id: int
    status: str
    changed: bool
    possible_duplicate_of: Earlier | None = None


def store_report(
    db: Database,
    report: ReportIn,
    *,
    lang: str,
    event_id: int | None = None,
    auto_publish: bool | None = None,
) -> Submitted:
    """Store ``report``; ``event_id``: the announced event whose results it is (linked in the
    same transaction, data.events.write.link_report). ``auto_publish`` overrides the stored
    setting (``data.publishing``), for tests and benchmarks."""
    client_id = str(report.client_id)
    token = secrets.token_urlsafe(32)
    publish = publishes_on_arrival(db) if auto_publish is None else auto_publish
    # Everything that needs no database first, outside the transaction: the rows, and what they
    # add to the aggregate tables (worked out from memory, not read back).
    row, children = report_rows(
        report.model_dump(),
        status=Status.PUBLISHED if publish else Status.PENDING,
        written_in=lang,
    )
    row["edit_token_hash"] = token_hash(token)
    counted = aggregates_write.prepare(
        aggregates_keep.of_new(row, children), db.engine.dialect.name
    )
    try:
        with db.session() as session:
            existing = find_by_client_id(session, client_id)
            if existing is not None:
                return _again(session, existing, report, publish)
            check_continues(session, row["continues"])
            lock_event_key(session, row["event_key"])
            earlier = earlier_report(session, row)
            row["possible_duplicate_of"] = earlier.id if earlier else None
            status = arrival_status(publish, row["possible_duplicate_of"])
            if status != row["status"]:  # a possible duplicate waits: it adds nothing yet
                row["status"] = status
                counted = aggregates_write.prepare(
                    aggregates_keep.of_new(row, children), db.engine.dialect.name
                )
            report_id = insert_report(session, row, children)
            link_report(session, event_id, report_id)
            session.flush()
            # Last, and short: the hot rows (aggregates, data version) stay locked until commit.
            aggregates_write.apply(session, counted)
            bump_version(session)
            named = _named(session, row, earlier, report_id)
            return Submitted(report_id, row["status"], True, token, named)
    except IntegrityError:
        # Another worker stored the same client_id between our check and our insert.
        with db.session() as session:
            existing = find_by_client_id(session, client_id)
            if existing is None:
                raise
            return _again(session, existing, report, publish)


def _again(session, existing: Report, report: ReportIn, auto_publish: bool) -> Submitted:
    """The answer to a client_id already stored: the first report, and no edit link (its
    first link keeps working). When the content differs (the first answer was lost and the
    organizer changed the draft before sending it again), the report takes the changes,
    audited like an edit through the link: what the organizer last sent is never silently
    dropped."""
    if _same_content(existing, report):
        return Submitted(existing.id, existing.status, False, "", _flagged(session, existing))
    changed = _apply(session, existing, report, auto_publish=auto_publish, who=RESENT_BY)
    return Submitted(
        existing.id, changed.status, False, "", changed.possible_duplicate_of, amended=True
    )


def _same_content(row: Report, report: ReportIn) -> bool:
    """Does ``report`` say what ``row`` holds? Both through the one mapping to rows."""

    def rows(data: Mapping[str, Any]):
        columns, children = report_rows(data, status=Status.PENDING, written_in="")
        unordered = ("groups", "themes", "languages", "coordination")
        for name in unordered:
            children[name] = sorted(children[name], key=lambda c: sorted(c.items()))
        return columns, children

    # The stored client_id is the report's identity, not content (and may predate the rules
    # on client_ids): compared as the one just sent.
    data = {**report_data(row), "client_id": report.client_id}
    try:
        stored = ReportIn.model_validate(data).model_dump()
    except ValidationError:  # stored under older rules: the new, valid content replaces it
        return False
    return rows(stored) == rows(report.model_dump())


def _named(session, row: Mapping[str, Any], flagged, own_id: int) -> Earlier | None:
    """What the submitter is told of a possible duplicate: the earliest *published* report of
    the same event, if the report was flagged at all. A pending or rejected report's name and
    number are not public (the reviewers see the flag, whichever report it points at)."""
    if flagged is None:
        return None
    return earlier_report(session, row, exclude_id=own_id, published_only=True)


def _dedup_fields(row: Report) -> dict[str, Any]:
    names = ("event_key", "event_date", "country", "region", "is_demo", "continues")
    return {name: getattr(row, name) for name in names}


def editable(db: Database, token: str) -> tuple[int, dict] | None:
    """The report behind an edit-link token (its id and API-shaped data), or None."""
    with db.session(readonly=True) as session:
        row = find_by_edit_token(session, token)
        return (row.id, report_data(row)) if row is not None else None


def amend_report(
    db: Database, token: str, report: ReportIn, *, auto_publish: bool | None = None
) -> Amended | None:
    """Replace the report behind ``token`` with ``report``: one transaction with its audit row
    and the data-version bump. None when the token is unknown. Without auto-publishing, an
    edited published report goes back to review (``auto_publish`` overrides the setting)."""
    publish = publishes_on_arrival(db) if auto_publish is None else auto_publish
    with db.session() as session:
        row = find_by_edit_token(session, token)
        if row is None:
            return None
        return _apply(session, row, report, auto_publish=publish, who=EDITED_BY)


def _apply(session, row: Report, report: ReportIn, *, auto_publish: bool, who: str) -> Amended:
    """Replace ``row``'s content with ``report`` in the caller's transaction, with its audit
    row, the aggregates and the data-version bump (nothing when the content is the same)."""
    check_continues(session, report.continues, row.id)
    before = report_data(row)
    data = report.model_dump()
    data["client_id"] = row.client_id  # the report keeps its identity
    # What it adds to the aggregates now; taken out below in the same upserts that add it
    # back as it becomes (one pass in the writers' fixed order: no deadlock).
    was = aggregates_keep.read(session, [row.id], -1)
    replace_report(session, row, data)
    session.flush()
    after = report_data(row)
    if after == before:  # the same content: the aggregates stay as they are
        return Amended(row.id, row.status, False, _flagged(session, row))
    lock_event_key(session, row.event_key)
    earlier = earlier_report(session, _dedup_fields(row), exclude_id=row.id)
    newly_flagged = earlier is not None and row.possible_duplicate_of is None
    row.possible_duplicate_of = earlier.id if earlier else None
    # Without auto-publishing, an edited published report goes back to review; with it, so
    # does one the edit made look like an earlier report (data.publishing.arrival_status).
    if row.status == Status.PUBLISHED and (not auto_publish or newly_flagged):
        row.status = Status.PENDING
    add_audit(session, row.id, who, before, after)
    now = aggregates_keep.read(session, [row.id], 1)  # as it is now (if still published)
    aggregates_write.apply(session, aggregates_keep.merge(was, now))
    bump_version(session)
    return Amended(row.id, row.status, True, _named(session, _dedup_fields(row), earlier, row.id))


def _flagged(session, row: Report) -> Earlier | None:
    """The possible duplicate of a stored report, as its submitter may be told of it."""
    return _named(session, _dedup_fields(row), row.possible_duplicate_of, row.id)
