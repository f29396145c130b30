"""Sentence tone (VADER) and its aggregation (dyadwatch.extractors.tone)."""

from __future__ import annotations

import time

import pytest

from dyadwatch.extractors.tone import (
    DirectedTone,
    ToneScorer,
    ToneStat,
    directed_tone,
    document_tone,
    mentions_tone,
    sentence_genre,
    with_sentence_tone,
)
from dyadwatch.models import ActorRef, Document, EventMention, Evidence, Post, Sentence


@pytest.fixture(scope="module")
def scorer() -> ToneScorer:
    return ToneScorer()


POSITIVE = [
    "The two leaders warmly welcomed the agreement and praised the improving ties.",
    "Seoul said it was grateful for Tokyo's generous help after the flood.",
    "Both ministers expressed hope for a bright, friendly future between the two nations.",
    "Fans were thrilled and delighted by the joint concert in Busan.",
    "The prime minister thanked his counterpart for a productive and successful summit.",
]
NEGATIVE = [
    "Japan strongly protested the visit, calling it deeply regrettable.",
    "Seoul condemned the decision as an outrageous and unacceptable provocation.",
    "Protesters angrily denounced the shameful whitewashing of wartime atrocities.",
    "The talks collapsed amid bitter accusations and hostility on both sides.",
    "Officials warned that the reckless missile launch threatened peace and killed hope.",
]
NEUTRAL = [
    "The meeting was held in Tokyo on Tuesday.",
    "The ministry published the figures at noon.",
]


@pytest.mark.parametrize("sentence", POSITIVE)
def test_clearly_positive_sentences(scorer, sentence):
    assert scorer.score(sentence) >= 0.3


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_clearly_negative_sentences(scorer, sentence):
    assert scorer.score(sentence) <= -0.3


@pytest.mark.parametrize("sentence", NEUTRAL)
def test_plain_statements_score_near_zero(scorer, sentence):
    assert abs(scorer.score(sentence)) < 0.05


def test_scores_are_bounded_and_empty_text_is_zero(scorer):
    assert scorer.score("") == 0.0
    assert scorer.score("   ") == 0.0
    for text in POSITIVE + NEGATIVE:
        assert -1.0 <= scorer.score(text) <= 1.0


def test_the_analyzer_loads_once():
    assert ToneScorer()._vader is ToneScorer()._vader


def test_score_sentences_fills_only_missing_tones(scorer):
    kept = Sentence("d", 0, 0, 10, "Terrible, awful news.", tone=0.5)
    filled = Sentence("d", 1, 11, 30, "Terrible, awful news.")
    out = scorer.score_sentences([kept, filled])
    assert out[0].tone == 0.5
    assert out[1].tone is not None and out[1].tone < 0


def test_scoring_is_fast(scorer):
    texts = (POSITIVE + NEGATIVE + NEUTRAL) * 50
    start = time.perf_counter()
    for text in texts:
        scorer.score(text)
    assert len(texts) / (time.perf_counter() - start) > 500  # about 10,000 a second measured


# -- records for aggregation -----------------------------------------------------------------


def sentence(doc: str, index: int, tone: float | None, post: int = 0,
             heading: bool = False) -> Sentence:
    return Sentence(doc, index, index * 10, index * 10 + 9, f"s{index}", post_index=post,
                    is_heading=heading, tone=tone)


def news_with_comments() -> Document:
    return Document(
        id="n", text="x" * 100, source="test", genre="news",
        posts=(Post(0, 0, 50, "article"),
               Post(1, 50, 75, "comment", author="kim", votes_up=500),
               Post(2, 75, 100, "comment", author="sato", votes_up=1)),
    )


def test_document_tone_keeps_article_and_comments_apart():
    document = news_with_comments()
    sentences = [
        sentence("n", 0, 0.0, heading=True),  # the title: not part of the text's tone
        sentence("n", 1, 0.2),
        sentence("n", 2, 0.4),
        sentence("n", 3, -0.8, post=1),
        sentence("n", 4, -0.6, post=1, heading=True),  # a short comment line still counts
        sentence("n", 5, 0.4, post=2),
        sentence("n", 6, None, post=2),
        sentence("other", 7, 0.9),  # another document's sentence is ignored
    ]
    summary = document_tone(sentences, document)
    assert summary.own == ToneStat(mean=0.3, n=2, positive=2, negative=0)
    # Plain mean of the comment sentences: votes weigh nothing.
    assert summary.comments.mean == round((-0.8 - 0.6 + 0.4) / 3, 4)
    assert summary.comments.n == 3
    assert (summary.comments.positive, summary.comments.negative) == (1, 2)
    assert set(summary.by_kind) == {"article", "comment"}
    assert summary.by_genre == {"news": summary.own, "comment": summary.comments}
    assert [(p.post_index, p.kind, p.genre, p.author, p.tone.n) for p in summary.posts] == [
        (0, "article", "news", None, 2), (1, "comment", "comment", "kim", 2),
        (2, "comment", "comment", "sato", 1)]
    assert summary.unscored == 1


