"""The usual Dash way, as tutorials write it: read the tables into pandas in every callback and
group by there. The peer to beat; it computes the same numbers as data.aggregates.insights (events,
participants, Borda points per initiative, region × recommendation shares, group shares by
region with the events whose small counts they leave out) so that the benchmark can check both
agree.
"""

from __future__ import annotations

import pandas as pd

from data import privacy
from data.aggregates.queries import Filters
from data.reference import reference


def _points(chosen: pd.DataFrame, total: int = 15) -> pd.Series:
    """data.scoring in pandas: each report hands out ``total``; position p of n earns
    n + 1 - p parts of n (n + 1) / 2, tied ranks share their positions' average, an unranked
    set shares equally; each choice rounded to the thousandth."""
    by_report = chosen.groupby("report_id")["code"]
    n = by_report.transform("size")
    ranks = chosen["rank"]
    unranked = ranks.isna()
    filled = ranks.fillna(0)
    before = chosen.assign(r=filled).groupby("report_id")["r"].rank(method="min") - 1
    tied = chosen.assign(r=filled).groupby(["report_id", "r"])["code"].transform("size")
    weight = n + 1 - before - (tied + 1) / 2
    share = (total * weight / (n * (n + 1) / 2)).where(~unranked, total / n)
    return (share * 1000 + 0.5).apply(int) / 1000


def dashboard_numbers(engine, filters: Filters) -> dict:
    """What one dashboard callback computes, starting from ``pd.read_sql`` of the tables."""
    reports = pd.read_sql(
        "SELECT id, region, country, format, event_date, participants_total, status FROM reports",
        engine,
    )
    initiatives = pd.read_sql("SELECT report_id, rank, code FROM report_initiatives", engine)
    initiatives["points"] = _points(initiatives)
    recommendations = pd.read_sql("SELECT report_id, code FROM report_recommendations", engine)
    groups = pd.read_sql("SELECT report_id, group_code, count FROM report_groups", engine)
    themes = pd.read_sql("SELECT report_id, theme_code FROM report_themes", engine)

    reports = reports[reports["status"] == "published"]
    if filters.region:
        reports = reports[reports["region"] == filters.region]
    if filters.country:
        reports = reports[reports["country"] == filters.country]
    if filters.format:
        reports = reports[reports["format"] == filters.format]
    if filters.theme:
        reports = reports[
            reports["id"].isin(themes.loc[themes["theme_code"] == filters.theme, "report_id"])
        ]
    if filters.group:
        # At least the privacy threshold of people (data.privacy.countable): a smaller count
        # is never matched, as the app's filters do.
        chosen = groups[
            (groups["group_code"] == filters.group) & (groups["count"] >= privacy.THRESHOLD)
        ]
        reports = reports[reports["id"].isin(chosen["report_id"])]

    keep = reports[["id", "region", "participants_total"]].rename(columns={"id": "report_id"})
    ranked = initiatives.merge(keep, on="report_id")
    points = ranked.groupby("code")["points"].sum().sort_values(ascending=False)

    # An event "prioritized" a recommendation if it chose it or one of its initiatives.
    of = {code: item.recommendation for code, item in reference().initiatives.items()}
    via = ranked[["report_id", "region"]].assign(rec=ranked["code"].map(of))
    direct = recommendations.merge(keep, on="report_id")[["report_id", "region", "code"]]
    pairs = pd.concat([via, direct.rename(columns={"code": "rec"})]).drop_duplicates()
    region_events = keep.groupby("region")["report_id"].count()
    cells = pairs.groupby(["region", "rec"])["report_id"].nunique()
    shares = cells / region_events.reindex(cells.index.get_level_values(0)).to_numpy()

    # Group counts as the app's public totals add them (data.privacy): an event's count below
    # the threshold is left out of the sum and counted as a hidden event instead, so that a
    # hidden share can be told from a real 0.
    counted = groups.merge(keep, on="report_id")
    small = (counted["count"] > 0) & (counted["count"] < max(privacy.THRESHOLD, 1))
    counted = counted.assign(
        count=counted["count"].where(counted["count"] >= max(privacy.THRESHOLD, 1), 0),
        hidden=small.astype(int),
    )
    by_region = counted.groupby(["region", "group_code"]).agg(
        count=("count", "sum"), of=("participants_total", "sum"), hidden=("hidden", "sum")
    )
    group_shares = by_region["count"] / by_region["of"]
    return {
        "events": len(reports),  # (no report of the synthetic data continues another)
        "participants": int(reports["participants_total"].sum()),
        "points": {code: round(float(v), 3) for code, v in points.items()},
        "region_recommendation": {key: int(v) for key, v in cells.items()},
        "region_recommendation_shares": shares,
        "group_shares": group_shares,
        "region_groups": {
            key: (int(row["count"]), int(row["of"]), int(row["hidden"]))
            for key, row in by_region.iterrows()
        },
    }
