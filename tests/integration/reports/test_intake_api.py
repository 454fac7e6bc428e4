"""The intake API's guarantees on SQLite and PostgreSQL: edit links, possible duplicates, the
public report list, size and rate limits, an unavailable database."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import create_engine, select

from data.db import EXTENSION_KEY
from data.models import Report
from data.reference import reference
from data.reports.write import token_hash
from intake.report.spreadsheets import template_columns
from tests.conftest import make_app


def test_post_gives_an_edit_link_whose_token_is_stored_only_hashed(client, db, report):
    body = client.post("/api/v1/reports", json=report()).get_json()
    assert body["edit_url"].startswith("http://localhost/en/report/edit/")
    token = body["edit_url"].rsplit("/", 1)[1]
    assert len(token) >= 43  # 32 random bytes
    with db.session(readonly=True) as session:
        row = session.get(Report, body["id"])
        assert row.edit_token_hash == token_hash(token)
        assert token not in {str(getattr(row, c.key)) for c in Report.__table__.columns}


def test_edit_link_language_follows_accept_language(client, report):
    body = client.post("/api/v1/reports", json=report(), headers={"Accept-Language": "fr"})
    assert "/fr/report/edit/" in body.get_json()["edit_url"]


def test_same_event_twice_is_stored_and_flagged_never_blocked(client, db, report):
    first = client.post("/api/v1/reports", json=report()).get_json()
    # Co-organizer: other case, accents, punctuation and spacing; the next day.
    again = report(event_name="  WIKIMÉDIA kenya — Strategy  salon! ", event_date="2020-10-04")
    second = client.post("/api/v1/reports", json=again)
    assert second.status_code == 201
    assert second.get_json()["possible_duplicate_of"] == {
        "id": first["id"],
        "event_name": "Wikimedia Kenya strategy salon",
    }
    # A retry of the flagged one still names the earlier report.
    assert client.post("/api/v1/reports", json=again).get_json()["possible_duplicate_of"]
    # Two days from both, another country, another name: not flagged.
    for other in (
        report(event_date="2020-10-06"),
        report(country="UG"),
        report(event_name="Wikimedia Kenya strategy salon II"),
    ):
        assert "possible_duplicate_of" not in client.post("/api/v1/reports", json=other).get_json()
    with db.session(readonly=True) as session:
        flagged = session.scalars(select(Report).where(Report.possible_duplicate_of.is_not(None)))
        assert [(r.id, r.possible_duplicate_of) for r in flagged] == [
            (second.get_json()["id"], first["id"])
        ]
        keys = set(session.scalars(select(Report.event_key)))
        assert "wikimedia kenya strategy salon" in keys
    # Four published; the flagged copy waits for a reviewer even with auto-publish on.
    assert client.get("/api/v1/summary").get_json()["events"] == 4
    assert client.get(f"/api/v1/reports/{second.get_json()['id']}").status_code == 404


def test_public_list_has_public_fields_only_and_suppresses_small_counts(client, report):
    payload = report()
    payload["attendees"] = "Jane Doe, John Roe"
    client.post("/api/v1/reports", json=payload)
    response = client.get("/api/v1/reports")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    for private in ("amina@example.org", "Amina", "Jane Doe", "/report/edit/", "client_id"):
        assert private not in text
    listed = response.get_json()["reports"][0]
    groups = listed["participants"]["groups"]
    assert groups["lgbtq"] == {"count": None, "suppressed": True}  # 2 people
    assert groups["women"] == {"count": 15, "suppressed": False}
    assert groups["indigenous"] == {"count": 0, "suppressed": False}
    assert [p["code"] for p in listed["priorities"]] == ["I02", "I31", "I25"]
    one = client.get(f"/api/v1/reports/{listed['id']}").get_json()
    assert one == listed
    assert client.get("/api/v1/reports/999").status_code == 404


def test_public_list_filters_paginates_and_hides_unpublished(app, client, report):
    for n in range(5):
        client.post("/api/v1/reports", json=report(event_name=f"Salon {n}"))
    client.post("/api/v1/reports", json=report(country="IN", event_name="Delhi"))
    app.server.config["AUTO_PUBLISH"] = False
    client.post("/api/v1/reports", json=report(event_name="Waiting for review"))

    first = client.get("/api/v1/reports?per_page=2&country=ke")
    body = first.get_json()
    assert (body["total"], body["page"], len(body["reports"])) == (5, 1, 2)
    assert first.headers["Link"] == f'<{body["next"]}>; rel="next"'
    assert "country=ke" in body["next"] and "page=2" in body["next"]
    names = []
    url = "/api/v1/reports?per_page=2&country=ke"
    while url:
        page = client.get(url).get_json()
        names += [r["event_name"] for r in page["reports"]]
        url = page["next"] and page["next"].replace("http://localhost", "")
    assert names == [f"Salon {n}" for n in range(5)]
    assert client.get("/api/v1/reports").get_json()["total"] == 6  # pending is not public
    assert client.get("/api/v1/reports?format=in_person").get_json()["total"] == 0
    bad = client.get("/api/v1/reports?per_page=501&page=0&region=MOON")
    assert bad.status_code == 422
    assert set(bad.get_json()["errors"]) == {"per_page", "page", "region"}


def test_csv_export_streams_every_match_with_formulas_neutralized(client, report):
    payload = report(event_name='=HYPERLINK("http://evil")', notes="@SUM(A1)")
    payload["priorities"][0]["why"] = "+1 for hubs"
    payload["global_coordination"] = ["I22", {"code": "I25", "why": "Hubs need it"}]
    client.post("/api/v1/reports", json=payload)
    client.post("/api/v1/reports", json=report(country="IN"))
    response = client.get("/api/v1/reports?format=csv&format=virtual&country=KE")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 1
    row = rows[0]
    assert row["event_name"] == '\'=HYPERLINK("http://evil")'
    assert row["notes"] == "'@SUM(A1)"
    assert row["priority_1_why"] == "'+1 for hubs"
    # The fixture's initiatives are an unranked set, one row per distinct reason.
    assert (row["priorities_ranked"], row["priority_1"], row["priority_2"]) == (
        "unranked",
        "I02",
        "I31",
    )
    assert row["global_coordination"] == "I22 I25"
    assert row["global_coordination_why"] == "Hubs need it"
    assert (row["participants_total"], row["participants_precision"]) == ("34", "exact")
    assert row["lgbtq"] == "suppressed" and row["women"] == "15"
    assert "organizer_email" not in row and "attendees" not in row


def test_templates_have_the_import_columns(client):
    from openpyxl import load_workbook

    header = client.get("/api/v1/reports/template.csv").get_data(as_text=True).strip()
    assert header.startswith("event_name,event_date,format,part_2_date,part_2_format")
    columns = header.split(",")
    assert columns == template_columns(reference())
    for name in (
        "priority_10_why",
        "priorities_ranked",
        "recommendation_5",
        "participants_precision",
        "part_4_format",
        "continues",
        "co_organizers",
        "global_coordination_why",
        "organizer_email",
    ):
        assert name in columns
    xlsx = client.get("/api/v1/reports/template.xlsx?lang=fr")
    book = load_workbook(io.BytesIO(xlsx.data))
    assert [c.value for c in book["reports"][1]] == header.split(",")
    codes = {(r[0], r[1]): r[2] for r in book["codes"].iter_rows(min_row=2, values_only=True)}
    assert codes[("format", "virtual")] not in ("", "Virtual (video call)")  # in French


def test_openapi_describes_every_endpoint_from_the_models(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    assert {"/api/v1/reports", "/api/v1/reference", "/api/v1/summary", "/api/v1/version"} <= set(
        doc["paths"]
    )
    assert set(doc["paths"]["/api/v1/reports"]) == {"get", "post"}
    report_in = doc["components"]["schemas"]["ReportIn"]
    # Neither list is required alone (a report needs one of them), nor attendance.
    assert set(report_in["required"]) == {"client_id", "event_name", "organizer"}
    assert report_in["properties"]["organizer"] == {"$ref": "#/components/schemas/Organizer"}
    props = report_in["properties"]
    for name in ("sessions", "co_organizers", "continues", "priorities", "global_coordination"):
        assert props[name]["description"]
    schemas = doc["components"]["schemas"]
    assert set(schemas["Choice"]["properties"]) == {"code", "rank", "why"}
    assert schemas["Participants"]["properties"]["total_precision"]["enum"] == [
        "exact",
        "about",
        "at_least",
    ]
    assert {"type": "string", "maxLength": 3} in props["global_coordination"]["items"]["anyOf"]
    summary = schemas["Summary"]["properties"]
    assert {"global_coordination", "lower_bound_events"} <= set(summary)
    assert schemas["SummaryPriority"]["properties"]["points"]["type"] == "number"
    public = schemas["PublicReport"]["properties"]
    assert {"sessions", "co_organizers", "continues"} <= set(public)


def test_openapi_describes_exactly_the_routes_under_api_v1(app, client):
    """Every /api/v1 route and method is described, and nothing is described that is not a
    route: the description is compared with Flask's URL map, not with a hand-picked list."""
    doc = client.get("/api/v1/openapi.json").get_json()
    routes = {
        (re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.server.url_map.iter_rules()
        if rule.rule.startswith("/api/v1/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    described = {(path, method) for path, item in doc["paths"].items() for method in item}
    assert described == routes
    # The support team's routes need the session cookie and say what happens without it.
    scheme = doc["components"]["securitySchemes"]["session"]
    assert (scheme["type"], scheme["in"]) == ("apiKey", "cookie")
    for path in ("/api/v1/export", "/api/v1/plan", "/api/v1/plan/draft"):
        assert doc["paths"][path]["get"]["security"] == [{"session": []}]
        assert "401" in doc["paths"][path]["get"]["responses"]
        assert client.get(path).status_code == 401
    users = doc["paths"]["/api/v1/users"]["post"]
    assert {"201", "401", "403", "409", "422"} <= set(users["responses"])
    assert client.post("/api/v1/users", json={}).get_json() == {"error": "authentication required"}


def test_too_large_a_body_is_a_json_413(client):
    response = client.post(
        "/api/v1/reports", data="[" + "1," * 200_000 + "1]", content_type="application/json"
    )
    assert response.status_code == 413
    assert "report" in response.get_json()["errors"]


@pytest.fixture
def down(app, db):
    """The database becomes unreachable: the engine points at a file that cannot be opened."""
    working = db.engine
    db.bind(create_engine("sqlite:////nonexistent/folder/priorities.db"))
    yield
    db.engine.dispose()
    db.bind(working)


def test_unavailable_database_is_a_503_with_retry_after(client, report, down):
    response = client.post("/api/v1/reports", json=report())
    assert response.status_code == 503
    # At least 30 s (the rate limiter may set a later time: its window's reset).
    assert int(response.headers["Retry-After"]) >= 30
    assert "database" in response.get_json()["errors"]
    assert client.get("/api/v1/reports").status_code == 503
    assert client.get("/api/v1/reports?format=csv").status_code == 503


def test_rate_limit_answers_429_past_the_limit(sqlite_url, report):
    app = make_app(sqlite_url, SUBMIT_RATE_LIMIT="3 per minute")
    client = app.server.test_client()
    try:
        # Four different events (a repeated one would wait for review: data.publishing).
        codes = [
            client.post("/api/v1/reports", json=report(event_name=f"Salon {n}")).status_code
            for n in range(4)
        ]
        assert codes == [201, 201, 201, 429]
        refused = client.post("/api/v1/reports", json=report())
        assert refused.status_code == 429
        assert refused.headers["Retry-After"]
        assert "report" in refused.get_json()["errors"]
        assert client.get("/api/v1/summary").get_json()["events"] == 3
        # The form shares the limit (same address): its submission is refused and kept.
        from tests.unit.reports.test_intake_form import submit_form

        with app.server.test_request_context("/_dash-update-component", method="POST"):
            _, _, notice, _result, hidden = submit_form()
        assert "report-rate-limited" in str(notice) and hidden is False
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()


def test_edit_page_is_private_and_a_wrong_token_is_a_404(app, client, report):
    from intake.report.page import edit_layout

    url = client.post("/api/v1/reports", json=report()).get_json()["edit_url"]
    token = url.rsplit("/", 1)[1]
    page = client.get(f"/en/report/edit/{token}")
    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["Cache-Control"] == "no-store"
    assert client.get("/en/report/edit/wrong-token").status_code == 404
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        found = str(edit_layout("en", token))
        missing = str(edit_layout("en", "wrong-token"))
    assert "Wikimedia Kenya strategy salon" in found and "Funding reaches us rarely" in found
    assert "report-edit-missing" in missing and "Kenya" not in missing


def _token(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_a_resend_never_replaces_the_first_edit_link(client, db, report):
    """Sending a report's client_id again (a retry, or anyone who learnt it) stores nothing new
    and hands out no new link: the organizer's first link keeps working."""
    payload = report()
    first = client.post("/api/v1/reports", json=payload).get_json()
    token = _token(first["edit_url"])
    again = client.post("/api/v1/reports", json=payload)
    assert again.status_code == 200
    assert again.get_json() == {"id": first["id"], "status": "published", "edit_url": None}
    changed = client.post("/api/v1/reports", json={**payload, "event_name": "Renamed"})
    assert (changed.status_code, changed.get_json()["edit_url"]) == (200, None)
    with db.session(readonly=True) as session:
        row = session.get(Report, first["id"])
        assert (row.event_name, row.edit_token_hash) == ("Renamed", token_hash(token))
    assert client.get(f"/en/report/edit/{token}").status_code == 200


@pytest.mark.parametrize(
    "client_id",
    ["00000000-0000-0000-0000-000000000000", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"],
)
def test_a_predictable_client_id_is_refused_and_nothing_stored(client, report, client_id):
    response = client.post("/api/v1/reports", json=report(client_id=client_id))
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"client_id"}
    assert client.get("/api/v1/summary").get_json()["events"] == 0


def test_the_edit_page_does_not_hand_out_the_reports_client_id(app, client, report):
    from intake.report.page import edit_layout

    payload = report()
    token = _token(client.post("/api/v1/reports", json=payload).get_json()["edit_url"])
    assert payload["client_id"] not in client.get(f"/en/report/edit/{token}").get_data(as_text=True)
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        page = str(edit_layout("en", token))
    assert "Wikimedia Kenya strategy salon" in page
    assert payload["client_id"] not in page


def test_the_duplicate_notice_names_only_a_published_report(app, client, db, report):
    """A pending (or rejected) report's name and number are not public: the submitter of a
    look-alike is told nothing of it, while the reviewers still see the flag."""
    app.server.config["AUTO_PUBLISH"] = False
    pending = client.post("/api/v1/reports", json=report(event_name="Secret salon")).get_json()
    second = client.post("/api/v1/reports", json=report(event_name="SECRET salon!"))
    assert second.status_code == 201
    assert "possible_duplicate_of" not in second.get_json()
    with db.session() as session:
        flagged = session.get(Report, second.get_json()["id"])
        assert flagged.possible_duplicate_of == pending["id"]
        # Once the first is published, a look-alike is told of it.
        session.get(Report, pending["id"]).status = "published"
    third = client.post("/api/v1/reports", json=report(event_name="Secret Salon"))
    assert third.get_json()["possible_duplicate_of"] == {
        "id": pending["id"],
        "event_name": "Secret salon",
    }
