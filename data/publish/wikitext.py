"""Wikitext ready to paste on Meta-Wiki: the public aggregates as a sortable table, and one
report as a page following the 2020 report template.

Words come from the current locale (call inside ``force_locale``); numbers are written plain
(no grouping separators) so that a sortable table sorts them as numbers. Free text typed by
organizers is wrapped in ``<nowiki>`` so that it shows as typed and never runs as markup or
templates. A report here is the public API's JSON of it (``intake.report.public.PublicReport``): it
carries no organizer contact, and its small group counts are already suppressed.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _

from data import i18n
from data.aggregates.queries import Priority, Summary
from data.reference import reference
from data.text_policy import one_line


def nowiki(text: str) -> str:
    """Free text as literal wikitext: on one line (data/text_policy.one_line), markup disabled.
    Inside ``<nowiki>`` entities still read as characters: "&", "<" and ">" are escaped, so the
    text shows as typed and cannot close the tag."""
    flat = one_line(text)
    if not flat:
        return ""
    return "<nowiki>" + html.escape(flat, quote=False) + "</nowiki>"


# What would let a value start a cell, a row or a table, call a template ("{{!}}" is a "|"),
# open a tag (<td>, <!--), or be rewritten on save (~~~~): written as character references,
# which read back as the same characters. A "<" before no tag name stays ("< 5").
_MARKUP = str.maketrans({ch: f"&#{ord(ch)};" for ch in "&|!{}[]>~"})
_TAG = re.compile(r"<(?=[A-Za-z/!?])")


def _cell(value: Any) -> str:
    """A table cell's text: numbers as written, any text on one line with markup escaped."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _TAG.sub("&#60;", one_line(value).translate(_MARKUP))


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str | None = None) -> str:
    """A ``wikitable sortable``: one header row, then one line per cell (``| value``)."""
    lines = ['{| class="wikitable sortable"']
    if caption:
        lines.append(f"|+ {_cell(caption)}")
    lines.append("! " + " !! ".join(_cell(h) for h in headers))
    for row in rows:
        lines.append("|-")
        lines += [f"| {_cell(v)}" for v in row]
    lines.append("|}")
    return "\n".join(lines) + "\n"


def initiative_rows(summary: Summary) -> list[tuple[Priority, int]]:
    """Each initiative of the summary with the events that named it for global coordination;
    one named for global coordination alone comes with zeros for the other measures."""
    coordinated = {c.code: c.events for c in summary.coordination}
    rows = [(p, coordinated.pop(p.code, 0)) for p in summary.priorities]
    rows += [(Priority(code, 0, 0.0, 0, 0, 0.0), n) for code, n in coordinated.items()]
    return rows


def priorities_table(summary: Summary, caption: str | None = None) -> str:
    """Per initiative: the same numbers as ``/api/v1/summary``'s ``priorities`` and
    ``global_coordination``."""
    ref = reference()
    headers = [
        _("Code"),
        _("Initiative"),
        _("Recommendation"),
        _("Events"),
        _("Points"),
        _("First choices"),
        _("Regions"),
        _("Participant-weighted points"),
        _("Events naming it for global coordination"),
    ]
    rows = []
    for p, coordinated in initiative_rows(summary):
        item = ref.initiatives.get(p.code)
        rows.append(
            [
                p.code,
                i18n.initiative(p.code, False),
                item.recommendation if item else "",
                p.mentions,
                p.points,
                p.first_choices,
                p.regions,
                p.weighted,  # str() of a float reads back as the same float
                coordinated,
            ]
        )
    return table(headers, rows, caption)


def _ranked(choices: Sequence[Mapping[str, Any]], label) -> list[str]:
    """Ranked choices as a numbered list by rank (a tie shares a number, "1 =" ), an unranked
    set as bullets; each with its reason."""
    if not choices:
        return [_("None given.")]
    ranked = any(c.get("rank") is not None for c in choices)
    lines = []
    ordered = sorted(choices, key=lambda c: c.get("rank") or 0) if ranked else choices
    for c in ordered:
        why = nowiki(c.get("why") or "")
        mark = f"* {c['rank']}." if ranked else "*"
        lines.append(f"{mark} '''{label(c['code'])}'''" + (f" – {why}" if why else ""))
    return lines


def report_page(report: Mapping[str, Any], threshold: int) -> str:
    """One published report (the public API's JSON) as a page of the 2020 report template."""
    place = (
        i18n.country(report["country"]) + ", " + i18n.region(report["region"])
        if report.get("country")
        else i18n.region(report["region"])
    )
    languages = i18n.join_list(i18n.language(c) for c in report.get("languages") or []) or "–"
    themes = i18n.join_list(i18n.theme(c) for c in report.get("themes") or []) or "–"
    participants = report["participants"]
    facts = [
        (_("Date"), format_date(_as_date(report["event_date"]), "long")),
        (_("Country or region"), place),
        (_("Format"), i18n.event_format(report["format"])),
        (
            _("Number of participants"),
            i18n.attendance(participants["total"], participants.get("total_precision")),
        ),
        (_("Languages"), languages),
        (_("Themes"), themes),
    ]
    lines = [f"== {nowiki(report['event_name'])} ==", '{| class="wikitable"']
    for label, value in facts:
        lines += ["|-", f'! scope="row" | {_cell(label)}', f"| {_cell(value)}"]
    lines.append("|}")
    groups = participants.get("groups") or {}
    if participants.get("group_detail") == "withheld":
        lines += [
            "",
            "=== " + _("Participants from counted groups") + " ===",
            _(
                "Not shown: the event may have had fewer than %(n)d participants, and its "
                "group counts could point at people.",
                n=threshold,
            ),
        ]
    elif groups:
        lines += [
            "",
            "=== " + _("Participants from counted groups") + " ===",
            '{| class="wikitable"',
        ]
        for code, g in groups.items():
            shown = f"< {threshold}" if g.get("suppressed") else g.get("count")
            lines += ["|-", f'! scope="row" | {_cell(i18n.group(code))}', f"| {_cell(shown)}"]
        lines.append("|}")
    lines += ["", "=== " + _("Recommendations") + " ==="]
    lines += _ranked(report.get("recommendations") or [], i18n.recommendation)
    lines += ["", "=== " + _("Initiatives") + " ==="]
    lines += _ranked(report.get("priorities") or [], i18n.initiative)
    coordination = report.get("global_coordination") or []
    lines += [
        "",
        "=== " + _("Initiatives that should be the focus of global coordination") + " ===",
    ]
    lines += _ranked(
        [c if isinstance(c, Mapping) else {"code": c} for c in coordination], i18n.initiative
    )
    for heading, key in (
        (_("Human and financial resources needed"), "resources_needed"),
        (_("Other notes"), "notes"),
    ):
        lines += ["", f"=== {heading} ===", nowiki(report.get(key) or "") or _("None given.")]
    return "\n".join(lines) + "\n"


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
