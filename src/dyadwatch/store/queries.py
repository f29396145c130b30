"""Read side of the store: filter validation, SQL for mentions, and rebuilding typed records.

Filters become a ``WHERE`` clause with bound parameters only. Date filters use overlap
semantics: a mention dated ``2019-08`` covers 2019-08-01 … 2019-08-31 and is kept by
``since="2019-08-15"`` because the two ranges overlap. Undated mentions are dropped by any date
filter.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Self

import pandas as pd

from ..errors import QueryError
from ..models import PLOVER_TYPES, ActorRef, Document, EventMention, Evidence, FuzzyDate, Post

QUOTE_WIDTH = 160

_ORDER = "m.date_first ASC NULLS LAST, m.date_last ASC NULLS LAST, m.doc_id, m.ev_start, m.id"

_ACTOR_FIELDS = (
    "{'text': a.text, 'country': a.country, 'sector': a.sector, 'entity': a.entity, "
    "'role': a.role, 'start': a.span_start, 'end': a.span_end}"
)

# Mentions that pass the filters (``{where}``), ordered and paged, each with its actor and
# recipient lists (DuckDB turns the correlated sub-queries into joins).
MENTION_SQL = f"""
WITH sel AS (
    SELECT m.* FROM mentions m
    {{where}}
    ORDER BY {_ORDER}
    LIMIT ? OFFSET ?
)
SELECT m.*,
    (SELECT list({_ACTOR_FIELDS} ORDER BY a.position) FROM mention_actors a
     WHERE a.mention_id = m.id AND a.side = 'actor') AS actor_list,
    (SELECT list({_ACTOR_FIELDS} ORDER BY a.position) FROM mention_actors a
     WHERE a.mention_id = m.id AND a.side = 'recipient') AS recipient_list,
    d.source AS doc_source,
    d.title AS doc_title
FROM sel m JOIN documents d ON d.id = m.doc_id
ORDER BY {_ORDER}
"""

DOCUMENT_SQL = """
SELECT d.*,
    (SELECT list(p ORDER BY p.idx) FROM posts p WHERE p.doc_id = d.id) AS post_list
FROM documents d
ORDER BY d.added_at, d.id
"""

_NO_LIMIT = 2**62


@dataclass(frozen=True, slots=True)
class RecordFilter:
    """The filters mentions and events share, validated once: dates (overlap semantics), PLOVER
    type, actor, issue, hypothetical ones or not, and paging. ``MentionFilter`` and
    ``store.derived.EventFilter`` build on it; ``clauses(alias)`` writes their common part."""

    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    actor: str | None = None
    issue: str | None = None
    include_hypothetical: bool = True
    limit: int | None = None
    offset: int = 0

    @classmethod
    def from_args(
        cls,
        *,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        event_type: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        include_hypothetical: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> Self:
        """The filters checked and normalised; ``QueryError`` names a bad value."""
        first = _parse_date("since", since, last=False)
        last = _parse_date("until", until, last=True)
        if first is not None and last is not None and first > last:
            raise QueryError(f"since={since} is after until={until}; swap them")
        kind = None
        if event_type is not None:
            kind = str(event_type).strip().upper()
            if kind not in PLOVER_TYPES:
                raise QueryError(
                    f"unknown event type {event_type!r}; use one of {', '.join(PLOVER_TYPES)}"
                )
        return cls(
            since=first,
            until=last,
            event_type=kind,
            actor=_text_filter("actor", actor),
            issue=_text_filter("issue", issue),
            include_hypothetical=bool(include_hypothetical),
            limit=_count("limit", limit) if limit is not None else None,
            offset=_count("offset", offset),
        )

    def clauses(self, alias: str) -> tuple[list[str], list[Any]]:
        """The date, type, hypothetical and issue conditions over table ``alias`` (which has
        ``date_first``, ``date_last``, ``event_type``, ``hypothetical`` and ``issues``) and their
        parameters; the actor condition differs by table and is the subclass's."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append(f"{alias}.date_last >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append(f"{alias}.date_first <= ?")
            params.append(self.until)
        if self.event_type is not None:
            clauses.append(f"{alias}.event_type = ?")
            params.append(self.event_type)
        if not self.include_hypothetical:
            clauses.append(f"NOT {alias}.hypothetical")
        if self.issue is not None:
            clauses.append(f"list_contains({alias}.issues, ?)")
            params.append(self.issue)
        return clauses, params


@dataclass(frozen=True, slots=True)
class MentionFilter(RecordFilter):
    """Validated mention filters; build with ``MentionFilter.from_args``."""

    def where(self) -> tuple[str, list[Any]]:
        """The ``WHERE`` clause (or ``""``) over alias ``m`` and its parameters."""
        clauses, params = self.clauses("m")
        if self.actor is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM mention_actors x WHERE x.mention_id = m.id AND ("
                "upper(x.country) = upper(?) OR contains(lower(x.entity), lower(?)) "
                "OR contains(lower(x.text), lower(?))))"
            )
            params.extend([self.actor] * 3)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def sql(self) -> tuple[str, list[Any]]:
        """Full mention query and its parameters."""
        where, params = self.where()
        limit = self.limit if self.limit is not None else _NO_LIMIT
        return MENTION_SQL.replace("{where}", where), [*params, limit, self.offset]


