"""Sign-in, sessions and roles: every support URL and API refuses without a session."""

from __future__ import annotations

import datetime as dt
import re

import dash
import pytest
from flask_login import login_user
from sqlalchemy import text

from dashboard.auth import guards as auth
from dashboard.auth.login import SupportUser
from dashboard.contributions import review_callbacks as contrib_review_callbacks
from dashboard.events import review as events_review
from dashboard.plan import callbacks as plan_callbacks
from dashboard.review import callbacks as review_callbacks
from dashboard.review import report_callbacks
from data.support.accounts import authenticate
from data.support.settings import AUTO_PUBLISH, get_setting
from tests.conftest import PASSWORD, sign_in
from tests.integration.support_helpers import clear_limits, sign_out  # noqa: F401

# Rate-limit counters live in the database (PostgreSQL keeps its rows between tests).
pytestmark = pytest.mark.usefixtures("clear_limits")


def support_pages() -> list[str]:
    return sorted(
        p["path_template"].replace("<lang>", "en")
        for p in dash.page_registry.values()
        if p.get("support_role")
    )


def support_api(app) -> list[tuple[str, str]]:
    routes = []
    for rule in app.server.url_map.iter_rules():
        if rule.endpoint.startswith(("support.", "contrib_review.")):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                routes.append((method, rule.rule))
    return routes


def test_the_route_table_has_the_support_routes(sqlite_app):
    assert support_pages() == [
        "/en/events/review",
        "/en/plan",
        "/en/review",
        "/en/review/<report>",
        "/en/review/audit",
        "/en/review/contributions",
    ]
    assert {path for _, path in support_api(sqlite_app)} >= {
        "/api/v1/plan",
        "/api/v1/plan/draft",
        "/api/v1/export",
        "/api/v1/users",
        "/api/v1/contributions/pending",
        "/api/v1/contributions/review",
    }


def test_every_support_route_refuses_without_a_session(sqlite_app):
    client = sqlite_app.server.test_client()
    for path in support_pages():
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/en/login?next="), path
    api = support_api(sqlite_app)
    assert api
    for method, path in api:
        response = client.open(path, method=method, json={})
        assert response.status_code == 401, (method, path)
        assert response.get_json() == {"error": "authentication required"}


def test_support_layouts_without_a_session_redirect(sqlite_app):
    with sqlite_app.server.test_request_context("/_dash-update-component"):
        for page in dash.page_registry.values():
            if page.get("support_role"):
                rendered = page["layout"](lang="en")
                assert "support-login-redirect" in str(rendered.to_plotly_json()), page["module"]


def test_support_callbacks_refuse_without_a_session(sqlite_app):
    calls = [
        (review_callbacks.render_queue, (None, None, False, 0, "en")),
        (report_callbacks.show_report, (1, 0, "en", [])),
        (
            report_callbacks.decide,
            (1, None, None, None, None, None, [], 1, "", None, [], [], 0, "en"),
        ),
        (review_callbacks.bulk_publish, (1, [[1]], 0, "en")),
        (review_callbacks.render_audit, ("x", "en")),
        (review_callbacks.set_auto_publish, (True, "en")),
        (plan_callbacks.update_plan, ([], None, None, None, "en", [])),
        (plan_callbacks.show_sources, ("I01", [], None, None, "en", [])),
        (plan_callbacks.render_draft, (0, "en")),
        (plan_callbacks.edit_plan, (1, [], "I01", "", "", 0, "en")),
        (events_review.render_queue, ("pending", 0, "en")),
        (events_review.act, ([1], [None], [""], [{"id": 1}], 0, "en")),
        (contrib_review_callbacks.render_queue, ("pending", 0, "en")),
        (contrib_review_callbacks.act, ([1], [None], [""], [{"id": 1}], 0, "en")),
    ]
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        for function, args in calls:
            with pytest.raises(dash.exceptions.PreventUpdate):
                function(*args)


def test_sign_in_and_out(client, accounts):
    assert client.get("/en/login").status_code == 200
    response = sign_in(client, "rita@example.org")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/review"
    assert client.get("/en/review").status_code == 200
    assert client.get("/api/v1/plan").status_code == 200
    client.get("/en/logout")  # not a sign-out: a link or an image elsewhere could do it
    assert client.get("/api/v1/plan").status_code == 200
    assert sign_out(client).headers["Location"] == "/en/"
    assert client.get("/api/v1/plan").status_code == 401


def test_login_page_is_translated_and_directional(sqlite_app):
    html = sqlite_app.server.test_client().get("/en/login").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert "/assets/vendor/bootstrap/bootstrap.min.css" in html
    assert 'name="csrf_token"' in html


