"""Sign-in for the support team: Flask-Login sessions, a CSRF-protected login form, roles.

The login page is a plain Flask view (``/<lang>/login``; Werkzeug prefers it over Dash's
catch-all). Dash posts its callbacks to ``/_dash-update-component`` without a CSRF token, so
CSRF checks are off by default and the login POST calls ``csrf.protect()`` itself; Dash
callbacks are protected by the session cookie (``SameSite=Lax``) and by ``allowed(role)``,
which every support callback checks before it acts.

Roles: ``reviewer`` reviews, plans and exports; ``admin`` also changes settings (auto-publish)
and creates users (``POST /api/v1/users``, or ``flask create-user`` on the server).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import wraps

import click
import dash
from dash import dcc, html
from flask import Flask, current_app, jsonify, redirect, render_template_string, request, session
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf

from components import shell
from components.index import BOOTSTRAP, BOOTSTRAP_RTL
from data import i18n
from data.db import EXTENSION_KEY
from data.limits import limiter
from data.support import Account, Role, authenticate, create_user, get_account

login_manager = LoginManager()
csrf = CSRFProtect()
LOGIN_LIMIT = "10 per minute"


class SupportUser(UserMixin):
    """The signed-in account (a plain copy, never a live ORM object)."""

    def __init__(self, account: Account):
        self.account = account
        self.id = account.id
        self.email = account.email
        self.name = account.name
        self.role = account.role

    def get_id(self) -> str:
        return str(self.account.id)


def _db():
    return current_app.extensions[EXTENSION_KEY]


def allowed(role: str = Role.REVIEWER) -> bool:
    """Whether the current session may act as ``role`` (an admin may do what a reviewer may)."""
    if not current_user or not current_user.is_authenticated:
        return False
    return role == Role.REVIEWER or current_user.role == Role.ADMIN


def signed_in() -> bool:
    return allowed(Role.REVIEWER)


def account() -> Account:
    return current_user.account


def api_login_required(role: str = Role.REVIEWER):
    """401 (JSON) without a session, 403 without the role."""

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not signed_in():
                return jsonify(error="authentication required"), 401
            if not allowed(role):
                return jsonify(error="forbidden"), 403
            return view(*args, **kwargs)

        return wrapper

    return decorate


def login_url(lang: str, next_path: str | None = None) -> str:
    url = f"/{i18n.normalize(lang)}/login"
    return f"{url}?next={next_path}" if next_path and _safe(next_path) else url


def _safe(path: str) -> bool:
    # Only paths on this site: no scheme, no host, no backslash tricks.
    return path.startswith("/") and not path.startswith("//") and "\\" not in path


PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ 'rtl' if rtl else 'ltr' }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · {{ app_name }}</title>
<link rel="stylesheet" href="/assets/{{ css }}"></head>
<body><main class="container py-5" style="max-width: 28rem">
<h1 class="h3 mb-4">{{ title }}</h1>
{% if error %}
<div class="alert alert-danger" role="alert" id="login-error">{{ error }}</div>
{% endif %}
<form method="post" action="{{ action }}" novalidate>
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<div class="mb-3"><label class="form-label" for="email">{{ email_label }}</label>
<input class="form-control" id="email" name="email" type="email" autocomplete="username"
 required value="{{ email }}"></div>
<div class="mb-3"><label class="form-label" for="password">{{ password_label }}</label>
<input class="form-control" id="password" name="password" type="password"
 autocomplete="current-password" required></div>
<button class="btn btn-primary" type="submit" id="login-submit">{{ submit }}</button>
<a class="ms-3" href="/{{ lang }}/">{{ back }}</a>
</form></main></body></html>"""


def _login_page(lang: str, error: str | None = None, email: str = "", status: int = 200):
    with force_locale(lang):
        body = render_template_string(
            PAGE,
            lang=lang,
            rtl=i18n.is_rtl(lang),
            css=BOOTSTRAP_RTL if i18n.is_rtl(lang) else BOOTSTRAP,
            title=_("Support team sign-in"),
            app_name=_("Movement Priorities"),
            error=error,
            action=request.full_path.rstrip("?"),
            csrf_token=generate_csrf(),
            email=email,
            email_label=_("Email"),
            password_label=_("Password"),
            submit=_("Sign in"),
            back=_("Back to the dashboard"),
        )
    return body, status, {"Cache-Control": "no-store"}


