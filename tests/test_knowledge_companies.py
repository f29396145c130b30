"""Actor knowledge for companies (companies.yaml), loaded for every dyad as background.

Checks the file's shape (keys, countries, sector), that no name or alias is used twice (in the
file, or by another knowledge file), and that the resolver codes companies in running text
without taking ordinary phrases ("the Korean air force", "China mobile users") for firms.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

KNOWLEDGE = resources.files("dyadwatch") / "knowledge"
FILE = "actors/companies.yaml"
KEYS = {"name", "aliases", "country", "sector"}
OPTIONAL = {"start", "end"}


def knowledge_file(relative: str) -> Path:
    return Path(str(KNOWLEDGE / relative))


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return yaml.safe_load(knowledge_file(FILE).read_text(encoding="utf-8"))


def test_every_entry_is_a_company_with_a_known_country(data):
    with knowledge_file("countries.tsv").open(encoding="utf-8") as handle:
        codes = {row["iso3"] for row in csv.DictReader(handle, delimiter="\t")}
    assert data["country"] is None and data["exact_case"] is True and data["sources"]
    for entry in data["institutions"]:
        assert KEYS <= set(entry) <= KEYS | OPTIONAL, entry["name"]
        assert entry["sector"] == "BUS" and entry["country"] in codes, entry["name"]
        assert isinstance(entry["aliases"], list), entry["name"]


def _forms(raw: dict[str, Any]) -> list[str]:
    forms = []
    for kind in ("people", "institutions"):
        for entry in raw.get(kind) or []:
            forms += [entry["name"], *(entry.get("aliases") or [])]
            if entry.get("surname"):
                forms.append(entry["surname"])
    return forms


def test_no_name_is_used_twice_here_or_by_another_file(data):
    own = _forms(data)
    assert len(own) == len(set(own))  # (case variants news writes are listed apart: "NCsoft")
    own_lower = {f.lower() for f in own}
    others: set[str] = set()
    for path in Path(str(KNOWLEDGE / "actors")).glob("*.yaml"):
        if path.name != "companies.yaml":
            others |= {f.lower() for f in _forms(
                yaml.safe_load(path.read_text(encoding="utf-8")) or {})}
    with knowledge_file("places.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            others |= {row["name"].lower(), *(a.lower() for a in row["aliases"].split("|") if a)}
    assert not own_lower & others


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    ("Toshiba sued SK Hynix in the Tokyo District Court on Thursday.", "ACCUSE", "JPN", "KOR"),
    ("Kioxia and Western Digital called off their merger talks on Friday.", "REJECT", "JPN",
     None),
    ("Hanwha Ocean signed a deal with Philly Shipyard's owner on Monday.", "SUPPORT", "KOR",
     None),
])
def test_companies_in_running_text_get_their_country(code, text, event_type, actor, recipient):
    event = next(m for m in code(text, date="2024-06-03") if m.event_type == event_type)
    assert actor in {a.country for a in event.actors}
    assert all(a.sector == "BUS" for a in event.actors if a.country == actor)
    if recipient is not None:
        assert recipient in {r.country for r in event.recipients}


@pytest.mark.parametrize("text", [
    "The Korean air force scrambled jets on Tuesday.",
    "China mobile users topped a billion.",
    "Japan post-war growth was fast.",
])
def test_ordinary_phrases_name_no_company(extractor, text):
    hits = extractor.resolver.find_hits(extractor.nlp(text))
    assert not [h for h in hits.values() if h.entity.sector == "BUS"], text
