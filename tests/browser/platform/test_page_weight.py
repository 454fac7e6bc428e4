"""The dashboard in Chromium loads the partial plotly.js (never the full 4.8 MB bundle), draws
every figure with it, takes Plotly's locale, and gets the vendor files compressed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from components.compression import DCC_PLOTLY
from components.dashboard_ids import graph
from dashboard.home import ids
from dashboard.plan.ids import PLAN_HEATMAP
from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.support.accounts import create_user
from intake.cli.commands import load_demo
from scripts.live import serve
from tests.conftest import PASSWORD, make_app

pytestmark = pytest.mark.browser
FULL_PLOTLY_BYTES = 4_000_000
TRACES = "() => Object.keys(window.Plotly.PlotSchema.get().traces).sort()"
BUNDLED = ["bar", "choropleth", "heatmap", "scatter"]


@pytest.fixture(scope="module")
def plan_live(tmp_path_factory):
    """60 published demo reports and a reviewer, served live."""
    url = f"sqlite:///{tmp_path_factory.mktemp('weight')}/live.db"
    upgrade(url)
    app = make_app(url)
    db = app.server.extensions[EXTENSION_KEY]
    load_demo(db, n=60, seed=3)
    with db.session() as session:
        create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)
    with serve(app.server) as base:
        app.server.config["PUBLIC_URL"] = base  # links lead back here
        yield base
    db.engine.dispose()


def test_the_dashboard_draws_every_figure_with_the_partial_plotly_js(page: Page, live_url, watch):
    seen = watch(page, live_url)
    answers = {}
    page.on("response", lambda r: answers.setdefault(r.url.split("?")[0], r))
    page.goto(f"{live_url}/fr/")
    for name in ids.CHARTS:
        expect(page.locator(f"#{graph(name)} .main-svg").first).to_be_attached(timeout=20000)
    expect(page.locator(f"#{graph('ranking')} .bars .point").first).to_be_attached()
    expect(page.locator(f"#{graph('map')} .choroplethlocation").first).to_be_attached()
    expect(page.locator(f"#{graph('heatmap')} .hm image").first).to_be_attached()

    plotly = answers[f"{live_url}/{DCC_PLOTLY}"]
    assert plotly.status == 200
    assert plotly.header_value("content-encoding") == "br"
    assert len(plotly.body()) < FULL_PLOTLY_BYTES  # decoded by Chromium
    assert page.evaluate(TRACES) == BUNDLED
    # The app's French Plotly locale (components/plotly_locale.py) reached the partial bundle.
    download = "Télécharger le graphique en fichier PNG"
    button = page.locator(f"#{graph('ranking')} .modebar-btn[data-title='{download}']")
    expect(button).to_be_attached()
    for path in ("/assets/vendor/bootstrap/bootstrap.min.css", "/assets/vendor/topojson/"):
        hits = [r for url, r in answers.items() if path in url]
        assert hits, path
        assert all(r.header_value("content-encoding") == "br" for r in hits), path
    seen.assert_clean()


def test_the_plan_heatmap_draws_with_the_partial_plotly_js(page: Page, plan_live, watch):
    seen = watch(page, plan_live)
    page.goto(f"{plan_live}/en/login?next=/fa/plan")
    page.locator("#email").fill("rita@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("#login-submit").click()
    expect(page).to_have_url(f"{plan_live}/fa/plan")
    expect(page.locator(f"#{PLAN_HEATMAP} .hm image").first).to_be_attached(timeout=20000)
    assert page.evaluate(TRACES) == BUNDLED
    seen.assert_clean()
