"""IDs of the support team's pages (review queue, audit log, planning)."""

# Review queue
REVIEW_STATUS = "review-status"
REVIEW_REGION = "review-region"
REVIEW_DUPLICATES = "review-duplicates"
REVIEW_LIST_CHANGE = "review-list-change"  # only the reports an initiative list change touched
REVIEW_QUEUE = "review-queue"
REVIEW_REFRESH = "review-refresh"  # a counter bumped after every action
REVIEW_SELECTED = "review-selected"  # the open report's id
REVIEW_OPEN = "review-open"  # dict IDs {"type": REVIEW_OPEN, "id": n}
REVIEW_PICK = "review-pick"  # dict IDs {"type": REVIEW_PICK, "id": n} (bulk selection)
REVIEW_BULK = "review-bulk-publish"
REVIEW_AUTO = "review-auto-publish"
REVIEW_AUTO_NOTE = "review-auto-note"
REVIEW_FEEDBACK = "review-feedback"
REVIEW_DETAIL = "review-detail"
REVIEW_ACTIONS = "review-actions"
REVIEW_PUBLISH = "review-publish"
REVIEW_REJECT = "review-reject"
REVIEW_REASON = "review-reason"
REVIEW_DUPLICATE = "review-duplicate"
REVIEW_DUPLICATE_OF = "review-duplicate-of"
REVIEW_CORRECT = "review-correct"
REVIEW_FIX = "review-fix"  # dict IDs {"type": REVIEW_FIX, "name": field}
AUDIT_TABLE = "audit-table"

# Planning
PLAN_FILTER = "plan-filter"  # dict IDs {"type": PLAN_FILTER, "name": region|theme|format|group}
PLAN_DATES = "plan-dates"
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
