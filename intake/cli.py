"""Command-line operations: migrations, start-up initialisation and demo data."""

from __future__ import annotations

import click
from flask import Flask, current_app
from sqlalchemy import func, select

from data import demo
from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.models import Report, Status
from data.store import build_report, bump_version, delete_demo
from intake.validation import validate


def _db():
    return current_app.extensions[EXTENSION_KEY]


def load_demo(db, n: int = 300, seed: int = 2020) -> int:
    """Validate and store ``n`` demo reports in one transaction; returns how many were new."""
    rows = []
    for payload in demo.generate(n, seed):
        report, errors = validate(payload)
        if errors:  # the generator is wrong, not the data: fail loudly
            raise click.ClickException(f"demo report invalid: {errors}")
        rows.append(report)
    with db.session() as session:
        known = set(session.scalars(select(Report.client_id).where(Report.is_demo.is_(True))))
        fresh = [r for r in rows if str(r.client_id) not in known]
        for report in fresh:
            session.add(
                build_report(
                    report.model_dump(), status=Status.PUBLISHED, written_in="en", is_demo=True
                )
            )
        if fresh:
            bump_version(session)
    return len(fresh)


def register(server: Flask) -> None:
    @server.cli.command("db-upgrade")
    def db_upgrade() -> None:
        """Apply the Alembic migrations."""
        upgrade(current_app.config["DATABASE_URL"])
        click.echo("database at head")

    @server.cli.command("init-db")
    def init_db() -> None:
        """Migrate; load the demo dataset when the database is empty and DEMO_DATA is on."""
        upgrade(current_app.config["DATABASE_URL"])
        db = _db()
        with db.session(readonly=True) as session:
            empty = not session.scalar(select(func.count(Report.id)))
        if empty and current_app.config["DEMO_DATA"]:
            click.echo(f"loaded {load_demo(db)} demo reports (DEMO_DATA=0 turns this off)")

    @server.cli.group("demo-data")
    def demo_data() -> None:
        """Synthetic demo reports, each flagged as demo."""

    @demo_data.command("load")
    @click.option("-n", "count", default=300, show_default=True)
    @click.option("--seed", default=2020, show_default=True)
    def demo_load(count: int, seed: int) -> None:
        click.echo(f"loaded {load_demo(_db(), count, seed)} demo reports")

    @demo_data.command("remove")
    def demo_remove() -> None:
        """Delete every demo report (real reports are untouched)."""
        with _db().session() as session:
            click.echo(f"removed {delete_demo(session)} demo reports")
