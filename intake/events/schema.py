"""An event announcement as the form (and any later API) receives it: one pydantic model.

Start and end are typed as wall-clock times in the event's own IANA time zone; ``to_utc``
turns them into the instants that are stored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
import zoneinfo
from functools import cache
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from data.events.model import ONLINE_FORMATS
from data.reports.parts import EARLIEST, Long, Organizer, Placed, Required, Storable

MAX_DAYS = 31  # longer than a month is a campaign, not an event
YEARS_AHEAD = 3
URL_MAX = 500


@cache
def time_zones() -> tuple[str, ...]:
    """The IANA zones people pick from (sorted; legacy aliases such as ``US/…`` left out)."""
    zones = zoneinfo.available_timezones()
    legacy = ("Etc/", "SystemV/", "US/")
    return (*sorted(z for z in zones if "/" in z and not z.startswith(legacy)), "UTC")


def valid_zone(name: str | None) -> bool:
    if not name or name not in zoneinfo.available_timezones():
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def to_utc(local: dt.datetime, zone: str) -> dt.datetime:
    """A wall-clock time in ``zone`` as an aware UTC datetime. A time that a clock change skips
    or repeats gets the offset before the change (``fold=0``), as calendars do."""
    return local.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(dt.UTC)


def in_zone(instant: dt.datetime, zone: str | None) -> dt.datetime:
    """An aware instant in the viewer's zone; UTC when the zone is missing or unknown."""
    return instant.astimezone(zoneinfo.ZoneInfo(zone) if valid_zone(zone) else dt.UTC)


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# A scheme such as "mailto:" or "javascript:" (not a host followed by a port, "host:8080").
_OTHER_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_UNSAFE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"))


def web_address(value: str) -> str | None:
    """``value`` as an http(s) address people can open, ``https://`` added when no scheme is
    typed; None for anything else. Control, format and space characters are refused anywhere:
    a CR/LF would break every calendar feed that writes the link, and invisible characters or
    a user name before the host (``https://bank.example@evil.example``) disguise where it leads.
    """
    if any(unicodedata.category(ch) in _UNSAFE for ch in value):
        return None
    if "://" not in value:
        if _OTHER_SCHEME.match(value):
            return None
        value = "https://" + value
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None
    return value


def _error(kind: str, text: str, field: str) -> PydanticCustomError:
    # ``field`` tells the form which input shows a rule that spans several fields.
    return PydanticCustomError(kind, text, {"field": field})


class EventIn(Placed):
    client_id: uuid.UUID
    name: Required
    start: dt.datetime
    end: dt.datetime
    timezone: str
    languages: Annotated[
        list[Annotated[str, StringConstraints(max_length=12)]], Field(max_length=20)
    ] = Field(default_factory=list)
    country: Annotated[str, StringConstraints(to_upper=True, max_length=2)] | None = None
    region: Annotated[str, StringConstraints(to_upper=True, max_length=8)] | None = None
    format: str
    join_url: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=URL_MAX), Storable
    ] = ""
    audience: Long = ""
    accessibility: Long = ""
    organizer: Organizer

    @field_validator("start", "end")
    @classmethod
    def _naive(cls, value: dt.datetime) -> dt.datetime:
        # The wall-clock time of the event's zone; an offset typed along with it is dropped.
        return value.replace(tzinfo=None, second=0, microsecond=0)

    @field_validator("start")
    @classmethod
    def _start_in_range(cls, value: dt.datetime, info: ValidationInfo) -> dt.datetime:
        today = (info.context or {}).get("today") or dt.date.today()
        latest = years_after(today, YEARS_AHEAD)
        if not EARLIEST <= value.date() <= latest:
            raise PydanticCustomError(
                "date_range", "date out of range", {"earliest": EARLIEST, "latest": latest}
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if not valid_zone(value):
            raise PydanticCustomError("timezone", "unknown time zone")
        return value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        from babel import Locale

        from data.reports.parts import _known_distinct

        return _known_distinct([v.replace("-", "_") for v in value], Locale("en").languages)

    @field_validator("join_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value:
            return value
        address = web_address(value)
        if address is None or len(address) > URL_MAX:
            raise PydanticCustomError("url", "not a web address")
        return address

    @model_validator(mode="after")
    def _rules(self):
        if self.end <= self.start:
            raise _error("end_before_start", "ends before it starts", "end")
        if self.end - self.start > dt.timedelta(days=MAX_DAYS):
            raise _error("too_long_event", "longer than a month", "end")
        online = self.format in ONLINE_FORMATS
        if not self.country and not self.region and not online:
            raise _error("place_missing", "country or region required", "country")
        if online and not self.join_url:
            raise _error("join_missing", "online events need a link", "join_url")
        return self

    def start_utc(self) -> dt.datetime:
        return to_utc(self.start, self.timezone)

    def end_utc(self) -> dt.datetime:
        return to_utc(self.end, self.timezone)

    def place_region(self) -> str:
        """The region stored: the one chosen, else the country's, else ``GLOBAL`` (online)."""
        from data.reference import reference

        return self.region or reference().region_of(self.country)

    def stored(self) -> dict:
        """The fields an announcement is stored with: times also in UTC, the region decided."""
        data = self.model_dump()
        data.update(start_utc=self.start_utc(), end_utc=self.end_utc(), region=self.place_region())
        return data
