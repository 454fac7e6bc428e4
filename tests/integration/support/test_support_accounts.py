"""Accounts: the rules for a new one (API and command), sign-in timing that tells nothing, a
throttle per account besides the one per address, and 503 while the database is away."""

from __future__ import annotations

import pytest

from data.db import EXTENSION_KEY
from data.limits import limiter
from data.support import accounts as accounts_module
from data.support.accounts import create_user, disable_user
from tests.conftest import PASSWORD, make_app, sign_in
from tests.integration.support_helpers import clear_limits, sign_out  # noqa: F401

pytestmark = pytest.mark.usefixtures("clear_limits")
GOOD = {"email": "new@example.org", "name": "New Person", "password": "twelve chars ok"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": "new@"}, "email"),
        ({"email": "two@at@example.org"}, "email"),
        ({"password": "x"}, "password"),
        ({"password": "elevenchars"}, "password"),
        ({"email": "longaddress@example.org", "password": "LongAddress@example.org"}, "password"),
        ({"name": "A very long name", "password": "a very long name"}, "password"),
    ],
)
def test_the_users_api_refuses_weak_accounts(client, accounts, change, field):
    sign_in(client, "adam@example.org")
    response = client.post("/api/v1/users", json={**GOOD, **change})
    assert response.status_code == 422, response.get_data(as_text=True)
    assert field in response.get_json()["errors"]
    assert sign_in(client.application.test_client(), GOOD["email"]).status_code == 401


def test_the_users_api_stores_the_normalized_address(client, accounts):
    sign_in(client, "adam@example.org")
    response = client.post("/api/v1/users", json={**GOOD, "email": "  New@Example.ORG "})
    assert response.status_code == 201
    assert response.get_json()["email"] == "new@example.org"
    assert client.post("/api/v1/users", json=GOOD).status_code == 409


def test_create_user_command_applies_the_same_rules(sqlite_app):
    runner = sqlite_app.server.test_cli_runner()
    weak = runner.invoke(args=["create-user", "cli@example.org", "Cli", "--password", "pw"])
    assert weak.exit_code != 0
    assert "at least 12 characters" in weak.output
    bad = runner.invoke(args=["create-user", "cli", "Cli", "--password", "long enough pw"])
    assert bad.exit_code != 0 and "not a valid e-mail address" in bad.output


@pytest.fixture
def hash_calls(monkeypatch):
    calls = {"check": 0, "generate": 0}
    check, generate = accounts_module.check_password_hash, accounts_module.generate_password_hash

    def counted_check(*args):
        calls["check"] += 1
        return check(*args)

    def counted_generate(*args, **kwargs):
        calls["generate"] += 1
        return generate(*args, **kwargs)

    monkeypatch.setattr(accounts_module, "check_password_hash", counted_check)
    monkeypatch.setattr(accounts_module, "generate_password_hash", counted_generate)
    return calls


def test_every_sign_in_costs_one_hash_check(db, accounts, hash_calls):
    from sqlalchemy import text

    with db.session() as session:
        session.execute(text("UPDATE users SET password_hash = NULL WHERE role = 'admin'"))
        create_user(session, "gone@example.org", "Gone", "reviewer", PASSWORD)
        disable_user(session, "gone@example.org")
    accounts_module.dummy_hash()  # made once per process, before any sign-in is timed
    hash_calls.update(check=0, generate=0)
    attempts = [
        ("rita@example.org", PASSWORD),  # right
        ("rita@example.org", "wrong password"),  # wrong
        ("nobody@example.org", PASSWORD),  # no such account
        ("adam@example.org", PASSWORD),  # no password (an external account)
        ("gone@example.org", PASSWORD),  # disabled
    ]
    with db.session(readonly=True) as session:
        for n, (email, password) in enumerate(attempts, start=1):
            found = accounts_module.authenticate(session, email, password)
            assert (found is not None) is (n == 1)
            assert hash_calls == {"check": n, "generate": 0}, email
        real = session.execute(text("SELECT password_hash FROM users WHERE name = 'Rita'"))
        method = real.scalar_one().split("$")[0]
    # The dummy costs what a real hash costs (same method and parameters).
    assert accounts_module.dummy_hash().split("$")[0] == method


def test_failures_for_one_account_are_limited_from_any_address(database_url):
    app = make_app(database_url, TRUSTED_PROXIES=1)
    db = app.server.extensions[EXTENSION_KEY]
    try:
        with app.server.app_context():
            limiter.reset()
        with db.session() as session:
            session.execute(accounts_module.User.__table__.delete())
            create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)
            create_user(session, "adam@example.org", "Adam", "admin", PASSWORD)
        client = app.server.test_client()

        def attempt(n: int, email: str, password: str):
            client.environ_base["REMOTE_ADDR"] = "10.0.0.1"
            client.environ_base["HTTP_X_FORWARDED_FOR"] = f"198.51.100.{n}"
            return sign_in(client, email, password)

        codes = [attempt(n, "rita@example.org", "wrong").status_code for n in range(10)]
        assert codes == [401] * 10
        # The 11th try, from yet another address, is refused even with the right password.
        refused = attempt(11, "Rita@Example.org", PASSWORD)
        assert refused.status_code == 429
        assert "Too many sign-in attempts" in refused.get_data(as_text=True)
        # Another account is untouched, and its successes count for nothing.
        signed = [attempt(20 + n, "adam@example.org", PASSWORD).status_code for n in range(12)]
        assert signed == [302] * 12
        sign_out(client)
    finally:
        with app.server.app_context():
            limiter.reset()
        db.engine.dispose()


@pytest.mark.parametrize("down", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_sign_in_answers_503_while_the_database_is_unavailable(tmp_path, down):
    # SQLite: the database path is a directory; PostgreSQL: nothing listens on the port.
    url = f"sqlite:///{tmp_path}" if down == "sqlite" else "postgresql+psycopg://u@127.0.0.1:9/x"
    app = make_app(url)
    try:
        client = app.server.test_client()
        response = sign_in(client, "rita@example.org")
        assert response.status_code == 503
        assert int(response.headers["Retry-After"]) > 0
        assert "The database is unavailable" in response.get_data(as_text=True)
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()
        limiter._storage_dead = False
