"""Individual contributions end to end, on SQLite and PostgreSQL: stored apart from the events'
reports (``/api/v1/summary`` never moves because of them), idempotent, reviewed like reports
when auto-publish is off, and shown by the dashboard's switch and the planning column."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select, text

from data.aggregates.queries import data_version
from data.contributions import model as contributions
from data.contributions.model import Contribution
from data.db import EXTENSION_KEY
from data.models import Report
from tests.conftest import make_app, sign_in


def contribution(**changes):
    body = {
        "client_id": str(uuid.uuid4()),
        "community": "Wiki Loves Folklore volunteers",
        "initiatives": [{"code": "I02", "why": "Funding"}, {"code": "I25", "why": ""}],
        "recommendations": [{"code": "R1", "why": "Sustainability"}],
    }
    return body | changes


def empty(db) -> None:
    """PostgreSQL keeps rows between tests: the contributions' tables start empty, and
    auto-publish follows the app's configuration (no setting left by another test)."""
    with db.session() as session:
        for table in ("contribution_initiatives", "contribution_recommendations", "contributions"):
            session.execute(text(f"DELETE FROM {table}"))
        session.execute(text("DELETE FROM settings WHERE key = 'auto_publish'"))


@pytest.fixture
def fresh(db):
    empty(db)
    yield db
    empty(db)


def version(db) -> int:
    with db.session(readonly=True) as session:
        return data_version(session)[0]


def test_contributions_are_stored_apart_from_the_events(client, fresh, report):
    db = fresh
    assert client.post("/api/v1/reports", json=report()).status_code == 201
    before = client.get("/api/v1/summary").get_json()
    start = version(db)

    body = contribution()
    first = client.post("/api/v1/contributions", json=body)
    again = client.post("/api/v1/contributions", json=body)
    assert first.status_code == 201 and first.get_json()["status"] == "published"
    assert again.status_code == 200 and again.get_json()["id"] == first.get_json()["id"]
    client.post("/api/v1/contributions", json=contribution(community="", recommendations=[]))

    after = client.get("/api/v1/summary").get_json()
    assert version(db) == start + 2  # each stored contribution moves the data version once
    assert {k: v for k, v in after.items() if k != "version"} == {
        k: v for k, v in before.items() if k != "version"
    }
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count(Report.id))) == 1
        assert session.scalar(select(func.count(Contribution.id))) == 2

    counts = client.get("/api/v1/contributions/summary").get_json()
    assert counts["contributions"] == 2 and counts["communities"] == 1
    assert {i["code"]: (i["picks"], i["with_reason"]) for i in counts["initiatives"]} == {
        "I02": (2, 2),
        "I25": (2, 0),
    }
    assert counts["recommendations"] == [{"code": "R1", "picks": 1}]


def test_invalid_contributions_get_translated_messages(client, fresh):
    answer = client.post(
        "/api/v1/contributions",
        json=contribution(initiatives=[{"code": "I99"}], email="a@b.org"),
        headers={"Accept-Language": "fr"},
    )
    assert answer.status_code == 422
    errors = answer.get_json()["errors"]
    assert set(errors) == {"initiatives.0", "email"}
    assert errors["initiatives.0"] != "Choose a value from the list."
    assert client.post("/api/v1/contributions", data="x").status_code == 422


def test_pending_until_the_support_team_publishes(client, fresh, accounts):
    from data.support.audit import AuditLog
    from data.support.settings import AUTO_PUBLISH, set_setting

    with fresh.session() as session:
        set_setting(session, AUTO_PUBLISH, "0", accounts["admin"])
    ids = [
        client.post("/api/v1/contributions", json=contribution()).get_json()["id"] for _ in range(2)
    ]
    with fresh.session(readonly=True) as session:
        assert contributions.pending(session) == 2
    assert client.get("/api/v1/contributions/summary").get_json()["contributions"] == 0
    assert client.get("/api/v1/contributions/pending").status_code == 401

    sign_in(client, "rita@example.org")
    waiting = client.get("/api/v1/contributions/pending").get_json()["contributions"]
    assert [c["id"] for c in waiting] == ids and "email" not in waiting[0]
    start = version(fresh)
    review = "/api/v1/contributions/review"
    assert client.post(review, json={"ids": ids, "decision": "x"}).status_code == 422
    published = client.post(review, json={"ids": [ids[0]], "decision": "publish"})
    rejected = client.post(review, json={"ids": ids, "decision": "reject"})
    assert published.get_json() == {"decided": [ids[0]]}
    assert rejected.get_json() == {"decided": [ids[1]]}  # a decided one stays decided
    assert version(fresh) == start + 2
    assert client.get("/api/v1/contributions/summary").get_json()["contributions"] == 1
    with fresh.session(readonly=True) as session:
        actions = list(
            session.scalars(select(AuditLog.action).where(AuditLog.action.like("contribution_%")))
        )
    assert sorted(actions) == ["contribution_publish", "contribution_reject"]


