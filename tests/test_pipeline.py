"""End-to-end extraction on the flagship inputs (dyadwatch.pipeline, dyadwatch.api)."""

from __future__ import annotations

import pytest

import dyadwatch
from dyadwatch.ingest import read_inputs
from dyadwatch.models import Document, FuzzyDate
from dyadwatch.pipeline import split_paragraphs


def _read(path) -> Document:
    (document,) = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    return document


def test_readout_seed_yields_consult_between_japan_and_korea(shared, extractor):
    document = _read(next((shared / "seeds").glob("002_*")))
    assert document.published and document.published.iso() == "2018-01-16"
    (result,) = dyadwatch.extract([document], extractor=extractor)
    consults = [m for m in result.mentions if m.event_type == "CONSULT"]
    assert consults, [m.event_type for m in result.mentions]
    first = consults[0]
    participants = first.actors + first.recipients
    assert {a.country for a in participants} >= {"JPN", "KOR"}
    assert all(a.sector == "GOV" for a in participants if a.country in {"JPN", "KOR"})
    assert first.date is not None and first.date.iso() == "2018-01-16"


def test_evidence_offsets_point_into_the_document(shared, extractor):
    for path in sorted((shared / "seeds").glob("*.txt")):
        document = _read(path)
        (result,) = dyadwatch.extract([document], extractor=extractor)
        for mention in result.mentions:
            assert document.text[mention.sentence_start:].startswith(mention.sentence)
            assert mention.evidence.start >= mention.sentence_start
            assert mention.evidence.end <= mention.sentence_start + len(mention.sentence)
            for actor in mention.actors + mention.recipients:
                if actor.start is not None:
                    assert document.text[actor.start:actor.end] == actor.text


def test_api_accepts_strings_and_mappings(extractor):
    results = dyadwatch.extract(
        ["Japan protested to South Korea on Monday.",
         {"id": "x", "text": "Seoul summoned the Japanese ambassador.", "date": "2019-07-02"}],
        extractor=extractor,
    )
    assert len(results) == 2
    assert results[1].document.published.iso() == "2019-07-02"
    assert [m.event_type for m in results[1].mentions] == ["ACCUSE"]


def test_headings_are_marked_and_skipped():
    document = Document(id="d", text="Japan protests to Korea\n\nJapan protested to Korea.",
                        source="t")
    paragraphs = split_paragraphs(document)
    assert [p.is_heading for p in paragraphs] == [True, False]
    assert document.text[paragraphs[1].start:paragraphs[1].end] == "Japan protested to Korea."


def test_a_headline_alone_is_its_own_story(extractor):
    document = Document(id="d", text="Seoul recalls its ambassador to Tokyo over textbook row",
                        source="t", published=FuzzyDate(2005, 4, 6))
    assert [p.is_heading for p in split_paragraphs(document)] == [False]
    result = extractor.extract_one(document)
    assert [m.event_type for m in result.mentions] == ["SANCTION"]


def test_a_headline_to_do_something_announces_it(extractor):
    document = Document(id="d", text="Japan to recall its ambassador to Seoul over statue",
                        source="t", published=FuzzyDate(2017, 1, 6))
    mentions = extractor.extract_one(document).mentions
    assert mentions and all(m.hypothetical for m in mentions)


def test_a_fight_over_an_island_in_a_headline_is_no_battle(extractor):
    document = Document(id="d", text="Japan, South Korea fight over island", source="t",
                        published=FuzzyDate(2005, 3, 17))
    assert "ASSAULT" not in [m.event_type for m in extractor.extract_one(document).mentions]


@pytest.mark.parametrize(("text", "heading"), [
    ("ANALYSIS: Why Seoul recalls its ambassador so rarely", True),
    ("Explainer - Why Seoul recalls its ambassador so rarely", True),
    ("BREAKING: Seoul recalls its ambassador to Tokyo", False),  # a flash is news
])
def test_the_title_of_a_feature_alone_stays_a_heading(text, heading):
    document = Document(id="d", text=text, source="t")
    assert [p.is_heading for p in split_paragraphs(document)] == [heading]


