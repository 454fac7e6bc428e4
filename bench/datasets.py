"""Synthetic datasets shaped like real events, inserted fast with Core ``insert()`` executemany.

The payloads come from ``data.demo.reports.generate`` (the API's JSON shape); the rows follow
``data.reports.rows.build_report``'s mapping. Ids are given explicitly so that child rows need no
RETURNING round trip; PostgreSQL's sequence is moved past them afterwards. A dataset that is
already built (right row count, data version moved) is reused.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from data.aggregates.keep import rebuild
from data.demo import reports as demo
from data.migrate import upgrade
from data.models import (
    DataVersion,
    Report,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
    Status,
)
from data.reference import reference
from data.reports.duplicates import event_key
from data.reports.rows import chosen_rows
from data.scoring import INITIATIVE_TOTAL, RECOMMENDATION_TOTAL

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
PG_ADMIN = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CHUNK = 5000
SEED = 2030


def sqlite_url(n: int) -> str:
    return f"sqlite:///{DATA / f'reports-{n}.sqlite'}"


def pg_url(name: str) -> str:
    return make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)


def pg_name(n: int) -> str:
    return f"priorities_bench_{n}"


def _rows(payloads: list[dict], first_id: int) -> dict[str, list[dict]]:
    ref = reference()
    start = dt.datetime(2020, 8, 15)
    tables: dict[str, list[dict]] = {t: [] for t in TABLES}
    for offset, data in enumerate(payloads):
        rid = first_id + offset
        organizer, people = data["organizer"], data["participants"]
        created = start + dt.timedelta(seconds=rid * 97)
        tables["reports"].append(
            {
                "id": rid,
                "client_id": data["client_id"],
                "event_name": data["event_name"],
                "event_key": event_key(data["event_name"]),
                "event_date": dt.date.fromisoformat(data["event_date"]),
                "country": data["country"],
                "region": data.get("region") or ref.region_of(data["country"]),
                "format": data["format"],
                "organizer_name": organizer["name"],
                "organizer_email": organizer["email"],
                "organizer_affiliate": organizer.get("affiliate") or "",
                "attendees": data.get("attendees") or "",
                "facilitators": data.get("facilitators") or "",
                "note_takers": data.get("note_takers") or "",
                "participants_total": people["total"],
                "total_precision": people.get("total_precision") or "exact",
                "resources_needed": data.get("resources_needed") or "",
                "notes": data.get("notes") or "",
                "written_in": "en",
                "status": Status.PUBLISHED.value,
                "status_reason": "",
                "is_demo": False,
                "created_at": created,
                "updated_at": created,
            }
        )
        tables["initiatives"] += [
            {"report_id": rid, **row}
            for row in chosen_rows(data.get("priorities") or [], INITIATIVE_TOTAL)
        ]
        tables["recommendations"] += [
            {"report_id": rid, **row}
            for row in chosen_rows(data.get("recommendations") or [], RECOMMENDATION_TOTAL)
        ]
        tables["groups"] += [
            {"report_id": rid, "group_code": code, "count": count}
            for code, count in people.items()
            if code not in ("total", "total_precision") and count is not None
        ]
        tables["themes"] += [{"report_id": rid, "theme_code": t} for t in data["themes"]]
        tables["languages"] += [{"report_id": rid, "language_code": c} for c in data["languages"]]
        tables["coordination"] += [
            {"report_id": rid, "initiative_code": c} for c in data["global_coordination"]
        ]
    return tables


TABLES = {
    "reports": Report.__table__,
    "initiatives": ReportInitiative.__table__,
    "recommendations": ReportRecommendation.__table__,
    "groups": ReportGroup.__table__,
    "themes": ReportTheme.__table__,
    "languages": ReportLanguage.__table__,
    "coordination": ReportCoordination.__table__,
}


def _chunks(n: int) -> Iterator[tuple[int, list[dict]]]:
    """Payloads in chunks, each chunk from its own seed (deterministic, memory stays small)."""
    for index, first in enumerate(range(0, n, CHUNK)):
        yield first + 1, demo.generate(min(CHUNK, n - first), seed=SEED + index)


def _built(url: str, n: int) -> bool:
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            count = conn.scalar(select(func.count()).select_from(Report.__table__))
            version = conn.scalar(select(DataVersion.version).where(DataVersion.id == 1))
        engine.dispose()
    except Exception:
        return False
    return count == n and bool(version)


def fill(url: str, n: int, log=print) -> None:
    """Insert ``n`` published reports into the migrated, empty database at ``url``."""
    engine = create_engine(url)
    started = time.monotonic()
    with engine.begin() as conn:
        for first, payloads in _chunks(n):
            rows = _rows(payloads, first)
            for name, table in TABLES.items():
                if rows[name]:
                    conn.execute(insert(table), rows[name])
            log(f"  {first + len(payloads) - 1:,} / {n:,} reports", end="\r")
        conn.execute(
            update(DataVersion).where(DataVersion.id == 1).values(version=DataVersion.version + 1)
        )
        # Core inserts bypass the writers that keep the aggregate tables: recount them once.
        rebuild(Session(bind=conn))
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT setval('reports_id_seq', (SELECT max(id) FROM reports))"))
    # Fresh statistics (and, on PostgreSQL, a visibility map for index-only scans).
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if conn.dialect.name == "postgresql" else "ANALYZE")
    engine.dispose()
    log(f"  {n:,} reports in {time.monotonic() - started:.0f} s{' ' * 20}")


def sqlite_dataset(n: int, log=print) -> str:
    """The URL of a SQLite file with ``n`` reports, built once into ``bench/.data/``."""
    url = sqlite_url(n)
    if _built(url, n):
        upgrade(url)  # migrations added since it was built (indexes)
        return url
    DATA.mkdir(exist_ok=True)
    path = DATA / f"reports-{n}.sqlite"
    building = path.with_suffix(".building")
    for stale in (building, Path(f"{building}-wal"), Path(f"{building}-shm"), path):
        stale.unlink(missing_ok=True)
    log(f"building SQLite dataset of {n:,} reports")
    upgrade(f"sqlite:///{building}")
    fill(f"sqlite:///{building}", n, log)
    engine = create_engine(f"sqlite:///{building}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    building.rename(path)
    return url


def create_pg_database(name: str, template: str | None = None) -> str:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        suffix = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
    admin.dispose()
    return pg_url(name)


def drop_pg_database(name: str) -> None:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def pg_dataset(n: int, log=print) -> str:
    """The URL of a PostgreSQL database with ``n`` reports, built once and kept."""
    url = pg_url(pg_name(n))
    if _built(url, n):
        upgrade(url)
        return url
    log(f"building PostgreSQL dataset of {n:,} reports")
    create_pg_database(pg_name(n))
    upgrade(url)
    fill(url, n, log)
    return url


def dataset(backend: str, n: int) -> str:
    return sqlite_dataset(n) if backend == "sqlite" else pg_dataset(n)


def copy_of(backend: str, n: int, folder: str) -> tuple[str, str | None]:
    """A throwaway copy of a dataset to write into: (URL, PostgreSQL database name or None)."""
    source = dataset(backend, n)
    if backend == "sqlite":
        target = Path(folder) / f"copy-{n}.sqlite"
        with (
            sqlite3.connect(source.removeprefix("sqlite:///")) as src,
            sqlite3.connect(target) as dst,
        ):
            src.backup(dst)
        return f"sqlite:///{target}", None
    name = f"priorities_bench_copy_{os.getpid()}"
    return create_pg_database(name, template=pg_name(n)), name
