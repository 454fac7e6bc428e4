"""E-mail, when the deployment has an outgoing server (``SMTP_URL``): plain-text messages sent
with the standard library's smtplib.

``SMTP_URL`` is ``smtp://host[:port]`` (port 25, no encryption: a relay on the same host),
``smtp+starttls://host[:port]`` (587, STARTTLS required) or ``smtps://host[:port]`` (465, TLS
from the start), each optionally with ``user:password@`` (percent-encoded). Empty: no e-mail;
the forms do not offer it.

Sending is slow and can fail, so callers send after their transaction has committed, never
inside it, and tell the person when a message could not be sent. The log names the failure's
kind, never the recipient: an address is personal data, kept only where the support team sees it.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import unquote, urlsplit

from flask import Flask, current_app, has_app_context

from data.text_policy import one_line

SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
TIMEOUT = 10  # seconds: a person waits for the answer to their submission
SUBJECT_MAX = 150  # characters: a longer subject is cut with "…"
EXTENSION_KEY = "priorities_mail"


@dataclass(frozen=True)
class Server:
    scheme: str
    host: str
    port: int
    user: str = ""
    password: str = ""

    def __repr__(self) -> str:  # the password stays out of logs and tracebacks
        return f"Server({self.scheme}://{self.host}:{self.port})"


def parse(url: str) -> Server | None:
    """The server ``url`` names, None for an empty one, or ``ValueError`` (which never quotes
    the password)."""
    url = url.strip()
    if not url:
        return None
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme not in SCHEMES
        or not parts.hostname
        or port == -1
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        shown = f"{parts.scheme}://{parts.hostname or ''}"
        raise ValueError(
            "SMTP_URL must be smtp://host:port, smtp+starttls://host:port or smtps://host:port "
            f"(optionally with user:password@), not {shown!r}…"
        )
    return Server(
        parts.scheme,
        parts.hostname,
        port or SCHEMES[parts.scheme],
        unquote(parts.username or ""),
        unquote(parts.password or ""),
    )


def init_app(app: Flask) -> None:
    """Check ``SMTP_URL`` at start (a wrong one would only show when a message fails), and the
    sender's address: ``MAIL_FROM``, else noreply at PUBLIC_URL's host."""
    app.extensions[EXTENSION_KEY] = parse(str(app.config.get("SMTP_URL") or ""))
    if not app.config.get("MAIL_FROM"):
        host = urlsplit(str(app.config.get("PUBLIC_URL") or "")).hostname or "localhost"
        app.config["MAIL_FROM"] = f"Movement Priorities <noreply@{host}>"


def enabled() -> bool:
    """Can this deployment send e-mail? (False outside an app, as when Dash calls a layout
    bare.)"""
    return has_app_context() and current_app.extensions.get(EXTENSION_KEY) is not None


def header_text(text: str, limit: int = SUBJECT_MAX) -> str:
    """``text`` safe in a header: one line (no CR or LF can start a header of its own), what
    the text policy refuses dropped, at most ``limit`` characters."""
    line = one_line(text)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def message(to: str, subject: str, body: str, lang: str) -> EmailMessage:
    """A plain-text message from ``MAIL_FROM`` to ``to``, in ``lang``."""
    out = EmailMessage()
    out["From"] = current_app.config["MAIL_FROM"]
    out["To"] = header_text(to, 320)
    out["Subject"] = header_text(subject)
    out["Date"] = format_datetime(dt.datetime.now(dt.UTC))
    out["Message-ID"] = make_msgid(domain=_domain())
    # An automatic answer to what the person did: auto-responders must not answer it.
    out["Auto-Submitted"] = "auto-generated"
    out.set_content(body)
    out["Content-Language"] = lang  # after set_content, which drops the Content-* headers
    return out


def send(mail: EmailMessage) -> None:
    """Hand ``mail`` to the configured server; raises ``OSError`` or ``smtplib.SMTPException``
    when it could not be delivered to it."""
    server: Server = current_app.extensions[EXTENSION_KEY]
    context = ssl.create_default_context()
    if server.scheme == "smtps":
        client = smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT, context=context)
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
    with client:
        if server.scheme == "smtp+starttls":
            client.starttls(context=context)
        if server.user:
            client.login(server.user, server.password)
        client.send_message(mail)


def failure(problem: BaseException) -> str:
    """What went wrong, for the log, without the recipient: smtplib's exceptions can carry the
    addresses (``SMTPRecipientsRefused``) and the server's answer may quote them."""
    code = getattr(problem, "smtp_code", None)
    return type(problem).__name__ + (f" {code}" if code else "")


def _domain() -> str:
    address = str(current_app.config["MAIL_FROM"]).rsplit("@", 1)[-1]
    return address.strip(" >") or "localhost"
