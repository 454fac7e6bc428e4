"""Charts share one look (template, colour-blind-safe palette, locale-aware numbers) and each
comes with a text summary and its data as a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html
from flask_babel import gettext as _
from plotly.colors import sequential

# Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# Ten categories (one per recommendation): Okabe & Ito's eight, then indigo and wine from Paul
# Tol's "muted" scheme. Of Tol's pairs these two leave the closest two of the ten (CIELAB ΔE,
# under simulated protanopia, deuteranopia and tritanopia, Machado et al. 2009) as far apart as
# the closest two of Okabe & Ito's eight.
CATEGORICAL = [*PALETTE, "#332288", "#882255"]
# Sequential scale that stays readable in grey and for colour-vision deficiencies.
SEQUENTIAL = "Cividis"
# The same scale spelled out as Plotly's validation expands it, for figures built as dicts.
SEQUENTIAL_SCALE = [
    [i / (len(sequential.Cividis) - 1), c] for i, c in enumerate(sequential.Cividis)
]
GRAPH_CONFIG = {
    "displaylogo": False,
    # Dash offers "Share chart..." by default, which uploads the chart to cloud.plotly.com.
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    # Plotly fetches world_110m.json from here: served by the app, never a CDN.
    "topojsonURL": "/assets/vendor/topojson/",
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    # Shown only while the pointer is on the chart (hidden on touch screens, where it covered
    # the labels: assets/a11y.css; out of the Tab order: assets/a11y.js).
    "displayModeBar": "hover",
}


@dataclass(frozen=True)
class Chart:
    """A built chart: its figure, a one-sentence summary, and its data as table rows."""

    figure: go.Figure | dict
    summary: str
    columns: list[str]
    rows: list[list[str]]


RLE, PDF = "\u202b", "\u202c"
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}
# automargin: the margins grow to hold tick labels and axis titles (10 px margins alone cut
# them off and drew the titles over the ticks).
AXIS = {
    "gridcolor": "#EBF0F8",
    "zerolinecolor": "#EBF0F8",
    "linecolor": "#EBF0F8",
    "automargin": True,
}
# Between the tick labels and an axis title, in px; automargin makes room for it.
STANDOFF = 8
# template="none" as Plotly serializes it.
NO_TEMPLATE = {"data": {"scatter": [{"type": "scatter"}]}}


def bidi(text: str, rtl: bool) -> str:
    """Embed right-to-left text for Plotly, whose SVG is laid out left-to-right (see app.css)."""
    return f"{RLE}{text}{PDF}" if rtl else text


def styled(fig: go.Figure, rtl: bool = False, height: int | None = None) -> go.Figure:
    # No Plotly template: "plotly_white" costs ~30 ms per figure to apply and ~6 KB per figure
    # on the wire; these few settings give the same look.
    fig.update_layout(
        template="none",
        paper_bgcolor="white",
        plot_bgcolor="white",
        font_color="#2a3f5f",
        colorway=PALETTE,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font=FONT,
        hoverlabel={"align": "right" if rtl else "left"},
        height=height,
    )
    fig.update_xaxes(**AXIS)
    fig.update_yaxes(**AXIS)
    if rtl:
        # Bars grow from the right and category labels sit on the right in RTL languages.
        fig.update_xaxes(autorange="reversed")
        fig.update_yaxes(side="right")
    return fig


def figure(
    data: list[dict],
    rtl: bool = False,
    height: int | None = None,
    xaxis: dict | None = None,
    yaxis: dict | None = None,
    **layout,
) -> dict:
    """``styled`` for a figure built as a plain dict, which dcc.Graph takes as is.

    Building ``go.Figure`` objects validates every property: ≈ 160 ms for the dashboard's seven
    figures at 100,000 reports, five times the rest of a cold answer. The dict is the JSON that
    ``styled(go.Figure(...))`` serializes to (properties spelled out, e.g. ``marker.color``,
    ``title.text``), which the unit tests check builder by builder."""
    x = {**AXIS, **(xaxis or {})}
    y = {**AXIS, **(yaxis or {})}
    for axis in (x, y):
        if isinstance(axis.get("title"), dict):
            axis["title"] = {"standoff": STANDOFF, **axis["title"]}
    if rtl:
        if "range" in x:  # an explicit range runs right to left
            x["range"] = list(reversed(x["range"]))
        else:
            x["autorange"] = "reversed"
        y["side"] = "right"
    return {
        "data": data,
        "layout": {
            "template": NO_TEMPLATE,
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            "font": {"color": "#2a3f5f", **FONT},
            "colorway": PALETTE,
            "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
            "hoverlabel": {"align": "right" if rtl else "left"},
            **({"height": height} if height is not None else {}),
            "xaxis": x,
            "yaxis": y,
            **layout,
        },
    }


def data_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    scroll: bool = True,
    label: str | None = None,
) -> dbc.Table | html.Div:
    """A table; with ``scroll``, inside a region that scrolls sideways on a narrow screen.

    The region takes the keyboard focus (tabIndex 0), or keyboard users could not scroll it
    (axe: scrollable-region-focusable); ``label`` names it. A chart card's table goes in the
    card's own scrolling region (``chart_card``), so there ``scroll`` is off."""
    table = dbc.Table(
        [
            html.Thead(html.Tr([html.Th(c, scope="col") for c in columns])),
            html.Tbody([html.Tr([html.Td(str(v)) for v in row]) for row in rows]),
        ],
        size="sm",
        striped=True,
        className="mb-0",
    )
    if not scroll:
        return table
    return html.Div(table, **scrolling(label))


