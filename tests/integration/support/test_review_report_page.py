"""A report's own review page (``/<lang>/review/<id>``), on SQLite and PostgreSQL: behind the
support guard, decisions at the top, statuses in words, decide and next through Dash's callback
endpoint as the browser posts it, the possible duplicate side by side with "Duplicate of #N",
and the "Export all data" links to the signed-in export."""

from __future__ import annotations

import json
import re

import pytest
from flask_login import login_user
from plotly.utils import PlotlyJSONEncoder
from sqlalchemy import select

from dashboard.auth.login import SupportUser
from dashboard.review import ids, report_page
from data.models import Report
from data.support.audit import AuditLog
from tests.conftest import sign_in
from tests.integration.support.test_support_review import add, status_of
from tests.integration.support_helpers import clear_limits  # noqa: F401

pytestmark = pytest.mark.usefixtures("clear_limits")


def call(app, client, output: str, changed: str, values: dict):
    """POST one callback as dash-renderer does: the callback whose outputs include ``output``
    ("id.property"), every input and state with the value in ``values`` (by "id.property"; a
    pattern's by its type, as a list of (id, value); none matched by default); ``changed``:
    the prop id that fired. Answers the outputs by id, or None when the callback changed
    nothing (204)."""
    # An output that another callback also writes carries "@<hash>" (allow_duplicate).
    found = [k for k in app.callback_map if re.search(rf"\.\.{re.escape(output)}(@\w+)?\.\.", k)]
    fired = changed.rsplit(".", 1)[0]
    [key] = [k for k in found if len(found) == 1 or fired in _input_ids(app.callback_map[k])]
    spec = app.callback_map[key]

    def dep(d):
        if d["id"].startswith("{"):
            kind = json.loads(d["id"])["type"]
            return [
                {"id": i, "property": d["property"], "value": v} for i, v in values.get(kind, [])
            ]
        return {**d, "value": values.get(f"{d['id']}.{d['property']}")}

    outputs = []
    for o in key.strip(".").split("..."):
        name, prop = o.rsplit(".", 1)
        outputs.append([] if name.startswith("{") else {"id": name, "property": prop})
    body = {
        "output": key,
        "outputs": outputs,
        "inputs": [dep(d) for d in spec["inputs"]],
        "state": [dep(d) for d in spec["state"]],
        "changedPropIds": [changed],
    }
    answer = client.post("/_dash-update-component", json=body)
    if answer.status_code == 204:
        return None
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return {k: v for k, props in answer.get_json()["response"].items() for v in props.values()}


def _input_ids(spec) -> list[str]:
    return [d["id"] for d in spec["inputs"]]


def show(app, client, report_id: int, lang: str = "en"):
    """The report page's display callback, as the page's first load fires it."""
    values = {"review-selected.data": report_id, "review-refresh.data": 0, "shell-lang.data": lang}
    return call(app, client, "review-detail.children", "review-selected.data", values)


def decide(app, client, report_id: int, button: str, reason: str = "", **more):
    values = {
        f"{button}.n_clicks": 1,
        "review-selected.data": report_id,
        "review-reason.value": reason,
        "review-refresh.data": 0,
        "shell-lang.data": "en",
        **more,
    }
    return call(app, client, "review-go.href", more.pop("changed", f"{button}.n_clicks"), values)


def as_json(component) -> str:
    """A component tree as the browser receives it (non-ASCII text kept as is)."""
    return json.dumps(component, cls=PlotlyJSONEncoder, ensure_ascii=False)


def audit(db, action):
    with db.session(readonly=True) as session:
        q = select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)
        return list(session.scalars(q))


def test_the_page_is_behind_the_support_guard(client, accounts, report, db):
    rid = add(db, report())
    anonymous = client.get(f"/en/review/{rid}")
    assert anonymous.status_code == 302
    assert anonymous.headers["Location"] == f"/en/login?next=/en/review/{rid}"
    sign_in(client, "rita@example.org")
    assert client.get(f"/en/review/{rid}").status_code == 200
    assert client.get(f"/ar/review/{rid}").status_code == 200


def test_decisions_come_before_the_fields_in_the_viewers_language(app, db, accounts, report):
    rid = add(db, report())
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        english, arabic, missing = (
            as_json(report_page.layout(lang, number))
            for lang, number in (("en", str(rid)), ("ar", str(rid)), ("en", "abc"))
        )
    for page in (english, arabic):
        top = page.index(f'"{ids.REVIEW_ACTIONS}"')
        assert top < page.index(f'"{ids.REVIEW_CANDIDATE}"') < page.index(f'"{ids.REVIEW_DETAIL}"')
        assert f'"{ids.REVIEW_PUBLISH_NEXT}"' in page and f'"{ids.REVIEW_REJECT_NEXT}"' in page
        assert "/api/v1/export?lang=" in page  # "Export all data"
    assert f"Report {rid}" in english and "Publish and next" in english
    # Labels in the viewer's language (the catalogs' existing ones; new ones come with the
    # next catalog update).
    assert '"Publish"' in english and '"Reject"' in english
    assert '"Publish"' not in arabic and '"Reject"' not in arabic
    assert "No report with this number." in missing


