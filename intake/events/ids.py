"""IDs of the announce page and the organizer's edit page for an event."""

# The announce form's fields: dict IDs of their own, so that the report form's pattern
# callbacks ({"type": "form-field", ...}) never see them.
FIELD = "event-field"
MESSAGE = "event-message"
WRAP = "event-wrap"

CLIENT_ID = "event-client-id"
EDIT_TOKEN = "event-edit-token"  # dcc.Store: the edit link's token on the edit page, else None
SUBMIT = "event-submit"
RESULT = "event-result"
FORM = "event-form"
ERROR_SUMMARY = "event-error-summary"
EDIT_LINK = "event-edit-link"
RESULTS_LINK = "event-results-link"  # the edit page's "report the results" (links the report)
CONFIRMATION = "event-confirmation"
