"""The forms' error summary (components/fields.error_summary): the count, then each error as a
link to its field with the field's label and its message, in the form's order; the labels read
from a form's own components."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from flask_babel import force_locale

from components.fields import dom_id, error_summary, field, field_errors, labels_in


def links(alert) -> list[tuple[str, str]]:
    items = alert.children[1].children
    return [(item.children.href, item.children.children) for item in items]


def message_ids(kind: str, *names: str) -> list[dict]:
    return [{"type": kind, "name": name} for name in names]


def test_each_error_links_to_its_field_with_label_and_message(sqlite_app):
    ids = message_ids("event-message", "name", "start", "end")
    shown = {"end": "The end must be after the start.", "name": "This field is required."}
    labels = {"name": "Name of the event", "end": "Ends"}
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        alert = error_summary(shown, ids, "event-error-alert", labels)
    assert alert.id == "event-error-alert"
    assert alert.children[0].children.startswith("Some answers need attention (2).")
    name_id = dom_id({"type": "event-field", "name": "name"})
    end_id = dom_id({"type": "event-field", "name": "end"})
    assert links(alert) == [  # in the form's order, not the errors'
        (f"#{name_id}", "Name of the event: This field is required."),
        (f"#{end_id}", "Ends: The end must be after the start."),
    ]


def test_each_form_links_to_its_own_field_type(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        for kind, field_type in (
            ("form-message", "form-field"),
            ("contrib-message", "contrib-field"),
        ):
            alert = error_summary({"a": "Wrong."}, message_ids(kind, "a"), "x", {"a": "A"})
            assert links(alert) == [(f"#{dom_id({'type': field_type, 'name': 'a'})}", "A: Wrong.")]


def test_without_a_label_the_link_says_the_message_and_an_error_without_field_is_listed(
    sqlite_app,
):
    shown = {"a": "Wrong.", "elsewhere": "Something else."}
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        alert = error_summary(shown, message_ids("form-message", "a"), "x")
    items = alert.children[1].children
    assert items[0].children.children == "Wrong."
    assert items[1].children == "Something else."
    assert "(2)" in alert.children[0].children


def test_field_errors_marks_the_fields_and_builds_the_summary(sqlite_app):
    ids = message_ids("form-message", "a", "b")
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        messages, classes, alert = field_errors({"b": "Wrong."}, ids, "x", labels={"b": "B"})
    assert messages == ["", "Wrong."] and classes == ["mb-3", "mb-3 has-error"]
    assert links(alert)[0][1] == "B: Wrong."


def test_labels_are_read_from_the_form_without_the_required_mark():
    tree = html.Div(
        [
            dbc.Row(dbc.Col(field("name", "Your name", dbc.Input(), required=True))),
            field("email", "E-mail address", dbc.Input(), help_text="Kept private"),
            html.Div(dbc.Label("Not a field")),
        ]
    )
    assert labels_in(tree) == {"name": "Your name", "email": "E-mail address"}


def test_the_three_forms_labels_are_found(sqlite_app):
    from intake.contribute import ids as contribute_ids
    from intake.contribute.layout import form as contribute_form
    from intake.events import ids as event_ids
    from intake.events.layout import announce_form
    from intake.report.layout import form as report_form

    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        events = labels_in(announce_form(), event_ids.WRAP)
        reports = labels_in(report_form("en"))
        contributions = labels_in(contribute_form(), contribute_ids.WRAP)
    assert events["name"] == "Name of the event" and events["end"] == "Ends"
    assert events["organizer_email"] == "E-mail address"
    assert reports["event_name"] == "Name of the event or group"
    assert contributions and all(contributions.values())
