"""IDs of the comparison on the dashboard ("Compare with" and "How the selection differs").
The Store of the choice, which the dashboard's URL also keeps, is in components.dashboard_ids."""

COMPARE_OPTION = "dash-compare-option"  # {"type": COMPARE_OPTION, "code": code}
CHOICES = "dash-compare-choices"  # the "Compare with" buttons, which follow the filters
COMPARE_CARD = "dash-compare-card"  # shown only while a comparison is chosen
DIFFERENCES = "compare"  # the chart's name: graph, summary and table IDs (dashboard_ids)


def compare_option(code: str) -> dict:
    return {"type": COMPARE_OPTION, "code": code}
