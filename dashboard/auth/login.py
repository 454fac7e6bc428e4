"""Sign-in for the support team: the Flask-Login wiring (sessions that end on the server), the
CSRF-protected login and logout views, the redirect of support pages without a session, and the
account commands (``flask create-user``, ``set-password``, ``disable-user``).

The login page is a plain Flask view (``/<lang>/login``; Werkzeug prefers it over Dash's
catch-all). Dash posts its callbacks to ``/_dash-update-component`` without a CSRF token, so
CSRF checks are off by default and the login POST calls ``csrf.protect()`` itself; what a
session may do is checked by the shared guard, ``dashboard.auth.guards``.

Sessions end on the server: the session names the account's ``session_version``, which the
user loader compares on every request, so signing out (a CSRF-protected POST), a new password
and disabling an account end every session of that account, copied cookies included. Cookies
are ``Secure`` when the site is served over HTTPS; answers made for a signed-in session are
``Cache-Control: no-store``. Sign-in attempts are limited (``dashboard.auth.throttle``).
"""

from __future__ import annotations

import datetime as dt
import re

import click
import dash
from flask import Flask, jsonify, redirect, request, session
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect

from dashboard.auth.guards import login_url, safe_next, signed_in
from dashboard.auth.login_page import login_page, unavailable
from dashboard.auth.throttle import throttled
from data import i18n
from data.db import UNAVAILABLE, current_db
from data.support.accounts import (
    Account,
    AccountInvalid,
    Role,
    authenticate,
    create_user,
    disable_user,
    dummy_hash,
    end_sessions,
    get_account,
    set_password,
)

login_manager = LoginManager()
csrf = CSRFProtect()


class SupportUser(UserMixin):
    """The signed-in account (a plain copy, never a live ORM object)."""

    def __init__(self, account: Account):
        self.account = account
        self.id = account.id
        self.email = account.email
        self.name = account.name
        self.role = account.role

    def get_id(self) -> str:
        # What the session keeps: the user loader refuses it once the version has moved on.
        return f"{self.account.id}:{self.account.session_version}"


@throttled
def login(lang: str):
    if lang not in i18n.available():
        return redirect(f"/{i18n.DEFAULT}/login")
    target = request.args.get("next") or ""
    target = target if safe_next(target) else f"/{lang}/review"
    if request.method == "GET":
        return login_page(lang)
    try:
        csrf.protect()
    except CSRFError:
        with force_locale(lang):
            return login_page(lang, _("The form expired. Please try again."), status=400)
    email = request.form.get("email", "")
    try:
        with current_db().session(readonly=True) as db_session:
            found = authenticate(db_session, email, request.form.get("password", ""))
    except UNAVAILABLE:
        return unavailable(lang)
    if found is None:
        with force_locale(lang):
            return login_page(lang, _("Wrong email or password."), email, status=401)
    session.clear()  # a fresh session on sign-in (no fixation)
    session.permanent = True
    login_user(SupportUser(found))
    return redirect(target)


def logout(lang: str):
    """End every session of the signed-in account (POST with the CSRF token only: a link or
    an image elsewhere cannot sign anyone out)."""
    lang = i18n.normalize(lang)
    try:
        csrf.protect()
    except CSRFError:
        with force_locale(lang):
            return login_page(
                lang, _("The form expired. Please try again."), status=400, form=False
            )
    try:
        if current_user.is_authenticated:
            with current_db().session() as db_session:
                end_sessions(db_session, current_user.id)
    except UNAVAILABLE:
        # Still signed in: the copied cookie would still work, so the person must try again.
        return unavailable(lang, form=False)
    logout_user()
    session.clear()
    return redirect(f"/{lang}/")


def _load_user(user_id: str) -> SupportUser | None:
    """The session's account while its session version is current and it is not disabled."""
    key, _sep, version = user_id.partition(":")
    try:
        key, version = int(key), int(version)
    except ValueError:
        return None  # a session from before session versions: sign in again
    with current_db().session(readonly=True) as db_session:
        found = get_account(db_session, key)
    return SupportUser(found) if found and found.session_version == version else None


