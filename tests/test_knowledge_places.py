"""Place knowledge (places.tsv): where something happens, which gives a country to the people
and authorities of the place when the text names no other.

Checks the file's shape, that no place string is used twice or shadows a country word, and that
places in world news give their country in running text.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

KNOWLEDGE = Path(str(resources.files("dyadwatch") / "knowledge"))


def _rows(name: str) -> list[dict[str, str]]:
    with (KNOWLEDGE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _strings(row: dict[str, str], *columns: str) -> list[str]:
    out = []
    for column in columns:
        out += [s.strip() for s in (row.get(column) or "").split("|") if s.strip()]
    return out


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    return _rows("places.tsv")


def test_every_place_has_a_known_country_or_says_why_not(places):
    codes = {row["iso3"] for row in _rows("countries.tsv")}
    assert len(places) > 2500
    for row in places:
        assert row["name"].strip(), row
        if row["country"]:
            assert row["country"] in codes, row["name"]
        else:
            assert row["note"].strip(), row["name"]  # disputed or shared: the note says so


def test_no_place_string_is_used_twice_or_shadows_a_country_word(places):
    seen: dict[str, str] = {}
    for row in places:
        for string in _strings(row, "name", "aliases"):
            key = string.lower()
            assert key not in seen or seen[key] == row["name"], (string, seen.get(key))
            seen[key] = row["name"]
    country_words = {s.lower() for row in _rows("countries.tsv")
                     for s in _strings(row, "name", "aliases", "demonyms", "capitals")}
    assert not set(seen) & country_words, sorted(set(seen) & country_words)[:10]


@pytest.mark.parametrize(("text", "event_type", "side", "country"), [
    ("Vigilantes lynched a cattle trader in Rajasthan.", "ASSAULT", "actors", "IND"),
    ("The governor of Lagos State imposed a curfew on the city.", "COERCE", "actors", "NGA"),
    ("Gunmen killed four soldiers near Aleppo.", "ASSAULT", "recipients", "SYR"),
    ("Youths in Belfast hurled stones at police.", "PROTEST", "actors", "GBR"),
    ("Aichi prefectural police arrested a man over the threatening fax.", "COERCE", "actors",
     "JPN"),
])
def test_world_places_give_their_country(code, text, event_type, side, country):
    event = next(m for m in code(text, date="2015-06-01") if m.event_type == event_type)
    assert country in {a.country for a in getattr(event, side)}, text
