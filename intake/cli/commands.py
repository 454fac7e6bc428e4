"""Command-line operations: migrations, start-up initialisation, demo data, bulk import."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask_babel import force_locale
from sqlalchemy import func, select

from data import i18n
from data.aggregates import keep as aggregates_keep
from data.db import current_db
from data.demo import reports as demo
from data.migrate import upgrade
from data.models import Report, Status
from data.reports.rows import build_report
from data.reports.write import delete_demo
from data.version import bump_version
from intake.cli.demo import delete_extras, load_extras
from intake.report.importer import import_file
from intake.report.validation import validate


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
        stored = [
            build_report(
                report.model_dump(), status=Status.PUBLISHED, written_in="en", is_demo=True
            )
            for report in fresh
        ]
        session.add_all(stored)
        if fresh:
            bump_version(session)
            session.flush()
            aggregates_keep.add(session, *(row.id for row in stored))
    return len(fresh)


def _echo_extras(counts, done: str) -> None:
    click.echo(f"{done} {counts.events} demo events, {counts.contributions} demo contributions")


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
        db = current_db()
        with db.session(readonly=True) as session:
            empty = not session.scalar(select(func.count(Report.id)))
        if empty and current_app.config["DEMO_DATA"]:
            click.echo(f"loaded {load_demo(db)} demo reports (DEMO_DATA=0 turns this off)")
            _echo_extras(load_extras(db), "loaded")

    @server.cli.command("import-reports")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "--all-or-nothing",
        is_flag=True,
        help="One transaction: import nothing when any row has an error or the database fails.",
    )
    @click.option("--lang", default="en", show_default=True, help="Language of the messages.")
    def import_reports(file: Path, all_or_nothing: bool, lang: str) -> None:
        """Import reports from a CSV or XLSX file shaped like the template
        (/api/v1/reports/template.csv). Rows with errors are listed and skipped; importing the
        same file again stores nothing twice. --all-or-nothing stores every row in one
        transaction, or none (a row with an error, or a database failure)."""
        with force_locale(i18n.normalize(lang)):
            outcome = import_file(current_db(), file, all_or_nothing=all_or_nothing, lang=lang)
            for line in outcome.lines:
                click.echo(line)
            click.echo(outcome.summary())
        if outcome.errors or outcome.failed:
            raise SystemExit(1)

    @server.cli.command("recount")
    @click.option("--fix", is_flag=True, help="Rebuild the aggregate tables when they differ.")
    def recount(fix: bool) -> None:
        """Check the aggregate tables against a recount from the raw reports."""
        with current_db().session() as session:
            problems = aggregates_keep.verify(session)
            for line in problems:
                click.echo(line)
            if problems and fix:
                aggregates_keep.rebuild(session)
                click.echo("aggregate tables rebuilt from the reports")
            elif not problems:
                click.echo("aggregate tables equal a recount")
        if problems and not fix:
            raise SystemExit(1)

    @server.cli.group("demo-data")
    def demo_data() -> None:
        """Synthetic demo reports, each flagged as demo."""

    @demo_data.command("load")
    @click.option("-n", "count", default=300, show_default=True)
    @click.option("--seed", default=2020, show_default=True)
    def demo_load(count: int, seed: int) -> None:
        click.echo(f"loaded {load_demo(current_db(), count, seed)} demo reports")
        _echo_extras(load_extras(current_db(), count, seed), "loaded")

    @demo_data.command("remove")
    def demo_remove() -> None:
        """Delete every demo report, event and contribution (real ones are untouched)."""
        with current_db().session() as session:
            # The events first: they point at the demo reports.
            extras = delete_extras(session)
            click.echo(f"removed {delete_demo(session)} demo reports")
        _echo_extras(extras, "removed")
