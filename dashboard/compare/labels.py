"""The comparison's words: each side named by ALL its active filters and its number of events
("South Asia · Women ≥ 25% (12 events)"), and the "Compare with" choices ("Without: Women ≥ 25%").
Pure: gettext in the current locale, no Dash."""

from __future__ import annotations

from dataclasses import replace

from flask_babel import format_date, format_percent, ngettext
from flask_babel import gettext as _

from components.figure_parts import format_decimal
from dashboard.compare import model
from data import i18n
from data.aggregates.queries import Filters
from data.privacy import THRESHOLD

SEPARATOR = " · "  # between a legend's filters (a list's "and" would read as a union)


def filter_name(filters: Filters, name: str) -> str:
    """One active filter in words ("South Asia", "Women ≥ 25%", "1 Oct 2020 – 31 Dec 2020")."""
    if name == "region":
        return i18n.region(filters.region)
    if name == "country":
        return i18n.country(filters.country)
    if name == "theme":
        return i18n.theme(filters.theme)
    if name == "format":
        return i18n.event_format(filters.format)
    if name == "language":
        return _("In %(language)s", language=i18n.language(filters.language))
    if name == "group":
        group = i18n.group(filters.group)
        if filters.group_share:
            return _(
                "%(group)s ≥ %(share)s",
                group=group,
                share=format_percent(filters.group_share / 100),
            )
        return ngettext(
            "%(group)s: at least %(num)d person",
            "%(group)s: at least %(num)d people",
            THRESHOLD,
            group=group,
        )
    start, end = (
        format_date(d, "medium") if d else None for d in (filters.date_from, filters.date_to)
    )
    if start and end:
        return _("%(start)s – %(end)s", start=start, end=end)
    return _("From %(date)s", date=start) if start else _("Until %(date)s", date=end)


def names(filters: Filters) -> list[str]:
    """Every active filter in words, in the filter bar's order."""
    return [filter_name(filters, n) for n in model.active(filters)]


def choice_name(code: str) -> str:
    """A region or a group of regions in the viewer's language ("Europe", "South Asia")."""
    group = model.region_groups().get(code)
    return _(group.name) if group else i18n.region(code)


def other_names(filters: Filters, code: str) -> list[str]:
    """The other side's filters in words: the comparison's place and the selection's other
    filters, the selection's filters but the one dropped, or none (the whole movement)."""
    if code == model.WHOLE:
        return []
    name = model.dropped(code)
    if name:
        return names(model.without(filters, name))
    return [choice_name(code), *names(replace(filters, region=None, country=None))]


def option(filters: Filters, code: str) -> str:
    """A "Compare with" choice: "Without: Women ≥ 25%", "The whole movement", "Europe"."""
    if code == model.WHOLE:
        return _("The whole movement")
    name = model.dropped(code)
    if name:
        return _("Without: %(filter)s", filter=filter_name(filters, name))
    return choice_name(code)


def side(filter_names: list[str], events: int, in_sentence: bool = False) -> str:
    """A side with its number of events: "South Asia · Women ≥ 25% (12 events)" in a legend;
    in a sentence the filters are a list in the locale's way ("South Asia and Women ≥ 25%")."""
    if in_sentence:
        text = i18n.join_list(filter_names) or _("the whole movement")
    else:
        text = SEPARATOR.join(filter_names) or _("The whole movement")
    return ngettext(
        "%(filters)s (%(count)s event)",
        "%(filters)s (%(count)s events)",
        events,
        filters=text,
        count=format_decimal(events),
    )
