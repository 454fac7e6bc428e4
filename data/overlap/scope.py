"""What every overlap question starts from: the ids of the published reports matching the
filters, and the points of a chosen initiative (``data.scoring``, in thousandths)."""

from __future__ import annotations

from sqlalchemy import select

from data.aggregates.queries import Filters, matching_reports
from data.models import ReportInitiative

EVERYTHING = Filters()  # no filter: every published report
POINTS = ReportInitiative.points  # thousandths: data.scoring.as_points for display


def matching_ids(filters: Filters):
    return select(matching_reports(filters).subquery().c.id)
