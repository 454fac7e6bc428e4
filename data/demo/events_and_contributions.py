"""Demo announcements and individual contributions to go with the demo reports
(data/demo/reports.py),
so that a fresh ``make run`` shows a populated events page and contributions card.

Deterministic for a seed (and, for the upcoming events, for the day they are generated):
- past events in 2020, most of them the announcements of demo reports (same name, country,
  format, languages and day) and linked to them through ``events.report_id``; a few others that
  never reported;
- a handful of upcoming events a few days to weeks after ``today``, in several time zones,
  formats, languages and regions, one or two still waiting for review;
- individual contributions, most published, some waiting for review.
Payloads are in the shapes the intake validates (``EventIn``, ``ContributionIn``); every row is
flagged ``is_demo`` when stored (intake/cli/demo.py).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from babel import Locale

from data.demo import reports as demo
from data.reference import Reference, reference

# A separate random stream: the demo reports stay what they were before events existed.
STREAM = 8
# A time zone of each region, for the 2020 events (a country's own zone is not needed here).
ZONES = {
    "SSA": ("Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg"),
    "MENA": ("Africa/Cairo", "Asia/Amman", "Africa/Casablanca"),
    "SA": ("Asia/Kolkata", "Asia/Dhaka", "Asia/Karachi"),
    "ESEAP": ("Asia/Jakarta", "Asia/Manila", "Asia/Tokyo", "Australia/Sydney"),
    "CEECA": ("Europe/Warsaw", "Europe/Moscow", "Asia/Tbilisi"),
    "NWE": ("Europe/Berlin", "Europe/London", "Europe/Paris"),
    "LAC": ("America/Sao_Paulo", "America/Mexico_City", "America/Bogota"),
    "NA": ("America/New_York", "America/Toronto", "America/Los_Angeles"),
    "GLOBAL": ("UTC",),
}
# Upcoming events: zone, country, region, format, languages, name.
UPCOMING = [
    ("Africa/Nairobi", "KE", None, "virtual", ["sw", "en"], "Kenya implementation check-in"),
    ("America/Sao_Paulo", "BR", None, "hybrid", ["pt"], "Encontro de prioridades no Brasil"),
    ("Asia/Kolkata", "IN", None, "in_person", ["hi", "en"], "India hubs conversation"),
    ("Europe/Berlin", "DE", None, "on_wiki", ["de"], "Strategie-Diskussion im Wiki"),
    ("Asia/Tokyo", "JP", None, "virtual", ["ja"], "Japan community priorities review"),
    ("Africa/Cairo", "EG", None, "hybrid", ["ar"], "لقاء أولويات الحركة في مصر"),
    ("America/Mexico_City", "MX", None, "virtual", ["es"], "Conversación de prioridades, México"),
    ("UTC", None, "GLOBAL", "virtual", ["en", "fr", "es"], "Global online priorities call"),
]
UPCOMING_PENDING = 2  # the last ones wait for the support team's review
AUDIENCES = [
    "Everyone interested in the movement's priorities.",
    "Affiliate members and active editors.",
    "Newcomers welcome: no experience needed.",
    "",
]
ACCESSIBILITY = [
    "Live captions and interpretation.",
    "Step-free venue; the room has a hearing loop.",
    "Slides shared in advance.",
    "",
]
COMMUNITIES = [
    "Wiki Loves Folklore volunteers",
    "Tamil Wikipedia editors",
    "Wikidata contributors in Ghana",
    "Art+Feminism organizers",
    "",
    "",
]
CONTRIBUTION_LANGUAGES = ("en", "en", "fr", "es", "ar", "de", "pt", "fa")
CONTRIBUTIONS = 24
CONTRIBUTIONS_PENDING = 6
DAY_ONE = dt.date(2020, 8, 15)  # the demo reports' first day (data/demo/reports.py)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _event(rng: random.Random, index: int, **fields: Any) -> dict[str, Any]:
    """An ``EventIn`` payload; ``start`` is a naive wall-clock time in ``timezone``."""
    start: dt.datetime = fields.pop("start")
    hours = 3 * 24 if fields["format"] == "on_wiki" else rng.choice([2, 2, 3, 4])
    online = fields["format"] != "in_person"
    return {
        "client_id": _uuid(rng),
        "start": start.isoformat(timespec="minutes"),
        "end": (start + dt.timedelta(hours=hours)).isoformat(timespec="minutes"),
        "join_url": f"https://meet.example.org/demo-{index}" if online else "",
        "audience": rng.choice(AUDIENCES),
        "accessibility": rng.choice(ACCESSIBILITY),
        "organizer": {"name": f"Demo organizer {index}", "email": f"events{index}@example.org"},
        **fields,
    }


def _at(rng: random.Random, day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.choice([10, 14, 17, 18]), rng.choice([0, 30])))


def generate_events(
    reports: list[dict[str, Any]],
    seed: int = 2020,
    today: dt.date | None = None,
    ref: Reference | None = None,
) -> list[dict[str, Any]]:
    """Announcements: ``{"event": EventIn payload, "status", "report": client_id | None}``.
    ``reports`` are the demo reports (``demo.generate``) whose events were announced."""
    ref = ref or reference()
    today = today or dt.date.today()
    rng = random.Random(seed * 100 + STREAM)
    names = Locale("en").territories
    linked = rng.sample(reports, min(24, max(1, len(reports) // 12)))
    out = []
    for report in linked:
        region = report["region"] or ref.region_of(report["country"])
        payload = _event(
            rng,
            len(out) + 1,
            name=report["event_name"],
            start=_at(rng, dt.date.fromisoformat(report["event_date"])),
            timezone=rng.choice(ZONES[region]),
            country=report["country"],
            region=report["region"],
            format=report["format"],
            languages=report["languages"],
        )
        out.append({"event": payload, "status": "published", "report": report["client_id"]})
    for _ in range(8):  # announced in 2020, never reported
        region = demo._pick(rng, demo.REGION_WEIGHTS)
        country = rng.choice(demo.COUNTRIES[region].split()) if demo.COUNTRIES[region] else None
        place = names.get(country, country) if country else "Online"
        payload = _event(
            rng,
            len(out) + 1,
            name=rng.choice(demo.EVENT_NAMES).format(country=place),
            start=_at(rng, DAY_ONE + dt.timedelta(days=rng.randrange(110))),
            timezone=rng.choice(ZONES[region]),
            country=country,
            region="GLOBAL" if country is None else None,
            format=demo._pick(rng, demo.FORMATS) if country else "virtual",
            languages=sorted(set(rng.sample(demo.LANGUAGES[region], k=rng.choice([1, 2])))),
        )
        out.append({"event": payload, "status": "published", "report": None})
    for n, (zone, country, region, fmt, languages, name) in enumerate(UPCOMING):
        day = today + dt.timedelta(days=3 + 9 * n + rng.randrange(7))
        payload = _event(
            rng,
            len(out) + 1,
            name=name,
            start=_at(rng, day),
            timezone=zone,
            country=country,
            region=region,
            format=fmt,
            languages=languages,
        )
        status = "pending" if n >= len(UPCOMING) - UPCOMING_PENDING else "published"
        out.append({"event": payload, "status": status, "report": None})
    return out


def generate_contributions(
    seed: int = 2020, n: int = CONTRIBUTIONS, ref: Reference | None = None
) -> list[dict[str, Any]]:
    """Contributions: ``{"contribution": ContributionIn payload, "status", "written_in",
    "created_at"}``, weighted like the demo reports' choices."""
    ref = ref or reference()
    rng = random.Random(seed * 100 + STREAM + 1)
    weights = {code: demo.POPULAR.get(item.number, 1) for code, item in ref.initiatives.items()}
    out = []
    for index in range(n):
        initiatives = demo._sample(rng, weights, rng.choice([1, 2, 3, 5]))
        recommendations = rng.sample(sorted(ref.recommendations), k=rng.choice([0, 1, 2, 3]))
        day = DAY_ONE + dt.timedelta(days=rng.randrange(110))
        payload = {
            "client_id": _uuid(rng),
            "community": rng.choice(COMMUNITIES),
            "initiatives": [
                {"code": c, "why": rng.choice(demo.WHY) if rng.random() < 0.6 else ""}
                for c in initiatives
            ],
            "recommendations": [{"code": c, "why": rng.choice(demo.WHY)} for c in recommendations],
        }
        out.append(
            {
                "contribution": payload,
                "status": "pending" if index >= n - CONTRIBUTIONS_PENDING else "published",
                "written_in": rng.choice(CONTRIBUTION_LANGUAGES),
                "created_at": dt.datetime.combine(day, dt.time(rng.randrange(24))),
            }
        )
    return out
