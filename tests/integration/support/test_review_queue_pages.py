"""The review queue's pages and search, on SQLite and PostgreSQL (the ``db`` fixture runs both):
the count in SQL, one page by LIMIT/OFFSET, a number, a name with a literal "%", a country
named in French or Arabic."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from flask_login import login_user

from dashboard.auth.login import SupportUser
from dashboard.review import callbacks as review_callbacks
from data.support.review_queue import page_bounds, queue, queue_count, search_for
from tests.integration.support.test_support_review import add


def ids_of(db, text=None, **kwargs):
    with db.session(readonly=True) as session:
        found = search_for(text)
        return [r.id for r in queue(session, search=found, **kwargs)], queue_count(
            session, search=found
        )


def test_count_and_pages_cover_the_queue_once(db, report):
    made = [add(db, report(event_name=f"Salon {n}")) for n in range(7)]
    with db.session(readonly=True) as session:
        assert queue_count(session) == 7
        assert queue_count(session, status="published") == 0
        pages = [[r.id for r in queue(session, limit=3, offset=o)] for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert sorted(i for p in pages for i in p) == sorted(made)
    assert pages[0] == sorted(made, reverse=True)[:3]  # newest first, as before


def test_search_by_number_name_and_literal_wildcards(app, db, report):
    percent = add(db, report(event_name="100% Wikipedia day"))
    plain = add(db, report(event_name="100 Wikipedia day"))
    underscore = add(db, report(event_name="Wiki_Loves_Kenya", country="DE"))
    with app.server.test_request_context():
        assert ids_of(db, str(plain)) == ([plain], 1)
        assert ids_of(db, f"#{underscore}") == ([underscore], 1)
        assert ids_of(db, "100%") == ([percent], 1)  # the "%" is a character, not a wildcard
        assert ids_of(db, "wikipedia DAY")[1] == 2  # any case
        assert ids_of(db, "i_l") == ([underscore], 1)  # "_" too
        assert ids_of(db, "0_W") == ([], 0)  # as a wildcard it would find "100 Wikipedia"
        assert ids_of(db, "nothing like it") == ([], 0)
        assert ids_of(db, "  ")[1] == 3  # an empty box: everything


@pytest.mark.parametrize(
    ("lang", "name"), [("fr", "allemagne"), ("ar", "ألمانيا"), ("en", "germ"), ("en", "de")]
)
def test_search_by_country_in_the_viewers_language(app, db, report, lang, name):
    german = add(db, report(event_name="Salon", country="DE"))
    add(db, report(event_name="Salon"))  # Kenya
    with app.server.test_request_context(), force_locale(lang):
        listed, total = ids_of(db, name)
    assert (listed, total) == ([german], 1)


def test_country_names_ignore_accents_and_case(app):
    with app.server.test_request_context(), force_locale("fr"):
        assert "CI" in search_for("cote d").countries  # Côte d’Ivoire
        assert "DE" in search_for("de").countries  # the code, any case


def test_page_bounds_keep_a_page_inside_the_queue():
    assert page_bounds(None, 0) == (0, 0)
    assert page_bounds(1, 120) == (1, 50)
    assert page_bounds(9, 120) == (2, 100)  # past the end: the last page
    assert page_bounds(-3, 120) == (0, 0)


def test_the_callback_shows_the_range_and_the_page_buttons(app, db, accounts, report):
    made = [add(db, report(event_name=f"Salon {n}")) for n in range(52)]
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        first = str(review_callbacks.render_queue(None, None, False, 0, "en"))
        second = str(review_callbacks.render_queue(None, None, False, 0, "en", False, None, 1))
        found = str(review_callbacks.render_queue(None, None, False, 0, "en", False, "Salon 5"))
        big = str(review_callbacks.render_queue(None, None, False, 0, "fr", False, None, 0))
    # The range is isolated left to right (U+2066 … U+2069) so that Arabic keeps "1–50"; a
    # component's text shows them escaped.
    assert "Reports \\u20661–50\\u2069 of 52" in first
    first, second, found = (
        text.replace("\\u2066", "").replace("\\u2069", "") for text in (first, second, found)
    )
    assert "Reports 1–50 of 52" in first and "Reports 51–52 of 52" in second
    oldest = f"'review-open', 'id': {made[0]}}}"
    assert oldest in second and oldest not in first
    assert "Reports 1–3 of 3" in found  # Salon 5, 50 and 51
    assert "Rapports \\u20661–50\\u2069 sur 52" in big  # in French
