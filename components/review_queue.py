"""The support team's review-queue pattern, shared by the three queues (reports, individual
contributions, announced events): a status filter over a list, one item's decision controls,
and decide-and-next (a decision shows its message and bumps a refresh counter, which redraws
the list and the open item).

Every callback of a queue is wrapped by ``refusing(permitted)``: without the role it raises
``PreventUpdate``, so nothing is read and nothing changes. Who may act is the dashboard's to say
(``dashboard.auth.guards``); components/ only receives the check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from flask_babel import gettext as _

from components import ids as shell_ids
from components.fields import dropdown_labels
from data.models import Status

DECIDED = (Status.PENDING, Status.PUBLISHED, Status.REJECTED)  # the statuses of a decision


@dataclass(frozen=True)
class QueueIds:
    """The IDs of one queue. ``publish``, ``reject`` and ``reason`` are the types of the
    per-item dict IDs (``{"type": publish, "id": n}``) of queues decided item by item."""

    status: str
    refresh: str  # a counter bumped after every decision
    feedback: str
    queue: str
    alert: str
    publish: str = ""
    reject: str = ""
    reason: str = ""


def status_label(code: str) -> str:
    return {
        Status.PENDING: _("Pending"),
        Status.PUBLISHED: _("Published"),
        Status.REJECTED: _("Rejected"),
        Status.DUPLICATE: _("Duplicate"),
    }.get(code, code)


def refusing(permitted: Callable[[], bool]):
    """Wrap a callback so that it raises ``PreventUpdate`` unless ``permitted()``."""

    def decorate(function):
        @wraps(function)
        def wrapper(*args, **kwargs):
            if not permitted():
                raise PreventUpdate
            return function(*args, **kwargs)

        return wrapper

    return decorate


# Layout -----------------------------------------------------------------------------------


def status_filter(queue_ids: QueueIds, statuses: Iterable[str], value: str | None = None):
    """The status dropdown (labelled in the current locale), in a column of the filter row."""
    return dbc.Col(
        [
            # The dropdown's name (assets/dropdown-a11y.js reads the label for its button).
            dbc.Label(_("Status"), html_for=queue_ids.status, className="small mb-1"),
            dcc.Dropdown(
                {s.value: status_label(s) for s in statuses},
                **({"value": value} if value is not None else {}),
                id=queue_ids.status,
                placeholder=_("Any status"),
                labels=dropdown_labels(),
            ),
        ],
        md=3,
    )


def queue_content(
    queue_ids: QueueIds,
    heading: str,
    *,
    filters: list,
    lead: str | None = None,
    links: list | None = None,
    body=None,
    stores: Iterable = (),
) -> html.Div:
    """A queue's page: its refresh counter, heading, lead and links, the filter row, the
    feedback of the last decision, and the list (or ``body``, which holds it)."""
    return html.Div(
        [
            dcc.Store(id=queue_ids.refresh, data=0),
            *stores,
            html.H1(heading, className="h3"),
            html.P(lead, className="lead") if lead else None,
            html.P(links, className="small") if links else None,
            dbc.Row(filters, className="g-2 mb-3" if len(filters) > 1 else "mb-3"),
            html.Div(id=queue_ids.feedback, role="status", **{"aria-live": "polite"}),
            body if body is not None else html.Div(id=queue_ids.queue),
        ]
    )


def decision_controls(
    queue_ids: QueueIds, item_id: int, *, publish: bool = True, reject: bool = True, **reason
) -> list:
    """An item's Publish button and its reason-and-Reject group (``reason``: more properties
    of the reason's input, such as ``maxlength``)."""
    controls = []
    if publish:
        controls.append(
            dbc.Button(
                _("Publish"),
                id={"type": queue_ids.publish, "id": item_id},
                color="success",
                size="sm",
                className="me-2",
            )
        )
    if reject:
        controls.append(
            dbc.InputGroup(
                [
                    dbc.Input(
                        id={"type": queue_ids.reason, "id": item_id},
                        placeholder=_("Reason for rejecting"),
                        size="sm",
                        **reason,
                    ),
                    dbc.Button(
                        _("Reject"),
                        id={"type": queue_ids.reject, "id": item_id},
                        color="danger",
                        size="sm",
                    ),
                ],
                size="sm",
                className="mt-2",
            )
        )
    return controls


