"""The support pages' shared guard: who the session is, what its role allows, and the wrappers
that refuse without it.

Every support-team page, callback and API route (review queues, planning, exports, the
contributions' and events' reviews) checks its role here, and only here: ``allowed(role)``
(or ``require(role)``) before a callback acts, ``api_login_required(role)`` on a JSON route,
and ``dashboard.auth.pages`` around a page. Dash callbacks are protected by the session cookie
(``SameSite=Lax``) and by these checks; the sign-in itself is in ``dashboard.auth.login``.

Roles: ``reviewer`` reviews, plans and exports; ``admin`` also changes settings (auto-publish)
and creates users (``POST /api/v1/users``, or ``flask create-user`` on the server).
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import quote, urlsplit

from dash.exceptions import PreventUpdate
from flask import jsonify
from flask_login import current_user

from data import i18n
from data.support.accounts import Account, Role


def allowed(role: str = Role.REVIEWER) -> bool:
    """Whether the current session may act as ``role`` (an admin may do what a reviewer may)."""
    if not current_user or not current_user.is_authenticated:
        return False
    return role == Role.REVIEWER or current_user.role == Role.ADMIN


def signed_in() -> bool:
    return allowed(Role.REVIEWER)


def account() -> Account:
    return current_user.account


def require(role: str = Role.REVIEWER) -> None:
    """Refuse a Dash callback without the role: ``PreventUpdate``, nothing read or changed."""
    if not allowed(role):
        raise PreventUpdate


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
