"""The receipt after a stored report, and the private link by e-mail through a real SMTP server
(aiosmtpd on a free local port), on SQLite and PostgreSQL."""

from __future__ import annotations

import email
import email.policy
import logging
import socket
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from flask_babel import force_locale, gettext
from sqlalchemy import func, select, text

from components.fields import field_id, message_id
from data.db import EXTENSION_KEY
from data.models import Report
from data.reference import reference
from intake.report import ids
from intake.report.callbacks import submit_report
from intake.report.formdata import field_names, to_values
from intake.report.ids import HONEYPOT
from tests.conftest import REPORT, make_app

RANKED = {
    **REPORT,
    "priorities": [
        {"code": "I31", "rank": 2, "why": "Skills"},
        {"code": "I02", "rank": 1, "why": "Funding"},
        {"code": "I25", "rank": 2, "why": ""},
    ],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What the SMTP server received: (envelope sender, recipients, parsed message)."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 OK"


@pytest.fixture
def smtp():
    """A real SMTP server on a free port; yields its URL and its inbox."""
    inbox = Inbox()
    port = free_port()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        yield f"smtp://127.0.0.1:{port}", inbox
    finally:
        server.stop()


def _app(database_url, **config):
    app = make_app(database_url, MAIL_FROM="Movement Priorities <noreply@example.org>", **config)
    return app


@pytest.fixture
def mail_app(database_url, smtp):
    app = _app(database_url, SMTP_URL=smtp[0])
    yield app
    app.server.extensions[EXTENSION_KEY].engine.dispose()


def submit(app, lang="en", email_me=True, report=RANKED, **changes):
    """The whole report through the form's callback, as the page in ``lang`` sends it."""
    names = [*field_names(reference()), HONEYPOT]
    values = {**to_values(report, reference()), **changes}
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        return submit_report(
            1,
            [values.get(n) for n in names],
            str(uuid.uuid4()),
            lang,
            [field_id(n) for n in names],
            [message_id(n) for n in names],
            None,
            None,
            email_me,
        )


def stored(app) -> int:
    with app.server.extensions[EXTENSION_KEY].session(readonly=True) as session:
        return session.scalar(select(func.count(Report.id)))


def find(tree, component_id):
    """The component with ``component_id`` in a Dash tree (or None)."""
    if getattr(tree, "id", None) == component_id:
        return tree
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            hit = find(child, component_id)
            if hit is not None:
                return hit
    return None


def text_of(tree) -> str:
    if isinstance(tree, str | int):
        return str(tree)
    if tree is None or not hasattr(tree, "to_plotly_json"):
        return ""
    children = getattr(tree, "children", None)
    parts = children if isinstance(children, list | tuple) else [children]
    return " ".join(text_of(c) for c in parts)


def test_the_receipt_names_what_was_sent_and_where_to_find_it(app):
    *_, result, hidden = submit(app, email_me=None)
    assert hidden is True and stored(app) == 1
    link = find(result, ids.EDIT_LINK)
    assert link.href.startswith("http://localhost/en/report/edit/") and link.children == link.href
    copy = find(result, ids.COPY_LINK)
    assert copy.target_id == ids.EDIT_LINK
    summary = text_of(find(result, ids.RECEIPT))
    for shown in ("Wikimedia Kenya strategy salon", "October 3, 2020", "Kenya", "34"):
        assert shown in summary
    # The ranked initiatives by title, in rank order; a tie shares its number.
    ranked = find(result, ids.RECEIPT).children[1].children[-1].children
    items = [(li.value, li.children) for li in ranked.children]
    titles = {c: reference().initiatives[c].title for c in ("I02", "I31", "I25")}
    assert items == [(1, titles["I02"]), (2, titles["I31"]), (2, titles["I25"])]
    anchors = {a.children: a.href for a in _anchors(result)}
    dashboard = urlsplit(anchors["See it on the dashboard"])
    assert (dashboard.netloc, dashboard.path, parse_qs(dashboard.query)) == (
        "localhost",
        "/en/",
        {"country": ["KE"]},
    )
    assert anchors["Wikitext for Meta"] == "http://localhost/api/v1/reports/1/wikitext?lang=en"
    assert find(result, ids.MAIL_STATUS) is None  # no e-mail was asked for


def _anchors(tree):
    found = []
    if getattr(tree, "_type", None) == "A":
        found.append(tree)
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            found += _anchors(child)
    return found


def test_the_wikitext_link_answers_with_the_report(app):
    *_, result, _hidden = submit(app, email_me=None)
    href = {a.children: a.href for a in _anchors(result)}["Wikitext for Meta"]
    answer = app.server.test_client().get(href.removeprefix("http://localhost"))
    assert answer.status_code == 200
    assert "Wikimedia Kenya strategy salon" in answer.get_data(as_text=True)


def test_a_pending_report_has_no_dashboard_or_wikitext_link_yet(database_url):
    app = make_app(database_url, AUTO_PUBLISH=False)
    try:
        with app.server.extensions[EXTENSION_KEY].session() as session:
            session.execute(text("DELETE FROM settings"))  # the app's setting decides
        *_, result, _hidden = submit(app, lang="fr", email_me=None)
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()
    hrefs = [a.href for a in _anchors(result)]
    assert not any("wikitext" in h or "?country=" in h for h in hrefs)
    assert any("/fr/report/edit/" in h for h in hrefs)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_private_link_arrives_by_e_mail_in_the_organizers_language(mail_app, smtp, lang):
    *_, result, hidden = submit(mail_app, lang=lang)
    assert hidden is True
    link = find(result, ids.EDIT_LINK).href
    [(sender, recipients, message)] = smtp[1].received
    assert sender == "noreply@example.org" and recipients == ["amina@example.org"]
    assert message["To"] == "amina@example.org"
    with mail_app.server.test_request_context(), force_locale(lang):
        subject = gettext("Your report number %(id)d: %(event)s") % {
            "id": 1,
            "event": "Wikimedia Kenya strategy salon",
        }
        thanks = gettext(
            "Thank you! Your report was stored as number %(id)d and is now published."
        ) % {"id": 1}
        status = gettext("The private link was also sent to your e-mail address.")
    assert message["Subject"] == subject
    assert message["Content-Language"] == lang
    body = message.get_content()
    assert link in body and thanks in body
    assert f"/{lang}/report/edit/" in link
    assert "Wikimedia Kenya strategy salon" in body
    assert reference().initiatives["I02"].title in body or lang == "ar"
    if lang == "ar":
        assert any("\u0600" <= ch <= "\u06ff" for ch in subject + body)
    assert text_of(find(result, ids.MAIL_STATUS)) == status


def test_nothing_is_mailed_unless_asked_for(mail_app, smtp):
    submit(mail_app, email_me=False)
    assert smtp[1].received == [] and stored(mail_app) == 1


def test_headers_stay_single_lines_when_the_event_name_carries_cr_lf(mail_app, smtp):
    """The form refuses a line break in the name; an older row or another writer might not, so
    the message is built safely from whatever it is given."""
    from components import mail as mailing
    from intake.report import receipt

    with mail_app.server.test_request_context():
        found = receipt.Receipt(
            id=7,
            published=True,
            event_name="Salon\r\nBcc: victim@example.net\r\nX-Evil: 1",
            edit_link="http://localhost/en/report/edit/abc",
            dashboard="http://localhost/en/",
            wikitext="http://localhost/api/v1/reports/7/wikitext?lang=en",
        )
        assert receipt.send_link("en", found, "amina@example.org") is True
    [(_sender, recipients, message)] = smtp[1].received
    assert recipients == ["amina@example.org"]
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert message["Subject"] == "Your report number 7: Salon Bcc: victim@example.net X-Evil: 1"
    assert mailing.header_text("a\nb\rc") == "a b c"


def test_a_mail_server_that_fails_leaves_the_report_stored_and_says_so(database_url, caplog):
    app = _app(database_url, SMTP_URL=f"smtp://127.0.0.1:{free_port()}")  # nobody listens
    try:
        with caplog.at_level(logging.WARNING):
            *_, result, hidden = submit(app)
        assert hidden is True and stored(app) == 1
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()
    assert "could not be sent" in text_of(find(result, ids.MAIL_STATUS))
    assert find(result, ids.EDIT_LINK) is not None  # the link is on the page all the same
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "report 1: the private link could not be e-mailed (ConnectionRefusedError)" in logged
    assert "amina" not in logged and "example.org" not in logged


# Plain SMTP with AUTH: a test server on 127.0.0.1 only; aiosmtpd warns about it in general.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_to_the_mail_server(database_url):
    inbox = Inbox()
    port = free_port()

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == b"mailer" and auth_data.password == b"p@ss:word"
        return AuthResult(success=ok)

    server = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_require_tls=False,
        auth_required=True,
    )
    server.start()
    app = _app(database_url, SMTP_URL=f"smtp://mailer:p%40ss%3Aword@127.0.0.1:{port}")
    try:
        *_, result, _hidden = submit(app)
    finally:
        server.stop()
        app.server.extensions[EXTENSION_KEY].engine.dispose()
    assert len(inbox.received) == 1
    assert "also sent" in text_of(find(result, ids.MAIL_STATUS))


def test_the_opt_in_is_offered_only_when_mail_is_configured(database_url, smtp):
    for smtp_url, offered in (("", False), (smtp[0], True)):
        app = _app(database_url, SMTP_URL=smtp_url)
        try:
            with app.server.test_request_context("/en/report"):
                from intake.report.page import layout as report_layout

                tree = report_layout(lang="en")
        finally:
            app.server.extensions[EXTENSION_KEY].engine.dispose()
        box = find(tree, ids.EMAIL_ME)
        wrapper_hidden = _parent_of(tree, box).hidden
        assert wrapper_hidden is (not offered)


def _parent_of(tree, target):
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is target:
            return tree
        if child is not None and hasattr(child, "to_plotly_json"):
            hit = _parent_of(child, target)
            if hit is not None:
                return hit
    return None
