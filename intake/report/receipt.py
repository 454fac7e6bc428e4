"""What an organizer gets once a report is stored: a receipt on the page (its number, what was
sent, the private edit link with a copy button, where to see it) and, when asked for and the
deployment sends e-mail, the same as a plain-text message.

Every link is absolute on ``PUBLIC_URL`` (components/links.py), never on the request's Host. Text
the organizer typed reaches the page as Dash children (React escapes it) and the message as
plain text; in a header it is one line (components/mail.header_text).
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from dash import dcc, html
from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _

from components import mail
from components.links import edit_url, public_url
from data import i18n
from data.reports.schema import ReportIn
from intake.report import ids

Ranked = list[tuple[int | None, str]]  # (rank, or None in an unranked set; title)


@dataclass(frozen=True)
class Receipt:
    """A stored report as its receipt shows it, in the current locale."""

    id: int
    published: bool
    event_name: str
    edit_link: str | None  # None when the report had been received before (no new link)
    dashboard: str
    wikitext: str | None  # published reports only: the API answers 404 for the others
    facts: list[tuple[str, str]] = field(default_factory=list)
    recommendations: Ranked = field(default_factory=list)
    priorities: Ranked = field(default_factory=list)


def build(lang: str, result, report: ReportIn) -> Receipt:
    """The receipt of ``result`` (data.reports.submit.Submitted) for what ``report`` sent."""
    published = result.status == "published"
    where = {"country": report.country} if report.country else {"region": report.region}
    place = i18n.country(report.country) if report.country else i18n.region(report.region or "")
    participants = report.participants
    facts = [
        (_("Date"), format_date(report.event_date, "long")),
        (_("Country or region"), place),
        (_("Format"), i18n.event_format(report.format)),
        (
            _("Number of participants"),
            i18n.attendance(participants.total, participants.total_precision),
        ),
    ]
    return Receipt(
        id=result.id,
        published=published,
        event_name=report.event_name,
        edit_link=edit_url(lang, result.edit_token) if result.edit_token else None,
        dashboard=public_url(f"/{lang}/?" + urlencode(where)),
        wikitext=(
            public_url(f"/api/v1/reports/{result.id}/wikitext?" + urlencode({"lang": lang}))
            if published
            else None
        ),
        facts=facts,
        recommendations=_ranked(report.recommendations, i18n.recommendation),
        priorities=_ranked(report.priorities, i18n.initiative),
    )


def _ranked(choices, title) -> Ranked:
    """By rank (a tie shares its number), or as sent when the event did not rank them."""
    ordered = sorted(choices, key=lambda c: c.rank or 0)
    return [(c.rank, title(c.code, numbered=False)) for c in ordered]


def stored_text(receipt: Receipt) -> str:
    if receipt.published:
        return _(
            "Thank you! Your report was stored as number %(id)d and is now published.",
            id=receipt.id,
        )
    return _(
        "Thank you! Your report was stored as number %(id)d and will be published after review.",
        id=receipt.id,
    )


def _keep_text() -> str:
    return _("To correct it later, keep this private link (anyone who has it can edit):")


def _lists(receipt: Receipt):
    return ((_("Recommendations"), receipt.recommendations), (_("Initiatives"), receipt.priorities))


# On the page ------------------------------------------------------------------------------


def view(receipt: Receipt, *, amended: bool, mailed: bool | None, lang: str) -> list:
    """The receipt's parts, for the confirmation (intake/report/callbacks.confirmation).
    ``mailed``: None when no e-mail was asked for (or none can be sent), else whether it went."""
    parts = []
    if amended:  # sent again after a lost answer, with changes: they went into the report
        parts.append(html.P(_("Your changes to report number %(id)d were saved.", id=receipt.id)))
    parts.append(html.P(stored_text(receipt), className="mb-2"))
    parts.append(_link_part(receipt))
    if mailed is not None:
        parts.append(_mail_status(mailed))
    parts.append(_where(receipt, lang))
    parts.append(_summary(receipt))
    return parts


def _link_part(receipt: Receipt):
    if receipt.edit_link is None:
        # Sent again (same form): the report's edit link was given the first time and stays
        # its only one (data/reports/submit.py).
        return html.P(
            _(
                "This report had already been received. Its private edit link was shown when "
                "it was first sent and still works; if you do not have it, ask the support team."
            ),
            className="mb-2",
        )
    return html.Div(
        [
            html.P(_keep_text(), className="mb-1"),
            html.Div(
                [
                    html.A(
                        receipt.edit_link,
                        href=receipt.edit_link,
                        id=ids.EDIT_LINK,
                        className="receipt-link text-break",
                        dir="ltr",
                    ),
                    # Copies the link's text; Dash draws no button where the browser has no
                    # clipboard (an http:// page that is not localhost): the link stays.
                    dcc.Clipboard(
                        id=ids.COPY_LINK,
                        target_id=ids.EDIT_LINK,
                        title=_("Copy the private link"),
                        children=[
                            html.I(className="bi bi-clipboard me-1", **{"aria-hidden": "true"}),
                            _("Copy"),
                        ],
                        copied_children=[
                            html.I(className="bi bi-check2 me-1", **{"aria-hidden": "true"}),
                            _("Copied"),
                        ],
                        className="btn btn-sm btn-outline-success receipt-copy",
                    ),
                ],
                className="receipt-link-row",
            ),
        ],
        className="mb-2",
    )


def _mail_status(mailed: bool):
    if mailed:
        return html.P(
            _("The private link was also sent to your e-mail address."),
            id=ids.MAIL_STATUS,
            className="mb-2",
        )
    return html.P(
        _(
            "The e-mail with the private link could not be sent. Your report is stored: copy "
            "the link above and keep it."
        ),
        id=ids.MAIL_STATUS,
        className="mb-2 fw-semibold",
    )


def _where(receipt: Receipt, lang: str):
    links = []
    if receipt.published:
        links.append(html.A(_("See it on the dashboard"), href=receipt.dashboard))
        links.append(html.A(_("Wikitext for Meta"), href=receipt.wikitext, id="report-wikitext"))
    links.append(html.A(_("Report another event"), href=f"/{lang}/report"))
    items = [html.Li(link, className="list-inline-item") for link in links]
    notes = []
    if not receipt.published:
        notes.append(
            html.P(
                _(
                    "Once the support team has published it, it counts on the dashboard and "
                    "can be copied to Meta as wikitext."
                ),
                className="small mb-1",
            )
        )
    return html.Div([*notes, html.Ul(items, className="list-inline receipt-links mb-2")])


def _summary(receipt: Receipt):
    # The event's name is the organizer's text: isolated, so that its own direction never
    # reorders the page's (the other values are in the page's language).
    rows = [
        html.Dt(_("Event"), className="col-sm-3"),
        html.Dd(html.Bdi(receipt.event_name), className="col-sm-9"),
    ]
    for label, value in receipt.facts:
        rows += [html.Dt(label, className="col-sm-3"), html.Dd(value, className="col-sm-9")]
    for label, choices in _lists(receipt):
        if choices:
            rows += [
                html.Dt(label, className="col-sm-3"),
                html.Dd(_choice_list(choices), className="col-sm-9"),
            ]
    return html.Details(
        [
            html.Summary(_("What you sent"), className="fw-semibold"),
            html.Dl(rows, className="row mt-2 mb-0 receipt-summary"),
        ],
        open=True,
        id=ids.RECEIPT,
        className="receipt",
    )


def _choice_list(choices: Ranked):
    if choices[0][0] is None:
        return html.Ul([html.Li(title) for _rank, title in choices], className="mb-0 ps-3")
    # A tie shares its number: each item carries its rank as its value.
    return html.Ol([html.Li(title, value=rank) for rank, title in choices], className="mb-0 ps-3")


# By e-mail --------------------------------------------------------------------------------


def mail_text(receipt: Receipt) -> tuple[str, str]:
    """The message's subject and plain-text body, in the current locale."""
    subject = _("Your report number %(id)d: %(event)s", id=receipt.id, event=receipt.event_name)
    lines = [stored_text(receipt), "", _keep_text(), receipt.edit_link or "", ""]
    lines.append(_("What you sent"))
    lines += [
        _("%(label)s: %(value)s", label=label, value=mail.header_text(value, 500))
        for label, value in [(_("Event"), receipt.event_name), *receipt.facts]
    ]
    for label, choices in _lists(receipt):
        if choices:
            lines.append(_("%(label)s:", label=label))
            lines += [
                f"  {rank}. {title}" if rank is not None else f"  - {title}"
                for rank, title in choices
            ]
    lines.append("")
    if receipt.published:
        lines.append(_("See it on the dashboard: %(link)s", link=receipt.dashboard))
        lines.append(_("Wikitext for Meta: %(link)s", link=receipt.wikitext))
    else:
        lines.append(
            _(
                "Once the support team has published it, it counts on the dashboard and "
                "can be copied to Meta as wikitext."
            )
        )
    return subject, "\n".join(lines) + "\n"


def send_link(lang: str, receipt: Receipt, to: str) -> bool:
    """E-mail the receipt with the private link to ``to``; whether it reached the server. A
    failure is logged by its kind and the report's number, never the address."""
    subject, body = mail_text(receipt)
    try:
        mail.send(mail.message(to, subject, body, lang))
    except (OSError, smtplib.SMTPException, ValueError) as problem:
        current_app.logger.warning(
            "report %d: the private link could not be e-mailed (%s)",
            receipt.id,
            mail.failure(problem),
        )
        return False
    return True
