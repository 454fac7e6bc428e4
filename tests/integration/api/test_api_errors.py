"""Every path under /api/v1 answers JSON ``{"errors": {field: message}}`` whatever goes wrong:
an unknown path or method (not Dash's HTML page), a body too large or nested too deep, too
many submissions, an unexpected exception (logged), an unreachable database."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine

from data.db import EXTENSION_KEY
from tests.conftest import make_app


def assert_json_error(response, code: int) -> dict:
    assert response.status_code == code, response.get_data(as_text=True)[:200]
    assert response.mimetype == "application/json"
    errors = response.get_json()["errors"]
    assert errors and all(isinstance(m, str) and m for m in errors.values())
    return errors


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/anything"),
        ("GET", "/api/v1"),
        ("GET", "/api/v1/"),
        ("GET", "/api/v1/reports/not-a-number"),
        ("GET", "/api/v1/reports/%C2%B2"),  # a superscript two: \d, but no int()
        ("GET", "/api/v1/reports/%D9%A2"),  # an Arabic-Indic two: not report 2's address
        ("POST", "/api/v1/anything/deeper"),
        ("DELETE", "/api/v1/anything"),
        ("OPTIONS", "/api/v1/anything"),
        ("HEAD", "/api/v1/anything"),
    ],
)
def test_unknown_api_paths_are_a_json_404(client, method, path):
    response = client.open(path, method=method)
    assert response.status_code == 404
    if method != "HEAD":
        assert "path" in assert_json_error(response, 404)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/api/v1/reports", {"GET", "HEAD", "OPTIONS", "POST"}),
        ("PUT", "/api/v1/summary", {"GET", "HEAD", "OPTIONS"}),
        ("GET", "/api/v1/contributions", {"POST", "OPTIONS"}),
        ("POST", "/api/v1/reports/3", {"GET", "HEAD", "OPTIONS"}),
    ],
)
def test_a_wrong_method_is_a_json_405_with_allow(client, method, path, allowed):
    response = client.open(path, method=method)
    assert "method" in assert_json_error(response, 405)
    assert set(response.headers["Allow"].split(", ")) == allowed


@pytest.mark.parametrize("path", ["/api/v1/reports", "/api/v1/contributions"])
def test_too_large_a_body_is_a_json_413(client, path):
    body = "[" + "1," * 200_000 + "1]"
    assert_json_error(client.post(path, data=body, content_type="application/json"), 413)


@pytest.mark.parametrize("path", ["/api/v1/reports", "/api/v1/contributions"])
@pytest.mark.parametrize(
    "body",
    ["[" * 100_000, '{"event_name": ' + "[" * 50_000 + "]" * 50_000 + "}", "{" * 100_000],
)
def test_json_nested_too_deep_is_a_422_not_a_500(client, path, body):
    assert_json_error(client.post(path, data=body, content_type="application/json"), 422)


def test_too_many_submissions_is_a_json_429(sqlite_url, report):
    app = make_app(sqlite_url, SUBMIT_RATE_LIMIT="1 per minute")
    client = app.server.test_client()
    try:
        assert client.post("/api/v1/reports", json=report()).status_code == 201
        response = client.post("/api/v1/reports", json=report())
        assert_json_error(response, 429)
        assert int(response.headers["Retry-After"]) > 0
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()


@pytest.fixture
def unpropagated(sqlite_url):
    """An app that answers exceptions as production does (TESTING would re-raise them)."""
    app = make_app(sqlite_url, PROPAGATE_EXCEPTIONS=False)
    yield app
    app.server.extensions[EXTENSION_KEY].engine.dispose()


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("intake.report.api.document", "/api/v1/openapi.json"),
        ("intake.api.wikimedia.cached_summary", "/api/v1/wikitext/priorities.wiki"),
        ("data.contributions.model.cached_counts", "/api/v1/contributions/summary"),
    ],
)
def test_an_unexpected_exception_is_a_logged_json_500(
    unpropagated, monkeypatch, caplog, target, path
):
    def boom(*_args, **_kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(target, boom, raising=False)
    with caplog.at_level(logging.ERROR):
        response = unpropagated.server.test_client().get(path)
    assert_json_error(response, 500)
    assert "unexpected" not in response.get_data(as_text=True)  # no internals in the answer
    assert any(r.exc_info and "unexpected" in str(r.exc_info[1]) for r in caplog.records)


def test_a_page_keeps_its_html_500(unpropagated, monkeypatch):
    import intake.report.page

    def boom(*_args, **_kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(intake.report.page, "editable", boom)
    response = unpropagated.server.test_client().get("/en/report/edit/whatever")
    assert response.status_code == 500
    assert response.mimetype == "text/html"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/version",
        "/api/v1/summary",
        "/api/v1/reports/1",
        "/api/v1/commons/priorities.tab.json",
        "/api/v1/contributions/summary",
    ],
)
def test_an_unreachable_database_is_a_json_503(app, db, path):
    working = db.engine
    db.bind(create_engine("sqlite:////nonexistent/folder/priorities.db"))
    try:
        response = app.server.test_client().get(path)
    finally:
        db.engine.dispose()
        db.bind(working)
    assert "database" in assert_json_error(response, 503)
    assert int(response.headers["Retry-After"]) >= 30


def test_pages_outside_the_api_are_unchanged(client):
    page = client.get("/en/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert client.get("/en/no-such-page").mimetype == "text/html"