def test_rate_limited_like_reports(sqlite_url):
    app = make_app(sqlite_url, SUBMIT_RATE_LIMIT="2 per minute")
    client = app.server.test_client()
    try:
        codes = [
            client.post("/api/v1/contributions", json=contribution()).status_code for _ in range(3)
        ]
        assert codes == [201, 201, 429]
        # Counted apart: reports from the same address are not refused because of them.
        assert client.get("/api/v1/summary").status_code == 200
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()


def test_the_form_stores_once_and_the_switch_shows_the_counts(app, fresh):
    from dashboard.contributions.callbacks import show_contributions
    from intake.contribute import ids
    from intake.contribute.callbacks import submit_contribution
    from intake.contribute.model import field_names

    names = field_names()
    values = {"initiative_1": "I31", "initiative_1_why": "skills", "community": "Kenya"}
    field_values = [values.get(n) for n in names]
    field_ids = [ids.field_id(n) for n in names]
    message_ids = [ids.message_id(n) for n in names]
    client_id = str(uuid.uuid4())
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        bad = submit_contribution(1, [None] * len(names), client_id, "en", field_ids, message_ids)
        assert bad[4] is False and "has-error" in bad[1][names.index("initiative_1")]
        # The summary links each error to its field by the field's label.
        from components.fields import labels_in
        from intake.contribute.layout import form

        label = labels_in(form(), ids.WRAP)["initiative_1"]
        assert f"{label}: " in str(bad[2])
        for attempt in (1, 2):
            out = submit_contribution(
                attempt, field_values, client_id, "en", field_ids, message_ids
            )
            assert out[4] is True and "contrib-confirmation" in str(out[3])
        hidden, figure, summary, table = show_contributions(True, 1, "en")
        assert show_contributions(False, 1, "en")[0] is True
    assert hidden is False
    assert list(figure.data[0].x) == [1]
    assert "Individual contributions (not events): 1;" in summary
    assert "Global approach for local skill development" in str(table)
    with fresh.session(readonly=True) as session:
        assert session.scalar(select(func.count(Contribution.id))) == 1


def test_the_planning_column_needs_a_session(app, fresh, accounts, client):
    from flask_login import login_user

    from dashboard.auth.login import SupportUser
    from dashboard.contributions.callbacks import plan_contributions

    client.post("/api/v1/contributions", json=contribution())
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        assert plan_contributions(True, [], None, None, "en", []) is None
        login_user(SupportUser(accounts["reviewer"]))
        shown = str(plan_contributions(True, [], None, None, "en", []))
        assert plan_contributions(False, [], None, None, "en", []) is None
    assert "Individual contributions" in shown and "Funding for underrepresented" in shown


def ids_in(component) -> list:
    found = [getattr(component, "id", None)]
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            found += ids_in(child)
    return found


def test_the_page_asks_nothing_personal(app, client):
    from intake.contribute import ids
    from intake.contribute.model import field_names
    from intake.contribute.page import layout

    assert client.get("/fr/contribute").status_code == 200
    with app.server.test_request_context("/fr/contribute"):
        tree = layout("fr")
    fields = [i["name"] for i in ids_in(tree) if isinstance(i, dict) and i["type"] == ids.FIELD]
    # The picks, their reasons and an optional community: no name, e-mail or demographics.
    assert fields == field_names()
