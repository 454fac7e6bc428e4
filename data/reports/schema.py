"""The report as the API, the form and the importer receive it (one pydantic model), built of
the parts in data.reports.parts.
"""

# ruff: noqa: RUF012 (pydantic copies list defaults; ruff cannot tell through the imported base)

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from data.reports.parts import (
    Choice,
    ClientId,
    Coordinated,
    Organizer,
    Part,
    Participants,
    Placed,
    _code_or_object,
    _in_range,
    _known_distinct,
    _ranks,
    _ref,
)
from data.text_policy import Long, Required, Short


class ReportIn(Placed):
    client_id: ClientId
    event_name: Required
    # With ``sessions``, may be left out: the first session's date.
    event_date: dt.date | None = None
    country: Annotated[str, StringConstraints(to_upper=True, max_length=2)] | None = None
    region: Annotated[str, StringConstraints(to_upper=True, max_length=8)] | None = None
    # With ``sessions``, may be left out: their format, or ``hybrid`` when they differ.
    format: str = ""
    languages: Annotated[
        list[Annotated[str, StringConstraints(max_length=12)]], Field(max_length=20)
    ] = []
    themes: Annotated[list[str], Field(max_length=20)] = []
    organizer: Organizer
    co_organizers: Annotated[list[Short], Field(max_length=20)] = []
    sessions: Annotated[list[Part], Field(max_length=20)] = []
    # The id of an earlier report of the same discussion (a survey after a call).
    continues: Annotated[int, Field(ge=1, le=2**31 - 1, strict=True)] | None = None
    attendees: Long = ""
    facilitators: Long = ""
    note_takers: Long = ""
    participants: Participants = Participants()
    recommendations: Annotated[list[Choice], Field(max_length=100)] = []
    priorities: Annotated[list[Choice], Field(max_length=100)] = []
    global_coordination: Annotated[
        list[Annotated[Coordinated, BeforeValidator(_code_or_object)]], Field(max_length=100)
    ] = []
    resources_needed: Long = ""
    notes: Long = ""

    @field_validator("format")
    @classmethod
    def _format(cls, value: str, info: ValidationInfo) -> str:
        # Empty: taken from the sessions (``_whole``); otherwise a known format.
        return value if not value else Placed._format(value, info)

    @field_validator("event_date")
    @classmethod
    def _date_in_range(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        return None if value is None else _in_range(value, info)

    @field_validator("sessions")
    @classmethod
    def _sessions_in_range(cls, value: list[Part], info: ValidationInfo) -> list[Part]:
        for index, part in enumerate(value):
            try:
                _in_range(part.date, info)
            except PydanticCustomError as exc:
                raise PydanticCustomError(
                    "date_range", "date out of range", {**(exc.context or {}), "index": index}
                ) from None
        return sorted(value, key=lambda p: p.date)

    @field_validator("themes")
    @classmethod
    def _themes(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return _known_distinct(value, _ref(info).themes)

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str], info: ValidationInfo) -> list[str]:
        from babel import Locale

        known = Locale("en").languages
        return _known_distinct([v.replace("-", "_") for v in value], known)

    @field_validator("priorities", "global_coordination")
    @classmethod
    def _initiatives(cls, value, info: ValidationInfo):
        _known_distinct([v.code for v in value], _ref(info).initiatives)
        return _ranks(value) if value and isinstance(value[0], Choice) else value

    @field_validator("recommendations")
    @classmethod
    def _recommendations(cls, value: list[Choice], info: ValidationInfo) -> list[Choice]:
        _known_distinct([v.code for v in value], _ref(info).recommendations)
        return _ranks(value)

    @model_validator(mode="after")
    def _whole(self):
        if not self.country and not self.region:
            raise PydanticCustomError("place_missing", "country or region required")
        if self.event_date is None:
            if not self.sessions:
                raise PydanticCustomError("date_missing", "event date required")
            self.event_date = self.sessions[0].date
        if not self.format:
            formats = {part.format for part in self.sessions}
            if not formats:
                raise PydanticCustomError("format_missing", "format required")
            self.format = formats.pop() if len(formats) == 1 else "hybrid"
        # The Global Conversations' report answers the global-coordination question alone.
        if not (self.priorities or self.recommendations or self.global_coordination):
            raise PydanticCustomError("choice_missing", "a recommendation or an initiative")
        return self
