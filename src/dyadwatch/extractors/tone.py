"""Sentence tone with VADER, and its aggregation per document, post, event and direction.

``ToneScorer`` gives each sentence VADER's compound score (−1 … 1). The helpers below only average
scores that records already carry (``Sentence.tone``, ``EventMention.tone``); they never mix
genres: a news story's own text, forum posts and reader comments are reported apart, every
figure is a plain mean with its count, and nothing is weighted (not by votes, length or
position). What the numbers can and cannot say is in ``docs/tone.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from ..errors import ModelNotInstalledError
from ..models import Document, EventMention, Sentence

RULE_VERSION = "vader-3.3/compound"
# VADER's own convention: compound ≥ 0.05 reads as positive, ≤ −0.05 as negative.
POSITIVE_AT = 0.05
NEGATIVE_AT = -0.05
# Post kinds whose text belongs to the document's own genre; comments are a genre of their own.
OWN_KINDS = frozenset({"article", "post"})


class _Polarity(Protocol):
    """What dyadwatch uses of VADER's analyzer (the package ships no type hints)."""

    def polarity_scores(self, text: str) -> dict[str, float]: ...


@lru_cache(maxsize=1)
def _analyzer() -> _Polarity:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ModelNotInstalledError(
            "vaderSentiment is not installed; run: pip install 'vaderSentiment>=3.3'"
        ) from exc
    analyzer: _Polarity = SentimentIntensityAnalyzer()  # reads the lexicon shipped in the package
    return analyzer


class ToneScorer:
    """VADER compound score of a text. The analyzer (and its lexicon) loads once per process."""

    rule = RULE_VERSION

    def __init__(self) -> None:
        self._vader = _analyzer()

    def score(self, text: str) -> float:
        """Compound score in [−1, 1]; 0.0 for empty text."""
        if not text.strip():
            return 0.0
        return float(self._vader.polarity_scores(text)["compound"])

    def score_sentences(self, sentences: Iterable[Sentence]) -> tuple[Sentence, ...]:
        """The sentences with ``tone`` set (sentences that already have one keep it)."""
        return tuple(s if s.tone is not None else replace(s, tone=self.score(s.text))
                     for s in sentences)


@dataclass(frozen=True, slots=True)
class ToneStat:
    """Plain mean of some sentence scores, with the counts behind it."""

    mean: float | None
    n: int
    positive: int = 0
    negative: int = 0

    @property
    def neutral(self) -> int:
        return self.n - self.positive - self.negative

    @classmethod
    def of(cls, scores: Iterable[float]) -> ToneStat:
        values = list(scores)
        if not values:
            return cls(None, 0)
        return cls(
            mean=round(sum(values) / len(values), 4),
            n=len(values),
            positive=sum(v >= POSITIVE_AT for v in values),
            negative=sum(v <= NEGATIVE_AT for v in values),
        )


@dataclass(frozen=True, slots=True)
class PostTone:
    """Tone of one post or comment of a document."""

    post_index: int
    kind: str
    genre: str
    author: str | None
    tone: ToneStat


@dataclass(frozen=True, slots=True)
class ToneSummary:
    """Tone of one document. ``own`` is the document's own text (the story, or the forum posts)
    in the document's genre; ``comments`` are readers' comments, genre "comment"; the two are
    never pooled. ``posts`` has one row per post or comment that has scored sentences."""

    doc_id: str
    genre: str
    own: ToneStat
    comments: ToneStat
    by_kind: Mapping[str, ToneStat]
    posts: tuple[PostTone, ...]
    unscored: int  # sentences left out because they carry no tone

    @property
    def by_genre(self) -> dict[str, ToneStat]:
        out: dict[str, ToneStat] = {}
        if self.own.n:
            out[self.genre] = self.own
        if self.comments.n:
            out["comment"] = self.comments
        return out


@dataclass(frozen=True, slots=True)
class DirectedTone:
    """Tone of the evidence sentences of events from ``source`` country to ``target`` country.
    ``sentences`` counts each evidence sentence once; ``mentions`` counts the events."""

    source: str
    target: str
    genre: str
    tone: ToneStat
    mentions: int


def post_kind(document: Document, post_index: int) -> str:
    """The kind of a document's post ("article" when the document has no such post)."""
    for post in document.posts:
        if post.index == post_index:
            return post.kind
    return "article"


