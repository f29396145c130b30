"""Heads of state and government of the world (knowledge/actors/world.yaml).

Checks the shape of the file (keys, country codes, role ids, dates, aliases), that the project's
loader accepts it, that offices held by one person at a time do not overlap, and a handful of
facts about who held which office on a given day.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from importlib.resources import files
from typing import Any

import pytest
import yaml

from dyadwatch.extractors.actor_kb import load_knowledge

KNOWLEDGE = files("dyadwatch") / "knowledge"
WORLD = KNOWLEDGE / "actors" / "world.yaml"

# The file is current to late 2026; no role may start or end after this day.
WRITTEN = dt.date(2026, 12, 31)
# These countries have their own actor files; their leaders are not repeated here.
SKIPPED = frozenset({"USA", "CHN", "JPN", "KOR", "PRK", "RUS", "GBR"})
PERSON_KEYS = {"name", "surname", "aliases", "country", "sector", "roles"}
ROLE_REQUIRED = {"role", "start", "end"}
ROLE_OPTIONAL = {"org", "approx"}
SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "OPP", "BUS", "CVL", "MED", "NGO", "IGO", "COP"})
ISO3 = re.compile(r"^[A-Z]{3}$")
# Offices with one holder at a time in a country; a successor may start on the predecessor's
# last day.
SINGLE_HOLDER = frozenset({"president", "prime_minister", "chancellor", "monarch",
                           "supreme_leader", "emperor"})
# Documented exceptions: rival governments and federal/republic offices held side by side.
OVERLAP_ALLOWED = frozenset({
    ("LBY", "prime_minister"),  # eastern and Tripoli governments from 2014
    ("LBN", "prime_minister"),  # Aoun's military government beside Hoss's, 1988-1990
    ("KHM", "prime_minister"),  # first and second prime ministers, 1993-1998
    ("SRB", "president"),  # presidents of Yugoslavia and of Serbia
    ("NIC", "president"),  # co-presidents from 2025
})


def _load() -> dict[str, Any]:
    return yaml.safe_load(WORLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return _load()


@pytest.fixture(scope="module")
def people(data: dict[str, Any]) -> list[dict[str, Any]]:
    return data["people"]


@pytest.fixture(scope="module")
def role_ids() -> frozenset[str]:
    raw = yaml.safe_load((KNOWLEDGE / "roles.yaml").read_text(encoding="utf-8"))
    return frozenset(entry["role"] for entry in raw["titles"])


def _tsv_column(name: str, column: str) -> set[str]:
    with (KNOWLEDGE / name).open(encoding="utf-8", newline="") as handle:
        return {row[column] for row in csv.DictReader(handle, delimiter="\t",
                                                      quoting=csv.QUOTE_NONE)}


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold()


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    assert isinstance(value, dt.date) and not isinstance(value, dt.datetime), value
    return value


def holders(people: list[dict[str, Any]], country: str, role: str, when: dt.date) -> list[str]:
    found = []
    for person in people:
        if person["country"] != country:
            continue
        for r in person["roles"]:
            start, end = _date(r["start"]), _date(r["end"])
            if r["role"] == role and start <= when and (end is None or when <= end):
                found.append(person["name"])
                break
    return found


def test_file_header(data: dict[str, Any]) -> None:
    assert set(data) == {"country", "sources", "people"}
    assert data["country"] is None
    assert data["sources"] and all(isinstance(s, str) and s.strip() for s in data["sources"])
    assert len(data["people"]) >= 700


def test_people_schema(people: list[dict[str, Any]], role_ids: frozenset[str]) -> None:
    countries = _tsv_column("countries.tsv", "iso3")
    igos = _tsv_column("igos.tsv", "name")
    for person in people:
        name = person.get("name")
        assert set(person) == PERSON_KEYS, name
        assert isinstance(name, str) and name.strip() == name and name, name
        assert ISO3.match(person["country"]) and person["country"] in countries, name
        assert person["country"] not in SKIPPED, name
        assert person["sector"] in SECTORS, name
        assert isinstance(person["aliases"], list), name
        assert all(isinstance(a, str) and a.strip() for a in person["aliases"]), name
        surname = person["surname"]
        if surname is not None:
            assert isinstance(surname, str) and surname.strip(), name
            assert surname.casefold() not in {a.casefold() for a in person["aliases"]}, name
            assert any(_fold(surname) in _fold(form) for form in [name, *person["aliases"]]), name
        assert person["roles"], name
        for role in person["roles"]:
            assert ROLE_REQUIRED <= set(role) <= ROLE_REQUIRED | ROLE_OPTIONAL, (name, role)
            assert role["role"] in role_ids, (name, role)
            if role["role"] == "igo_head":
                assert role.get("org") in igos, (name, role)
            else:
                assert "org" not in role, (name, role)
            if "approx" in role:
                assert isinstance(role["approx"], bool), (name, role)
            start, end = _date(role["start"]), _date(role["end"])
            assert start is not None and start <= WRITTEN, (name, role)
            assert end is None or start <= end <= WRITTEN, (name, role)
            assert end is None or end >= dt.date(1975, 1, 1), (name, role)


def test_names_and_aliases_are_unique(people: list[dict[str, Any]]) -> None:
    owner: dict[str, str] = {}
    for person in people:
        for form in {f.casefold() for f in [person["name"], *person["aliases"]]}:
            assert owner.setdefault(form, person["name"]) == person["name"], (
                f"{form!r} names both {owner[form]!r} and {person['name']!r}"
            )


def test_single_holder_offices_do_not_overlap(people: list[dict[str, Any]]) -> None:
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in people:
        for r in person["roles"]:
            if r["role"] in SINGLE_HOLDER:
                end = _date(r["end"]) or dt.date.max
                terms[(person["country"], r["role"])].append((_date(r["start"]), end,
                                                              person["name"]))
    for key, spans in terms.items():
        if key in OVERLAP_ALLOWED:
            continue
        spans.sort()
        for (_, end, name), (start, _, successor) in zip(spans, spans[1:], strict=False):
            assert start >= end, f"{key}: {name} (to {end}) overlaps {successor} (from {start})"


@pytest.mark.parametrize(
    ("country", "role", "when", "name"),
    [
        ("ZWE", "president", "2000-01-01", "Robert Mugabe"),
        ("ZWE", "prime_minister", "1985-01-01", "Robert Mugabe"),
        ("DZA", "president", "2005-06-01", "Abdelaziz Bouteflika"),
        ("DEU", "chancellor", "2010-01-01", "Angela Merkel"),
        ("PAK", "president", "1985-01-01", "Muhammad Zia-ul-Haq"),
        ("HTI", "president", "1989-06-01", "Prosper Avril"),
        ("AGO", "president", "1995-01-01", "Jose Eduardo dos Santos"),
        ("KEN", "vice_president", "2005-01-01", "Moody Awori"),
        ("JOR", "monarch", "2010-01-01", "Abdullah II"),
        ("IND", "prime_minister", "2010-01-01", "Manmohan Singh"),
        ("IRN", "supreme_leader", "1995-01-01", "Ali Khamenei"),
        ("FRA", "president", "2000-01-01", "Jacques Chirac"),
    ],
)
def test_holders(people: list[dict[str, Any]], country: str, role: str, when: str,
                 name: str) -> None:
    assert holders(people, country, role, dt.date.fromisoformat(when)) == [name]


def test_loader_accepts_file() -> None:
    """The project's loader reads the file (it is loaded for every dyad) and answers for it."""
    kb = load_knowledge([])
    assert kb.holder("ZWE", "president", dt.date(2000, 1, 1)).name == "Robert Mugabe"
    assert kb.holder("DEU", "chancellor", dt.date(2010, 1, 1)).name == "Angela Merkel"
    bouteflika = kb.entities["person:Abdelaziz Bouteflika"]
    assert bouteflika.country == "DZA"
    assert [r.role for r in bouteflika.roles_at(dt.date(2005, 1, 1))] == ["president"]
    assert kb.entities["person:Abdullah II"].surname is None
