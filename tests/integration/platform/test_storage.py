"""Storage: one transaction, idempotent under concurrency, migrations both ways; files on disk
readable by their owner only; a SQLite file removed or replaced under the running app."""

import contextlib
import os
import stat
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic import command
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from data.aggregates.queries import data_version
from data.db import EXTENSION_KEY, make_engine
from data.migrate import alembic_config, upgrade
from data.models import Report, ReportInitiative
from data.reports.submit import store_report
from intake.report.validation import validate
from tests.conftest import make_app


def test_concurrent_retries_of_one_client_id_store_one_report(app, db, report):
    payload = report()
    with app.server.test_request_context():
        parsed, _ = validate(payload)

    def send(_):
        return store_report(db, parsed, lang="en", auto_publish=True)

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
        list(pool.map(lambda r: store_report(db, r, lang="en", auto_publish=True), parsed))
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
        store_report(db, parsed, lang="en", auto_publish=True)
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count(Report.id))) == 0
        assert data_version(session)[0] == 0


def test_migrations_downgrade_and_upgrade_again(sqlite_url):
    config = alembic_config(sqlite_url)
    command.downgrade(config, "base")
    command.upgrade(config, "head")


# --- Files on disk: modes, and a SQLite file removed or replaced under the running app. ---


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_sqlite_database_is_readable_by_its_owner_only(tmp_path):
    folder = tmp_path / "new" / "instance"
    url = f"sqlite:///{folder}/priorities.db"
    upgrade(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:  # the -wal and -shm exist while a connection is open
            conn.execute(text("UPDATE data_version SET version = version + 1"))
            assert _mode(folder) == 0o700
            for name in ("priorities.db", "priorities.db-wal", "priorities.db-shm"):
                assert _mode(folder / name) == 0o600, name
    finally:
        engine.dispose()


@pytest.fixture
def instance(tmp_path, monkeypatch):
    import app as app_module

    folder = tmp_path / "instance"
    monkeypatch.setattr(app_module, "INSTANCE", folder)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    return folder


def test_the_generated_secret_key_is_readable_by_its_owner_only(instance):
    from app import _secret_key

    key = _secret_key()
    assert len(key) == 64
    assert _mode(instance) == 0o700
    assert _mode(instance / "secret_key") == 0o600
    assert _secret_key() == key  # kept across restarts
    assert os.listdir(instance) == ["secret_key"]  # nothing left aside


def test_a_secret_key_an_earlier_version_left_readable_is_tightened(instance):
    from app import _secret_key

    instance.mkdir()
    instance.chmod(0o755)
    (instance / "secret_key").write_text("earlier\n")
    (instance / "secret_key").chmod(0o644)
    assert _secret_key() == "earlier"
    assert (_mode(instance), _mode(instance / "secret_key")) == (0o700, 0o600)


def _reports_in(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    finally:
        engine.dispose()


def _remove(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path + suffix)


def _post_until_stored(client, payload) -> list[int]:
    """What a client does: send, and on 503 send the same report again (a few times)."""
    codes = []
    for _attempt in range(3):
        answer = client.post("/api/v1/reports", json=payload)
        codes.append(answer.status_code)
        if answer.status_code != 503:
            break
        assert int(answer.headers["Retry-After"]) > 0
    return codes


@contextlib.contextmanager
def restarted(url: str):
    app = make_app(url)
    try:
        yield app.server.test_client()
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()


def test_a_removed_database_file_is_never_acknowledged(sqlite_app, sqlite_url, report):
    client = sqlite_app.server.test_client()
    assert client.post("/api/v1/reports", json=report()).status_code == 201
    path = make_url(sqlite_url).database
    _remove(path)
    payload = report()
    # Not a 201 for a row in the unlinked file but "try again later"; no empty file is made.
    assert _post_until_stored(client, payload) == [503, 503, 503]
    assert not os.path.exists(path)
    # The operator puts a database back and restarts the app: the retry is stored there, once.
    upgrade(sqlite_url)
    assert _post_until_stored(client, payload) == [503, 503, 503]  # never the stale -wal
    with restarted(sqlite_url) as client:
        assert _post_until_stored(client, payload) == [201]
        assert _post_until_stored(client, payload) == [200]
    assert _reports_in(sqlite_url) == 1


def test_a_replaced_database_file_is_never_acknowledged(sqlite_app, sqlite_url, report, tmp_path):
    client = sqlite_app.server.test_client()
    assert client.post("/api/v1/reports", json=report()).status_code == 201
    path = make_url(sqlite_url).database
    fresh = tmp_path / "restored.db"
    upgrade(f"sqlite:///{fresh}")
    os.replace(fresh, path)
    payload = report()
    assert _post_until_stored(client, payload) == [503, 503, 503]
    assert client.get("/api/v1/summary").status_code == 503
    # The documented restore: the old file's -wal and -shm go, the app restarts.
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path + suffix)
    with restarted(sqlite_url) as client:
        assert _post_until_stored(client, payload) == [201]
        assert client.get("/api/v1/summary").get_json()["events"] == 1
    assert _reports_in(sqlite_url) == 1


def test_a_file_replaced_during_a_write_rolls_it_back(sqlite_app, sqlite_url, tmp_path):
    db = sqlite_app.server.extensions[EXTENSION_KEY]
    path = make_url(sqlite_url).database
    old = tmp_path / "old.db"
    os.link(path, old)  # the replaced file stays readable here
    fresh = tmp_path / "restored.db"
    upgrade(f"sqlite:///{fresh}")
    with pytest.raises(OperationalError), db.session() as session:
        session.execute(text("UPDATE data_version SET version = 41"))
        os.replace(fresh, path)
    db.engine.dispose()
    os.rename(path + "-wal", str(old) + "-wal")  # the old file's own, never committed into
    for url in (f"sqlite:///{old}", sqlite_url):
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version FROM data_version")).scalar_one() == 0
        engine.dispose()
