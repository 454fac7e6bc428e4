"""IDs of the support team's review of individual contributions
(``/<lang>/review/contributions``)."""

STATUS = "contrib-review-status"
REFRESH = "contrib-review-refresh"  # a counter bumped after every decision
FEEDBACK = "contrib-review-feedback"
QUEUE = "contrib-review-queue"
PUBLISH = "contrib-review-publish"  # pattern {"type": PUBLISH, "id": contribution id}
REJECT = "contrib-review-reject"
REASON = "contrib-review-reason"
ALERT = "contrib-review-alert"
LINK = "review-contributions-link"  # on the review queue's page
