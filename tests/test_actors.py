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
        ("Pyongyang fired a missile.", "Pyongyang", "PRK", "MIL"),  # a military act (gold rule 8)
        ("Pyongyang said it had tested a missile.", "Pyongyang", "PRK", "GOV"),
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


# -- sectors that depend on the office and the date --------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "date", "expected"),
    [
        # a defence minister acts for the military while in office, and only then
        ("Jeong Kyeong-doo rejected the claim.", "Jeong", "2018-12-25",
         ("KOR", "MIL", "Jeong Kyeong-doo")),
        ("Taro Kono spoke.", "Kono", "2018-06-01", ("JPN", "GOV", "Taro Kono")),
        ("Taro Kono spoke.", "Kono", "2019-11-18", ("JPN", "MIL", "Taro Kono")),
        ("Japan's defense minister spoke.", "minister", "2022-10-04",
         ("JPN", "MIL", "Yasukazu Hamada")),
        ("The Pentagon said it was concerned.", "Pentagon", "2019-08-23",
         ("USA", "MIL", "U.S. Department of Defense")),
        # an opposition leader is OPP while the party is out of government
        ("Lee Jae-myung spoke.", "Lee", "2023-03-06", ("KOR", "OPP", "Lee Jae-myung")),
        ("Lee Jae-myung spoke.", "Lee", "2025-08-01", ("KOR", "GOV", "Lee Jae-myung")),
        ("The Democratic Party walked out.", "Party", "2019-08-01",
         ("KOR", "LEG", "Democratic Party of Korea")),
        ("LDP lawmakers criticised the government.", "lawmakers", "2010-11-01",
         ("JPN", "OPP", "Liberal Democratic Party")),
        # the head of an international organisation acts for no country
        ("IAEA chief Rafael Grossi visited Seoul.", "Grossi", "2023-07-05",
         (None, "IGO", "Rafael Grossi")),
        ("Ban Ki-moon urged restraint.", "Ban", "2010-07-05", (None, "IGO", "Ban Ki-moon")),
        ("Ban Ki-moon urged restraint.", "Ban", "2005-07-05", ("KOR", "GOV", "Ban Ki-moon")),
        # coast guards and police are COP
        ("The South Korean coast guard seized the boat.", "guard", "2019-08-01",
         ("KOR", "COP", "Korea Coast Guard")),
        ("The FBI named the hackers.", "FBI", "2024-12-24",
         ("USA", "COP", "Federal Bureau of Investigation")),
    ],
)
def test_sector_by_office_and_date(extractor, text, word, date, expected):
    (ref,) = resolve(extractor, text, word, date=date)
    assert (ref.country, ref.sector, ref.entity) == expected


@pytest.mark.parametrize(
    ("text", "word", "sector"),
    [
        ("North Korea fired a ballistic missile.", "Korea", "MIL"),
        ("North Korea conducted its fifth nuclear test.", "Korea", "MIL"),
        ("North Korea announced it had conducted a nuclear test.", "Korea", "GOV"),
        ("North Korea launched a satellite.", "Korea", "GOV"),
        ("The North fired artillery shells near the border.", "North", "MIL"),
    ],
)
def test_country_firing_weapons_is_military(extractor, text, word, sector):
    (ref,) = resolve(extractor, text, word, date="2016-09-09")
    assert (ref.country, ref.sector) == ("PRK", sector)


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("The South protested the launch.", "South", "KOR"),
        ("The North Korean leader watched.", "leader", "PRK"),  # not "the North" + "Korean"
    ],
)
def test_article_led_aliases(extractor, text, word, country):
    (ref,) = resolve(extractor, text, word)
    assert ref.country == country


def test_article_led_alias_is_not_part_of_a_longer_name(extractor):
    assert not resolve(extractor, "Ships sailed in the North Sea.", "Sea")


# -- role nouns and names resolved by date and context ------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "date", "entity"),
    [
        # the counterpart holds the antecedent's office; a leader's counterpart is a leader
        ("Foreign Minister Taro Kono met his South Korean counterpart.", "counterpart",
         "2018-06-01", "Kang Kyung-wha"),
        ("Kishida greeted his South Korean counterpart.", "counterpart", "2023-03-16",
         "Yoon Suk Yeol"),
        ("Yoon and his Japanese counterpart held talks.", "counterpart", "2023-03-16",
         "Fumio Kishida"),
        # an envoy's sending country from the possessive, the post from the place phrase
        ("Tokyo was calling back its ambassador in Seoul.", "ambassador", "2017-01-07",
         "Yasumasa Nagamine"),
        ("South Korea's ambassador to Japan left Tokyo.", "ambassador", "2021-01-10",
         "Nam Gwan-pyo"),
        # a place phrase is not the owner of the office
        ("Yoon met the Chinese premier in Seoul.", "premier", "2024-05-26", "Li Qiang"),
        # an office only one country has, and a holder named earlier in the sentence
        ("Moon said the emperor should apologise.", "emperor", "2019-02-12", "Akihito"),
        ("Moon will not go, after a remark about the president.", "president", "2021-07-20",
         "Moon Jae-in"),
        # the second of two coordinated titles takes the country of the first
        ("The U.S. secretary of state and defense secretary arrived in Seoul.", "secretary",
         "2021-03-17", "Antony Blinken"),
        # South Korea's trade minister and industry minister are two offices
        ("South Korea's trade minister filed the complaint.", "minister", "2019-09-12",
         "Yoo Myung-hee"),
        ("South Korea's industry minister visited the plant.", "minister", "2019-09-12",
         "Sung Yun-mo"),
        ("Japan's industry minister visited the plant.", "minister", "2019-08-01",
         "Hiroshige Seko"),
    ],
)
def test_role_nouns_in_context(extractor, text, word, date, entity):
    refs = resolve(extractor, text, word, date=date)
    assert refs and refs[0].entity == entity


