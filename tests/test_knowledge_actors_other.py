"""Actor knowledge for the United States, China, North Korea, Russia and the United Kingdom.

Checks the shape of ``knowledge/actors/{usa,chn,prk,rus,gbr}.yaml`` (keys, role ids, dates,
aliases, sources) and a handful of facts about who held which office on a given day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from importlib import resources
from typing import Any

import pytest
import yaml

FILES = ("usa", "chn", "prk", "rus", "gbr")

ROLE_IDS = frozenset(
    {
        "president",
        "vice_president",
        "prime_minister",
        "premier",
        "supreme_leader",
        "general_secretary",
        "foreign_minister",
        "vice_foreign_minister",
        "defence_minister",
        "trade_minister",
        "finance_minister",
        "national_security_adviser",
        "ambassador",
        "special_envoy",
        "party_leader",
        "speaker",
        "chief_of_staff",
        "spokesperson",
        "military_chief",
        "minister",
    }
)
# Roles that need a qualifier to mean anything.
REQUIRED_QUALIFIER = {
    "ambassador": "to",
    "special_envoy": "portfolio",
    "party_leader": "org",
    "minister": "portfolio",
    "trade_minister": "portfolio",
}
# Offices with one holder at a time (per qualifier); successive holders may share the handover day.
SINGLE_HOLDER = frozenset(
    {
        "president",
        "vice_president",
        "prime_minister",
        "premier",
        "supreme_leader",
        "general_secretary",
        "foreign_minister",
        "defence_minister",
        "trade_minister",
        "finance_minister",
        "national_security_adviser",
        "ambassador",
        "speaker",
        "chief_of_staff",
        "military_chief",
    }
)
SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "BUS", "CVL", "OPP", "MED", "IGO", "NGO", "COP"})
PERSON_KEYS = {"name", "surname", "aliases", "country", "sector", "roles"}
INSTITUTION_KEYS = {"name", "aliases", "country", "sector"}
INSTITUTION_OPTIONAL = {"start", "end", "descriptors", "shared_aliases"}
ROLE_KEYS = {"role", "start", "end"}
ROLE_OPTIONAL = {"portfolio", "to", "org", "approx"}
ISO3 = re.compile(r"^[A-Z]{3}$")
TODAY = dt.date(2026, 11, 22)


def load(code: str) -> dict[str, Any]:
    path = resources.files("dyadwatch") / "knowledge" / "actors" / f"{code}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=FILES)
def actor_file(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, load(request.param)


def as_date(value: Any) -> dt.date | None:
    """YAML gives unquoted ISO dates as ``date``; a quoted one must still be YYYY-MM-DD."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise AssertionError(f"{value!r} has a time; give a YYYY-MM-DD date")
    if isinstance(value, dt.date):
        return value
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def holders(data: dict[str, Any], role: str, when: dt.date, **qualifiers: str) -> list[str]:
    """Names of the people holding ``role`` on ``when`` (end = last day in office)."""
    found = []
    for person in data["people"]:
        for r in person["roles"]:
            if r["role"] != role or any(r.get(k) != v for k, v in qualifiers.items()):
                continue
            start, end = as_date(r["start"]), as_date(r["end"])
            if start <= when and (end is None or when <= end):
                found.append(person["name"])
                break
    return found


def test_file_header(actor_file: tuple[str, dict[str, Any]]) -> None:
    code, data = actor_file
    assert set(data) == {"country", "sources", "people", "institutions"}
    assert data["country"] == code.upper()
    assert data["sources"] and all(isinstance(s, str) and s.strip() for s in data["sources"])
    assert data["people"] and data["institutions"]


