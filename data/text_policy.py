"""What free text typed by people may contain: one policy for every field whose text leaves the
app (the public API and CSV, XLSX, wikitext, Commons .tab, iCalendar, e-mail).

- No control characters: none in short text (one line), only newline and tab in long text
  (CR LF and CR become LF; the Unicode line and paragraph separators too). NUL is a control
  character: PostgreSQL cannot store it.
- No bidi embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069): they make
  the text around a value read in another order ("Trojan Source"). The marks U+200E, U+200F
  and U+061C stay: right-to-left text needs them.
- No noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the like) and no lone surrogates: XML
  (XLSX) and UTF-8 cannot hold them.
- A value made only of invisible characters (whitespace, zero-width spaces and joiners, the
  word joiner, the byte-order mark, fillers) is empty: a required one is refused as missing.

Validation refuses what the policy refuses; the writers (data/publish/wikitext.py,
data/publish/commons_tab.py,
intake/report/spreadsheets.py) still escape for their own format, and ``one_line`` drops what older
rows may
hold. Pure: the pydantic types below use it, and so can anything else (``check``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

SHORT = 200
LONG = 5000

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = re.compile("\r\n|[\r\u2028\u2029]")
# Characters that show nothing but are not whitespace to str.isspace(), besides the format
# characters (category Cf: zero-width space and joiners, word joiner, byte-order mark, ...).
INVISIBLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u2800\u3164\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)


class TextRefused(ValueError):
    """The text breaks the policy; ``kind`` says how (the pydantic error type and the key of
    its translated message, intake/validation.message)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _noncharacter(ch: str) -> bool:
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE or 0xD800 <= code <= 0xDFFF


def invisible(ch: str) -> bool:
    return ch.isspace() or ch in INVISIBLE or unicodedata.category(ch) in ("Cf", "Cc", "Mn")


def blank(text: str) -> bool:
    """Does ``text`` show nothing at all? (A combining mark alone counts as nothing.)"""
    return all(invisible(ch) for ch in text)


def check(text: str, *, multiline: bool = False, required: bool = False) -> str:
    """``text`` as stored, or ``TextRefused``. ``multiline``: long text (newline and tab
    allowed). A blank value becomes "" (refused as ``text_empty`` when ``required``)."""
    if multiline:
        text = LINE_SEPARATORS.sub("\n", text)
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise TextRefused("text_bidi", "contains a bidi control character")
        if ch in "\n\t" or ch in "\u2028\u2029":
            if not multiline:
                raise TextRefused("text_line_break", "contains a line break or tab")
        elif unicodedata.category(ch) == "Cc" or _noncharacter(ch):
            raise TextRefused("text_control", "contains a control character")
    if blank(text):
        if required:
            raise TextRefused("text_empty", "only invisible characters")
        return ""
    return text


def without_refused(text: str) -> str:
    """``text`` less what the policy refuses, line breaks and tabs apart: for the writers, since
    rows stored before the policy may hold such characters (openpyxl refuses control characters
    and XML cannot hold noncharacters)."""
    return "".join(
        ch
        for ch in str(text)
        if ch in "\t\n\r"
        or not (ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cc" or _noncharacter(ch))
    )


def one_line(text: str) -> str:
    """Any text as one line for a writer: whitespace runs (line breaks included) become one
    space, and what the policy refuses is dropped (``without_refused``)."""
    return " ".join(without_refused(text).split())


# The policy as pydantic types (data/reports/schema.py, intake/events/schema.py) ----------


def _validator(*, multiline: bool, required: bool) -> AfterValidator:
    def validate(value: str) -> str:
        try:
            return check(value, multiline=multiline, required=required)
        except TextRefused as refused:
            raise PydanticCustomError(refused.kind, str(refused)) from None

    return AfterValidator(validate)


SingleLine = _validator(multiline=False, required=False)
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=SHORT), SingleLine]
Required = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT),
    _validator(multiline=False, required=True),
]
Long = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=LONG),
    _validator(multiline=True, required=False),
]
