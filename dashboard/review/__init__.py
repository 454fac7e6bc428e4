"""The support team's review queue of reports (``/<lang>/review``), each report's review page
(``/<lang>/review/<id>``) and the audit log."""

import re

from flask import redirect, request

# The queue's older address for one report (``/<lang>/review?report=<id>``, in exported plans).
OLD_LINK = re.compile(r"^/([^/]+)/review/?$")


def init_app(app) -> None:
    from dashboard.review import page, report_page

    page.register(app)
    report_page.register(app)
    app.server.before_request(_old_report_link)


def _old_report_link():
    """``/<lang>/review?report=N`` (plan exports link there) opens report N's own page."""
    from dashboard.review.report_view import report_number
    from data import i18n

    found = OLD_LINK.match(request.path)
    number = report_number(request.args.get("report")) if found else None
    if number is None:
        return None
    return redirect(f"/{i18n.normalize(found.group(1))}/review/{number}", code=302)
