"""The HTML page around the Dash app: ``<html lang dir>``, local Bootstrap (LTR or RTL) and
the app's Plotly locale (components/plotly_locale.py). Decided once per page request from the
URL's language; nothing is loaded from another host."""

from __future__ import annotations

from dash import Dash
from flask import request
from flask_babel import force_locale
from flask_babel import gettext as _

from components import plotly_locale as locales
from data import i18n

BOOTSTRAP = "vendor/bootstrap/bootstrap.min.css"
BOOTSTRAP_RTL = "vendor/bootstrap/bootstrap.rtl.min.css"
ICONS = "vendor/bootstrap-icons/bootstrap-icons.min.css"


def plotly_locale(lang: str) -> str | None:
    """The ``config.locale`` of the charts in ``lang``; None in English (Plotly's default)."""
    return locales.name(lang)


def language_of_request() -> str:
    return i18n.normalize(request.path.strip("/").split("/", 1)[0]) if request else i18n.DEFAULT


INDEX = """<!DOCTYPE html>
<html>
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


class PrioritiesDash(Dash):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Dash's own page wraps its scripts in a <footer>: a second "contentinfo" landmark
        # beside the page's real footer (components/shell.py) for screen readers.
        self.index_string = INDEX
        # The page below links to it: served wherever this app is.
        locales.init_app(self)

    def interpolate_index(self, **kwargs) -> str:
        lang = language_of_request()
        rtl = i18n.is_rtl(lang)
        links = "".join(
            f'<link rel="stylesheet" href="{self.get_asset_url(path)}">'
            for path in (BOOTSTRAP_RTL if rtl else BOOTSTRAP, ICONS)
        )
        # Vendor sheets first, so that the app's own assets/*.css can override them.
        kwargs["css"] = links + kwargs.get("css", "")
        locale_path = locales.path(lang)
        if locale_path:
            # Before Dash's scripts: the file queues itself until plotly.js loads.
            src = self.get_relative_path(locale_path)
            kwargs["scripts"] = f'<script src="{src}"></script>' + kwargs.get("scripts", "")
        with force_locale(lang):
            kwargs["title"] = _("Movement Priorities")
        html = super().interpolate_index(**kwargs)
        direction = "rtl" if rtl else "ltr"
        return html.replace("<html>", f'<html lang="{lang}" dir="{direction}">', 1)
