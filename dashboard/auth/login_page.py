"""The support team's sign-in page: a plain HTML form (Bootstrap, the viewer's language and
direction) with its CSRF token, answered ``Cache-Control: no-store``."""

from __future__ import annotations

from flask import current_app, render_template_string, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from components.http_errors import RETRY_AFTER
from components.index import BOOTSTRAP, BOOTSTRAP_RTL
from data import i18n

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


def login_page(
    lang: str, error: str | None = None, email: str = "", status: int = 200, form: bool = True
):
    """The page (with the form unless ``form`` is false), its status and headers."""
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


def unavailable(lang: str, form: bool = True):
    """The page with a 503 when the database cannot be reached."""
    current_app.logger.exception("database unavailable")
    with force_locale(lang):
        message = _("The database is unavailable; try again in a few minutes.")
    return login_page(lang, message, request.form.get("email", ""), status=503, form=form)
