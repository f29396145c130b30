"""Event dating (dyadwatch.extractors.dates) on realistic wording and on the seed pages."""

from __future__ import annotations

from dyadwatch.ingest import read_inputs
from dyadwatch.models import Document


def _read(path) -> Document:
    (document,) = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    return document


def test_explicit_date_in_the_sentence(code):
    (event,) = code("On March 2, 2015, Japan protested to South Korea.", date="2015-03-05")
    assert event.date.iso() == "2015-03-02" and event.date_source == "sentence"


def test_relative_weekday_against_publication(code):
    (event,) = code("Japan protested to South Korea on Thursday.", date="2019-08-02")
    assert event.date.iso() == "2019-08-01" and event.date_source == "relative"


def test_future_weekday_is_the_next_one(code):
    (event,) = code("Kishida will visit Seoul on Thursday.", date="2023-05-02")
    assert event.hypothetical and event.date.iso() == "2023-05-04"


def test_report_without_time_expression_takes_publication_date(code):
    (event,) = code("Japan protested to South Korea.", date="2019-08-02")
    assert event.date.iso() == "2019-08-02" and event.date_source == "publication"


def test_background_history_gets_no_date(code):
    (event,) = code("Japan protested to South Korea.", date=None, genre="encyclopedia")
    assert event.date is None and event.date_source is None


def test_month_precision_is_kept(code):
    (event,) = code("In December 2000 Japan protested to South Korea.", date="2001-01-10")
    assert event.date.iso() == "2000-12" and event.date.precision == "month"


def test_wire_story_seed_dates(shared, extractor):
    document = _read(next((shared / "seeds").glob("003_*")))
    assert document.published is not None and document.published.iso().startswith("2014-05")
    (result,) = [extractor.extract_one(document)]
    meeting = next(m for m in result.mentions if "will meet in Tokyo on Thursday" in m.sentence)
    assert meeting.hypothetical and meeting.action_type == "CONSULT"
    publication = document.published.first_day()
    assert meeting.date is not None and meeting.date.precision == "day"
    assert meeting.date.first_day() > publication
    assert meeting.date.first_day().weekday() == 3  # Thursday


def test_ngo_page_dates_first_high_level_talks(shared, extractor):
    document = _read(next((shared / "seeds").glob("000_*")))
    result = extractor.extract_one(document)
    talks = [m for m in result.mentions if m.event_type == "CONSULT"]
    assert any(m.date and m.date.iso() == "2014-04-16" for m in talks)


def test_forum_posts_do_not_inherit_the_thread_date(shared, extractor):
    document = _read(next((shared / "seeds").glob("004_*")))
    result = extractor.extract_one(document)
    undated_posts = {p.index for p in document.posts if p.posted is None}
    assert undated_posts
    for mention in result.mentions:
        if mention.post_index in undated_posts:
            assert mention.date_source != "publication"


def test_a_date_that_names_a_thing_does_not_date_the_event(code):
    planned = code("Seoul said its companies would compensate people forced to work under "
                   "Japan's 1910-45 rule.", date="2023-03-06")
    assert [m.date for m in planned] == [None]
    morning = code("A man hurled firebombs at the Japanese embassy on Sunday morning.",
                   date="2012-01-09")
    assert [m.date.iso() for m in morning if m.date] == ["2012-01-08"]


def test_coordinated_event_takes_the_time_of_the_clause_it_hangs_on(code):
    mentions = code("Manila summoned the Chinese envoy on Monday, and its foreign minister called "
                    "the move 'unacceptable'.", date="2024-06-19")
    dated = {m.evidence.rule.split(":")[2]: m.date for m in mentions}
    assert len(dated) == 2 and all(str(d) == "2024-06-17" for d in dated.values()), dated


def test_a_when_clause_dates_the_main_clause(code):
    events = code("When the old leader died in July 1994, Seoul put its troops on alert and "
                  "barred its nationals from travelling north.", date="1994-07-20")
    barring = only_type(events, "COERCE")
    assert barring.date.iso() == "1994-07"


def test_a_deadline_in_a_request_does_not_date_the_request(code):
    events = code("The ministry asked Seoul on 16 April to report its measures by 1 July.",
                  date="2024-04-17")
    request = only_type(events, "REQUEST")
    assert request.date.iso() == "2024-04-16"
    urged = only_type(code("Tokyo urged Seoul to take measures that would satisfy the "
                           "plaintiffs by the end of July.", date="2024-04-16"), "REQUEST")
    assert urged.date.iso() == "2024-04-16" and urged.date_source == "publication"


def test_letting_someone_go_takes_the_time_of_the_going(code):
    events = code("China let the five North Koreans fly to Manila on Tuesday.", date="1997-03-19")
    assert [m.date.iso() for m in events if m.event_type == "RETREAT"] == ["1997-03-18"]


def only_type(events, event_type):
    (event,) = [m for m in events if m.event_type == event_type]
    return event


def test_a_deadline_in_a_short_request_and_a_purpose_clause(code):
    asked = only_type(code("South Korea asked Japan to withdraw the export curbs by July 1.",
                           date="2019-06-03"), "REQUEST")
    assert asked.date.iso() == "2019-06-03"
    scramble = only_type(code("The ministry reported that it scrambled fighters to intercept "
                              "foreign aircraft 1,004 times in 2021.", date="2022-04-16"),
                         "MOBILIZE")
    assert scramble.date.iso() == "2021"


def test_a_noun_event_takes_the_time_of_its_verb(code):
    events = code("Narendra Modi arrived in Washington on Wednesday as Joe Biden's guest.",
                  date="2023-06-23")
    visit = only_type(events, "CONSULT")
    assert visit.date.iso() == "2023-06-21"


def test_an_as_clause_and_a_where_clause_take_the_time_of_their_main_clause(code):
    events = code("Germany declined on Sunday to sign the statement, as Berlin and Paris wrapped "
                  "up their summit.", date="2024-03-18")
    assert only_type(events, "CONSULT").date.iso() == "2024-03-17"
    events = code("Lula began his trip on Monday at a car plant in Shanghai, where Xi Jinping "
                  "greeted him.", date="2023-04-12")
    assert only_type(events, "CONSULT").date.iso() == "2023-04-10"


def test_a_time_the_parser_hung_on_the_object_dates_the_next_verb_too(code):
    events = code("Macron attended Lula's swearing-in in Brasilia on Sunday and held talks with "
                  "him afterwards.", date="2023-01-02")
    assert only_type(events, "CONSULT").date.iso() == "2023-01-01"


def test_a_gap_after_an_earlier_date_moves_that_date_on(code):
    events = code("The talks began in March 2018, and three months later Japan and South Korea "
                  "signed a deal.", date=None, genre="encyclopedia")
    signing = [e for e in events if e.event_type == "SUPPORT"]
    assert signing and signing[0].date.iso() == "2018-06"
    (event,) = code("In November 2019 thieves took the coins; five years later South Korean "
                    "police attributed the theft to North Korean hackers.", date=None,
                    genre="encyclopedia")
    assert event.date.iso() == "2024" and event.date_source == "relative"


def test_a_closing_participle_takes_the_main_clauses_time(code):
    events = code("In late 2005 China called off the summit with Japan and South Korea that had "
                  "been held every year since 1999, blaming Koizumi's prayers at Yasukuni.",
                  date="2006-03-01")
    assert only_type(events, "ACCUSE").date.iso() == "2005"