def queue_card(card_id: str, heading: str, lines: list, reason: str, controls: list) -> dbc.Card:
    """One item of a queue: heading, facts, the reason of its last decision, its controls."""
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(heading, className="h6"),
                *lines,
                html.Div(reason, className="small fst-italic") if reason else None,
                html.Div(controls, className="mt-2"),
            ]
        ),
        className="mb-2",
        id=card_id,
    )


def pager(turn_type: str, text: str, previous: int | None, following: int | None) -> html.Div:
    """A list's "1–50 of 330" line (``text``, in the current locale) with Previous and Next
    buttons; each button's dict ID (``{"type": turn_type, "to": page}``) carries the page it
    opens, ``None`` disables it."""

    def button(label: str, to: int | None, key: str):
        return dbc.Button(
            label,
            id={"type": turn_type, "to": to if to is not None else -1, "key": key},
            disabled=to is None,
            color="secondary",
            outline=True,
            size="sm",
        )

    return html.Div(
        [
            html.Span(text, role="status", className="small me-auto"),
            dbc.ButtonGroup(
                [
                    button(_("Previous"), previous, "previous"),
                    button(_("Next"), following, "next"),
                ],
                size="sm",
            ),
        ],
        className="d-flex align-items-center gap-2 mb-2",
    )


def turned_to(triggered_id, triggered: list[dict]) -> int:
    """The page a pager's button opens; ``PreventUpdate`` for buttons that just appeared."""
    return int(clicked(triggered_id, triggered)["to"])


def empty(text: str) -> html.P:
    return html.P(text, className="text-body-secondary")


# Decide and next --------------------------------------------------------------------------


def clicked(triggered_id, triggered: list[dict]) -> dict:
    """The dict ID of the decision button clicked; ``PreventUpdate`` for buttons that just
    appeared (a redrawn list fires its new buttons with no clicks)."""
    if not triggered_id or not any(t["value"] for t in triggered):
        raise PreventUpdate
    return triggered_id


def reason_for(item_id: int, reasons: list, reason_ids: list[dict]) -> str:
    """The reason typed beside item ``item_id``, stripped."""
    by_id = {r["id"]: v for r, v in zip(reason_ids, reasons, strict=True)}
    return (by_id.get(item_id) or "").strip()


def next_step(message: str, color: str, alert_id: str, refresh, **alert) -> tuple:
    """A decision's feedback and the bumped refresh counter, which redraws the queue."""
    return dbc.Alert(message, color=color, id=alert_id, **alert), (refresh or 0) + 1


def refused(message: str, refresh) -> tuple:
    """A decision that cannot go ahead (no reason given): the message; the queue stays."""
    return dbc.Alert(message, color="danger"), refresh


def register(app, queue_ids: QueueIds, render_queue: Callable, decide: Callable) -> None:
    """Wire a queue decided item by item: ``render_queue(status, refresh, lang)`` fills the
    list; ``decide(publish_clicks, reject_clicks, reasons, reason_ids, refresh, lang)``
    answers the feedback and the refresh counter."""
    app.callback(
        Output(queue_ids.queue, "children"),
        Input(queue_ids.status, "value"),
        Input(queue_ids.refresh, "data"),
        State(shell_ids.LANG, "data"),
    )(render_queue)
    reason = {"type": queue_ids.reason, "id": ALL}
    app.callback(
        [Output(queue_ids.feedback, "children"), Output(queue_ids.refresh, "data")],
        [
            Input({"type": kind, "id": ALL}, "n_clicks")
            for kind in (queue_ids.publish, queue_ids.reject)
        ],
        [State(reason, "value"), State(reason, "id"), State(queue_ids.refresh, "data")],
        State(shell_ids.LANG, "data"),
        prevent_initial_call=True,
    )(decide)
