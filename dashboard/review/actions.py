"""One review action (publish, bulk publish, reject, mark duplicate, correct) run as the
signed-in user through ``data.support.review``; answers the message to show, or raises
``Incomplete`` (nothing done) when the reviewer left out what it needs."""

from __future__ import annotations

from typing import Any

from dash.exceptions import PreventUpdate
from flask_babel import gettext as _
from flask_babel import ngettext

from dashboard.auth.guards import account
from dashboard.review import ids
from data.db import current_db
from data.reference import reference
from data.support.review import correct, mark_duplicate, publish, reject

FIX_FIELDS = (
    "event_name",
    "country",
    "region",
    "format",
    "participants_total",
    "total_precision",
)
# "Publish and next" and "Reject and next" decide as their plain buttons do.
SAME_AS = {ids.REVIEW_PUBLISH_NEXT: ids.REVIEW_PUBLISH, ids.REVIEW_REJECT_NEXT: ids.REVIEW_REJECT}


class Incomplete(ValueError):
    """The reviewer left out what the action needs (a reason, a number); the message says
    what, in the current locale."""


def _number(value) -> int | None:
    if value in (None, ""):
        return None
    return int(value)


def perform(action: str, selected, reason, duplicate_of, fixes: dict, picked: list[int]) -> str:
    """Run one review action as the signed-in user; returns the message to show."""
    who = account()
    db = current_db()
    action = SAME_AS.get(action, action)
    if action == ids.REVIEW_BULK:
        if not picked:
            raise Incomplete(_("Select reports first."))
        count = publish(db, picked, who)
        return ngettext("%(num)d report published.", "%(num)d reports published.", count)
    if not selected:
        raise Incomplete(_("Open a report first."))
    selected = int(selected)
    if action == ids.REVIEW_PUBLISH:
        publish(db, [selected], who)
        return _("Report %(id)d published.", id=selected)
    if action == ids.REVIEW_REJECT:
        if not isinstance(reason, str) or not reason.strip():
            raise Incomplete(_("Give a reason for rejecting."))
        reject(db, selected, reason.strip(), who)
        return _("Report %(id)d rejected.", id=selected)
    if action == ids.REVIEW_DUPLICATE:
        if not duplicate_of:
            raise Incomplete(_("Give the number of the original report."))
        mark_duplicate(db, selected, int(duplicate_of), who)
        return _(
            "Report %(id)d marked as a duplicate of %(of)d.", id=selected, of=int(duplicate_of)
        )
    if action == ids.REVIEW_CORRECT:
        changes: dict[str, Any] = {k: fixes.get(k) for k in FIX_FIELDS if fixes.get(k) is not None}
        # An emptied total: the report gives no number.
        changes["participants_total"] = _number(fixes.get("participants_total"))
        changes["groups"] = {g: _number(fixes.get(f"group_{g}")) for g in reference().groups}
        correct(db, selected, changes, who)
        return _("Report %(id)d corrected.", id=selected)
    raise PreventUpdate
