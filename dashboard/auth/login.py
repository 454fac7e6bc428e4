"""Sign-in for the support team: Flask-Login sessions, a CSRF-protected login form, roles.

The login page is a plain Flask view (``/<lang>/login``; Werkzeug prefers it over Dash's
catch-all). Dash posts its callbacks to ``/_dash-update-component`` without a CSRF token, so
CSRF checks are off by default and the login POST calls ``csrf.protect()`` itself; Dash
callbacks are protected by the session cookie (``SameSite=Lax``) and by ``allowed(role)``,
which every support callback checks before it acts.

Sessions end on the server: the session names the account's ``session_version``, which the
user loader compares on every request, so signing out (a CSRF-protected POST), a new password
and disabling an account end every session of that account, copied cookies included. Cookies
are ``Secure`` when the site is served over HTTPS; answers made for a signed-in session are
``Cache-Control: no-store``. Sign-in attempts are limited per address and, for failures, per
account (``data.limits``: counted across every worker).

Roles: ``reviewer`` reviews, plans and exports; ``admin`` also changes settings (auto-publish)
and creates users (``POST /api/v1/users``, or ``flask create-user`` on the server).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import wraps
from urllib.parse import quote, urlsplit

import click
import dash
from dash import dcc, html
from flask import (
    Flask,
    current_app,
    jsonify,
    make_response,
    redirect,
    render_template_string,
    request,
    session,
)
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf

from components import shell
from components.http_errors import RETRY_AFTER
from components.index import BOOTSTRAP, BOOTSTRAP_RTL
from data import i18n
from data.db import UNAVAILABLE, current_db
from data.limits import limiter
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
    normalize_email,
    set_password,
)

login_manager = LoginManager()
csrf = CSRFProtect()
LOGIN_LIMIT = "10 per minute"  # sign-in attempts per client address
# Failed sign-ins per e-mail address, whichever addresses they come from. Someone can lock an
# account out for 15 minutes this way; guessing its password stays out of reach.
ACCOUNT_LIMIT = "10 per 15 minutes"


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
    return f"{url}?next={quote(next_path, safe='/')}" if safe_next(next_path) else url


def safe_next(path: str | None) -> bool:
    r"""Whether ``path`` stays on this site. Browsers drop tabs and newlines inside a URL and
    read a backslash as a slash, so "/\t/evil.example" and "/\evil.example" lead elsewhere;
    any control character or space, backslash, scheme or host is refused outright."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return False
    if any(ord(c) <= 0x20 or ord(c) == 0x7F or not c.isprintable() for c in path):
        return False
    parts = urlsplit(path)
    return not parts.scheme and not parts.netloc


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
{% if form %}<form method="post" action="{{ action }}" novalidate>
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<div class="mb-3"><label class="form-label" for="email">{{ email_label }}</label>
<input class="form-control" id="email" name="email" type="email" autocomplete="username"
 required value="{{ email }}"></div>
<div class="mb-3"><label class="form-label" for="password">{{ password_label }}</label>
<input class="form-control" id="password" name="password" type="password"
 autocomplete="current-password" required></div>
<button class="btn btn-primary" type="submit" id="login-submit">{{ submit }}</button>
<a class="ms-3" href="/{{ lang }}/">{{ back }}</a>
</form>{% else %}<a href="/{{ lang }}/">{{ back }}</a>{% endif %}</main></body></html>"""


def _login_page(
    lang: str, error: str | None = None, email: str = "", status: int = 200, form: bool = True
):
    with force_locale(lang):
        body = render_template_string(
            PAGE,
            form=form,
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
    headers = {"Cache-Control": "no-store"}
    if status == 503:
        headers["Retry-After"] = str(RETRY_AFTER)
    return body, status, headers


def _unavailable(lang: str, form: bool = True):
    current_app.logger.exception("database unavailable")
    with force_locale(lang):
        message = _("The database is unavailable; try again in a few minutes.")
    return _login_page(lang, message, request.form.get("email", ""), status=503, form=form)


def _account_key() -> str:
    # The e-mail as the account throttle's key, hashed: the counters never hold addresses.
    email = normalize_email(request.form.get("email", ""))
    return "login-account:" + hashlib.sha256(email.encode()).hexdigest()[:32]


def _too_many(_limit):
    lang = i18n.normalize((request.view_args or {}).get("lang"))
    with force_locale(lang):
        message = _("Too many sign-in attempts. Please wait a few minutes and try again.")
    return make_response(_login_page(lang, message, request.form.get("email", ""), status=429))


@limiter.limit(LOGIN_LIMIT, methods=["POST"], on_breach=_too_many)
@limiter.limit(
    ACCOUNT_LIMIT,
    methods=["POST"],
    key_func=_account_key,
    deduct_when=lambda response: response.status_code == 401,  # failures only
    on_breach=_too_many,
)
def login(lang: str):
    if lang not in i18n.available():
        return redirect(f"/{i18n.DEFAULT}/login")
    target = request.args.get("next") or ""
    target = target if safe_next(target) else f"/{lang}/review"
    if request.method == "GET":
        return _login_page(lang)
    try:
        csrf.protect()
    except CSRFError:
        with force_locale(lang):
            return _login_page(lang, _("The form expired. Please try again."), status=400)
    email = request.form.get("email", "")
    try:
        with current_db().session(readonly=True) as db_session:
            found = authenticate(db_session, email, request.form.get("password", ""))
    except UNAVAILABLE:
        return _unavailable(lang)
    if found is None:
        with force_locale(lang):
            return _login_page(lang, _("Wrong email or password."), email, status=401)
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
            return _login_page(
                lang, _("The form expired. Please try again."), status=400, form=False
            )
    try:
        if current_user.is_authenticated:
            with current_db().session() as db_session:
                end_sessions(db_session, current_user.id)
    except UNAVAILABLE:
        # Still signed in: the copied cookie would still work, so the person must try again.
        return _unavailable(lang, form=False)
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
            # A form, not a link: signing out is a POST with the CSRF token.
            html.Form(
                [
                    dcc.Input(type="hidden", name="csrf_token", value=generate_csrf()),
                    html.Button(
                        _("Sign out"),
                        type="submit",
                        id="support-logout",
                        className="btn btn-link btn-sm p-0 align-baseline",
                    ),
                ],
                method="post",
                action=f"/{lang}/logout",
                className="d-inline",
            ),
        ],
        className="small text-body-secondary text-end mb-2",
    )
    return shell.page(lang, module, path_after_lang, who, *children)
