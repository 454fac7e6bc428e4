"""The audit log in words: each stored action code as a phrase and each before/after pair as a
short list "field: before → after", in the current locale (pure: no callbacks, no database).

The codes are the ones written across data/ (``grep -rn "log(\\|AuditLog(" data/``); a code
this module does not know shows as stored, and so does a field name."""

from __future__ import annotations

import json
from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from flask_babel import format_decimal, get_locale, pgettext
from flask_babel import gettext as _

from components.review_queue import status_label
from data import i18n
from data.initiative_list.load import REFERENCE_LOADED
from data.initiative_list.retired import ACTION
from data.support.settings import AUTO_PUBLISH

# Fields that name what a row is about: shown even when they did not change.
SUBJECTS = ("contribution", "event", "code", "file")
EMPTY = "–"


def action_label(action: str) -> str:
    """The stored action code as a phrase; an unknown code as stored."""
    return {
        "publish": _("Published a report"),
        "reject": _("Rejected a report"),
        "duplicate": _("Marked a report as a duplicate"),
        "correct": _("Corrected a report"),
        "duplicate_cleared": _("Duplicate mark cleared (its original, a demo report, was removed)"),
        "contribution_publish": _("Published a contribution"),
        "contribution_reject": _("Rejected a contribution"),
        "event_publish": _("Published an event"),
        "event_reject": _("Rejected an event"),
        "setting": _("Changed a setting"),
        "plan_save": _("Saved a plan item"),
        "plan_remove": _("Removed a plan item"),
        ACTION: _("Initiative list changed (stored codes moved to the 2020 list)"),
        REFERENCE_LOADED: _("Official initiative list loaded"),
    }.get(action, action)


def field_label(name: str) -> str:
    """A stored field's name in words (the labels the review form uses); unknown as stored."""
    # A report's reviewable state (data.support.audit.snapshot), as the correction form says.
    report = {
        "status": _("Status"),
        "status_reason": _("Reason"),
        "duplicate_of": _("Duplicate of"),
        "event_name": _("Event name"),
        "country": _("Country"),
        "region": _("Region"),
        "format": _("Format"),
        "participants_total": _("Participants"),
        "total_precision": _("This number is"),
    }
    if name in report:
        return report[name]
    # The other subjects: contributions, events, the plan, settings, the list change.
    return {
        "contribution": _("Contribution"),
        "event": _("Event"),
        "code": _("Initiative"),
        "note": _("Note"),
        "owner": _("Owner"),
        "priorities": _("Initiatives"),
        "initiatives": _("Initiatives"),
        "global_coordination": _("Global coordination"),
        AUTO_PUBLISH: _("Publish new reports on arrival"),
    }.get(name, name)


def value_text(name: str, value: Any) -> str:
    """A stored value in words: statuses, codes and switches labelled, numbers formatted."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if name == "status":
        return status_label(value)
    if name == "country":
        return i18n.country(value)
    if name == "region":
        return i18n.region(value)
    if name == "format":
        return i18n.event_format(value)
    if name == "total_precision":
        words = {"exact": _("exact"), "about": _("about"), "at_least": _("at least (“over 30”)")}
        return words.get(value, value)
    if name == AUTO_PUBLISH and value in ("0", "1"):
        return pgettext("auto-publish", "on") if value == "1" else pgettext("auto-publish", "off")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_decimal(value)
    if isinstance(value, list):
        return i18n.join_list(value) or EMPTY
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _step(was: str, now: str) -> str:
    """One value's step, "before → after"; in a right-to-left language "before ← after", each
    value isolated (FSI…PDI) so that two Latin values keep the arrow pointing from the old to
    the new."""
    locale = get_locale()
    if locale is not None and i18n.is_rtl(str(locale)):
        return f"\u2068{was}\u2069 ← \u2068{now}\u2069"
    return f"{was} → {now}"


def changes(before: Any, after: Any) -> list[str]:
    """The lines "field: before → after" of one audit row: what it is about first, then each
    field that changed. Group counts (a nested mapping) show one line per group; other nested
    mappings one line per inner key ("I02 › title: …")."""
    if not isinstance(before, dict) and not isinstance(after, dict):
        return [] if before == after else [_step(value_text("", before), value_text("", after))]
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    lines = [
        f"{field_label(k)}: {value_text(k, new.get(k, old.get(k)))}"
        for k in SUBJECTS
        if k in old or k in new
    ]
    for name in [*old, *(k for k in new if k not in old)]:
        if name in SUBJECTS or old.get(name) == new.get(name):
            continue
        was, now = old.get(name), new.get(name)
        if isinstance(was, dict) or isinstance(now, dict):
            label = i18n.group if name == "groups" else (lambda k, n=name: f"{n} › {k}")
            lines += [f"{label(k)}: {line}" for k, line in _inner(was, now)]
            continue
        lines.append(f"{field_label(name)}: {_step(value_text(name, was), value_text(name, now))}")
    return lines


def _inner(was, now) -> list[tuple[str, str]]:
    was, now = was if isinstance(was, dict) else {}, now if isinstance(now, dict) else {}
    keys = sorted(set(was) | set(now))
    return [
        (k, _step(value_text(k, was.get(k)), value_text(k, now.get(k))))
        for k in keys
        if was.get(k) != now.get(k)
    ]


def audit_table(entries) -> html.P | dbc.Table:
    """Every change: when, who, what (the stored code as a tooltip), which report, and what
    changed."""
    if not entries:
        return html.P(_("Nothing has been changed yet."))
    head = [_("When (UTC)"), _("Who"), _("Action"), _("Report"), _("Changes")]

    def listed(e):
        lines = changes(e.before, e.after)
        if not lines:
            return EMPTY
        return html.Ul([html.Li(line) for line in lines], className="mb-0 ps-3")

    return dbc.Table(
        [
            html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(e.at.isoformat(sep=" ", timespec="seconds")),
                            html.Td(e.user),
                            html.Td(action_label(e.action), title=e.action),
                            html.Td(str(e.report_id or "")),
                            html.Td(listed(e), className="small text-break"),
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
