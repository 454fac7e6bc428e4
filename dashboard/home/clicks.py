"""What a click on the dashboard does to its filters: a map click picks its country (or
region), a chip "many participants from a group", the chip of the chosen place beside the map
removes that place, a place's button (the region list beside the map, a name in the map's
table) picks it as a map click does, "Clear filters" empties them all. Pure: the
controls' values and IDs in, the new values (or ``no_update``) out."""

from __future__ import annotations

from dash import no_update

from dashboard.home import ids
from dashboard.home.controls import MANY


def chip_filters(group: str, values, names):
    """A chip sets "many participants from ``group``" (the group at a quarter); pressed again
    (its group already filtered at a quarter or half), it clears the group and its share."""
    current = dict(zip([n["name"] for n in names], values, strict=True))
    pressed = current.get("group") == group and current.get("share") in ("25", "50")
    chosen = {"group": None, "share": "any"} if pressed else {"group": group, "share": MANY}
    return [chosen.get(n["name"], no_update) for n in names]


def place_filters(trigger, click, view, values, names, clicked=True):
    """A map click filters by its country (or region); a chip by its group; a place's chip
    (``clicked``: its button was really pressed, not just drawn) removes that place; "Clear
    filters" empties them all."""
    if trigger == ids.CLEAR:
        return ["any" if n["name"] == "share" else None for n in names]
    if isinstance(trigger, dict) and trigger.get("type") == ids.PLACE_CHIP:
        if not clicked:
            return [no_update] * len(names)
        return [None if n["name"] == trigger["name"] else no_update for n in names]
    if isinstance(trigger, dict) and trigger.get("type") == ids.CHIP:
        return chip_filters(trigger["group"], values, names)
    if isinstance(trigger, dict) and trigger.get("type") == ids.PLACE_PICK:
        if not clicked:
            return [no_update] * len(names)
        return pick(trigger["name"], trigger["code"], values, names)
    if not click or not click.get("points"):
        return [no_update] * len(names)
    point = click["points"][0].get("customdata") or []
    if len(point) < 2:
        return [no_update] * len(names)
    key, code = ("region", point[1]) if view == "region" else ("country", point[0])
    return pick(key, code, values, names)


def pick(key: str, code: str, values, names):
    """Filter by the place ``code`` (``key``: "region" or "country") and drop the other place
    filter; the place already chosen is unselected instead."""
    current = dict(zip([n["name"] for n in names], values, strict=True))
    chosen = None if current.get(key) == code else code  # a second click unselects
    other = "country" if key == "region" else "region"
    return [
        chosen if n["name"] == key else (None if n["name"] == other else no_update) for n in names
    ]
