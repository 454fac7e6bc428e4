"""IDs of what sits beside the events' results: individual contributions (dashboard card and
planning column) and the Wikimedia downloads."""

CONTRIB_SWITCH = "dash-contrib-switch"
CONTRIB_CARD = "dash-contrib-card"  # the wrapper the switch shows or hides
CONTRIB_GRAPH = "dash-contrib"
CONTRIB_SUMMARY = "dash-contrib-summary"
CONTRIB_TABLE = "dash-contrib-table"

PLAN_CONTRIB_SWITCH = "plan-contrib-switch"
PLAN_CONTRIB_TABLE = "plan-contrib-table"

WIKIMEDIA_MENU = "dash-wikimedia-menu"
DOWNLOAD_TAB = "dash-download-tab"
DOWNLOAD_WIKITEXT = "dash-download-wikitext"
