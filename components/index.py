"""The HTML page around the Dash app: ``<html lang dir>`` and local Bootstrap (LTR or RTL).

Decided once per page request from the URL's language; nothing is loaded from another host.
"""

from __future__ import annotations

from dash import Dash
from flask import request

from data import i18n

BOOTSTRAP = "vendor/bootstrap/bootstrap.min.css"
BOOTSTRAP_RTL = "vendor/bootstrap/bootstrap.rtl.min.css"
ICONS = "vendor/bootstrap-icons/bootstrap-icons.min.css"


class PrioritiesDash(Dash):
    def interpolate_index(self, **kwargs) -> str:
        lang = i18n.normalize(request.path.strip("/").split("/", 1)[0]) if request else i18n.DEFAULT
        rtl = i18n.is_rtl(lang)
        links = "".join(
            f'<link rel="stylesheet" href="{self.get_asset_url(path)}">'
            for path in (BOOTSTRAP_RTL if rtl else BOOTSTRAP, ICONS)
        )
        # Vendor sheets first, so that the app's own assets/*.css can override them.
        kwargs["css"] = links + kwargs.get("css", "")
        html = super().interpolate_index(**kwargs)
        return html.replace("<html>", f'<html lang="{lang}" dir="{"rtl" if rtl else "ltr"}">', 1)
