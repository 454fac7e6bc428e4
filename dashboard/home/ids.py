"""IDs of the public dashboard. The stores it shares with the pieces it composes and the IDs of
a chart's parts are in components.dashboard_ids; the comparison's in dashboard/compare/ids.py."""

POLL = "dash-poll"
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
FILTERS_TOGGLE = "dash-filters-toggle"  # "Filters (N)": opens the panel on a narrow screen
FILTERS_PANEL = "dash-filters-panel"
FILTERS_COUNT = "dash-filters-count"  # the "(N)" of that button
URL_SYNC = "dash-url-sync"
TOGGLE_DEFAULTS = "dash-toggle-defaults"  # a Store: each toggle's default, left out of the URL
MAP_METRIC = "dash-map-metric"
MAP_VIEW = "dash-map-view"
WEIGHTING = "dash-weighting"
CHIP = "dash-chip"  # {"type": CHIP, "group": code}: one click for "many people from a group"
MAP_SELECTION = "dash-map-selection"  # beside the map: the chosen place, as removable chips
PLACE_CHIP = "dash-place-chip"  # {"type": PLACE_CHIP, "name": "region" | "country"}
REGION_LIST = "dash-region-list"  # beside the map: each region as a button (a phone's map)
# {"type": PLACE_PICK, "name": "region" | "country", "code": code, "where": "list" | "table"}:
# a button that filters by a place as a map click does (the region list, the map's table).
PLACE_PICK = "dash-place-pick"

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


def chip(group: str) -> dict:
    return {"type": CHIP, "group": group}


def place_chip(name: str) -> dict:
    return {"type": PLACE_CHIP, "name": name}


def place_pick(name, code, where) -> dict:
    return {"type": PLACE_PICK, "name": name, "code": code, "where": where}