def test_people_schema(actor_file: tuple[str, dict[str, Any]]) -> None:
    _, data = actor_file
    for person in data["people"]:
        name = person.get("name")
        assert set(person) == PERSON_KEYS, name
        assert ISO3.match(person["country"]), name
        assert person["sector"] in SECTORS, name
        assert isinstance(person["aliases"], list), name
        assert person["surname"] and person["surname"] in name, name
        assert person["surname"] not in person["aliases"], f"{name}: bare surname as alias"
        assert person["roles"], name
        for role in person["roles"]:
            assert ROLE_KEYS <= set(role) <= ROLE_KEYS | ROLE_OPTIONAL, (name, role)
            assert role["role"] in ROLE_IDS, (name, role)
            needed = REQUIRED_QUALIFIER.get(role["role"])
            assert needed is None or role.get(needed), (name, role, f"needs {needed!r}")
            if "to" in role:
                assert ISO3.match(role["to"]), (name, role)
            if "approx" in role:
                assert isinstance(role["approx"], bool), (name, role)
            start, end = as_date(role["start"]), as_date(role["end"])
            assert start is not None, (name, role)
            assert start <= TODAY, (name, role)
            assert end is None or start <= end <= TODAY, (name, role)


def test_institutions_schema(actor_file: tuple[str, dict[str, Any]]) -> None:
    _, data = actor_file
    for inst in data["institutions"]:
        name = inst.get("name")
        assert INSTITUTION_KEYS <= set(inst) <= INSTITUTION_KEYS | INSTITUTION_OPTIONAL, name
        assert ISO3.match(inst["country"]), name
        assert inst["sector"] in SECTORS, name
        assert isinstance(inst["aliases"], list), name
        start, end = as_date(inst.get("start")), as_date(inst.get("end"))
        assert start is None or end is None or start <= end, name


def test_no_surface_form_names_two_entities(actor_file: tuple[str, dict[str, Any]]) -> None:
    _, data = actor_file
    owner: dict[str, str] = {}
    for entity in data["people"] + data["institutions"]:
        forms = {f.casefold() for f in [entity["name"], *entity["aliases"]]}
        for form in forms:
            assert owner.setdefault(form, entity["name"]) == entity["name"], (
                f"{form!r} names both {owner[form]!r} and {entity['name']!r}"
            )


