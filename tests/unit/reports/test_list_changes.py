"""The initiative list change: the mapping migration 0011 computes from its two literal lists,
and the diff of an updated official list (data.initiative_list.load), both pure."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from data.demo import reports as demo
from data.initiative_list.load import (
    Change,
    ListError,
    Usage,
    diff,
    merged,
    read_list,
    refusals,
)
from data.reference import reference

MIGRATION = (
    Path(__file__).parents[3] / "data/migrations/versions/0011_initiatives_2020.py"
).resolve()


@pytest.fixture(scope="module")
def migration():
    spec = importlib.util.spec_from_file_location("migration_0011", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Old code → new code (None: no counterpart in the 2020 list); identities left out.
EXPECTED_MOVES = {
    "I12": "I14",  # Cross-project tool development and reuse
    "I14": "I16",  # Universal Code of Conduct
    "I16": "I18",  # Baseline of community responsibilities
    "I17": "I19",  # Safety assessment and execution plan
    "I28": "I30",  # Technology Council
    "I44": "I42",  # Monitoring, evaluation and learning (… at all levels …)
    "I45": "I44",  # Iterative change processes
}
EXPECTED_RETIRED = {
    "I15",  # Pathways for users to privately report incidents
    "I18",  # Privacy and security for everyone
    "I19",  # Safety and inclusion capacity building
    "I20",  # Healthy community atmosphere
    "I21",  # Inclusive community standards
    "I26",  # Participatory resource allocation
    "I27",  # Pathways to decision-making roles
    "I29",  # Movement-wide partnership strategy
    "I30",  # Coordination structures across stakeholders
    "I34",  # Knowledge management practices and standards
    "I35",  # Wikimedia knowledge base
    "I39",  # Policies for experimentation with new content formats
    "I40",  # Partnerships for innovation in free knowledge
    "I41",  # Technology for new knowledge formats
    "I42",  # Policies and licensing that enable innovation
    "I43",  # Advocacy for free knowledge
}


def test_the_migration_maps_the_old_list_onto_the_2020_list(migration):
    found = migration.mapping()
    assert len(migration.OLD) == 45 and len(migration.NEW) == 44
    assert {o: n for o, n in found.items() if n and n != o} == EXPECTED_MOVES
    assert {o for o, n in found.items() if n is None} == EXPECTED_RETIRED
    same = {o for o, n in found.items() if n == o}
    assert len(same) == 45 - len(EXPECTED_MOVES) - len(EXPECTED_RETIRED)
    # The longer 2020 titles that start with the old one.
    assert found["I09"] == "I09" and found["I36"] == "I36" and found["I10"] == "I10"


def test_the_migrations_new_list_is_the_reference_file(migration):
    assert {c: i.title for c, i in reference().initiatives.items()} == dict(migration.NEW)


def test_a_prefix_counts_only_at_a_word_boundary(migration):
    assert migration._same("Global Council", "global council")
    assert migration._same("Identify the impact", "Identify the impact of Wikimedia")
    assert not migration._same("Global Council", "Global Councils")


def test_the_mapping_refuses_ambiguity_and_two_codes_on_one(migration):
    with pytest.raises(ValueError, match="matches"):
        migration.mapping((("I01", "Hubs"),), (("I01", "Hubs for a"), ("I02", "Hubs for b")))
    with pytest.raises(ValueError, match="one new code"):
        migration.mapping((("I01", "Hubs"), ("I02", "hubs")), (("I05", "Hubs"),))


def row(code, title, rec="R1", number=None, status="confirmed", number_2022=""):
    number = number or str(int(code[1:]))
    return {
        "code": code,
        "number": number,
        "recommendation": rec,
        "title": title,
        "status": status,
        "number_2022": number_2022,
    }


def test_diff_names_added_retitled_moved_and_removed():
    current = {"I01": row("I01", "A"), "I02": row("I02", "B"), "I03": row("I03", "C")}
    updated = {
        "I01": row("I01", "A, longer"),
        "I02": row("I02", "B", rec="R2"),
        "I04": row("I04", "D", status=""),
    }
    found = diff(current, updated)
    assert found.added == [Change("I04", None, "D")]
    assert found.retitled == [Change("I01", "A", "A, longer")]
    assert found.moved == [Change("I02", "R1", "R2")]
    assert found.removed == [Change("I03", "C", None)]
    assert found.other == []
    assert found.codes() == ["I01", "I02", "I03", "I04"]
    assert not diff(current, current)


def test_status_and_2022_number_are_kept_when_the_new_file_leaves_them_out():
    current = {"I01": row("I01", "A", status="inferred", number_2022="3")}
    updated = {"I01": {"code": "I01", "number": "1", "recommendation": "R1", "title": "A"}}
    assert merged(current, updated)["I01"]["status"] == "inferred"
    assert merged(current, updated)["I01"]["number_2022"] == "3"
    assert not diff(current, updated)
    confirmed = {"I01": row("I01", "A", status="confirmed", number_2022="3")}
    assert diff(current, confirmed).other == [Change("I01", "status inferred", "confirmed")]


def test_refusals_name_removed_codes_in_use_only():
    found = diff({"I01": row("I01", "A"), "I02": row("I02", "B")}, {})
    used = {"I01": Usage(reports=2, plan=1), "I02": Usage()}
    [problem] = refusals(found, used)
    assert problem.startswith("I01 (A) cannot be removed: 2 report(s), 0 contribution(s)")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,number,title\nI01,1,A\n", "missing columns recommendation"),
        ("code,number,recommendation,title\nI01,1,R1,A\nI01,2,R1,B\n", "I01 twice"),
        ("code,number,recommendation,title\nI01,1,R1,A\nI02,1,R1,B\n", "number 1 twice"),
        ("code,number,recommendation,title\nI01,1,R99,A\n", "unknown recommendation"),
        ("code,number,recommendation,title\nX1,1,R1,A\n", "not like I01"),
        ("code,number,recommendation,title\nI01,1,R1,\n", "no title"),
    ],
)
def test_read_list_says_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ListError, match=message):
        read_list(path)


def test_the_reference_file_reads_as_a_list():
    rows = read_list(Path(__file__).parents[3] / "data/reference/initiatives.csv")
    assert len(rows) == len(reference().initiatives) == 44


def test_the_demo_popular_initiatives_are_the_2020_clusters():
    """data.demo.reports weights initiatives by number: a list that renumbers them must fail here,
    not
    shift the demo data to other initiatives silently."""
    titles = {i.number: i.title for i in reference().initiatives.values()}
    expected = {
        2: "Funding for underrepresented communities",
        3: "Increased awareness about the Wikimedia Movement",
        8: "Aligning our practices to support environmental sustainability",
        9: "Methodology to improve the Wikimedia platform UX",
        11: "Resources for newcomers",
        22: "Movement Charter",
        23: "Interim Global Council",
        24: "Global Council",
        25: "Regional and thematic hubs",
        31: "Global approach for local skill development",
        32: "Leadership development plan",
        33: "Skill development infrastructure",
        36: "Identify the impact of Wikimedia",
        37: "Bridging content gaps",
        38: "Content initiatives in underrepresented communities",
    }
    assert set(demo.POPULAR) == set(expected)
    for number, start in expected.items():
        assert titles[number].startswith(start), number
    codes = {c["code"] for r in demo.generate(20) for c in r["priorities"]}
    assert codes <= set(reference().initiatives)
