"""Limits on sign-in attempts: per client address, and for failures per account, counted across
every worker (``data.limits``); a breach answers the sign-in page with a 429."""

from __future__ import annotations

import hashlib

from flask import make_response, request
from flask_babel import force_locale
from flask_babel import gettext as _

from dashboard.auth.login_page import login_page
from data import i18n
from data.limits import limiter
from data.support.accounts import normalize_email

LOGIN_LIMIT = "10 per minute"  # sign-in attempts per client address
# Failed sign-ins per e-mail address, whichever addresses they come from. Someone can lock an
# account out for 15 minutes this way; guessing its password stays out of reach.
ACCOUNT_LIMIT = "10 per 15 minutes"


def _account_key() -> str:
    # The e-mail as the account throttle's key, hashed: the counters never hold addresses.
    email = normalize_email(request.form.get("email", ""))
    return "login-account:" + hashlib.sha256(email.encode()).hexdigest()[:32]


def _too_many(_limit):
    lang = i18n.normalize((request.view_args or {}).get("lang"))
    with force_locale(lang):
        message = _("Too many sign-in attempts. Please wait a few minutes and try again.")
    return make_response(login_page(lang, message, request.form.get("email", ""), status=429))


def throttled(view):
    """``view`` (the sign-in POST) under both limits."""
    per_account = limiter.limit(
        ACCOUNT_LIMIT,
        methods=["POST"],
        key_func=_account_key,
        deduct_when=lambda response: response.status_code == 401,  # failures only
        on_breach=_too_many,
    )
    return limiter.limit(LOGIN_LIMIT, methods=["POST"], on_breach=_too_many)(per_account(view))
