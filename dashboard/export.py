"""The support team's API: planning metrics, the draft plan and the full export (login required).

Every route of this blueprint answers 401 without a session. The full export streams: reports
are read with a server-side cursor in batches (``yield_per``), their child rows fetched per
batch, and each batch is written out before the next is read, so memory stays flat at 100,000
reports. Spreadsheet cells starting with ``= + - @`` (or a tab or carriage return) get a leading
apostrophe so that no spreadsheet evaluates them as formulas.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator

import xlsxwriter
from flask import Blueprint, Response, current_app, jsonify, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from dashboard import plan_export
from dashboard.auth import api_login_required, signed_in
from dashboard.plan_export import neutralize
from data import i18n, overlap
from data.db import EXTENSION_KEY
from data.filters import parse_filters
from data.models import (
    Report,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
)
from data.queries import INITIATIVE_SLOTS, RECOMMENDATION_SLOTS
from data.reference import reference
from data.support import Role, create_user

blueprint = Blueprint("support", __name__, url_prefix="/api/v1")
# Control characters that XML (and so XLSX) cannot hold.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
BATCH = 2000


def _db():
    return current_app.extensions[EXTENSION_KEY]


@blueprint.before_request
def _require_session():
    if not signed_in():
        return jsonify(error="authentication required"), 401
    return None


# The data dictionary ----------------------------------------------------------------------

DESCRIPTIONS = {
    "id": _l("Report number"),
    "client_id": _l("Identifier made by the submitting client (idempotency key)"),
    "event_name": _l("Name of the event"),
    "event_date": _l("Date of the event (YYYY-MM-DD)"),
    "country": _l("ISO 3166-1 country code"),
    "region": _l("Wikimedia region code"),
    "format": _l("Event format code"),
    "organizer_name": _l("Organizer's name"),
    "organizer_email": _l("Organizer's email"),
    "organizer_affiliate": _l("Organizer's affiliate or group"),
    "attendees": _l("Who attended (free text)"),
    "facilitators": _l("Facilitators (free text)"),
    "note_takers": _l("Note takers (free text)"),
    "participants_total": _l("Number of participants"),
    "resources_needed": _l("Resources needed (free text)"),
    "notes": _l("Notes (free text)"),
    "written_in": _l("Interface language the report was written in"),
    "status": _l("Review status: pending, published, rejected or duplicate"),
    "status_reason": _l("Reason given when rejected"),
    "duplicate_of": _l("Report this one duplicates"),
    "is_demo": _l("Synthetic demo data"),
    "created_at": _l("Stored at (UTC)"),
    "updated_at": _l("Last changed at (UTC)"),
}
PRIVATE = {"organizer_name", "organizer_email", "client_id"}


def base_columns() -> list[str]:
    # Every column of the reports table, so fields added later are exported too; secrets'
    # hashes (e.g. an edit-token hash) are never exported.
    return [c.key for c in Report.__table__.columns if not c.key.endswith("_hash")]


def columns() -> list[str]:
    ref = reference()
    return [
        *base_columns(),
        "languages",
        "themes",
        *(f"group_{g}" for g in ref.groups),
        *(f"priority_{n}{s}" for n in range(1, INITIATIVE_SLOTS + 1) for s in ("", "_why")),
        *(
            f"recommendation_{n}{s}"
            for n in range(1, RECOMMENDATION_SLOTS + 1)
            for s in ("", "_why")
        ),
        "global_coordination",
    ]


def dictionary() -> list[tuple[str, str, str]]:
    """(column, description, visibility) in the current locale."""
    out = []
    for name in columns():
        if name in DESCRIPTIONS:
            text = str(DESCRIPTIONS[name])
        elif name.startswith("group_"):
            text = _("Participants from the group: %(group)s", group=i18n.group(name[6:]))
        elif name.endswith("_why"):
            text = _("The event's reason for the choice before it")
        elif name.startswith("priority_"):
            text = _("Initiative code at this rank (1 = highest), see the reference API")
        elif name.startswith("recommendation_"):
            text = _("Recommendation code at this rank (1 = highest)")
        elif name == "languages":
            text = _("Languages of the event (codes, separated by ;)")
        elif name == "themes":
            text = _("Themes of the event (codes, separated by ;)")
        elif name == "global_coordination":
            text = _("Initiatives for global coordination (codes, separated by ;)")
        else:
            text = ""
        visibility = _("private") if name in PRIVATE else _("public when published")
        out.append((name, text, visibility))
    return out


# Rows, batch by batch ---------------------------------------------------------------------


CHILDREN = {
    # name: (table, value columns, order); rows come back ordered by report.
    "initiatives": (ReportInitiative, ("code", "why"), "rank"),
    "recommendations": (ReportRecommendation, ("code", "why"), "rank"),
    "groups": (ReportGroup, ("group_code", "count"), "group_code"),
    "themes": (ReportTheme, ("theme_code",), "theme_code"),
    "languages": (ReportLanguage, ("language_code",), "language_code"),
    "coordination": (ReportCoordination, ("initiative_code",), "initiative_code"),
}


def _children(conn, first: int, last: int) -> dict[str, dict[int, list]]:
    """Child rows of the reports with ids first..last (a range, not a long IN list)."""
    out: dict[str, dict[int, list]] = {}
    for name, (model, values, order) in CHILDREN.items():
        table = model.__table__
        query = (
            select(table.c.report_id, *(table.c[v] for v in values))
            .where(table.c.report_id.between(first, last))
            .order_by(table.c.report_id, table.c[order])
        )
        found: dict[int, list] = {}
        for rid, *rest in conn.execute(query):
            found.setdefault(rid, []).append(rest)
        out[name] = found
    return out


def _flattener():
    """A function turning a report row and its children into one flat dict."""
    base = base_columns()
    groups = list(reference().groups)
    empty: list = []

    def flat(row, kids: dict[str, dict[int, list]]) -> dict:
        rid = row[0]  # base columns start with the id
        out = dict(zip(base, row, strict=True))
        out["languages"] = ";".join(c for (c,) in kids["languages"].get(rid, empty))
        out["themes"] = ";".join(c for (c,) in kids["themes"].get(rid, empty))
        counts = dict(kids["groups"].get(rid, empty))
        for g in groups:
            out[f"group_{g}"] = counts.get(g)
        for prefix, key, slots in (
            ("priority", "initiatives", INITIATIVE_SLOTS),
            ("recommendation", "recommendations", RECOMMENDATION_SLOTS),
        ):
            chosen = kids[key].get(rid, empty)
            for n in range(1, slots + 1):
                code, why = chosen[n - 1] if n <= len(chosen) else (None, None)
                out[f"{prefix}_{n}"], out[f"{prefix}_{n}_why"] = code, why
        out["global_coordination"] = ";".join(c for (c,) in kids["coordination"].get(rid, empty))
        return out

    return flat


def report_batches(db, batch: int = BATCH) -> Iterator[list[dict]]:
    """Every report (private fields included) as flat dicts, ``batch`` at a time.

    Reports stream in id order through a server-side cursor; each batch's children are read
    by id range, so every query is a short indexed range scan.
    """
    table = Report.__table__
    flat = _flattener()
    with db.session(readonly=True) as session:
        conn = session.connection()
        query = select(*(table.c[name] for name in base_columns())).order_by(table.c.id)
        result = conn.execution_options(yield_per=batch).execute(query)
        for part in result.partitions(batch):
            kids = _children(conn, part[0][0], part[-1][0])
            yield [flat(r, kids) for r in part]


# Writers ----------------------------------------------------------------------------------


class _Sink(io.RawIOBase):
    """An unseekable byte stream that hands over what was written since the last drain."""

    def __init__(self):
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.chunks.append(bytes(b))
        return len(b)

    def drain(self) -> bytes:
        out, self.chunks = b"".join(self.chunks), []
        return out


def _text(value) -> str:
    if value.__class__ is str:
        return value
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def csv_zip(batches: Iterator[list[dict]], names: list[str], dictionary_rows) -> Iterator[bytes]:
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("data_dictionary.csv", "w") as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            writer = csv.writer(text)
            writer.writerow(["column", "description", "visibility"])
            writer.writerows(dictionary_rows)
            text.flush()
            text.detach()
        with archive.open("reports.csv", "w", force_zip64=True) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            writer = csv.writer(text)
            writer.writerow(names)
            for rows in batches:
                writer.writerows([neutralize(_text(r[n])) for n in names] for r in rows)
                text.flush()
                yield sink.drain()
            text.detach()
    yield sink.drain()


def _cell(value):
    if isinstance(value, str):
        return neutralize(ILLEGAL_CHARACTERS.sub("", value))[:32767]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def xlsx(batches: Iterator[list[dict]], names: list[str], dictionary_rows) -> Iterator[bytes]:
    """XlsxWriter in constant-memory mode: rows go to disk as they come (openpyxl's write-only
    mode took minutes for 100,000 reports); strings are never read as formulas or links."""
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        book = xlsxwriter.Workbook(
            path,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        sheet = book.add_worksheet("reports")
        sheet.write_row(0, 0, names)
        number = 1
        for rows in batches:
            for r in rows:
                sheet.write_row(number, 0, [_cell(r[n]) for n in names])
                number += 1
        about = book.add_worksheet("data_dictionary")
        about.write_row(0, 0, ["column", "description", "visibility"])
        for index, row in enumerate(dictionary_rows, start=1):
            about.write_row(index, 0, [_cell(v) for v in row])
        book.close()
        with open(path, "rb") as f:
            while chunk := f.read(256 * 1024):
                yield chunk
    finally:
        os.unlink(path)


def json_stream(batches: Iterator[list[dict]], dictionary_rows) -> Iterator[bytes]:
    head = {
        "dictionary": [
            dict(zip(("column", "description", "visibility"), r, strict=True))
            for r in dictionary_rows
        ]
    }
    yield (json.dumps(head, ensure_ascii=False)[:-1] + ', "reports": [').encode()
    first = True
    for rows in batches:
        parts = [json.dumps(r, default=_text, ensure_ascii=False) for r in rows]
        if parts:
            yield (("" if first else ",") + ",".join(parts)).encode()
            first = False
    yield b"]}"


# Routes -----------------------------------------------------------------------------------

MEDIA = {
    "csv": ("application/zip", "zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


@blueprint.get("/export")
def export():
    kind = request.args.get("format", "csv")
    if kind not in MEDIA:
        return jsonify(errors={"format": "one of csv, xlsx, json"}), 422
    lang = i18n.normalize(request.args.get("lang"))
    with force_locale(lang):
        about = dictionary()
    names = columns()
    batches = report_batches(_db())
    if kind == "csv":
        body = csv_zip(batches, names, about)
    elif kind == "xlsx":
        body = xlsx(batches, names, about)
    else:
        body = json_stream(batches, about)
    media, ext = MEDIA[kind]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
    return Response(
        body,
        mimetype=media,
        headers={
            "Content-Disposition": f'attachment; filename="reports-{stamp}.{ext}"',
            "Cache-Control": "no-store",
        },
    )


@blueprint.get("/plan")
def plan():
    filters, problems = parse_filters(request.args)
    if problems:
        return jsonify(errors=problems), 422
    with _db().session(readonly=True) as session:
        return jsonify(plan_export.metrics_json(session, filters))


@blueprint.get("/plan/draft")
def plan_draft():
    kind = request.args.get("format", "csv")
    lang = i18n.normalize(request.args.get("lang"))
    if kind not in plan_export.FORMATS:
        return jsonify(errors={"format": "one of csv, xlsx, md"}), 422
    with _db().session(readonly=True) as session:
        lines = overlap.plan_lines(session)
    with force_locale(lang):
        body, media = plan_export.render(kind, lines, lang, request.host_url.rstrip("/"))
    return Response(
        body,
        mimetype=media,
        headers={
            "Content-Disposition": f'attachment; filename="plan.{kind}"',
            "Cache-Control": "no-store",
        },
    )


@blueprint.post("/users")
@api_login_required(Role.ADMIN)
def post_user():
    """Create an account (admins only)."""
    body = request.get_json(silent=True) or {}
    missing = [k for k in ("email", "name", "password") if not str(body.get(k) or "").strip()]
    if missing or body.get("role", Role.REVIEWER) not in set(Role):
        return jsonify(errors={k: "required" for k in missing} or {"role": "unknown"}), 422
    try:
        with _db().session() as session:
            made = create_user(
                session,
                body["email"],
                body["name"],
                body.get("role", Role.REVIEWER),
                body["password"],
            )
    except IntegrityError:
        return jsonify(errors={"email": "already exists"}), 409
    return jsonify(id=made.id, email=made.email, role=made.role), 201
