"""What every dashboard figure shares: label wrapping, the empty state and the region heatmap's
figure (pure, no Dash)."""

from __future__ import annotations

from functools import cache

from babel import Locale, numbers
from flask_babel import get_locale
from flask_babel import gettext as _

from components.charts import SEQUENTIAL_SCALE, bidi, figure
from data import i18n

TOP = 15


def format_decimal(value, format: str | None = None) -> str:
    """``flask_babel.format_decimal``, with whole numbers grouped here.

    Babel parses and applies the locale's pattern on every call (≈ 0.1 ms): the map's country
    rows and the ranking's format ~700 numbers, 40–90 ms of a cold answer at 100,000 reports.
    The locale's group symbol and group sizes give the same text (the tests compare every
    shipped language with Babel); fractions and explicit formats still go through Babel."""
    locale = get_locale()
    grouping = _grouping(str(locale)) if locale is not None else None
    if format is not None or type(value) is not int or value < 0 or grouping is None:
        return numbers.format_decimal(value, format=format, locale=locale)
    symbol, first, rest = grouping
    digits, out = str(value), ""
    size = first
    while len(digits) > size:
        out = symbol + digits[-size:] + out
        digits = digits[:-size]
        size = rest
    return digits + out


@cache
def _grouping(locale: str) -> tuple[str, int, int] | None:
    """(group symbol, first group size, other group sizes); None when the pattern has more."""
    parsed = Locale.parse(locale)
    pattern = parsed.decimal_formats[None]
    if pattern.prefix[0] or pattern.suffix[0] or pattern.int_prec[0] > 1:
        return None
    symbol = numbers.get_group_symbol(parsed, numbering_system="latn")
    return symbol, pattern.grouping[0], pattern.grouping[1]


def wrap(label: str, width: int = 48, rtl: bool = False, max_lines: int | None = None) -> str:
    """Break long labels so that bars keep room on a phone; each line embedded for RTL.

    ``max_lines``: past it the last line kept ends with "…" (an axis label taller than its bar
    runs into its neighbours'); the figure's hover then gives the whole name."""
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if max_lines and len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = [*lines[: max_lines - 1], f"{last[: max(width - 1, 1)].rstrip()}…"]
    return "<br>".join(bidi(text, rtl) for text in lines)


def empty(fig: dict) -> dict:
    """The figure with its axes hidden and a note in their place (the dict is changed)."""
    layout = fig["layout"]
    layout["annotations"] = [
        *layout.get("annotations", []),
        {
            "text": _("No published reports match yet."),
            "showarrow": False,
            "x": 0.5,
            "y": 0.5,
            "xref": "paper",
            "yref": "paper",
        },
    ]
    layout["xaxis"] = {**layout.get("xaxis", {}), "visible": False}
    layout["yaxis"] = {**layout.get("yaxis", {}), "visible": False}
    return fig


def nothing() -> str:
    return _("No published reports match yet.")


def region_label(region: str, rtl: bool, compact: bool) -> str:
    """A region's name in the viewer's language; on a phone broken into short lines (a code
    such as "SSA" would be English in every language)."""
    return wrap(i18n.region(region), 12, rtl) if compact else bidi(i18n.region(region), rtl)


def heatmap_figure(
    z,
    x,
    regions,
    text,
    rtl: bool,
    compact: bool,
    labels: list[str] | None = None,
    note: str | None = None,
    shown: list[list[str]] | None = None,
    xtitle: str | None = None,
    note_width: int | None = None,
) -> dict:
    """Regions down, categories across, each cell labelled; empty cells stay blank.

    ``labels``: the rows' labels (the regions' names by default); ``note``: a line above the
    cells; ``shown``: shorter cell labels than ``text`` (which the hover keeps); ``xtitle``:
    the x axis title; ``note_width``: the note's line length in characters (the plot's width
    beside long row labels). The x axis is a category axis: labels such as "1" … "10" would
    otherwise make a linear axis that shows only some of them on a phone."""
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": x,
        "y": labels or [region_label(r, rtl, compact) for r in regions],
        "text": text if shown is None else shown,
        "texttemplate": "%{text}",
        "textfont": {"size": 10 if compact else 12},
        "colorscale": SEQUENTIAL_SCALE,
        "zmin": 0,
        "zmax": 1,
        "showscale": False,
        "hoverongaps": False,
        "hovertemplate": "%{y}<br>%{x}: %{text}<extra></extra>",
    }
    if shown is not None:
        heatmap["customdata"] = text
        heatmap["hovertemplate"] = "%{y}<br>%{x}: %{customdata}<extra></extra>"
    xaxis = {"type": "category", "tickangle": 0, "tickfont": {"size": 9 if compact else 10}}
    if xtitle:
        xaxis["title"] = {"text": xtitle, "font": {"size": 11}}
    layout: dict = {}
    if note:
        lines = wrap(note, note_width or (40 if compact else 110), rtl)
        layout["annotations"] = [
            {
                "text": lines,
                "showarrow": False,
                "x": 1 if rtl else 0,
                "xanchor": "right" if rtl else "left",
                "xref": "paper",
                "y": 1,
                "yanchor": "bottom",
                "yref": "paper",
                "align": "right" if rtl else "left",
                "font": {"size": 11},
            }
        ]
        layout["margin"] = {"l": 10, "r": 10, "t": 10 + 16 * (lines.count("<br>") + 1), "b": 10}
    # Each row as tall as its label's lines (a phone breaks region names over several).
    lines = max((str(label).count("<br>") + 1 for label in heatmap["y"]), default=1)
    row = max(44, 15 * lines + 10)
    return figure(
        [heatmap],
        rtl,
        height=max(300, row * len(regions) + 150),
        xaxis=xaxis,
        yaxis={"autorange": "reversed"},
        **layout,
    )
