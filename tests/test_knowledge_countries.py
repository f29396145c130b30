"""Integrity checks for the world actor files: countries.tsv, igos.tsv and agents.tsv."""

import csv
import re
from collections import defaultdict
from importlib.resources import files

import pytest

KNOWLEDGE = files("dyadwatch") / "knowledge"

COUNTRY_COLUMNS = ["iso3", "iso2", "name", "aliases", "demonyms", "capitals", "seats"]
COUNTRY_LIST_COLUMNS = ["aliases", "demonyms", "capitals", "seats"]
IGO_COLUMNS = ["code", "name", "aliases", "sector", "members"]
AGENT_COLUMNS = ["noun", "sector", "note"]

# Actor type codes of CAMEO.type.txt (shared reference folder), copied so the test needs no shared/.
CAMEO_TYPES = frozenset(
    {
        *("COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS"),
        *("CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF"),
        *("MOD", "RAD", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC"),
        *("NGM", "NGO", "SET"),
    }
)


def read_tsv(filename: str) -> tuple[list[str], list[dict[str, str]]]:
    text = (KNOWLEDGE / filename).read_text(encoding="utf-8")
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header, *body = list(reader)
    for line_no, row in enumerate(body, start=2):
        assert len(row) == len(header), f"{filename}:{line_no} has {len(row)} cells: {row}"
    return header, [dict(zip(header, row, strict=True)) for row in body]


def split_list(cell: str) -> list[str]:
    return cell.split("|") if cell else []


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return read_tsv("countries.tsv")[1]


@pytest.fixture(scope="module")
def igos() -> list[dict[str, str]]:
    return read_tsv("igos.tsv")[1]


@pytest.fixture(scope="module")
def agents() -> list[dict[str, str]]:
    return read_tsv("agents.tsv")[1]


@pytest.fixture(scope="module")
def by_iso3(countries: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["iso3"]: row for row in countries}


def country_strings(row: dict[str, str]) -> list[str]:
    strings = [row["name"]]
    for column in COUNTRY_LIST_COLUMNS:
        strings.extend(split_list(row[column]))
    return strings


def igo_strings(row: dict[str, str]) -> list[str]:
    return [row["code"], row["name"], *split_list(row["aliases"])]


@pytest.mark.parametrize(
    ("filename", "columns"),
    [("countries.tsv", COUNTRY_COLUMNS), ("igos.tsv", IGO_COLUMNS), ("agents.tsv", AGENT_COLUMNS)],
)
def test_header_is_exact(filename: str, columns: list[str]) -> None:
    assert read_tsv(filename)[0] == columns


@pytest.mark.parametrize("filename", ["countries.tsv", "igos.tsv", "agents.tsv"])
def test_cells_are_clean(filename: str) -> None:
    _, rows = read_tsv(filename)
    assert rows, f"{filename} is empty"
    for row in rows:
        for column, cell in row.items():
            assert cell == cell.strip(), f"{filename} {column}: stray whitespace in {cell!r}"
            assert not cell.startswith("#"), f"{filename}: comment line inside a TSV: {cell!r}"
            for item in split_list(cell):
                assert item and item == item.strip(), f"{filename} {column}: bad item in {cell!r}"


def test_country_codes_are_well_formed_and_unique(countries: list[dict[str, str]]) -> None:
    iso3 = [row["iso3"] for row in countries]
    iso2 = [row["iso2"] for row in countries]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in iso3)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in iso2)
    assert len(iso3) == len(set(iso3))
    assert len(iso2) == len(set(iso2))
    # ISO 3166-1 has 249 entries; Kosovo (XKX) is added.
    assert len(countries) >= 250
    assert all(row["name"] for row in countries)


def test_no_string_names_two_countries(countries: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in countries:
        for string in country_strings(row):
            owners[string.casefold()].add(row["iso3"])
    clashes = {string: codes for string, codes in owners.items() if len(codes) > 1}
    assert not clashes


def test_no_entry_starts_with_the(countries: list[dict[str, str]]) -> None:
    # An article belongs to running text, not to a name. The exceptions: "The Hague", a place
    # name, and "the North"/"the South", which name the Koreas only with the article and a
    # capital (matched as written, never as the start of a longer name; SOURCES-countries.md).
    offenders = [
        string
        for row in countries
        for string in country_strings(row)
        if string.casefold().startswith("the ") and string != "The Hague"
        and not (string.startswith("the ") and string[4:5].isupper())
    ]
    assert not offenders


@pytest.mark.parametrize(("alias", "iso3"), [("the North", "PRK"), ("the South", "KOR")])
def test_article_led_korea_aliases(countries: list[dict[str, str]], alias: str, iso3: str) -> None:
    owner = [row["iso3"] for row in countries if alias in country_strings(row)]
    assert owner == [iso3]


def test_igo_codes_unique_and_sectors_valid(igos: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in igos]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z0-9]+", code) for code in codes)
    assert {row["sector"] for row in igos} <= {"IGO", "NGO"}


