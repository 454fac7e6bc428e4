"""IDs of the report page."""

CLIENT_ID = "report-client-id"
SUBMIT = "report-submit"
RESULT = "report-result"
FORM = "report-form"
ERROR_SUMMARY = "report-error-summary"
