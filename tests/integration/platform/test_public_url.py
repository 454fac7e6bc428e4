"""Links the app hands out are built on PUBLIC_URL, never on the request's Host header: a
forged Host must not put someone else's site into an organizer's edit link or a published
``.tab`` page."""

from __future__ import annotations

import pytest

from tests.conftest import make_app

EVIL = "http://evil.example"
PUBLIC = "https://priorities.example.org/base"


@pytest.fixture
def public_app(database_url):
    from data.db import EXTENSION_KEY

    app = make_app(database_url, PUBLIC_URL=PUBLIC + "/")
    yield app
    app.server.extensions[EXTENSION_KEY].engine.dispose()


def test_edit_link_is_on_public_url_whatever_the_host(public_app, report):
    client = public_app.server.test_client()
    answer = client.post("/api/v1/reports", json=report(), base_url=EVIL)
    assert answer.status_code == 201
    link = answer.get_json()["edit_url"]
    assert link.startswith(PUBLIC + "/en/report/edit/")
    assert "evil" not in link


def test_tab_sources_are_on_public_url_whatever_the_host(public_app):
    client = public_app.server.test_client()
    tab = "/api/v1/commons/priorities.tab.json?region=SSA"
    # The forged host first: what it caches must not reach the next reader either.
    for base in (EVIL, "http://localhost"):
        sources = client.get(tab, base_url=base).get_json()["sources"]
        assert f"{PUBLIC}/api/v1/summary?region=SSA" in sources
        assert "evil" not in sources
    wiki = client.get("/api/v1/wikitext/priorities.wiki", base_url=EVIL).get_data(as_text=True)
    assert f"{PUBLIC}/api/v1/summary" in wiki and "evil" not in wiki


def test_public_url_defaults_to_the_development_address(monkeypatch):
    from app import settings

    monkeypatch.delenv("PUBLIC_URL", raising=False)
    assert settings()["PUBLIC_URL"] == "http://127.0.0.1:8050"
    monkeypatch.setenv("PUBLIC_URL", "https://priorities.example.org")
    assert settings()["PUBLIC_URL"] == "https://priorities.example.org"


@pytest.mark.parametrize("bad", ["priorities.example.org", "ftp://x.example", "https://", ""])
def test_a_public_url_that_is_no_web_address_stops_the_start(sqlite_url, bad):
    with pytest.raises(ValueError, match="PUBLIC_URL"):
        make_app(sqlite_url, PUBLIC_URL=bad)
