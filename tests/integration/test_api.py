"""The JSON API on SQLite and on PostgreSQL (the ``database_url`` fixture runs both)."""

import pytest


def test_post_creates_then_same_client_id_returns_the_first(client, report):
    payload = report()
    first = client.post("/api/v1/reports", json=payload)
    assert first.status_code == 201
    body = first.get_json()
    assert body["status"] == "published"
    assert set(body) == {"id", "status", "edit_url"}
    again = client.post("/api/v1/reports", json=payload)
    assert again.status_code == 200
    assert again.get_json()["id"] == body["id"]
    assert client.get("/api/v1/summary").get_json()["events"] == 1
    # Sent again with other content: still the one report, which takes the change.
    changed = client.post("/api/v1/reports", json={**payload, "event_name": "Renamed salon"})
    assert (changed.status_code, changed.get_json()["id"]) == (200, body["id"])
    listed = client.get("/api/v1/reports").get_json()["reports"]
    assert [r["event_name"] for r in listed] == ["Renamed salon"]


def test_invalid_report_gets_422_with_one_error_per_field(client, report):
    payload = report(event_name="", format="fax")
    payload["participants"]["women"] = 99
    response = client.post("/api/v1/reports", json=payload)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert set(errors) == {"event_name", "format", "participants.women"}
    assert client.get("/api/v1/summary").get_json()["events"] == 0


def test_body_that_is_not_a_json_object(client):
    response = client.post("/api/v1/reports", data="nope", content_type="text/plain")
    assert response.status_code == 422
    assert "report" in response.get_json()["errors"]


def test_summary_reflects_posted_reports_with_borda_points(client, report):
    client.post("/api/v1/reports", json=report())
    other = report(country="IN", format="in_person", themes=["gender"])
    other["participants"] = {"total": 10, "women": 6}
    other["priorities"] = [{"code": "I31"}, {"code": "I02"}]
    other["recommendations"] = [{"code": "R6"}]
    client.post("/api/v1/reports", json=other)

    body = client.get("/api/v1/summary").get_json()
    assert body["events"] == 2
    assert body["participants"] == 44
    assert body["countries"] == 2
    points = {p["code"]: p for p in body["priorities"]}
    # Kenya ranks I02, I31, I25 (5, 4, 3 points); India ranks I31, I02 (5, 4 points).
    assert points["I31"]["points"] == 9 and points["I31"]["mentions"] == 2
    assert points["I02"]["points"] == 9 and points["I02"]["first_choices"] == 1
    assert points["I25"]["points"] == 3
    assert points["I31"]["regions"] == 2
    # Participant-weighted: (4 × 34 + 5 × 10) / 44
    assert points["I31"]["weighted_score"] == pytest.approx(186 / 44, abs=1e-4)
    recs = {r["code"]: r for r in body["recommendations"]}
    assert recs["R6"] == {"code": "R6", "mentions": 2, "points": 5}
    assert {r["region"]: r["events"] for r in body["by_region"]} == {"SSA": 1, "SA": 1}
    # Group totals: women 15 + 6 of 44.
    women = {"count": 21, "share": round(21 / 44, 4), "suppressed": False, "events_left_out": 0}
    assert body["groups"]["women"] == women
    # lgbtq 2 (of 34) is hidden in its event's record, so it adds nothing to the total.
    lgbtq = {"count": 0, "share": 0.0, "suppressed": False, "events_left_out": 1}
    assert body["groups"]["lgbtq"] == lgbtq

    india = client.get("/api/v1/summary?country=IN").get_json()
    assert india["events"] == 1 and india["participants"] == 10
    assert client.get("/api/v1/summary?region=ssa").get_json()["events"] == 1
    assert client.get("/api/v1/summary?theme=gender").get_json()["events"] == 1
    assert client.get("/api/v1/summary?group=newcomers").get_json()["events"] == 1
    assert client.get("/api/v1/summary?format=in_person").get_json()["events"] == 1
    assert client.get("/api/v1/summary?from=2020-10-04").get_json()["events"] == 0
    bad = client.get("/api/v1/summary?from=yesterday&region=MOON")
    assert bad.status_code == 422 and set(bad.get_json()["errors"]) == {"from", "region"}


def test_public_outputs_never_carry_contact_details(client, report):
    client.post("/api/v1/reports", json=report())
    text = client.get("/api/v1/summary").get_data(as_text=True)
    assert "amina@example.org" not in text and "Amina" not in text


def test_version_moves_with_each_write_and_answers_304(client, report):
    first = client.get("/api/v1/version")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=1"
    etag = first.headers["ETag"]
    assert client.get("/api/v1/version", headers={"If-None-Match": etag}).status_code == 304
    client.post("/api/v1/reports", json=report())
    second = client.get("/api/v1/version", headers={"If-None-Match": etag})
    assert second.status_code == 200
    assert second.get_json()["version"] == first.get_json()["version"] + 1


def test_reference_lists_every_code_with_labels(client):
    body = client.get("/api/v1/reference?lang=en").get_json()
    assert len(body["recommendations"]) == 10
    assert len(body["initiatives"]) == 45
    assert len(body["countries"]) == 249
    kenya = next(c for c in body["countries"] if c["code"] == "KE")
    assert kenya == {"code": "KE", "alpha3": "KEN", "region": "SSA", "label": "Kenya"}
    assert body["initiatives"][21]["label"] == "Movement Charter"
    assert {g["code"] for g in body["groups"]} >= {"women", "lgbtq", "indigenous"}