@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def login(lang: str):
    if lang not in i18n.available():
        return redirect(f"/{i18n.DEFAULT}/login")
    target = request.args.get("next") or ""
    target = target if _safe(target) else f"/{lang}/review"
    if request.method == "GET":
        return _login_page(lang)
    try:
        csrf.protect()
    except CSRFError:
        with force_locale(lang):
            return _login_page(lang, _("The form expired. Please try again."), status=400)
    email = request.form.get("email", "")
    with _db().session(readonly=True) as db_session:
        found = authenticate(db_session, email, request.form.get("password", ""))
    if found is None:
        with force_locale(lang):
            return _login_page(lang, _("Wrong email or password."), email, status=401)
    session.clear()  # a fresh session on sign-in (no fixation)
    session.permanent = True
    login_user(SupportUser(found))
    return redirect(target)


def logout(lang: str):
    logout_user()
    session.clear()
    return redirect(f"/{i18n.normalize(lang)}/")


def _load_user(user_id: str) -> SupportUser | None:
    try:
        key = int(user_id)
    except ValueError:
        return None
    with _db().session(readonly=True) as db_session:
        found = get_account(db_session, key)
    return SupportUser(found) if found else None


def _unauthorized():
    if request.path.startswith("/api/"):
        return jsonify(error="authentication required"), 401
    first = request.path.strip("/").split("/", 1)[0]
    return redirect(login_url(first, request.path))


def _support_patterns() -> list[re.Pattern]:
    return [
        re.compile(
            "^" + re.escape(p["path_template"]).replace(re.escape("<lang>"), "[^/]+") + "/?$"
        )
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


def init_app(server: Flask) -> None:
    # Flask's defaults (31-day sessions, no SameSite) are too loose for reviewers' sessions.
    hours = float(server.config.get("SESSION_HOURS", 8))
    server.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(hours=hours)
    server.config["SESSION_COOKIE_HTTPONLY"] = True
    server.config["SESSION_COOKIE_SAMESITE"] = server.config.get("SESSION_COOKIE_SAMESITE") or "Lax"
    server.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    login_manager.init_app(server)
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_unauthorized)
    login_manager.session_protection = "basic"
    csrf.init_app(server)
    server.add_url_rule("/<lang>/login", "login", login, methods=["GET", "POST"])
    server.add_url_rule("/<lang>/logout", "logout", logout, methods=["GET", "POST"])
    server.before_request(_guard_pages)

    @server.cli.command("create-user")
    @click.argument("email")
    @click.argument("name")
    @click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.REVIEWER)
    @click.password_option()
    def create_user_command(email: str, name: str, role: str, password: str) -> None:
        """Create a support-team account (the password is prompted unless --password)."""
        with _db().session() as db_session:
            made = create_user(db_session, email, name, role, password)
        click.echo(f"created {made.role} {made.email} (id {made.id})")


def support_page(lang: str, module: str, path_after_lang: str, role: str, *children):
    """A support page in the shell, or a redirect to the login page without the session."""
    if not allowed(role):
        if signed_in():
            return shell.page(
                lang,
                module,
                path_after_lang,
                html.P(_("Your account may not open this page."), className="alert alert-warning"),
            )
        return html.Div(
            [
                dcc.Location(
                    id="support-login-redirect",
                    href=login_url(lang, f"/{lang}/{path_after_lang}"),
                    refresh=True,
                ),
                html.A(_("Sign in to continue"), href=login_url(lang)),
            ]
        )
    who = html.Div(
        [
            html.Span(_("Signed in as %(name)s", name=current_user.name), className="me-3"),
            html.A(_("Sign out"), href=f"/{lang}/logout", id="support-logout"),
        ],
        className="small text-body-secondary text-end mb-2",
    )
    return shell.page(lang, module, path_after_lang, who, *children)
