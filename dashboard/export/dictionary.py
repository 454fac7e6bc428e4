"""The full export's data dictionary: every column, what it means and who may see it."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from data import i18n
from data.export.rows import columns

DESCRIPTIONS = {
    "id": _l("Report number"),
    "client_id": _l("Identifier made by the submitting client (idempotency key)"),
    "event_name": _l("Name of the event"),
    "event_date": _l("Date of the event (YYYY-MM-DD)"),
    "country": _l("ISO 3166-1 country code"),
    "region": _l("Wikimedia region code"),
    "format": _l("Event format code"),
    "organizer_name": _l("Organizer's name"),
    "organizer_email": _l("Organizer's email"),
    "organizer_affiliate": _l("Organizer's affiliate or group"),
    "attendees": _l("Who attended (free text)"),
    "facilitators": _l("Facilitators (free text)"),
    "note_takers": _l("Note takers (free text)"),
    "participants_total": _l("Number of participants (empty: not given)"),
    "total_precision": _l("What the number of participants is: exact, about or at_least"),
    "sessions": _l("Sessions of an event held in several parts, as JSON: date and format"),
    "co_organizers": _l("Co-organizing affiliates or groups, as JSON"),
    "continues": _l("The earlier report of the same discussion that this one continues"),
    "resources_needed": _l("Resources needed (free text)"),
    "notes": _l("Notes (free text)"),
    "written_in": _l("Interface language the report was written in"),
    "status": _l("Review status: pending, published, rejected or duplicate"),
    "status_reason": _l("Reason given when rejected"),
    "duplicate_of": _l("Report this one duplicates"),
    "is_demo": _l("Synthetic demo data"),
    "created_at": _l("Stored at (UTC)"),
    "updated_at": _l("Last changed at (UTC)"),
    "event_key": _l("Event name without case, accents or punctuation (finds duplicates)"),
    "possible_duplicate_of": _l("An earlier report that looks like the same event"),
}
PRIVATE = {"organizer_name", "organizer_email", "client_id"}


def dictionary() -> list[tuple[str, str, str]]:
    """(column, description, visibility) in the current locale."""
    out = []
    for name in columns():
        if name in DESCRIPTIONS:
            text = str(DESCRIPTIONS[name])
        elif name.startswith("group_"):
            text = _("Participants from the group: %(group)s", group=i18n.group(name[6:]))
        elif name == "priorities":
            text = _(
                "Initiatives chosen, as JSON: position (the order given), code, rank (1 = "
                "first, equal ranks a tie, null when unranked) and the event's reason"
            )
        elif name == "recommendations":
            text = _(
                "Recommendations chosen, as JSON: position, code, rank (null when unranked) "
                "and the event's reason"
            )
        elif name == "languages":
            text = _("Languages of the event (codes, separated by ;)")
        elif name == "themes":
            text = _("Themes of the event (codes, separated by ;)")
        elif name == "global_coordination":
            text = _("Initiatives for global coordination, as JSON: code and the event's reason")
        else:
            text = ""
        visibility = _("private") if name in PRIVATE else _("public when published")
        out.append((name, text, visibility))
    return out
