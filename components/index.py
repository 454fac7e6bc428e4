"""The HTML page around the Dash app: ``<html lang dir>``, local Bootstrap (LTR or RTL) and
Plotly's locale file. Decided once per page request from the URL's language; nothing is loaded
from another host."""

from __future__ import annotations

from pathlib import Path

from dash import Dash
from flask import request
from flask_babel import force_locale
from flask_babel import gettext as _

from data import i18n

ASSETS = Path(__file__).resolve().parent.parent / "assets"
BOOTSTRAP = "vendor/bootstrap/bootstrap.min.css"
BOOTSTRAP_RTL = "vendor/bootstrap/bootstrap.rtl.min.css"
ICONS = "vendor/bootstrap-icons/bootstrap-icons.min.css"
# Plotly names some locales by region; the app's `pt` is Brazilian Portuguese (as in Babel).
PLOTLY_NAMES = {"pt": "pt-br", "zh": "zh-cn", "hi": "hi-in"}


def plotly_locale(lang: str) -> str | None:
    """Plotly's locale for ``lang`` when plotly.js ships one (served from assets/vendor)."""
    name = PLOTLY_NAMES.get(lang, lang)
    return name if (ASSETS / "vendor" / "plotly-locales" / f"{name}.js").exists() else None


def language_of_request() -> str:
    return i18n.normalize(request.path.strip("/").split("/", 1)[0]) if request else i18n.DEFAULT


class PrioritiesDash(Dash):
    def interpolate_index(self, **kwargs) -> str:
        lang = language_of_request()
        rtl = i18n.is_rtl(lang)
        links = "".join(
            f'<link rel="stylesheet" href="{self.get_asset_url(path)}">'
            for path in (BOOTSTRAP_RTL if rtl else BOOTSTRAP, ICONS)
        )
        # Vendor sheets first, so that the app's own assets/*.css can override them.
        kwargs["css"] = links + kwargs.get("css", "")
        locale = plotly_locale(lang)
        if locale:
            # Locale files queue themselves in window.PlotlyLocales until plotly.js loads.
            src = self.get_asset_url(f"vendor/plotly-locales/{locale}.js")
            kwargs["scripts"] = f'<script src="{src}"></script>' + kwargs.get("scripts", "")
        with force_locale(lang):
            kwargs["title"] = _("Movement Priorities")
        html = super().interpolate_index(**kwargs)
        direction = "rtl" if rtl else "ltr"
        return html.replace("<html>", f'<html lang="{lang}" dir="{direction}">', 1)
