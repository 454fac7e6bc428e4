"""Form fields with their label, help text and a place for their validation message.

Every input of a form has the dict ID ``{"type": FIELD, "name": name}`` and its message the ID
``{"type": MESSAGE, "name": name}``, so one callback reads all values and writes all messages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

import dash_bootstrap_components as dbc
from dash import html
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded

from data.db import UNAVAILABLE

T = TypeVar("T")

FIELD = "form-field"
MESSAGE = "form-message"
WRAP = "form-wrap"


def field_id(name: str) -> dict:
    return {"type": FIELD, "name": name}


def message_id(name: str) -> dict:
    return {"type": MESSAGE, "name": name}


def wrap_id(name: str) -> dict:
    return {"type": WRAP, "name": name}


def dropdown_labels() -> dict:
    """dcc.Dropdown's own words, in the current locale."""
    return {
        "search": _("Search"),
        "no_options_found": _("No match"),
        "clear_selection": _("Clear selection"),
        "clear_search": _("Clear search"),
        "select_all": _("Select all"),
        "deselect_all": _("Deselect all"),
        "selected_count": _("{num_selected} selected"),
    }


def dom_id(component_id: dict) -> str:
    """The DOM id Dash gives a dict ID (keys sorted, compact JSON), for ``<label for>``."""
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def field(name: str, label: str, control, help_text: str | None = None, required=False, **kw):
    """A labelled control; ``control`` must already carry ``field_id(name)``."""
    control_id = dom_id(field_id(name))
    label_children = [label]
    if required:
        label_children.append(html.Span(" *", className="text-danger", **{"aria-hidden": "true"}))
    return html.Div(
        [
            dbc.Label(label_children, html_for=control_id),
            control,
            dbc.FormText(help_text) if help_text else None,
            html.Div(id=message_id(name), className="field-message", role="alert"),
        ],
        id=wrap_id(name),
        className=kw.get("className", "mb-3"),
    )


def notice(text: str, dom_id: str) -> dbc.Alert:
    """A problem with the whole form (rate limit, database, link), shown above it."""
    return dbc.Alert(text, color="danger", id=dom_id)


def cleared(message_ids: list[dict], wrap: str = "mb-3") -> tuple[list[str], list[str]]:
    """No message beside any field, no field marked."""
    return [""] * len(message_ids), [wrap] * len(message_ids)


def attempt(store: Callable[[], T], limit, prefix: str, too_many: str, unavailable: str):
    """``store()`` under the rate ``limit`` (a context manager): (its result, None), or (None,
    the notice saying why nothing was stored: ``<prefix>-rate-limited`` or
    ``<prefix>-unavailable``). One answer to both for every form; the texts are the form's."""
    try:
        with limit():
            return store(), None
    except RateLimitExceeded:
        return None, notice(too_many, f"{prefix}-rate-limited")
    except UNAVAILABLE:
        return None, notice(unavailable, f"{prefix}-unavailable")


def _field_type(message_type: str) -> str:
    # A form's ids pair their types: "event-message" shows the error of "event-field".
    return message_type.removesuffix("message") + "field"


def _text_of(label) -> str:
    """A label's own text: its strings, without the marks beside it (the required " *")."""
    children = label if isinstance(label, list | tuple) else [label]
    return "".join(child for child in children if isinstance(child, str)).strip()


def labels_in(tree, wrap_type: str = WRAP) -> dict[str, str]:
    """Each field's label in a form's component ``tree``, by field name: the first ``Label``
    inside the field's wrapper (``{"type": wrap_type, "name": name}``)."""
    found: dict[str, str] = {}

    def walk(node, name: str | None) -> None:
        if isinstance(node, list | tuple):
            for child in node:
                walk(child, name)
            return
        if not hasattr(node, "children"):
            return
        node_id = getattr(node, "id", None)
        if isinstance(node_id, dict) and node_id.get("type") == wrap_type:
            name = node_id.get("name")
        if name and name not in found and type(node).__name__ == "Label":
            found[name] = _text_of(node.children)
        walk(node.children, name)

    walk(tree, None)
    return {name: text for name, text in found.items() if text}


def error_summary(
    shown: dict[str, str],
    message_ids: list[dict],
    alert_id: str,
    labels: dict[str, str] | None = None,
) -> dbc.Alert:
    """Above the form: how many answers need attention, then each as a link to its field (the
    field's label and its message), in the form's order."""
    labels = labels or {}
    items = []
    for message in message_ids:
        name = message["name"]
        if not shown.get(name):
            continue
        label = labels.get(name)
        text = (
            _("%(label)s: %(message)s", label=label, message=shown[name]) if label else shown[name]
        )
        target = dom_id({"type": _field_type(message["type"]), "name": name})
        items.append(html.Li(html.A(text, href=f"#{target}", className="alert-link error-link")))
    beside = {m["name"] for m in message_ids}
    items += [html.Li(text) for name, text in shown.items() if name not in beside]
    count = _(
        "Some answers need attention (%(count)d). Nothing you typed was lost.", count=len(shown)
    )
    return dbc.Alert(
        [html.P(count, className="mb-1"), html.Ul(items, className="mb-0 error-list")],
        color="danger",
        id=alert_id,
    )


def field_errors(
    shown: dict[str, str],
    message_ids: list[dict],
    alert_id: str,
    wrap: str = "mb-3",
    labels: dict[str, str] | None = None,
) -> tuple[list[str], list[str], dbc.Alert]:
    """Each message beside its field, its wrapper marked (for the focus script and the red
    outline), and the summary above the form (``error_summary``)."""
    messages = [shown.get(m["name"], "") for m in message_ids]
    classes = [f"{wrap} has-error" if shown.get(m["name"]) else wrap for m in message_ids]
    return messages, classes, error_summary(shown, message_ids, alert_id, labels)
