"""The JSON shapes of the read API (pydantic only here, at the HTTP edge and in the report).

Every figure carries what is needed to trace it: events name their mentions, sentences and
documents; index points name their period and the ids of the events they count; alerts name the
events that drove them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

Freq = Literal["day", "week", "month", "year"]
Source = Literal["dyadwatch", "gdelt"]


class Dyad(BaseModel):
    id: str
    name: str
    countries: tuple[str, str]


class AnalysisState(BaseModel):
    """When events and alerts were last rebuilt from the mentions (``dyadwatch analyze``)."""

    refreshed_at: str | None = None
    stale: bool = Field(description="Mentions or documents changed since the last rebuild.")
    message: str | None = Field(None, description="What to do when the events are missing or old.")


class Summary(BaseModel):
    """What the database holds, for the dashboard header and the report's first lines."""

    dyad: Dyad
    documents: int
    duplicates: int = Field(description="Documents found to be near-copies of another.")
    sentences: int
    mentions: int = Field(description="Coded event mentions (sentence level).")
    events: int = Field(description="Merged events (mentions of one happening are one event).")
    dyadic_events: int = Field(description="Events between the two countries.")
    undated_events: int
    polls: int
    skipped_inputs: int
    date_min: str | None = Field(None, description="First day of the earliest event date.")
    date_max: str | None = Field(None, description="Last day of the latest event date.")
    events_by_type: dict[str, int]
    event_types: list[str] = Field(description="Every PLOVER type, for filter menus.")
    issues: dict[str, str] = Field(description="Issue ids found in events, with their labels.")
    directions: list[str] = Field(description="Accepted values of `direction`.")
    freqs: list[str] = Field(description="Accepted values of `freq`.")
    alert_freqs: list[str] = Field(description="Frequencies alerts are computed at.")
    alert_directions: list[str] = Field(description="Directions alerts are computed for.")
    tone_genres: list[str] = Field(description="Genres the index gives a tone for, apart.")
    analysis: AnalysisState
    source: str = Field("events", description="Where events come from: merged 'events'.")


class EventItem(BaseModel):
    """One merged event: who did what to whom, when, how often it was reported, and a quote."""

    id: str
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD: the most precise.")
    date_precision: str | None = None
    date_first: dt.date | None = None
    date_last: dt.date | None = None
    event_type: str
    mode: str | None = None
    actors: str = Field(description="Labels such as 'Shinzo Abe (JPN GOV)', joined by '; '.")
    recipients: str
    actor_countries: list[str]
    recipient_countries: list[str]
    direction: str = Field(description="JPN>KOR, KOR>JPN, JPN<>KOR (joint or both ways), other.")
    dyadic: bool = Field(description="An event between the two countries (not 'other').")
    negated: bool
    hypothetical: bool
    issues: list[str]
    goldstein: float | None = None
    plover_score: float | None = None
    quad_class: int | None = None
    tone: float | None = None
    confidence: float | None = None
    quote: str = Field(description="Short quote of the most confident mention.")
    quote_mention_id: str
    n_mentions: int
    n_documents: int
    n_sources: int = Field(description="Distinct sources; copies of one story count once.")
    weight: float = Field(
        description="Weight in the index, damped in n_sources (by default 1 + ln(n), at most 4)."
    )
    doc_id: str = Field(description="Document of the quoted mention.")
    title: str | None = None
    source: str


class Page(BaseModel):
    total: int = Field(description="Rows matching the filters, across all pages.")
    limit: int
    offset: int


class EventPage(Page):
    items: list[EventItem]


class ActorDetail(BaseModel):
    side: Literal["actor", "recipient"]
    text: str
    country: str | None = None
    sector: str | None = None
    entity: str | None = None
    role: str | None = None
    mentions: int = Field(1, description="Mentions of the event naming this actor so.")


class MentionEvidence(BaseModel):
    """One sentence that reports the event, with the evidence span inside it."""

    id: str
    sentence: str
    evidence_start: int = Field(description="Offset of the evidence inside `sentence`.")
    evidence_end: int
    rule: str
    confidence: float | None = None
    event_type: str
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    negated: bool = False
    hypothetical: bool = False
    modality: str | None = None
    reported_by: str | None = None
    issues: list[str] = []
    goldstein: float | None = None
    tone: float | None = None
    doc_id: str
    title: str | None = None
    source: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    genre: str | None = None
    duplicate_of: str | None = Field(None, description="The original, if this is a copy.")
    similarity: float | None = None


