"""IDs of the public dashboard."""

POLL = "dash-poll"
VERSION = "dash-version"  # the newest data version the poll has seen
RENDERED = "dash-rendered-version"  # the version the figures show
EVENTS = "dash-events"
PARTICIPANTS = "dash-participants"
COUNTRIES = "dash-countries"
GROUPS = "dash-group-shares"
UPDATED = "dash-updated"
LAST_REPORT = "dash-last-report"  # ISO time of the newest published report (a Store)
LAST_REPORT_AGO = "dash-last-report-ago"
CLOCK = "dash-clock"  # a slow interval that keeps "N minutes ago" true
DOWNLOAD = "dash-download"
CLEAR = "dash-clear-filters"
URL_SYNC = "dash-url-sync"
MAP_METRIC = "dash-map-metric"
MAP_VIEW = "dash-map-view"
WEIGHTING = "dash-weighting"
COMPACT = "dash-compact"  # True on a phone-sized screen
CHIP = "dash-chip"  # {"type": CHIP, "group": code}: one click for "many people from a group"
COMPARE = "dash-compare-with"  # a Store: "all", a region or a group of regions
COMPARE_OPTION = "dash-compare-option"  # {"type": COMPARE_OPTION, "code": code}
COMPARE_CARD = "dash-compare-card"  # shown only while a comparison is chosen

# Charts: each has a graph, a summary sentence and a data table (see components.charts).
CHARTS = (
    "map",
    "ranking",
    "recommendations",
    "coordination",
    "heatmap",
    "groups",
    "time",
    "languages",
)
DIFFERENCES = "compare"  # the comparison's chart, rendered by a callback of its own


def chip(group: str) -> dict:
    return {"type": CHIP, "group": group}


def compare_option(code: str) -> dict:
    return {"type": COMPARE_OPTION, "code": code}


def graph(name: str) -> str:
    return f"dash-{name}"


def summary(name: str) -> str:
    return f"dash-{name}-summary"


def table(name: str) -> str:
    return f"dash-{name}-table"
