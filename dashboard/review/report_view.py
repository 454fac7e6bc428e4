"""A report's review page, the parts around its fields (no callbacks, no database; text in the
current locale): its status line, its possible duplicate side by side with it, and the links to
the full export."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import format_datetime
from flask_babel import gettext as _

from components.links import MAX_ID
from components.review_queue import status_label
from dashboard.review import ids
from dashboard.review.views import report_path, status_text
from data import i18n


def report_number(value) -> int | None:
    """A report number from a URL: ASCII digits within a row id's range, else None."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def done_message(query: dict[str, Any]) -> list:
    """The message of the decision that opened this page ("… and next" puts
    ``?published=N`` or ``?rejected=N`` in the next report's address)."""
    for key, text in (
        ("published", lambda n: _("Report %(id)d published.", id=n)),
        ("rejected", lambda n: _("Report %(id)d rejected.", id=n)),
    ):
        number = report_number(query.get(key))
        if number is not None:
            return [dbc.Alert(text(number), color="success", id=ids.REVIEW_DONE, dismissable=True)]
    return []


STATUS_COLORS = {"pending": "warning", "published": "success", "rejected": "danger"}


def status_line(found: dict[str, Any]) -> html.P:
    """The report's status in words, as a badge, and the reason of a rejection."""
    color = STATUS_COLORS.get(found["status"], "secondary")
    badge = dbc.Badge(
        status_label(found["status"]),
        color=color,
        # White on Bootstrap's yellow is 1.6:1; dark text reads (as text-bg-warning does).
        text_color="dark" if color == "warning" else None,
        className="me-2",
    )
    reason = (found.get("status_reason") or "").strip()
    return html.P(
        [badge, html.Span(reason, dir="auto") if reason else None],
        className="mb-2",
        title=status_text(found),
    )


def _fields(found: dict[str, Any]) -> list[tuple[str, str]]:
    """The fields that tell two reports of one event apart."""
    return [
        (_("Event name"), found["event_name"]),
        (_("Date"), found["event_date"].isoformat()),
        (_("Country"), i18n.country(found["country"]) if found["country"] else "–"),
        (_("Region"), i18n.region(found["region"])),
        (_("Format"), i18n.event_format(found["format"])),
        (_("Organizer"), found["organizer_name"]),
        (_("Affiliate"), found["organizer_affiliate"] or "–"),
        (
            _("Participants"),
            i18n.attendance(found["participants_total"], found.get("total_precision")),
        ),
        (_("Status"), status_text(found)),
        (_("Received"), format_datetime(found["created_at"])),
    ]


def compare_view(found: dict[str, Any], other: dict[str, Any], lang: str) -> html.Section:
    """This report and the earlier one it may repeat, their key fields in two columns (rows
    where they differ marked), and the one-click decision "Duplicate of #N"."""
    mine, theirs = _fields(found), _fields(other)
    rows = [
        html.Tr(
            [
                html.Th(label, scope="row"),
                html.Td(a, dir="auto"),
                html.Td(b, dir="auto"),
            ],
            className="" if a == b else "review-differs",
        )
        for (label, a), (_label, b) in zip(mine, theirs, strict=True)
    ]
    head = html.Tr(
        [
            html.Th(_("Field"), scope="col"),
            html.Th(_("This report (#%(id)d)", id=found["id"]), scope="col"),
            html.Th(
                dcc.Link(_("Report #%(id)d", id=other["id"]), href=report_path(lang, other["id"])),
                scope="col",
            ),
        ]
    )
    return html.Section(
        [
            html.H2(_("Possible duplicate"), className="h5"),
            html.P(
                _(
                    "Same event name, same place, dates at most a day apart: report #%(id)d "
                    "was received first.",
                    id=other["id"],
                ),
                className="small mb-2",
            ),
            dbc.Table(
                [html.Thead(head), html.Tbody(rows)],
                size="sm",
                bordered=True,
                responsive=True,
                className="review-compare mb-2",
            ),
            dbc.Button(
                _("Duplicate of #%(id)d", id=other["id"]),
                id={"type": ids.REVIEW_SAME_AS, "id": other["id"]},
                color="secondary",
                className="mb-3",
            ),
        ],
        className="border-start border-warning border-3 ps-2 mb-3",
    )


def export_links(lang: str) -> html.Div:
    """The full export (every report, private fields included; the route asks for a signed-in
    session) in its three formats."""
    url = f"/api/v1/export?lang={lang}&format="
    formats = (("xlsx", _("Excel")), ("csv", _("CSV (zip)")), ("json", "JSON"))
    return html.Div(
        [
            html.Span(_("Export all data:"), className="small me-2"),
            *(
                html.A(
                    label,
                    href=url + kind,
                    className="btn btn-outline-secondary btn-sm me-1",
                    id={"type": ids.EXPORT_LINKS, "format": kind},
                )
                for kind, label in formats
            ),
        ],
        className="mb-2",
    )