def _no_store(response):
    """Whatever a signed-in session is answered may be private (review data, exports, Dash
    callbacks of support pages): no cache may keep it. Read from the session alone, so
    that this costs no database read."""
    if "_user_id" in session and (response.is_json or request.path.startswith("/api/")):
        response.headers["Cache-Control"] = "no-store"
    return response


def _invalid_account(exc: AccountInvalid):
    return jsonify(errors=exc.errors), 422


def _unauthorized():
    if request.path.startswith("/api/"):
        return jsonify(error="authentication required"), 401
    first = request.path.strip("/").split("/", 1)[0]
    return redirect(login_url(first, request.path))


def _support_patterns() -> list[re.Pattern]:
    # Every path variable (<lang>, a report's <report>) stands for one segment.
    return [
        re.compile("^" + re.sub("<[^/>]+>", "[^/]+", re.escape(p["path_template"])) + "/?$")
        for p in dash.page_registry.values()
        if p.get("support_role") and p.get("path_template")
    ]


def _guard_pages():
    """A support page's URL without a session redirects to the login page."""
    if request.method != "GET" or signed_in():
        return None
    if any(p.match(request.path) for p in _support_patterns()):
        return _unauthorized()
    return None


def _served_over_https(config) -> bool:
    # Behind a TLS-terminating proxy the app itself sees http://: PUBLIC_URL says otherwise.
    public_url = str(config.get("PUBLIC_URL") or "").strip().lower()
    return bool(config.get("SESSION_COOKIE_SECURE")) or public_url.startswith("https://")


def init_app(server: Flask) -> None:
    # Flask's defaults (31-day sessions, no SameSite) are too loose for reviewers' sessions.
    hours = float(server.config.get("SESSION_HOURS", 8))
    server.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(hours=hours)
    server.config["SESSION_COOKIE_HTTPONLY"] = True
    server.config["SESSION_COOKIE_SAMESITE"] = server.config.get("SESSION_COOKIE_SAMESITE") or "Lax"
    secure = _served_over_https(server.config)
    server.config["SESSION_COOKIE_SECURE"] = secure
    server.config["REMEMBER_COOKIE_SECURE"] = secure
    server.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    # A sign-out button stays on a review page for hours: its token lasts as long as the session
    # (which itself ends after SESSION_HOURS), not Flask-WTF's default hour.
    server.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    login_manager.init_app(server)
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_unauthorized)
    login_manager.session_protection = "basic"
    csrf.init_app(server)
    server.add_url_rule("/<lang>/login", "login", login, methods=["GET", "POST"])
    server.add_url_rule("/<lang>/logout", "logout", logout, methods=["POST"])
    server.before_request(_guard_pages)
    server.after_request(_no_store)
    # POST /api/v1/users (dashboard/export/api.py): the account rules answer 422 with each field.
    server.register_error_handler(AccountInvalid, _invalid_account)
    dummy_hash()  # made now (once per process), not during the first unknown sign-in
    _register_commands(server)


def _register_commands(server: Flask) -> None:
    def run(change, *args) -> Account:
        try:
            with current_db().session() as db_session:
                return change(db_session, *args)
        except AccountInvalid as exc:
            raise click.ClickException(str(exc)) from exc

    @server.cli.command("create-user")
    @click.argument("email")
    @click.argument("name")
    @click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.REVIEWER.value)
    @click.password_option()
    def create_user_command(email: str, name: str, role: str, password: str) -> None:
        """Create a support-team account (the password is prompted unless --password)."""
        made = run(create_user, email, name, role, password)
        click.echo(f"created {made.role} {made.email} (id {made.id})")

    @server.cli.command("set-password")
    @click.argument("email")
    @click.password_option()
    def set_password_command(email: str, password: str) -> None:
        """Give an account a new password; every session of it ends."""
        made = run(set_password, email, password)
        click.echo(f"new password for {made.email}; its sessions ended")

    @server.cli.command("disable-user")
    @click.argument("email")
    def disable_user_command(email: str) -> None:
        """Stop an account from signing in; every session of it ends."""
        made = run(disable_user, email)
        click.echo(f"disabled {made.email}; its sessions ended")