def test_title_picks_the_office_holder_over_a_namesake(extractor):
    text = "Defence Minister Koizumi is the son of former prime minister Junichiro Koizumi."
    (ref,) = resolve(extractor, text, "Koizumi", date="2025-10-22")
    assert (ref.entity, ref.sector) == ("Shinjiro Koizumi", "MIL")


def test_another_given_name_beats_a_namesake_named_nearby(extractor):
    text = "Park Geun Hye, the daughter of former president Park Chung-hee, took office."
    doc = extractor.nlp(text)
    ctx = DocContext(date=dt.date(2013, 2, 25), default_countries=("JPN", "KOR"))
    hits = extractor.resolver.find_hits(doc, ctx)
    head = [t for t in doc if t.text == "Park"][1]
    (ref,) = extractor.resolver.resolve(head, hits, ctx)
    assert ref.entity == "Park Chung-hee"


@pytest.mark.parametrize(
    ("text", "word", "date", "expected"),
    [
        ("South Korea's top court ruled.", "court", "2012-05-24",
         ("KOR", "JUD", "Supreme Court of Korea")),
        ("China's customs authority suspended imports.", "authority", "2023-08-24",
         ("CHN", "GOV", "General Administration of Customs")),
        ("Suga's cabinet approved the plan.", "cabinet", "2021-04-13",
         ("JPN", "GOV", "Cabinet of Japan")),
        # "the cabinet" of the one country the sentence is about
        ("Murayama read a statement approved by the cabinet.", "cabinet", "1995-08-15",
         ("JPN", "GOV", "Cabinet of Japan")),
        # but not an indefinite or plural phrase
        ("A Seoul court ruled.", "court", "2013-01-03", ("KOR", "JUD", None)),
    ],
)
def test_institutions_named_by_common_nouns(extractor, text, word, date, expected):
    (ref,) = resolve(extractor, text, word, date=date)
    assert (ref.country, ref.sector, ref.entity) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Not buying Uniqlo or Asahi anymore.", "Asahi", ("BUS", "Asahi Group Holdings")),
        ("The Asahi reported that talks had stalled.", "Asahi", ("MED", "Asahi Shimbun")),
    ],
)
def test_newspaper_or_company_by_context(extractor, text, word, expected):
    (ref,) = resolve(extractor, text, word)
    assert (ref.sector, ref.entity) == expected


@pytest.mark.parametrize("text", ["U.S. Forces Korea moved the parts.",
                                  "US Forces Korea moved the parts."])
def test_abbreviated_country_in_an_institution_name(extractor, text):
    (ref,) = resolve(extractor, text, "Korea", date="2017-03-07")
    assert (ref.country, ref.sector, ref.entity) == ("USA", "MIL", "U.S. Forces Korea")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Japan Coast Guard detained the Chinese skipper.", "skipper", ("CHN", "CVL")),
        ("The court ordered the firm to pay four Korean plaintiffs.", "plaintiffs",
         ("KOR", "CVL")),
        ("North Korean artillery shelled the island.", "artillery", ("PRK", "MIL")),
        ("The court ordered the Japanese state to pay.", "state", ("JPN", "GOV")),
        ("Officials met their Japanese counterparts.", "counterparts", ("JPN", "GOV")),
    ],
)
def test_agent_nouns(extractor, text, word, expected):
    (ref,) = resolve(extractor, text, word, date="2018-10-30")
    assert (ref.country, ref.sector) == expected


def test_a_stance_towards_a_country_is_not_membership(extractor):
    from dyadwatch.models import Document, FuzzyDate

    result = extractor.extract_one(Document(
        id="s", source="t", published=FuzzyDate(2012, 9, 15),
        text="Anti-Japanese protesters marched through Shanghai on Saturday. A prominent "
             "anti-Syria journalist was killed by a car bomb in Beirut."))
    protest = [m for m in result.mentions if m.event_type == "PROTEST"]
    assert protest and {a.country for a in protest[0].actors} == {"CHN"}
    attack = [m for m in result.mentions if m.event_type == "ASSAULT"]
    assert attack and {r.country for r in attack[0].recipients} == {"LBN"}


