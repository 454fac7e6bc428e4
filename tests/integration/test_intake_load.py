"""Exactly once under load: 20 threads × 25 reports, one in ten sent again from another thread
(racing the first send), on SQLite and PostgreSQL: exactly 500 reports stored, none twice."""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from data.models import Report
from data.queries import data_version
from intake.service import submit
from intake.validation import validate

THREADS = 20
PER_THREAD = 25
REPORTS = THREADS * PER_THREAD


def test_five_hundred_reports_from_twenty_threads_with_resends_store_exactly_once(app, db, report):
    with app.server.test_request_context():
        own = [
            [validate(report(event_name=f"Salon {t}-{i}"))[0] for i in range(PER_THREAD)]
            for t in range(THREADS)
        ]
    rng = random.Random(5)
    sends = []
    for t in range(THREADS):
        # One report in ten goes again, from the next thread (a lost answer retried, a second
        # click, a co-organizer): it may even arrive before the first send.
        batch = own[t] + rng.sample(own[(t + 1) % THREADS], PER_THREAD // 10)
        rng.shuffle(batch)
        sends.append(batch)

    def send(batch):
        return [(r.client_id, submit(db, r, lang="en", auto_publish=True)) for r in batch]

    started = time.monotonic()
    with ThreadPoolExecutor(THREADS) as pool:
        answers = [answer for batch in pool.map(send, sends) for answer in batch]
    elapsed = time.monotonic() - started

    assert len(answers) == REPORTS + THREADS * (PER_THREAD // 10)
    assert sum(result.created for _, result in answers) == REPORTS
    ids = {}
    for client_id, result in answers:  # every send of a report got the same id back
        assert ids.setdefault(client_id, result.id) == result.id
    assert len(set(ids.values())) == REPORTS
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count(Report.id))) == REPORTS
        assert session.scalar(select(func.count(func.distinct(Report.client_id)))) == REPORTS
        assert data_version(session)[0] == REPORTS  # a resend writes no new version
    # A bound against a hang, not a speed test (make bench measures intake throughput).
    assert elapsed < 120, f"{elapsed:.1f} s"
