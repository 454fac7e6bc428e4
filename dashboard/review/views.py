"""The review page's component builders: the queue (one page of it) and one report's every
field (no callbacks, no database; text in the current locale). The audit log's are in
``audit_view``."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component
from flask_babel import format_datetime, format_decimal
from flask_babel import gettext as _

from components.review_queue import pager, status_label
from dashboard.review import ids
from data import i18n
from data.reference import reference


def report_path(lang: str, report_id: int) -> str:
    """A report's own review page."""
    return f"/{lang}/review/{report_id}"


def queue_table(rows, flagged: Collection[int] = (), lang: str = i18n.DEFAULT):
    """The queue: a checkbox, the number, the event (a link to the report's review page),
    date, region and status. ``flagged``: reports holding a choice that the initiative list
    change retired."""
    if not rows:
        return html.P(_("No report matches."), className="text-body-secondary")
    head = [_("Select"), "#", _("Event"), _("Date"), _("Region"), _("Status")]
    body = [
        html.Tr(
            [
                html.Td(row_pick(r.id)),
                html.Td(str(r.id)),
                html.Td(
                    [
                        dcc.Link(
                            html.Span(r.event_name, dir="auto"),
                            href=report_path(lang, r.id),
                            id={"type": ids.REVIEW_OPEN, "id": r.id},
                        ),
                        html.Span(_("possible duplicate"), className="badge text-bg-warning ms-1")
                        if r.possible_duplicate
                        else None,
                        html.Span(_("retired initiative"), className="badge text-bg-info ms-1")
                        if r.id in flagged
                        else None,
                    ]
                ),
                html.Td(r.event_date.isoformat()),
                html.Td(i18n.region(r.region)),
                html.Td(status_label(r.status)),
            ]
        )
        for r in rows
    ]
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(body)],
        size="sm",
        hover=True,
        responsive=True,
    )


def queue_page(
    rows, flagged: Collection[int], first: int, total: int, size: int, lang: str = i18n.DEFAULT
):
    """One page of the queue under its "Reports 1–50 of 330" line and the page buttons;
    ``first``: the offset of the page's first row."""
    if not rows:
        return queue_table(rows)
    last = first + len(rows)
    # The range is one isolated left-to-right run, so "1–50" never reads "50–1" in Arabic.
    span = f"\u2066{format_decimal(first + 1)}–{format_decimal(last)}\u2069"
    text = _("Reports %(range)s of %(total)s", range=span, total=format_decimal(total))
    previous = first // size - 1 if first > 0 else None
    following = first // size + 1 if last < total else None
    return [
        pager(ids.REVIEW_TURN, text, previous, following),
        queue_table(rows, flagged, lang),
    ]


def row_pick(report_id: int):
    # dbc's, not dcc's: Dash 4's dcc.Checklist wraps each checkbox in a role="option" label
    # (axe: nested-interactive); dbc's is a plain checkbox and its label.
    return dbc.Checklist(
        options=[
            {"label": html.Span(f"#{report_id}", className="visually-hidden"), "value": report_id}
        ],
        value=[],
        id={"type": ids.REVIEW_PICK, "id": report_id},
    )


def _join(items) -> str:
    """Names as the viewer's language lists them ("A, B and C", Arabic "A وB وC"), or "–"."""
    return i18n.join_list(items) or "–"


def _retired_rows(retired) -> list[tuple[str, str]]:
    """A report's choices that the initiative list change retired: old code, old title (as
    chosen, untranslated: the catalogs no longer hold it) and the event's reason."""
    rows = []
    for r in retired:
        label = (
            _("Priority %(rank)d", rank=r.rank)
            if r.kind == "initiative" and r.rank
            else _("Global coordination")
        )
        text = f"{r.code} {r.title}"
        rows.append((label, f"{text} — {r.why}" if r.why else text))
    return rows


