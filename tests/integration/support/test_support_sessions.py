"""Sessions end on the server: signing out (a CSRF-protected POST), a new password and disabling
an account end every session of it, a copied cookie included. Cookies are Secure over HTTPS and
answers made for a session are never cached."""

from __future__ import annotations

import json

import dash
import pytest
from flask_login import login_user

from dashboard.auth import pages as auth
from dashboard.auth.login import SupportUser
from data.db import EXTENSION_KEY
from data.support.accounts import Role, disable_user, set_password
from tests.conftest import PASSWORD, make_app, sign_in
from tests.integration.support_helpers import clear_limits, csrf_token, sign_out  # noqa: F401

pytestmark = pytest.mark.usefixtures("clear_limits")
PRIVATE = "/api/v1/plan"


def _copy_session(source, target) -> None:
    """What someone who copied the cookie (a shared computer, a leaked log) holds."""
    cookie = source.get_cookie("session")
    target.set_cookie("session", cookie.value)


def test_signing_out_ends_a_copied_session(app, client, accounts):
    sign_in(client, "rita@example.org")
    thief = app.server.test_client()
    _copy_session(client, thief)
    assert thief.get(PRIVATE).status_code == 200

    response = sign_out(client)
    assert (response.status_code, response.headers["Location"]) == (302, "/en/")
    assert client.get(PRIVATE).status_code == 401
    assert thief.get(PRIVATE).status_code == 401
    # Signing in again opens a new session; the copied one stays dead.
    sign_in(client, "rita@example.org")
    assert client.get(PRIVATE).status_code == 200
    assert thief.get(PRIVATE).status_code == 401


def test_signing_out_needs_a_post_with_the_csrf_token(client, accounts):
    sign_in(client, "rita@example.org")
    client.get("/en/logout")  # an <img src> or a link on another site
    assert client.get(PRIVATE).status_code == 200
    assert client.post("/en/logout").status_code == 400  # no token
    assert client.post("/en/logout", data={"csrf_token": "forged"}).status_code == 400
    assert client.get(PRIVATE).status_code == 200
    assert sign_out(client).status_code == 302
    assert client.get(PRIVATE).status_code == 401


@pytest.mark.parametrize("change", ["password", "disable"])
def test_a_new_password_or_disabling_ends_every_session(app, db, accounts, change):
    first, second = app.server.test_client(), app.server.test_client()
    sign_in(first, "rita@example.org")
    sign_in(second, "rita@example.org")
    assert first.get(PRIVATE).status_code == second.get(PRIVATE).status_code == 200
    with db.session() as session:
        if change == "password":
            set_password(session, "rita@example.org", "a brand new passphrase")
        else:
            disable_user(session, "Rita@Example.org")
    assert first.get(PRIVATE).status_code == second.get(PRIVATE).status_code == 401
    again = sign_in(first, "rita@example.org", "a brand new passphrase")
    assert again.status_code == (302 if change == "password" else 401)
    assert sign_in(second, "rita@example.org").status_code == 401  # the old password


def test_the_commands_change_passwords_and_disable_accounts(sqlite_app, accounts_on_sqlite):
    runner = sqlite_app.server.test_cli_runner()
    short = runner.invoke(args=["set-password", "rita@example.org", "--password", "short"])
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    done = runner.invoke(args=["set-password", "rita@example.org", "--password", "x" * 12 + "yz"])
    assert done.exit_code == 0, done.output
    assert runner.invoke(args=["disable-user", "rita@example.org"]).exit_code == 0
    client = sqlite_app.server.test_client()
    assert sign_in(client, "rita@example.org", "x" * 12 + "yz").status_code == 401
    assert runner.invoke(args=["disable-user", "nobody@example.org"]).exit_code != 0


@pytest.fixture
def accounts_on_sqlite(sqlite_app):
    from data.support.accounts import create_user

    with sqlite_app.server.extensions[EXTENSION_KEY].session() as session:
        create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)


def test_the_sign_out_control_is_a_form_that_posts_the_token(app, accounts):
    review = next(
        p for p in dash.page_registry.values() if p.get("path_template") == "/<lang>/review"
    )
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        page = json.dumps(
            auth.support_page("en", review["module"], "review", Role.REVIEWER).to_plotly_json(),
            default=lambda c: c.to_plotly_json(),
        )
    assert '"method": "post"' in page and '"action": "/en/logout"' in page
    assert '"name": "csrf_token"' in page
    assert '"href": "/en/logout"' not in page


@pytest.mark.parametrize(
    ("config", "secure"),
    [
        ({}, False),
        ({"PUBLIC_URL": "http://localhost:8050"}, False),
        ({"PUBLIC_URL": "https://priorities.example.org"}, True),
        ({"SESSION_COOKIE_SECURE": True}, True),
    ],
)
def test_cookies_are_secure_when_served_over_https(sqlite_url, config, secure):
    app = make_app(sqlite_url, **config)
    try:
        assert app.server.config["SESSION_COOKIE_SECURE"] is secure
        assert app.server.config["REMEMBER_COOKIE_SECURE"] is secure
        client = app.server.test_client()
        cookies = client.get("/en/login").headers.getlist("Set-Cookie")
        session_cookie = next(c for c in cookies if c.startswith("session="))
        assert ("; Secure" in session_cookie) is secure
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()


def test_private_answers_are_never_stored_by_caches(client, accounts):
    sign_in(client, "rita@example.org")
    for path in ("/api/v1/plan", "/api/v1/contributions/pending"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path
    # Public answers keep their own caching rules.
    signed_out = client.application.test_client()
    assert signed_out.get("/api/v1/summary").headers.get("Cache-Control") != "no-store"


def test_sessions_from_before_session_versions_are_refused(app, client, accounts):
    # A cookie that names the bare account id (how sessions were kept before): sign in again.
    with client.session_transaction() as session:
        session["_user_id"] = str(accounts["reviewer"].id)
        session["_fresh"] = True
    assert client.get(PRIVATE).status_code == 401
    assert csrf_token(client)
