"""A synthetic demo dataset shaped like the 2020 prioritization events.

Deterministic for a seed. Regions, formats, sizes and choices follow what was reported in 2020:
most events were small and virtual; the Global Conversations' clusters (Movement Charter and
councils, user experience and newcomers, skills, hubs, funding, awareness, sustainability,
topics for impact) were chosen most; Africa, MENA and ESEAP favoured recommendations 1, 2 and 6.
Every generated report is flagged ``is_demo`` when stored, so it can be removed in one command.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from babel import Locale

from data.reference import Reference, reference

COUNTRIES = {
    "SSA": "NG GH KE UG TZ ZA CM CI SN BJ ZW ET RW ML CD",
    "MENA": "EG MA TN DZ JO IQ IR PS LB SA AE IL",
    "SA": "IN BD PK NP LK AF",
    "ESEAP": "ID PH MY TH VN TW JP KR HK AU NZ MN FJ",
    "CEECA": "UA RU PL CZ RS HU RO AM GE AZ KZ UZ TR GR BG",
    "NWE": "DE FR GB NL SE NO ES IT PT IE BE CH AT DK FI",
    "LAC": "BR MX AR CL CO PE VE UY BO CU GT",
    "NA": "US CA",
    "GLOBAL": "",
}
REGION_WEIGHTS = {
    "SSA": 45,
    "MENA": 30,
    "SA": 40,
    "ESEAP": 45,
    "CEECA": 40,
    "NWE": 45,
    "LAC": 35,
    "NA": 15,
    "GLOBAL": 10,
}
LANGUAGES = {
    "SSA": ["en", "fr", "sw", "yo", "ha", "ig", "ak", "am", "zu"],
    "MENA": ["ar", "fa", "he", "kab"],
    "SA": ["hi", "bn", "ur", "ta", "te", "ne", "ml", "pa"],
    "ESEAP": ["id", "zh", "ja", "ko", "th", "vi", "tl", "ms"],
    "CEECA": ["ru", "uk", "pl", "cs", "sr", "hu", "tr", "hy", "ka"],
    "NWE": ["en", "de", "fr", "es", "it", "nl", "sv", "pt"],
    "LAC": ["es", "pt", "qu", "gn"],
    "NA": ["en", "fr", "es"],
    "GLOBAL": ["en", "es", "fr"],
}
FORMATS = {"virtual": 60, "on_wiki": 18, "hybrid": 12, "in_person": 10}
# The 2020 Global Conversations' clusters, chosen most often.
POPULAR = {
    22: 6,
    23: 5,
    24: 5,
    9: 5,
    11: 6,
    31: 6,
    32: 5,
    33: 4,
    25: 7,
    2: 6,
    3: 4,
    8: 3,
    36: 4,
    37: 5,
    38: 5,
}
FAVOURED_BY = {"SSA": ("R1", "R2", "R6"), "MENA": ("R1", "R2", "R6"), "ESEAP": ("R1", "R2", "R6")}
WHY = [
    "Our community is small and needs sustained support to grow.",
    "Newcomers leave before they find their way around.",
    "Decisions should include people from our region.",
    "Local organizers need training and mentoring.",
    "Content about our region is missing.",
    "Funding rarely reaches groups like ours.",
]
EVENT_NAMES = [
    "{country} strategy salon",
    "Wikimedia {country} prioritization meetup",
    "Movement Strategy conversation in {country}",
    "{country} community priorities workshop",
]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _sample(rng: random.Random, weights: dict[str, float], k: int) -> list[str]:
    """Weighted sample without replacement (Efraimidis–Spirakis keys)."""
    keyed = sorted(weights, key=lambda c: rng.random() ** (1.0 / weights[c]), reverse=True)
    return keyed[:k]


def _count(rng: random.Random, total: int, share: float, missing: float = 0.15) -> int | None:
    if rng.random() < missing:
        return None
    return min(total, max(0, round(rng.gauss(share, share / 3 + 0.02) * total)))


def _ranks(rng: random.Random, n: int) -> list[int | None]:
    """Ranks 1..n, sometimes with two tied in one row; or none (an unranked set)."""
    if n > 5 or rng.random() < 0.2:
        return [None] * n
    ranks = list(range(1, n + 1))
    if n >= 2 and rng.random() < 0.15:
        ranks[1] = 1  # the first two written in one row
    return ranks


def generate(n: int = 300, seed: int = 2020, ref: Reference | None = None) -> list[dict[str, Any]]:
    """``n`` reports in the API's JSON shape."""
    ref = ref or reference()
    rng = random.Random(seed)
    names = Locale("en").territories
    reports = []
    for index in range(n):
        region = _pick(rng, REGION_WEIGHTS)
        country = rng.choice(COUNTRIES[region].split()) if COUNTRIES[region] else None
        favoured = FAVOURED_BY.get(region, ())
        weights = {
            code: POPULAR.get(item.number, 1) * (2.0 if item.recommendation in favoured else 1.0)
            for code, item in ref.initiatives.items()
        }
        total = max(3, min(400, round(rng.lognormvariate(2.6, 0.7))))
        place = (
            names.get(country, "Global")
            if country
            else rng.choice(["Global", "Online", "Thematic"])
        )
        rec_weights = {c: (3.0 if c in favoured else 1.0) for c in ref.recommendations}
        # Shapes of the real 2020 reports: mostly a ranked top 5, some with a tie, some an
        # unranked set of 1 to 10, now and then recommendations only.
        priorities = _sample(rng, weights, rng.choice([0, 1, 3, 4, 5, 5, 5, 8, 10]))
        ranks = _ranks(rng, len(priorities))
        precision = _pick(rng, {"exact": 0.85, "about": 0.05, "at_least": 0.1})
        reports.append(
            {
                "client_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "event_name": rng.choice(EVENT_NAMES).format(country=place),
                "event_date": (
                    dt.date(2020, 8, 15) + dt.timedelta(days=rng.randrange(110))
                ).isoformat(),
                "country": country,
                "region": "GLOBAL" if country is None else None,
                "format": _pick(rng, FORMATS),
                "languages": sorted(set(rng.sample(LANGUAGES[region], k=rng.choice([1, 1, 2])))),
                "themes": rng.sample(sorted(ref.themes), k=rng.choice([0, 1, 1, 2])),
                "organizer": {
                    "name": f"Demo organizer {index + 1}",
                    "email": f"organizer{index + 1}@example.org",
                    "affiliate": f"Wikimedia community of {place}",
                },
                "attendees": "",
                "facilitators": f"Facilitator {index + 1}",
                "note_takers": f"Note taker {index + 1}",
                "participants": {
                    "total": total,
                    "total_precision": precision,
                    "women": _count(rng, total, 0.38),
                    "lgbtq": _count(rng, total, 0.06, 0.4),
                    "indigenous": _count(rng, total, 0.04, 0.5),
                    "people_of_colour": _count(
                        rng, total, 0.2 if region in ("NWE", "CEECA") else 0.85, 0.3
                    ),
                    "online_editors": _count(rng, total, 0.6),
                    "newcomers": _count(rng, total, 0.2),
                },
                "recommendations": [
                    {"code": c, "rank": n, "why": rng.choice(WHY)}
                    for n, c in enumerate(
                        _sample(
                            rng,
                            rec_weights,
                            rng.choice([1, 2, 3, 3, 3] if not priorities else [0, 2, 3, 3, 3]),
                        ),
                        start=1,
                    )
                ],
                "priorities": [
                    {
                        "code": c,
                        **({"rank": r} if r is not None else {}),
                        "why": rng.choice(WHY) if rng.random() < 0.7 else "",
                    }
                    for c, r in zip(priorities, ranks, strict=True)
                ],
                "global_coordination": _sample(rng, weights, rng.choice([0, 1, 2])),
                "resources_needed": "Small grants, a facilitator and interpretation.",
                "notes": "Synthetic demo data.",
            }
        )
    return reports
