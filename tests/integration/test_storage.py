"""Storage: one transaction, idempotent under concurrency, migrations both ways."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic import command
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from data.migrate import alembic_config
from data.models import Report, ReportInitiative
from data.queries import data_version
from intake.service import submit
from intake.validation import validate


def test_concurrent_retries_of_one_client_id_store_one_report(app, db, report):
    payload = report()
    with app.server.test_request_context():
        parsed, _ = validate(payload)

    def send(_):
        return submit(db, parsed, lang="en", auto_publish=True)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(send, range(16)))
    assert len({r.id for r in results}) == 1
    assert sum(r.created for r in results) == 1
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count(Report.id))) == 1
        assert session.scalar(select(func.count()).select_from(ReportInitiative)) == 3
        assert data_version(session)[0] == 1


def test_concurrent_distinct_reports_all_stored_and_version_counts_them(app, db, report):
    with app.server.test_request_context():
        parsed = [validate(report())[0] for _ in range(30)]
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda r: submit(db, r, lang="en", auto_publish=True), parsed))
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count(Report.id))) == 30
        assert data_version(session)[0] == 30


def test_failed_write_stores_nothing(app, db, report):
    with app.server.test_request_context():
        parsed, _ = validate(report())
    # One initiative twice breaks a unique constraint: the whole report must roll back.
    parsed.priorities[1].code = "I31"
    parsed.priorities[2].code = "I31"
    with pytest.raises(IntegrityError):
        submit(db, parsed, lang="en", auto_publish=True)
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count(Report.id))) == 0
        assert data_version(session)[0] == 0


def test_migrations_downgrade_and_upgrade_again(sqlite_url):
    config = alembic_config(sqlite_url)
    command.downgrade(config, "base")
    command.upgrade(config, "head")
