"""Actor knowledge for non-state and party actors of the wider world (world_groups.yaml).

Checks the shape of ``knowledge/actors/world_groups.yaml`` (keys, countries, sectors, opposition
spans), that no surface form names two entities (in the file, or against every other knowledge
file), that the countries with files of their own are left out, and a handful of facts through
the project's loader.
"""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyadwatch.extractors.actor_kb import ActorKnowledge, Entity, load_knowledge

KNOWLEDGE = resources.files("dyadwatch") / "knowledge"
FILE = "actors/world_groups.yaml"
# Countries with an actor file of their own: nothing of theirs belongs here.
OWN_FILES = ("usa", "chn", "jpn", "kor", "prk", "rus", "gbr")
SKIPPED = frozenset(code.upper() for code in OWN_FILES)
INSTITUTION_KEYS = {"name", "aliases", "country", "sector"}
INSTITUTION_OPTIONAL = {"start", "end", "descriptors", "opposition"}
TODAY = dt.date(2026, 11, 22)


def knowledge_file(relative: str) -> Path:
    return Path(str(KNOWLEDGE / relative))


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return yaml.safe_load(knowledge_file(FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def institutions(data: dict[str, Any]) -> list[dict[str, Any]]:
    return data["institutions"]


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    """The file through the project's loader, with the world files (countries, IGOs, agents,
    roles, places, and any background actor files the loader adds by itself)."""
    return load_knowledge([knowledge_file(FILE)])


@pytest.fixture(scope="module")
def kb_all() -> ActorKnowledge:
    """The file loaded with every dyad's actor files, as a dyad naming them all would."""
    return load_knowledge(
        [*(knowledge_file(f"actors/{c}.yaml") for c in OWN_FILES), knowledge_file(FILE)]
    )


def country_codes() -> set[str]:
    text = knowledge_file("countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return {row["iso3"] for row in rows}


def project_sectors() -> set[str]:
    """Sector codes the project already uses (agents, IGOs, roles, the other actor files)."""
    codes: set[str] = set()
    for name in ("agents.tsv", "igos.tsv"):
        text = knowledge_file(name).read_text(encoding="utf-8")
        rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        codes |= {row["sector"].strip() for row in rows if row["sector"].strip()}
    roles = yaml.safe_load(knowledge_file("roles.yaml").read_text(encoding="utf-8"))
    codes |= {t["sector"] for t in roles.get("titles", []) if t.get("sector")}
    for code in (*OWN_FILES, "igo"):
        raw = yaml.safe_load(knowledge_file(f"actors/{code}.yaml").read_text(encoding="utf-8"))
        codes |= {e["sector"] for e in [*raw.get("people", []), *raw.get("institutions", [])]}
    return codes


def entity(kb: ActorKnowledge, name: str) -> Entity:
    return kb.entities[f"org:{name}"]


def test_file_header(data: dict[str, Any]) -> None:
    assert set(data) == {"country", "sources", "institutions", "exact_case"}
    assert data["country"] is None and data["exact_case"] is True
    assert data["sources"] and all(isinstance(s, str) and s.strip() for s in data["sources"])
    assert len(data["institutions"]) >= 300


def test_institutions_schema(institutions: list[dict[str, Any]]) -> None:
    countries = country_codes()
    sectors = project_sectors()
    for inst in institutions:
        name = inst.get("name")
        assert isinstance(name, str) and name.strip() == name and name, inst
        assert INSTITUTION_KEYS <= set(inst) <= INSTITUTION_KEYS | INSTITUTION_OPTIONAL, name
        assert inst["country"] is None or inst["country"] in countries, (name, inst["country"])
        assert inst["sector"] in sectors, (name, inst["sector"])
        assert isinstance(inst["aliases"], list), name
        assert all(isinstance(a, str) and a.strip() == a and a for a in inst["aliases"]), name
        assert len(set(inst["aliases"])) == len(inst["aliases"]), f"{name}: repeated alias"
        assert name not in inst["aliases"], f"{name}: its name repeated as an alias"


def test_no_skipped_countries(institutions: list[dict[str, Any]]) -> None:
    # The United States, China, Japan, the Koreas, Russia and the UK have their own files.
    found = [inst["name"] for inst in institutions if inst["country"] in SKIPPED]
    assert not found, found


def test_opposition_spans(institutions: list[dict[str, Any]]) -> None:
    # Spans only mean something for parties (LEG or OPP); they are ordered and do not overlap.
    for inst in institutions:
        if "opposition" not in inst:
            continue
        name = inst["name"]
        assert inst["sector"] in {"LEG", "OPP"}, name
        spans = inst["opposition"]
        assert spans and all(isinstance(s, list) and len(s) == 2 for s in spans), name
        previous_end: dt.date | None = None
        for index, (start, end) in enumerate(spans):
            for day in (start, end):
                assert day is None or isinstance(day, dt.date), (name, day)
                assert day is None or day <= TODAY, (name, day)
            assert start is None or end is None or start <= end, (name, start, end)
            assert start is not None or index == 0, f"{name}: only the first may start open"
            assert end is not None or index == len(spans) - 1, (
                f"{name}: only the last may stay open"
            )
            if previous_end is not None:
                assert start is not None and start > previous_end, (name, start, previous_end)
            previous_end = end


def test_no_surface_form_names_two_entities(institutions: list[dict[str, Any]]) -> None:
    owner: dict[str, str] = {}
    for inst in institutions:
        for form in {f.casefold() for f in [inst["name"], *inst["aliases"]]}:
            assert owner.setdefault(form, inst["name"]) == inst["name"], (
                f"{form!r} names both {owner[form]!r} and {inst['name']!r}"
            )


def other_institution_names() -> set[str]:
    """Institution names of every other actor file (the dyad files, igo.yaml, world.yaml)."""
    names: set[str] = set()
    for path in sorted(knowledge_file("actors").glob("*.yaml")):
        if path.name == Path(FILE).name:
            continue
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        names |= {inst["name"] for inst in raw.get("institutions", []) or []}
    return names


def test_no_clash_with_other_knowledge_files(
    institutions: list[dict[str, Any]], kb_all: ActorKnowledge
) -> None:
    # No name is already an institution of another actor file (the loader keeps the first and
    # skips the second), and no alias is also a country, IGO, agent noun, role noun, place, or a
    # name, alias or surname of an entity of another file.
    names = {inst["name"] for inst in institutions}
    assert not names & other_institution_names(), sorted(names & other_institution_names())
    mine = {f"org:{name}" for name in names}
    owners: dict[str, set[str]] = {}
    for alias in kb_all.aliases:
        owners.setdefault(alias.text.casefold(), set()).add(alias.entity)
    clashes = sorted(
        (alias.text, sorted(owners[alias.text.casefold()]))
        for alias in kb_all.aliases
        if alias.entity in mine and len(owners[alias.text.casefold()]) > 1
    )
    assert not clashes, clashes


def test_loads_with_project_loader(institutions: list[dict[str, Any]], kb: ActorKnowledge) -> None:
    for inst in institutions:
        loaded = entity(kb, inst["name"])
        assert loaded.kind == "institution", inst["name"]
        assert (loaded.country, loaded.sector) == (inst["country"], inst["sector"]), inst["name"]
        assert (loaded.opposition is None) == ("opposition" not in inst), inst["name"]


def test_solidarity_matches_only_as_written(kb: ActorKnowledge) -> None:
    # "Solidarity" the union, not "solidarity" the word: one-word names are case-sensitive.
    forms = [a for a in kb.aliases if a.entity == "org:Solidarity" and a.text == "Solidarity"]
    assert forms and all(a.case_sensitive for a in forms)


@pytest.mark.parametrize(
    ("name", "country", "sector"),
    [
        ("Hamas", "PSE", "REB"),
        ("Palestinian Islamic Jihad", "PSE", "REB"),
        ("Taliban", "AFG", "REB"),
        ("National Union for the Total Independence of Angola", "AGO", "REB"),
        ("Khmer Rouge", "KHM", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("Palestine Liberation Organization", "PSE", "GOV"),
        ("Revolutionary Armed Forces of Colombia", "COL", "REB"),
        ("Kurdistan Workers' Party", "TUR", "REB"),
        ("Liberation Tigers of Tamil Eelam", "LKA", "REB"),
        ("Muslim Brotherhood", "EGY", "OPP"),
        ("Solidarity", "POL", "OPP"),
        ("al-Qaeda", None, "REB"),
        ("Islamic State", None, "REB"),
        ("Kosovo Liberation Army", "XKX", "REB"),
        ("ETA", "ESP", "REB"),
    ],
)
def test_spot_checks(kb: ActorKnowledge, name: str, country: str | None, sector: str) -> None:
    found = entity(kb, name)
    assert (found.country, found.sector) == (country, sector)


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Hamas", "Hamas"),
        ("Islamic Resistance Movement", "Hamas"),
        ("Islamic Jihad", "Palestinian Islamic Jihad"),
        ("Taleban", "Taliban"),
        ("UNITA", "National Union for the Total Independence of Angola"),
        ("Hizbollah", "Hezbollah"),
        ("Hizballah", "Hezbollah"),
        ("PLO", "Palestine Liberation Organization"),
        ("FARC", "Revolutionary Armed Forces of Colombia"),
        ("ANC", "African National Congress"),
        ("PKK", "Kurdistan Workers' Party"),
        ("Tamil Tigers", "Liberation Tigers of Tamil Eelam"),
        ("LTTE", "Liberation Tigers of Tamil Eelam"),
        ("Solidarność", "Solidarity"),
        ("ISIS", "Islamic State"),
        ("Fatah", "Fatah"),
        ("Likud", "Likud"),
        ("BJP", "Bharatiya Janata Party"),
        ("PML-N", "Pakistan Muslim League (N)"),
        ("BNP", "Bangladesh Nationalist Party"),
        ("ZANU-PF", "ZANU-PF"),
        ("MDC", "Movement for Democratic Change"),
    ],
)
def test_aliases_name_the_entity(kb: ActorKnowledge, alias: str, name: str) -> None:
    keys = {a.entity for a in kb.aliases if a.text == alias}
    assert keys == {f"org:{name}"}


@pytest.mark.parametrize(
    ("name", "when", "sector"),
    [
        ("African National Congress", "1986-06-16", "OPP"),  # banned liberation movement
        ("African National Congress", "1999-06-16", "LEG"),  # ruling party from May 1994
        ("Muslim Brotherhood", "2011-01-28", "OPP"),
        ("Muslim Brotherhood", "2013-01-01", "LEG"),  # Morsi's presidency
        ("Muslim Brotherhood", "2014-01-01", "OPP"),
        ("Bharatiya Janata Party", "2010-01-01", "OPP"),
        ("Bharatiya Janata Party", "2001-01-01", "LEG"),
        ("Bharatiya Janata Party", "2020-01-01", "LEG"),
        ("Indian National Congress", "2010-01-01", "LEG"),
        ("Indian National Congress", "2020-01-01", "OPP"),
        ("National League for Democracy", "2010-01-01", "OPP"),
        ("National League for Democracy", "2018-01-01", "LEG"),
        ("National League for Democracy", "2022-01-01", "OPP"),
        ("Kuomintang", "2004-01-01", "OPP"),
        ("Kuomintang", "2012-01-01", "LEG"),
        ("Institutional Revolutionary Party", "1995-01-01", "LEG"),
        ("Institutional Revolutionary Party", "2005-01-01", "OPP"),
        ("Taliban", "2023-01-01", "REB"),  # one sector, whatever the date
        ("Hamas", "2010-01-01", "REB"),
    ],
)
def test_sector_by_date(kb: ActorKnowledge, name: str, when: str, sector: str) -> None:
    assert kb.sector_at(entity(kb, name), dt.date.fromisoformat(when)) == sector
