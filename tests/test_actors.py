"""Actor resolution (dyadwatch.extractors.actors and actor_kb): who is who, when."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.config import load_dyad
from dyadwatch.extractors.actor_kb import knowledge_for, name_variants
from dyadwatch.extractors.actors import DocContext


@pytest.fixture(scope="module")
def kb():
    return knowledge_for(load_dyad("japan-korea"))


def resolve(extractor, text: str, word: str, date: str = "2019-08-01"):
    doc = extractor.nlp(text)
    ctx = DocContext(date=dt.date.fromisoformat(date), default_countries=("JPN", "KOR"))
    hits = extractor.resolver.find_hits(doc, ctx)
    head = next(t for t in doc if t.text == word)
    return extractor.resolver.resolve(head, hits, ctx)


def test_same_person_different_roles_by_date(kb):
    kishida = kb.entities["person:Fumio Kishida"]
    assert [r.role for r in kishida.roles_at(dt.date(2014, 5, 1))] == ["foreign_minister"]
    assert "prime_minister" in [r.role for r in kishida.roles_at(dt.date(2022, 6, 1))]


def test_role_holders_by_date(kb):
    assert kb.holder("JPN", "prime_minister", dt.date(2019, 8, 1)).name == "Shinzo Abe"
    assert kb.holder("KOR", "president", dt.date(2019, 8, 1)).name == "Moon Jae-in"
    assert kb.holder("KOR", "president", dt.date(2023, 3, 16)).name == "Yoon Suk Yeol"
    assert kb.holder("KOR", "foreign_minister", dt.date(2014, 5, 1)).name == "Yun Byung-se"


@pytest.mark.parametrize(
    ("text", "word", "country", "sector"),
    [
        ("Seoul protested.", "Seoul", "KOR", "GOV"),
        ("Tokyo protested.", "Tokyo", "JPN", "GOV"),
        ("The Blue House protested.", "House", "KOR", "GOV"),
        ("Pyongyang fired a missile.", "Pyongyang", "PRK", "GOV"),
        ("Washington urged restraint.", "Washington", "USA", "GOV"),
    ],
)
def test_metonyms(extractor, text, word, country, sector):
    (ref,) = resolve(extractor, text, word)
    assert (ref.country, ref.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "word", "country", "sector"),
    [
        ("Japanese officials declined to comment.", "officials", "JPN", "GOV"),
        ("South Korean protesters gathered.", "protesters", "KOR", "CVL"),
        ("Many South Koreans stopped buying Japanese beer.", "Koreans", "KOR", "CVL"),
        ("Japanese destroyers sailed.", "destroyers", "JPN", "MIL"),
        ("The Republic of Korea protested.", "Republic", "KOR", "GOV"),
        ("The ROK protested.", "ROK", "KOR", "GOV"),
        ("The DPRK protested.", "DPRK", "PRK", "GOV"),
    ],
)
def test_demonyms_and_country_names(extractor, text, word, country, sector):
    (ref,) = resolve(extractor, text, word)
    assert (ref.country, ref.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "word", "entity"),
    [
        ("Moon Jae In spoke.", "In", "Moon Jae-in"),
        ("Moon Jae-in spoke.", "Moon", "Moon Jae-in"),
        ("Yun Byung-Se spoke.", "Yun", "Yun Byung-se"),
        ("Kang Kyung-Wha spoke.", "Kang", "Kang Kyung-wha"),
        ("Abe Shinzo spoke.", "Abe", "Shinzo Abe"),
        ("Moon Jaein spoke.", "Moon", "Moon Jae-in"),  # generated variant, not in the data file
        ("Kishida Fumio spoke.", "Kishida", "Fumio Kishida"),
    ],
)
def test_romanisation_variants(extractor, text, word, entity):
    refs = resolve(extractor, text, word)
    assert refs and refs[0].entity == entity


def test_title_and_surname(extractor):
    (ref,) = resolve(extractor, "President Moon spoke.", "Moon", date="2019-08-01")
    assert ref.entity == "Moon Jae-in" and ref.role == "president"


def test_surname_with_another_given_name_is_not_the_known_person(extractor):
    refs = resolve(extractor, "Kang Sok-min spoke.", "Kang")
    assert not refs or refs[0].entity != "Kang Kyung-wha"


def test_company(extractor):
    (ref,) = resolve(extractor, "Nippon Steel refused to pay.", "Steel")
    assert (ref.country, ref.sector) == ("JPN", "BUS")


def test_role_noun_with_country_word(extractor):
    (ref,) = resolve(extractor, "The South Korean president spoke.", "president", date="2023-03-16")
    assert ref.entity == "Yoon Suk Yeol"


def test_generic_institution_name_takes_the_explicit_country(extractor):
    (ref,) = resolve(extractor, "The Latvian Constitutional Court ruled.", "Court")
    assert ref.country == "LVA"


def test_name_variants():
    assert name_variants("Moon Jae-in", "Moon") == ["Moon Jae In", "Moon Jaein", "Moon Jae-In"]
    assert name_variants("Fumio Kishida", "Kishida") == ["Kishida Fumio"]
    assert name_variants("Xi Jinping", "Xi") == []
