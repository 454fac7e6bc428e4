"""The support team's screen for individual contributions (``/<lang>/review/contributions``):
callbacks called directly, signed in and not; decisions audited as the API does."""

from __future__ import annotations

from unittest import mock

import dash
import pytest
from flask_login import login_user
from sqlalchemy import select

from dashboard.auth.login import SupportUser
from dashboard.contributions import review_callbacks as callbacks
from dashboard.contributions import review_ids as ids
from dashboard.contributions import review_page as page
from dashboard.review.ids import CONTRIBUTIONS_LINK
from data.contributions.model import Contribution
from data.support.audit import AuditLog
from data.support.settings import AUTO_PUBLISH, set_setting
from tests.integration.contributions.test_contributions import contribution, empty


@pytest.fixture
def waiting(client, db, accounts):
    """Two pending contributions (auto-publish off); their ids."""
    empty(db)
    with db.session() as session:
        set_setting(session, AUTO_PUBLISH, "0", accounts["admin"])
    posted = [client.post("/api/v1/contributions", json=contribution()) for _ in range(2)]
    yield [p.get_json()["id"] for p in posted]
    empty(db)


def _clicked(component_id: dict):
    """Dash's callback context as when ``component_id`` was clicked."""
    prop = f'{{"id":{component_id["id"]},"type":"{component_id["type"]}"}}.n_clicks'
    return mock.patch(
        "dashboard.contributions.review_callbacks.ctx",
        mock.Mock(triggered_id=component_id, triggered=[{"prop_id": prop, "value": 1}]),
    )


def test_refused_without_a_session(app, waiting):
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        for function, args in (
            (callbacks.render_queue, ("pending", 0, "en")),
            (callbacks.act, ([1], [None], [""], [{"id": 1}], 0, "en")),
        ):
            with pytest.raises(dash.exceptions.PreventUpdate):
                function(*args)
        assert "support-login-redirect" in str(page.layout(lang="en").to_plotly_json())
    response = app.server.test_client().get("/en/review/contributions")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/en/login?next=")


def test_publish_and_reject_with_a_reason_are_audited_and_counted(app, db, accounts, waiting):
    from dashboard.contributions.callbacks import show_contributions

    first, second = waiting
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        queue = str(callbacks.render_queue("pending", 0, "en"))
        assert f"Contribution {first}" in queue and f"Contribution {second}" in queue
        assert "Wiki Loves Folklore volunteers" in queue
        with _clicked({"type": ids.PUBLISH, "id": first}):
            alert, refresh = callbacks.act([1, None], [None, None], [None, None], [], 0, "en")
        assert refresh == 1 and f"Contribution {first} published." in str(alert)
        reject = {"type": ids.REJECT, "id": second}
        with _clicked(reject):  # no reason: refused, nothing changes
            alert, refresh = callbacks.act([None], [1], [" "], [{"id": second}], 1, "en")
        assert refresh == 1 and "Give a reason for rejecting." in str(alert)
        with _clicked(reject):
            alert, refresh = callbacks.act([None], [1], ["Spam"], [{"id": second}], 1, "en")
        assert refresh == 2 and f"Contribution {second} rejected." in str(alert)
        with _clicked({"type": ids.PUBLISH, "id": second}):  # decided: stays rejected
            alert, _refresh = callbacks.act([1], [None], [None], [], 2, "en")
        assert "already decided" in str(alert)
        assert "No contributions here." in str(callbacks.render_queue("pending", 2, "en"))
        assert "Spam" in str(callbacks.render_queue("rejected", 2, "en"))
        # The published one now counts on the dashboard's contributions card.
        _hidden, _figure, summary, _table = show_contributions(True, 1, "en")
    assert "Individual contributions (not events): 1;" in summary
    with db.session(readonly=True) as session:
        audit = session.execute(
            select(AuditLog.action, AuditLog.user_email, AuditLog.after).where(
                AuditLog.action.like("contribution_%")
            )
        ).all()
        statuses = dict(session.execute(select(Contribution.id, Contribution.status_reason)).all())
    assert sorted((a, u) for a, u, _after in audit) == [
        ("contribution_publish", "rita@example.org"),
        ("contribution_reject", "rita@example.org"),
    ]
    assert {"contribution": second, "status": "rejected", "status_reason": "Spam"} in [
        after for _a, _u, after in audit
    ]
    assert statuses == {first: "", second: "Spam"}


def test_the_review_page_links_to_the_screen(app, accounts, waiting):
    from dashboard.review import page as review

    with app.server.test_request_context("/en/review"):
        login_user(SupportUser(accounts["reviewer"]))
        rendered = str(review.layout(lang="en").to_plotly_json())
        screen = str(page.layout(lang="en").to_plotly_json())
    assert CONTRIBUTIONS_LINK in rendered and "/en/review/contributions" in rendered
    assert ids.QUEUE in screen and "Individual contributions" in screen
