"""Gunicorn settings read by the Procfile's ``web`` process (``--config gunicorn.conf.py``).

The access log must not hold the organizers' secret edit links (``/<lang>/report/edit/<token>``,
``/<lang>/events/edit/<token>``): whoever reads the log could edit the report. Gunicorn's log
format can leave out the whole request line but not part of a path, so the logger redacts the
token in every value it formats (request line, path, Referer, environ).
"""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

# Any ".../edit/<secret>" path segment: the report's and the event's edit pages.
EDIT_TOKEN = re.compile(r"(/edit/)[^/?#\s\"]+")
REDACTED = r"\1[redacted]"


def redact(value):
    return EDIT_TOKEN.sub(REDACTED, value) if isinstance(value, str) else value


class RedactingLogger(Logger):
    """Gunicorn's logger whose access log never shows an edit-link token."""

    def atoms(self, resp, req, environ, request_time):
        # ``access()`` formats the log line from these atoms only.
        return {k: redact(v) for k, v in super().atoms(resp, req, environ, request_time).items()}


logger_class = RedactingLogger
