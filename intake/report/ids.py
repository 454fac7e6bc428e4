"""IDs of the report page."""

CLIENT_ID = "report-client-id"
SUBMIT = "report-submit"
RESULT = "report-result"
FORM = "report-form"
ERROR_SUMMARY = "report-error-summary"
EDIT_TOKEN = "report-edit-token"  # dcc.Store: the edit link's token on the edit page, else None
DRAFT = "report-draft"  # dcc.Store: where the browser keeps this form's draft (assets/draft.js)
DUPLICATE_NOTICE = "report-duplicate-notice"
EDIT_LINK = "report-edit-link"
# The report form, opened from a past event: which event its results belong to.
REPORT_EVENT = "report-event-id"

# The honeypot: a form field that people never see; a bot that fills it is not stored.
HONEYPOT = "subject"
TEMPLATE_LINKS = "report-template-links"

# After a stored report: the receipt, its copy button, and the opt-in to e-mail the edit link.
RECEIPT = "report-receipt"
COPY_LINK = "report-copy-link"
EMAIL_ME = "report-email-me"  # a checkbox beside the form's fields, not one of them: no draft
MAIL_STATUS = "report-mail-status"
# Shown by assets/intake-offline.js when Submit finds no connection.
OFFLINE_NOTICE = "report-offline"
OFFLINE_RETRY = "report-offline-retry"