class EventDetail(EventItem):
    actor_details: list[ActorDetail]
    cameo_root: str | None = None
    mentions: list[MentionEvidence] = Field(description="Every mention; the quoted one first.")


class GenreTone(BaseModel):
    """The tone of one genre's sentences in one period, with how many there are."""

    mean: float = Field(description="Plain mean VADER compound score, -1 … +1.")
    sentences: int = Field(description="Evidence sentences it is the mean of.")


class IndexPoint(BaseModel):
    """The relation index of one period and direction."""

    period: str = Field(description="2019-07-01, 2019-W31, 2019-08 or 2019.")
    start: dt.date
    end: dt.date
    value: float | None = Field(
        None, description="Weighted mean Goldstein score of the scored events, -10 … +10."
    )
    goldstein_sum: float | None = None
    plover_mean: float | None = None
    plover_sum: float | None = None
    tone_by_genre: dict[str, GenreTone] = Field(
        default_factory=dict,
        description="Plain mean tone (-1 … +1) of the sentences reporting the scored events, "
        "per genre (news, official, encyclopedia, forum, comment, unknown; only genres with "
        "sentences): genres are never averaged together.",
    )
    gdelt_avg_tone: float | None = Field(
        None, description="source=gdelt only: weighted mean of GDELT's AvgTone (its own scale)."
    )
    events: int = Field(description="Every event of the period in the direction.")
    scored: int = Field(description="Events counted in the scores (not hypothetical/negated).")
    hypothetical: int
    negated: int
    mentions: int = Field(description="Mentions of the scored events.")
    weight: float = Field(description="Summed weights of the scored events.")
    cooperation: int = Field(description="Scored events of QuadClass 1 or 2.")
    conflict: int = Field(description="Scored events of QuadClass 3 or 4.")
    quad_classes: dict[str, int] = Field(description="Scored events by QuadClass 1…4.")
    types: dict[str, int] = Field(description="Scored events by PLOVER type (non-zero only).")
    event_ids: list[str] = Field(description="Every event of the point, to trace it.")


class IndexSeries(BaseModel):
    freq: Freq
    direction: str
    source: Source
    method: str
    points: list[IndexPoint]


class IssuePoint(BaseModel):
    period: str
    start: dt.date
    end: dt.date
    issue: str
    label: str
    events: int = Field(description="Events of the period tagged with the issue.")
    share: float = Field(description="events / all events of the period in the direction.")


class IssueSeries(BaseModel):
    freq: Freq
    direction: str
    method: str
    issues: dict[str, str]
    totals: dict[str, int] = Field(description="Events per period (the share's base).")
    points: list[IssuePoint]


class PollItem(BaseModel):
    doc_id: str
    idx: int
    population: str | None = None
    subject: str | None = None
    measure: str
    value: float
    change: float | None = None
    pollster: str | None = None
    year: int | None = None
    date: str | None = None
    start: dt.date | None = Field(None, description="First day of the fieldwork period.")
    end: dt.date | None = None
    series: str = Field(description="Name of the series the figure belongs to in the chart.")
    quote: str = Field(description="The text the figure was read from.")
    title: str | None = None
    source: str


class PollList(BaseModel):
    total: int
    series: list[str]
    items: list[PollItem]


class Alert(BaseModel):
    """A period whose index left the range of the periods before it."""

    id: str
    freq: Freq
    period: str
    start: dt.date
    end: dt.date
    direction: str
    kind: Literal["drop", "rise"]
    value: float
    baseline: float
    threshold: float
    change: float
    events: int
    message: str
    event_ids: list[str] = Field(description="The events that pulled the index, strongest first.")


class AlertList(BaseModel):
    freq: Freq
    direction: str
    method: str
    computed_freqs: list[str] = Field(description="Frequencies `dyadwatch analyze` computes.")
    computed_directions: list[str] = Field(description="Directions `dyadwatch analyze` computes.")
    items: list[Alert]


class DocumentItem(BaseModel):
    id: str
    source: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    genre: str
    n_chars: int
    n_mentions: int
    n_events: int = Field(description="Events this document reports.")
    duplicate_of: str | None = None
    similarity: float | None = None


class DocumentPage(Page):
    items: list[DocumentItem]


class ErrorBody(BaseModel):
    detail: str


class PeriodEvents(BaseModel):
    """The top events of one period, for the report."""

    period: str
    start: dt.date
    end: dt.date
    index: float | None
    events: list[EventDetail]
