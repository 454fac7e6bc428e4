"""Reference facts loaded from ``data/reference/*.csv``.

Codes are stable identifiers; the English labels in the files are gettext msgids (the
``data/i18n_extract.py`` extractor feeds them to the catalogs), so a correction in a data file
flows into the translations. Files are read once, on first use, never at import.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).with_name("reference")


@dataclass(frozen=True, slots=True)
class Recommendation:
    code: str
    number: int
    title: str


@dataclass(frozen=True, slots=True)
class Initiative:
    code: str
    number: int
    recommendation: str
    title: str
    # How the row is known (the reference README): ``confirmed`` by a 2020 source, ``inferred``
    # from the 2021–22 list and its renumbering, ``inferred-title`` (number sure, title
    # translated back). Shown to the support team, kept when an official list is loaded over it.
    status: str
    number_2022: int | None  # the same initiative in the renumbered 2021–22 list, if it has one

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"


@dataclass(frozen=True, slots=True)
class Labelled:
    """A code and its English label (a gettext msgid): regions, themes, formats, groups."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Language:
    """An interface language, named in itself; ``rtl`` when it is written right to left."""

    code: str
    name: str
    rtl: bool = False


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166-1 country (alpha-2 ``code``) and the Wikimedia region it belongs to."""

    code: str
    alpha3: str
    region: str


@dataclass(frozen=True)
class Reference:
    recommendations: dict[str, Recommendation]
    initiatives: dict[str, Initiative]
    regions: dict[str, Labelled]
    countries: dict[str, Country]
    themes: dict[str, Labelled]
    formats: dict[str, Labelled]
    groups: dict[str, Labelled]
    languages: dict[str, Language]

    def recommendation_of(self) -> dict[str, str]:
        """Each initiative's recommendation, by initiative code."""
        return {code: item.recommendation for code, item in self.initiatives.items()}

    def initiatives_of(self, recommendation: str) -> list[Initiative]:
        return [i for i in self.initiatives.values() if i.recommendation == recommendation]

    def region_of(self, country: str | None) -> str:
        """The Wikimedia region of an ISO country code; ``GLOBAL`` when there is none."""
        found = self.countries.get(country or "")
        return found.region if found else "GLOBAL"


def read_rows(name: str, directory: Path = REFERENCE_DIR) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(directory: Path = REFERENCE_DIR) -> Reference:
    """Read every reference file in ``directory``; raises ValueError on an inconsistency."""

    def rows(name: str) -> list[dict[str, str]]:
        return read_rows(name, directory)

    def labelled(name: str, label: str = "label") -> dict[str, Labelled]:
        return {r["code"]: Labelled(r["code"], r[label]) for r in rows(name)}

    recommendations = {
        r["code"]: Recommendation(r["code"], int(r["number"]), r["title"])
        for r in rows("recommendations.csv")
    }
    initiatives = {
        r["code"]: Initiative(
            r["code"],
            int(r["number"]),
            r["recommendation"],
            r["title"],
            r.get("status") or "confirmed",
            int(r["number_2022"]) if (r.get("number_2022") or "").strip() else None,
        )
        for r in rows("initiatives.csv")
    }
    regions = labelled("regions.csv", "name")
    countries = {
        r["code"]: Country(r["code"], r["alpha3"], r["region"]) for r in rows("countries.csv")
    }
    ref = Reference(
        recommendations=recommendations,
        initiatives=initiatives,
        regions=regions,
        countries=countries,
        themes=labelled("themes.csv"),
        formats=labelled("formats.csv"),
        groups=labelled("groups.csv"),
        languages={
            r["code"]: Language(r["code"], r["name"], r["dir"] == "rtl")
            for r in rows("languages.csv")
        },
    )
    _check(ref)
    return ref


def _check(ref: Reference) -> None:
    bad = [i.code for i in ref.initiatives.values() if i.recommendation not in ref.recommendations]
    bad += [c.code for c in ref.countries.values() if c.region not in ref.regions]
    if bad:
        raise ValueError(f"reference data points to unknown codes: {bad}")


@cache
def reference() -> Reference:
    """The app's reference data, read once per process."""
    return load()
