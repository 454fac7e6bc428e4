"""The login page's language links: ``next`` follows the chosen language when it names a page
in the current one, and is kept as it is otherwise."""

import pytest

from dashboard.auth.login_page import next_in


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/en/review", "/ar/review"),
        ("/en/plan?region=ESEAP", "/ar/plan?region=ESEAP"),
        ("/en/", "/ar/"),
        ("/en", "/ar"),
        ("/fr/review", "/fr/review"),  # another language: the person chose it
        ("/english/review", "/english/review"),  # a segment that only starts like it
        ("/api/v1/plan", "/api/v1/plan"),
    ],
)
def test_next_in_another_language(target, expected):
    assert next_in("ar", "en", target) == expected