def _dl(rows) -> html.Dl:
    return html.Dl(
        [
            part
            for label, value in rows
            for part in (
                html.Dt(label, className="col-sm-4"),
                html.Dd(
                    # A list of choices is a component; anything else shows as text.
                    value if isinstance(value, Component) else str(value or "–"),
                    className="col-sm-8 text-break",
                    style={"whiteSpace": "pre-wrap"},
                ),
            )
        ],
        className="row small",
    )


def retired_view(retired) -> html.Div | None:
    """The retired choices, under a heading that says where they come from."""
    if not retired:
        return None
    return html.Div(
        [
            html.H3(
                _("From the earlier list, no counterpart in the 2020 list"),
                className="h6",
                id="review-detail-retired",
            ),
            _dl(_retired_rows(retired)),
        ],
        className="border-start border-info border-3 ps-2",
    )


def _choices(chosen: list[tuple], label) -> html.Ul | str:
    """Choices as the report gave them: "rank 1" (a tie shows the same rank twice), or
    "unranked", each with its reason."""
    if not chosen:
        return "–"
    items = []
    for code, rank, why in chosen:
        place = _("rank %(rank)d", rank=rank) if rank is not None else _("unranked")
        text = f"{label(code)} ({place})"
        items.append(html.Li(f"{text} — {why}" if why else text, dir="auto"))
    return html.Ul(items, className="mb-0 ps-3")


def _sessions(parts) -> str:
    if not parts:
        return "–"
    return _join(f"{p['date']} · {i18n.event_format(p['format'])}" for p in parts)


def detail_view(found: dict[str, Any]) -> html.Div:
    """Every field, private ones included; free text shown as typed (text, never HTML).
    ``found["retired"]`` (optional): choices the initiative list change retired."""
    rows = [
        (_("Event name"), found["event_name"]),
        (_("Status"), status_text(found)),
        (_("Duplicate of"), f"#{found['duplicate_of']}" if found["duplicate_of"] else "–"),
        (_("Date"), found["event_date"].isoformat()),
        (_("Country"), i18n.country(found["country"]) if found["country"] else "–"),
        (_("Region"), i18n.region(found["region"])),
        (_("Format"), i18n.event_format(found["format"])),
        (_("Languages"), _join(i18n.language(c) for c in found["languages"])),
        (_("Themes"), _join(i18n.theme(c) for c in found["themes"])),
        (_("Organizer"), found["organizer_name"]),
        (_("Organizer's email (private)"), found["organizer_email"]),
        (_("Affiliate"), found["organizer_affiliate"]),
        (_("Attendees"), found["attendees"]),
        (_("Facilitators"), found["facilitators"]),
        (_("Note takers"), found["note_takers"]),
        (_("Co-organizers"), _join(found.get("co_organizers") or [])),
        (_("Sessions"), _sessions(found.get("sessions"))),
        (_("Continues report"), found.get("continues") or "–"),
        (
            _("Participants"),
            i18n.attendance(found["participants_total"], found.get("total_precision")),
        ),
        *((i18n.group(g), found["groups"].get(g, "–")) for g in reference().groups),
        (_("Recommendations"), _choices(found["recommendations"], i18n.recommendation)),
        (_("Initiatives"), _choices(found["priorities"], i18n.initiative)),
        (_("Global coordination"), _join(i18n.initiative(c) for c in found["global_coordination"])),
        (_("Why these need global coordination"), _join(found.get("coordination_reasons") or [])),
        (_("Resources needed"), found["resources_needed"]),
        (_("Notes"), found["notes"]),
        (_("Written in"), i18n.language(found["written_in"]) if found["written_in"] else "–"),
        (_("Received"), format_datetime(found["created_at"])),
    ]
    return html.Div(
        [
            html.H2(_("The report"), className="h5"),
            retired_view(found.get("retired")),
            _dl(rows),
        ]
    )


def status_text(found: dict[str, Any]) -> str:
    """The status in words, with the reason of a rejection ("Rejected: test submission")."""
    label = status_label(found["status"])
    reason = (found.get("status_reason") or "").strip()
    return _("%(status)s: %(reason)s", status=label, reason=reason) if reason else label
