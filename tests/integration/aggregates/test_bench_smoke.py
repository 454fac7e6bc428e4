"""``make bench`` cannot rot: at 1,000 synthetic reports, the pandas peer, the recount from the
raw rows and the app's aggregate tables give the same numbers for every view the bench times
(bench/measure._check_peer, the check that stops a bench run). Seconds, not minutes."""

from __future__ import annotations

from bench import datasets, measure
from data.db import EXTENSION_KEY


def test_the_peer_the_recount_and_the_app_agree_at_1000_reports(database_url):
    datasets.fill(database_url, 1_000, log=lambda *args, **kwargs: None)
    app = measure.make_app(database_url)
    db = app.server.extensions[EXTENSION_KEY]
    try:
        with app.server.test_request_context("/_dash-update-component", method="POST"):
            for chosen in measure.VIEWS.values():
                measure._check_peer(db, chosen)
    finally:
        db.engine.dispose()
