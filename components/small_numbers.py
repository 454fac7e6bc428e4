"""Honest small numbers in words: a counted group's share of participants over many events is
exact, a lower bound, or hidden (the rule: ``data.privacy.group_share``), and is never drawn as
0 when it is unknown (pure, no Dash).

The aggregates add only the counts each event's public record shows (``data.privacy``): an
event's 1..PRIVACY_THRESHOLD-1 people of a group are left out of the sum and counted as a
``hidden`` event instead. So a sum of 0 with hidden events means "unknown", not "nobody"; a sum
above 0 with hidden events is a lower bound ("at least").
"""

from __future__ import annotations

import math

from babel import numbers
from flask_babel import format_decimal, format_percent, get_locale, ngettext
from flask_babel import gettext as _

from data.privacy import AT_LEAST, HIDDEN, GroupShare


def percent(share: float, floor: bool = False) -> str:
    """A share as a percentage in the locale's pattern that never rounds a real, non-zero share
    to "0%": below 1% it keeps two decimals ("0.25%"), below 0.01% it says "less than 0.01%".
    ``floor``: a lower bound, rounded down (7.9% is "at least 7%", never "at least 8%")."""
    if share <= 0:
        return format_percent(0)
    if share < 0.0001 and not floor:
        return _("less than %(share)s", share=_percent(0.0001))
    digits = 2 if share >= 0.01 else 4 if share >= 0.0001 else 6
    scale = 10**digits
    # The small epsilon keeps 0.29 from flooring to 28% (0.29 * 100 is 28.999…).
    if floor:
        value = math.floor(share * scale + 1e-9) / scale
    else:
        value = share if digits == 2 else round(share, digits)
    return format_percent(value) if digits == 2 else _percent(value)


def _percent(value: float) -> str:
    """The locale's percent pattern with the value's decimals kept (Babel rounds them away)."""
    return numbers.format_percent(value, locale=get_locale(), decimal_quantization=False)


def not_available() -> str:
    """A hidden value's short label (a heatmap cell, a stat card)."""
    return _("n/a")


def hidden_reason(value: GroupShare, threshold: int) -> str:
    """Why a hidden share is unknown, in words built from the threshold."""
    if value.hidden_events > 1:
        return ngettext(
            "%(num)d event counted fewer than %(threshold)d people",
            "%(num)d events counted fewer than %(threshold)d people each",
            value.hidden_events,
            threshold=threshold,
        )
    return ngettext("fewer than %(num)d person", "fewer than %(num)d people", threshold)


def left_out(value: GroupShare, threshold: int) -> str:
    """What a lower bound leaves out."""
    return ngettext(
        "%(num)d event with fewer than %(threshold)d people not counted",
        "%(num)d events with fewer than %(threshold)d people not counted",
        value.hidden_events,
        threshold=threshold,
    )


def short(value: GroupShare) -> str:
    """A heatmap cell's label: "12%", "≥ 12%" or "n/a"."""
    if value.state == HIDDEN:
        return not_available()
    if value.state == AT_LEAST:
        return _("≥ %(share)s", share=percent(value.share, floor=True))
    return percent(value.share)


def bare(value: GroupShare) -> str:
    """A phone's cell label: whole percentages without the sign ("32", "≥ 32", "n/a"), the
    axis title naming the unit; a share under 1% is "< 1" (or "> 0" as a lower bound), never 0."""
    if value.state == HIDDEN:
        return not_available()
    if value.share <= 0:
        return format_decimal(0)
    if value.state == AT_LEAST:
        whole = math.floor(value.share * 100 + 1e-9)
        if not whole:
            return _("> %(share)s", share=format_decimal(0))
        return _("≥ %(share)s", share=format_decimal(whole))
    whole = round(value.share * 100)
    return format_decimal(whole) if whole else _("< %(share)s", share=format_decimal(1))


def headline(value: GroupShare) -> str:
    """The value as a card shows it: "12%", "at least 12%" or "n/a"."""
    if value.state == HIDDEN:
        return not_available()
    if value.state == AT_LEAST:
        return _("at least %(number)s", number=percent(value.share, floor=True))
    return percent(value.share)


def detail(value: GroupShare, threshold: int) -> str:
    """What a hidden value or a lower bound leaves out ("" for an exact share)."""
    if value.state == HIDDEN:
        return hidden_reason(value, threshold)
    if value.state == AT_LEAST:
        return left_out(value, threshold)
    return ""


def full(value: GroupShare, threshold: int) -> str:
    """The value in words, for a hover and a table: "12%", "at least 12% (3 events with fewer
    than 5 people not counted)", "n/a — fewer than 5 people"."""
    if value.state == HIDDEN:
        return _("n/a — %(reason)s", reason=hidden_reason(value, threshold))
    if value.state == AT_LEAST:
        return f"{headline(value)} ({left_out(value, threshold)})"
    return headline(value)


def notes(values, threshold: int) -> list[str]:
    """The caption lines that explain the hidden and lower-bound values among ``values``."""
    states = {v.state for v in values if v is not None}
    out = []
    if HIDDEN in states:
        out.append(
            ngettext(
                "Hatched “n/a”: the share is unknown, as a count of fewer than %(num)d person "
                "in an event is never shown.",
                "Hatched “n/a”: the share is unknown, as a count of fewer than %(num)d people "
                "in an event is never shown.",
                threshold,
            )
        )
    if AT_LEAST in states:
        out.append(_("“≥”: at least; events with such hidden counts are left out of it."))
    return out
