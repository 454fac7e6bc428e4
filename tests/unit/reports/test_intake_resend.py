"""The form sent again with a stored client_id (a lost answer, a second click): the report's
first edit link stays its only one, and the confirmation says where the link is."""

from __future__ import annotations

from data.db import EXTENSION_KEY
from data.reports.submit import editable
from intake.report.ids import EDIT_LINK
from tests.unit.reports.test_intake_form import ctx, submit_form  # noqa: F401 (ctx: a fixture)


def _link(result) -> str:
    return str(result[3]).split("/en/report/edit/")[1].split("'")[0].split('"')[0]


def test_a_resend_shows_no_new_link_and_the_first_keeps_working(ctx):  # noqa: F811
    db = ctx.extensions[EXTENSION_KEY]
    first = submit_form()
    token = _link(first)
    for again in (submit_form(), submit_form(event_name="Salon (renamed)")):
        assert again[4] is True
        text = str(again[3])
        assert EDIT_LINK not in text and "/report/edit/" not in text
        assert "already been received" in text and "stored as number 1" in text
    assert editable(db, token)[1]["event_name"] == "Salon (renamed)"
