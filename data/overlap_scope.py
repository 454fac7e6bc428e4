"""What every overlap question starts from: the ids of the published reports matching the
filters, and the Borda points of a ranked initiative."""

from __future__ import annotations

from sqlalchemy import select

from data.models import ReportInitiative
from data.queries import Filters, borda_points, matching_reports

EVERYTHING = Filters()  # no filter: every published report
POINTS = borda_points(ReportInitiative.rank)


def matching_ids(filters: Filters):
    return select(matching_reports(filters).subquery().c.id)