def test_a_country_without_the_office_does_not_lend_it(extractor):
    # the parser coordinates the two titles; Japan has no president, so the second is not
    # Japan's (it is the president named earlier in the sentence)
    text = ("Aso, Japan's deputy prime minister, greeted Park Geun-hye in Seoul, and the new "
            "president thanked him.")
    refs = resolve(extractor, text, "president", date="2013-02-26")
    assert refs and all(r.country != "JPN" for r in refs)


@pytest.mark.parametrize(("text", "word", "wrong"), [
    # a name other countries' bodies carry too is the dyad's (or America's) body only where
    # the sentence allows it
    ("Thousands marched in Warsaw against the Constitutional Court.", "Court", "KOR"),
    ("Pakistan's opposition walked out of the National Assembly in Islamabad.", "Assembly",
     "KOR"),
    ("Japan's Diet and the House of Representatives in Tokyo debated the bill.",
     "Representatives", "USA"),
    ("The New Democratic Party criticized Ottawa's trade deal with Japan.", "Party", "KOR"),
])
def test_a_shared_institution_name_abroad_is_not_the_files_body(extractor, text, word, wrong):
    assert wrong not in {r.country for r in resolve(extractor, text, word)}, text


@pytest.mark.parametrize("text", [
    "The National Assembly ratified the free trade agreement with the United States.",
    "The National Assembly voted to impeach Yoon Suk Yeol.",
    "The National Assembly condemned Japan's export curbs.",
    "The Constitutional Court removed him from office.",
])
def test_a_shared_institution_name_at_home_is_the_files_body(extractor, text):
    word = "Assembly" if "Assembly" in text else "Court"
    assert {r.country for r in resolve(extractor, text, word)} == {"KOR"}, text


def test_the_possessor_of_a_ruling_or_plan_is_the_one_named(extractor):
    refs = resolve(extractor, "Polish women rallied against the government's plan.", "plan")
    assert [(r.sector, r.text) for r in refs] == [("GOV", "government's plan")]
    # as an actor, a body without a country in view names no one ("the tribunal's ruling
    # that imposed a ban")
    doc = extractor.nlp("The tribunal's ruling imposed a ban on abortion.")
    ctx = DocContext(date=dt.date(2020, 10, 22), default_countries=("JPN", "KOR"))
    hits = extractor.resolver.find_hits(doc, ctx)
    assert extractor.resolver.resolve(doc[2], hits, ctx, as_actor=True) == ()


def test_a_country_named_only_as_a_target_leaves_a_shared_name_alone(extractor):
    refs = resolve(extractor, "The House of Representatives voted to condemn Russia's "
                   "invasion of Ukraine.", "Representatives")
    assert {r.country for r in refs} == {"USA"}


def test_congo_alone_is_the_democratic_republic(extractor):
    # news writes "eastern Congo" for the DRC; the other Congo is "Congo-Brazzaville" or
    # "the Republic of the Congo"
    refs = resolve(extractor, "Rebels attacked an army post in eastern Congo.", "Congo")
    assert {r.country for r in refs} == {"COD"}
    refs = resolve(extractor, "Troops returned to the Republic of the Congo.", "Congo")
    assert {r.country for r in refs} == {"COG"}


def test_a_city_listed_as_x_city_is_the_bare_name_where_something_is_placed_in_it(extractor):
    # "Sakai" and "Kawasaki" are listed only as "Sakai City" and "Kawasaki City" (a surname, a
    # company), but "a court in Sakai" is the city's court
    ctx = DocContext(date=dt.date(2019, 8, 1), default_countries=("JPN", "KOR"))
    doc = extractor.nlp("A court in Sakai fined the company.")
    hit = extractor.resolver.find_hits(doc, ctx).get(3)
    assert hit is not None and (hit.entity.kind, hit.entity.country) == ("place", "JPN")
    doc = extractor.nlp("Kawasaki said it would build a plant in Ohio.")
    hit = extractor.resolver.find_hits(doc, ctx).get(0)
    assert hit is None or hit.entity.kind != "place"


def test_a_bare_congress_in_a_sentence_about_a_country_with_one_is_that_countrys(extractor):
    # "Congress" alone is the US Congress in the files; Peru's legislature has the same name
    refs = resolve(extractor, "Peru's labour unions threatened to strike if Congress approved "
                   "the pension reform.", "Congress")
    assert {r.country for r in refs} == {"PER"}
    refs = resolve(extractor, "Yoon Suk Yeol addressed Congress on Thursday.", "Congress")
    assert {r.country for r in refs} == {"USA"}
