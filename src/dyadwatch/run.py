"""The main job: read inputs, extract, store; resumable and idempotent.

Results are written in batches (``Settings.batch_size`` documents), each batch in one transaction,
so an interrupted run loses at most the batch in flight and the next run skips every document
already stored (documents are keyed by a hash of their text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from .analyze import AnalysisSummary, analysis_settings, refresh
from .config import Dyad, Settings, load_dyad
from .errors import StoreError
from .ingest import read_inputs
from .models import Document, DocumentResult, SkippedInput
from .pipeline import Extractor
from .store import Store, writer

ProgressCallback = Callable[[int], None]


@dataclass(slots=True)
class RunSummary:
    run_id: int | None = None
    documents_read: int = 0
    documents_new: int = 0
    documents_known: int = 0
    sentences: int = 0
    events: int = 0
    polls: int = 0
    events_by_type: Counter[str] = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    skipped: list[SkippedInput] = field(default_factory=list)
    interrupted: bool = False
    analysis: AnalysisSummary | None = None  # the rebuild of merged events, index and alerts
    replaced: set[str] = field(default_factory=set)  # documents extracted again (--reextract)
    replacing: set[str] = field(default_factory=set)  # … whose earlier records are still stored

    def add(self, result: DocumentResult) -> None:
        self.documents_new += 1
        self.sentences += len(result.sentences)
        self.events += len(result.mentions)
        self.polls += len(result.polls)
        for mention in result.mentions:
            self.events_by_type[mention.event_type] += 1
            if mention.date is not None:
                iso = mention.date.iso()
                self.first_date = min(self.first_date or iso, iso)
                self.last_date = max(self.last_date or iso, iso)

    def stats(self) -> dict[str, int]:
        return {
            "documents_read": self.documents_read,
            "documents_new": self.documents_new,
            "documents_known": self.documents_known,
            "sentences": self.sentences,
            "events": self.events,
            "polls": self.polls,
            "skipped": len(self.skipped),
        }


def run(
    inputs: Sequence[str],
    *,
    settings: Settings | None = None,
    dyad: Dyad | None = None,
    store: Store | None = None,
    stdin: TextIO | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
    on_progress: ProgressCallback | None = None,
    extractor: Extractor | None = None,
    reextract: bool = False,
) -> RunSummary:
    """Ingest ``inputs`` (paths, folders, globs, ``-``), extract and store; returns a summary.

    With ``reextract``, documents of ``inputs`` that are already stored are extracted again and
    replace their earlier records (after an upgrade of dyadwatch or of its knowledge files)."""
    settings = settings or Settings()
    dyad = dyad or load_dyad(settings.dyad)
    own_store = store is None
    store = store or Store(settings.db)
    summary = RunSummary()
    try:
        summary.run_id = store.start_run(list(inputs), {"dyad": dyad.id})
        known = store.known_document_ids()
        extractor = extractor or Extractor(settings, dyad)
        fresh = _fresh_documents(
            read_inputs(inputs, stdin=stdin, max_bytes=settings.max_bytes),
            known,
            store,
            summary,
            on_skip,
            reextract,
        )
        pending: list[DocumentResult] = []
        try:
            for result in extractor.extract(fresh):
                pending.append(result)
                if len(pending) >= settings.batch_size:
                    _flush(store, pending, summary, on_skip)
                if on_progress is not None:
                    on_progress(1)
            _flush(store, pending, summary, on_skip)
        except KeyboardInterrupt:
            summary.interrupted = True
            store.finish_run(summary.run_id, summary.stats(), status="interrupted")
            raise
        store.finish_run(summary.run_id, summary.stats(), status="complete")
        state = store.analysis_state()
        if state["stale"] or summary.replaced or (state["mentions"] and state["dyad"] != dyad.id):
            # new mentions, or another dyad's view: rebuild merged events, duplicates and alerts
            summary.analysis = refresh(store, dyad, analysis_settings(settings))
    finally:
        if own_store:
            store.close()
    return summary


def _flush(store: Store, pending: list[DocumentResult], summary: RunSummary,
           on_skip: Callable[[SkippedInput], None] | None = None) -> None:
    """Write a batch in one transaction: a crash loses at most this batch, never part of a
    document, and the next run redoes it. A batch the store refuses is written document by
    document, so one faulty result is skipped (and logged) and the rest is kept."""
    if not pending:
        return
    stale = [r.document.id for r in pending if r.document.id in summary.replacing]
    if stale:
        with store.transaction(f"the earlier records of {len(stale)} documents") as con:
            writer.delete_documents(con, stale)
        summary.replacing.difference_update(stale)
    try:
        outcomes = store.write_results(pending, summary.run_id)
    except StoreError:
        outcomes = []
        for result in pending:
            try:
                outcomes.append(store.write_result(result, summary.run_id))
            except StoreError as exc:
                item = SkippedInput(result.document.source, "could not be stored", str(exc))
                summary.skipped.append(item)
                store.log_skip(item, summary.run_id)
                if on_skip is not None:
                    on_skip(item)
                outcomes.append(False)
    for result, stored in zip(pending, outcomes, strict=True):
        if stored:
            summary.add(result)
    pending.clear()


def _fresh_documents(
    items: Iterable[Document | SkippedInput],
    known: set[str],
    store: Store,
    summary: RunSummary,
    on_skip: Callable[[SkippedInput], None] | None,
    reextract: bool = False,
) -> Iterable[Document]:
    for item in items:
        if isinstance(item, SkippedInput):
            summary.skipped.append(item)
            store.log_skip(item, summary.run_id)
            if on_skip is not None:
                on_skip(item)
            continue
        summary.documents_read += 1
        if item.id in known:
            if not reextract or item.id in summary.replacing or item.id in summary.replaced:
                summary.documents_known += 1
                continue
            summary.replacing.add(item.id)  # stored before: extract again, replace on write
            summary.replaced.add(item.id)
            yield item
            continue
        known.add(item.id)
        yield item
