"""The dashboard's figures are built as plain dicts (plotly's validation cost most of a cold
answer): each must be exactly what plotly makes of it, so a misspelt property or a value plotly
would change fails here rather than in a browser."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest
from flask_babel import force_locale
from flask_babel import format_decimal as babel_format_decimal
from plotly.io.json import to_json_plotly

from components.charts import data_table, figure, styled, table_json
from components.figure_parts import format_decimal
from dashboard.home import activity, figures, heatmaps, map_figure
from data.aggregates.insights import insights
from data.aggregates.queries import Filters, Insights, Summary
from data.db import EXTENSION_KEY
from data.i18n import available
from intake.cli.commands import load_demo


def as_json(fig) -> dict:
    return json.loads(to_json_plotly(fig))


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    from app import create_app
    from data.migrate import upgrade

    url = f"sqlite:///{tmp_path_factory.mktemp('figures')}/test.db"
    upgrade(url)
    app = create_app(
        {"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "test", "AUTO_PUBLISH": True}
    )
    db = app.server.extensions[EXTENSION_KEY]
    with app.server.test_request_context("/"):
        load_demo(db, n=40, seed=3)
        with db.session(readonly=True) as session:
            found = insights(session, Filters())
        yield app, found
    db.engine.dispose()


def charts(data: Insights, rtl: bool, compact: bool):
    yield map_figure.world_map(data, "events", "country", rtl)
    yield map_figure.world_map(data, "participants", "region", rtl)
    yield map_figure.world_map(data, "recommendation", "country", rtl)
    yield figures.ranking(data.summary, rtl, "events", compact)
    yield figures.ranking(data.summary, rtl, "participants", compact)
    yield figures.recommendations(data.summary, rtl, compact)
    yield heatmaps.region_heatmap(data, rtl, compact)
    yield heatmaps.group_participation(data, 5, rtl, compact)
    yield activity.over_time(data, rtl)
    yield activity.languages(data, rtl, compact)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("empty", [False, True])
def test_every_figure_is_what_plotly_makes_of_it(data, lang, compact, empty):
    app, found = data
    with app.server.test_request_context("/"), force_locale(lang):
        for chart in charts(Insights(Summary()) if empty else found, lang == "ar", compact):
            assert isinstance(chart.figure, dict)
            assert as_json(go.Figure(chart.figure)) == as_json(chart.figure)


@pytest.mark.parametrize("rtl", [False, True])
def test_the_dict_look_is_the_look_of_styled(rtl):
    assert as_json(figure([], rtl, 300)) == as_json(styled(go.Figure(), rtl, 300))


def test_a_table_as_json_is_the_data_table_dash_would_send():
    columns, rows = ["Country", "Events"], [["Kenya", "1,234"], ["Nepal", 5], []]
    assert table_json(columns, rows) == as_json(data_table(columns, rows, scroll=False))
    assert table_json([], []) == as_json(data_table([], [], scroll=False))


@pytest.mark.parametrize("lang", [*available(), "pt_BR", "zh_Hant"])
def test_whole_numbers_are_grouped_as_babel_groups_them(data, lang):
    app, _found = data
    samples = [0, 7, 12, 999, 1_000, 12_345, 123_456, 1_234_567, 10**9 + 7, -1_234, 0.5, 1234.5]
    with app.server.test_request_context("/"), force_locale(lang):
        for value in samples:
            assert format_decimal(value) == babel_format_decimal(value), (lang, value)
        assert format_decimal(1234.5, format="#,##0.00") == babel_format_decimal(
            1234.5, format="#,##0.00"
        )
