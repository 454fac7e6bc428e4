"""The dashboard callback alone, cold (cache cleared) and warm, for the three benchmark views on
one cached dataset: ``python -m bench.cold 100000 [sqlite|postgresql] [--profile VIEW]``.

Quicker than ``make bench`` when working on the callback; the numbers are the same rows as
``bench.measure``'s "dashboard cold/warm"."""

from __future__ import annotations

import argparse
import cProfile
import pstats

from bench.datasets import pg_name, pg_url, sqlite_url
from bench.measure import FILTER_IDS, VIEWS, make_app, timed, values
from dashboard.home.callbacks import update_dashboard
from data.cache import cache
from data.db import EXTENSION_KEY


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("backend", choices=["sqlite", "postgresql"], default="sqlite", nargs="?")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", choices=list(VIEWS), help="profile one cold call")
    args = parser.parse_args()
    url = sqlite_url(args.n) if args.backend == "sqlite" else pg_url(pg_name(args.n))
    app = make_app(url)
    server = app.server
    try:
        with server.test_request_context("/_dash-update-component", method="POST"):
            for view, chosen in VIEWS.items():

                def callback(chosen=chosen):
                    return update_dashboard(
                        None, values(**chosen), "events", "country", "events", "en", FILTER_IDS
                    )

                callback()  # imports, first connection
                if args.profile == view:
                    cache.clear()
                    profile = cProfile.Profile()
                    profile.runcall(callback)
                    pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
                cold = timed(callback, args.repeat, cache.clear)
                warm = timed(callback, args.repeat * 4)
                print(f"{args.backend} {args.n} {view}: cold {cold:.1f} ms, warm {warm:.2f} ms")
    finally:
        server.extensions[EXTENSION_KEY].engine.dispose()


if __name__ == "__main__":
    main()