def test_single_holder_offices_do_not_overlap(actor_file: tuple[str, dict[str, Any]]) -> None:
    _, data = actor_file
    terms: dict[tuple[str, ...], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in data["people"]:
        for r in person["roles"]:
            if r["role"] in SINGLE_HOLDER:
                key = (r["role"], r.get("to") or "", r.get("portfolio") or "", r.get("org") or "")
                end = as_date(r["end"]) or dt.date.max
                terms[key].append((as_date(r["start"]), end, person["name"]))
    for key, spans in terms.items():
        spans.sort()
        for (_, end, name), (start, _, successor) in zip(spans, spans[1:], strict=False):
            assert start >= end, f"{key}: {name} (to {end}) overlaps {successor} (from {start})"


def test_dyad_usa_china_config() -> None:
    path = resources.files("dyadwatch") / "dyads" / "usa-china.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["id"] == "usa-china"
    assert raw["countries"] == ["USA", "CHN"]
    assert raw["sources"]
    if raw["issue_file"] is not None:
        assert (resources.files("dyadwatch") / "knowledge" / raw["issue_file"]).is_file()
    for relative in raw["actor_files"]:
        assert (resources.files("dyadwatch") / "knowledge" / relative).is_file(), relative


@pytest.mark.parametrize(
    ("code", "role", "when", "expected"),
    [
        ("usa", "president", "2019-08-01", "Donald Trump"),
        ("usa", "foreign_minister", "2019-08-01", "Mike Pompeo"),
        ("chn", "foreign_minister", "2019-08-01", "Wang Yi"),
        ("prk", "supreme_leader", "2019-08-01", "Kim Jong Un"),
        ("usa", "foreign_minister", "2014-05-01", "John Kerry"),
        ("chn", "foreign_minister", "2023-07-01", "Qin Gang"),
        ("chn", "foreign_minister", "2024-03-01", "Wang Yi"),
        ("usa", "president", "2026-11-22", "Donald Trump"),
        ("usa", "president", "2022-06-15", "Joe Biden"),
        ("usa", "vice_president", "2012-03-01", "Joe Biden"),
        ("usa", "defence_minister", "2018-06-01", "Jim Mattis"),
        ("usa", "national_security_adviser", "2018-06-12", "John Bolton"),
        ("chn", "president", "2000-01-01", "Jiang Zemin"),
        ("chn", "general_secretary", "2010-01-01", "Hu Jintao"),
        ("chn", "premier", "2020-01-01", "Li Keqiang"),
        ("prk", "supreme_leader", "1994-07-01", "Kim Il Sung"),
        ("prk", "supreme_leader", "2005-01-01", "Kim Jong Il"),
        ("prk", "foreign_minister", "2018-06-12", "Ri Yong Ho"),
        ("prk", "foreign_minister", "2024-01-01", "Choe Son Hui"),
        ("rus", "president", "2010-01-01", "Dmitry Medvedev"),
        ("rus", "foreign_minister", "2020-01-01", "Sergey Lavrov"),
        ("gbr", "prime_minister", "1995-01-01", "John Major"),
        ("gbr", "prime_minister", "2020-06-15", "Boris Johnson"),
        ("gbr", "foreign_minister", "2024-01-01", "David Cameron"),
    ],
)
def test_office_holder_on_date(code: str, role: str, when: str, expected: str) -> None:
    assert holders(load(code), role, dt.date.fromisoformat(when)) == [expected]


def forty_mid_month_dates() -> list[dt.date]:
    """40 dates on the 15th, spread evenly from January 1990 to November 2026."""
    span = (2026 - 1990) * 12 + 10  # months from 1990-01 to 2026-11
    dates = []
    for k in range(40):
        month = round(k * span / 39)
        dates.append(dt.date(1990 + month // 12, month % 12 + 1, 15))
    return dates


@pytest.mark.parametrize("when", forty_mid_month_dates(), ids=str)
def test_exactly_one_us_president(when: dt.date) -> None:
    assert len(holders(load("usa"), "president", when)) == 1


def test_forty_distinct_dates() -> None:
    dates = forty_mid_month_dates()
    assert len(set(dates)) == 40
    assert dates[0] == dt.date(1990, 1, 15) and dates[-1] == dt.date(2026, 11, 15)


def test_igo_officials_file() -> None:
    # Heads of international organisations: no country, sector IGO, an igo_head role naming an
    # organisation of igos.tsv.
    data = load("igo")
    assert set(data) == {"country", "sources", "people"} and data["country"] is None
    assert data["sources"]
    igo_text = (resources.files("dyadwatch") / "knowledge" / "igos.tsv").read_text(encoding="utf-8")
    igo_names = {line.split("\t")[1] for line in igo_text.splitlines()[1:] if line.strip()}
    for person in data["people"]:
        name = person["name"]
        assert set(person) == PERSON_KEYS and person["country"] is None, name
        assert person["sector"] == "IGO" and person["surname"] in name, name
        for role in person["roles"]:
            assert role["role"] == "igo_head" and role["org"] in igo_names, (name, role)
            start, end = as_date(role["start"]), as_date(role["end"])
            assert start is not None and (end is None or start <= end <= TODAY), (name, role)


def test_igo_officials_load_with_every_dyad() -> None:
    from dyadwatch.config import load_dyad
    from dyadwatch.extractors.actor_kb import knowledge_for

    for dyad in ("japan-korea", "usa-china"):
        kb = knowledge_for(load_dyad(dyad))
        grossi = kb.entities["person:Rafael Grossi"]
        assert kb.country_at(grossi, dt.date(2023, 7, 5)) is None
        assert kb.sector_at(grossi, dt.date(2023, 7, 5)) == "IGO"