def sentence_genre(document: Document, post_index: int) -> str:
    """Comments are their own genre; everything else is the document's genre."""
    return "comment" if post_kind(document, post_index) == "comment" else document.genre


def document_tone(sentences: Sequence[Sentence], document: Document) -> ToneSummary:
    """Aggregate the tone of a document's sentences by post kind and by post.

    Headings of the article text (titles, captions, navigation) are left out; in posts and
    comments every line is the author's text, so their unpunctuated short lines count.
    Sentences without a tone are counted in ``unscored`` and left out.
    """
    posts = {p.index: p for p in document.posts}
    by_kind: dict[str, list[float]] = defaultdict(list)
    by_post: dict[int, list[float]] = defaultdict(list)
    unscored = 0
    for sentence in sentences:
        if sentence.doc_id != document.id:
            continue
        post = posts.get(sentence.post_index)
        kind = post.kind if post is not None else "article"
        if sentence.is_heading and kind == "article":
            continue
        if sentence.tone is None:
            unscored += 1
            continue
        by_kind[kind].append(sentence.tone)
        by_post[sentence.post_index].append(sentence.tone)
    post_rows = []
    for index in sorted(by_post):
        post = posts.get(index)
        kind = post.kind if post is not None else "article"
        post_rows.append(PostTone(
            post_index=index,
            kind=kind,
            genre="comment" if kind == "comment" else document.genre,
            author=post.author if post is not None else None,
            tone=ToneStat.of(by_post[index]),
        ))
    own = [v for kind in OWN_KINDS for v in by_kind.get(kind, ())]
    return ToneSummary(
        doc_id=document.id,
        genre=document.genre,
        own=ToneStat.of(own),
        comments=ToneStat.of(by_kind.get("comment", ())),
        by_kind={kind: ToneStat.of(values) for kind, values in sorted(by_kind.items())},
        posts=tuple(post_rows),
        unscored=unscored,
    )


def with_sentence_tone(mentions: Iterable[EventMention],
                       sentences: Iterable[Sentence]) -> list[EventMention]:
    """The mentions with ``tone`` taken from their evidence sentence (matched on document and
    start offset); a mention whose sentence has no tone keeps its own."""
    tones = {(s.doc_id, s.start): s.tone for s in sentences if s.tone is not None}
    return [
        replace(m, tone=tones[(m.doc_id, m.sentence_start)])
        if (m.doc_id, m.sentence_start) in tones else m
        for m in mentions
    ]


def mentions_tone(mentions: Iterable[EventMention]) -> ToneStat:
    """Tone of a group of mentions (one event's, say): each evidence sentence counts once."""
    seen: dict[tuple[str, int], float] = {}
    for m in mentions:
        if m.tone is not None:
            seen.setdefault((m.doc_id, m.sentence_start), m.tone)
    return ToneStat.of(seen.values())


def directed_tone(
    mentions: Iterable[EventMention],
    documents: Mapping[str, Document] | None = None,
    sectors: Collection[str] | None = None,
) -> list[DirectedTone]:
    """Mean tone of evidence sentences per (actor country → recipient country, genre).

    Only events whose actor and recipient countries are both known count; an event between
    several countries counts for each (actor, recipient) pair of different countries. The genre
    comes from ``documents`` (id → Document; comments are "comment"), else "unknown".
    ``sectors`` keeps only actors of those sectors (``{"GOV", "MIL"}``: what officials say).
    Each evidence sentence counts once per direction, however many events it holds.
    """
    scores: dict[tuple[str, str, str], dict[tuple[str, int], float]] = defaultdict(dict)
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for m in mentions:
        if m.tone is None:
            continue
        sources = {a.country for a in m.actors
                   if a.country and (sectors is None or a.sector in sectors)}
        targets = {r.country for r in m.recipients if r.country}
        if not sources or not targets:
            continue
        document = documents.get(m.doc_id) if documents is not None else None
        genre = sentence_genre(document, m.post_index) if document is not None else "unknown"
        for source in sources:
            for target in targets:
                if source == target:
                    continue
                key = (source, target, genre)
                scores[key].setdefault((m.doc_id, m.sentence_start), m.tone)
                counts[key] += 1
    return [
        DirectedTone(source=s, target=t, genre=g, tone=ToneStat.of(scores[(s, t, g)].values()),
                     mentions=counts[(s, t, g)])
        for s, t, g in sorted(scores)
    ]
