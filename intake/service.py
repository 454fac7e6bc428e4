"""The submission service shared by the form, the API and the importer.

One transaction stores the report, its children and the data-version bump, or nothing.
Idempotent on ``client_id``: a retry or a double click returns the first report.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from data.db import Database
from data.models import Status
from data.store import build_report, bump_version, find_by_client_id
from intake.schema import ReportIn


@dataclass(frozen=True)
class Submitted:
    id: int
    status: str
    created: bool  # False when the client_id had already been stored


def submit(db: Database, report: ReportIn, *, lang: str, auto_publish: bool) -> Submitted:
    client_id = str(report.client_id)
    try:
        with db.session() as session:
            existing = find_by_client_id(session, client_id)
            if existing is not None:
                return Submitted(existing.id, existing.status, created=False)
            row = build_report(
                report.model_dump(),
                status=Status.PUBLISHED if auto_publish else Status.PENDING,
                written_in=lang,
            )
            session.add(row)
            bump_version(session)
            session.flush()
            return Submitted(row.id, row.status, created=True)
    except IntegrityError:
        # Another worker stored the same client_id between our check and our insert.
        with db.session(readonly=True) as session:
            existing = find_by_client_id(session, client_id)
            if existing is None:
                raise
            return Submitted(existing.id, existing.status, created=False)
