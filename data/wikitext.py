"""Wikitext ready to paste on Meta-Wiki: the public aggregates as a sortable table, and one
report as a page following the 2020 report template.

Words come from the current locale (call inside ``force_locale``); numbers are written plain
(no grouping separators) so that a sortable table sorts them as numbers. Free text typed by
organizers is wrapped in ``<nowiki>`` so that it shows as typed and never runs as markup or
templates. A report here is the public API's JSON of it (``intake.public.PublicReport``): it
carries no organizer contact, and its small group counts are already suppressed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _

from data import i18n
from data.queries import Priority
from data.reference import reference


def nowiki(text: str) -> str:
    """Free text as literal wikitext: on one line, markup disabled."""
    flat = " ".join(str(text).split())
    if not flat:
        return ""
    return "<nowiki>" + flat.replace("<", "&lt;").replace(">", "&gt;") + "</nowiki>"


def _cell(value: Any) -> str:
    # A cell's own text never contains "|" or "!" at a cell start: labels come from our data.
    return str(value).replace("|", "&#124;")


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


def priorities_table(priorities: Sequence[Priority], caption: str | None = None) -> str:
    """Per initiative: the same numbers as ``/api/v1/summary``'s ``priorities``."""
    ref = reference()
    headers = [
        _("Code"),
        _("Initiative"),
        _("Recommendation"),
        _("Events"),
        _("Borda points"),
        _("First choices"),
        _("Regions"),
        _("Participant-weighted score"),
    ]
    rows = []
    for p in priorities:
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
            ]
        )
    return table(headers, rows, caption)


def _ranked(choices: Sequence[Mapping[str, Any]], label) -> list[str]:
    if not choices:
        return [_("None given.")]
    lines = []
    for c in sorted(choices, key=lambda c: c["rank"]):
        why = nowiki(c.get("why") or "")
        lines.append(f"# '''{label(c['code'])}'''" + (f" – {why}" if why else ""))
    return lines


def report_page(report: Mapping[str, Any], threshold: int) -> str:
    """One published report (the public API's JSON) as a page of the 2020 report template."""
    place = (
        i18n.country(report["country"]) + ", " + i18n.region(report["region"])
        if report.get("country")
        else i18n.region(report["region"])
    )
    languages = ", ".join(i18n.language(c) for c in report.get("languages") or []) or "–"
    themes = ", ".join(i18n.theme(c) for c in report.get("themes") or []) or "–"
    participants = report["participants"]
    facts = [
        (_("Date"), format_date(_as_date(report["event_date"]), "long")),
        (_("Country or region"), place),
        (_("Format"), i18n.event_format(report["format"])),
        (_("Number of participants"), participants["total"]),
        (_("Languages"), languages),
        (_("Themes"), themes),
    ]
    lines = [f"== {nowiki(report['event_name'])} ==", '{| class="wikitable"']
    for label, value in facts:
        lines += ["|-", f'! scope="row" | {_cell(label)}', f"| {_cell(value)}"]
    lines.append("|}")
    groups = participants.get("groups") or {}
    if groups:
        lines += [
            "",
            "=== " + _("Participants from counted groups") + " ===",
            '{| class="wikitable"',
        ]
        for code, g in groups.items():
            shown = f"< {threshold}" if g.get("suppressed") else g.get("count")
            lines += ["|-", f'! scope="row" | {_cell(i18n.group(code))}', f"| {_cell(shown)}"]
        lines.append("|}")
    lines += ["", "=== " + _("Top 3 recommendations") + " ==="]
    lines += _ranked(report.get("recommendations") or [], i18n.recommendation)
    lines += ["", "=== " + _("Top 5 initiatives") + " ==="]
    lines += _ranked(report.get("priorities") or [], i18n.initiative)
    coordination = report.get("global_coordination") or []
    lines += [
        "",
        "=== " + _("Initiatives that should be the focus of global coordination") + " ===",
    ]
    lines += [f"* {i18n.initiative(c)}" for c in coordination] or [_("None given.")]
    for heading, key in (
        (_("Human and financial resources needed"), "resources_needed"),
        (_("Other notes"), "notes"),
    ):
        lines += ["", f"=== {heading} ===", nowiki(report.get(key) or "") or _("None given.")]
    return "\n".join(lines) + "\n"


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
