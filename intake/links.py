"""Addresses of the organizer's secret edit page."""

from __future__ import annotations

from flask import request

EDIT_TEMPLATE = "/<lang>/report/edit/<token>"


def edit_path(lang: str, token: str) -> str:
    return EDIT_TEMPLATE.replace("<lang>", lang).replace("<token>", token)


def edit_url(lang: str, token: str) -> str:
    """The absolute link, on the host the request came to."""
    return request.host_url.rstrip("/") + edit_path(lang, token)