def test_wrong_password_and_missing_csrf_token_are_refused(client, accounts):
    assert sign_in(client, "rita@example.org", "wrong").status_code == 401
    no_token = client.post("/en/login", data={"email": "rita@example.org", "password": PASSWORD})
    assert no_token.status_code == 400
    assert client.get("/api/v1/plan").status_code == 401


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/x",
        "/%09/evil.example",  # a tab: browsers drop it, leaving //evil.example
        "/%0a/evil.example",
        "/%0d%0a/evil.example",
        "/%5Cevil.example",  # a backslash: browsers read /\evil.example as //evil.example
        "/%5C%5Cevil.example",
        "https:evil.example",
        "https://evil.example/",
        "%20/evil.example",
        "%09//evil.example",
        "/%00/evil.example",
        "javascript:alert(1)",
    ],
)
def test_next_only_goes_to_this_site(client, accounts, target):
    page = client.get(f"/en/login?next={target}")
    assert page.status_code == 200

    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post(
        f"/en/login?next={target}",
        data={"email": "rita@example.org", "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/en/review"


def test_next_keeps_a_path_of_this_site(client, accounts):
    page = client.get("/en/login?next=/en/plan%3Fregion%3DESEAP")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post(
        "/en/login?next=/en/plan%3Fregion%3DESEAP",
        data={"email": "rita@example.org", "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/en/plan?region=ESEAP"


def test_login_is_rate_limited(client, accounts):
    codes = [sign_in(client, "rita@example.org", "wrong").status_code for _ in range(11)]
    assert codes[:10] == [401] * 10
    assert codes[10] == 429


def test_session_expires_after_eight_hours(sqlite_app):
    assert sqlite_app.server.config["PERMANENT_SESSION_LIFETIME"] == dt.timedelta(hours=8)
    assert sqlite_app.server.config["SESSION_COOKIE_HTTPONLY"] is True
    assert sqlite_app.server.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_passwords_are_hashed(db, accounts):
    with db.session(readonly=True) as session:
        stored = session.execute(text("SELECT password_hash FROM users")).scalars()
        assert all(PASSWORD not in h and h.startswith(("scrypt:", "pbkdf2:")) for h in stored)
        assert authenticate(session, "RITA@example.org", PASSWORD).name == "Rita"
        assert authenticate(session, "rita@example.org", "nope") is None


def test_a_reviewer_cannot_create_users_an_admin_can(client, accounts):
    body = {"email": "new@example.org", "name": "New", "password": "a long enough pass"}
    sign_in(client, "rita@example.org")
    assert client.post("/api/v1/users", json=body).status_code == 403
    sign_out(client)
    sign_in(client, "adam@example.org")
    response = client.post("/api/v1/users", json=body)
    assert response.status_code == 201
    assert response.get_json()["role"] == "reviewer"
    assert client.post("/api/v1/users", json=body).status_code == 409


def test_a_reviewer_cannot_change_settings_an_admin_can(app, db, accounts):
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        message = review_callbacks.set_auto_publish(False, "en")
        assert "Only administrators" in message
    with db.session(readonly=True) as session:
        assert get_setting(session, AUTO_PUBLISH) is None
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["admin"]))
        review_callbacks.set_auto_publish(False, "en")
    with db.session(readonly=True) as session:
        assert get_setting(session, AUTO_PUBLISH) == "0"


def test_create_user_command(sqlite_app):
    from data.db import EXTENSION_KEY

    runner = sqlite_app.server.test_cli_runner()
    result = runner.invoke(
        args=[
            "create-user",
            *("cli@example.org", "Cli Person", "--role", "admin"),
            *("--password", "pw-cli-long-enough"),
        ]
    )
    assert result.exit_code == 0, result.output
    assert "created admin cli@example.org" in result.output
    with sqlite_app.server.extensions[EXTENSION_KEY].session(readonly=True) as session:
        assert authenticate(session, "cli@example.org", "pw-cli-long-enough").role == "admin"


def test_nav_shows_support_pages_only_when_signed_in(app, accounts):
    from components.shell import navigation

    with app.server.test_request_context("/en/"):
        labels = [str(item.children.children) for item in navigation("en", "dashboard.home")]
        assert "Review" not in labels and "Planning" not in labels
        login_user(SupportUser(accounts["reviewer"]))
        assert auth.signed_in()
        labels = [str(item.children.children) for item in navigation("en", "dashboard.home")]
        assert "Review" in labels and "Planning" in labels
