"""Movement Priorities: the app factory. ``server`` is the WSGI app for gunicorn."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

import dash
from dash import html
from flask import Flask, redirect, request
from werkzeug.middleware.proxy_fix import ProxyFix

import dashboard.auth
import dashboard.compare
import dashboard.contributions
import dashboard.events
import dashboard.export
import dashboard.home
import dashboard.plan
import dashboard.review
import intake.api
import intake.cli
import intake.contribute
import intake.events
import intake.report
from components import assets_check, compression, headers, links, shell
from components.index import PrioritiesDash
from data import i18n, privacy
from data.cache import cache, cache_config
from data.db import Database
from data.limits import limiter, limiter_config

ROOT = Path(__file__).resolve().parent

# The features, each a package per layer (ARCHITECTURE.md): its pages, callbacks and routes are
# registered by its ``init_app(app)``; what it reads and writes is in data/ under the same name.
FEATURES = (
    intake.report,  # the report form, its edit page, /api/v1/reports and the summary
    intake.cli,  # flask init-db, demo-data, import, reference check|load
    dashboard.home,  # the public dashboard
    dashboard.compare,  # its "Compare with"
    dashboard.auth,  # the support team's sign-in and role guards
    dashboard.export,  # the full export, planning API, Wikimedia downloads
    dashboard.review,  # the review queue and the audit log
    dashboard.plan,  # the planning workspace
    intake.contribute,  # one person's contribution
    dashboard.contributions,  # contributions on the dashboard, the plan and their review
    intake.api,  # the OpenAPI document and Wikimedia publishing
    intake.events,  # announcing an event
    dashboard.events,  # the public events page and their review
)
INSTANCE = ROOT / "instance"


def _flag(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() not in ("0", "false", "no", "off", "")


def _secret_key() -> str:
    """SECRET_KEY from the environment; for local runs, one kept in instance/ across restarts,
    readable by this user only (it signs sessions; instance/ also holds the SQLite file)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    INSTANCE.mkdir(mode=0o700, exist_ok=True)
    _owner_only(INSTANCE, 0o700)
    path = INSTANCE / "secret_key"
    if not path.exists():
        # Written aside (mkstemp: mode 0600) and linked into place: a worker starting beside
        # this one never reads a half-written key, and only the first link wins.
        fd, spare = tempfile.mkstemp(dir=INSTANCE, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
            with contextlib.suppress(FileExistsError):
                os.link(spare, path)
        finally:
            os.unlink(spare)
    _owner_only(path, 0o600)
    return path.read_text().strip()


def _owner_only(path: Path, mode: int) -> None:
    """Tighten what an earlier version created readable by everyone (if it is ours to change)."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            path.chmod(mode)


def settings() -> dict:
    """Configuration from the environment (see the README's table)."""
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE / 'priorities.db'}"),
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        # The address the public reaches the app at: every absolute link the app hands out
        # (edit links, the .tab page's source) is built on it, never on the request's Host.
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", "http://127.0.0.1:8050"),
        # Outgoing e-mail (components/mail.py): empty, the forms offer none.
        "SMTP_URL": os.environ.get("SMTP_URL", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", ""),
        # Secure cookies: on when set, or when PUBLIC_URL is https (behind a TLS proxy).
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", "0"),
        # Namespaces the shared cache and rate limits in Redis (several apps, or test runs).
        "CACHE_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "priorities:"),
        "DEMO_DATA": _flag("DEMO_DATA", "1"),
        "AUTO_PUBLISH": _flag("AUTO_PUBLISH", "1"),
        "PRIVACY_THRESHOLD": privacy.THRESHOLD,
        "POLL_INTERVAL_MS": int(os.environ.get("POLL_INTERVAL_MS", "2000")),
        "VERSION_MAX_AGE": int(os.environ.get("VERSION_MAX_AGE", "1")),
        "MAX_CONTENT_LENGTH": 256 * 1024,
        # Report submissions (form and API together) per client address; Flask-Limiter syntax.
        "SUBMIT_RATE_LIMIT": os.environ.get("SUBMIT_RATE_LIMIT", "30 per minute"),
        # Set explicitly: Flask-Limiter would otherwise inherit the last app's value.
        "RATELIMIT_ENABLED": _flag("RATELIMIT_ENABLED", "1"),
        # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted; 0 (none):
        # the client address is the connection's, as the rate limits need without a proxy.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
        # flask-compress's streaming mode never closes the file it wraps (a leaked descriptor
        # per static file); Dash's bundles are not streamed and are still compressed, static
        # files go pre-compressed or buffered (components/compression.py), and the streamed
        # exports stay as they are.
        "COMPRESS_STREAMS": False,
    }


def create_app(config: dict | None = None) -> dash.Dash:
    app = PrioritiesDash(
        __name__,
        use_pages=True,
        pages_folder="",
        assets_folder=str(ROOT / "assets"),
        assets_path_ignore=["vendor"],
        compress=True,
        title="Movement Priorities",
        update_title=None,
        serve_locally=True,
    )
    server: Flask = app.server
    server.config.update(settings())
    if not (config or {}).get("SECRET_KEY"):
        server.config["SECRET_KEY"] = _secret_key()
    server.config.update(config or {})
    links.init_app(server)  # checks PUBLIC_URL; ids in paths (before any blueprint's routes)
    headers.init_app(server)

    Database().init_app(server)
    i18n.babel.init_app(
        server,
        locale_selector=i18n.select_locale,
        default_translation_directories=str(i18n.TRANSLATIONS),
    )
    cache.init_app(server, config=cache_config(server.config))
    for key, value in limiter_config(server.config).items():
        server.config.setdefault(key, value)
    limiter.init_app(server)
    compression.init_app(app)
    shell.init_app(app)  # the menu button of every page
    assets_check.log_missing(server.logger, ROOT / "assets", i18n.TRANSLATIONS)

    for feature in FEATURES:
        feature.init_app(app)
    app.layout = html.Div(dash.page_container)
    server.before_request(_redirect_to_language)
    server.after_request(i18n.remember)
    proxies = int(server.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        # Behind a proxy every request comes from its address: without this, all clients
        # would share one rate-limit budget. Only the last ``proxies`` hops are believed.
        server.wsgi_app = ProxyFix(
            server.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies
        )
    return app


def _redirect_to_language():
    """``/`` goes to the dashboard in the visitor's language (cookie, then Accept-Language)."""
    if request.path == "/":
        response = redirect(f"/{i18n.negotiate()}/", code=302)
        # The target depends on these headers: a shared cache must not serve one visitor's
        # language to another.
        response.headers["Vary"] = "Accept-Language, Cookie"
        return response
    return None


app = create_app()
server = app.server
