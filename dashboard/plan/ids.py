"""IDs of the planning workspace (``/<lang>/plan``); those of its filters, which other
features' columns follow too, are in components/planning.py."""

PLAN_SHARE_GROUP = "plan-share-group"
PLAN_TABLE = "plan-table"
PLAN_HEATMAP = "plan-heatmap"
PLAN_HEATMAP_TABLE = "plan-heatmap-table"
PLAN_PAIRS = "plan-pairs"
PLAN_GAPS = "plan-gaps"
PLAN_SOURCE = "plan-source"  # the initiative whose events are shown
PLAN_SOURCES = "plan-sources"
PLAN_NOTE = "plan-note"
PLAN_OWNER = "plan-owner"
PLAN_ADD = "plan-add"
PLAN_REMOVE = "plan-remove"  # dict IDs {"type": PLAN_REMOVE, "code": code}
PLAN_DRAFT = "plan-draft"
PLAN_FEEDBACK = "plan-feedback"
PLAN_REFRESH = "plan-refresh"
PLAN_HEATMAP_SUMMARY = "plan-heatmap-summary"
PLAN_CSV = "plan-csv"
