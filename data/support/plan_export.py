"""The planning metrics as JSON and the draft plan as CSV, XLSX and Markdown.

Every line of the draft plan carries the report ids of the events that asked for it, and a link
to each report's review page (``/<lang>/review/<id>``), so a plan can always be traced
back to its sources.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict

from flask_babel import format_decimal
from flask_babel import gettext as _
from openpyxl import Workbook

from data import i18n
from data.aggregates.queries import Filters
from data.export.sql import DANGEROUS
from data.overlap import analysis as overlap

POINTS = "#,##0.#"  # points (data.scoring) are shared among ties and unranked sets: 2.5, 3.8
FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown",
}


def points_text(value: float) -> str:
    """Points with at most one decimal, in the current locale."""
    return format_decimal(value, format=POINTS)


def neutralize(value):
    """A spreadsheet-safe cell: formula-like text gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def metrics_json(session, filters: Filters) -> dict:
    """Everything the planning page shows, as plain JSON."""
    gaps = overlap.gaps(session, filters)
    return {
        "filters": {k: (str(v) if v is not None else None) for k, v in asdict(filters).items()},
        "initiatives": [asdict(m) for m in overlap.initiatives(session, filters)],
        "region_matrix": [asdict(c) for c in overlap.region_matrix(session, filters)],
        "pairs": [asdict(p) for p in overlap.pairs(session, filters)],
        "gaps": {
            "regions": [asdict(c) for c in gaps.regions],
            "languages": [asdict(c) for c in gaps.languages],
            "groups": [asdict(g) for g in gaps.groups],
        },
        "plan": [asdict(line) for line in overlap.plan_lines(session, filters)],
    }


def review_url(base: str, lang: str, report_id: int) -> str:
    return f"{base}/{lang}/review/{report_id}"


def rows(lines: list[overlap.PlanLine], lang: str, base: str) -> tuple[list[str], list[list]]:
    header = [
        _("Initiative"),
        _("Title"),
        _("Note"),
        _("Owner"),
        _("Events"),
        _("Points"),
        _("Events naming it for global coordination"),
        _("Report ids"),
        _("Links to the reports"),
    ]
    body = [
        [
            line.code,
            i18n.initiative(line.code),
            line.note,
            line.owner,
            line.events,
            round(line.points, 3),
            line.coordination,
            ";".join(str(r) for r in line.report_ids),
            " ".join(review_url(base, lang, r) for r in line.report_ids),
        ]
        for line in lines
    ]
    return header, body


def render(kind: str, lines: list[overlap.PlanLine], lang: str, base: str) -> tuple[bytes, str]:
    header, body = rows(lines, lang, base)
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows([neutralize(v) for v in row] for row in body)
        return out.getvalue().encode("utf-8"), FORMATS[kind]
    if kind == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "plan"
        sheet.append(header)
        for row in body:
            sheet.append([neutralize(v) for v in row])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue(), FORMATS[kind]
    return markdown(lines, lang, base).encode("utf-8"), FORMATS[kind]


def _md(text: str) -> str:
    """Free text inside a Markdown line: no markup, no line breaks."""
    cleaned = " ".join(str(text).split())
    for char in "\\`*_[]<>#|":
        cleaned = cleaned.replace(char, "\\" + char)
    return cleaned


def markdown(lines: list[overlap.PlanLine], lang: str, base: str) -> str:
    out = ["# " + _("Draft implementation plan"), ""]
    if not lines:
        out.append(_("No initiative is on the shortlist yet."))
    for line in lines:
        out.append(f"## {_md(i18n.initiative(line.code))} ({line.code})")
        out.append("")
        out.append("- " + _("Owner") + f": {_md(line.owner) or '–'}")
        out.append("- " + _("Note") + f": {_md(line.note) or '–'}")
        asked = _(
            "Asked for by %(events)d events (%(points)s points)",
            events=line.events,
            points=points_text(line.points),
        )
        links = ", ".join(f"[#{r}]({review_url(base, lang, r)})" for r in line.report_ids)
        out.append(f"- {asked}: {links or '–'}")
        out.append(
            "- "
            + _("Events naming it for global coordination")
            + f": {format_decimal(line.coordination)}"
        )
        out.append("")
    return "\n".join(out) + "\n"