def _parse_date(name: str, value: str | dt.date | None, *, last: bool) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise QueryError(f"{name} must be a date string such as 2019-08, not {value!r}")
    try:
        fuzzy = FuzzyDate.parse(value)
    except ValueError as exc:
        raise QueryError(
            f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-08-02)"
        ) from exc
    return fuzzy.last_day() if last else fuzzy.first_day()


def _text_filter(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise QueryError(f"{name} must be a non-empty string, not {value!r}")
    return value.strip()


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise QueryError(f"{name} must be a whole number, not {value!r}")
    if value < 0:
        raise QueryError(f"{name} must be 0 or more, not {value}")
    return value


# --- rebuilding records -------------------------------------------------------------------------


def fuzzy(text: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(text) if text is not None else None


def actor_ref(item: Mapping[str, Any]) -> ActorRef:
    return ActorRef(
        text=item["text"],
        country=item["country"],
        sector=item["sector"],
        entity=item["entity"],
        role=item["role"],
        start=item["start"],
        end=item["end"],
    )


def actor_refs(items: Iterable[Mapping[str, Any]] | None) -> tuple[ActorRef, ...]:
    return tuple(actor_ref(item) for item in items or ())


def mention_from_row(row: Mapping[str, Any]) -> EventMention:
    reported = row["reported_by"]
    return EventMention(
        doc_id=row["doc_id"],
        sentence=row["sentence"],
        sentence_start=row["sentence_start"],
        event_type=row["event_type"],
        actors=actor_refs(row["actor_list"]),
        recipients=actor_refs(row["recipient_list"]),
        evidence=Evidence(start=row["ev_start"], end=row["ev_end"], rule=row["rule"]),
        mode=row["mode"],
        context=row["context"],
        date=fuzzy(row["date"]),
        date_end=fuzzy(row["date_end"]),
        date_source=row["date_source"],
        negated=row["negated"],
        hypothetical=row["hypothetical"],
        modality=row["modality"],
        action_type=row.get("action_type"),
        tone=row.get("tone"),
        reported_by=actor_ref(json.loads(reported)) if reported is not None else None,
        issues=tuple(row["issues"] or ()),
        cameo_root=row["cameo_root"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        plover_score=row["plover_score"],
        confidence=row["confidence"],
        post_index=row["post_idx"],
    )


def post_from_row(item: Mapping[str, Any]) -> Post:
    return Post(
        index=item["idx"],
        start=item["span_start"],
        end=item["span_end"],
        kind=item["kind"],
        author=item["author"],
        posted=fuzzy(item["posted"]),
        posted_source=item["posted_source"],
        votes_up=item["votes_up"],
        votes_down=item["votes_down"],
        votes_net=item["votes_net"],
    )


def document_from_row(row: Mapping[str, Any]) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        title=row["title"],
        url=row["url"],
        publisher=row["publisher"],
        published=fuzzy(row["published"]),
        published_source=row["published_source"],
        genre=row["genre"],
        language=row["language"],
        posts=tuple(post_from_row(p) for p in row["post_list"] or ()),
        input_format=row["input_format"],
    )


# --- display helpers ----------------------------------------------------------------------------


def actor_label(item: Mapping[str, Any]) -> str:
    """``"Shinzo Abe (JPN GOV)"``: entity (or text as written) with country and sector."""
    name = item.get("entity") or item.get("text") or "?"
    tag = " ".join(t for t in (item.get("country"), item.get("sector")) if t)
    return f"{name} ({tag})" if tag and tag != name else name


def actor_labels(items: Iterable[Mapping[str, Any]] | None) -> str:
    return "; ".join(actor_label(item) for item in items or ())


def countries(items: Iterable[Mapping[str, Any]] | None) -> list[str]:
    return sorted({item["country"] for item in items or () if item.get("country")})


_SPACE = re.compile(r"\s+")


def shorten_quote(sentence: str, start: int, end: int, width: int = QUOTE_WIDTH) -> str:
    """The sentence on one line, cut to about ``width`` characters around ``[start, end)``.

    ``start``/``end`` are offsets of the evidence inside the sentence; cuts fall on spaces and
    are marked with "…".
    """
    if len(sentence) <= width:
        return _SPACE.sub(" ", sentence).strip()
    start = min(max(start, 0), len(sentence))
    end = min(max(end, start), len(sentence))
    room = width - 2
    begin = max(0, min(start - max(0, room - (end - start)) // 2, len(sentence) - room))
    stop = min(len(sentence), begin + room)
    if begin > 0:
        space = sentence.find(" ", begin, start + 1)
        begin = space + 1 if space != -1 else begin
    if stop < len(sentence):
        space = sentence.rfind(" ", max(end, begin + 1), stop)
        stop = space if space != -1 else stop
    text = _SPACE.sub(" ", sentence[begin:stop]).strip()
    return ("…" if begin > 0 else "") + text + ("…" if stop < len(sentence) else "")


def cell_value(value: Any, *, timestamps_as_dates: bool = False) -> Any:
    """A DataFrame cell as a plain Python value: NaN, NaT and pandas NA become None, numpy
    values and arrays Python ones; a timestamp becomes a ``datetime`` (or a ``date``)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if timestamps_as_dates else value.to_pydatetime()
    if hasattr(value, "tolist") and not isinstance(value, str):
        return value.tolist()
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def frame_records(frame: pd.DataFrame, *, timestamps_as_dates: bool = False
                  ) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts of plain Python values (see ``cell_value``)."""
    columns = list(frame.columns)
    return [
        {column: cell_value(cell, timestamps_as_dates=timestamps_as_dates)
         for column, cell in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]
