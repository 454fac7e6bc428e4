"""IDs of the contribution page (``/<lang>/contribute``). Its fields have dict IDs of their own
types, so that its callbacks never collide with the report form's ``ALL`` patterns."""

FIELD = "contrib-field"
MESSAGE = "contrib-message"
WRAP = "contrib-wrap"

CLIENT_ID = "contrib-client-id"
SUBMIT = "contrib-submit"
RESULT = "contrib-result"
FORM = "contrib-form"
ERROR_SUMMARY = "contrib-error-summary"
DRAFT = "contrib-draft"  # dcc.Store: the draft's key for assets/draft.js


def field_id(name: str) -> dict:
    return {"type": FIELD, "name": name}


def message_id(name: str) -> dict:
    return {"type": MESSAGE, "name": name}


def wrap_id(name: str) -> dict:
    return {"type": WRAP, "name": name}
