"""SMTP_URL as the README describes it, and header text that stays one line."""

from __future__ import annotations

import pytest
from flask import Flask

from components import mail


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", None),
        ("smtp://relay", ("smtp", "relay", 25, "", "")),
        ("smtp://relay:2525", ("smtp", "relay", 2525, "", "")),
        (
            "smtp+starttls://u%40x:p%3Aw@mail.example.org",
            ("smtp+starttls", "mail.example.org", 587, "u@x", "p:w"),
        ),
        ("smtps://mail.example.org", ("smtps", "mail.example.org", 465, "", "")),
    ],
)
def test_smtp_url_forms(url, expected):
    server = mail.parse(url)
    found = (
        None
        if server is None
        else (server.scheme, server.host, server.port, server.user, server.password)
    )
    assert found == expected


@pytest.mark.parametrize(
    "url", ["http://relay", "smtp://", "smtp://relay:port", "smtp://relay/path", "smtp://relay?x=1"]
)
def test_a_malformed_smtp_url_stops_the_start_without_quoting_a_password(url):
    app = Flask(__name__)
    app.config.update(SMTP_URL=url.replace("//", "//user:secret@", 1), PUBLIC_URL="http://x")
    with pytest.raises(ValueError) as refused:
        mail.init_app(app)
    assert "secret" not in str(refused.value)


def test_the_password_stays_out_of_the_servers_repr():
    assert "secret" not in repr(mail.parse("smtp://user:secret@relay"))


def test_mail_is_enabled_only_with_an_smtp_url():
    app = Flask(__name__)
    app.config.update(PUBLIC_URL="https://priorities.example.org")
    mail.init_app(app)
    assert mail.enabled() is False  # outside an app: as when Dash calls a layout bare
    with app.app_context():
        assert mail.enabled() is False
        assert app.config["MAIL_FROM"] == "Movement Priorities <noreply@priorities.example.org>"
    app.config["SMTP_URL"] = "smtp://relay"
    mail.init_app(app)
    with app.app_context():
        assert mail.enabled() is True


def test_header_text_is_one_line_and_bounded():
    assert mail.header_text("Salon\r\nBcc: x@example.org") == "Salon Bcc: x@example.org"
    assert mail.header_text("a\u2028b\u202ec") == "a bc"  # a line separator; a bidi override goes
    long = mail.header_text("x" * 400)
    assert len(long) == mail.SUBJECT_MAX and long.endswith("…")
