"""Schema and fact checks for the Japan and South Korea actor files (actors/jpn.yaml, kor.yaml)."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections import defaultdict
from importlib.resources import files
from typing import Any

import pytest
import yaml

KNOWLEDGE = files("dyadwatch") / "knowledge"
ACTORS = KNOWLEDGE / "actors"
CODES = ("jpn", "kor")

# The file is current to this day; no role may start or end after it.
WRITTEN = dt.date(2026, 11, 22)
FAR_FUTURE = dt.date(9999, 12, 31)

ROLE_IDS = frozenset(
    {
        *("president", "vice_president", "prime_minister", "emperor", "chief_cabinet_secretary"),
        *("foreign_minister", "vice_foreign_minister", "defence_minister", "trade_minister"),
        *("finance_minister", "unification_minister", "national_security_adviser", "ambassador"),
        *("party_leader", "chief_justice", "speaker", "chief_of_staff", "spokesperson"),
        *("military_chief", "minister", "industry_minister", "igo_head"),
    }
)
TOP_KEYS = {"country", "sources", "people", "institutions"}
PERSON_KEYS = {"name", "surname", "aliases", "country", "sector", "roles"}
ROLE_REQUIRED = {"role", "start", "end"}
ROLE_OPTIONAL = {"org", "to", "portfolio", "approx", "acting"}
INSTITUTION_REQUIRED = {"name", "aliases", "country", "sector"}
INSTITUTION_OPTIONAL = {"start", "end", "descriptors", "opposition", "shared_aliases"}
SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "OPP", "BUS", "CVL", "MED", "NGO", "IGO", "COP"})
# A role qualifier that only some roles carry, and must carry.
QUALIFIER = {"org": {"party_leader", "igo_head"}, "to": {"ambassador"}, "portfolio": {"minister"}}

# Posts with one holder at a time (a handover day may show both the outgoing and incoming one).
SINGLE_HOLDER = {
    "jpn": (
        "emperor",
        "prime_minister",
        "chief_cabinet_secretary",
        "foreign_minister",
        "defence_minister",
        "trade_minister",
        "finance_minister",
        "national_security_adviser",
        "chief_justice",
        "speaker",
        "military_chief",
    ),
    "kor": (
        "prime_minister",
        "foreign_minister",
        "trade_minister",
        "industry_minister",
        "defence_minister",
        "finance_minister",
        "unification_minister",
        "national_security_adviser",
        "chief_justice",
        "chief_of_staff",
        "speaker",
        "military_chief",
    ),
}


def load(code: str) -> dict[str, Any]:
    text = (ACTORS / f"{code}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def files_by_code() -> dict[str, dict[str, Any]]:
    return {code: load(code) for code in CODES}


@pytest.fixture(scope="module")
def iso3_codes() -> frozenset[str]:
    text = (KNOWLEDGE / "countries.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return frozenset(row["iso3"] for row in rows)


def is_day(value: object) -> bool:
    # yaml.safe_load turns an unquoted ISO date into datetime.date; a datetime or a string is wrong.
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def covers(role: dict[str, Any], day: dt.date) -> bool:
    return role["start"] <= day <= (role["end"] or FAR_FUTURE)


def holders(data: dict[str, Any], role_id: str, day: dt.date, **match: object) -> list[str]:
    """Names of the people holding ``role_id`` on ``day``; ``match`` filters on role keys."""
    found = []
    for person in data["people"]:
        for role in person["roles"]:
            if role["role"] != role_id or not covers(role, day):
                continue
            if all(role.get(key) == value for key, value in match.items()):
                found.append(person["name"])
    return found


def exercising(data: dict[str, Any], role_id: str, day: dt.date) -> list[str]:
    """Who exercises the office: an acting holder, where there is one, else the holder."""
    acting = holders(data, role_id, day, acting=True)
    return acting or holders(data, role_id, day)


def spread_dates(count: int = 40) -> list[dt.date]:
    """``count`` mid-month days, eleven months apart, from March 1990 to December 2025."""
    days = []
    for i in range(count):
        month_index = 2 + 11 * i  # months since January 1990
        days.append(dt.date(1990 + month_index // 12, month_index % 12 + 1, 15))
    return days


# ---------------------------------------------------------------------------------------- schema


@pytest.mark.parametrize("code", CODES)
def test_top_level(code: str, files_by_code: dict[str, dict[str, Any]]) -> None:
    data = files_by_code[code]
    assert set(data) == TOP_KEYS
    assert data["country"] == code.upper()
    assert isinstance(data["sources"], list) and data["sources"]
    assert all(isinstance(source, str) and source.strip() for source in data["sources"])
    assert len(data["people"]) >= 120
    assert len(data["institutions"]) >= 60


@pytest.mark.parametrize("code", CODES)
def test_people_schema(code: str, files_by_code: dict[str, dict[str, Any]]) -> None:
    data = files_by_code[code]
    for person in data["people"]:
        name = person.get("name")
        assert set(person) == PERSON_KEYS, name
        assert isinstance(name, str) and name == name.strip() and name
        surname = person["surname"]
        assert isinstance(surname, str) and (surname in name.split() or surname == name), name
        aliases = person["aliases"]
        assert isinstance(aliases, list), name
        assert all(isinstance(alias, str) and alias.strip() == alias and alias for alias in aliases)
        assert len(aliases) == len(set(aliases)), f"{name}: repeated alias"
        assert name not in aliases, f"{name}: the canonical name is not an alias"
        assert surname not in aliases or surname == name, f"{name}: a bare surname is no alias"
        assert person["country"] == data["country"], name
        assert person["sector"] in SECTORS, name
        assert isinstance(person["roles"], list), name


@pytest.mark.parametrize("code", CODES)
def test_roles_schema(
    code: str, files_by_code: dict[str, dict[str, Any]], iso3_codes: frozenset[str]
) -> None:
    data = files_by_code[code]
    for person in data["people"]:
        for role in person["roles"]:
            where = f"{person['name']}: {role}"
            assert ROLE_REQUIRED <= set(role) <= ROLE_REQUIRED | ROLE_OPTIONAL, where
            assert role["role"] in ROLE_IDS, where
            assert is_day(role["start"]), where
            assert role["end"] is None or is_day(role["end"]), where
            assert role["start"] <= (role["end"] or WRITTEN) <= WRITTEN, where
            for flag in ("approx", "acting"):
                assert role.get(flag, True) is True, f"{where}: write the flag only when true"
            for key, role_ids in QUALIFIER.items():
                has_key = key in role and isinstance(role[key], str) and bool(role[key])
                assert has_key == (role["role"] in role_ids), f"{where}: {key!r} is for {role_ids}"
            if role["role"] == "ambassador":
                assert role["to"] in iso3_codes and role["to"] != data["country"], where


@pytest.mark.parametrize("code", CODES)
def test_institutions_schema(
    code: str, files_by_code: dict[str, dict[str, Any]], iso3_codes: frozenset[str]
) -> None:
    data = files_by_code[code]
    assert data["country"] in iso3_codes
    for item in data["institutions"]:
        name = item.get("name")
        assert INSTITUTION_REQUIRED <= set(item) <= INSTITUTION_REQUIRED | INSTITUTION_OPTIONAL
        assert isinstance(name, str) and name.strip() == name and name
        assert isinstance(item["aliases"], list), name
        assert all(isinstance(alias, str) and alias.strip() == alias for alias in item["aliases"])
        assert name not in item["aliases"], name
        shared = item.get("shared_aliases", [])
        assert all(isinstance(alias, str) and alias not in item["aliases"] for alias in shared)
        assert item["country"] == data["country"], name
        assert item["sector"] in SECTORS, name
        for key in ("start", "end"):
            assert key not in item or is_day(item[key]), name
        assert item.get("start", dt.date.min) <= item.get("end", FAR_FUTURE), name


@pytest.mark.parametrize("code", CODES)
def test_party_leaders_name_a_listed_party(
    code: str, files_by_code: dict[str, dict[str, Any]]
) -> None:
    data = files_by_code[code]
    parties = {item["name"] for item in data["institutions"] if item["sector"] == "LEG"}
    orgs = {
        role["org"]
        for person in data["people"]
        for role in person["roles"]
        if role["role"] == "party_leader"
    }
    assert orgs and orgs <= parties, orgs - parties


@pytest.mark.parametrize("code", CODES)
def test_no_string_names_two_entities(code: str, files_by_code: dict[str, dict[str, Any]]) -> None:
    # One exception: a name shared by a news organisation and a company ("Asahi"), which the
    # resolver tells apart by context (the paper reports, the brewer is bought).
    owners: dict[str, set[str]] = defaultdict(set)
    sectors: dict[str, list[str]] = defaultdict(list)
    data = files_by_code[code]
    for entry in [*data["people"], *data["institutions"]]:
        for string in [entry["name"], *entry["aliases"]]:
            owners[string.casefold()].add(entry["name"])
            sectors[string.casefold()].append(entry["sector"])
    institutions = {item["name"] for item in data["institutions"]}
    clashes = {
        string: names for string, names in owners.items()
        if len(names) > 1 and not (
            len(names) == 2 and names <= institutions and sorted(sectors[string]) == ["BUS", "MED"]
        )
    }
    assert not clashes


@pytest.mark.parametrize("code", CODES)
def test_descriptors_are_agent_nouns(code: str, files_by_code: dict[str, dict[str, Any]]) -> None:
    # A descriptor is used only when the text names it as an agent noun of agents.tsv.
    text = (KNOWLEDGE / "agents.tsv").read_text(encoding="utf-8")
    nouns = {row["noun"] for row in csv.DictReader(text.splitlines(), delimiter="\t",
                                                   quoting=csv.QUOTE_NONE)}
    for item in files_by_code[code]["institutions"]:
        for noun in item.get("descriptors", []):
            assert noun == noun.lower() and noun in nouns, (item["name"], noun)


@pytest.mark.parametrize("code", CODES)
def test_party_opposition_spans(code: str, files_by_code: dict[str, dict[str, Any]]) -> None:
    parties = [item for item in files_by_code[code]["institutions"] if "opposition" in item]
    assert parties
    for item in parties:
        assert item["sector"] == "LEG", item["name"]
        previous = dt.date.min
        for span in item["opposition"]:
            assert isinstance(span, list) and len(span) == 2, item["name"]
            start, end = span
            assert start is None or is_day(start), item["name"]
            assert end is None or is_day(end), item["name"]
            assert (start or dt.date.min) <= (end or FAR_FUTURE), item["name"]
            assert (start or dt.date.min) >= previous, f"{item['name']}: spans out of order"
            previous = end or FAR_FUTURE


@pytest.mark.parametrize("code", CODES)
def test_no_string_starts_with_the(code: str, files_by_code: dict[str, dict[str, Any]]) -> None:
    # The resolver strips a leading "the" before looking a name up.
    data = files_by_code[code]
    offenders = [
        string
        for entry in [*data["people"], *data["institutions"]]
        for string in [entry["name"], *entry["aliases"]]
        if string.casefold().startswith("the ")
    ]
    assert not offenders


@pytest.mark.parametrize("code", CODES)
def test_single_holder_posts_do_not_overlap(
    code: str, files_by_code: dict[str, dict[str, Any]]
) -> None:
    data = files_by_code[code]
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in data["people"]:
        for role in person["roles"]:
            if role["role"] in SINGLE_HOLDER[code]:
                post = (role["role"], "")
            elif role["role"] == "party_leader":
                post = ("party_leader", role["org"])
            elif role["role"] == "president":
                post = ("president", "acting" if role.get("acting") else "")
            else:
                continue
            terms[post].append((role["start"], role["end"] or FAR_FUTURE, person["name"]))
    assert terms
    for post, spans in terms.items():
        for first, second in itertools.combinations(sorted(spans), 2):
            # Overlap of at most the handover day itself.
            assert second[0] >= first[1], f"{post}: {first} overlaps {second}"


# ----------------------------------------------------------------------------------------- facts

FACTS = [
    ("jpn", "2019-08-01", "prime_minister", "Shinzo Abe"),
    ("jpn", "2019-08-01", "foreign_minister", "Taro Kono"),
    ("jpn", "2019-08-01", "trade_minister", "Hiroshige Seko"),
    ("kor", "2019-08-01", "president", "Moon Jae-in"),
    ("kor", "2019-08-01", "foreign_minister", "Kang Kyung-wha"),
    ("jpn", "2014-05-01", "foreign_minister", "Fumio Kishida"),
    ("kor", "2014-05-01", "foreign_minister", "Yun Byung-se"),
    ("jpn", "2023-03-16", "prime_minister", "Fumio Kishida"),
    ("kor", "2023-03-16", "president", "Yoon Suk Yeol"),
    ("jpn", "1993-08-04", "chief_cabinet_secretary", "Yohei Kono"),
    ("jpn", "1998-10-08", "prime_minister", "Keizo Obuchi"),
    ("kor", "1998-10-08", "president", "Kim Dae-jung"),
    ("jpn", "2015-12-28", "foreign_minister", "Fumio Kishida"),
    ("kor", "2015-12-28", "foreign_minister", "Yun Byung-se"),
    ("kor", "2018-10-30", "chief_justice", "Kim Myeong-su"),
    ("jpn", "2019-04-30", "emperor", "Akihito"),
    ("jpn", "2019-05-01", "emperor", "Naruhito"),
    ("kor", "2025-01-15", "president", "Choi Sang-mok"),
    ("kor", "2025-07-01", "president", "Lee Jae-myung"),
    ("jpn", "2025-11-01", "prime_minister", "Sanae Takaichi"),
    ("jpn", "2025-11-01", "foreign_minister", "Toshimitsu Motegi"),
    ("kor", "2024-01-15", "foreign_minister", "Cho Tae-yul"),
    ("jpn", "2024-05-01", "foreign_minister", "Yoko Kamikawa"),
    ("jpn", "2022-03-01", "foreign_minister", "Yoshimasa Hayashi"),
    # South Korea's trade minister (Minister for Trade) and industry minister (MOTIE)
    ("kor", "2019-09-12", "trade_minister", "Yoo Myung-hee"),
    ("kor", "2019-09-12", "industry_minister", "Sung Yun-mo"),
    ("kor", "2023-03-16", "trade_minister", "Ahn Duk-geun"),
    ("kor", "2024-06-01", "industry_minister", "Ahn Duk-geun"),
    ("kor", "2015-06-01", "trade_minister", "Yoon Sang-jick"),
    # Nam Gwan-pyo was still ambassador when summoned on 2021-01-08; Kang Chang-il arrived
    # in Tokyo on 2021-01-22.
    ("kor", "2021-01-08", "ambassador", "Nam Gwan-pyo"),
    ("kor", "2021-02-01", "ambassador", "Kang Chang-il"),
    ("jpn", "2025-10-22", "defence_minister", "Shinjiro Koizumi"),
    # the older lists (1945/1948 onwards)
    ("jpn", "1965-06-22", "foreign_minister", "Etsusaburo Shiina"),
    ("kor", "1965-06-22", "foreign_minister", "Lee Tong-won"),
    ("jpn", "1974-08-20", "prime_minister", "Kakuei Tanaka"),
    ("kor", "1974-08-20", "president", "Park Chung-hee"),
    ("kor", "1952-01-18", "president", "Syngman Rhee"),
    ("jpn", "1985-08-15", "prime_minister", "Yasuhiro Nakasone"),
]


@pytest.mark.parametrize(("code", "day", "role_id", "expected"), FACTS)
def test_known_office_holders(
    code: str, day: str, role_id: str, expected: str, files_by_code: dict[str, dict[str, Any]]
) -> None:
    found = exercising(files_by_code[code], role_id, dt.date.fromisoformat(day))
    assert found == [expected]


@pytest.mark.parametrize(
    ("code", "party", "day", "out"),
    [
        ("jpn", "Liberal Democratic Party", "2011-08-01", True),
        ("jpn", "Liberal Democratic Party", "2019-08-01", False),
        ("jpn", "Democratic Party of Japan", "2011-08-01", False),
        ("kor", "Democratic Party of Korea", "2023-03-06", True),
        ("kor", "Democratic Party of Korea", "2019-08-01", False),
        ("kor", "People Power Party", "2023-03-06", False),
        ("kor", "People Power Party", "2025-08-01", True),
    ],
)
def test_party_in_opposition_on_day(
    code: str, party: str, day: str, out: bool, files_by_code: dict[str, dict[str, Any]]
) -> None:
    item = next(i for i in files_by_code[code]["institutions"] if i["name"] == party)
    when = dt.date.fromisoformat(day)
    found = any((s or dt.date.min) <= when <= (e or FAR_FUTURE) for s, e in item["opposition"])
    assert found is out


def test_suspended_president_keeps_the_title(files_by_code: dict[str, dict[str, Any]]) -> None:
    kor = files_by_code["kor"]
    day = dt.date(2025, 1, 15)
    assert holders(kor, "president", day, acting=None) == ["Yoon Suk Yeol"]
    assert holders(kor, "president", day, acting=True) == ["Choi Sang-mok"]


def test_party_leader_by_organisation(files_by_code: dict[str, dict[str, Any]]) -> None:
    jpn = files_by_code["jpn"]
    day = dt.date(2024, 9, 28)
    assert holders(jpn, "party_leader", day, org="Liberal Democratic Party") == ["Shigeru Ishiba"]


@pytest.mark.parametrize("day", spread_dates())
def test_one_head_of_government_and_state(
    day: dt.date, files_by_code: dict[str, dict[str, Any]]
) -> None:
    assert len(holders(files_by_code["jpn"], "prime_minister", day)) == 1
    assert len(exercising(files_by_code["kor"], "president", day)) == 1


@pytest.mark.parametrize(("code", "role_id"), [("jpn", "prime_minister"), ("kor", "president")])
def test_office_never_vacant(
    code: str, role_id: str, files_by_code: dict[str, dict[str, Any]]
) -> None:
    # Every day from 1990 to the writing date: one holder, or two on a handover day, where one
    # term ends and the next begins.
    spans = [
        (role["start"], role["end"] or FAR_FUTURE, bool(role.get("acting")))
        for person in files_by_code[code]["people"]
        for role in person["roles"]
        if role["role"] == role_id
    ]
    day = dt.date(1990, 1, 1)
    while day <= WRITTEN:
        current = [span for span in spans if span[0] <= day <= span[1]]
        acting = [span for span in current if span[2]]
        found = acting or current
        assert 1 <= len(found) <= 2, f"{role_id} on {day}: {found}"
        if len(found) == 2:
            assert {day} == {found[0][1], found[1][0]} or {day} == {found[1][1], found[0][0]}, (
                f"{role_id} on {day}: {found}"
            )
        day += dt.timedelta(days=1)
