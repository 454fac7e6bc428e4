"""Planning callbacks: thin wrappers around ``data.overlap.analysis``; each refuses without a
session."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, html
from dash.exceptions import PreventUpdate
from flask import current_app
from flask_babel import force_locale, format_date, format_decimal, ngettext
from flask_babel import gettext as _

from components import ids as shell_ids
from components.charts import data_table
from components.planning import PLAN_DATES, PLAN_FILTER, to_filters
from components.wiring import each
from dashboard.auth.guards import account, require
from dashboard.plan import figures as plan_figures
from dashboard.plan import ids
from data import i18n
from data.db import current_db
from data.overlap import analysis as overlap
from data.support.plan import plan_items, remove_plan_item, save_plan_item
from data.support.review import ReviewError

FILTER = {"type": PLAN_FILTER, "name": ALL}


def update_plan(values, start, end, share_group, lang, filter_ids):
    """Metrics table, overlap heatmap, pairs and gaps for the filters."""
    require()
    lang = i18n.normalize(lang)
    filters = to_filters(values, filter_ids, start, end)
    with current_db().session(readonly=True) as session:
        metrics = overlap.initiatives(session, filters)
        cells = overlap.region_matrix(session, filters)
        pairs = overlap.pairs(session, filters)
        gaps = overlap.gaps(session, filters)
    group = filters.group or share_group
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    with force_locale(lang):
        table = (
            data_table(
                plan_figures.metrics_columns(group),
                plan_figures.metrics_rows(metrics, group, threshold),
            )
            if metrics
            else html.P(_("No published report matches these filters."))
        )
        chart = plan_figures.heatmap(cells, metrics, i18n.is_rtl(lang))
        pair_table = data_table(
            [_("Initiative"), _("Chosen together with"), _("Events")],
            plan_figures.pair_rows(pairs),
        )
        rows = plan_figures.gap_rows(gaps, threshold)
        gap_view = html.Div(
            [
                html.P(
                    _(
                        "Thin: fewer than %(events)d events, or a group under %(share)d%% of "
                        "the participants of the events that counted it.",
                        events=overlap.THIN_EVENTS,
                        share=round(overlap.THIN_SHARE * 100),
                    ),
                    className="small text-body-secondary",
                ),
                html.H3(_("By region"), className="h6"),
                data_table([_("Region"), _("Events"), _("Participants"), ""], rows["regions"]),
                html.H3(_("By language"), className="h6 mt-3"),
                data_table([_("Language"), _("Events"), _("Participants"), ""], rows["languages"]),
                html.H3(_("Counted groups"), className="h6 mt-3"),
                data_table([_("Group"), _("Events"), _("Share"), ""], rows["groups"]),
            ]
        )
        return (
            table,
            chart.figure,
            chart.summary,
            data_table(chart.columns, chart.rows),
            pair_table,
            gap_view,
        )


def show_sources(code, values, start, end, lang, filter_ids):
    """The events that prioritized the chosen initiative, with their reasons."""
    require()
    lang = i18n.normalize(lang)
    with force_locale(lang):
        if not code:
            return html.P(_("Choose an initiative in the draft plan box."), className="small")
        filters = to_filters(values, filter_ids, start, end)
        with current_db().session(readonly=True) as session:
            found = overlap.provenance(session, code, filters)
        if not found:
            return html.P(_("No published event chose this initiative."), className="small")
        return html.Ol(
            [
                html.Li(
                    [
                        html.A(f"#{p.report_id}", href=f"/{lang}/review/{p.report_id}"),
                        " ",
                        html.Strong(p.event_name, dir="auto"),
                        f" · {format_date(p.event_date)} · {i18n.region(p.region)} · ",
                        _("rank %(rank)d", rank=p.rank) if p.rank else _("unranked"),
                        " · ",
                        ngettext(
                            "%(count)s participant",
                            "%(count)s participants",
                            p.participants,
                            count=format_decimal(p.participants),
                        )
                        if p.participants is not None
                        else _("participants not given"),
                        html.Blockquote(p.why, className="mb-1 ms-2 fst-italic", dir="auto")
                        if p.why
                        else None,
                    ],
                    className="small mb-2",
                )
                for p in found
            ],
            id="plan-source-list",
        )


def edit_plan(_add, _remove, code, note, owner, refresh, lang):
    require()
    trigger = ctx.triggered_id
    with force_locale(i18n.normalize(lang)):
        try:
            with current_db().session() as session:
                if trigger == ids.PLAN_ADD:
                    if not code:
                        return _("Choose an initiative first."), refresh
                    save_plan_item(
                        session, code, (note or "").strip(), (owner or "").strip(), account()
                    )
                    message = _("Saved on the plan.")
                elif isinstance(trigger, dict) and trigger.get("type") == ids.PLAN_REMOVE:
                    if not any(v for v in (_remove or [])):
                        raise PreventUpdate
                    remove_plan_item(session, trigger["code"], account())
                    message = _("Removed from the plan.")
                else:
                    raise PreventUpdate
        except ReviewError as error:
            return _("The change was not saved: %(error)s", error=str(error)), refresh
        return message, (refresh or 0) + 1


def render_draft(_refresh, lang):
    require()
    with current_db().session(readonly=True) as session:
        items = plan_items(session)
        lines = {line.code: line for line in overlap.plan_lines(session)}
    with force_locale(i18n.normalize(lang)):
        if not items:
            return html.P(_("No initiative is on the shortlist yet."), className="small")
        return dbc.ListGroup(
            [
                dbc.ListGroupItem(
                    [
                        html.Div(html.Strong(i18n.initiative(item.code))),
                        html.Div(
                            _(
                                "Owner: %(owner)s · %(events)d events",
                                owner=item.owner or "–",
                                events=lines[item.code].events if item.code in lines else 0,
                            ),
                            className="small",
                        ),
                        html.Div(item.note, className="small text-break"),
                        dbc.Button(
                            _("Remove"),
                            id={"type": ids.PLAN_REMOVE, "code": item.code},
                            size="sm",
                            color="link",
                            className="p-0",
                        ),
                    ]
                )
                for item in items
            ],
            id="plan-draft-list",
        )


def register(app) -> None:
    dates = (Input(PLAN_DATES, "start_date"), Input(PLAN_DATES, "end_date"))
    narrowing = [Input(FILTER, "value"), *dates]  # what every view of the plan is narrowed by
    lang = State(shell_ids.LANG, "data")
    app.callback(
        [Output(ids.PLAN_TABLE, "children"), Output(ids.PLAN_HEATMAP, "figure")],
        each(Output, "children", ids.PLAN_HEATMAP_SUMMARY, ids.PLAN_HEATMAP_TABLE),
        each(Output, "children", ids.PLAN_PAIRS, ids.PLAN_GAPS),
        [*narrowing, Input(ids.PLAN_SHARE_GROUP, "value")],
        [lang, State(FILTER, "id")],
    )(update_plan)
    app.callback(
        Output(ids.PLAN_SOURCES, "children"),
        [Input(ids.PLAN_SOURCE, "value"), *narrowing],
        [lang, State(FILTER, "id")],
    )(show_sources)
    # Add or remove, then redraw the draft: the refresh counter is bumped after every change.
    app.callback(
        [Output(ids.PLAN_FEEDBACK, "children"), Output(ids.PLAN_REFRESH, "data")],
        [
            Input(ids.PLAN_ADD, "n_clicks"),
            Input({"type": ids.PLAN_REMOVE, "code": ALL}, "n_clicks"),
        ],
        each(State, "value", ids.PLAN_SOURCE, ids.PLAN_NOTE, ids.PLAN_OWNER),
        [State(ids.PLAN_REFRESH, "data"), lang],
        prevent_initial_call=True,
    )(edit_plan)
    app.callback(Output(ids.PLAN_DRAFT, "children"), Input(ids.PLAN_REFRESH, "data"), lang)(
        render_draft
    )
