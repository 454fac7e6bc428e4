"""Signing out with the page's button (a form that posts the CSRF token) ends the session."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.support.accounts import create_user
from scripts.live import serve
from tests.conftest import PASSWORD, make_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('sign-out')}/live.db"
    upgrade(url)
    app = make_app(url)
    db = app.server.extensions[EXTENSION_KEY]
    with db.session() as session:
        create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)
    with serve(app.server) as base:
        app.server.config["PUBLIC_URL"] = base  # links lead back here
        yield base
    db.engine.dispose()


def test_the_sign_out_button_ends_the_session(page: Page, live, watch):
    watching = watch(page, live)
    page.goto(f"{live}/en/login?next=/en/review")
    page.get_by_label("Email").fill("rita@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("#login-submit").click()
    expect(page).to_have_url(f"{live}/en/review")
    copied = page.context.cookies()

    page.locator("#support-logout").click()
    expect(page).to_have_url(f"{live}/en/")
    page.goto(f"{live}/en/review")
    expect(page).to_have_url(f"{live}/en/login?next=/en/review")
    # The cookie copied before signing out opens nothing either.
    page.context.add_cookies(copied)
    page.goto(f"{live}/en/review")
    expect(page).to_have_url(f"{live}/en/login?next=/en/review")
    watching.assert_clean()
