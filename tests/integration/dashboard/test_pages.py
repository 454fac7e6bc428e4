"""Pages over HTTP: language routing, local assets, nothing from another host."""

import re

import pytest


@pytest.fixture
def web(sqlite_app):
    return sqlite_app.server.test_client()


def test_root_redirects_by_accept_language(web):
    response = web.get("/", headers={"Accept-Language": "de-CH, fr;q=0.8"})
    assert response.status_code == 302
    assert response.headers["Location"] in ("/de/", "/fr/", "/en/")
    assert web.get("/", headers={"Accept-Language": "tlh"}).headers["Location"] == "/en/"


@pytest.mark.parametrize("path", ["/en/", "/en/report"])
def test_pages_load_only_local_assets(web, path):
    response = web.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    assert "/assets/vendor/bootstrap/bootstrap.min.css" in html
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(not re.match(r"^(https?:)?//", u) for u in urls), urls


def test_vendor_files_are_served(web):
    for path in (
        "bootstrap/bootstrap.min.css",
        "bootstrap/bootstrap.rtl.min.css",
        "bootstrap-icons/bootstrap-icons.min.css",
        "topojson/world_110m.json",
    ):
        with web.get(f"/assets/vendor/{path}") as response:
            assert response.status_code == 200, path


def test_layouts_render_without_a_database_call_when_called_bare(web):
    # Dash validates callbacks by calling every layout with no arguments.
    from dashboard.home.page import layout as dashboard_layout
    from intake.report.page import layout as report_layout

    assert dashboard_layout() is not None
    assert report_layout() is not None


def test_dash_layout_and_dependencies(web):
    assert web.get("/_dash-layout").status_code == 200
    deps = web.get("/_dash-dependencies").get_json()
    outputs = " ".join(d["output"] for d in deps)
    assert "dash-ranking.figure" in outputs
    assert "report-result.children" in outputs