def test_forum_posts_are_the_documents_own_text():
    document = Document(id="f", text="x" * 60, source="t", genre="forum",
                        posts=(Post(0, 0, 30, "post", author="a"),
                               Post(1, 30, 60, "post", author="b")))
    summary = document_tone([sentence("f", 0, 0.6), sentence("f", 1, -0.2, post=1)], document)
    assert summary.own.mean == 0.2 and summary.own.n == 2
    assert summary.comments == ToneStat(None, 0)
    assert summary.by_genre == {"forum": summary.own}
    assert [p.genre for p in summary.posts] == ["forum", "forum"]


def test_document_without_posts_is_all_article():
    document = Document(id="d", text="x", source="t", genre="official")
    summary = document_tone([sentence("d", 0, -0.5), sentence("d", 1, 0.1)], document)
    assert summary.own.mean == -0.2
    assert summary.by_kind.keys() == {"article"}
    assert summary.own.neutral == 0


def test_empty_document_has_no_mean():
    summary = document_tone([], Document(id="e", text="", source="t"))
    assert summary.own.mean is None and summary.own.n == 0 and summary.posts == ()


def test_genre_of_a_sentence():
    document = news_with_comments()
    assert sentence_genre(document, 0) == "news"
    assert sentence_genre(document, 2) == "comment"
    assert sentence_genre(document, 9) == "news"  # unknown post: the document's own text


# -- events ----------------------------------------------------------------------------------


def mention(doc: str, start: int, actors: tuple[str | None, ...], recipients: tuple[str, ...],
            tone: float | None, post: int = 0, sector: str = "GOV",
            event_type: str = "ACCUSE") -> EventMention:
    return EventMention(
        doc_id=doc, sentence=f"sentence at {start}", sentence_start=start, event_type=event_type,
        actors=tuple(ActorRef(text=c or "someone", country=c, sector=sector) for c in actors),
        recipients=tuple(ActorRef(text=c, country=c) for c in recipients),
        evidence=Evidence(start, start + 5, "test/1"), tone=tone, post_index=post,
    )


def test_directed_tone_groups_by_direction():
    mentions = [
        mention("a", 0, ("JPN",), ("KOR",), -0.6),
        mention("a", 0, ("JPN",), ("KOR",), -0.6, event_type="PROTEST"),  # same sentence
        mention("a", 20, ("JPN",), ("KOR",), 0.2),
        mention("a", 40, ("KOR",), ("JPN",), 0.5),
        mention("a", 60, ("KOR",), ("KOR",), 0.9),  # domestic: no direction
        mention("a", 80, (None,), ("JPN",), 0.9),  # actor country unknown
        mention("a", 99, ("JPN",), ("KOR",), None),  # no tone
    ]
    rows = directed_tone(mentions)
    assert rows == [
        DirectedTone("JPN", "KOR", "unknown", ToneStat(mean=-0.2, n=2, positive=1, negative=1),
                     mentions=3),
        DirectedTone("KOR", "JPN", "unknown", ToneStat(mean=0.5, n=1, positive=1, negative=0),
                     mentions=1),
    ]


def test_directed_tone_keeps_genres_apart_and_filters_sectors():
    documents = {"n": news_with_comments(),
                 "o": Document(id="o", text="x", source="t", genre="official")}
    mentions = [
        mention("n", 0, ("JPN",), ("KOR",), -0.4),
        mention("n", 60, ("JPN",), ("KOR",), -0.9, post=1, sector="CVL"),  # a reader's comment
        mention("o", 0, ("JPN",), ("KOR",), 0.3),
        mention("o", 10, ("JPN", "USA"), ("KOR",), 0.1),  # two actors: two directions
    ]
    rows = {(r.source, r.target, r.genre): r for r in directed_tone(mentions, documents)}
    assert set(rows) == {("JPN", "KOR", "news"), ("JPN", "KOR", "comment"),
                         ("JPN", "KOR", "official"), ("USA", "KOR", "official")}
    assert rows[("JPN", "KOR", "official")].tone.mean == 0.2
    assert rows[("JPN", "KOR", "comment")].tone.mean == -0.9
    officials = directed_tone(mentions, documents, sectors={"GOV"})
    assert {r.genre for r in officials} == {"news", "official"}


def test_mentions_take_the_tone_of_their_sentence():
    sentences = [Sentence("a", 0, 0, 9, "x", tone=-0.3), Sentence("a", 1, 20, 29, "y")]
    mentions = [mention("a", 0, ("JPN",), ("KOR",), None),
                mention("a", 20, ("JPN",), ("KOR",), 0.7),
                mention("b", 0, ("JPN",), ("KOR",), None)]
    out = with_sentence_tone(mentions, sentences)
    assert [m.tone for m in out] == [-0.3, 0.7, None]


def test_tone_of_a_group_of_mentions_counts_each_sentence_once():
    mentions = [mention("a", 0, ("JPN",), ("KOR",), -0.5),
                mention("a", 0, ("JPN",), ("KOR",), -0.5, event_type="PROTEST"),
                mention("b", 0, ("JPN",), ("KOR",), 0.1),
                mention("c", 0, ("JPN",), ("KOR",), None)]
    assert mentions_tone(mentions) == ToneStat(mean=-0.2, n=2, positive=1, negative=1)
