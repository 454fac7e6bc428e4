"""The contributions' rate limit, shared by the form and the API. Storing one is
data.contributions.submit."""

from __future__ import annotations

from flask import current_app

from data.limits import limiter

RATE_SCOPE = "contribution-submission"


def contribution_limit():
    """Contributions per client address (form and API together): the reports' setting,
    ``SUBMIT_RATE_LIMIT``, counted apart from reports so one kind never blocks the other."""
    return limiter.shared_limit(lambda: current_app.config["SUBMIT_RATE_LIMIT"], scope=RATE_SCOPE)
