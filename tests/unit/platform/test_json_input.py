"""The API's submit routes' shared input and answer (components/json_input.py)."""

from flask import Flask

from components.json_input import stored_answer, validated_json


def _check(payload):
    return (payload, {}) if payload.get("ok") else (None, {"name": "missing"})


def test_a_body_that_is_not_an_object_is_a_422_under_the_field():
    app = Flask(__name__)
    with app.test_request_context(json=[1, 2]):
        found, refused = validated_json(_check, "report", "Send an object.")
    assert found is None
    response, status = refused
    assert status == 422
    assert response.get_json() == {"errors": {"report": "Send an object."}}


def test_validation_messages_are_a_422():
    app = Flask(__name__)
    with app.test_request_context(json={"ok": False}):
        found, refused = validated_json(_check, "report", "Send an object.")
    assert found is None
    assert refused[0].get_json() == {"errors": {"name": "missing"}}


def test_a_valid_object_is_returned():
    app = Flask(__name__)
    with app.test_request_context(json={"ok": True}):
        assert validated_json(_check, "report", "Send an object.") == ({"ok": True}, None)


def test_stored_answer_is_201_when_created_else_200():
    app = Flask(__name__)
    with app.test_request_context():
        assert stored_answer({"id": 1}, True).status_code == 201
        assert stored_answer({"id": 1}, False).status_code == 200
        assert stored_answer({"id": 1}, False).get_json() == {"id": 1}
