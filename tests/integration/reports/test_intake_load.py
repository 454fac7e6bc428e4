"""Exactly once under load: 20 threads × 50 reports, one in ten sent again from another thread
(racing the first send), on SQLite and PostgreSQL: exactly 1,000 reports stored, none twice.

Half the threads post over HTTP (``POST /api/v1/reports``, a test client each), the other half
call the submission service as the form does, so a resend often crosses from one path to the
other: both must find the first report.
"""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from data.aggregates.queries import data_version
from data.db import EXTENSION_KEY
from data.models import Report
from data.reports.submit import store_report
from intake.report.validation import validate
from tests.conftest import make_app

THREADS = 20
PER_THREAD = 50
RESENDS = PER_THREAD // 10  # 5 per thread: 10 % of the reports go twice
REPORTS = THREADS * PER_THREAD


def test_a_thousand_reports_from_twenty_threads_with_resends_store_exactly_once(
    database_url, report
):
    # Rate limits off, as in the other bulk tests: every request comes from one address.
    app = make_app(database_url, RATELIMIT_ENABLED=False)
    db = app.server.extensions[EXTENSION_KEY]
    own = [[report(event_name=f"Salon {t}-{i}") for i in range(PER_THREAD)] for t in range(THREADS)]
    rng = random.Random(5)
    sends = []
    for t in range(THREADS):
        # One report in ten goes again, from the next thread (a lost answer retried, a second
        # click, a co-organizer): it may even arrive before the first send.
        batch = own[t] + rng.sample(own[(t + 1) % THREADS], RESENDS)
        rng.shuffle(batch)
        sends.append((t, batch))

    def over_http(batch):
        client = app.server.test_client()
        answers = []
        for payload in batch:
            response = client.post("/api/v1/reports", json=payload)
            assert response.status_code in (200, 201), response.get_data(as_text=True)
            body = response.get_json()
            assert body["status"] == "published"
            # One edit link per report: the first send's; a resend gets none (data/reports).
            assert (body["edit_url"] is not None) == (response.status_code == 201)
            answers.append((payload["client_id"], body["id"], response.status_code == 201))
        return answers

    def through_service(batch):
        answers = []
        for payload in batch:
            with app.server.test_request_context("/_dash-update-component", method="POST"):
                parsed, errors = validate(payload)
            assert errors == {}
            result = store_report(db, parsed, lang="en", auto_publish=True)
            answers.append((payload["client_id"], result.id, result.created))
        return answers

    def send(job):
        t, batch = job
        return over_http(batch) if t % 2 == 0 else through_service(batch)

    started = time.monotonic()
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            answers = [answer for batch in pool.map(send, sends) for answer in batch]
        elapsed = time.monotonic() - started

        assert len(answers) == REPORTS + THREADS * RESENDS
        assert sum(created for _, _, created in answers) == REPORTS  # 201 once per report
        ids: dict[str, int] = {}
        for client_id, report_id, _ in answers:  # every send of a report got the same id back
            assert ids.setdefault(client_id, report_id) == report_id
        assert len(ids) == REPORTS and len(set(ids.values())) == REPORTS
        with db.session(readonly=True) as session:
            assert session.scalar(select(func.count(Report.id))) == REPORTS
            assert session.scalar(select(func.count(func.distinct(Report.client_id)))) == REPORTS
            assert data_version(session)[0] == REPORTS  # a resend writes no new version
        # A bound against a hang, not a speed test (make bench measures intake throughput).
        assert elapsed < 240, f"{elapsed:.1f} s"
        print(f"\n{db.engine.dialect.name}: {len(answers)} sends in {elapsed:.1f} s")
    finally:
        db.engine.dispose()
