"""Static files sent compressed at no cost per request, and the partial plotly.js served where
dcc.Graph looks for plotly.js. scripts/fetch_vendor.sh builds both into assets/vendor/.

flask-compress compresses Dash's own responses but not streamed ones (``COMPRESS_STREAMS`` is
off, see app.py), and Flask sends static files streamed: without this hook ``/assets/`` went out
uncompressed (Bootstrap, its icons and the map's topojson: about 450 KB)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from dash import Dash
from flask import Response, request, send_file
from werkzeug.security import safe_join

# dcc.Graph loads plotly.js from this URL (dash-renderer's `window._dashPlotlyJSURL` when
# `serve_locally`) unless `window.Plotly` exists: answering it with the partial bundle means no
# page ever downloads the full 4.8 MB plotly.min.js, whichever page Dash navigated from.
DCC_PLOTLY = "_dash-component-suites/plotly/package_data/plotly.min.js"
PARTIAL_PLOTLY = "vendor/plotly/plotly.min.js"
# Best first; scripts/precompress.mjs writes both siblings.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
COMPRESSIBLE = {"text/css", "text/javascript", "application/javascript", "application/json"}


def send_static(path: Path) -> Response:
    """``path`` as the client best accepts it: its pre-compressed sibling with Content-Encoding,
    else the file itself, read into memory when it is text so that flask-compress compresses
    it. ``send_file`` keeps ETag, Last-Modified and 304s; each encoding has its own ETag."""
    mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    for encoding, suffix in ENCODINGS:
        sibling = path.with_name(path.name + suffix)
        if request.accept_encodings[encoding] and sibling.is_file():
            response = send_file(sibling, mimetype=mimetype, conditional=True)
            response.headers["Content-Encoding"] = encoding
            break
    else:
        response = send_file(path, mimetype=mimetype, conditional=True)
        if mimetype in COMPRESSIBLE and response.status_code == 200:
            # A body in memory is not "streamed", so flask-compress takes it (small files only:
            # the large ones have siblings). Closed here: nothing else would close the file.
            wrapper = response.response
            response.direct_passthrough = False
            response.set_data(b"".join(wrapper))
            wrapper.close()
    response.vary.add("Accept-Encoding")
    return response


def init_app(app: Dash) -> None:
    """Answer ``/assets/…`` and dcc's plotly.js URL before Dash's own routes do."""
    folder = Path(app.config.assets_folder)
    prefix = app.config.routes_pathname_prefix
    assets_url = prefix + app.config.assets_url_path.strip("/") + "/"
    partial = folder / PARTIAL_PLOTLY

    def serve() -> Response | None:
        if request.method not in ("GET", "HEAD"):
            return None
        if request.path == prefix + DCC_PLOTLY:
            # Without a built bundle (vendor files missing), Dash serves the full one.
            return send_static(partial) if partial.is_file() else None
        if request.path.startswith(assets_url):
            found = safe_join(str(folder), request.path.removeprefix(assets_url))
            if found and Path(found).is_file():
                return send_static(Path(found))
        return None

    app.server.before_request(serve)