def test_the_status_is_in_words_on_the_page(app, client, db, accounts, report):
    rid = add(db, report())
    sign_in(client, "rita@example.org", lang="ar")
    shown = show(app, client, rid, "ar")
    assert shown is not None
    text = json.dumps(shown, ensure_ascii=False)
    assert "pending" not in text.replace('"pending"', "")  # no raw code shown
    assert "قيد" in text or "معلق" in text or "انتظار" in text  # Arabic "pending" (catalog)
    # The choices are a list, not a component's Python repr; the language a name, not "en".
    assert "Ul(" not in text and '"type": "Ul"' in text
    assert "الإنجليزية" in text


def test_publish_and_next_opens_the_next_pending_report_in_queue_order(
    app, client, db, accounts, report
):
    oldest, middle, newest = (add(db, report(event_name=f"Salon {n}")) for n in range(3))
    published = add(db, report(event_name="Done"), "published")
    sign_in(client, "rita@example.org")
    # The queue lists pending reports newest first: newest, middle, oldest.
    answer = decide(app, client, newest, ids.REVIEW_PUBLISH_NEXT)
    assert answer["review-go"] == f"/en/review/{middle}?published={newest}"
    assert status_of(db, newest) == "published"
    # Reject and next without a reason: refused, nothing changes, the page stays.
    answer = decide(app, client, middle, ids.REVIEW_REJECT_NEXT)
    assert "review-go" not in answer and answer["review-refresh"] == 0
    assert "Give a reason for rejecting." in json.dumps(answer)
    assert status_of(db, middle) == "pending"
    answer = decide(app, client, middle, ids.REVIEW_REJECT_NEXT, reason="A test")
    assert answer["review-go"] == f"/en/review/{oldest}?rejected={middle}"
    # The last pending report: back to the queue, with the message.
    answer = decide(app, client, oldest, ids.REVIEW_PUBLISH_NEXT)
    assert answer["review-go"] == f"/en/review?published={oldest}"
    assert [r.report_id for r in audit(db, "publish")] == [newest, oldest]
    assert status_of(db, published) == "published"
    # The message travels in the address: the next page says what was done.
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        page = as_json(report_page.layout("en", str(oldest), rejected=str(middle)))
    assert f"Report {middle} rejected." in page


def test_plain_publish_stays_on_the_report(app, client, db, accounts, report):
    rid = add(db, report())
    sign_in(client, "rita@example.org")
    answer = decide(app, client, rid, ids.REVIEW_PUBLISH)
    assert "review-go" not in answer and answer["review-refresh"] == 1
    assert f"Report {rid} published." in json.dumps(answer)


def test_a_signed_out_decision_changes_nothing(app, client, db, accounts, report):
    rid = add(db, report())
    assert decide(app, client, rid, ids.REVIEW_PUBLISH_NEXT) is None
    assert status_of(db, rid) == "pending"


def test_the_duplicate_candidate_side_by_side_and_one_click(app, client, db, accounts, report):
    original = add(db, report(), "published")
    copy = add(db, report(event_name="WIKIMEDIA Kenya  strategy salon", event_date="2020-10-04"))
    sign_in(client, "rita@example.org")
    shown = show(app, client, copy, "en")
    side = json.dumps(shown["review-candidate"])
    assert f"This report (#{copy})" in side and f"Report #{original}" in side
    assert "2020-10-03" in side and "2020-10-04" in side  # both dates, in two columns
    same_as = {"id": original, "type": ids.REVIEW_SAME_AS}
    changed = json.dumps(same_as, separators=(",", ":"), sort_keys=True) + ".n_clicks"
    answer = decide(
        app, client, copy, "none", changed=changed, **{ids.REVIEW_SAME_AS: [(same_as, 1)]}
    )
    assert f"Report {copy} marked as a duplicate of {original}." in json.dumps(answer)
    assert status_of(db, copy) == "duplicate"
    [row] = audit(db, "duplicate")
    assert (row.report_id, row.after["duplicate_of"]) == (copy, original)
    with db.session(readonly=True) as session:
        assert session.get(Report, copy).duplicate_of == original
    # The original has no candidate: nothing to compare.
    shown = show(app, client, original, "en")
    assert shown.get("review-candidate") is None


def test_export_links_lead_to_the_signed_in_export(client, accounts):
    assert client.get("/api/v1/export?lang=en&format=json").status_code == 401
    sign_in(client, "rita@example.org")
    answer = client.get("/api/v1/export?lang=en&format=json")
    assert answer.status_code == 200 and "attachment" in answer.headers["Content-Disposition"]


def test_bulk_publish_from_the_queue(app, client, db, accounts, report):
    first, second = add(db, report(event_name="Salon A")), add(db, report(event_name="Salon B"))
    sign_in(client, "rita@example.org")
    values = {
        "review-bulk-publish.n_clicks": 1,
        ids.REVIEW_PICK: [({"id": first, "type": ids.REVIEW_PICK}, [first])],
        "review-refresh.data": 0,
        "shell-lang.data": "en",
    }
    answer = call(app, client, "review-feedback.children", "review-bulk-publish.n_clicks", values)
    assert "1 report published." in json.dumps(answer)
    assert (status_of(db, first), status_of(db, second)) == ("published", "pending")
