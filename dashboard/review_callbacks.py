"""Review callbacks: thin wrappers around ``data.support``; each refuses without the role.

A refused callback raises ``PreventUpdate``: nothing is read, nothing changes.
"""

from __future__ import annotations

import json
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask import current_app
from flask_babel import force_locale, format_datetime
from flask_babel import gettext as _

from components import ids as shell_ids
from dashboard import support_ids as ids
from dashboard.auth import account, allowed
from data import i18n
from data.db import EXTENSION_KEY
from data.models import Status
from data.reference import reference
from data.support import (
    AUTO_PUBLISH,
    ReviewError,
    Role,
    audit_entries,
    correct,
    mark_duplicate,
    publish,
    queue,
    reject,
    report_detail,
    set_setting,
)


def _db():
    return current_app.extensions[EXTENSION_KEY]


def require(role: str = Role.REVIEWER) -> None:
    if not allowed(role):
        raise PreventUpdate


def render_queue(status, region, duplicates_only, _refresh, lang):
    require()
    with _db().session(readonly=True) as session:
        rows = queue(session, status or None, region or None, bool(duplicates_only))
    with force_locale(i18n.normalize(lang)):
        if not rows:
            return html.P(_("No report matches."), className="text-body-secondary")
        head = [_("Select"), "#", _("Event"), _("Date"), _("Region"), _("Status"), ""]
        body = [
            html.Tr(
                [
                    html.Td(
                        dcc_pick(r.id),
                    ),
                    html.Td(str(r.id)),
                    html.Td(
                        [
                            r.event_name,
                            html.Span(
                                _("possible duplicate"), className="badge text-bg-warning ms-1"
                            )
                            if r.possible_duplicate
                            else None,
                        ]
                    ),
                    html.Td(r.event_date.isoformat()),
                    html.Td(i18n.region(r.region)),
                    html.Td(status_label(r.status)),
                    html.Td(
                        dbc.Button(
                            _("Open"),
                            id={"type": ids.REVIEW_OPEN, "id": r.id},
                            size="sm",
                            color="link",
                        )
                    ),
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


def status_label(code: str) -> str:
    return {
        Status.PENDING: _("Pending"),
        Status.PUBLISHED: _("Published"),
        Status.REJECTED: _("Rejected"),
        Status.DUPLICATE: _("Duplicate"),
    }.get(code, code)


def dcc_pick(report_id: int):
    return dcc.Checklist(
        options=[
            {"label": html.Span(f"#{report_id}", className="visually-hidden"), "value": report_id}
        ],
        value=[],
        id={"type": ids.REVIEW_PICK, "id": report_id},
    )


def open_report(clicks: list[int | None]):
    require()
    if not any(clicks) or not isinstance(ctx.triggered_id, dict):
        raise PreventUpdate
    return ctx.triggered_id["id"]


FIX_FIELDS = ("event_name", "country", "region", "format", "participants_total")


def show_report(selected, _refresh, lang, fix_ids: list[dict]):
    """The open report, every field as text, and the correction inputs filled in."""
    require()
    lang = i18n.normalize(lang)
    blank = [no_update] * len(fix_ids)
    if not selected:
        return None, True, blank
    with _db().session(readonly=True) as session:
        found = report_detail(session, int(selected))
    with force_locale(lang):
        if found is None:
            return dbc.Alert(_("No report with this number."), color="warning"), True, blank
        values = {name: found[name] for name in FIX_FIELDS}
        values.update({f"group_{g}": found["groups"].get(g) for g in reference().groups})
        return detail_view(found), False, [values.get(i["name"]) for i in fix_ids]


def _join(items) -> str:
    return ", ".join(items) or "–"


def detail_view(found: dict[str, Any]) -> html.Div:
    """Every field, private ones included; free text shown as typed (text, never HTML)."""
    rows = [
        (_("Event name"), found["event_name"]),
        (_("Status"), f"{found['status']} {found['status_reason'] or ''}".strip()),
        (_("Duplicate of"), found["duplicate_of"] or "–"),
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
        (_("Participants"), found["participants_total"]),
        *((i18n.group(g), found["groups"].get(g, "–")) for g in reference().groups),
        *(
            (
                _("Priority %(rank)d", rank=n),
                f"{i18n.initiative(code)} — {why}" if why else i18n.initiative(code),
            )
            for n, (code, why) in enumerate(found["priorities"], start=1)
        ),
        *(
            (
                _("Recommendation %(rank)d", rank=n),
                f"{i18n.recommendation(code)} — {why}" if why else i18n.recommendation(code),
            )
            for n, (code, why) in enumerate(found["recommendations"], start=1)
        ),
        (_("Global coordination"), _join(i18n.initiative(c) for c in found["global_coordination"])),
        (_("Resources needed"), found["resources_needed"]),
        (_("Notes"), found["notes"]),
        (_("Written in"), found["written_in"]),
        (_("Received"), format_datetime(found["created_at"])),
    ]
    return html.Div(
        [
            html.H2(_("Report %(id)d", id=found["id"]), className="h5", id="review-detail-title"),
            html.Dl(
                [
                    part
                    for label, value in rows
                    for part in (
                        html.Dt(label, className="col-sm-4"),
                        html.Dd(
                            str(value or "–"),
                            className="col-sm-8 text-break",
                            style={"whiteSpace": "pre-wrap"},
                        ),
                    )
                ],
                className="row small",
            ),
        ]
    )


def _number(value) -> int | None:
    if value in (None, ""):
        return None
    return int(value)


def perform(action: str, selected, reason, duplicate_of, fixes: dict, picked: list[int]) -> str:
    """Run one review action as the signed-in user; returns the message to show."""
    who = account()
    db = _db()
    if action == ids.REVIEW_BULK:
        if not picked:
            return _("Select reports first.")
        return _("%(count)d reports published.", count=publish(db, picked, who))
    if not selected:
        return _("Open a report first.")
    selected = int(selected)
    if action == ids.REVIEW_PUBLISH:
        publish(db, [selected], who)
        return _("Report %(id)d published.", id=selected)
    if action == ids.REVIEW_REJECT:
        if not (reason or "").strip():
            return _("Give a reason for rejecting.")
        reject(db, selected, reason.strip(), who)
        return _("Report %(id)d rejected.", id=selected)
    if action == ids.REVIEW_DUPLICATE:
        if not duplicate_of:
            return _("Give the number of the original report.")
        mark_duplicate(db, selected, int(duplicate_of), who)
        return _(
            "Report %(id)d marked as a duplicate of %(of)d.", id=selected, of=int(duplicate_of)
        )
    if action == ids.REVIEW_CORRECT:
        changes: dict[str, Any] = {k: fixes.get(k) for k in FIX_FIELDS if fixes.get(k) is not None}
        if "participants_total" in changes:
            changes["participants_total"] = _number(changes["participants_total"])
        changes["groups"] = {g: _number(fixes.get(f"group_{g}")) for g in reference().groups}
        correct(db, selected, changes, who)
        return _("Report %(id)d corrected.", id=selected)
    raise PreventUpdate


def act(
    _publish,
    _reject,
    _duplicate,
    _correct,
    _bulk,
    selected,
    reason,
    duplicate_of,
    fix_values,
    fix_ids,
    picks,
    refresh,
    lang,
):
    require()
    action = ctx.triggered_id
    if not isinstance(action, str):
        raise PreventUpdate
    fixes = {i["name"]: v for i, v in zip(fix_ids, fix_values, strict=True)}
    picked = sorted({int(v) for values in picks for v in (values or [])})
    with force_locale(i18n.normalize(lang)):
        try:
            message = perform(action, selected, reason, duplicate_of, fixes, picked)
            color = "success"
        except (ReviewError, ValueError) as error:
            message, color = _("The change was not saved: %(error)s", error=str(error)), "danger"
        return dbc.Alert(message, color=color, dismissable=True, id="review-alert"), (
            refresh or 0
        ) + 1


def set_auto_publish(value, lang):
    with force_locale(i18n.normalize(lang)):
        if not allowed(Role.ADMIN):
            if not allowed(Role.REVIEWER):
                raise PreventUpdate
            return _("Only administrators may change this setting.")
        with _db().session() as session:
            set_setting(session, AUTO_PUBLISH, "1" if value else "0", account())
        return (
            _("New reports are published on arrival.")
            if value
            else _("New reports wait for review.")
        )


def render_audit(_mounted, lang):
    require()
    with _db().session(readonly=True) as session:
        entries = audit_entries(session)
    with force_locale(i18n.normalize(lang)):
        if not entries:
            return html.P(_("Nothing has been changed yet."))
        head = [_("When (UTC)"), _("Who"), _("Action"), _("Report"), _("Before"), _("After")]

        def code(value):
            text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
            return html.Code(text, className="text-break")

        return dbc.Table(
            [
                html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                html.Tbody(
                    [
                        html.Tr(
                            [
                                html.Td(e.at.isoformat(sep=" ", timespec="seconds")),
                                html.Td(e.user),
                                html.Td(e.action),
                                html.Td(str(e.report_id or "")),
                                html.Td(code(e.before)),
                                html.Td(code(e.after)),
                            ]
                        )
                        for e in entries
                    ]
                ),
            ],
            size="sm",
            striped=True,
            responsive=True,
            id="audit-rows",
        )


def register(app) -> None:
    app.callback(
        Output(ids.REVIEW_QUEUE, "children"),
        Input(ids.REVIEW_STATUS, "value"),
        Input(ids.REVIEW_REGION, "value"),
        Input(ids.REVIEW_DUPLICATES, "value"),
        Input(ids.REVIEW_REFRESH, "data"),
        State(shell_ids.LANG, "data"),
    )(render_queue)
    app.callback(
        Output(ids.REVIEW_SELECTED, "data"),
        Input({"type": ids.REVIEW_OPEN, "id": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )(open_report)
    app.callback(
        Output(ids.REVIEW_DETAIL, "children"),
        Output(ids.REVIEW_ACTIONS, "hidden"),
        Output({"type": ids.REVIEW_FIX, "name": ALL}, "value"),
        Input(ids.REVIEW_SELECTED, "data"),
        Input(ids.REVIEW_REFRESH, "data"),
        State(shell_ids.LANG, "data"),
        State({"type": ids.REVIEW_FIX, "name": ALL}, "id"),
    )(show_report)
    app.callback(
        Output(ids.REVIEW_FEEDBACK, "children"),
        Output(ids.REVIEW_REFRESH, "data"),
        Input(ids.REVIEW_PUBLISH, "n_clicks"),
        Input(ids.REVIEW_REJECT, "n_clicks"),
        Input(ids.REVIEW_DUPLICATE, "n_clicks"),
        Input(ids.REVIEW_CORRECT, "n_clicks"),
        Input(ids.REVIEW_BULK, "n_clicks"),
        State(ids.REVIEW_SELECTED, "data"),
        State(ids.REVIEW_REASON, "value"),
        State(ids.REVIEW_DUPLICATE_OF, "value"),
        State({"type": ids.REVIEW_FIX, "name": ALL}, "value"),
        State({"type": ids.REVIEW_FIX, "name": ALL}, "id"),
        State({"type": ids.REVIEW_PICK, "id": ALL}, "value"),
        State(ids.REVIEW_REFRESH, "data"),
        State(shell_ids.LANG, "data"),
        prevent_initial_call=True,
    )(act)
    app.callback(
        Output(ids.REVIEW_AUTO_NOTE, "children"),
        Input(ids.REVIEW_AUTO, "value"),
        State(shell_ids.LANG, "data"),
        prevent_initial_call=True,
    )(set_auto_publish)
    app.callback(
        Output(ids.AUDIT_TABLE, "children"),
        Input(ids.AUDIT_TABLE, "id"),  # fires once when the page is shown
        State(shell_ids.LANG, "data"),
    )(render_audit)