def test_mentions_with_one_evidence_span_and_type_are_folded_into_one():
    from dyadwatch.models import ActorRef, EventMention, Evidence
    from dyadwatch.pipeline import _add_mention

    def mention(actor: str) -> EventMention:
        return EventMention(doc_id="d", sentence="s", sentence_start=0, event_type="ASSAULT",
                            actors=(ActorRef(actor),), recipients=(),
                            evidence=Evidence(0, 10, "r"))

    mentions: list[EventMention] = []
    _add_mention(mentions, mention("gunmen"))
    _add_mention(mentions, mention("militants"))
    assert len(mentions) == 1
    assert [a.text for a in mentions[0].actors] == ["gunmen", "militants"]


def test_dyad_own_names_are_read_and_checked(tmp_path):
    from dyadwatch.config import load_dyad
    from dyadwatch.errors import ConfigError

    dyad = load_dyad("japan-korea")
    assert "Dokdo" in dyad.own_names["KOR"] and "Takeshima" in dyad.own_names["JPN"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("countries: [JPN, KOR]\nown_names: {CHN: [Diaoyu]}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="own_names"):
        load_dyad(bad)


def test_dyad_plain_issuer_is_read_and_checked(tmp_path):
    from dyadwatch.config import load_dyad
    from dyadwatch.errors import ConfigError

    assert load_dyad("japan-korea").plain_issuer == "KOR"
    assert load_dyad("usa-china").plain_issuer is None
    bad = tmp_path / "bad.yaml"
    bad.write_text("countries: [JPN, KOR]\nplain_issuer: CHN\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="plain_issuer"):
        load_dyad(bad)


@pytest.mark.parametrize(("text", "issuer"), [
    # names neither side: the side whose statements say plainly "the Government"
    ("The Government condemns North Korea in the strongest terms for murdering Kim Jong Nam.",
     "KOR"),
    # names both sides and no own name
    ("The Government expresses deep regret that the Japanese Prime Minister sent an offering to "
     "Yasukuni Shrine on the day Korea marks its liberation.", "KOR"),
    # a government that names itself is that government
    ("The Government of Japan condemns North Korea in the strongest terms.", "JPN"),
])
def test_a_statement_placed_by_nothing_else_is_the_plain_issuers(extractor, text, issuer):
    document = Document(id="d", text=text, source="t", published=FuzzyDate(2017, 2, 24),
                        genre="official")
    accuse = [m for m in extractor.extract_one(document).mentions if m.event_type == "ACCUSE"]
    assert accuse and {a.country for a in accuse[0].actors} == {issuer}


def test_another_government_that_names_itself_is_no_plain_issuer(extractor):
    document = Document(id="d", text="The Government of India strongly condemns the terror "
                        "attack. The Government urges Pakistan to act against the groups.",
                        source="t", published=FuzzyDate(2019, 2, 15), genre="official")
    mentions = extractor.extract_one(document).mentions
    assert mentions and not any("KOR" in {a.country for a in m.actors} for m in mentions)


def test_another_government_named_later_leaves_the_plain_issuer(extractor):
    document = Document(id="d", text="The Government strongly condemns Russia's attack on "
                        "Ukraine. The Government of Ukraine has our full support.", source="t",
                        published=FuzzyDate(2022, 2, 24), genre="official")
    accuse = [m for m in extractor.extract_one(document).mentions if m.event_type == "ACCUSE"]
    assert accuse and {a.country for a in accuse[0].actors} == {"KOR"}


def test_a_plain_government_in_news_has_no_issuer(extractor):
    document = Document(id="d", text="The Government condemns North Korea in the strongest "
                        "terms.", source="t", published=FuzzyDate(2017, 2, 24), genre="news")
    accuse = [m for m in extractor.extract_one(document).mentions if m.event_type == "ACCUSE"]
    assert not accuse or not any(a.country for a in accuse[0].actors)
