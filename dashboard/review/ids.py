"""IDs of the review queue of reports (``/<lang>/review``), a report's review page
(``/<lang>/review/<id>``) and the audit log."""

from components.review_queue import QueueIds

# Review queue
REVIEW_STATUS = "review-status"
REVIEW_REGION = "review-region"
REVIEW_DUPLICATES = "review-duplicates"
REVIEW_LIST_CHANGE = "review-list-change"  # only the reports an initiative list change touched
REVIEW_QUEUE = "review-queue"
REVIEW_SEARCH = "review-search"  # by number, event name or country
REVIEW_PAGE = "review-page"  # the page of the queue shown, from 0
REVIEW_TURN = "review-turn"  # dict IDs {"type": REVIEW_TURN, "to": page, "key": "next"}
REVIEW_REFRESH = "review-refresh"  # a counter bumped after every action
REVIEW_SELECTED = "review-selected"  # the open report's id
REVIEW_OPEN = "review-open"  # dict IDs {"type": REVIEW_OPEN, "id": n}: links to the report
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
# A report's review page
REVIEW_TITLE = "review-detail-title"
REVIEW_STATUS_LINE = "review-status-line"  # the report's status in words
REVIEW_PUBLISH_NEXT = "review-publish-next"
REVIEW_REJECT_NEXT = "review-reject-next"
REVIEW_CANDIDATE = "review-candidate"  # the possible duplicate, side by side
REVIEW_SAME_AS = "review-same-as"  # dict IDs {"type": REVIEW_SAME_AS, "id": n}: "Duplicate of #n"
REVIEW_CORRECT_PANEL = "review-correct-panel"  # marking a duplicate by number, corrections
REVIEW_GO = "review-go"  # a dcc.Location: decide and next opens the next pending report
REVIEW_DONE = "review-done"  # the message of the decision that opened the page
REVIEW_BACK = "review-back"  # the link back to the queue
EXPORT_LINKS = "review-export"  # "Export all data"
AUDIT_TABLE = "audit-table"
AUDIT_LINK = "review-audit-link"
CONTRIBUTIONS_LINK = "review-contributions-link"  # to the contributions' review
REVIEW_ALERT = "review-alert"

REVIEW = QueueIds(REVIEW_STATUS, REVIEW_REFRESH, REVIEW_FEEDBACK, REVIEW_QUEUE, REVIEW_ALERT)
