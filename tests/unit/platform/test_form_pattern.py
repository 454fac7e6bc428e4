"""The intake forms' shared pattern (components/form.py): IDs, values by name, page titles."""

from types import SimpleNamespace

from components.fields import FIELD, MESSAGE, WRAP
from components.form import FormIds, in_page_language, page_title, values_by_name
from intake.contribute import ids as contribute_ids
from intake.report import ids as report_ids


def test_form_ids_of_a_module_with_its_own_field_types():
    found = FormIds.of(contribute_ids)
    assert found.field == contribute_ids.FIELD
    assert found.message == contribute_ids.MESSAGE
    assert found.wrap == contribute_ids.WRAP
    assert found.draft == contribute_ids.DRAFT
    assert found.fields() == {"type": contribute_ids.FIELD, "name": found.fields()["name"]}


def test_form_ids_of_the_report_use_the_shared_field_types():
    found = FormIds.of(report_ids)
    assert (found.field, found.message, found.wrap) == (FIELD, MESSAGE, WRAP)
    assert found.submit == report_ids.SUBMIT
    assert found.draft == report_ids.DRAFT


def test_form_ids_without_a_draft():
    ids = SimpleNamespace(CLIENT_ID="c", SUBMIT="s", RESULT="r", FORM="f", ERROR_SUMMARY="e")
    assert FormIds.of(ids).draft is None


def test_values_by_name():
    field_ids = [{"type": FIELD, "name": "a"}, {"type": FIELD, "name": "b"}]
    assert values_by_name(field_ids, [1, None]) == {"a": 1, "b": None}


def test_in_page_language_normalizes_and_defaults(sqlite_app):
    seen = []
    built = in_page_language(lambda lang, **kwargs: seen.append((lang, kwargs)))
    with sqlite_app.server.test_request_context():
        built()
        built("nonsense", token="x")
    assert seen[0][0] == seen[1][0]  # an unknown language is the default one
    assert seen[1][1] == {"token": "x"}


def test_page_title_in_the_page_language(sqlite_app):
    title = page_title(lambda: "Name")
    with sqlite_app.server.test_request_context():
        assert title().startswith("Name · ")
        assert title("fr", extra=1).startswith("Name · ")
