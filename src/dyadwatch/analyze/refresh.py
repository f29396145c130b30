"""``refresh``: rebuild the derived tables (duplicates, events, alerts) from what is stored.

It records the dyad and the settings of each rebuild; ``reading_dyad`` and ``settings_used``
give them back to the readers (commands, API, report), so a database built for one dyad is
never labelled with another.

It reads every document and mention, finds near-duplicate documents, merges mentions into
events and runs the change detector, then replaces the derived tables in one transaction. It is
idempotent (the same store gives the same tables, with the same ids) and always rebuilds in
full; on one core it takes about 1.5 s for 10,000 mentions and 10 s for 100,000
(``benchmarks/bench_analyze.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from ..config import DEFAULT_DYAD, Dyad, load_dyad
from ..errors import ConfigError, QueryError
from ..store import Store
from ..store.derived import (
    ALERT_COLUMNS,
    DUPLICATE_COLUMNS,
    EVENT_COLUMNS,
)
from ..store.queries import actor_labels
from .alerts import Alert, compute_alerts
from .dedup import DocumentText, Duplicate, find_duplicates
from .merge import DocumentSource, Event, MentionFacts, merge_mentions
from .settings import AnalysisSettings

EVENT_FRAME_COLUMNS = (
    "id", "event_type", "date", "date_first", "date_last", "date_precision", "direction",
    "negated", "hypothetical", "issues", "quad_class", "goldstein", "plover_score", "tone",
    "weight", "n_mentions", "n_sources",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class AnalysisSummary:
    """What a ``refresh`` built and how long it took."""

    documents: int
    duplicates: int
    mentions: int
    events: int
    dyadic_events: int
    alerts: int
    seconds: float

    @property
    def mentions_per_event(self) -> float:
        return self.mentions / self.events if self.events else 0.0


def refresh(store: Store, dyad: Dyad, settings: AnalysisSettings | None = None) -> AnalysisSummary:
    """Rebuild ``document_duplicates``, ``events``, ``event_mentions`` and ``alerts`` of
    ``store`` for ``dyad`` and return counts. Raises ``StoreError`` when the store is read-only
    or the write fails (the old tables then stay as they were)."""
    settings = settings or AnalysisSettings()
    started = time.perf_counter()
    origins: dict[str, str] = {}  # doc id -> source key, filled while the texts are read
    duplicates = find_duplicates(_document_texts(store, origins), settings.dedup)
    sources = document_sources(origins, duplicates)
    facts = [mention_facts(row) for row in store.mention_facts()]
    events = merge_mentions(
        facts,
        dyad.countries,
        sources=sources,
        settings=settings.merge,
        weighting=settings.weight,
    )
    frame = events_frame(events)
    alerts = compute_alerts(frame, dyad.countries, settings.alerts)
    rows = {
        "document_duplicates": [
            tuple(getattr(d, c) for c in DUPLICATE_COLUMNS) for d in duplicates
        ],
        "events": [_event_row(e) for e in events],
        "event_mentions": [(e.id, m) for e in events for m in e.mention_ids],
        "alerts": [_alert_row(a) for a in alerts],
    }
    seconds = round(time.perf_counter() - started, 3)
    store.replace_analysis(
        rows,
        {
            "dyad": dyad.id,
            "documents": len(origins),
            "duplicates": len(duplicates),
            "mentions": len(facts),
            "events": len(events),
            "alerts": len(alerts),
            "seconds": seconds,
            "settings": settings.as_dict(),
        },
    )
    return AnalysisSummary(
        documents=len(origins),
        duplicates=len(duplicates),
        mentions=len(facts),
        events=len(events),
        dyadic_events=sum(1 for e in events if e.direction != "other"),
        alerts=len(alerts),
        seconds=round(time.perf_counter() - started, 3),
    )


class DyadMismatchError(QueryError):
    """The events of a database were built for another dyad than the one asked for."""


def reading_dyad(
    store: Store, requested: str | Path | Dyad | None = None, *, fallback: str | Path = DEFAULT_DYAD
) -> Dyad:
    """The dyad to read the events of ``store`` with.

    Without ``requested`` (the id or YAML file a user named, or a loaded ``Dyad``): the dyad the
    last rebuild was made for, else ``fallback`` (the settings' dyad). With it: that dyad, when
    the events were built for it or not built yet; otherwise ``DyadMismatchError`` saying how
    to rebuild them for it.
    """
    built = store.analysis_state()["dyad"]
    if requested is not None:
        chosen = requested if isinstance(requested, Dyad) else load_dyad(requested)
        if built is not None and built != chosen.id:
            raise DyadMismatchError(
                f"the events of {store.path} were built for {built}, not {chosen.id}; run "
                f"`dyadwatch analyze --db {store.path} --dyad {_named(requested)}` to rebuild "
                f"them for {chosen.id}, or pass --dyad {built} (or no --dyad) to read them"
            )
        return chosen
    if built is None:
        return load_dyad(fallback)
    try:
        default = load_dyad(fallback)
    except ConfigError:
        default = None
    if default is not None and default.id == built:
        return default  # the settings name it, perhaps by a YAML file of the user's
    try:
        return load_dyad(built)
    except ConfigError as exc:
        raise ConfigError(
            f"the events of {store.path} were built for the dyad {built!r}, which is not a "
            "packaged dyad; pass --dyad with the YAML file that defines it"
        ) from exc


def _named(requested: str | Path | Dyad) -> str:
    """How to name a dyad on the command line: its id when packaged, else its file."""
    if not isinstance(requested, Dyad):
        return str(requested)
    packaged = Path(str(resources.files("dyadwatch") / "dyads"))
    if requested.source is None or requested.source.parent == packaged:
        return requested.id
    return str(requested.source)


def settings_used(store: Store, current: AnalysisSettings | None = None) -> AnalysisSettings:
    """The analysis settings the stored events and alerts were built with (``current``, or the
    defaults, when there was no rebuild yet or its record cannot be read any more)."""
    current = current or AnalysisSettings()
    stored = store.analysis_state()["settings"]
    if not stored:
        return current
    try:
        return AnalysisSettings.from_mapping(stored)
    except ConfigError:
        return current  # written by another version of dyadwatch: describe what we would do


def source_key(publisher: str | None, url: str | None, doc_id: str) -> str:
    """The source a document counts as: its publisher, else its URL's host, else itself."""
    if publisher and publisher.strip():
        return "publisher:" + " ".join(publisher.lower().split())
    if url:
        host = urlsplit(url).hostname
        if host:
            return "host:" + host.removeprefix("www.")
    return "document:" + doc_id


def _document_texts(store: Store, origins: dict[str, str]) -> Iterator[DocumentText]:
    for row in store.document_texts():
        origins[row["id"]] = source_key(row["publisher"], row["url"], row["id"])
        published = row["published_first"]
        yield DocumentText(
            id=row["id"],
            text=row["text"],
            published=published if not pd.isna(published) else None,
            order=int(row["position"]),
        )


def document_sources(
    origins: Mapping[str, str], duplicates: list[Duplicate]
) -> dict[str, DocumentSource]:
    """Each document's story (its original when it is a near-duplicate) and source (the
    original's source, so every copy of a story counts once). ``origins``: id → source key."""
    original = {d.doc_id: d.duplicate_of for d in duplicates}
    sources = {}
    for doc_id, key in origins.items():
        story = original.get(doc_id, doc_id)
        sources[doc_id] = DocumentSource(story=story, source=origins.get(story, key))
    return sources


def _countries(items: Any) -> tuple[str, ...]:
    return tuple(sorted({a["country"] for a in items or () if a.get("country")}))


def _none(value: Any) -> Any:
    if value is None:
        return None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def mention_facts(row: Mapping[str, Any]) -> MentionFacts:
    """A ``MentionFacts`` from one row of ``Store.mention_facts``."""
    quad = _none(row["quad_class"])
    return MentionFacts(
        id=row["id"],
        doc_id=row["doc_id"],
        event_type=row["event_type"],
        actor_countries=_countries(row["actor_list"]),
        recipient_countries=_countries(row["recipient_list"]),
        date=_none(row["date"]),
        first=_none(row["date_first"]),
        last=_none(row["date_last"]),
        precision=_none(row["date_precision"]),
        negated=bool(row["negated"]),
        hypothetical=bool(row["hypothetical"]),
        issues=tuple(row["issues"] or ()),
        mode=_none(row["mode"]),
        cameo_root=_none(row["cameo_root"]),
        quad_class=int(quad) if quad is not None else None,
        goldstein=_none(row["goldstein"]),
        plover_score=_none(row["plover_score"]),
        tone=_none(row["tone"]),
        confidence=float(row["confidence"]),
        sentence=row["sentence"],
        ev_start=int(row["ev_start"]),
        ev_end=int(row["ev_end"]),
        actor_label=actor_labels(row["actor_list"]),
        recipient_label=actor_labels(row["recipient_list"]),
    )


def _event_row(event: Event) -> tuple[Any, ...]:
    values = {
        **{column: getattr(event, column) for column in EVENT_COLUMNS if hasattr(event, column)},
        "actor_countries": list(event.actor_countries),
        "recipient_countries": list(event.recipient_countries),
        "issues": list(event.issues),
    }
    return tuple(values[column] for column in EVENT_COLUMNS)


def _alert_row(alert: Alert) -> tuple[Any, ...]:
    values = {column: getattr(alert, column, None) for column in ALERT_COLUMNS}
    values["event_ids"] = list(alert.event_ids)
    return tuple(values[column] for column in ALERT_COLUMNS)


def events_frame(events: list[Event]) -> pd.DataFrame:
    """Merged events as the frame the index reads (the columns of ``Store.event_frame``)."""
    return pd.DataFrame(
        [{column: getattr(e, column) for column in EVENT_FRAME_COLUMNS} for e in events],
        columns=list(EVENT_FRAME_COLUMNS),
    )
