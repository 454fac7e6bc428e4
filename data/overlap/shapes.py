"""What the overlap analysis answers with: plain frozen dataclasses, no ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class InitiativeMetrics:
    code: str
    events: int  # mentions: events that named it
    points: float  # data.scoring: every event hands out 15
    regions: int
    themes: int
    participants: int
    breadth: int
    event_score: float
    participant_score: float
    group_shares: dict[str, float] = field(default_factory=dict)
    coordination: int = 0  # events that named it for global coordination
    # Per counted group, what its share may say (data.privacy.group_share): the members counted
    # in public totals, the participants of the events that counted it, and the events whose
    # count of it (1..PRIVACY_THRESHOLD-1) is hidden and not in the first number.
    group_totals: dict[str, tuple[int, int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    code: str
    region: str
    events: int
    points: float


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    events: int


@dataclass(frozen=True)
class Provenance:
    report_id: int
    event_name: str
    event_date: dt.date
    region: str
    country: str | None
    participants: int | None
    rank: int | None  # None: the event chose it in an unranked set
    why: str


@dataclass(frozen=True)
class Coverage:
    code: str
    events: int
    participants: int
    thin: bool


@dataclass(frozen=True)
class GroupCoverage:
    code: str
    events: int  # events that reported a count for the group
    count: int
    of_participants: int
    share: float | None
    thin: bool
    # As public totals count it (data.privacy.group_share): members counted, and events whose
    # count of the group (1..PRIVACY_THRESHOLD-1) is hidden and left out of that number.
    counted: int = 0
    hidden_events: int = 0


@dataclass(frozen=True)
class Gaps:
    regions: list[Coverage]
    languages: list[Coverage]
    groups: list[GroupCoverage]


@dataclass(frozen=True)
class PlanLine:
    code: str
    note: str
    owner: str
    events: int
    points: float
    report_ids: list[int]
    coordination: int = 0  # events that named it for global coordination
