"""The announcement's edit link as the organizer gets it, and the announcement behind it as the
edit page shows it. Storing and amending are data.events.announce."""

from __future__ import annotations

from components import links
from data.db import Database
from data.events.write import event_data, find_by_edit_token, results_claim

EDIT_TEMPLATE = "/<lang>/events/edit/<token>"


def edit_path(lang: str, token: str) -> str:
    return EDIT_TEMPLATE.replace("<lang>", lang).replace("<token>", token)


def edit_url(lang: str, token: str) -> str:
    """The absolute link, on the site's public address (components.links, PUBLIC_URL)."""
    return links.public_url(edit_path(lang, token))


def editable_event(db: Database, token: str) -> dict | None:
    """The announcement behind an edit-link token (private fields too, and the code of its
    "report the results" link), or None."""
    with db.session(readonly=True) as session:
        row = find_by_edit_token(session, token)
        if row is None:
            return None
        return {**event_data(row), "results_claim": results_claim(row)}
