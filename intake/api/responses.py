"""Models of the API answers that are built as plain dicts, for the OpenAPI description
(intake/api/openapi.py); the schemathesis test holds the answers to them."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Earlier(BaseModel):
    id: int
    event_name: str


class ReportCreated(BaseModel):
    id: int
    status: str
    edit_url: str | None
    # Present only when the report looks like one already stored (same event).
    possible_duplicate_of: Earlier | None = None


class Errors(BaseModel):
    """Messages by field (the report's JSON path, e.g. ``participants.women``) or topic."""

    errors: dict[str, str]


class Version(BaseModel):
    version: int
    updated_at: str | None


class SummaryGroup(BaseModel):
    # From the events whose own record shows the count (at least PRIVACY_THRESHOLD people).
    count: int | None
    share: float | None
    suppressed: bool
    # "exact", "at_least" (some events' small counts are left out) or "hidden" (share is null:
    # too much is left out to say; data.privacy.group_share).
    share_is: str | None = None
    # Events whose count of the group is hidden (fewer people) and left out of ``count``.
    events_left_out: int = 0


class SummaryPriority(BaseModel):
    code: str
    mentions: int = Field(description="events that named it")
    points: float = Field(
        description="every event hands out 15: by rank, ties share, unranked equal"
    )
    first_choices: int
    regions: int
    weighted_score: float


class SummaryRecommendation(BaseModel):
    code: str
    mentions: int
    points: float = Field(description="every event hands out 6 (a ranked three's 3 + 2 + 1)")


class SummaryCoordination(BaseModel):
    code: str
    events: int = Field(description="events that named it as a focus of global coordination")
    regions: int


class SummaryRegion(BaseModel):
    region: str
    events: int
    participants: int


class Summary(BaseModel):
    version: int
    events: int
    participants: int
    lower_bound_events: int = Field(
        description="events whose attendance was 'at least …' or not given: while above 0, "
        "participants is a lower bound"
    )
    countries: int
    groups: dict[str, SummaryGroup]
    priorities: list[SummaryPriority]
    recommendations: list[SummaryRecommendation]
    global_coordination: list[SummaryCoordination]
    by_region: list[SummaryRegion]


class Label(BaseModel):
    code: str
    label: str


class RecommendationLabel(Label):
    number: int


class InitiativeLabel(Label):
    number: int
    recommendation: str
    status: str = Field(description="how the row is known: confirmed, inferred, inferred-title")
    number_2022: int | None = Field(description="its number in the renumbered 2021–22 list")


class CountryLabel(Label):
    alpha3: str
    region: str


class LanguageLabel(Label):
    dir: str


class Reference(BaseModel):
    lang: str
    recommendations: list[RecommendationLabel]
    initiatives: list[InitiativeLabel]
    regions: list[Label]
    countries: list[CountryLabel]
    themes: list[Label]
    formats: list[Label]
    groups: list[Label]
    languages: list[LanguageLabel]
