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


def test_summary_reflects_posted_reports_with_points(client, report):
    kenya = report()
    # A ranked five: 5, 4, 3, 2, 1 points as before.
    kenya["priorities"] = [
        {"code": code, "rank": rank}
        for rank, code in enumerate(["I02", "I31", "I25", "I05", "I10"], 1)
    ]
    kenya["recommendations"] = [{"code": "R1", "rank": 1}, {"code": "R6", "rank": 2}]
    client.post("/api/v1/reports", json=kenya)
    other = report(country="IN", format="in_person", themes=["gender"])
    other["participants"] = {"total": 10, "women": 6}
    # A tie for first: I31 and I02 share positions 1 and 2, (3 + 2) / 2 of 6 shares of 15.
    other["priorities"] = [
        {"code": "I31", "rank": 1},
        {"code": "I02", "rank": 1},
        {"code": "I07", "rank": 2},
    ]
    other["recommendations"] = [{"code": "R6"}]
    other["global_coordination"] = ["I22", {"code": "I07", "why": "Shared tools"}]
    client.post("/api/v1/reports", json=other)

    body = client.get("/api/v1/summary").get_json()
    assert body["events"] == 2
    assert body["participants"] == 44
    assert body["lower_bound_events"] == 0
    assert body["countries"] == 2
    points = {p["code"]: p for p in body["priorities"]}
    # Kenya ranks I02, I31, I25, I05, I10 (5, 4, 3, 2, 1); India ties I31 and I02 (6.25 each)
    # before I07 (2.5).
    assert points["I31"]["points"] == 10.25 and points["I31"]["mentions"] == 2
    assert points["I02"]["points"] == 11.25 and points["I02"]["first_choices"] == 2
    assert points["I31"]["first_choices"] == 1
    assert points["I25"]["points"] == 3 and points["I10"]["points"] == 1
    assert points["I07"]["points"] == 2.5
    assert points["I31"]["regions"] == 2
    # Ranked by mentions first: the two named twice lead, I02 (more points) before I31.
    assert [p["code"] for p in body["priorities"]][:2] == ["I02", "I31"]
    # Participant-weighted: (4 × 34 + 6.25 × 10) / 44
    assert points["I31"]["weighted_score"] == pytest.approx(198.5 / 44, abs=1e-4)
    recs = {r["code"]: r for r in body["recommendations"]}
    # Kenya's ranked two gives R1 4 and R6 2 of 6; India's R6 alone gets all 6.
    assert recs["R6"] == {"code": "R6", "mentions": 2, "points": 8}
    assert recs["R1"] == {"code": "R1", "mentions": 1, "points": 4}
    coordination = {c["code"]: c for c in body["global_coordination"]}
    assert coordination["I22"] == {"code": "I22", "events": 2, "regions": 2}
    assert coordination["I25"] == {"code": "I25", "events": 1, "regions": 1}
    assert body["global_coordination"][0]["code"] == "I22"
    assert {r["region"]: r["events"] for r in body["by_region"]} == {"SSA": 1, "SA": 1}
    # Group totals: women 15 + 6 of 44.
    women = {"count": 21, "share": round(21 / 44, 4), "suppressed": False, "share_is": "exact"}
    assert body["groups"]["women"] == {**women, "events_left_out": 0}
    # lgbtq 2 (of 34) is hidden in its event's record, so it adds nothing to the total, and its
    # share is unknown: null and "hidden", never a 0 that reads "nobody came".
    lgbtq = {"count": 0, "share": None, "suppressed": False, "share_is": "hidden"}
    lgbtq["events_left_out"] = 1
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


def test_unranked_sets_share_points_and_continuations_add_no_event(client, report):
    # An unranked set of three shares the 15 points equally, whatever order it was sent in.
    first = report(priorities=[{"code": "I31"}, {"code": "I02"}, {"code": "I25"}])
    first["participants"] = {"total": 30, "total_precision": "at_least"}
    created = client.post("/api/v1/reports", json=first).get_json()
    # A survey after the call: its choices count, its event and participants do not.
    later = report(priorities=[{"code": "I31"}], recommendations=[], continues=created["id"])
    later["participants"] = {"total": 12}
    assert client.post("/api/v1/reports", json=later).status_code == 201

    body = client.get("/api/v1/summary").get_json()
    assert (body["events"], body["participants"], body["lower_bound_events"]) == (1, 30, 1)
    points = {p["code"]: p for p in body["priorities"]}
    assert points["I02"]["points"] == points["I25"]["points"] == 5
    assert points["I31"] == {**points["I31"], "mentions": 2, "points": 20, "first_choices": 0}
    assert body["priorities"][0]["code"] == "I31"
    stored = client.get(f"/api/v1/reports/{created['id']}").get_json()
    assert all("rank" not in c or c["rank"] is None for c in stored["priorities"])


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
    # The 44 initiatives of the 2020 recommendations, with their 2020 titles.
    assert len(body["initiatives"]) == 44
    assert len(body["countries"]) == 249
    kenya = next(c for c in body["countries"] if c["code"] == "KE")
    assert kenya == {"code": "KE", "alpha3": "KEN", "region": "SSA", "label": "Kenya"}
    assert body["initiatives"][21]["label"] == "Movement Charter"
    charter = body["initiatives"][21]
    assert (charter["code"], charter["status"], charter["number_2022"]) == ("I22", "confirmed", 24)
    assert body["initiatives"][1]["label"] == "Funding for underrepresented communities"
    assert all("verified" not in i for i in body["initiatives"])
    assert {i["status"] for i in body["initiatives"]} <= {"confirmed", "inferred", "inferred-title"}
    interim = next(i for i in body["initiatives"] if i["code"] == "I23")
    assert interim["number_2022"] is None
    assert {g["code"] for g in body["groups"]} >= {"women", "lgbtq", "indigenous"}
