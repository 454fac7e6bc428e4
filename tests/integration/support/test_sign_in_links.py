"""The way in for the support team: the footer's sign-in link on public pages (for visitors who
are not signed in), and the login page drawn with the site's header and language menu."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import login_user

from components.shell import SUPPORT_SIGN_IN
from dashboard.auth.login import SupportUser
from dashboard.home.page import layout as dashboard_layout
from data import i18n
from tests.conftest import PASSWORD
from tests.integration.support_helpers import clear_limits  # noqa: F401

pytestmark = pytest.mark.usefixtures("clear_limits")


def find(component, wanted_id: str):
    """The component with ``id`` ``wanted_id`` in a Dash layout tree, or None."""
    if getattr(component, "id", None) == wanted_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            found = find(child, wanted_id)
            if found is not None:
                return found
    return None


def text_of(component) -> str:
    children = component.children
    parts = children if isinstance(children, list) else [children]
    return "".join(p for p in parts if isinstance(p, str))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_dashboard_footer_links_to_the_login_page(sqlite_app, lang):
    with sqlite_app.server.test_request_context(f"/{lang}/"):
        page = dashboard_layout(lang)
        footer = page.children[-1]
        assert type(footer).__name__ == "Footer"
        link = find(footer, SUPPORT_SIGN_IN)
        assert link is not None
        assert link.href == f"/{lang}/login"
        with force_locale(lang):
            assert text_of(link) == _("Support team sign-in")
    if lang == "ar" and "ar" in i18n.available():
        assert text_of(link) != "Support team sign-in"  # the Arabic catalog has it


def test_a_signed_in_session_gets_no_sign_in_link(sqlite_app, accounts):
    with sqlite_app.server.test_request_context("/en/"):
        login_user(SupportUser(accounts["reviewer"]))
        page = dashboard_layout("en")
        assert find(page, SUPPORT_SIGN_IN) is None
        # The navigation has the support pages instead.
        nav = str(page.children[1].to_plotly_json())
        assert "/en/review" in nav and "/en/plan" in nav


def language_links(html: str) -> dict[str, str]:
    menu = re.search(r'<details[^>]*id="lang-switcher".*?</details>', html, re.S).group(0)
    return dict(
        (lang, href.replace("&amp;", "&"))
        for href, lang in re.findall(
            r'<a class="dropdown-item[^"]*" href="([^"]+)"\s+lang="(\w+)"', menu
        )
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_login_page_has_the_header_and_keeps_next_across_languages(sqlite_app, lang):
    web = sqlite_app.server.test_client()
    html = web.get(f"/{lang}/login?next=/{lang}/plan%3Fregion%3DESEAP").get_data(as_text=True)
    direction = "rtl" if i18n.is_rtl(lang) else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in html
    sheet = "bootstrap.rtl.min.css" if direction == "rtl" else "bootstrap.min.css"
    assert f'href="/assets/vendor/bootstrap/{sheet}"' in html
    assert re.search(rf'<a class="navbar-brand" href="/{lang}/">', html)
    assert f'href="/{lang}/events"' in html  # the public navigation
    links = language_links(html)
    assert set(links) == set(i18n.available())
    for code, href in links.items():
        # The page in that language, going on to the same page in that language.
        assert href == f"/{code}/login?next=/{code}/plan%3Fregion%3DESEAP"
    # The form still posts to this language's URL, with its next and its token.
    assert f'action="/{lang}/login?next=/{lang}/plan%3Fregion%3DESEAP"' in html
    assert 'name="csrf_token"' in html


def test_a_next_of_another_language_or_none_is_kept_as_is(sqlite_app):
    web = sqlite_app.server.test_client()
    links = language_links(web.get("/en/login?next=/fr/review").get_data(as_text=True))
    assert links["ar"] == "/ar/login?next=/fr/review"
    links = language_links(web.get("/en/login").get_data(as_text=True))
    assert links["ar"] == "/ar/login"
    # A next leading elsewhere is not passed on.
    links = language_links(web.get("/en/login?next=//evil.example/").get_data(as_text=True))
    assert links["ar"] == "/ar/login"


def test_signing_in_after_switching_language_lands_in_that_language(client, accounts):
    html = client.get("/en/login?next=/en/review").get_data(as_text=True)
    arabic = language_links(html)["ar"]
    assert arabic == "/ar/login?next=/ar/review"
    page = client.get(arabic).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(
        arabic, data={"email": "rita@example.org", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/ar/review"
