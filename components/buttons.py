"""One-click toggle buttons (the dashboard's chips and comparison choices): pressed or not, in
the look the clientside callbacks of assets/dashboard.js also give them. Their classes travel
to the browser in a Store (``classes_store``), so the look is written once, here."""

from __future__ import annotations

from dash import dcc, html

BUTTON = "btn btn-sm rounded-pill me-1 mb-1 "
PRESSED, UNPRESSED = BUTTON + "btn-primary", BUTTON + "btn-outline-primary"
CLASSES = "dash-button-classes"  # a Store: {"pressed": PRESSED, "unpressed": UNPRESSED}


def classes_store() -> dcc.Store:
    return dcc.Store(id=CLASSES, data={"pressed": PRESSED, "unpressed": UNPRESSED})


def pressed_button(label: str, component_id: dict, pressed: bool) -> html.Button:
    return html.Button(
        label,
        id=component_id,
        type="button",
        n_clicks=0,
        className=PRESSED if pressed else UNPRESSED,
        **{"aria-pressed": "true" if pressed else "false"},
    )


def button_row(label_id: str, label: str, buttons: list) -> html.Div:
    """A labelled group of buttons (the label names the group for screen readers)."""
    return html.Div(
        [
            html.Span(label, id=label_id, className="small text-body-secondary me-2"),
            *buttons,
        ],
        role="group",
        className="mb-2",
        **{"aria-labelledby": label_id},
    )
