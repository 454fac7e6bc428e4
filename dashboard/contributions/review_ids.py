"""IDs of the support team's review of individual contributions
(``/<lang>/review/contributions``)."""

from components.review_queue import QueueIds

STATUS = "contrib-review-status"
REFRESH = "contrib-review-refresh"  # a counter bumped after every decision
FEEDBACK = "contrib-review-feedback"
QUEUE = "contrib-review-queue"
PUBLISH = "contrib-review-publish"  # pattern {"type": PUBLISH, "id": contribution id}
REJECT = "contrib-review-reject"
REASON = "contrib-review-reason"
ALERT = "contrib-review-alert"
BACK = "contrib-review-back"  # the link back to the review queue

REVIEW = QueueIds(STATUS, REFRESH, FEEDBACK, QUEUE, ALERT, PUBLISH, REJECT, REASON)
