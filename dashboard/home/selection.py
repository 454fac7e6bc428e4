"""Beside the map: the place the filters chose (a region, a country), each as a chip whose
button removes it from the filters (dashboard/home/clicks.py). The map outlines the same place
(map_figure.highlight)."""

from __future__ import annotations

from dash import html
from flask_babel import gettext as _

from dashboard.home import ids
from data import i18n
from data.aggregates.queries import Filters

CHIP = "btn btn-sm btn-outline-secondary rounded-pill me-1 mb-1 filter-chip"


def holder() -> html.Div:
    """Where the chips go (filled by ``chips`` whenever the filters change)."""
    return html.Div(id=ids.MAP_SELECTION, className="mb-1", **{"aria-live": "polite"})


def chips(filters: Filters) -> list:
    """A removable chip for the chosen region and for the chosen country (none when the
    filters choose no place), in the current locale."""
    chosen = [
        (name, label)
        for name, label in (
            ("region", i18n.region(filters.region) if filters.region else None),
            ("country", i18n.country(filters.country) if filters.country else None),
        )
        if label
    ]
    if not chosen:
        return []
    return [
        html.Span(_("Chosen place:"), className="small text-body-secondary me-2"),
        *[
            html.Button(
                [
                    html.Span(label, dir="auto"),
                    html.I(className="bi bi-x-lg ms-2", **{"aria-hidden": "true"}),
                ],
                id=ids.place_chip(name),
                type="button",
                n_clicks=0,
                className=CHIP,
                title=_("Remove %(place)s from the filters", place=label),
                **{"aria-label": _("Remove %(place)s from the filters", place=label)},
            )
            for name, label in chosen
        ],
    ]
