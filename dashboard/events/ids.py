"""IDs of the events page (``/<lang>/events``), the events review page and the dashboard's
count of events that have not reported."""

ZONE = "events-zone"  # dcc.Store: the viewer's IANA time zone, from the browser
MONTH = "events-month"  # dcc.Store: the calendar's month, "YYYY-MM"
LANGUAGE = "events-filter-language"
REGION = "events-filter-region"
FORMAT = "events-filter-format"
FROM = "events-filter-from"
TO = "events-filter-to"
LIST = "events-list"
CALENDAR = "events-calendar"
PREV = "events-month-prev"
NEXT = "events-month-next"
MAP = "events-map"
MAP_SUMMARY = "events-map-summary"
FEED = "events-feed"
ZONE_NOTE = "events-zone-note"
FILTERS = "events-filters"  # html.Details: folded on phones
VIEW = "events-view"  # RadioItems: "list" or "calendar" (phones and tablets)
VIEWS = "events-views"  # the row whose class says which view shows

# One event's page (/<lang>/events/<id>)
EVENT_ZONE = "event-page-zone"  # dcc.Store: the viewer's zone
EVENT_TIMES = "event-page-times"  # dcc.Store: start and end (ISO, UTC)
EVENT_WHEN = "event-page-when"

REVIEW_QUEUE = "events-review-queue"
REVIEW_STATUS = "events-review-status"
REVIEW_REFRESH = "events-review-refresh"
REVIEW_FEEDBACK = "events-review-feedback"
REVIEW_PUBLISH = "events-review-publish"  # pattern {"type": ..., "id": event id}
REVIEW_REJECT = "events-review-reject"
REVIEW_REASON = "events-review-reason"

WAITING = "dash-events-waiting"
