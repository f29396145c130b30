"""From documents to extracted records: paragraphs → spaCy → actors, events, dates, issues, polls.

``Extractor`` holds the loaded model and knowledge; it is pure computation (no writing). The run
loop in :mod:`dyadwatch.run` feeds it documents and hands the results to the store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from .config import Dyad, Settings, load_dyad
from .extractors.actor_kb import knowledge_for
from .extractors.actors import ActorResolver, DocContext, Hit
from .extractors.dates import date_event
from .extractors.events import CodedEvent, EventCoder
from .extractors.issues import IssueTagger
from .extractors.patterns import default_patterns
from .extractors.polls import PollExtractor
from .extractors.tone import ToneScorer, document_tone
from .ingest.pubdate import dateline_length
from .models import (
    ActorRef,
    Document,
    DocumentResult,
    EventMention,
    Evidence,
    FuzzyDate,
    Post,
    Sentence,
)
from .nlp.spacy_model import load_model
from .nlp.truecase import TrueCaser

# Genres where the writer speaks for themselves: their own wishes are opinions, not events.
OPINION_GENRES = frozenset({"forum", "comment"})
_TERMINAL = re.compile(r"[.!?:;\"'”’)\]]\s*$")
# "ANALYSIS: Why Tokyo and Seoul …", "Explainer - What …": the title of a feature, not news (a
# "BREAKING:" or "URGENT:" flash is news)
_FEATURE_LABEL = re.compile(
    r"(analysis|explainer|preview|opinion|editorial|commentary|column|interview|q&a|factbox|"
    r"fact ?check|timeline|feature|review|insight|at \d+|in pictures|watch|listen|live)"
    r"\b\s*[:\-–—|]",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    post_index: int
    is_heading: bool


def split_paragraphs(document: Document) -> list[Paragraph]:
    """Non-empty lines of the document with their offsets; short unpunctuated lines are headings
    (titles, captions, section names) and yield no events, since the story repeats what they
    say. A headline that is the whole document (a feed item, a wire flash) is its own story,
    unless it titles a feature ("ANALYSIS: Why …")."""
    out: list[Paragraph] = []
    offset = 0
    posts = document.posts
    for line in document.text.split("\n"):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        begin = start + lead
        post_index = 0
        for post in posts:
            if post.start <= begin < post.end:
                post_index = post.index
                break
        words = stripped.split()
        # (forum posts and comments often end without a full stop: a post is no headline)
        heading = len(words) <= 16 and not _TERMINAL.search(stripped) \
            and document.genre not in OPINION_GENRES and not document.posts
        skip = dateline_length(stripped)  # "SEOUL, Aug. 22 (Yonhap) --" is no part of a sentence
        out.append(Paragraph(begin + skip, begin + len(stripped), stripped[skip:], post_index,
                             heading))
    if len(out) == 1 and out[0].is_heading and not _FEATURE_LABEL.match(out[0].text):
        out[0] = replace(out[0], is_heading=False)  # nothing else tells its story
    return out


class Extractor:
    """Extracts events, issues, tone and poll figures from documents."""

    def __init__(self, settings: Settings | None = None, dyad: Dyad | None = None) -> None:
        self.settings = settings or Settings()
        self.dyad = dyad or load_dyad(self.settings.dyad)
        self.nlp = load_model(self.settings.spacy_model)
        self.kb = knowledge_for(self.dyad)
        self.resolver = ActorResolver(self.kb, self.nlp)
        self.truecase = TrueCaser(self.kb, self.nlp)
        self.coder = EventCoder(default_patterns(), self.resolver)
        self.issues = IssueTagger.from_dyad(self.dyad)
        self.tone = ToneScorer()
        self.polls = PollExtractor(self.dyad, self.kb)

    def split_sentences(self, text: str) -> list[str]:
        """The sentences of a paragraph as the pipeline sees them (for evaluations)."""
        return [s.text for s in self.nlp(text).sents]

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Results in input order; paragraphs of many documents are parsed in one batch."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.settings.batch_size:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def extract_one(self, document: Document) -> DocumentResult:
        return next(iter(self._extract_batch([document])))

    def _extract_batch(self, documents: list[Document]) -> Iterator[DocumentResult]:
        jobs: list[tuple[str, tuple[int, Paragraph]]] = []
        for d_index, document in enumerate(documents):
            for paragraph in split_paragraphs(document):
                jobs.append((self._parse_text(document, paragraph), (d_index, paragraph)))
        parsed: dict[int, list[tuple[Paragraph, Doc]]] = {i: [] for i in range(len(documents))}
        for doc, (d_index, paragraph) in self.nlp.pipe(
            jobs, as_tuples=True, batch_size=max(16, self.settings.batch_size)
        ):
            parsed[d_index].append((paragraph, doc))
        for d_index, document in enumerate(documents):
            yield self._code_document(document, parsed[d_index])

    def parse(self, document: Document) -> list[tuple[Paragraph, Doc]]:
        """The document's paragraphs parsed by spaCy (the benchmark times this apart)."""
        paragraphs = split_paragraphs(document)
        texts = (self._parse_text(document, p) for p in paragraphs)
        return list(zip(paragraphs, self.nlp.pipe(texts), strict=True))

    def _parse_text(self, document: Document, paragraph: Paragraph) -> str:
        """What spaCy reads: forum and comment text with its capitals restored (same length,
        so offsets hold); other text as written."""
        if document.genre in OPINION_GENRES:
            return self.truecase(paragraph.text)
        return paragraph.text

    def code_parsed(self, document: Document,
                    paragraphs: list[tuple[Paragraph, Doc]]) -> DocumentResult:
        """Everything after the parse: actors, events, dates (the coder's own cost)."""
        return self._code_document(document, paragraphs)

    def _statement_issuer(self, docs: list[Doc], ctx: DocContext) -> str | None:
        """A government's own statement names the other side and calls itself "the
        Government", "we": the issuer is the dyad country it does not name, or the one it names
        as itself. (A look-ahead with a context of its own: the coding pass resolves surnames in
        document order.)"""
        lookahead = DocContext(date=ctx.date, default_countries=ctx.default_countries)
        found = [(doc, self.resolver.find_hits(doc, lookahead)) for doc in docs]
        # (a people in the plural, "the mobilisation of Koreans", names no side)
        named = {h.entity.country for doc, hits in found for h in hits.values()
                 if h.entity.kind in {"institution", "person"}
                 or h.entity.kind == "country" and not (
                     h.kind == "demonym" and (doc[h.end - 1].tag_ in {"NNS", "NNPS"}
                                              or _names_a_place(doc, h.end)))
                 } & set(self.dyad.countries)
        if len(named) != 1:
            return self._own_name_issuer(docs) or self._plain_issuer(docs)
        speaking = {h.entity.country for doc, hits in found for h in hits.values()
                    if _speaks_for_itself(doc, h)}
        if named & speaking:
            # "…, and Japan strongly protests it", "despite Japan's repeated requests"
            return next(iter(named))
        return next(c for c in self.dyad.countries if c not in named)

    def _plain_issuer(self, docs: list[Doc]) -> str | None:
        """ "The Government strongly condemns North Korea …": the side whose statements call
        their issuer plainly "the Government" (the dyad's ``plain_issuer``), when the first
        sentence of the statement that opens "The Government" does not go on "of …"."""
        if self.dyad.plain_issuer is None:
            return None
        first = next(([t.text for t in sent[:3]] for doc in docs for sent in doc.sents
                      if [t.text for t in sent[:2]] == ["The", "Government"]), None)
        if first is None or first[2:] == ["of"]:
            return None  # ("The Government of India condemns …": a government names itself)
        return self.dyad.plain_issuer

    def _own_name_issuer(self, docs: list[Doc]) -> str | None:
        """ "The Government strongly protests the unjust claim to Dokdo …": the one side whose
        own name for a disputed place the statement uses."""
        text = " ".join(doc.text for doc in docs)
        # (a name may open a sentence: "The North fired …")
        users = {country for country, names in self.dyad.own_names.items()
                 if any(re.search(rf"\b[{re.escape(name[0].upper() + name[0])}]"
                                  rf"{re.escape(name[1:])}\b", text) for name in names)}
        return next(iter(users)) if len(users) == 1 else None

    def _code_document(
        self, document: Document, paragraphs: list[tuple[Paragraph, Doc]]
    ) -> DocumentResult:
        ctx = DocContext(
            date=document.published.first_day() if document.published else None,
            default_countries=self.dyad.countries,
            informal=document.genre in OPINION_GENRES,
        )
        sentences: list[Sentence] = []
        mentions: list[EventMention] = []
        posts = {p.index: p for p in document.posts}
        if document.genre == "official":
            ctx.issuer = self._statement_issuer([doc for _, doc in paragraphs], ctx)
        for paragraph, doc in paragraphs:
            # A reaction answers an event of its own paragraph (whose actor spans share its
            # offsets), never one of another paragraph, post or comment.
            ctx.previous_events = ()
            post = posts.get(paragraph.post_index)
            base = _base_date(document, post)
            ctx.date = base.first_day() if base and base.precision == "day" else ctx.date
            hits = self.resolver.find_hits(doc, ctx)
            sents = list(doc.sents)
            # Issues are tagged per paragraph: a sentence may inherit one from an earlier
            # sentence of its paragraph ("the islets"), never from another paragraph.
            # (the text as written: the parse may have read a version with capitals restored)
            texts = [paragraph.text[s.start_char:s.end_char] for s in sents]
            paragraph_issues = self.issues.tag_paragraph(texts)
            for sent, text, issues in zip(sents, texts, paragraph_issues, strict=True):
                sentence = Sentence(
                    doc_id=document.id,
                    index=len(sentences),
                    start=paragraph.start + sent.start_char,
                    end=paragraph.start + sent.end_char,
                    text=text,
                    post_index=paragraph.post_index,
                    is_heading=paragraph.is_heading,
                    issues=issues,
                    tone=self.tone.score(text),
                )
                sentences.append(sentence)
                if paragraph.is_heading:
                    continue
                for coded in self.coder.code(sent, hits, ctx):
                    if _authors_wish(coded, document):
                        continue
                    _add_mention(
                        mentions, self._mention(document, sentence, sent, paragraph, coded, base)
                    )
                    ctx.note(coded.actors + coded.recipients)
                _note_people(ctx, sent, hits, ctx.date, self.resolver)
        return DocumentResult(
            document=document,
            sentences=tuple(sentences),
            mentions=tuple(mentions),
            polls=self.polls.extract(document, sentences),
            issues=self.issues.document_issues([s.issues for s in sentences], document.title),
            tone=document_tone(sentences, document).own.mean,
        )

    def _mention(
        self,
        document: Document,
        sentence: Sentence,
        sent: Span,
        paragraph: Paragraph,
        coded: CodedEvent,
        base: FuzzyDate | None,
    ) -> EventMention:
        offset = paragraph.start
        token = coded.token
        left = max(token.left_edge.idx, sent.start_char)
        right = min(token.right_edge.idx + len(token.right_edge.text), sent.end_char)
        book = self.coder.book
        score = book.score(coded.trigger.cameo)
        dating = date_event(sent, token, document, base, coded.modality.hypothetical)
        return EventMention(
            doc_id=document.id,
            sentence=sentence.text,
            sentence_start=sentence.start,
            event_type=coded.event_type,
            mode=coded.mode,
            actors=tuple(_shift(a, paragraph) for a in coded.actors),
            recipients=tuple(_shift(r, paragraph) for r in coded.recipients),
            evidence=Evidence(offset + left, offset + right, coded.trigger.name),
            date=dating.value,
            date_end=dating.value_end,
            date_source=dating.source,
            negated=coded.modality.negated,
            hypothetical=coded.modality.hypothetical,
            modality=coded.modality.kind,
            action_type=coded.action_type,
            reported_by=_shift(coded.reported_by, paragraph) if coded.reported_by else None,
            cameo_root=score.root if score else None,
            quad_class=score.quad_class if score else None,
            goldstein=score.goldstein if score else None,
            plover_score=book.plover_score(coded.event_type, coded.mode),
            confidence=coded.confidence,
            post_index=paragraph.post_index,
            issues=sentence.issues,
            tone=sentence.tone,
        )


