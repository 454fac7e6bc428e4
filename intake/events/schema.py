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
from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import ErrorType

from data.events.model import ONLINE_FORMATS
from data.reports.parts import EARLIEST, Long, Organizer, Placed, Required, Storable
from data.text_policy import Short, TextRefused, check

MAX_DAYS = 31  # longer than a month is a campaign, not an event
YEARS_AHEAD = 3
URL_MAX = 500
ADDRESS_MAX = 500


def _several_lines(value: str) -> str:
    try:
        return check(value, multiline=True)
    except TextRefused as refused:
        raise PydanticCustomError(refused.kind, str(refused)) from None


# A street address may take several lines: the text policy of long text, shorter.
Address = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=ADDRESS_MAX),
    AfterValidator(_several_lines),
]


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
# A host name's label: letters (any script), digits and inner hyphens.
_LABEL = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


def _domain(host: str) -> bool:
    """Does ``host`` read as a name on the web (``meet.example.org``, ``www.example.org``, an
    IPv4 address)? What people type without a scheme must: "TBA" or "zoom" is not a link."""
    if _IPV4.match(host):
        return all(int(part) < 256 for part in host.split("."))
    labels = host.removesuffix(".").split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) and "_" not in label for label in labels):
        return False
    top = labels[-1]
    return top.startswith("xn--") or (len(top) >= 2 and not top.isdigit() and "-" not in top)


def web_address(value: str) -> str | None:
    """``value`` as an http(s) address people can open, ``https://`` added when no scheme is
    typed (then the host must read as a domain name: ``meet.example.org/abc``); None for
    anything else. Control, format and space characters are refused anywhere: a CR/LF would
    break every calendar feed that writes the link, and invisible characters or a user name
    before the host (``https://bank.example@evil.example``) disguise where it leads.
    """
    if any(unicodedata.category(ch) in _UNSAFE for ch in value):
        return None
    added = "://" not in value
    if added:
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
    if added and not _domain(parts.hostname):
        return None
    return value


_WHEN = TypeAdapter(dt.datetime)
_BUILT_IN = frozenset(get_args(ErrorType))


def _error(kind: str, text: str, field: str) -> PydanticCustomError:
    # ``field`` tells the form which input shows a rule that spans several fields.
    return PydanticCustomError(kind, text, {"field": field})


def _wall_clock(value: dt.datetime) -> dt.datetime:
    # The wall-clock time of the event's zone; an offset typed along with it is dropped.
    return value.replace(tzinfo=None, second=0, microsecond=0)


def _when(value: Any) -> dt.datetime | None:
    """A start or end as the model reads it; None when it does not parse."""
    if value is None or value == "":
        return None
    try:
        return _wall_clock(_WHEN.validate_python(value))
    except ValidationError:
        return None


def broken_rules(values: Mapping[str, Any]) -> list[PydanticCustomError]:
    """The rules across fields that ``values`` break. Each rule runs when the fields it compares
    are known (a key left out skips it), so they are told in the same round as the fields' own
    errors: a missing name and an end before the start come back together."""
    found = []
    start, end = values.get("start"), values.get("end")
    if start and end:
        if end <= start:
            found.append(_error("end_before_start", "ends before it starts", "end"))
        elif end - start > dt.timedelta(days=MAX_DAYS):
            found.append(_error("too_long_event", "longer than a month", "end"))
    if values.get("format"):
        online = values["format"] in ONLINE_FORMATS
        if not online and not values.get("country") and not values.get("region"):
            found.append(_error("place_missing", "country or region required", "country"))
        if online and "join_url" in values and not values["join_url"]:
            found.append(_error("join_missing", "online events need a link", "join_url"))
        if online and (values.get("venue") or values.get("address")):
            # Told rather than dropped: the organizer may have chosen the wrong format.
            found.append(_error("venue_online", "online events have no venue", "venue"))
    return found


def _typed(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _known_values(data: Mapping[str, Any], failed: set[str]) -> dict[str, Any]:
    """What the cross-field rules can use from ``data`` whose own validation failed: the times
    that parse, the format and join link that passed, and whether a place was given."""
    known: dict[str, Any] = {"start": _when(data.get("start")), "end": _when(data.get("end"))}
    known["country"], known["region"] = _typed(data.get("country")), _typed(data.get("region"))
    if "format" not in failed:
        known["format"] = _typed(data.get("format"))
    if "join_url" not in failed:
        known["join_url"] = _typed(data.get("join_url")) or ""
    known["venue"], known["address"] = _typed(data.get("venue")), _typed(data.get("address"))
    return known


def _line(error: Mapping[str, Any]) -> dict[str, Any]:
    """A reported error as the details it can be raised again from."""
    ctx = error.get("ctx")
    kind = error["type"]
    if kind not in _BUILT_IN:
        kind = PydanticCustomError(kind, error["msg"], ctx)
    line = {"type": kind, "loc": error["loc"], "input": error["input"]}
    return {**line, "ctx": ctx} if ctx and isinstance(kind, str) else line


def _raise(title: str, errors: list[dict[str, Any]], rules, data: Any):
    rule_lines = [{"type": rule, "loc": (rule.context["field"],), "input": data} for rule in rules]
    raise ValidationError.from_exception_data(title, [*map(_line, errors), *rule_lines])


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
    # Where an event in person or hybrid meets: public, like everything but the organizer.
    venue: Short = ""
    address: Address = ""
    audience: Long = ""
    accessibility: Long = ""
    organizer: Organizer

    @field_validator("start", "end")
    @classmethod
    def _naive(cls, value: dt.datetime) -> dt.datetime:
        return _wall_clock(value)

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

    @model_validator(mode="wrap")
    @classmethod
    def _rules(cls, data: Any, handler):
        """The cross-field rules (``broken_rules``) also when a field failed its own check."""
        try:
            event = handler(data)
        except ValidationError as exc:
            if not isinstance(data, Mapping):
                raise
            failed = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
            rules = broken_rules(_known_values(data, failed))
            if not rules:
                raise
            _raise(exc.title, exc.errors(), rules, data)
        rules = broken_rules(dict(event))
        if rules:
            _raise(cls.__name__, [], rules, data)
        return event

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
