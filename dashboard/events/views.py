"""Pure builders of the events page: times in the viewer's zone, the list, the month grid and
the map. Called inside ``force_locale``; no database access."""

from __future__ import annotations

import calendar
import datetime as dt
import zoneinfo
from collections import Counter

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from babel.dates import format_date, format_datetime, format_time
from dash import html
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from components.charts import SEQUENTIAL, styled
from data import i18n
from data.events.model import PublicEvent
from data.reference import reference


def viewer_zone(name: str | None) -> zoneinfo.ZoneInfo | dt.timezone:
    """The viewer's zone from the browser; UTC when it is missing or unknown."""
    try:
        return zoneinfo.ZoneInfo(name) if name else dt.UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def zone_name(name: str | None) -> str:
    zone = viewer_zone(name)
    return name if isinstance(zone, zoneinfo.ZoneInfo) else "UTC"


def local_time(instant: dt.datetime, zone: str | None, lang: str) -> str:
    """An instant as the viewer reads it: in their zone, in their language."""
    return format_datetime(instant, "medium", tzinfo=viewer_zone(zone), locale=lang)


def span(start: dt.datetime, end: dt.datetime, zone: str | None, lang: str) -> str:
    """Start and end in ``zone``; the end's date only when it is another day."""
    tz = viewer_zone(zone)
    start, end = start.astimezone(tz), end.astimezone(tz)

    def day_and_time(value: dt.datetime) -> str:
        day = format_date(value, "medium", locale=lang)
        return f"{day}, {format_time(value, 'short', tzinfo=tz, locale=lang)}"

    if end.date() == start.date():
        return f"{day_and_time(start)} – {format_time(end, 'short', tzinfo=tz, locale=lang)}"
    return f"{day_and_time(start)} – {day_and_time(end)}"


def when(event: PublicEvent, zone: str | None, lang: str) -> str:
    """Start and end in the viewer's zone; the end's date only when it is another day."""
    return span(event.start_utc, event.end_utc, zone, lang)


def event_path(lang: str, event_id: int) -> str:
    """The event's own page."""
    return f"/{lang}/events/{event_id}"


# The comma of a list of places or languages: Arabic script has its own.
_COMMAS = {"ar": "، ", "fa": "، ", "ur": "، "}


def comma(lang: str | None = None) -> str:
    lang = lang or str(get_locale() or "en")
    return _COMMAS.get(lang.split("_")[0], ", ")


def commas(parts, lang: str | None = None) -> str:
    """``parts`` (the empty ones left out) joined with the language's comma."""
    return comma(lang).join(p for p in parts if p)


def place(event: PublicEvent):
    """Where: the venue (the organizer's text, isolated from the words around it) and the
    country, else the region, else "Online"."""
    if event.venue:
        venue = html.Span(event.venue, dir="auto")
        if not event.country:
            return venue
        return html.Span([venue, comma() + i18n.country(event.country)])
    if event.country:
        return i18n.country(event.country)
    if event.region and event.region != "GLOBAL":
        return i18n.region(event.region)
    return _("Online")


def _links(event: PublicEvent, lang: str, past: bool) -> html.Div:
    links = []
    if not past:  # a past event has nothing to add to a calendar
        links.append(
            html.A(
                [
                    html.I(className="bi bi-calendar-plus me-1", **{"aria-hidden": "true"}),
                    _("Add to calendar"),
                ],
                href=f"/events/{event.id}.ics?lang={lang}",
                className="me-3",
                id=f"event-ics-{event.id}",
            )
        )
    if event.join_url and not past:
        links.append(
            html.A(
                _("Join"),
                href=event.join_url,
                target="_blank",
                rel="noopener noreferrer",
                className="me-3",
            )
        )
    if past and event.reported:
        links.append(dbc.Badge(_("Results reported"), color="success", className="me-3"))
    elif past:
        links.append(
            dbc.Button(
                _("Report the results"),
                href=f"/{lang}/report?event={event.id}",
                external_link=True,
                size="sm",
                color="primary",
                id=f"event-report-{event.id}",
            )
        )
    return html.Div(links, className="mt-1")


def item(event: PublicEvent, zone: str | None, lang: str, past: bool) -> html.Li:
    facts = [when(event, zone, lang), place(event), i18n.event_format(event.format)]
    if event.languages:
        facts.append(commas([i18n.language(c) for c in event.languages], lang))
    shown = [part for fact in facts for part in (" · ", fact)][1:]
    return html.Li(
        [
            html.H3(
                html.A(event.name, href=event_path(lang, event.id), dir="auto"),
                className="h6 mb-1",
            ),
            html.Div(shown, className="small"),
            html.Div(html.Span(event.audience, dir="auto"), className="small text-body-secondary")
            if event.audience
            else None,
            html.Div(
                [
                    html.Strong(_("Accessibility notes") + ": "),
                    html.Span(event.accessibility, dir="auto"),
                ],
                className="small",
            )
            if event.accessibility
            else None,
            _links(event, lang, past),
        ],
        className="list-group-item",
        id=f"event-{event.id}",
    )