def _authors_wish(coded: CodedEvent, document: Document) -> bool:
    """ "Seoul should just shrug it off" in a forum post: what the author thinks someone should
    do is an opinion, not an event (no one is reported demanding it)."""
    return document.genre in OPINION_GENRES and coded.modality.kind == "demanded" \
        and coded.reported_by is None


def _add_mention(mentions: list[EventMention], mention: EventMention) -> None:
    """Append ``mention``, or fold it into an earlier one with the same evidence span and type
    ("shot and killed": two triggers, one clause): one event, with the participants of both."""
    for i, earlier in enumerate(mentions):
        if earlier.id == mention.id:
            mentions[i] = replace(
                earlier,
                actors=_union(earlier.actors, mention.actors),
                recipients=_union(earlier.recipients, mention.recipients),
            )
            return
    mentions.append(mention)


def _union(first: tuple[ActorRef, ...], second: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    seen = {(r.text, r.country, r.entity, r.start) for r in first}
    return first + tuple(r for r in second if (r.text, r.country, r.entity, r.start) not in seen)


def _speaks_for_itself(doc: Doc, hit: Hit) -> bool:
    """A statement names itself in the third person as the subject of a main clause ("…, and
    Japan strongly protests it") or as the owner of its own stance ("despite Japan's repeated
    requests")."""
    token = doc[hit.end - 1]
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head
    verb = token.head
    if token.dep_ == "poss":
        # (but "The Government deeply regrets Japan's request …": the object of the statement's
        # own verb is the other side's stance)
        return verb.lemma_.lower() in STANCE_NOUNS and verb.dep_ != "dobj"
    return token.dep_ == "nsubj" and (verb.dep_ == "ROOT" or verb.dep_ == "conj"
                                      and verb.head.dep_ == "ROOT")


# Nouns for a side's own stance: "Japan's repeated requests", "Japan's position".
STANCE_NOUNS = frozenset({"request", "position", "view", "stance", "policy", "call", "demand",
                          "protest", "concern"})


def _base_date(document: Document, post: Post | None) -> FuzzyDate | None:
    """The date relative expressions count from: a forum post's or comment's own stamp, else
    nothing (a post inherits no date it does not show); the story's publication date for the
    article itself."""
    if post is not None and post.kind in {"post", "comment"}:
        return post.posted
    return document.published


def _shift(ref: ActorRef, paragraph: Paragraph) -> ActorRef:
    """The reference with document offsets, quoting the paragraph as written (the parse may
    have read it with capitals restored)."""
    if ref.start is None or ref.end is None:
        return ref
    written = paragraph.text[ref.start:ref.end]
    text = written if written.lower() == ref.text.lower() else ref.text
    return replace(ref, text=text, start=ref.start + paragraph.start,
                   end=ref.end + paragraph.start)


def _note_people(ctx: DocContext, sent: Span, hits: dict[int, Hit], when: dt.date | None,
                 resolver: ActorResolver) -> None:
    """Remember the people named in the sentence for later pronouns and surnames."""
    seen: set[int] = set()
    for i in range(sent.start, sent.end):
        hit = hits.get(i)
        if hit is None or hit.start in seen:
            continue
        seen.add(hit.start)
        entity = hit.entity
        if entity.kind == "person":
            ctx.seen_entities.add(entity.name)
            # the office held on the date sets the sector: "he", after a defence minister, is MIL
            ctx.last_person = resolver.person_ref(entity, entity.name, when)


PLACE_AFTER_DEMONYM = frozenset({"peninsula", "war", "strait", "straits", "archipelago"})


def _names_a_place(doc: Doc, end: int) -> bool:
    """ "the Korean Peninsula", "the Korean War": a demonym inside a name, naming no side."""
    return end < len(doc) and doc[end].lower_ in PLACE_AFTER_DEMONYM
