"""Poll-figure extraction: seed sentences, non-poll numbers, changes, context across sentences,
and a parametrised set of sentences written for these tests (varied wording, not from the gold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.config import load_dyad
from dyadwatch.errors import KnowledgeError
from dyadwatch.evaluate_polls import split_sentences
from dyadwatch.extractors.polls import (
    PollExtractor,
    load_poll_lexicon,
    parse_number_word,
)
from dyadwatch.models import Document, FuzzyDate, PollFigure, Sentence
from dyadwatch.nlp.spacy_model import load_model


@pytest.fixture(scope="session")
def polls() -> PollExtractor:
    return PollExtractor(load_dyad("japan-korea"))


@pytest.fixture(scope="session")
def read(polls: PollExtractor):
    nlp = load_model()

    def run(text: str, date: str | None = "2020-06-15") -> list[PollFigure]:
        document = Document(id="t", text=text, source="test",
                            published=FuzzyDate.parse(date) if date else None)
        return list(polls.extract(document, split_sentences(document, nlp)))

    return run


def row(figure: PollFigure) -> tuple:
    return (figure.population, figure.subject, figure.measure, figure.value, figure.change)


# --- seed sentences (the project's real examples) ------------------------------------------------


def test_bbc_2014_influence_figures(read):
    text = ("According to a 2014 BBC World Service Poll, 13% of Japanese view South Korea's "
            "influence positively, with 37% expressing a negative view, while 15% of South Koreans "
            "view Japanese influence positively, with 79% expressing negatively.")
    figures = read(text, None)
    assert [row(f) for f in figures] == [
        ("JPN", "KOR", "positive_influence", 13.0, None),
        ("JPN", "KOR", "negative_influence", 37.0, None),
        ("KOR", "JPN", "positive_influence", 15.0, None),
        ("KOR", "JPN", "negative_influence", 79.0, None),
    ]
    assert {f.pollster for f in figures} == {("BBC World Service",)}
    assert {f.year for f in figures} == {2014}


def test_genron_release_carries_pollster_from_the_paragraph_before(read):
    text = ("More signs of thawing relations: according to a survey by nonprofit think tank "
            "Genron NPO and the Seoul-based East Asia Institute, Japanese and South Koreans see "
            "each other more favourably than last year.\n"
            "Japanese who have unfavourable feelings about South Korea stood at 40.3% (down 8.5 "
            "percentage points), while South Koreans who hold a negative impression of Japan came "
            "to 52.8% (down 10.4 points), according to the poll.")
    figures = read(text, "2022-09-21")
    assert [row(f) for f in figures] == [
        ("JPN", "KOR", "unfavourable", 40.3, -8.5),
        ("KOR", "JPN", "unfavourable", 52.8, -10.4),
    ]
    assert all(f.pollster == ("Genron NPO", "East Asia Institute") for f in figures)


def test_compensation_plan_seed_sentences(read):
    figures = read("Recent polls found that nearly 60% of South Koreans opposed the compensation "
                   "scheme, while 57% of Japanese supported it.", "2023-03-17")
    assert [row(f) for f in figures] == [
        ("KOR", "compensation_plan", "oppose", 60.0, None),
        ("JPN", "compensation_plan", "support", 57.0, None),
    ]
    assert figures[0].year is None  # "recent" polls: no year from the text


def test_evidence_is_the_value_span_in_the_document(read):
    text = "Intro line.\nA Gallup Korea poll found that nearly 60 percent of Koreans oppose it."
    figure = read(text)[0]
    assert text[figure.evidence.start:figure.evidence.end] == "nearly 60 percent"
    assert figure.value == 60.0
    assert figure.evidence.rule == "polls/1:share"
    assert "Gallup Korea" in figure.sentence


# --- numbers that are not poll figures ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Yoon won the election with 48.56% of the vote on a turnout of 77.1%.",
    "Turnout in Wednesday's parliamentary election reached 66.2%.",
    "South Korea's economy grew 1.4% in 2023 as chip exports slumped.",
    "Japan produces about 92% of the global resist supply used in chipmaking.",
    "Imports of Japanese beer fell to $6,786 in October, down 99.9% from a year earlier.",
    "Japanese firms hold roughly 90 percent of the world market for the material.",
    "Semiconductors made up roughly a fifth of South Korea's exports in 2022.",
    "The Gallup Korea survey of 1,002 adults has a margin of error of 3.1%.",
    "Swiss voters approve the referendum by 56% to 44%.",
    "More than half a million people took part in the count.",
    "There are some Koreans who don't agree with the government 100% of the time.",
    # exit polls report votes; "Nikkei 225" is an index; "join" needs an action to join
    "In 2020, Biden won 57% of women, compared with 42% who backed Trump, according to exit polls.",
    "Japan's Nikkei 225 improves by six per cent as concerns over the economy are reduced.",
    "Exit polls show that around two-thirds of Danes voted to join the defence pact.",
    "Midday voter participation is 16.27 percent, marginally higher than five years ago.",
    # "correct" and "important" need a predicate; a place frame far from the figure is no public
    "Just 17% of those who took the quiz got all four correct.",
    "This will be an important test of a policy that removed 86 percent of the cash in "
    "circulation.",
    "In the United States, a court rules the buyout underpriced the firm by about 22 percent, "
    "hurting investors who opposed the deal.",
    "The impeachment motion passed with 204 of the 300 lawmakers in favour, above the two-thirds "
    "threshold.",
    "Seventy-one percent of Japanese are not worried about the release, the Asahi poll found.",
])
def test_non_poll_numbers_give_no_figure(read, text):
    assert read(text) == []


def test_a_survey_without_figures_gives_nothing(read):
    assert read("A new joint survey suggests attitudes are thawing, but the figures come out "
                "next month.") == []


# --- changes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("In the Genron NPO poll, 54.4% of Japanese had a bad impression of South Korea, up 17.1 "
     "points from last year.", [17.1]),
    ("President Yoon's approval rating fell four points to 30% in the Gallup Korea poll.", [-4.0]),
    ("Pew found 71% of Japanese and 77% of South Koreans rated the US favourably, up from 41% "
     "and 59% a year earlier.", [30.0, 18.0]),
    ("pew 2023: s korea 77% unfavorable toward china (down from 80).", [-3.0]),
    ("Among Japanese, unfavourable views of Korea were 40.3% in the poll, 8.5 percentage points "
     "fewer than a year ago.", [-8.5]),
    ("In the Pew poll, 88% of Japanese and 77% of South Koreans viewed China unfavourably, up two "
     "points in each country.", [2.0, 2.0]),
    ("In the Gallup Korea poll, 38% of Koreans viewed Japan unfavourably; unfavourable views "
     "eased.", [None]),
])
def test_change_sign_and_size(read, text, expected):
    assert [f.change for f in read(text)] == expected


def test_earlier_figure_is_no_record_of_its_own(read):
    figures = read("In the Cabinet Office poll, affinity toward South Korea plunged to 39.2%, from "
                   "62.2% a year earlier.", "2012-12-01")
    assert [(f.value, f.change) for f in figures] == [(39.2, -23.0)]


# --- several figures, both publics, word shares ---------------------------------------------------


def test_both_countries_give_one_record_each(read):
    figures = read("In the Genron NPO survey, negative impressions converged at 49.9% in both "
                   "countries.")
    assert sorted((f.population, f.subject) for f in figures) == [("JPN", "KOR"), ("KOR", "JPN")]
    assert len({(f.evidence.start, f.evidence.end) for f in figures}) == 1


def test_exact_figure_in_brackets_wins_over_the_approximation(read):
    figures = read("The Genron NPO poll found about half (50.6%) of South Koreans with a negative "
                   "view of Japan.")
    assert [(f.value, f.population, f.subject) for f in figures] == [(50.6, "KOR", "JPN")]


def test_word_fractions_need_people(read):
    figures = read("genron 2020: one in eight koreans has a good impression of japan. one in "
                   "eight!!", "2020-12-02")
    assert [(f.value, f.population, f.subject, f.pollster, f.year) for f in figures] == [
        (12.5, "KOR", "JPN", ("Genron NPO",), 2020)]


def test_the_same_and_did_not_borrow_the_neighbours_measure(read):
    figures = read("In the Cabinet Office's 2018 survey, 39.4% of Japanese said they felt "
                   "affinity toward South Korea and 58.0% said they did not.", "2019-01-20")
    assert [f.measure for f in figures] == ["favourable", "unfavourable"]
    figures = read("The Genron NPO survey found 76.6% of South Koreans have an unfavourable "
                   "impression of Japan, while 37.3% of Japanese say the same about South Korea.")
    assert [(f.population, f.subject, f.measure) for f in figures] == [
        ("KOR", "JPN", "unfavourable"), ("JPN", "KOR", "unfavourable")]


def test_each_other_resolves_against_the_other_public(read):
    figures = read("A Genron NPO and China Daily survey found 90.1% of Japanese and 92.8% of "
                   "Chinese with an unfavourable impression of each other.", "2013-08-06")
    assert [(f.population, f.subject) for f in figures] == [("JPN", "CHN"), ("CHN", "JPN")]
    assert figures[0].pollster == ("Genron NPO", "China Daily")


# --- pollster, year and date from the text and its context ---------------------------------------


def test_pollster_and_date_carried_from_the_previous_sentence(read):
    figures = read("The survey, by Gallup Korea in May, asked 1,002 adults about neighbouring "
                   "countries. It found that 61% regarded Japan unfavourably.", "2023-06-02")
    assert len(figures) == 1
    figure = figures[0]
    assert (figure.pollster, figure.population, figure.subject) == (("Gallup Korea",), "KOR",
                                                                   "JPN")
    assert (figure.year, figure.date) == (2023, FuzzyDate(2023, 5))


def test_a_different_survey_stops_the_carry(read):
    figures = read("Gallup Korea asked about Japan last week. In another poll, 40% of South "
                   "Koreans said they had a bad impression of Japan.", "2023-06-02")
    assert figures[0].pollster == ()


def test_source_note_after_the_figures(read):
    figures = read("only like one in five koreans (20.5%) and a quarter of japanese (25.4%) have "
                   "a good impression of the other side. genron 2021. depressing", "2021-11-20")
    assert [(f.value, f.population, f.subject) for f in figures] == [
        (20.5, "KOR", "JPN"), (25.4, "JPN", "KOR")]
    assert all(f.pollster == ("Genron NPO",) and f.year == 2021 for f in figures)


@pytest.mark.parametrize(("text", "date", "year", "fuzzy"), [
    ("A joint survey carried out this year by Genron NPO found 30% of Japanese view Korea "
     "favourably.", "2013-08-12", 2013, None),
    ("A new Realmeter poll shows 45% of South Koreans view Japan unfavourably.", "2019-07-20",
     2019, None),
    ("Pew said 41% of Japanese had a favourable view of the United States in a poll taken during "
     "the pandemic.", "2020-09-16", None, None),
    ("In the survey, 70.9 percent of Koreans reported a negative impression of Japan, down from "
     "76.6 percent in 2013.", "2014-08-01", None, None),
    ("A Cabinet Office survey published in December found 26.7% of Japanese feel affinity toward "
     "South Korea.", "2019-12-21", 2019, FuzzyDate(2019, 12)),
    ("Realmeter said in a survey released on Wednesday that 62.8% of respondents were taking part "
     "in the boycott.", "2019-07-25", 2019, FuzzyDate(2019, 7, 24)),
    ("Only 12% of South Koreans view Japan favourably, according to a Gallup Korea survey "
     "conducted Tuesday through Thursday.", "2019-07-12", 2019, FuzzyDate(2019, 7)),
    ("Only 31.7% of South Koreans viewed Japan favourably in this year's Genron NPO survey, the "
     "highest share since the poll began in 2013.", "2019-07-01", 2019, None),
    ("Japanese approval of the Kishida cabinet stood at 30.2% in a Kyodo News poll conducted on "
     "Saturday and Sunday.", "2023-06-19", 2023, FuzzyDate(2023, 6)),
    ("Japanese with a favourable impression of South Korea rose to 31.4% in 2022 from 30.4% in "
     "2021, the Genron NPO said.", "2022-11-30", 2022, None),
])
def test_year_and_date(read, text, date, year, fuzzy):
    figure = read(text, date)[0]
    assert (figure.year, figure.date) == (year, fuzzy)


def test_gallup_polling_koreans_is_gallup_korea(read):
    figure = read("nearly 60 percent of koreans were against yoon's forced labour fix per gallup",
                  "2023-03-12")[0]
    assert figure.pollster == ("Gallup Korea",)
    assert (figure.population, figure.subject, figure.measure) == ("KOR", "compensation_plan",
                                                                   "oppose")


def test_a_headline_repeating_the_body_gives_no_second_record(polls):
    title = "Poll: 70% of Koreans dislike Japan"
    body = "A Gallup Korea poll found 70% of Koreans dislike Japan."
    text = f"{title}\n{body}"
    document = Document(id="h", text=text, source="test", published=FuzzyDate(2019, 8, 1))
    heading = Sentence(doc_id="h", index=0, start=0, end=len(title), text=title,
                       is_heading=True)
    sentence = Sentence(doc_id="h", index=1, start=len(title) + 1, end=len(text), text=body)
    figures = polls.extract(document, [heading, sentence])
    assert [(f.value, f.evidence.start > len(title)) for f in figures] == [(70.0, True)]
    # A short unpunctuated line (flagged as a heading) may be the only place a figure is given.
    alone = polls.extract(document, [heading])
    assert [(f.value, f.population, f.subject) for f in alone] == [(70.0, "KOR", "JPN")]


# --- generality: sentences written for these tests ----------------------------------------------

# (text, publication date, expected rows (population, subject, measure, value, change))
OWN_SENTENCES = [
    ("According to a Gallup Korea survey released last Friday, 68 percent of South Koreans said "
     "they do not trust Japan.", "2019-08-05", [("KOR", "JPN", "distrust", 68.0, None)]),
    ("Japanese respondents who see South Korea as a military threat rose to 21.5% in the Genron "
     "NPO poll.", "2020-10-01", [("JPN", "KOR", "threat", 21.5, None)]),
    ("Some 45 percent of Japanese surveyed by the Yomiuri Shimbun and Hankook Ilbo said bilateral "
     "relations were bad, down from 83 percent a year earlier.", "2018-06-11",
     [("JPN", "KOR", "bad_relations", 45.0, -38.0)]),
    ("Nearly two-thirds of South Koreans (64.3%) oppose the release of treated water from the "
     "Fukushima plant, a Korea Research poll showed on Tuesday.", "2023-05-03",
     [("KOR", "fukushima_water", "oppose", 64.3, None)]),
    ("In its annual survey, the Cabinet Office found that 35.2% of Japanese feel close to South "
     "Korea.", "2021-02-01", [("JPN", "KOR", "favourable", 35.2, None)]),
    ("The proportion of Koreans holding a favourable view of the United States stood at 77 "
     "percent in a 2021 Pew Research Center survey.", "2021-07-01",
     [("KOR", "USA", "favourable", 77.0, None)]),
    ("Only 14% of Japanese voiced confidence in Chinese President Xi Jinping, the Pew survey "
     "showed.", "2022-06-30", [("JPN", "CHN", "trust", 14.0, None)]),
    ("Among South Korean respondents aged 18 to 29, 70.1 percent had a negative image of China, "
     "the Asan Institute said.", "2022-04-01", [("KOR", "CHN", "unfavourable", 70.1, None)]),
    ("Approval of President Moon Jae-in's handling of state affairs rose three points to 47% in "
     "this week's Gallup Korea survey.", "2019-09-20",
     [("KOR", "president", "support", 47.0, 3.0)]),
    ("Asked about Seoul's decision to end the intelligence-sharing pact, 54.9% of South Koreans "
     "said they supported it, while 38.2% opposed it.", "2019-08-30",
     [("KOR", "gsomia_termination", "support", 54.9, None),
      ("KOR", "gsomia_termination", "oppose", 38.2, None)]),
    ("Favourable views of Japan among Chinese climbed to 45.9% in 2019 from 42.2% the year "
     "before, the joint Genron NPO and China Daily survey found.", "2019-10-24",
     [("CHN", "JPN", "favourable", 45.9, 3.7)]),
    ("Just 9 percent of South Koreans trust North Korea, while 3 in 10 say relations with "
     "Pyongyang will improve.", "2021-03-03", [("KOR", "PRK", "trust", 9.0, None)]),
    ("About 71 percent of Japanese believe China poses a military threat, according to a Cabinet "
     "Office poll published Saturday.", "2023-02-06", [("JPN", "CHN", "threat", 71.0, None)]),
    ("Sixty-one percent of Koreans think the Japanese government is mainly responsible for the "
     "deterioration in ties, Hankook Research said.", "2019-08-14",
     [("KOR", "JPN", "blame", 61.0, None)]),
    ("Over 80% of Japanese people said they felt worried about North Korea's missile launches in "
     "the NHK survey this month.", "2017-09-25", [("JPN", "PRK", "concerned", 80.0, None)]),
    ("In the Korean poll, 46% backed Seoul's plan to compensate former labourers through a public "
     "fund, while 49% were against it.", "2023-01-20",
     [("KOR", "compensation_plan", "support", 46.0, None),
      ("KOR", "compensation_plan", "oppose", 49.0, None)]),
    ("Respondents in Japan were split: 47.3% favour a summit with Seoul and 44.1% oppose one "
     "(Nikkei/TV Tokyo).", "2019-12-01",
     [("JPN", "summit", "support", 47.3, None), ("JPN", "summit", "oppose", 44.1, None)]),
    ("The share of Japanese who view South Korea as trustworthy was a mere 18%, down 5 points.",
     "2020-01-10", [("JPN", "KOR", "trust", 18.0, -5.0)]),
    ("Unfavourable views of South Korea among Japanese fell to 40.3% from 48.8% a year earlier.",
     "2022-09-01", [("JPN", "KOR", "unfavourable", 40.3, -8.5)]),
    ("Japanese views of China hit a record low: 92.2% of respondents had an unfavourable "
     "impression, according to Genron NPO.", "2013-08-05",
     [("JPN", "CHN", "unfavourable", 92.2, None)]),
    ("A plurality of Japanese (45%) describe relations with Seoul as bad, a Kyodo News poll "
     "found.", "2019-08-20", [("JPN", "KOR", "bad_relations", 45.0, None)]),
    ("Those who said they have a positive impression of Korea accounted for 31.4% of Japanese "
     "respondents.", "2016-09-01", [("JPN", "KOR", "favourable", 31.4, None)]),
    ("The percentage of Koreans who dislike Japan fell to 63.2%, the lowest in five years.",
     "2021-10-01", [("KOR", "JPN", "unfavourable", 63.2, None)]),
    ("Public opinion in South Korea has turned: 57 per cent now back the summit with Tokyo, "
     "against 35 per cent a month ago.", "2023-04-10",
     [("KOR", "summit", "support", 57.0, 22.0)]),
    ("Korean distrust of Japan remains high, with 78.7 percent saying Tokyo cannot be trusted, "
     "per the Korea Institute for National Unification.", "2020-12-01",
     [("KOR", "JPN", "distrust", 78.7, None)]),
    ("Just under a third of Chinese respondents (32.7%) said they had a good impression of Japan "
     "in the 2022 joint survey.", "2022-11-30", [("CHN", "JPN", "favourable", 32.7, None)]),
    ("The NHK poll, conducted from Friday to Sunday, found 52% of Japanese approve of the Kishida "
     "cabinet.", "2023-03-14", [("JPN", "cabinet", "support", 52.0, None)]),
    ("Roughly seven in ten Japanese (69.5%) now say they feel no affinity toward China.",
     "2020-02-01", [("JPN", "CHN", "unfavourable", 69.5, None)]),
    ("In the latest Gallup Korea tracking poll, released Friday, 27% of respondents approved of "
     "the president's performance, down 3 points from the previous week.", "2022-08-05",
     [("KOR", "president", "support", 27.0, -3.0)]),
    ("A Pew survey published on June 11 found 68% of South Koreans had confidence in the US "
     "president to do the right thing.", "2021-06-12", [("KOR", "USA", "trust", 68.0, None)]),
    ("Favourable ratings: Japanese toward Koreans, 39%; Koreans toward Japanese, 28%.",
     "2023-11-01", [("JPN", "KOR", "favourable", 39.0, None),
                    ("KOR", "JPN", "favourable", 28.0, None)]),
    ("Pew's 2017 survey found that 60% of Japanese have no confidence in Xi Jinping.",
     "2017-08-01", [("JPN", "CHN", "distrust", 60.0, None)]),
    ("Japanese with a favourable impression of South Korea rose to 31.4% in 2022 from 30.4% in "
     "2021, the Genron NPO said.", "2022-11-30", [("JPN", "KOR", "favourable", 31.4, 1.0)]),
    ("Only 20.0% of Japanese said relations between Japan and South Korea were good, according "
     "to the Yomiuri-Hankook Ilbo joint survey.", "2019-06-10",
     [("JPN", "KOR", "good_relations", 20.0, None)]),
    ("In Gallup Korea's weekly poll, 49 percent said Moon was doing a good job.", "2019-05-10",
     [("KOR", None, "support", 49.0, None)]),
    # Numbers that are not poll figures, in the same varied style.
    ("Japan's exports to South Korea fell 19.4% in July, while imports dropped 5.2%.",
     "2019-08-20", []),
    ("Japan's share of the Korean market for hydrogen fluoride dropped from 42% to 13% within a "
     "year.", "2020-07-01", []),
    ("The ruling People Power Party won 108 seats with 45% of the constituency vote.",
     "2024-04-11", []),
    ("South Korea's unemployment rate rose to 3.8%, while youth unemployment reached 9%.",
     "2020-06-01", []),
    ("About 25% of the visitors to Tsushima last year were from South Korea.", "2020-06-01", []),
    ("Support for the yen weakened as the currency fell 2% against the dollar.", "2020-06-01", []),
    ("Japanese tourists made up 25 percent of foreign visitors to Seoul.", "2023-07-10", []),
    ("The ruling party's vote share fell to 36.7%, down 5.2 points from the last election.",
     "2024-04-11", []),
]


@pytest.mark.parametrize(("text", "date", "expected"), OWN_SENTENCES,
                         ids=[f"own-{i:02d}" for i in range(len(OWN_SENTENCES))])
def test_own_sentences(read, text, date, expected):
    assert [row(f) for f in read(text, date)] == expected


# --- wording beyond the first fitting: passive and nominal measures, answers, changes, dates ---

# (text, publication date, expected rows (population, subject, measure, value, change))
NEW_WORDING = [
    # passive and nominal measures
    ("The decision to scrap GSOMIA was judged correct by 51.4% of Koreans in a Realmeter poll.",
     "2019-11-22", [("KOR", "gsomia_termination", "support", 51.4, None)]),
    ("A sense of closeness toward South Korea was reported by 34.9% of Japanese respondents in "
     "the Cabinet Office survey.", "2021-02-01", [("JPN", "KOR", "favourable", 34.9, None)]),
    ("Participation in the boycott of Japanese products stood at 61.2% in the Realmeter survey.",
     "2019-10-01", [("KOR", "boycott", "participate", 61.2, None)]),
    ("The IPUS survey found 44.6% of respondents calling unification necessary.", "2022-01-15",
     [("KOR", "unification", "important", 44.6, None)]),
    ("A Hankook Research survey found that 14.3 percent held their own government responsible.",
     "2019-08-12", [("KOR", "KOR", "blame", 14.3, None)]),
    ("Pew found confidence in Japanese Prime Minister Yoshihide Suga among South Koreans at just "
     "12%.", "2021-12-10", [("KOR", "JPN", "trust", 12.0, None)]),
    ("Only 10% of South Koreans had confidence in Shinzo Abe in the Pew survey, while 88% lacked "
     "confidence in him.", "2015-09-02",
     [("KOR", "JPN", "trust", 10.0, None), ("KOR", "JPN", "distrust", 88.0, None)]),
    ("in the yomiuri/hankook poll 83% of koreans said they cant trust japan", "2019-06-12",
     [("KOR", "JPN", "distrust", 83.0, None)]),
    ("Only a third of South Koreans (32.1%) agreed with the forced labour solution, against 60.4% "
     "who disagreed, an Embrain Public poll showed.", "2023-03-22",
     [("KOR", "compensation_plan", "support", 32.1, None),
      ("KOR", "compensation_plan", "oppose", 60.4, None)]),
    ("Opposition to the comfort women deal reached 54% in a Realmeter poll, with 43% in favour.",
     "2016-01-05", [("KOR", "comfort_women_agreement", "oppose", 54.0, None),
                    ("KOR", "comfort_women_agreement", "support", 43.0, None)]),
    ("Realmeter: Yoon approval 36.7% (▼1.8%p).", "2023-06-20",
     [("KOR", None, "support", 36.7, -1.8)]),
    ("Gallup Korea found that 61% blamed Tokyo for the row.", "2019-09-10",
     [("KOR", "JPN", "blame", 61.0, None)]),
    ("Some 58% of South Koreans said Japan was an important partner, the Asan Institute found.",
     "2022-05-01", [("KOR", "JPN", "important", 58.0, None)]),
    ("Asked who bears greater responsibility for the dispute, 61 percent of South Koreans named "
     "Japan.", "2019-07-15", [("KOR", "JPN", "blame", 61.0, None)]),
    # answers to yes/no questions and elliptic echoes
    ("Asked whether Japan could be regarded as a trustworthy partner, just 18 per cent of South "
     "Koreans said yes and 72 per cent said no.", "2023-05-09",
     [("KOR", "JPN", "trust", 18.0, None), ("KOR", "JPN", "distrust", 72.0, None)]),
    ("Asked if they would join the boycott of Japanese goods, 66.8% of respondents said yes, "
     "Realmeter said.", "2019-07-22", [("KOR", "boycott", "participate", 66.8, None)]),
    ("Among Korean respondents, 15% said Japan was a reliable partner and 78% said it was not.",
     "2020-10-05", [("KOR", "JPN", "trust", 15.0, None), ("KOR", "JPN", "distrust", 78.0, None)]),
    # a cue in the figure's own clause beats a nearer one across a colon; "it could" echoes
    ("Japanese trust in South Korea remains thin: 64% of respondents to a Yomiuri Shimbun survey "
     "said the country could not be trusted, against 26% who said it could.", "2023-09-18",
     [("JPN", "KOR", "distrust", 64.0, None), ("JPN", "KOR", "trust", 26.0, None)]),
    # figures in brackets side by side, and a word share standing for people already named
    ("Negative feelings toward Japan were strongest among Koreans in their 60s (71%) and weakest "
     "among those in their 20s (49%), Hankook Research reported.", "2021-12-01",
     [("KOR", "JPN", "unfavourable", 71.0, None), ("KOR", "JPN", "unfavourable", 49.0, None)]),
    ("Only one in ten South Koreans trusts Japan, and more than eight in ten do not, KINU "
     "reported.", "2020-12-10",
     [("KOR", "JPN", "trust", 10.0, None), ("KOR", "JPN", "distrust", 80.0, None)]),
    # a public named by a clause's place; a named public before "both countries"
    ("Relations were described as good by 46% of Japanese in the Yomiuri Shimbun–Hankook Ilbo "
     "survey, while in South Korea the share was 25%.", "2023-06-20",
     [("JPN", "KOR", "good_relations", 46.0, None), ("KOR", "JPN", "good_relations", 25.0, None)]),
    ("In South Korea, 52.8% still had an unfavourable view of Japan.", "2022-12-01",
     [("KOR", "JPN", "unfavourable", 52.8, None)]),
    ("Majorities in both countries — 59.3% of Japanese and 64.6% of South Koreans — said better "
     "ties were important, the Genron NPO survey showed.", "2023-12-20",
     [("JPN", None, "important", 59.3, None), ("KOR", None, "important", 64.6, None)]),
    # a view of a topic is a stance on it
    ("Yoon's summit with Kishida was rated positively by 36 percent of respondents and negatively "
     "by 57 percent in a Gallup Korea poll.", "2023-03-21",
     [("KOR", "summit", "support", 36.0, None), ("KOR", "summit", "oppose", 57.0, None)]),
    ("A Kyodo News poll found that 66.7% of Japanese respondents positively evaluated the summit "
     "between Kishida and Yoon.", "2023-05-10", [("JPN", "summit", "support", 66.7, None)]),
    ("Two out of three South Koreans (66.2%) said they had stopped buying Japanese products, "
     "Realmeter found.", "2019-08-20", [("KOR", "boycott", "participate", 66.2, None)]),
    # changes written in other ways
    ("Favourable views of South Korea among Japanese were 4.4 points lower than last year, at "
     "22.9 percent, the Genron NPO survey showed.", "2018-06-18",
     [("JPN", "KOR", "favourable", 22.9, -4.4)]),
    ("Yoon's approval rating slipped to 33.6%, a 2.3-point drop from the previous week, Realmeter "
     "said.", "2023-03-24", [("KOR", None, "support", 33.6, -2.3)]),
    ("Japanese approval of the plan stood at 57% (+8 from February), Nikkei reported.",
     "2023-03-25", [("JPN", None, "support", 57.0, 8.0)]),
    ("yomiuri poll out today. cabinet support up 5 to 42%", "2023-03-31",
     [("JPN", "cabinet", "support", 42.0, 5.0)]),
    ("The share of South Koreans who said they trust Japan edged up from 12.7% a year ago to "
     "15.0%, according to the Asan Institute.", "2022-09-06", [("KOR", "JPN", "trust", 15.0, 2.3)]),
    ("The share of respondents calling unification necessary fell from 53.1% in 2019 to 44.6% in "
     "2021, IPUS said.", "2022-01-15", [("KOR", "unification", "important", 44.6, -8.5)]),
    ("Chinese respondents with a favourable view of Japan: 36.5% (2021: 32.1%).", "2022-11-30",
     [("CHN", "JPN", "favourable", 36.5, 4.4)]),
    # a gap between two publics is no change
    ("In the Genron NPO poll, 37.4 per cent of Japanese hold a favourable impression of Korea, "
     "while 12 points fewer Koreans than Japanese feel the same way.", "2023-12-10",
     [("JPN", "KOR", "favourable", 37.4, None)]),
    # more topic wording: "the discharge", "the military intelligence pact"
    ("8 in 10 Koreans fear eating seafood after the discharge, a Gallup Korea survey shows.",
     "2023-07-20", [("KOR", "fukushima_water", "concerned", 80.0, None)]),
    ("Roughly 55% of Koreans backed the decision to end the military intelligence pact with "
     "Tokyo, against 38% who opposed it, Gallup Korea said.", "2019-08-26",
     [("KOR", "gsomia_termination", "support", 55.0, None),
      ("KOR", "gsomia_termination", "oppose", 38.0, None)]),
    # a change given in the next sentence
    ("lol nearly 1 in 3 japanese (31.4%) now say they like korea according to genron. up from 20% "
     "in 2019", "2022-12-22", [("JPN", "KOR", "favourable", 31.4, 11.4)]),
    ("Nikkei said 57% of Japanese back the plan. That is 8 points higher than in January.",
     "2023-03-25", [("JPN", None, "support", 57.0, 8.0)]),
]


@pytest.mark.parametrize(("text", "date", "expected"), NEW_WORDING,
                         ids=[f"new-{i:02d}" for i in range(len(NEW_WORDING))])
def test_new_wording(read, text, date, expected):
    assert [row(f) for f in read(text, date)] == expected


@pytest.mark.parametrize(("text", "date", "pollster"), [
    ("kstat research for the gov: 75% of koreans worried about the fukushima water release",
     "2023-08-30", ("Kstat Research",)),
    ("In a Nikkei/TV Tokyo poll, nearly two-thirds of respondents backed the export restrictions.",
     "2019-07-29", ("Nikkei", "TV Tokyo")),
    ("In a survey by Embrain Public, 47% of South Korean respondents named Japan as the biggest "
     "security threat.", "2019-09-02", ("Embrain Public",)),
    ("An Embrain Trend Monitor survey found 70% of respondents were boycotting Japanese beer.",
     "2019-09-02", ("Embrain Trend Monitor",)),
    ("In a joint Asahi–Dong-A survey, 73% of South Koreans said they disliked Japan.",
     "2015-06-15", ("Asahi Shimbun", "Dong-A Ilbo")),
])
def test_more_pollsters(read, text, date, pollster):
    assert [f.pollster for f in read(text, date)] == [pollster]


@pytest.mark.parametrize(("text", "date", "year", "fuzzy"), [
    ("Support for the Kishida cabinet rose 8 points to 46 percent in a Nikkei poll conducted from "
     "March 24 to 26.", "2023-03-27", 2023, FuzzyDate(2023, 3)),
    ("Korea's Asan Institute, surveying 1,000 adults between June 10 and 12, put the share viewing "
     "Japan favourably at 33.8%.", "2024-08-01", 2024, FuzzyDate(2024, 6)),
    ("Approve 47% / disapprove 44% on the GSOMIA decision (Realmeter, June 29).", "2020-07-01",
     2020, FuzzyDate(2020, 6, 29)),
    # a fieldwork range across two months gives the year only
    ("Worry about the Fukushima discharge was voiced by 85.4% of respondents in a Korea Research "
     "poll carried out on June 30 and July 1.", "2023-07-04", 2023, None),
])
def test_fieldwork_dates_in_other_wording(read, text, date, year, fuzzy):
    figure = read(text, date)[0]
    assert (figure.year, figure.date) == (year, fuzzy)


def test_survey_time_and_pollster_from_notes_around_the_figure(read):
    figures = read("Fieldwork ran from 23 to 25 July. Asked whether they support the boycott, "
                   "70.4% said yes. The poll was commissioned by MBC and carried out by Korea "
                   "Research.", "2019-07-26")
    assert [(row(f), f.pollster, f.year, f.date) for f in figures] == [
        (("KOR", "boycott", "support", 70.4, None), ("Korea Research",), 2019,
         FuzzyDate(2019, 7))]


# --- helpers and knowledge ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Fifty-nine", 59.0), ("seven", 7.0), ("twenty one", 21.0), ("12", 12.0), ("a hundred", 100.0),
    ("lots", None),
])
def test_parse_number_word(text, value):
    assert parse_number_word(text) == value


def test_knowledge_file_names_its_sources_and_measures():
    lexicon = load_poll_lexicon()
    assert {"favourable", "unfavourable", "support", "oppose", "trust", "distrust",
            "positive_influence", "negative_influence"} <= set(lexicon.measures)
    names = {p.name for p in lexicon.pollsters}
    assert {"Genron NPO", "East Asia Institute", "Gallup Korea", "Pew Research Center",
            "Cabinet Office", "BBC World Service", "Realmeter"} <= names
    from dyadwatch.config import knowledge_path

    assert "sources:" in knowledge_path("polls.yaml").read_text(encoding="utf-8")


def test_malformed_knowledge_file_is_a_named_error(tmp_path: Path):
    bad = tmp_path / "polls.yaml"
    bad.write_text("pollsters: [{aliases: [x]}]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="malformed entry"):
        load_poll_lexicon(bad)
    bad.write_text("pollsters: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="cannot read"):
        load_poll_lexicon(bad)