def test_no_string_names_two_igos(igos: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in igos:
        for string in igo_strings(row):
            owners[string.casefold()].add(row["code"])
    assert not {string: codes for string, codes in owners.items() if len(codes) > 1}


def test_igo_and_country_strings_do_not_overlap(
    countries: list[dict[str, str]], igos: list[dict[str, str]]
) -> None:
    country_keys = {s.casefold() for row in countries for s in country_strings(row)}
    overlap = {s for row in igos for s in igo_strings(row) if s.casefold() in country_keys}
    assert not overlap


def test_igo_members_are_known_countries(
    igos: list[dict[str, str]], by_iso3: dict[str, dict[str, str]]
) -> None:
    for row in igos:
        members = split_list(row["members"])
        assert len(members) == len(set(members)), row["code"]
        unknown = [code for code in members if code not in by_iso3]
        assert not unknown, f"{row['code']}: {unknown}"


def test_agents_nouns_lowercase_unique_and_sectors_valid(agents: list[dict[str, str]]) -> None:
    nouns = [row["noun"] for row in agents]
    assert all(noun == noun.lower() for noun in nouns)
    assert len(nouns) == len(set(nouns))
    assert {row["sector"] for row in agents} <= CAMEO_TYPES
    assert all(row["note"] for row in agents)


@pytest.mark.parametrize(
    ("iso3", "column", "expected"),
    [
        ("KOR", "aliases", "Republic of Korea"),
        ("KOR", "aliases", "ROK"),
        ("KOR", "aliases", "Korea"),
        ("KOR", "demonyms", "Korean"),
        ("KOR", "capitals", "Seoul"),
        ("KOR", "seats", "Blue House"),
        ("PRK", "aliases", "DPRK"),
        ("PRK", "capitals", "Pyongyang"),
        ("PRK", "demonyms", "North Korean"),
        ("JPN", "demonyms", "Japanese"),
        ("JPN", "capitals", "Tokyo"),
        ("JPN", "seats", "Kasumigaseki"),
        ("USA", "aliases", "U.S."),
        ("USA", "seats", "White House"),
        ("CHN", "aliases", "PRC"),
        ("RUS", "seats", "Kremlin"),
        ("GBR", "aliases", "Britain"),
        ("MMR", "aliases", "Burma"),
        ("UKR", "capitals", "Kyiv"),
        ("UKR", "capitals", "Kiev"),
    ],
)
def test_country_spot_checks(
    by_iso3: dict[str, dict[str, str]], iso3: str, column: str, expected: str
) -> None:
    assert expected in split_list(by_iso3[iso3][column])


def test_korea_convention(by_iso3: dict[str, dict[str, str]]) -> None:
    north = {s.casefold() for s in country_strings(by_iso3["PRK"])}
    assert not north & {"korea", "korean", "koreans"}
    assert "XKX" in by_iso3


def test_igo_spot_checks(igos: list[dict[str, str]]) -> None:
    by_code = {row["code"]: row for row in igos}
    assert "atomic watchdog" in split_list(by_code["IAEA"]["aliases"])
    assert by_code["ICRC"]["sector"] == "NGO"
    six_party = {"CHN", "JPN", "KOR", "PRK", "RUS", "USA"}
    assert set(split_list(by_code["SIXPARTY"]["members"])) == six_party
    assert {"UN", "UNSC", "KEDO", "UNC", "G7", "ASEAN", "AMNESTY"} <= by_code.keys()


def test_agent_spot_checks(agents: list[dict[str, str]]) -> None:
    sector = {row["noun"]: row["sector"] for row in agents}
    assert sector["troops"] == "MIL"
    assert sector["police"] == "COP"
    assert sector["lawmakers"] == "LEG"
    assert sector["refugees"] == "REF"
    assert sector["opposition"] == "OPP"
    assert sector["protesters"] == "CVL"
