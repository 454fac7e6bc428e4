"""How one event's choices turn into points: the rule behind the *points* measure.

Real 2020 reports named 1 to 16 initiatives, ranked, tied ("two in one row of the template") or
as an unranked set. So that every event weighs the same whatever it wrote, each event hands out
the same total, the total a ranked five gives (5 + 4 + 3 + 2 + 1 = 15 for initiatives; a ranked
three, 3 + 2 + 1 = 6, for recommendations):

- a ranked list of ``n`` gives position ``p`` a share ``n + 1 - p`` of the total, out of
  ``n (n + 1) / 2``: a ranked five gives 5, 4, 3, 2, 1 as before;
- tied choices (equal ranks) share the average of the positions they hold;
- an unranked set shares the total equally.

Points are stored in thousandths (integers: sums in the aggregate tables stay exact and equal to
a recount); each choice's share is rounded to the nearest thousandth, so an event's total can
differ from 15 by a few thousandths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

INITIATIVE_TOTAL = 15  # a ranked five: 5 + 4 + 3 + 2 + 1
RECOMMENDATION_TOTAL = 6  # a ranked three: 3 + 2 + 1
MILLI = 1000  # points are stored in thousandths


def shares(ranks: Sequence[int | None], total: int = INITIATIVE_TOTAL) -> list[Fraction]:
    """Each choice's exact points, in the order given. ``ranks`` are all None (an unranked set)
    or all numbers (1 = first; equal numbers are ties; gaps do not matter: ``[1, 1, 2]`` and
    ``[1, 1, 3]`` both put a tie of two first and the third after it)."""
    n = len(ranks)
    if not n:
        return []
    if all(r is None for r in ranks):
        return [Fraction(total, n)] * n
    if any(r is None for r in ranks):
        raise ValueError("either every choice has a rank or none has")
    per_rank = Counter(ranks)
    out = []
    for rank in ranks:
        before = sum(k for r, k in per_rank.items() if r < rank)  # choices ranked above it
        tied = per_rank[rank]
        # Positions before+1 … before+tied; the weight of position p is n + 1 - p.
        weight = Fraction(sum(n + 1 - p for p in range(before + 1, before + tied + 1)), tied)
        out.append(total * weight / Fraction(n * (n + 1), 2))
    return out


def milli_points(ranks: Sequence[int | None], total: int = INITIATIVE_TOTAL) -> list[int]:
    """``shares`` in thousandths, rounded half up: what the database stores."""
    return [int(s * MILLI + Fraction(1, 2)) for s in shares(ranks, total)]


def first_choice(rank: int | None) -> bool:
    """A choice the event ranked first (a tie for first counts for each); an unranked set has
    no first choice."""
    return rank == 1


def as_points(milli: int | float) -> float:
    """Stored thousandths as points, for display."""
    return milli / MILLI
