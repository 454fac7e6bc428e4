import io

from babel import Locale

from data.i18n_extract import extract_reference_csv
from data.reference import REFERENCE_DIR, load


def test_recommendations_and_initiatives_are_complete():
    ref = load()
    assert list(ref.recommendations) == [f"R{n}" for n in range(1, 11)]
    # The 2020 Transition numbering that organizers used: 44 initiatives.
    assert list(ref.initiatives) == [f"I{n:02d}" for n in range(1, 45)]
    spans = {r: sorted(i.number for i in ref.initiatives_of(r)) for r in ref.recommendations}
    assert {r: (n[0], n[-1]) for r, n in spans.items()} == {
        "R1": (1, 8),
        "R2": (9, 15),
        "R3": (16, 21),
        "R4": (22, 27),
        "R5": (28, 30),
        "R6": (31, 33),
        "R7": (34, 35),
        "R8": (36, 38),
        "R9": (39, 41),
        "R10": (42, 44),
    }
    assert ref.initiatives["I12"].title == "Peer-to-peer spaces"
    assert ref.initiatives["I14"].title == "Cross-project tool development and reuse"
    assert ref.initiatives["I23"].number_2022 is None  # the Interim Global Council was dropped
    assert {i.status for i in ref.initiatives.values()} == {
        "confirmed",
        "inferred",
        "inferred-title",
    }
    assert all(i.recommendation in ref.recommendations for i in ref.initiatives.values())
    assert {i.recommendation for i in ref.initiatives.values()} == set(ref.recommendations)


def test_every_iso_country_maps_to_one_region():
    ref = load()
    not_iso = {
        "EU",
        "EZ",
        "UN",
        "ZZ",
        "QO",
        "XA",
        "XB",
        "XK",
        "IC",
        "EA",
        "DG",
        "CP",
        "CQ",
        "TA",
        "AC",
    }
    babel = {c for c in Locale("en").territories if len(c) == 2 and c.isalpha()} - not_iso
    assert set(ref.countries) == babel
    assert len(ref.countries) == 249
    assert {c.region for c in ref.countries.values()} == set(ref.regions) - {"GLOBAL"}
    assert len({c.alpha3 for c in ref.countries.values()}) == 249
    assert ref.region_of("AF") == "SA"
    assert ref.region_of("MX") == "LAC"
    assert ref.region_of("KZ") == "CEECA"
    assert ref.region_of(None) == "GLOBAL"


def test_languages_and_direction():
    ref = load()
    assert len(ref.languages) == 13
    assert {c for c, lang in ref.languages.items() if lang.rtl} == {"ar", "fa"}


def test_extractor_feeds_every_label_to_the_catalog():
    ref = load()
    found = set()
    for name in (
        "recommendations.csv",
        "initiatives.csv",
        "regions.csv",
        "themes.csv",
        "formats.csv",
        "groups.csv",
    ):
        data = (REFERENCE_DIR / name).read_bytes()
        handle = io.BytesIO(data)
        handle.name = name
        found |= {msg for _, _, msg, _ in extract_reference_csv(handle, [], [], {})}
    expected = {r.title for r in ref.recommendations.values()}
    expected |= {i.title for i in ref.initiatives.values()}
    for table in (ref.regions, ref.themes, ref.formats, ref.groups):
        expected |= {item.label for item in table.values()}
    assert found == expected


def test_recommendation_of_maps_every_initiative_to_its_recommendation():
    ref = load()
    found = ref.recommendation_of()
    assert set(found) == set(ref.initiatives)
    assert found["I12"] == ref.initiatives["I12"].recommendation
    assert found["I01"] == "R1" and found["I44"] == "R10"
