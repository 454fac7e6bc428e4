"""The parts of the report model (intake's one pydantic model, data.reports.schema.ReportIn):
its types, sub-models and validators, shared with event announcements and contributions.

Structure and limits live here; rules that need the reference data (known codes) are
checked by validators that read it from the validation context.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from data.reference import Reference, reference
from data.text_policy import Long, Required, Short, SingleLine

EARLIEST = dt.date(2017, 1, 1)  # the Movement Strategy process began in 2017

# Free text: the one policy of data/text_policy.py (no control or bidi characters, a blank
# required value is missing). ``Storable``: the one-line rule alone, for other text fields.
Storable = SingleLine
Code = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, max_length=3)]
# Strict: the API refuses true, "12" and 12.0 as a number of people (lax mode would store
# true as 1). The form sends numbers from its number inputs; the importer turns its cells into
# numbers first (intake/report/importer.py).
Count = Annotated[int, Field(ge=0, le=1_000_000, strict=True)]


GLOBAL = "GLOBAL"


def _random_id(value: uuid.UUID, info: ValidationInfo) -> uuid.UUID:
    """A client_id is a version-4 (random) UUID: whoever sends a stored report's client_id
    again may change that report, so a nil, time-based or name-based id (which others can
    guess) is refused. The importer's ids are version 5, made from a row's content
    (intake/bulk.client_id_for): accepted only with ``imported`` in the validation context,
    which intake/validation sets for the importer's own ids and no request can set."""
    allowed = (4, 5) if (info.context or {}).get("imported") else (4,)
    if value.version not in allowed:  # None: not an RFC 4122 UUID at all (the nil one)
        raise PydanticCustomError("uuid_version", "not a random (version 4) UUID")
    return value


ClientId = Annotated[uuid.UUID, AfterValidator(_random_id)]


def _ref(info: ValidationInfo) -> Reference:
    return (info.context or {}).get("reference") or reference()


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Placed(Strict):
    """The checks of an event's place and format, shared by a report (ReportIn) and an
    announcement (intake.events.schema.EventIn), which declare the fields themselves."""

    @field_validator("country", check_fields=False)
    @classmethod
    def _country(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value and value not in _ref(info).countries:
            raise PydanticCustomError("unknown_code", "unknown country")
        return value or None

    @field_validator("region", check_fields=False)
    @classmethod
    def _region(cls, value: str | None, info: ValidationInfo) -> str | None:
        """With a country, the region is empty (the country's is stored), the country's own,
        or GLOBAL (a thematic or online event hosted there): another region would put, say, a
        Kenyan event in Europe's totals and out of its own. (``country`` is declared first.)"""
        ref = _ref(info)
        if value and value not in ref.regions:
            raise PydanticCustomError("unknown_code", "unknown region")
        country = info.data.get("country")
        if value and country and value not in (GLOBAL, ref.region_of(country)):
            raise PydanticCustomError(
                "region_mismatch", "not the country's region", {"region": ref.region_of(country)}
            )
        return value or None

    @field_validator("format", check_fields=False)
    @classmethod
    def _format(cls, value: str, info: ValidationInfo) -> str:
        if value not in _ref(info).formats:
            raise PydanticCustomError("unknown_code", "unknown format")
        return value


class Organizer(Strict):
    name: Required
    email: Required
    affiliate: Short = ""

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        try:
            return validate_email(value, check_deliverability=False).normalized
        except EmailNotValidError:
            raise PydanticCustomError("email", "not a valid e-mail address") from None


class Participants(Strict):
    # None: the report gave no number. ``total_precision``: ``exact``, ``about`` ("close to
    # 250") or ``at_least`` ("over 30").
    total: Annotated[int, Field(ge=1, le=1_000_000, strict=True)] | None = None
    total_precision: Literal["exact", "about", "at_least"] = "exact"
    women: Count | None = None
    lgbtq: Count | None = None
    indigenous: Count | None = None
    people_of_colour: Count | None = None
    online_editors: Count | None = None
    newcomers: Count | None = None

    @model_validator(mode="after")
    def _groups_within_total(self):
        # Only an exact total bounds the groups: "over 30" may be 40, "about 250" 260.
        if self.total is None or self.total_precision != "exact":
            return self
        over = [name for name, v in self.groups().items() if v is not None and v > self.total]
        if over:
            raise PydanticCustomError("group_over_total", "more than the total", {"fields": over})
        return self

    def groups(self) -> dict[str, int | None]:
        return {k: v for k, v in self.model_dump().items() if k not in ("total", "total_precision")}


Rank = Annotated[int, Field(ge=1, le=100, strict=True)]


class Choice(Strict):
    """A chosen recommendation or initiative: ``rank`` 1 = first, equal ranks are a tie; a
    list either ranks every choice or none (an unranked set). A reason written for a group of
    choices is sent with each of them."""

    code: Code
    rank: Rank | None = None
    why: Long = ""


class Coordinated(Strict):
    """An initiative named for global coordination, with the event's optional reason."""

    code: Code
    why: Long = ""


def _code_or_object(value):
    """``global_coordination`` items may be plain codes (the 2020 template's answer)."""
    return {"code": value} if isinstance(value, str) else value


class Part(Strict):
    """One session of an event held in several parts."""

    date: dt.date
    format: str

    @field_validator("format")
    @classmethod
    def _format(cls, value: str, info: ValidationInfo) -> str:
        if value not in _ref(info).formats:
            raise PydanticCustomError("unknown_code", "unknown format")
        return value


def _ranks(value: list[Choice]) -> list[Choice]:
    """Every choice ranked, or none; ranks made dense (1, 1, 3 → 1, 1, 2: the same order)."""
    ranked = [c.rank is not None for c in value]
    if any(ranked) and not all(ranked):
        index = ranked.index(False)
        raise PydanticCustomError("rank_mixed", "rank all or none", {"index": index})
    if all(ranked) and value:
        dense = {r: n for n, r in enumerate(sorted({c.rank for c in value}), start=1)}
        return [c.model_copy(update={"rank": dense[c.rank]}) for c in value]
    return value


def _in_range(value: dt.date, info: ValidationInfo) -> dt.date:
    today = (info.context or {}).get("today") or dt.date.today()
    # A day past the server's today: somewhere ahead in time it may already be tomorrow.
    # The message names that date, so what it says is what the rule accepts.
    latest = today + dt.timedelta(days=1)
    if value < EARLIEST or value > latest:
        raise PydanticCustomError(
            "date_range", "date out of range", {"earliest": EARLIEST, "latest": latest}
        )
    return value


def _known_distinct(values: list[str], known) -> list[str]:
    for index, value in enumerate(values):
        if value not in known:
            raise PydanticCustomError("unknown_item", "unknown code", {"index": index})
        if value in values[:index]:
            raise PydanticCustomError("duplicate_item", "chosen twice", {"index": index})
    return values
