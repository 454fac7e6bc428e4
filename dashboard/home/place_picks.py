"""Places as buttons that filter the dashboard as a click on the map does
(dashboard/home/clicks.py): the region list beside the map, for a phone, where India is an
18 × 21 px target, and the names in the map's data table. Both are drawn from the aggregates the
map draws (no query of their own); the chosen place is pressed (``aria-pressed``)."""

from __future__ import annotations

from dash import html
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from components.charts import HTML, Chart, table_json
from dashboard.home import ids
from data import i18n
from data.aggregates.insights import Insights

ITEM = "btn btn-sm rounded-pill me-1 mb-1 region-pick"
NAME = "btn btn-link p-0 text-start align-baseline place-name"


def holder() -> html.Div:
    """Where the region list goes (filled with the dashboard's numbers). Shown on a narrow
    screen only (assets/map.css): on a desktop the map itself is target enough."""
    return html.Div(
        id=ids.REGION_LIST,
        role="group",
        className="region-list mb-2",
        **{"aria-label": _("Filter by region")},
    )


def region_list(world: Insights, region: str | None) -> list[dict]:
    """A button per region on the map, with its number of events, most events first (as the
    map's table lists them); pressed for the chosen ``region``. As the JSON Dash sends for
    ``html.Button`` (the answer is cached as JSON)."""

    def span(text: str, className: str | None = None) -> dict:
        props = {"children": text, **({"className": className} if className else {})}
        return {"type": "Span", "namespace": HTML, "props": props}

    # The name is the visible text (and the number with "events" read out after it), so the
    # accessible name holds what is seen (axe: label-content-name-mismatch).
    return [
        _button(
            ids.place_pick("region", r.region, "list"),
            [
                span(i18n.region(r.region)),
                " ",
                span(format_decimal(r.events), "badge rounded-pill text-bg-light ms-1"),
                " ",
                span(ngettext("event", "events", r.events), "visually-hidden"),
            ],
            ITEM + (" btn-primary" if r.region == region else " btn-outline-secondary"),
            r.region == region,
        )
        for r in sorted(world.summary.by_region, key=lambda r: -r.events)
    ]


def codes(world: Insights, view: str) -> list[str]:
    """The place of each row of the map's table (``map_figure.world_map``), in its order."""
    if view == "region":
        return [r.region for r in world.summary.by_region]
    return [c.country for c in sorted(world.countries, key=lambda c: -c.events)]


def map_table(chart: Chart, world: Insights, view: str, chosen: str | None) -> dict:
    """The map's table (``table_json``) with each place's name a button that filters by it,
    named "Filter by <place>", pressed when it is the ``chosen`` place."""
    name = "region" if view == "region" else "country"
    rows = [
        [
            _button(
                ids.place_pick(name, code, "table"),
                row[0],
                NAME,
                code == chosen,
                _("Filter by %(place)s", place=row[0]),
            ),
            *row[1:],
        ]
        for code, row in zip(codes(world, view), chart.rows, strict=True)
    ]
    return table_json(chart.columns, rows)


def _button(id_: dict, children, className: str, pressed: bool, label: str | None = None):
    named = {"aria-label": label} if label else {}
    return {
        "type": "Button",
        "namespace": HTML,
        "props": {
            "children": children,
            "id": id_,
            "n_clicks": 0,
            "type": "button",
            "className": className,
            "dir": "auto",
            "aria-pressed": "true" if pressed else "false",
            **named,
        },
    }
