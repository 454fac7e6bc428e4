"""Addresses: the absolute links the app hands out, and the ids its paths carry.

Absolute links are built on the ``PUBLIC_URL`` setting, never on the request's ``Host`` header:
a client chooses that header, and a forged one would put someone else's site into an edit link
(mailed to an organizer) or a published ``.tab`` page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app
from werkzeug.routing import IntegerConverter

EDIT_TEMPLATE = "/<lang>/report/edit/<token>"
MAX_ID = 2**31 - 1  # row ids are 32-bit integers (PostgreSQL's integer)


def init_app(app: Flask) -> None:
    """Check ``PUBLIC_URL`` at start: a wrong one would only show in the links much later."""
    value = str(app.config.get("PUBLIC_URL") or "").rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"PUBLIC_URL must be an address such as https://host, not {value!r}")
    app.config["PUBLIC_URL"] = value
    # Every <int:…> in a path is a row id: ASCII digits (``\d`` and int() take "٢" as 2:
    # a second address of the same page) within 32 bits (larger ones overflow PostgreSQL's
    # integer: a 500 instead of a 404). Before any blueprint adds its rules.
    app.url_map.converters["int"] = RowId


class RowId(IntegerConverter):
    regex = r"[0-9]{1,10}"

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False) -> None:
        super().__init__(map, fixed_digits, min, max, signed)


def public_url(path: str = "/") -> str:
    """The absolute address of ``path`` (which starts with "/") on this deployment."""
    return current_app.config["PUBLIC_URL"] + path


def edit_path(lang: str, token: str) -> str:
    return EDIT_TEMPLATE.replace("<lang>", lang).replace("<token>", token)


def edit_url(lang: str, token: str) -> str:
    """The absolute link to the organizer's secret edit page."""
    return public_url(edit_path(lang, token))
