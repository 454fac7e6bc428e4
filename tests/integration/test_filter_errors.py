"""A filter the API does not understand is a 422 naming the parameter, in the request's
language (Accept-Language for the API), on the summary and the reports' list."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/api/v1/summary", "/api/v1/reports"])
def test_bad_filters_are_named_in_the_request_language(client, path):
    query = "region=XX&share=30&from=3%20March"
    english = client.get(f"{path}?{query}").get_json()["errors"]
    assert english == {
        "region": "Unknown code.",
        "share": "Needs a group, and one of 25 or 50.",
        "from": "Not a date (YYYY-MM-DD).",
    }
    french = client.get(f"{path}?{query}", headers={"Accept-Language": "fr"}).get_json()
    assert set(french["errors"]) == {"region", "share", "from"}
    assert not set(french["errors"].values()) & set(english.values())
    arabic = client.get(f"{path}?{query}", headers={"Accept-Language": "ar"}).get_json()
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in m) for m in arabic["errors"].values())
