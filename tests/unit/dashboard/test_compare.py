"""The comparison ("How the selection differs"), computed on a few reports posted over the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import plotly.graph_objects as go
import pytest
from flask_babel import force_locale

from components.filters import NAMES, filter_id
from dashboard.compare import labels
from dashboard.compare import model as compare
from dashboard.compare.callbacks import update_choices, update_comparison
from data.aggregates.queries import Filters
from data.cache import cached_summary, current_version
from data.db import EXTENSION_KEY
from data.i18n_extract import extract_reference_csv
from data.reference import REFERENCE_DIR

FILTER_IDS = [filter_id(n) for n in NAMES]
# Two events in South Asia, one in each European region; the initiatives they ranked, and
# newcomers and women among their 34 participants.
EVENTS = [
    ("IN", ["I01", "I02", "I03"], 12, 15),
    ("IN", ["I01", "I04", "I05"], 2, 2),
    ("DE", ["I02", "I03", "I04"], 12, 15),
    ("PL", ["I02", "I06", "I07"], 12, 2),
]


def values(**chosen):
    return [chosen.get(n, "any" if n == "share" else None) for n in NAMES]


@pytest.fixture
def posted(app, report):
    client = app.server.test_client()
    for number, (country, codes, newcomers, women) in enumerate(EVENTS):
        payload = report(
            event_name=f"Strategy salon {number}",
            event_date=f"2020-10-{number + 10}",
            country=country,
            priorities=[{"code": code, "why": ""} for code in codes],
        )
        payload["participants"] = {
            **payload["participants"],
            "newcomers": newcomers,
            "women": women,
        }
        assert client.post("/api/v1/reports", json=payload).status_code == 201
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        yield app.server.extensions[EXTENSION_KEY]


def test_europe_is_both_european_regions_and_its_label_reaches_the_catalogs():
    assert compare.region_groups()["EU"].regions == ("CEECA", "NWE")
    assert compare.choices()[:2] == ["all", "EU"]
    assert "SA" in compare.choices()
    with (REFERENCE_DIR / "region_groups.csv").open("rb") as handle:
        labels = [label for _line, _kind, label, _notes in extract_reference_csv(handle, 0, 0, 0)]
    assert labels == ["Europe"]


def test_unknown_choices_mean_no_comparison():
    assert compare.valid("EU") == "EU"
    assert compare.valid("sa") == "SA"
    assert compare.valid("ALL") == "all"
    assert compare.valid("MOON") is None and compare.valid(None) is None


def test_the_other_side_keeps_every_filter_but_the_place():
    filters = Filters(country="IN", group="newcomers", group_share=25)
    assert compare.comparison_filters(filters, "EU") == [
        Filters(region="CEECA", group="newcomers", group_share=25),
        Filters(region="NWE", group="newcomers", group_share=25),
    ]


def test_the_whole_movement_has_no_filter_and_without_drops_one():
    filters = Filters(
        region="SA",
        theme="education",
        group="women",
        group_share=25,
        date_from=dt.date(2020, 1, 1),
        date_to=dt.date(2020, 12, 31),
    )
    assert compare.comparison_filters(filters, "all") == [Filters()]
    assert compare.comparison_filters(filters, "-group") == [
        replace(filters, group=None, group_share=None)
    ]
    assert compare.comparison_filters(filters, "-dates") == [
        replace(filters, date_from=None, date_to=None)
    ]
    assert compare.active(filters) == ["region", "theme", "group", "dates"]


def test_without_a_filter_is_a_choice_and_old_links_keep_working():
    assert compare.valid("-group") == "-group" and compare.valid("-GROUP") == "-group"
    assert compare.valid("-dates") == "-dates"
    assert compare.valid("-share") is None and compare.valid("-") is None
    assert compare.valid(["EU"]) is None


def test_a_set_is_never_offered_against_itself():
    assert "all" not in compare.offered(Filters())  # no filter: the whole movement itself
    assert "-region" not in compare.offered(Filters())
    south_asia = compare.offered(Filters(region="SA"))
    assert south_asia[:2] == ["-region", "all"]
    assert "SA" not in south_asia and "EU" in south_asia and "NWE" in south_asia
    # A country lies in its region: dropping the region keeps the same events.
    india = compare.offered(Filters(region="SA", country="IN"))
    assert india[:2] == ["-country", "all"] and "-region" not in india
    assert "SA" in india  # all of South Asia, not just India
    many = Filters(region="SA", group="women", group_share=25)
    assert compare.offered(many)[:3] == ["-region", "-group", "all"]
    assert compare.same_filters(Filters(region="NWE"), "NWE")
    assert not compare.same_filters(Filters(region="NWE"), "EU")


def test_the_same_events_or_too_few_leave_nothing_to_compare():
    sa = Filters(region="SA")
    two, three = compare.Side(2, {"I01": 1}), compare.Side(3, {"I01": 1})
    assert compare.problem(sa, "SA", two, two) == compare.SAME
    # Dropping a filter that matched every event anyway: the same two events.
    assert compare.problem(sa, "-region", two, two) == compare.SAME
    assert compare.problem(sa, "-region", two, three) is None
    # Two regions with as many events are not the same events.
    assert not compare.nested(sa, "EU") and compare.problem(sa, "EU", two, two) is None
    # Europe within the selection (no place chosen): nested.
    assert compare.nested(Filters(theme="education"), "EU")
    assert compare.problem(sa, "EU", compare.Side(1, {}), three) is None  # warned, not hidden
    assert compare.problem(sa, "EU", compare.Side(0, {}), three) == compare.FEW


def test_each_side_is_named_by_all_its_filters_and_events(posted):
    many = Filters(region="SA", group="women", group_share=25)
    assert labels.names(many) == ["South Asia", "Women ≥ 25%"]
    assert labels.side(labels.names(many), 12) == "South Asia · Women ≥ 25% (12 events)"
    assert labels.side(labels.other_names(many, "-group"), 48) == "South Asia (48 events)"
    assert labels.other_names(many, "EU") == ["Europe", "Women ≥ 25%"]
    assert labels.side(labels.other_names(many, "all"), 1) == "The whole movement (1 event)"
    assert labels.side(["South Asia", "Women ≥ 25%"], 1234, True) == (
        "South Asia and Women ≥ 25% (1,234 events)"
    )
    assert labels.side([], 4, True) == "the whole movement (4 events)"
    assert labels.option(many, "-group") == "Without: Women ≥ 25%"
    assert labels.option(many, "all") == "The whole movement"
    assert labels.option(many, "EU") == "Europe"
    dated = Filters(
        country="KE",
        format="virtual",
        language="sw",
        group="lgbtq",
        date_from=dt.date(2020, 10, 1),
    )
    assert labels.names(dated) == [
        "Kenya",
        "Virtual (video call)",
        "In Swahili",
        "LGBTQ+ people: at least 5 people",
        "From Oct 1, 2020",
    ]
    assert labels.filter_name(replace(dated, date_to=dt.date(2020, 12, 31)), "dates") == (
        "Oct 1, 2020 – Dec 31, 2020"
    )
    with force_locale("ar"):
        assert labels.side(["A", "B"], 3, True).startswith("A وB")


def test_shares_of_a_region_against_a_group_of_regions(posted):
    version = current_version(posted)
    ours, theirs = compare.compare(posted, Filters(region="SA"), "EU", version)
    assert (ours.events, theirs.events) == (2, 2)
    assert ours.share("I01") == 1.0 and theirs.share("I01") == 0.0
    assert theirs.share("I02") == 1.0 and ours.share("I02") == 0.5
    rows = compare.differences(ours, theirs)
    assert [r.code for r in rows] == ["I01", "I05", "I03", "I04", "I02", "I06", "I07"]
    assert [round(r.difference, 2) for r in rows] == [1.0, 0.5, 0.0, 0.0, -0.5, -0.5, -0.5]
    # The whole movement: all four events.
    _ours, everyone = compare.compare(posted, Filters(region="SA"), "all", version)
    assert everyone.events == 4 and everyone.share("I02") == 0.75


def test_the_group_filter_applies_to_both_sides(posted):
    many = Filters(region="SA", group="newcomers", group_share=25)
    ours, theirs = compare.compare(posted, many, "EU", current_version(posted))
    # 2 of 34 participants are newcomers in one Indian event: not "many".
    assert (ours.events, theirs.events) == (1, 2)
    assert ours.share("I05") == 0.0 and ours.share("I03") == 1.0


def test_at_most_ten_differences_the_largest_lead_first():
    ours = compare.Side(10, {f"I{n:02d}": n % 10 for n in range(1, 31)})
    theirs = compare.Side(10, {f"I{n:02d}": 5 for n in range(1, 31)})
    rows = compare.differences(ours, theirs)
    assert len(rows) == compare.TOP
    every = sorted((abs(n % 10 - 5) / 10 for n in range(1, 31)), reverse=True)
    assert sorted((round(abs(r.difference), 2) for r in rows), reverse=True) == every[:10]
    assert [r.difference for r in rows] == sorted((r.difference for r in rows), reverse=True)
    assert compare.differences(compare.Side(0, {}), theirs) == []


def test_the_card_names_the_biggest_lead_with_shares_only(posted):
    hidden, *_rest = update_comparison(None, values(region="SA"), None, False, "en", FILTER_IDS)
    assert hidden is True
    hidden, figure, sentence, table, style = update_comparison(
        None, values(region="SA"), "EU", False, "en", FILTER_IDS
    )
    assert hidden is False and style == {}
    assert sentence.startswith(
        "Compared with Europe (2 events), the events of South Asia (2 events) ranked “1. "
        "Systematic approach to improve satisfaction and productivity” more often (100% vs 0%)."
    )
    assert "only 2 events" in sentence
    fig = go.Figure(figure)
    assert [t.name for t in fig.data] == ["Europe (2 events)", "South Asia (2 events)"]
    assert fig.layout.barmode == "group"
    assert list(fig.data[1].x)[-1] == 1.0  # the largest lead on top
    body = table["props"]["children"][1]["props"]["children"]
    first = [cell["props"]["children"] for cell in body[0]["props"]["children"]]
    assert first[1:] == ["100%", "0%", "+100"]
    # Everything shown is a share or a difference of shares: no count of events or people.
    assert all(cell.endswith("%") for row in body for cell in row_cells(row)[1:3])


def row_cells(row):
    return [cell["props"]["children"] for cell in row["props"]["children"]]


def test_the_card_speaks_the_viewers_language_and_is_cached_per_version(posted, monkeypatch):
    from dashboard.compare import callbacks as compare_callbacks

    calls = []
    real = compare_callbacks.render_comparison
    monkeypatch.setattr(
        compare_callbacks, "render_comparison", lambda *a: calls.append(a) or real(*a)
    )
    first = update_comparison(None, values(region="SA"), "all", False, "fr", FILTER_IDS)
    again = update_comparison(None, values(region="SA"), "all", False, "fr", FILTER_IDS)
    assert first == again and len(calls) == 1
    assert go.Figure(first[1]).data[1].name.startswith("Asie du Sud (2 ")
    assert "Asie du Sud" in first[2]


def test_events_with_many_women_against_the_same_events_without_that_filter(posted):
    many = values(group="women", share="25")
    hidden, figure, sentence, table, style = update_comparison(
        None, many, "-group", False, "en", FILTER_IDS
    )
    assert hidden is False and style == {}
    # The numbers are those of the two cached summaries, one per side.
    version = current_version(posted)
    _v, women = cached_summary(posted, Filters(group="women", group_share=25), version)
    _v, everyone = cached_summary(posted, Filters(), version)
    assert (women.events, everyone.events) == (2, 4)  # 2 of 34 women is neither many nor shown
    fig = go.Figure(figure)
    assert [t.name for t in fig.data] == ["The whole movement (4 events)", "Women ≥ 25% (2 events)"]
    mentions = {p.code: p.mentions for p in women.priorities}
    all_mentions = {p.code: p.mentions for p in everyone.priorities}
    shown = dict(zip(fig.data[1].y, fig.data[1].x, strict=True))
    others = dict(zip(fig.data[0].y, fig.data[0].x, strict=True))
    for code in ("I02", "I03", "I05"):
        name = next(y for y in shown if y.startswith(code[1:].lstrip("0") + "."))
        assert shown[name] == mentions.get(code, 0) / women.events
        assert others[name] == all_mentions[code] / everyone.events
    assert sentence.startswith(
        "Compared with the whole movement (4 events), the events of Women ≥ 25% (2 events) "
        "ranked “3. "
    )
    assert "(100% vs 50%)" in sentence
    body = table["props"]["children"][0]["props"]["children"]["props"]["children"]
    assert [cell["props"]["children"] for cell in body][1:3] == [
        "Women ≥ 25% (2 events)",
        "The whole movement (4 events)",
    ]
    # In North and West Europe the one event has many women: the same event on both sides.
    _h, _f, sentence, _t, style = update_comparison(
        None, values(region="NWE", group="women", share="25"), "-group", False, "en", FILTER_IDS
    )
    assert sentence == "Both sides are the same events: choose another comparison."


def test_the_same_events_show_a_note_and_no_chart(posted):
    # Every South Asian event is in India: without the region, the same two events.
    _h, figure, sentence, table, style = update_comparison(
        None, values(region="SA", country="IN"), "-region", False, "en", FILTER_IDS
    )
    assert sentence == "Both sides are the same events: choose another comparison."
    assert style == {"display": "none"} and table is None and not go.Figure(figure).data
    # No event counts its 2 LGBTQ+ participants (fewer than 5 are never told): nothing to compare.
    _h, _f, sentence, _t, style = update_comparison(
        None, values(region="SA", group="lgbtq"), "-group", False, "en", FILTER_IDS
    )
    assert sentence == "One side has too few events to compare: choose another comparison."
    assert style["display"] == "none"
    # One event is enough, with a warning.
    _h, _f, sentence, _t, style = update_comparison(
        None, values(region="SA", group="newcomers", share="25"), "-group", False, "en", FILTER_IDS
    )
    assert "only 1 event" in sentence and style == {}


def test_the_choices_follow_the_filters(posted):
    row = update_choices(values(group="women", share="25"), "en", FILTER_IDS, None)
    buttons = {b.id["code"]: b for b in row.children[1:]}
    assert list(buttons)[:2] == ["-group", "all"]
    assert buttons["-group"].children == "Without: Women ≥ 25%"
    assert getattr(buttons["-group"], "aria-pressed") == "false"
    # A choice the filters no longer offer stays, pressed, so that a click clears it.
    row = update_choices(values(), "en", FILTER_IDS, "-group")
    buttons = {b.id["code"]: b for b in row.children[1:]}
    assert next(iter(buttons)) == "-group" and getattr(buttons["-group"], "aria-pressed") == "true"
    assert "all" not in buttons
