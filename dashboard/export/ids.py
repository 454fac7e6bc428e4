"""IDs of the Wikimedia downloads on the dashboard (their links follow the filters)."""

WIKIMEDIA_MENU = "dash-wikimedia-menu"
DOWNLOAD_TAB = "dash-download-tab"
DOWNLOAD_WIKITEXT = "dash-download-wikitext"
