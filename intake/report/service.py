"""The one rate limit of report submissions, shared by the report form, the event form and the
API; what a submission stores is data.reports.submit's."""

from __future__ import annotations

from flask import current_app

from data.limits import limiter

RATE_SCOPE = "report-submission"


def submission_limit():
    """The one rate limit of report submissions per client address, shared by the API (as a
    decorator) and the form (as a context manager): ``SUBMIT_RATE_LIMIT``."""
    return limiter.shared_limit(lambda: current_app.config["SUBMIT_RATE_LIMIT"], scope=RATE_SCOPE)
