"""The importer's all-or-nothing use case: many reports in one transaction, as
``data.reports.submit.store_report`` stores one, with one data-version bump."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from data.aggregates import keep as aggregates_keep
from data.aggregates import write as aggregates_write
from data.db import Database
from data.models import Status
from data.publishing import arrival_status, publishes_on_arrival
from data.reports.duplicates import Earlier, earlier_report, lock_event_key
from data.reports.rows import insert_report, report_rows
from data.reports.schema import ReportIn
from data.reports.submit import Refused, check_continues
from data.reports.write import find_by_client_id
from data.version import bump_version


class RowRefused(Refused):
    """A row the stored reports refuse (``Refused``), with its number: nothing was stored."""

    def __init__(self, row: int, errors: dict[str, str]):
        super().__init__(errors)
        self.row = row


@dataclass(frozen=True)
class Stored:
    row: int
    created: bool  # False when the client_id had already been stored (then skipped)
    id: int
    possible_duplicate_of: Earlier | None = None


def store_reports(db: Database, numbered: Iterable[tuple[int, ReportIn]], *, lang: str):
    """Store every (row number, report) in one transaction: rows already stored (same
    client_id) are skipped, possible duplicates flagged (earlier rows of the same batch
    included), the aggregates updated and the data version bumped once. Raises ``RowRefused``
    (nothing stored) for a row the stored reports refuse."""
    done: list[Stored] = []
    publishes = publishes_on_arrival(db)
    with db.session() as session:
        for number, report in numbered:
            existing = find_by_client_id(session, str(report.client_id))
            if existing is not None:
                done.append(Stored(number, False, existing.id))
                continue
            row, children = report_rows(report.model_dump(), status=Status.PENDING, written_in=lang)
            try:
                check_continues(session, row["continues"])
            except Refused as refused:
                raise RowRefused(number, refused.errors) from None
            lock_event_key(session, row["event_key"])
            earlier = earlier_report(session, row)
            row["possible_duplicate_of"] = earlier.id if earlier else None
            # A possible duplicate waits for review whatever the switch says.
            row["status"] = arrival_status(publishes, row["possible_duplicate_of"])
            report_id = insert_report(session, row, children)
            counted = aggregates_keep.of_new(row, children)
            aggregates_write.apply(
                session, aggregates_write.prepare(counted, db.engine.dialect.name)
            )
            done.append(Stored(number, True, report_id, earlier))
        if any(entry.created for entry in done):  # something new: one version bump
            bump_version(session)
    return done
