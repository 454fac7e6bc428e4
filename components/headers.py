"""Headers on every answer (pages, API, assets, errors): browsers must not guess a type other
than the one sent (``nosniff``), and no other site may frame the app (clickjacking of the
forms and the support team's screens). The app frames nothing itself, not even its own pages.
Headers a view has already set are kept."""

from __future__ import annotations

from flask import Flask, Response

FRAMING = "frame-ancestors 'none'"


def init_app(app: Flask) -> None:
    app.after_request(_secure)


def _secure(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")  # for browsers older than CSP level 2
    policy = headers.get("Content-Security-Policy")
    if not policy:
        headers["Content-Security-Policy"] = FRAMING
    elif "frame-ancestors" not in policy:
        headers["Content-Security-Policy"] = f"{policy.rstrip('; ')}; {FRAMING}"
    return response
