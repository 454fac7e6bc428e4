"""IDs the public dashboard shares with the pieces it composes (the comparison, the individual
contributions' card, the count of events waiting, the Wikimedia downloads): the data version it
shows, the phone-sized flag, the comparison chosen (kept in the URL too), and the IDs of a
chart's three parts."""

VERSION = "dash-version"  # the newest data version the poll has seen
COMPACT = "dash-compact"  # True on a phone-sized screen
COMPARE = "dash-compare-with"  # a Store: the comparison chosen ("all", a region, a group of
# regions, or "-<filter>": the selection without that filter)


def graph(name: str) -> str:
    return f"dash-{name}"


def summary(name: str) -> str:
    return f"dash-{name}-summary"


def table(name: str) -> str:
    return f"dash-{name}-table"


def details(name: str) -> str:
    """The chart's "Show the data as a table" (its ``open`` is kept by assets/dashboard.js)."""
    return f"dash-{name}-details"
