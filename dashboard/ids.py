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

# Charts: each has a graph, a summary sentence and a data table (see components.charts).
CHARTS = ("map", "ranking", "recommendations", "heatmap", "groups", "time", "languages")


def graph(name: str) -> str:
    return f"dash-{name}"


def summary(name: str) -> str:
    return f"dash-{name}-summary"


def table(name: str) -> str:
    return f"dash-{name}-table"
