"""The report form, its validation, the submission service and the JSON API."""
