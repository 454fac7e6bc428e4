"""``flask reference check FILE`` and ``flask reference load FILE``: an updated official
initiative list (the columns of data/reference/initiatives.csv), shown before it is loaded.
The logic is ``data.initiative_list.load``'s; this module only talks to the terminal."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask

from data.db import current_db
from data.initiative_list import load as reference_load
from data.initiative_list.load import ListDiff, ListError, Usage, describe_usage


def summary(found: ListDiff, used: dict[str, Usage]) -> list[str]:
    """The changes as lines, each with how much stored data names the code."""
    lines = []
    for name, changes in (
        ("added", found.added),
        ("retitled", found.retitled),
        ("moved between recommendations", found.moved),
        ("removed", found.removed),
        ("other fields changed", found.other),
    ):
        lines.append(f"{name}: {len(changes)}")
        for c in changes:
            what = f"{c.before} -> {c.after}" if c.before and c.after else c.before or c.after
            lines.append(f"  {c.code}  {what}  [{describe_usage(used.get(c.code, Usage()))}]")
    return lines


def register(server: Flask) -> None:
    file_argument = click.argument(
        "file", type=click.Path(exists=True, dir_okay=False, path_type=Path)
    )

    @server.cli.group("reference")
    def group() -> None:
        """The official initiative list (data/reference/initiatives.csv)."""

    @group.command("check")
    @file_argument
    def check(file: Path) -> None:
        """Show what loading FILE would change (nothing is changed)."""
        db = current_db()
        try:
            found, used = reference_load.check(db, file)
        except ListError as error:
            raise click.ClickException(str(error)) from error
        if not found:
            click.echo("no change: FILE holds the current list")
            return
        for line in summary(found, used):
            click.echo(line)
        for problem in reference_load.refusals(found, used):
            click.echo(f"load would be refused: {problem}")

    @group.command("load")
    @file_argument
    @click.option("--by", "who", default="flask reference load", help="Name for the audit log.")
    def load(file: Path, who: str) -> None:
        """Load FILE over the current list: refused, changing nothing, when it removes an
        initiative that stored reports, contributions or the draft plan name."""
        db = current_db()
        try:
            found = reference_load.apply(db, file, who)
        except ListError as error:  # Refused too: nothing was changed
            raise click.ClickException(str(error)) from error
        if not found:
            click.echo("no change: FILE holds the current list")
            return
        click.echo(
            f"loaded: {len(found.added)} added, {len(found.retitled)} retitled, "
            f"{len(found.moved)} moved, {len(found.removed)} removed, "
            f"{len(found.other)} other changes"
        )
        if found.added or found.retitled:
            click.echo("new titles are msgids: update the translations (make translations)")
        click.echo("restart the app's processes: each keeps the list it read until then")
