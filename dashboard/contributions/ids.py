"""IDs of the individual contributions beside the events' results (the dashboard's card and
the planning column)."""

CONTRIB_SWITCH = "dash-contrib-switch"
CONTRIB_CARD = "dash-contrib-card"  # the wrapper the switch shows or hides
CONTRIB_GRAPH = "dash-contrib"
CONTRIB_SUMMARY = "dash-contrib-summary"
CONTRIB_TABLE = "dash-contrib-table"

PLAN_CONTRIB_SWITCH = "plan-contrib-switch"
PLAN_CONTRIB_TABLE = "plan-contrib-table"
