"""Static files and dcc's plotly.js go out compressed; the streamed export is left alone."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest

from components.compression import DCC_PLOTLY, PARTIAL_PLOTLY
from tests.conftest import make_app

ROOT = Path(__file__).resolve().parents[3]
VENDOR = ROOT / "assets" / "vendor"
BOOTSTRAP = "/assets/vendor/bootstrap/bootstrap.min.css"
TOPOJSON = "/assets/vendor/topojson/world_110m.json"


class Client:
    """The test client, reading each body whole so that the file behind it gets closed (the WSGI
    server closes it in production)."""

    def __init__(self, client):
        self.client = client

    def get(self, path, **kwargs):
        return self.client.get(path, buffered=True, **kwargs)


@pytest.fixture
def web(tmp_path):
    # Static files need no database: an unmigrated one keeps these tests off the schema.
    return Client(make_app(f"sqlite:///{tmp_path}/empty.db").server.test_client())


@pytest.mark.parametrize("path", [BOOTSTRAP, TOPOJSON])
def test_a_vendor_file_answers_gzip_then_304(web, path):
    plain = (ROOT / path.lstrip("/")).read_bytes()
    answer = web.get(path, headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in answer.headers["Vary"]
    assert gzip.decompress(answer.data) == plain
    assert len(answer.data) < len(plain) / 3
    again = web.get(
        path, headers={"Accept-Encoding": "gzip", "If-None-Match": answer.headers["ETag"]}
    )
    assert again.status_code == 304


def test_brotli_when_accepted_and_identity_otherwise(web):
    plain = (VENDOR / "bootstrap" / "bootstrap.min.css").read_bytes()
    br = web.get(BOOTSTRAP, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert br.headers["Content-Encoding"] == "br"
    assert brotli.decompress(br.data) == plain
    raw = web.get(BOOTSTRAP)
    assert "Content-Encoding" not in raw.headers
    assert raw.data == plain
    assert raw.mimetype == br.mimetype == "text/css"
    # One ETag per representation, so a cache never answers one encoding for another.
    assert raw.headers["ETag"] != br.headers["ETag"]


def test_the_apps_own_assets_are_compressed_on_the_fly(web):
    answer = web.get("/assets/draft.js", headers={"Accept-Encoding": "gzip"})
    assert answer.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(answer.data) == (ROOT / "assets" / "draft.js").read_bytes()


def test_dcc_gets_the_partial_plotly_bundle(web):
    answer = web.get(f"/{DCC_PLOTLY}", headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    body = gzip.decompress(answer.data)
    assert body == (ROOT / "assets" / PARTIAL_PLOTLY).read_bytes()
    assert re.search(rb"plotly\.js v[\d.]+ \(MIT\), partial bundle", body[:200])


def test_paths_outside_the_assets_folder_are_not_served(web):
    assert web.get("/assets/../app.py").status_code == 404
    assert web.get("/assets/vendor/nothing.css").status_code == 404


def test_a_streamed_export_is_not_touched(sqlite_app):
    # The public CSV streams (a generator): it must not be buffered or compressed.
    client = sqlite_app.server.test_client()
    with client.get("/api/v1/reports?format=csv", headers={"Accept-Encoding": "gzip"}) as answer:
        assert answer.status_code == 200
        assert "Content-Encoding" not in answer.headers
        assert answer.get_data(as_text=True).startswith("id,")
