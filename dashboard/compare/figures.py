"""The "How the selection differs" chart: shares of events that ranked each initiative, in the
selection and in the comparison set, as grouped horizontal bars (pure, no Dash)."""

from __future__ import annotations

from flask_babel import format_percent, ngettext
from flask_babel import gettext as _

from components.charts import PALETTE, Chart, bidi, figure
from components.figure_parts import empty, format_decimal, wrap
from dashboard.compare.model import SAME, Row, Side
from data import i18n

# Below this many events on either side, a share moves a lot with one event: the summary says so.
FEW_EVENTS = 10


def _bars(rows: list[Row], name: str, values: list[float], color: str, rtl, compact) -> dict:
    return {
        "type": "bar",
        # Every filter of the side is named: long names break into lines (a phone's narrower).
        "name": wrap(name, 44 if compact else 100, rtl),
        "x": values[::-1],  # horizontal bars draw bottom-up: the largest lead goes on top
        "y": [wrap(i18n.initiative(r.code), 20 if compact else 44, rtl) for r in rows][::-1],
        "orientation": "h",
        "marker": {"color": color},
        "customdata": [format_percent(v) for v in values][::-1],
        "hovertemplate": "%{y}<br>" + bidi(name, rtl) + ": %{customdata}<extra></extra>",
    }


def sentence(rows: list[Row], ours: str, theirs: str) -> str:
    """The one-sentence answer: the initiative the selection ranked most more often. ``ours``
    and ``theirs`` name each side with all its filters and its events."""
    if not rows:
        return _("No published reports match the selection or the comparison yet.")
    best = rows[0]
    if best.difference <= 0:
        return _(
            "Compared with %(other)s, the events of %(selection)s ranked no initiative more often.",
            other=theirs,
            selection=ours,
        )
    return _(
        "Compared with %(other)s, the events of %(selection)s ranked “%(initiative)s” more "
        "often (%(ours)s vs %(theirs)s).",
        other=theirs,
        selection=ours,
        initiative=i18n.initiative(best.code),
        ours=format_percent(best.ours),
        theirs=format_percent(best.theirs),
    )


def note(problem: str) -> str:
    """Why there is no chart (``model.SAME`` or ``model.FEW``)."""
    if problem == SAME:
        return _("Both sides are the same events: choose another comparison.")
    return _("One side has too few events to compare: choose another comparison.")


def differences_chart(
    rows: list[Row],
    ours: Side,
    theirs: Side,
    names: tuple[str, str],
    in_sentence: tuple[str, str],
    rtl: bool = False,
    compact: bool = False,
) -> Chart:
    """``names``: the legend's names of the selection and of the comparison set (every filter
    and the events of each); ``in_sentence``: the same as the summary sentence says them."""
    ours_name, theirs_name = names
    columns = [
        _("Initiative"),
        ours_name,
        theirs_name,
        _("Difference (percentage points)"),
    ]
    table = [
        [
            i18n.initiative(r.code),
            format_percent(r.ours),
            format_percent(r.theirs),
            format_decimal(round(r.difference * 100), format="+#,##0;-#,##0"),
        ]
        for r in rows
    ]
    # The comparison first, so that in each pair the selection's bar sits on top.
    data = [
        _bars(rows, theirs_name, [r.theirs for r in rows], PALETTE[1], rtl, compact),
        _bars(rows, ours_name, [r.ours for r in rows], PALETTE[0], rtl, compact),
    ]
    fig = figure(
        data,
        rtl,
        max(300, (64 if compact else 46) * len(rows) + 110),
        xaxis={
            "tickformat": ".0%",
            "rangemode": "tozero",
            # On a phone the long axis title does not fit; the summary and legend say it.
            **(
                {}
                if compact
                else {"title": {"text": bidi(_("Share of events that ranked the initiative"), rtl)}}
            ),
        },
        yaxis={"automargin": True, **({"tickfont": {"size": 11}} if compact else {})},
        barmode="group",
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.02,
            "yanchor": "bottom",
            "traceorder": "reversed",
        },
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
    )
    text = sentence(rows, *in_sentence)
    fewest = min(ours.events, theirs.events)
    if rows and fewest < FEW_EVENTS:
        text += " " + ngettext(
            "One side has only %(num)s event: a single event moves its shares a lot.",
            "One side has only %(num)s events: a single event moves its shares a lot.",
            fewest,  # below FEW_EVENTS: no digit grouping to localize
        )
    if not rows:
        return Chart(empty(fig), text, columns, table)
    return Chart(fig, text, columns, table)
