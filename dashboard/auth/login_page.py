"""The support team's sign-in page: a plain HTML form (Bootstrap, the viewer's language and
direction) with its CSRF token, answered ``Cache-Control: no-store``.

It is a Flask view, not a Dash page (the form posts to it with its token), so it draws the
shell's header itself from the shell's data (``components.shell.nav_entries`` and
``language_links``): the skip link, the brand, the navigation and a language menu, a
``<details>`` element (Bootstrap's dropdown script is not loaded here), behind the same menu
button on a narrow screen (opened by assets/layout.js). Every language link keeps ``next``, in the
chosen language when it names a page in the current one."""

from __future__ import annotations

from urllib.parse import quote

from flask import current_app, render_template_string, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_wtf.csrf import generate_csrf

from components import shell
from components.http_errors import RETRY_AFTER
from components.index import BOOTSTRAP, BOOTSTRAP_RTL, ICONS
from dashboard.auth.guards import safe_next
from data import i18n
from data.reference import reference

PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ 'rtl' if rtl else 'ltr' }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · {{ app_name }}</title>
{% for sheet in sheets %}<link rel="stylesheet" href="/assets/{{ sheet }}">
{% endfor %}</head>
<body><a class="visually-hidden-focusable skip-link" href="#main">{{ skip }}</a>
<nav class="navbar navbar-expand-{{ expand }} navbar-dark bg-dark mb-3" id="login-header">
<div class="container-fluid"><a class="navbar-brand" href="/{{ lang }}/">{{ app_name }}</a>
<button class="navbar-toggler" type="button" data-nav-toggle aria-controls="login-nav"
 aria-expanded="false" aria-label="{{ menu }}"><span class="navbar-toggler-icon"></span></button>
<div class="collapse navbar-collapse" id="login-nav">
<ul class="navbar-nav me-auto">{% for entry in nav %}
<li class="nav-item"><a class="nav-link" href="{{ entry.href }}">{{ entry.label }}</a></li>
{% endfor %}</ul>
{% if languages %}<div class="navbar-nav"><details class="nav-item login-lang" id="lang-switcher">
<summary class="nav-link dropdown-toggle text-light"><i class="bi bi-translate me-1"
 aria-hidden="true"></i>{{ language }}</summary>
<ul class="dropdown-menu dropdown-menu-end">{% for link in languages %}
<li><a class="dropdown-item{{ ' active' if link.active }}" href="{{ link.href }}"
 lang="{{ link.code }}" hreflang="{{ link.code }}"
 {%- if link.active %} aria-current="page"{% endif %}>{{ link.name }}</a></li>
{% endfor %}</ul></details></div>{% endif %}</div></div></nav>
<main class="container py-4" style="max-width: 28rem" id="main" tabindex="-1">
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
</form>{% else %}<a href="/{{ lang }}/">{{ back }}</a>{% endif %}</main>
<footer class="py-3 mt-4 border-top"><div class="container-fluid">
<small class="text-body-secondary">{{ about }}</small></div></footer>
<script src="/assets/layout.js"></script></body></html>"""


def next_in(code: str, lang: str, target: str) -> str:
    """``target`` (a path of this site) for the page in ``code``: its language segment is
    swapped when it is the current one (``/en/review`` → ``/ar/review``), else kept."""
    first, sep, rest = target.lstrip("/").partition("/")
    return f"/{code}{sep}{rest}" if first == lang else target


def language_links(lang: str) -> list[dict]:
    """The login page in every language, each keeping the request's ``next``."""
    target = request.args.get("next") or ""
    if not safe_next(target):
        return shell.language_links(lang, "login")
    return [
        dict(
            link, href=f"{link['href']}?next={quote(next_in(link['code'], lang, target), safe='/')}"
        )
        for link in shell.language_links(lang, "login")
    ]


def login_page(
    lang: str, error: str | None = None, email: str = "", status: int = 200, form: bool = True
):
    """The page (with the form unless ``form`` is false), its status and headers."""
    rtl = i18n.is_rtl(lang)
    with force_locale(lang):
        body = render_template_string(
            PAGE,
            form=form,
            lang=lang,
            rtl=rtl,
            sheets=(BOOTSTRAP_RTL if rtl else BOOTSTRAP, ICONS, "app.css", "layout.css"),
            expand=shell.EXPAND,
            skip=_("Skip to main content"),
            menu=_("Menu"),
            nav=shell.nav_entries(lang),
            languages=language_links(lang),
            language=reference().languages[lang].name,
            title=_("Support team sign-in"),
            app_name=_("Movement Priorities"),
            about=_(
                "Results of Wikimedia 2030 Movement Strategy prioritization events, "
                "reported by their organizers."
            ),
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
