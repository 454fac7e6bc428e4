"""Small counts that could identify a person never leave through public outputs."""

from __future__ import annotations

from data.queries import GroupTotal


def suppressed(count: int | None, threshold: int) -> bool:
    """A count of 1..threshold-1 people is suppressed; 0 is not (it describes nobody)."""
    return count is not None and 0 < count < threshold


def public_groups(groups: list[GroupTotal], threshold: int) -> dict[str, dict]:
    """Group totals for public outputs: the count and its share, or ``suppressed``."""
    out = {}
    for g in groups:
        if suppressed(g.count, threshold):
            out[g.code] = {"count": None, "share": None, "suppressed": True}
        else:
            share = round(g.count / g.of_participants, 4) if g.of_participants else None
            out[g.code] = {"count": g.count, "share": share, "suppressed": False}
    return out