def scrolling(label: str | None, className: str = "table-responsive") -> dict:
    """Props of a region that scrolls a wide table and can be focused to scroll it by keys."""
    named = {"aria-label": label} if label else {}
    return {"className": className, "tabIndex": 0, "role": "region", **named}


def _html(tag: str, children, **props) -> dict:
    return {"props": {"children": children, **props}, "type": tag, "namespace": HTML}


HTML = "dash_html_components"


def table_json(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> dict:
    """``data_table(columns, rows, scroll=False)`` as the JSON Dash sends for it (the same
    components, props and order), for a chart card's table region.

    A callback output may be that JSON: building a thousand Dash components (the map's table
    has a row per country) and serializing them took ≈ 60 ms of a cold dashboard answer at
    100,000 reports, a third of it; this takes a few."""
    return {
        "props": {
            "children": [
                _html("Thead", _html("Tr", [_html("Th", c, scope="col") for c in columns])),
                _html("Tbody", [_html("Tr", [_html("Td", _cell(v)) for v in row]) for row in rows]),
            ],
            "size": "sm",
            "striped": True,
            "className": "mb-0",
        },
        "type": "Table",
        "namespace": "dash_bootstrap_components",
    }


def _cell(value) -> object:
    """A cell's children: its text, or a component already as JSON (a button in the cell)."""
    return value if isinstance(value, dict) else str(value)


def graph_config(locale: str | None) -> dict:
    return {**GRAPH_CONFIG, "locale": locale} if locale else GRAPH_CONFIG


def chart_card(
    title: str,
    graph_id: str,
    summary_id: str,
    table_id: str,
    locale: str | None = None,
    controls=None,
    details_id: str | None = None,
) -> dbc.Card:
    """A titled chart with its controls, a one-sentence summary and its data as a table.

    With ``details_id`` the table's <details> reports its ``open`` to Dash (assets/dashboard.js),
    so the table can be sent only while it is open."""
    synced = {"id": details_id, "data-sync-open": "true"} if details_id else {}
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(title, className="h5 card-title"),
                controls,
                html.P(
                    id=summary_id, className="small text-body-secondary", **{"aria-live": "polite"}
                ),
                dcc.Graph(id=graph_id, config=graph_config(locale), figure=styled(go.Figure())),
                html.Details(
                    [
                        html.Summary(_("Show the data as a table")),
                        # The region scrolls a wide table sideways; focusable and named
                        # after the chart, so it can be scrolled from the keyboard.
                        html.Div(id=table_id, **scrolling(title, "table-responsive mt-2")),
                    ],
                    **synced,
                ),
            ]
        ),
        className="mb-4",
    )


def stat_card(label: str, value_id: str, note_id: str | None = None) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(label, className="small text-body-secondary"),
                html.Div("–", id=value_id, className="fs-3 fw-semibold"),
                html.Div(id=note_id, className="small") if note_id else None,
            ]
        ),
        className="h-100",
    )
