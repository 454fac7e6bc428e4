"""Every answer says ``nosniff`` and refuses to be framed (the app frames nothing itself):
pages, API answers, errors and static assets alike; headers set elsewhere are kept."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/ar/report",
        "/api/v1/version",
        "/api/v1/summary?region=XX",  # a 422
        "/api/v1/no-such-thing",  # a 404
        "/events.ics",
        "/no-such-page/at/all.txt",
    ],
)
def test_every_answer_is_nosniff_and_unframeable(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_assets_and_dash_bundles_too(client):
    page = client.get("/en/").get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="(/(?:assets|_dash-component-suites)/[^"]+)"', page)
    assert any(s.startswith("/assets/") for s in sources)
    assert any(s.startswith("/_dash-component-suites/") for s in sources)
    for source in sources[:8] + sources[-4:]:
        response = client.get(source)
        assert response.status_code == 200, source
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_a_redirect_and_existing_headers_are_kept(client, report):
    home = client.get("/")
    assert home.status_code == 302
    assert home.headers["X-Content-Type-Options"] == "nosniff"
    assert home.headers["Vary"].startswith("Accept-Language, Cookie")
    link = client.post("/api/v1/reports", json=report()).get_json()["edit_url"]
    page = client.get(urlsplit(link).path)
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["X-Frame-Options"] == "DENY"
