"""Issue tagger (dyadwatch.extractors.issues) and the issue taxonomies.

The sentences below were written for these tests; none comes from the gold sets
(eval/gold/jk_issues.jsonl, eval/gold/jk_issues_dev2.jsonl), so they guard the rules and cue
lists rather than the gold items.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from dyadwatch.config import knowledge_path, load_dyad
from dyadwatch.errors import KnowledgeError
from dyadwatch.extractors.issues import (
    ContextTerms,
    IssueTagger,
    expand_phrase,
    load_taxonomy,
    tokens,
)

JK_IDS = (
    "territory_dokdo", "comfort_women", "forced_labour", "yasukuni", "history_textbooks",
    "export_controls", "gsomia", "north_korea", "fukushima_water", "military_incident",
    "security_cooperation", "trade_economy", "cultural_exchange", "cultural_property", "sado_mine",
)


@pytest.fixture(scope="module")
def tagger() -> IssueTagger:
    return IssueTagger.from_dyad(load_dyad("japan-korea"))


def tags(tagger: IssueTagger, sentence: str) -> set[str]:
    return set(tagger.tag_sentence(sentence))


# -- one sentence, plain wording: each issue --------------------------------------------------

POSITIVE = [
    ("Japan's foreign ministry lodged a protest after a South Korean cabinet minister set foot "
     "on Dokdo.", {"territory_dokdo"}),
    ("Seoul rejected the claim in Tokyo's latest diplomatic bluebook that Takeshima belongs to "
     "Japan.", {"territory_dokdo"}),
    ("Korean activists rallied in Seoul against the Takeshima Day ceremony held in Matsue.",
     {"territory_dokdo"}),
    ("Japan again claimed sovereignty over the rocky islets in its annual defence white paper, "
     "and Seoul protested.", {"territory_dokdo"}),
    ("Survivors of Japan's wartime system of military sexual slavery demanded a formal apology "
     "from Tokyo.", {"comfort_women"}),
    ("Activists placed a new comfort woman statue near the Japanese consulate in Busan.",
     {"comfort_women"}),
    ("The Korean Council held its weekly Wednesday rally outside the old Japanese embassy "
     "building.", {"comfort_women"}),
    ("A Seoul court ordered Mitsubishi Heavy Industries to compensate Koreans who were forced to "
     "work at its factories during the war.", {"forced_labour"}),
    ("Tokyo protested after a Korean court approved the sale of seized Nippon Steel assets to pay "
     "former wartime labourers.", {"forced_labour"}),
    ("Japanese firms have refused to pay the damages the Korean Supreme Court ordered for "
     "conscripted workers.", {"forced_labour"}),
    ("The Japanese defence minister sent a ritual offering to Yasukuni Shrine for the autumn "
     "festival.", {"yasukuni"}),
    ("Seoul voiced regret after dozens of Japanese lawmakers paid homage at the war-linked "
     "shrine.", {"yasukuni"}),
    ("South Korea protested Japan's newly screened history textbooks for playing down colonial "
     "rule.", {"history_textbooks"}),
    ("Tokyo eased its export controls on hydrogen fluoride bound for South Korean chipmakers.",
     {"export_controls"}),
    ("Japan put South Korea back on its white list of trusted trading partners.",
     {"export_controls"}),
    ("South Korea decided to keep GSOMIA with Japan in force hours before it was due to expire.",
     {"gsomia"}),
    ("North Korea test-fired an intercontinental ballistic missile that fell inside Japan's "
     "exclusive economic zone.", {"north_korea"}),
    ("Japan's prime minister vowed to bring home every Japanese citizen abducted by North Korean "
     "agents.", {"north_korea"}),
    ("Korean fishermen protested Tokyo's plan to discharge treated radioactive water from the "
     "Fukushima plant into the ocean.", {"fukushima_water"}),
    ("South Korea will keep its ban on seafood imports from eight Japanese prefectures.",
     {"fukushima_water"}),
    ("Tokyo said a Korean warship had aimed its fire-control radar at a Japanese patrol "
     "aircraft.", {"military_incident"}),
    ("Defence chiefs of Japan, South Korea and the US agreed to hold trilateral drills on a "
     "regular basis.", {"security_cooperation"}),
    ("Seoul and Tokyo resumed their security dialogue after a gap of five years.",
     {"security_cooperation"}),
    ("South Korea's trade deficit with Japan narrowed last year as imports of Japanese machinery "
     "fell.", {"trade_economy"}),
    ("The finance ministers of South Korea and Japan agreed to restore their currency swap "
     "arrangement.", {"trade_economy"}),
    ("South Korean and Japanese firms plan to launch a joint venture in electric batteries.",
     {"trade_economy"}),
    ("K-pop groups now fill arenas in Osaka and Tokyo as easily as Japanese acts do.",
     {"cultural_exchange"}),
    ("Japanese tourists returned to Seoul in large numbers after visa-free entry resumed.",
     {"cultural_exchange"}),
    ("A Korean court ordered the stolen Buddhist statue returned to the Japanese temple it was "
     "taken from.", {"cultural_property"}),
    ("Seoul asked Tokyo to return Korean artefacts that were taken to Japan during the colonial "
     "period.", {"cultural_property"}),
    ("South Korea stayed away from the memorial service for workers at the Sado gold mine.",
     {"sado_mine"}),
]

# -- implied references and paraphrases ----------------------------------------------------

IMPLIED = [
    ("Seoul lodged a protest after Japanese lawmakers laid claim to the islets in a "
     "parliamentary resolution.", {"territory_dokdo"}),
    ("Tokyo insists the 1965 treaty settled every claim, while Seoul says the victims' right to "
     "compensation survives.", {"forced_labour"}),
    ("Japan's cabinet approved the removal of South Korea from its list of countries that get "
     "fast-track export approval.", {"export_controls"}),
    ("South Korean consumers shunned Japanese beer and clothing brands for months after Tokyo "
     "tightened controls on chip materials.", {"export_controls", "trade_economy"}),
    ("The two coast guards faced off for hours near the rocky islets before Tokyo called off its "
     "maritime survey.", {"territory_dokdo"}),
    ("Park Geun-hye refused to hold a summit with Abe until Tokyo addressed the plight of the "
     "women forced to serve in military brothels.", {"comfort_women"}),
    ("Hundreds of Japanese lawmakers visited the shrine that honours Japan's war dead, including "
     "convicted war criminals.", {"yasukuni"}),
    pytest.param(
        "Seoul demanded that Tokyo correct a teaching manual that describes the islets as "
        "Japanese.", {"history_textbooks", "territory_dokdo"},
        marks=pytest.mark.xfail(strict=True, reason="known limit: a weak cue ('the islets') "
                                "does not count beside an issue the sentence has for sure"),
    ),
    ("Japan lifted its curbs on photoresist and hydrogen fluoride shipments to Korea in March "
     "2023.", {"export_controls"}),
    ("The intelligence pact between Seoul and Tokyo was set to lapse at midnight.", {"gsomia"}),
    ("Pyongyang's latest missile splashed down inside Japan's exclusive economic zone.",
     {"north_korea"}),
    ("Korean protesters marched on the Japanese embassy to oppose the ocean release of Fukushima "
     "wastewater.", {"fukushima_water"}),
    ("Seoul accused a Japanese patrol plane of a threatening low-altitude flight near its "
     "destroyer.", {"military_incident"}),
    ("Defence ministers from Seoul, Tokyo and Washington agreed to share missile warning data in "
     "real time.", {"gsomia", "security_cooperation"}),
    ("Japanese direct investment in South Korea rose for a third straight year.",
     {"trade_economy"}),
    ("Japanese anime drew record crowds at a film festival in Busan.", {"cultural_exchange"}),
    ("South Korea returned a stolen Buddhist statue to the temple on Tsushima.",
     {"cultural_property"}),
    ("Seoul objected to Tokyo's UNESCO bid for the Sado mine, citing wartime forced labour.",
     {"sado_mine", "forced_labour"}),
    ("The Korean Council's weekly rally outside the Japanese embassy marked its 1,600th "
     "gathering.", {"comfort_women"}),
    ("South Korean plaintiffs asked a court to order the sale of Mitsubishi Heavy Industries' "
     "seized patents.", {"forced_labour"}),
    ("another year, another takeshima day in shimane, another protest from seoul",
     {"territory_dokdo"}),
    # readout, encyclopedia and forum wording
    ("The two Ministers confirmed that the issue of former civilian workers from the Korean "
     "Peninsula would be addressed in line with the measures announced by the ROK Government.",
     {"forced_labour"}),
    ("Minister Hayashi stated that Takeshima is indisputably an inherent part of the territory of "
     "Japan in light of historical facts and based upon international law.",
     {"territory_dokdo"}),
    ("The Ministers welcomed the resumption of the Japan-ROK Security Dialogue.",
     {"security_cooperation"}),
    ("Foreign Minister Park Jin expressed concern over the discharge of ALPS treated water.",
     {"fukushima_water"}),
    ("lol the whole dokdo thing again, can't they just share the rocks", {"territory_dokdo"}),
    ("yasukuni visit season again, cue the angry statements from seoul", {"yasukuni"}),
    ("honestly the chip chemical spat in 2019 hurt japan more than korea", {"export_controls"}),
    ("kpop is literally everywhere in tokyo now", {"cultural_exchange"}),
    ("The Asian Women's Fund distributed 'atonement money' to former comfort women between 1995 "
     "and 2007.", {"comfort_women"}),
    ("Yasukuni's Yushukan museum presents the Pacific War as a war of liberation.", {"yasukuni"}),
    ("The Japan-Korea joint declaration of 1998 between Keizo Obuchi and Kim Dae-jung expressed "
     "remorse for colonial rule and opened the way for cultural exchange.",
     {"cultural_exchange"}),
    ("South Korea's navy and coast guard held drills near the disputed islands on Thursday, "
     "prompting Tokyo to lodge a protest.", {"territory_dokdo"}),
    ("Japan's Nuclear Regulation Authority approved the plan to release the diluted water via an "
     "undersea tunnel, drawing criticism from Seoul.", {"fukushima_water"}),
    ("Seoul's top court upheld a ruling ordering Japan's government to compensate 16 women forced "
     "into sexual slavery.", {"comfort_women"}),
    ("Washington brokered a trilateral meeting of national security advisers from Japan, South "
     "Korea and the US.", {"security_cooperation"}),
    ("North Korean hackers stole cryptocurrency from a Japanese exchange.", {"north_korea"}),
    ("South Korea lifted its ban on Japanese films, music and anime in stages after 1998.",
     {"cultural_exchange"}),
    ("Tokyo recalled its ambassador after a Korean court ordered the seizure of Nippon Steel's "
     "assets.", {"forced_labour"}),
    ("South Korea's defence ministry said Japanese patrol aircraft had flown menacingly close to "
     "its warship three times.", {"military_incident"}),
    ("Japan's defence ministry said it would no longer hold joint drills with South Korea until "
     "the radar issue is settled.", {"military_incident", "security_cooperation"}),
    ("The Japanese government said the issue of compensation was settled completely and finally "
     "by the 1965 agreement.", {"forced_labour"}),
    ("A bronze statue honouring the victims stands outside the Japanese embassy in Seoul.",
     {"comfort_women"}),
    ("South Korea's opposition accused the government of humiliating diplomacy over the wartime "
     "labour deal.", {"forced_labour"}),
    ("Tokyo suspended talks on a currency swap with Seoul in 2017.", {"trade_economy"}),
    ("Japanese beer sales in Korea have recovered since the boycott faded.", {"trade_economy"}),
    ("The number of Korean students studying in Japan rose to a record.", {"cultural_exchange"}),
    ("IAEA chief Rafael Grossi met Korean lawmakers who oppose the release.",
     {"fukushima_water"}),
    ("Japan returned the Bukgwan monument to South Korea in 2005.", {"cultural_property"}),
    ("South Korea did not attend the Sado memorial this year either.", {"sado_mine"}),
    ("Japanese and Korean scholars failed to agree on a common account of modern history.",
     {"history_textbooks"}),
    ("Sony and Samsung agreed to jointly develop image sensors.", {"trade_economy"}),
    ("The Japanese prime minister sent a ritual offering but stayed away from the shrine on the "
     "anniversary of the war's end.", {"yasukuni"}),
]

# -- a cue word in another sense, another country's news, or no topic at all --------------------

NEGATIVE = [
    "Japan's education ministry said the new maths textbooks would come with digital versions.",
    "Korean Air added more flights between Seoul and Los Angeles.",
    "The Japanese national team won the Asian Cup after a penalty shootout.",
    "Sumitomo Mitsui reported record quarterly profits on Tuesday.",
    "Visitors crowded a shrine in Kyoto for the cherry blossom festival.",
    "India test-fired a ballistic missile from its eastern coast.",
    "The United States tightened export controls on advanced chips bound for China.",
    "The Philippine coast guard accused Chinese vessels of firing water cannon near a disputed "
    "reef.",
    "Storms flooded rice paddies across Niigata Prefecture.",
    "The gold price hit a record high on Wednesday as investors sought safety.",
    "Toyota raised its annual profit forecast on strong sales in North America.",
    "It was a textbook case of bad timing: the announcement came on a holiday.",
    "Greenpeace staged a protest against shipments of radioactive waste in France.",
    "Prime Minister Ishiba met business leaders in Osaka to discuss wage increases.",
    "The Bank of Korea kept its policy rate unchanged at 3.5 percent.",
    "Seoul's subway fares will rise by 150 won from next month.",
    "A court in Osaka sentenced a man to life in prison for an arson attack on an animation "
    "studio.",
    "Taiwan's defence ministry said Chinese warships crossed the median line of the strait.",
    "Japan's ruling party lost its majority in the upper house election.",
    "The statue of Admiral Yi Sun-sin in central Seoul was cleaned ahead of the holiday.",
    "The US and the Philippines held joint exercises in the South China Sea.",
    "Germany said it would return Benin bronzes looted in the colonial era to Nigeria.",
    "Hundreds of thousands of tourists visited Kyoto's temples during Golden Week.",
    "Israel and Hamas exchanged fire across the Gaza border overnight.",
    "Apple's supplier in Taiwan said its supply chain had recovered after the earthquake.",
    "Japan and South Korea agreed to extend the agreement on double taxation.",
    "Korean and Japanese researchers will release a joint report on ageing societies.",
    "South Korea beat Japan 2-1 in a World Cup qualifier in Seoul.",
    "Tokyo and Seoul exchanged views on the war in Ukraine.",
    "The leaders of Japan and South Korea met on the sidelines of the G7 summit in Hiroshima.",
    "Japanese and South Korean diplomats discussed the situation in the Middle East.",
    "A Japanese court sentenced a South Korean man for shoplifting in Osaka.",
    "Japan's coast guard rescued two South Korean fishermen whose boat capsized.",
    "South Korea's ambassador to Japan said the two countries should look to the future.",
    "Japan's national football team wore a new kit inspired by the rising sun.",
    "Visitors can see the Kintai Bridge and a famous shrine in Iwakuni.",
    "South Korea's export growth slowed in May as chip prices fell.",
    "China imposed export controls on gallium and germanium, hitting Japanese chipmakers.",
    "The defence ministers of Japan and Australia signed a reciprocal access agreement.",
    "Hundreds protested outside the Russian embassy in Seoul over the war in Ukraine.",
    "Japanese prosecutors indicted a former executive for insider trading.",
    "The comfort food chain opened its 100th store in Tokyo.",
    "The Supreme Court of Japan upheld the death sentence for a man who killed three people.",
    "A Japanese destroyer rescued the crew of a burning cargo ship in the Indian Ocean.",
    "South Korean figure skaters won gold and silver at the Four Continents championships in "
    "Osaka.",
    "The Japanese government raised its forecast for inbound tourism after a weak yen drew "
    "visitors.",
    "South Korea's nuclear safety agency approved the restart of a reactor at Kori.",
    "Japan launched an H3 rocket carrying a navigation satellite from Tanegashima.",
    "A Japanese court ordered the state to pay damages to victims of forced sterilisation.",
    "Tokyo stocks closed higher as exporters gained on a weaker yen.",
    "South Korea's president laid a wreath at the national cemetery on Memorial Day.",
    "The textbook publisher reported lower sales because of the falling birth rate in Japan.",
    "The ICJ ruled that Japan must halt its whaling programme in the Antarctic.",
    "Korean War veterans gathered at the memorial in Washington.",
    "Coal miners worked extra shifts at the mines of Gangwon province last winter.",
    "Japan's Coast Guard said a Chinese survey ship was operating in its waters near the "
    "Senkaku islands.",
    "Seoul and Tokyo agreed to resume shuttle diplomacy.",
    "Kishida expressed his heartfelt apology and remorse in line with the 1998 joint "
    "declaration.",
    "Tokyo protested Seoul's decision to name the East Sea on its new official maps.",
    "The Japanese embassy in Seoul was closed on Monday for a national holiday.",
    "A US district judge issued the ruling after an emergency hearing in a lawsuit brought by "
    "rabbis.",
]

# -- paragraphs: back references keep an issue, unrelated sentences do not -----------------------

PARAGRAPHS = [
    [("South Korea's top court ordered Nippon Steel to pay four Korean men forced into wartime "
      "labour.", {"forced_labour"}),
     ("Tokyo said the rulings violated international law.", {"forced_labour"}),
     ("Separately, the two countries' finance ministers met in Incheon to discuss exchange "
      "rates.", set())],
    [("Seoul told Tokyo it would scrap GSOMIA.", {"gsomia"}),
     ("Washington urged it to keep the pact alive.", {"gsomia"}),
     ("Later that week, heavy rain hit Busan.", set())],
    [("Japanese lawmakers flocked to Yasukuni Shrine on Thursday.", {"yasukuni"}),
     ("South Korea's president then flew to Indonesia for a regional summit.", set())],
    [("Lee Myung-bak visited the Dokdo islets in 2012.", {"territory_dokdo"}),
     ("Tokyo proposed taking the dispute over the islets to the International Court of "
      "Justice.", {"territory_dokdo"}),
     ("His approval ratings fell sharply in the autumn.", set())],
    [("Japan started releasing treated water from Fukushima Daiichi in August.",
      {"fukushima_water"}),
     ("Korean supermarkets reported a run on sea salt.", {"fukushima_water"}),
     ("Samsung unveiled a new phone the same week.", set())],
    [("South Korea's Supreme Court upheld damages for wartime labourers against Nippon Steel.",
      {"forced_labour"}),
     ("Japan called the ruling unacceptable.", {"forced_labour"}),
     ("Meanwhile, the won weakened against the dollar.", set())],
    [("Japan removed South Korea from its white list in August 2019.", {"export_controls"}),
     ("Seoul retaliated by dropping Japan from its own list.", {"export_controls"}),
     ("A typhoon struck Okinawa that weekend.", set())],
    [("Kishida sent a ritual offering to Yasukuni on the anniversary of the surrender.",
      {"yasukuni"}),
     ("South Korea expressed deep regret over the offering.", {"yasukuni"}),
     ("Kishida later left for a G7 meeting in Italy.", set())],
    [("Japan began discharging treated water from the Fukushima plant on Thursday.",
      {"fukushima_water"}),
     ("The discharge will take about 30 years.", {"fukushima_water"}),
     ("Separately, Japan's central bank kept rates on hold.", set())],
    [("Seoul and Tokyo renewed their currency swap in 2023.", {"trade_economy"}),
     ("The K-pop group NewJeans topped the charts in Japan the same month.",
      {"cultural_exchange"})],
    [("The Tsushima statue case dragged on for more than a decade.", {"cultural_property"}),
     ("The court finally ruled that the Japanese temple owned it.", {"cultural_property"}),
     ("Tourists from Busan kept arriving by ferry all the while.", {"cultural_exchange"})],
]


@pytest.mark.parametrize(("sentence", "expected"), POSITIVE)
def test_plain_sentences_get_their_issue(tagger, sentence, expected):
    assert tags(tagger, sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), IMPLIED)
def test_implied_references_and_paraphrases(tagger, sentence, expected):
    assert tags(tagger, sentence) == expected


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_other_senses_and_other_news_get_nothing(tagger, sentence):
    assert tags(tagger, sentence) == set()


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_paragraph_back_references_without_leaks(tagger, paragraph):
    got = tagger.tag_paragraph([sentence for sentence, _ in paragraph])
    assert [set(t) for t in got] == [expected for _, expected in paragraph]


# -- rules ----------------------------------------------------------------------------------


def test_issues_never_leak_across_paragraphs(tagger):
    first = tagger.tag_paragraph(["Seoul told Tokyo in August 2019 it would not renew GSOMIA."])
    second = tagger.tag_paragraph(["The pact survived only because Seoul changed its mind."])
    assert first == [("gsomia",)]
    assert second == [()]
    # Within one paragraph the same back reference keeps the issue.
    both = tagger.tag_paragraph(["Seoul told Tokyo in August 2019 it would not renew GSOMIA.",
                                 "The pact survived only because Seoul changed its mind."])
    assert both == [("gsomia",), ("gsomia",)]


def test_back_references_reach_two_sentences_only(tagger):
    sentences = ["Seoul told Tokyo it would not renew GSOMIA.",
                 "Officials met in Seoul on Monday.",
                 "Ministers met again in Tokyo on Tuesday.",
                 "The pact was extended at the last minute."]
    assert tagger.tag_paragraph(sentences) == [("gsomia",), (), (), ()]


@pytest.mark.parametrize("sentence", [
    "The islets lie far from the mainland.",
    "The pact expired at midnight.",
    "Plaintiffs said the rulings must be honoured.",
    "The shrine drew large crowds.",
    "The missile fell into the sea.",
])
def test_weak_cues_alone_give_nothing(tagger, sentence):
    assert tagger.tag_sentence(sentence) == ()


def test_two_weak_cues_need_a_dyad_country(tagger):
    assert tagger.tag_sentence("Plaintiffs won damages in the appeal.") == ()
    assert tagger.tag_sentence(
        "Korean plaintiffs won damages from Mitsubishi Heavy in the appeal.") == ("forced_labour",)


def test_sentence_about_the_pair_frames_a_weak_phrase(tagger):
    assert tagger.tag_sentence("The islets drew crowds.") == ()
    assert tagger.tag_sentence("Japan says Korea occupies the islets.") == ("territory_dokdo",)
    # ... but not with a third country named: Japan and China also quarrel over islets.
    assert tagger.tag_sentence("Japan, China and Korea all claim the islets.") == ()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Tighter export controls hit chipmakers.", ()),  # no country at all
    ("The United States tightened export controls on China.", ()),  # other countries
    ("Japan tightened export controls on China.", ()),  # 'dyad': one dyad country + an outsider
    ("Japan tightened export controls on South Korea.", ("export_controls",)),
    ("Japan's export controls were lifted in 2023.", ("export_controls",)),
])
def test_require_context_cues(tagger, sentence, expected):
    assert tagger.tag_sentence(sentence) == expected


def test_both_countries_rule_reads_the_paragraph_so_far(tagger):
    # trade_economy asks for both countries: one in the sentence, the other in the paragraph.
    alone = tagger.tag_paragraph(["Japan's trade deficit widened in May."])
    assert alone == [()]
    paired = tagger.tag_paragraph(["South Korea's finance minister visited Tokyo.",
                                   "Seoul's trade deficit with Japan was the main topic."])
    assert paired[1] == ("trade_economy",)
    later = tagger.tag_paragraph(["Seoul's trade deficit was the main topic.",
                                  "Talks with Japan will resume in May."])
    assert later == [(), ()]


def test_north_korea_is_not_korea(tagger):
    assert tagger.countries_in("North Korea fired a missile.") == frozenset()
    assert tagger.countries_in("South Korea and Japan protested.") == {"KOR", "JPN"}
    assert tagger.countries_in("seoul and tokyo") == {"KOR", "JPN"}  # forum text is lower-case
    assert tagger.countries_in("Kishida spoke.") == {"JPN"}  # people of the dyad's countries


def test_other_senses_hide_the_cue(tagger):
    assert tagger.tag_sentence("Japan's rice reserve is a form of food security cooperation "
                               "with South Korea.") == ()
    assert tagger.tag_sentence("Japan and South Korea expanded security cooperation.") == (
        "security_cooperation",)


def test_hyphens_quotes_and_case(tagger):
    assert tokens("Japan’s forced-labour cases") == ["Japan", "'", "s", "forced", "labour",
                                                     "cases"]
    assert tagger.tag_sentence("JAPAN'S FORCED-LABOUR CASES WENT TO COURT IN SEOUL.") == (
        "forced_labour",)


def test_issues_come_in_taxonomy_order(tagger):
    got = tagger.tag_sentence("Seoul summoned Japan's envoy over Dokdo, Yasukuni and the comfort "
                              "women.")
    assert got == ("territory_dokdo", "comfort_women", "yasukuni")


# -- indirect wording: parts, paraphrases and families of an issue --------------------------------
# Written apart from both gold sets (eval/gold/jk_issues.jsonl, jk_issues_dev2.jsonl).

INDIRECT = [
    ("Japan renewed its claim to the two islets in the East Sea in a foreign ministry report, and "
     "Seoul lodged a protest.", {"territory_dokdo"}),
    ("South Korea's coast guard chased off a Japanese survey vessel near its easternmost "
     "islets.", {"territory_dokdo"}),
    ("Korean lawmakers set foot on the rocky outcrops that Japan claims, prompting a protest from "
     "Tokyo.", {"territory_dokdo"}),
    ("A Japanese cabinet official attended Shimane's ceremony for the islands, and Seoul "
     "protested.", {"territory_dokdo"}),
    ("Japan asked the city of San Francisco to remove a memorial to women forced into sexual "
     "servitude by its wartime army.", {"comfort_women"}),
    ("The last survivors living at the shelter for former sex slaves near Seoul are now in their "
     "nineties.", {"comfort_women"}),
    ("Seoul's court ruled that Japan could not invoke state immunity against the victims of its "
     "wartime brothels.", {"comfort_women"}),
    ("Students joined the Wednesday rallies outside the old Japanese embassy in Seoul.",
     {"comfort_women"}),
    ("Japan asked Germany to remove the girl statue from a Berlin street.", {"comfort_women"}),
    ("South Korea's supreme court ordered Nippon Steel to pay 100 million won each to four "
     "Koreans drafted to work at its mills.", {"forced_labour"}),
    ("Japan argues that the 1965 normalisation treaty settled all claims, so the mobilised "
     "workers' suits have no basis.", {"forced_labour"}),
    ("Seoul's foundation will pay the victims of wartime labour mobilisation with money from "
     "Korean firms.", {"forced_labour"}),
    ("Japanese ministers stayed away from the war-linked shrine in Tokyo on 15 August but sent "
     "offerings.", {"yasukuni"}),
    ("Seoul voiced regret after 90 Japanese lawmakers paid homage at the shrine that honours the "
     "war dead.", {"yasukuni"}),
    ("South Korea lodged a protest over newly approved Japanese junior high school texts that "
     "play down colonial rule.", {"history_textbooks"}),
    ("The ministry's screeners in Tokyo asked publishers to state that the islets are Japan's "
     "inherent territory.", {"history_textbooks", "territory_dokdo"}),
    ("Tokyo restricted shipments of three key chip-making chemicals to South Korea in 2019.",
     {"export_controls"}),
    ("Seoul welcomed Tokyo's decision to restore South Korea's preferential trade status.",
     {"export_controls"}),
    ("Seoul said it would keep the military intel pact with Tokyo despite the trade row.",
     {"gsomia"}),
    ("South Korea decided to scrap the 2016 intelligence-sharing accord with Japan.", {"gsomia"}),
    ("Seoul and Tokyo restored their military information-sharing arrangement in 2023.",
     {"gsomia"}),
    ("The North fired artillery near the maritime border, South Korea's military said.",
     {"north_korea"}),
    ("Japan issued a missile alert for Okinawa after a launch from the Korean peninsula.",
     {"north_korea"}),
    ("Korean fishermen fear the release of the tritium-laced water from the wrecked plant will "
     "hurt sales.", {"fukushima_water"}),
    ("South Korea kept its import curbs on Japanese seafood after Tokyo began discharging the "
     "water.", {"fukushima_water"}),
    ("Japan accused a Korean destroyer of aiming its targeting radar at a patrol plane.",
     {"military_incident"}),
    ("Chinese and Russian bombers entered South Korea's air defence zone, and Seoul and Tokyo "
     "scrambled jets.", {"military_incident"}),
    ("The top military officers of Seoul, Tokyo and Washington agreed to expand trilateral "
     "drills.", {"security_cooperation"}),
    ("Japan and South Korea agreed on a dollar swap deal worth $10 billion.", {"trade_economy"}),
    ("Japanese investment in South Korean chip plants rose sharply.", {"trade_economy"}),
    ("Korean dramas have been a hit with Japanese audiences for two decades.",
     {"cultural_exchange"}),
    ("Japan returned Joseon royal documents to South Korea in 2011.", {"cultural_property"}),
    ("Seoul agreed to the heritage listing of the gold mine after Japan promised a display on "
     "Korean workers.", {"sado_mine"}),
    ("South Korea skipped the memorial for Korean workers at the island's gold mines in Niigata.",
     {"sado_mine"}),
]

INDIRECT_NEGATIVE = [
    # the same words in other senses, or the same kind of event elsewhere
    "Tokyo asserts sovereignty over the Senkaku islands, which China also claims.",
    "Japan's coast guard said Chinese ships entered waters around the islands for the 30th day.",
    "The islands of Okinawa attract millions of tourists from Japan and South Korea.",
    "Ferries from Niigata to Sado were cancelled because of high waves.",
    "The museum in Niigata opened an exhibition of Edo-period ceramics.",
    "A Japanese gold miner reported higher output from its Hishikari mine in Kagoshima.",
    "Samsung and SK Hynix reported record profits on strong memory chip demand.",
    "Japan's education ministry approved new English texts for high schools.",
    "That will go down in the history books as Japan's finest World Cup win.",
    "Thousands gathered before the Peace Statue in Nagasaki on the anniversary of the bombing.",
    "A bronze statue of a girl reading a book was unveiled outside a library in Melbourne.",
    "The Fearless Girl statue was moved to face the New York Stock Exchange.",
    "Australia and the United States signed an intelligence-sharing pact on space surveillance.",
    "The Netherlands joined the US in tightening export controls on chip-making machines sold to "
    "China.",
    "Japan attempted to restore power to two crippled reactors at the Fukushima plant in 2011.",
    "South Korea launched its first space rocket from the Naro Space Center.",
    "Korean fishermen complained about falling prices for mackerel this winter.",
    "South Korea's Joint Chiefs of Staff said the military would hold a parade on Armed Forces "
    "Day.",
    "Police in Tokyo said thieves stole a Buddha figure from a private collection.",
    "South Korea held a memorial for the victims of the Itaewon crowd crush.",
]


@pytest.mark.parametrize(("sentence", "expected"), INDIRECT)
def test_indirect_wording(tagger, sentence, expected):
    assert tags(tagger, sentence) == expected


@pytest.mark.parametrize("sentence", INDIRECT_NEGATIVE)
def test_indirect_wording_in_other_senses_gets_nothing(tagger, sentence):
    assert tags(tagger, sentence) == set()


# -- list syntax: alternatives and plurals -----------------------------------------------------


def test_phrase_alternatives_expand():
    assert sorted(expand_phrase("military [information|intelligence] [pact|accord]")) == [
        "military information accord", "military information pact", "military intelligence accord",
        "military intelligence pact"]
    assert expand_phrase("[the |]islets") == ["the islets", "islets"]
    assert expand_phrase("plain  words") == ["plain words"]
    with pytest.raises(ValueError, match="unbalanced"):
        expand_phrase("military [pact|accord")


def test_bad_alternatives_in_a_taxonomy_file_raise(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("issues:\n  - id: a\n    cues: ['water [sharing|rights']\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unbalanced"):
        load_taxonomy(path)


def toy(tmp_path: Path, body: str) -> IssueTagger:
    path = tmp_path / "issues.yaml"
    path.write_text("context:\n  AAA: [Alphaland]\n  BBB: [Betaland]\nissues:\n" + body,
                    encoding="utf-8")
    return IssueTagger.from_file(path, ("AAA", "BBB"))


def test_phrases_of_several_words_also_match_their_plural(tmp_path):
    tagger = toy(tmp_path, "  - id: river\n    label: River\n"
                 "    aliases: [Blue Compact]\n    cues: [water treaty, the rivers]\n"
                 "    weak_cues: [dam, the levee]\n    require_context: true\n")
    assert tagger.tag_sentence("Alphaland signed two water treaties.") == ("river",)
    assert tagger.tag_sentence("Alphaland built a dam and the levees.") == ("river",)
    # A plural is never made singular; single words and aliases match as written.
    assert tagger.tag_sentence("Alphaland cleaned the river.") == ()
    assert tagger.tag_sentence("Alphaland dams the levee.") == ()  # "dams" is not listed
    assert tagger.tag_sentence("The Blue Compacts were signed.") == ()
    assert tagger.tag_sentence("The Blue Compact was signed.") == ("river",)


def test_japan_korea_plurals(tagger):
    assert tags(tagger, "Seoul said Japan's wartime workers deserve an apology.") == {
        "forced_labour"}
    assert tags(tagger, "Survivors joined the Wednesday rallies.") == {"comfort_women"}


# -- context words --------------------------------------------------------------------------

CONTEXT_TOY = ("  - id: river\n    label: River\n    weak_cues: [the dam, dams, floodgates]\n"
               "    context_words: [upstream, reservoir, blue river]\n"
               "    require_context: true\n"
               "  - id: flood\n    label: Flood\n    weak_cues: [river, flooding]\n"
               "    require_context: true\n")


def test_a_context_word_backs_one_weak_cue(tmp_path):
    tagger = toy(tmp_path, CONTEXT_TOY)
    assert tagger.tag_sentence("Alphaland opened the dam.") == ()
    assert tagger.tag_sentence("Alphaland opened the dam upstream.") == ("river",)
    # the issue's context still applies: here a country of the dyad
    assert tagger.tag_sentence("Gamma opened the dam upstream.") == ()
    # context words alone, or two of them, are no evidence
    assert tagger.tag_sentence("Alphaland filled the reservoir upstream.") == ()


def test_context_words_are_not_back_references(tmp_path):
    tagger = toy(tmp_path, CONTEXT_TOY)
    assert tagger.tag_paragraph(["Alphaland and Betaland quarrel over dams and floodgates.",
                                 "The reservoir is full."]) == [("river",), ()]
    assert tagger.tag_paragraph(["Alphaland and Betaland quarrel over dams and floodgates.",
                                 "The dam is full."]) == [("river",), ("river",)]


def test_context_words_do_not_hide_other_phrases(tmp_path):
    tagger = toy(tmp_path, CONTEXT_TOY)
    # "blue river" backs the first issue; "river" inside it still counts for the second
    assert tagger.tag_sentence("Alphaland reported flooding on the blue river.") == ("flood",)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a weak cue and a context word of the same issue
    ("Japan's vice-minister attended Shimane's ceremony over the islands.", {"territory_dokdo"}),
    ("South Korea boycotted the memorial for the Korean workers of the gold mine.",
     {"sado_mine"}),
    # place names alone, or with each other, are not the issue
    ("Japan's tourist office promoted the Oki islands of Shimane.", set()),
    ("The ferry from Niigata to Sado takes two and a half hours.", set()),
    # firms say who, not what
    ("Samsung and Toyota both reported record profits.", set()),
    ("Samsung and Toyota agreed to invest in a joint battery plant.", {"trade_economy"}),
])
def test_japan_korea_context_words(tagger, sentence, expected):
    assert tags(tagger, sentence) == expected


# -- documents ------------------------------------------------------------------------------


def test_document_issues_need_salience(tagger):
    filler = [()] * 40
    once = [("yasukuni",)]
    # A passing mention deep inside a long document does not count ...
    assert tagger.document_issues(filler[:20] + once + filler) == ()
    # ... three mentions do, and so does a mention in the lead or the title.
    thrice = filler[:10] + once + filler[:10] + once + filler[:10] + once + filler
    assert tagger.document_issues(thrice) == ("yasukuni",)
    assert tagger.document_issues(once + filler) == ("yasukuni",)
    assert tagger.document_issues(filler, title="Abe visits Yasukuni Shrine") == ("yasukuni",)
    # A short text needs one sentence.
    assert tagger.document_issues([(), (), (), ("gsomia",)]) == ("gsomia",)


# -- the seeds ------------------------------------------------------------------------------

SEED_SENTENCES = [
    ("002_3c750eb1d4bf914e.txt", "(4) The issue of Takeshima was also briefly raised.",
     {"territory_dokdo"}),
    ("002_3c750eb1d4bf914e.txt", "(2) Furthermore, Minister Kang explained the position of the "
     "Government of the ROK on the comfort women issue.", {"comfort_women"}),
    ("003_18cea04d4a4e456a.txt", "They will likely include lawsuits in South Korea demanding "
     "compensation from Japanese companies for wartime conscripted labor and Seoul's restrictions "
     "on importing Japanese marine products after the Fukushima nuclear accident, Kishida said.",
     {"forced_labour", "fukushima_water"}),
    ("003_18cea04d4a4e456a.txt", "Wartime forced labor and the inflammatory subject of \"comfort "
     "women\" are both sources of Korean resentment.", {"forced_labour", "comfort_women"}),
    ("004_6f1706382ce6ca5e.txt", "A South Korean Court ruled that a Buddhist statue stolen from "
     "Japan has to be returned.", {"cultural_property"}),
    ("004_6f1706382ce6ca5e.txt", "On 24 April, South Korea returned Japan to its preferential "
     "trade partner list, and Japan plans on reciprocating shortly.", {"export_controls"}),
    ("001_c0c6c48ed22f1e3e.txt", "The Korean Wave has sparked a fad for Korean movies, dramas "
     "and pop music in Japan.", {"cultural_exchange"}),
    ("003_18cea04d4a4e456a.txt", "The meeting will take place between Junichi Ihara, head of the "
     "Asian and Oceanian affairs bureau at the Japanese foreign ministry, and Lee Sang-Deok, South "
     "Korea's director-general for Northeast Asian Affairs.", set()),
]


@pytest.mark.parametrize(("seed", "sentence", "expected"), SEED_SENTENCES)
def test_seed_key_sentences(tagger, shared, seed, sentence, expected):
    text = (shared / "seeds" / seed).read_text(encoding="utf-8")
    assert " ".join(sentence.split()) in " ".join(text.split())
    assert tags(tagger, sentence) == expected


def test_seed_documents_get_their_main_issues(tagger, shared):
    from dyadwatch.evaluate_issues import split_simple

    def document(name: str) -> tuple[str, ...]:
        text = (shared / "seeds" / name).read_text(encoding="utf-8")
        per_sentence = []
        for line in text.split("\n"):
            if line.strip():
                per_sentence += tagger.tag_paragraph(split_simple(line.strip()))
        return tagger.document_issues(per_sentence)

    assert {"comfort_women", "north_korea"} <= set(document("002_3c750eb1d4bf914e.txt"))
    assert "comfort_women" in document("000_2ed3d70e5c8459a1.txt")
    assert {"forced_labour", "cultural_property"} <= set(document("004_6f1706382ce6ca5e.txt"))


# -- taxonomy files -------------------------------------------------------------------------


def test_japan_korea_taxonomy_ids_are_fixed(tagger):
    assert tuple(tagger.labels) == JK_IDS
    assert tagger.labels["territory_dokdo"] == "Dokdo / Takeshima"
    text = knowledge_path("issues/japan-korea.yaml").read_text(encoding="utf-8")
    assert "\nsources:\n" in text


def test_usa_china_taxonomy_loads_and_tags():
    dyad = load_dyad("usa-china")
    assert dyad.issue_file is not None and dyad.issue_file.name == "usa-china.yaml"
    tagger = IssueTagger.from_dyad(dyad)
    assert len(tagger.labels) == 10
    assert tagger.tag_sentence("Beijing condemned the latest US arms sale to Taiwan.") == (
        "taiwan",)
    assert tagger.tag_sentence(
        "Washington imposed new tariffs on Chinese goods worth 200 billion dollars.") == (
        "trade_tariffs",)
    assert tagger.tag_sentence("Japan imposed tariffs on Australian beef.") == ()


def test_dyad_without_taxonomy_tags_nothing():
    dyad = replace(load_dyad("japan-korea"), issue_file=None)
    tagger = IssueTagger.from_dyad(dyad)
    assert tagger.labels == {}
    assert tagger.tag_paragraph(["Seoul protested over Dokdo.", "GSOMIA lapsed."]) == [(), ()]
    assert tagger.document_issues([()], title="Dokdo") == ()


def test_taxonomy_file_alone_with_its_context_block(tmp_path: Path):
    path = tmp_path / "issues.yaml"
    path.write_text(
        "context:\n  AAA: [Alphaland]\n  BBB: [Betaland]\n"
        "issues:\n"
        "  - id: river\n    label: River\n    aliases: [Blue River Treaty]\n"
        "    cues: [water sharing]\n    weak_cues: [the dam, the river]\n"
        "    require_context: true\n",
        encoding="utf-8",
    )
    tagger = IssueTagger.from_file(path, ("AAA", "BBB"))
    assert tagger.tag_sentence("Water sharing talks stalled.") == ()
    assert tagger.tag_sentence("Alphaland proposed water sharing.") == ("river",)
    assert tagger.tag_sentence("The Blue River Treaty turns fifty.") == ("river",)
    assert tagger.tag_sentence("Betaland said the dam would cut the river's flow.") == ("river",)


@pytest.mark.parametrize(("body", "message"), [
    ("issues: nope\n", "'issues' list"),
    ("issues:\n  - label: no id\n", "'id'"),
    ("issues:\n  - id: a\n  - id: a\n", "defined twice"),
    ("issues:\n  - id: a\n    cues: [ok, 3]\n", "non-empty strings"),
    ("issues:\n  - id: a\n    require_context: sometimes\n", "require_context"),
    ("issues: [\n", "not valid YAML"),
])
def test_bad_taxonomy_files_raise_named_errors(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message):
        load_taxonomy(path)


def test_missing_taxonomy_file_raises(tmp_path):
    with pytest.raises(KnowledgeError, match="not found"):
        load_taxonomy(tmp_path / "absent.yaml")


def test_every_packaged_taxonomy_loads():
    for path in sorted(knowledge_path("issues").glob("*.yaml")):
        issues, _ = load_taxonomy(path)
        assert issues, path
        assert len({i.id for i in issues}) == len(issues)


def test_context_terms_can_be_given_directly():
    tagger = IssueTagger(
        issues=load_taxonomy(knowledge_path("issues/japan-korea.yaml"))[0],
        countries=("JPN", "KOR"),
        context=ContextTerms(insensitive={"Japan": "JPN", "Korea": "KOR"}),
    )
    assert tagger.tag_sentence("Japan tightened export controls on Korea.") == (
        "export_controls",)


def test_tagging_is_fast(tagger):
    sentences = [s for s, _ in POSITIVE] + NEGATIVE
    start = time.perf_counter()
    for _ in range(20):
        for sentence in sentences:
            tagger.tag_sentence(sentence)
    per_second = 20 * len(sentences) / (time.perf_counter() - start)
    assert per_second > 2000  # measured about 30,000 a second; the bound only catches blow-ups
