"""Typed records passed between stages.

Every record is a frozen, slotted dataclass. Stages take records and return records; only
``dyadwatch.store`` writes them anywhere. Character offsets (``start``/``end``) always point into
``Document.text``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
Genre = Literal["official", "news", "encyclopedia", "forum", "comment", "unknown"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True, order=True)
class FuzzyDate:
    """A calendar date known to day, month or year precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a FuzzyDate with a day needs a month")
        # Validates the calendar (raises ValueError on 2019-02-30).
        dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @classmethod
    def from_date(cls, value: dt.date) -> FuzzyDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raises ValueError otherwise."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {text!r}")
        numbers = [int(p) for p in parts]
        return cls(*numbers)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Post:
    """One authored unit of a document: the whole story, a forum post or a reader comment."""

    index: int
    start: int
    end: int
    kind: Literal["article", "post", "comment"] = "article"
    author: str | None = None
    posted: FuzzyDate | None = None
    posted_source: str | None = None  # e.g. "post-header", "comment-stamp"
    votes_up: int | None = None
    votes_down: int | None = None
    votes_net: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A unit of input text with its metadata. ``id`` is a stable hash of the text."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: FuzzyDate | None = None
    # How ``published`` was found: metadata, html-meta, header, dateline, post-stamp,
    # copyright, comments-upper-bound, or none.
    published_source: str = "none"
    genre: Genre = "unknown"
    language: str = "en"
    posts: tuple[Post, ...] = ()
    input_format: str = "text"  # text, html, jsonl


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    post_index: int = 0
    is_heading: bool = False
    issues: tuple[str, ...] = ()
    tone: float | None = None  # VADER compound score, -1..1


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor or recipient as the text names it, resolved where the knowledge allows."""

    text: str
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, JUD, LEG, BUS, CVL, OPP, MED, IGO, NGO …
    entity: str | None = None  # canonical name, e.g. "Fumio Kishida"
    role: str | None = None  # role held at the event date, e.g. "foreign_minister"
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    rule: str  # name and version of the rule or model that fired


@dataclass(frozen=True, slots=True)
class EventMention:
    doc_id: str
    sentence: str
    sentence_start: int
    event_type: str
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    evidence: Evidence
    mode: str | None = None
    context: str | None = None
    date: FuzzyDate | None = None
    date_end: FuzzyDate | None = None
    date_source: str | None = None  # sentence, relative, publication, post …
    negated: bool = False
    hypothetical: bool = False
    modality: str | None = None  # planned, future, possible, demanded, conditional
    # The literal action when PLOVER's modality rules recoded it: a planned meeting is coded
    # AGREE with action_type CONSULT; "will not accept" is REJECT with action_type AGREE.
    action_type: str | None = None
    reported_by: ActorRef | None = None
    issues: tuple[str, ...] = ()
    cameo_root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    confidence: float = 0.5
    post_index: int = 0
    tone: float | None = None  # tone of the evidence sentence

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.evidence.start}:{self.evidence.end}:{self.event_type}"


@dataclass(frozen=True, slots=True)
class PollFigure:
    doc_id: str
    population: str | None
    subject: str | None
    measure: str
    value: float
    evidence: Evidence
    change: float | None = None  # points, signed: -8.5 for "down 8.5 points"
    pollster: tuple[str, ...] = ()  # one or more organisations, as named in the knowledge file
    year: int | None = None  # fieldwork year
    date: FuzzyDate | None = None  # fieldwork date when the text gives a month or day
    sentence: str = ""  # the evidence sentence


@dataclass(frozen=True, slots=True)
class SkippedInput:
    """An input that was not read, with the reason; written to ``ingest_log``."""

    source: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything extracted from one document."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    polls: tuple[PollFigure, ...] = ()
    issues: tuple[str, ...] = ()  # the document's issues (ids of the dyad's taxonomy)
    tone: float | None = None  # mean sentence tone of the document's own text
    notes: tuple[str, ...] = field(default=())
