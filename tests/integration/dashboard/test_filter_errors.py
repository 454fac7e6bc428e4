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


FILTERED = [
    "/api/v1/summary",
    "/api/v1/reports",
    "/api/v1/reports?format=csv",
    "/api/v1/commons/priorities.tab.json",
    "/api/v1/wikitext/priorities.wiki",
]


def _get(client, path: str, query: str):
    return client.get(path + ("&" if "?" in path else "?") + query)


@pytest.mark.parametrize("path", FILTERED)
@pytest.mark.parametrize(
    "share",
    [
        "%D9%A2%D9%A5",  # Arabic-Indic 25
        "%EF%BC%92%EF%BC%95",  # fullwidth 25
        "%C2%B2",  # superscript 2: str.isdigit(), yet int() refuses it
        "%C2%B2%C2%B5",
        "25.0",
        "%2B25",  # a plus sign
        "025",
        "99999999999999999999",
    ],
)
def test_odd_digits_in_share_are_a_422_on_share(client, path, share):
    response = _get(client, path, f"group=women&share={share}")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"share": "Needs a group, and one of 25 or 50."}


@pytest.mark.parametrize("path", FILTERED)
def test_share_with_spaces_around_is_understood(client, path):
    assert _get(client, path, "group=women&share=%2025%20").status_code == 200


@pytest.mark.parametrize("path", FILTERED)
@pytest.mark.parametrize(
    "query",
    [
        "from=0001-01-01",
        "to=9999-12-31",
        "from=9999-12-31",
        "from=9999-12-30",
        "to=0001-01-01",
        "to=0001-01-02",
        "from=0001-01-01&to=9999-12-31",
        "from=1899-12-31",
        "to=3000-01-01",
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_a_422_naming_the_field(client, path, query):
    response = _get(client, path, query)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert set(errors) == {name.split("=")[0] for name in query.split("&")}
    assert set(errors.values()) == {"Enter a date between 1900-01-01 and 2999-12-31."}


@pytest.mark.parametrize("path", FILTERED)
def test_dates_in_range_and_beyond_the_calendar(client, path):
    assert _get(client, path, "from=1900-01-01&to=2999-12-31").status_code == 200
    beyond = _get(client, path, "from=10000-01-01").get_json()["errors"]
    assert beyond == {"from": "Not a date (YYYY-MM-DD)."}


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/reports/99999999999999999999",
        "/api/v1/reports/9223372036854775808",
        "/api/v1/reports/2147483648",
        "/api/v1/reports/2147483648/wikitext",
        "/api/v1/reports/99999999999999999999/wikitext",
    ],
)
def test_huge_ids_in_paths_are_a_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("event", ["2147483648", "99999999999999999999", "%D9%A2"])
def test_huge_ids_outside_the_api_are_no_route_either(client, event):
    """No calendar (PostgreSQL's integer would overflow: a 500), but Dash's page for an unknown
    address, as for any other."""
    response = client.get(f"/events/{event}.ics")
    assert response.status_code < 500
    assert response.mimetype != "text/calendar"


@pytest.mark.parametrize(
    "query", ["page=1e400", "page=99999999999999999999", "per_page=1e400", "page=%D9%A2"]
)
def test_huge_numbers_in_query_strings_are_a_422(client, query):
    response = client.get(f"/api/v1/reports?{query}")
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {query.split("=")[0]}
