import io

from babel import Locale

from data.i18n_extract import extract_reference_csv
from data.reference import REFERENCE_DIR, load


def test_recommendations_and_initiatives_are_complete():
    ref = load()
    assert list(ref.recommendations) == [f"R{n}" for n in range(1, 11)]
    assert list(ref.initiatives) == [f"I{n:02d}" for n in range(1, 46)]
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