def event_list(
    upcoming: list[PublicEvent],
    past: list[PublicEvent],
    zone: str | None,
    lang: str,
    past_total: int | None = None,
    more: str | None = None,
) -> list:
    """Upcoming events first, open; past ones (``past_total`` in all, ``past`` of them listed)
    folded under their count, with ``more`` saying what is not listed."""
    nothing = html.P(_("No events match these filters."), className="text-body-secondary")

    def listed(events: list[PublicEvent], is_past: bool):
        if not events:
            return nothing
        return html.Ul([item(e, zone, lang, is_past) for e in events], className="list-group mb-3")

    total = len(past) if past_total is None else past_total
    return [
        html.Section(
            [html.H2(_("Upcoming events"), className="h5"), listed(upcoming, False)],
            id="events-upcoming",
            className="mb-3",
        ),
        # Folded: on a phone a year of past events would push everything else screens away.
        html.Details(
            [
                html.Summary(
                    html.H2(
                        _("Past events (%(num)d)", num=total), className="h5 d-inline-block mb-0"
                    ),
                    className="mb-2",
                ),
                listed(past, True),
                html.P(more, className="small text-body-secondary") if more else None,
            ],
            id="events-past",
            className="events-past mb-4",
        ),
    ]


def month_grid(events: list[PublicEvent], month: dt.date, zone: str | None, lang: str):
    """A month as a table (weeks as rows), each day listing the events starting on it in the
    viewer's zone. Weeks start on the locale's first day."""
    from babel import Locale

    tz = viewer_zone(zone)
    first_weekday = Locale.parse(lang).first_week_day
    by_day: dict[dt.date, list[PublicEvent]] = {}
    for event in events:
        by_day.setdefault(event.start_utc.astimezone(tz).date(), []).append(event)
    weeks = calendar.Calendar(first_weekday).monthdatescalendar(month.year, month.month)
    names = [format_date(d, "EEE", locale=lang) for d in weeks[0]]
    rows = [
        html.Tr(
            [
                html.Td(
                    [
                        html.Div(str(day.day), className="small text-body-secondary"),
                        *[
                            html.A(
                                e.name,
                                href=event_path(lang, e.id),
                                className="d-block small text-truncate",
                                title=e.name,
                                dir="auto",
                            )
                            for e in by_day.get(day, [])
                        ],
                    ],
                    className="" if day.month == month.month else "bg-body-tertiary",
                    style={"width": "14%", "height": "4.5rem", "verticalAlign": "top"},
                )
                for day in week
            ]
        )
        for week in weeks
    ]
    return html.Table(
        [
            html.Caption(format_date(month, "LLLL y", locale=lang), className="caption-top h6"),
            html.Thead(html.Tr([html.Th(n, scope="col", className="small") for n in names])),
            html.Tbody(rows),
        ],
        className="table table-bordered table-sm",
        id="events-calendar-table",
        style={"tableLayout": "fixed"},
    )


def events_map(events: list[PublicEvent], rtl: bool = False) -> tuple[go.Figure, str]:
    """Events per country as a choropleth, and a sentence that says what it shows."""
    ref = reference()
    counts = Counter(e.country for e in events if e.country)
    online = sum(1 for e in events if not e.country)
    fig = go.Figure(
        go.Choropleth(
            locations=[ref.countries[c].alpha3 for c in counts],
            z=list(counts.values()),
            text=[i18n.country(c) for c in counts],
            hovertemplate="%{text}: %{z}<extra></extra>",
            colorscale=SEQUENTIAL,
            marker_line_color="white",
            colorbar={"title": {"text": _("Events")}, "thickness": 12},
        )
    )
    fig.update_geos(
        showframe=False,
        showcountries=True,
        countrycolor="#ccc",
        center_lon=0,
        projection_rotation_lon=0,
        projection_type="natural earth",
    )
    styled(fig, rtl, height=360)
    total = sum(counts.values()) + online
    # One plural per number: languages inflect each count on its own.
    summary = " ".join(
        [
            ngettext("%(num)d event in all.", "%(num)d events in all.", total),
            ngettext("Events in %(num)d country.", "Events in %(num)d countries.", len(counts)),
            ngettext(
                "%(num)d event online or without a country.",
                "%(num)d events online or without a country.",
                online,
            ),
        ]
    )
    return fig, summary
