"""``python -m bench.plans [--size 100000] [--view all]``: EXPLAIN (ANALYZE, BUFFERS) on
PostgreSQL of every statement the dashboard's aggregates run (data.aggregates.insights,
data.aggregates.queries),
captured as executed; prints each one's time and the plan's top lines, slowest first."""

from __future__ import annotations

import argparse

from sqlalchemy import create_engine, event

from bench import datasets
from bench.measure import VIEWS, as_filters
from data.aggregates.insights import insights
from data.aggregates.queries import data_version


def capture(engine, chosen: dict) -> list[tuple[str, dict]]:
    statements: list[tuple[str, dict]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        from sqlalchemy.orm import Session

        with Session(engine) as session:
            data_version(session)
            insights(session, as_filters(chosen))
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    return statements


def explain(url: str, chosen: dict) -> list[tuple[float, str, list[str]]]:
    engine = create_engine(url)
    found = []
    for statement, parameters in capture(engine, chosen):
        with engine.connect() as conn:
            lines = [
                row[0]
                for row in conn.exec_driver_sql(
                    "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
                )
            ]
        total = next(
            (float(line.split(":")[1].split()[0]) for line in lines if "Execution Time" in line),
            0.0,
        )
        found.append((total, " ".join(statement.split())[:300], lines))
    engine.dispose()
    return sorted(found, key=lambda f: -f[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.plans", description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--view", choices=list(VIEWS), default="all")
    parser.add_argument("--lines", type=int, default=25)
    args = parser.parse_args(argv)
    found = explain(datasets.pg_dataset(args.size), VIEWS[args.view])
    print(f"{len(found)} statements, {sum(f[0] for f in found):.0f} ms in all")
    for total, sql, lines in found:
        print(f"\n=== {total:.1f} ms: {sql}")
        print("\n".join(lines[: args.lines]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
