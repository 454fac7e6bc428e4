"""IDs of the review queue of reports (``/<lang>/review``) and of the audit log."""

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
AUDIT_LINK = "review-audit-link"
CONTRIBUTIONS_LINK = "review-contributions-link"  # to the contributions' review
REVIEW_ALERT = "review-alert"

REVIEW = QueueIds(REVIEW_STATUS, REVIEW_REFRESH, REVIEW_FEEDBACK, REVIEW_QUEUE, REVIEW_ALERT)
