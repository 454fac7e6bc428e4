"""The full export's three formats, each written batch by batch as the rows are read.

Rows arrive as tuples in ``data.export.rows.layout()`` order, already flat and typed by the
database (dates as ISO text, booleans as 0/1, formula-like text neutralized for CSV and XLSX),
so the CSV rows go to ``csv.writer`` untouched and no format needs a per-cell Python check.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator

from dashboard.export import xlsx_stream
from data.export.rows import BOOLEAN, TEXT, Column
from data.export.sql import plain, spreadsheet

HEADER = ["column", "description", "visibility"]


def _csv_bytes(rows: Iterable) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def csv_zip(
    batches: Iterable[list[tuple]], layout: list[Column], about, level: int = xlsx_stream.LEVEL
) -> Iterator[bytes]:
    """A zip of ``reports.csv`` and ``data_dictionary.csv`` (UTF-8); None is an empty field."""
    sink = xlsx_stream.ZipSink()
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("data_dictionary.csv", _csv_bytes([HEADER, *about]))
        with archive.open("reports.csv", "w", force_zip64=True) as part:
            part.write(_csv_bytes([[c.name for c in layout]]))
            for rows in batches:
                part.write(_csv_bytes(rows))
                yield sink.drain()
    yield sink.drain()


def xlsx(batches: Iterable[list[tuple]], layout: list[Column], about) -> Iterator[bytes]:
    """Sheets ``reports`` and ``data_dictionary``."""
    return xlsx_stream.workbook(
        [
            ("reports", [c.name for c in layout], [c.kind for c in layout], batches),
            ("data_dictionary", HEADER, [TEXT] * 3, [list(about)]),
        ]
    )


def json_stream(batches: Iterable[list[tuple]], layout: list[Column], about) -> Iterator[bytes]:
    """``{"dictionary": [...], "reports": [{column: value}, ...]}``, booleans as JSON ones."""
    names = [c.name for c in layout]
    flags = [n for n, c in enumerate(layout) if c.kind == BOOLEAN]
    head = {"dictionary": [dict(zip(HEADER, r, strict=True)) for r in about]}
    yield (json.dumps(head, ensure_ascii=False)[:-1] + ', "reports": [').encode()
    first = True
    for rows in batches:
        parts = []
        for row in rows:
            if flags:
                row = list(row)
                for n in flags:
                    if row[n] is not None:
                        row[n] = bool(row[n])
            parts.append(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False))
        if parts:
            yield (("" if first else ",") + ",".join(parts)).encode()
            first = False
    yield b"]}"


# format: (writer, how the database prepares text cells for it)
WRITERS = {
    "csv": (csv_zip, spreadsheet),
    "xlsx": (xlsx, spreadsheet),
    "json": (json_stream, plain),
}
