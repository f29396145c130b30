"""``Store``: the one place that writes dyadwatch's records, and the queries over them."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ..errors import QueryError, StoreError
from ..models import Document, DocumentResult, EventMention, SkippedInput
from . import derived, writer
from .queries import (
    DOCUMENT_SQL,
    MentionFilter,
    actor_label,
    actor_labels,
    countries,
    document_from_row,
    mention_from_row,
    shorten_quote,
)
from .schema import MEMORY, connect, migrate

MENTION_COLUMNS = (
    "id", "doc_id", "post_idx", "event_type", "mode", "context", "date", "date_precision",
    "date_end", "date_source", "date_first", "date_last", "actors", "recipients",
    "actor_countries", "recipient_countries", "negated", "hypothetical", "modality",
    "reported_by", "issues", "cameo_root", "quad_class", "goldstein", "plover_score",
    "confidence", "sentence", "sentence_start", "ev_start", "ev_end", "rule", "run_id", "source",
    "title",
)  # fmt: skip
TIMELINE_COLUMNS = (
    "date", "date_precision", "date_end", "actors", "recipients", "event_type", "mode",
    "negated", "hypothetical", "issues", "quote", "doc_id", "source", "title", "mention_id",
)  # fmt: skip
_FETCH = 1000


class Store:
    """A dyadwatch database: ``Store("file.duckdb")``, ``Store(":memory:")`` for tests.

    Writes go through ``write_result`` (one transaction per document), ``log_skip`` and the run
    methods; queries return pandas DataFrames or rebuilt records. One ``Store`` may be shared by
    threads: calls are serialised by a lock.
    """

    def __init__(self, path: str | Path = "dyadwatch.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        con = connect(self.path, read_only)
        try:
            self.schema_version = migrate(con, self.path, read_only)
        except BaseException:
            con.close()
            raise
        self._con: duckdb.DuckDBPyConnection | None = con

    # --- life cycle -----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._con is None else ("read-only" if self.read_only else "open")
        return f"Store({self.path!r}, {state})"

    @property
    def _db(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"store {self.path} is closed; open a new Store")
        return self._con

    def _writable(self) -> duckdb.DuckDBPyConnection:
        con = self._db
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only; open it without read_only")
        return con

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        try:
            return self._db.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {exc}") from exc

    def _frame(self, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        with self._lock:
            return self._execute(sql, params).df()

    # --- writes ---------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str], settings: Mapping[str, object] | None = None) -> int:
        """Record the start of a run; returns its id for ``write_result``/``finish_run``."""
        with self._lock:
            con = self._writable()
            try:
                return writer.start_run(con, inputs, settings)
            except duckdb.Error as exc:
                raise StoreError(f"could not record the run in {self.path}: {exc}") from exc

    def finish_run(self, run_id: int, stats: Mapping[str, int], status: str = "complete") -> None:
        with self._lock:
            con = self._writable()
            try:
                writer.finish_run(con, run_id, stats, status)
            except duckdb.Error as exc:
                raise StoreError(f"could not finish run {run_id} in {self.path}: {exc}") from exc

    def has_document(self, doc_id: str) -> bool:
        with self._lock:
            return bool(self._execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone())

    def known_document_ids(self) -> set[str]:
        with self._lock:
            return {row[0] for row in self._execute("SELECT id FROM documents").fetchall()}

    def write_result(self, result: DocumentResult, run_id: int | None = None) -> bool:
        """Store a document and everything extracted from it, in one transaction.

        Returns ``False`` and writes nothing when the document id is already stored, so a re-run
        over the same inputs is a no-op. Raises ``StoreError`` (with nothing written) when the
        result is inconsistent or the database refuses it.
        """
        rows = writer.document_rows(result, run_id)
        with self._lock:
            return writer.write_document(self._writable(), rows)

    def write_results(
        self, results: Sequence[DocumentResult], run_id: int | None = None
    ) -> list[bool]:
        """Store many documents in one transaction: much faster than ``write_result`` per
        document, at the price that an error or a crash loses the whole batch (never part of a
        document). Returns, for each result, whether it was stored (``False``: id already known
        or repeated in the batch). An inconsistent result raises ``StoreError`` before anything
        is written."""
        rows = [writer.document_rows(result, run_id) for result in results]
        with self._lock:
            return writer.write_batch(self._writable(), rows)

    @contextmanager
    def transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """A writable connection inside one transaction, for writers outside this module (the
        GDELT importer): committed on success, rolled back on any error, which is raised as a
        ``StoreError`` naming ``what`` was being written."""
        with self._lock:
            con = self._writable()
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except duckdb.Error as exc:
                with suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise StoreError(
                    f"could not store {what} in {self.path}; nothing of it was written ({exc})"
                ) from exc
            except BaseException:
                with suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise

    def log_skip(self, skipped: SkippedInput, run_id: int | None = None) -> None:
        """Record an input that was not read, with its reason, in ``ingest_log``."""
        with self._lock:
            con = self._writable()
            try:
                writer.log_skip(con, skipped, run_id)
            except duckdb.Error as exc:
                raise StoreError(f"could not log {skipped.source} in {self.path}: {exc}") from exc

    # --- tables as DataFrames -------------------------------------------------------------------

    def documents(self, *, include_text: bool = False) -> pd.DataFrame:
        """One row per document (without the full text unless ``include_text``)."""
        text = ", d.text" if include_text else ""
        return self._frame(
            "SELECT d.id, d.source, d.title, d.url, d.publisher, d.published, "
            "d.published_precision, d.published_source, d.published_first, d.published_last, "
            "d.genre, d.language, d.input_format, d.n_chars, "
            "(SELECT count(*) FROM posts p WHERE p.doc_id = d.id) AS n_posts, "
            "(SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS n_mentions, "
            f"d.added_at, d.run_id{text} FROM documents d ORDER BY d.added_at, d.id"
        )

    def posts(self, doc_id: str | None = None) -> pd.DataFrame:
        if doc_id is None:
            return self._frame("SELECT * FROM posts ORDER BY doc_id, idx")
        return self._frame("SELECT * FROM posts WHERE doc_id = ? ORDER BY idx", [doc_id])

    def sentences(self, doc_id: str | None = None) -> pd.DataFrame:
        if doc_id is None:
            return self._frame("SELECT * FROM sentences ORDER BY doc_id, idx")
        return self._frame("SELECT * FROM sentences WHERE doc_id = ? ORDER BY idx", [doc_id])

    def polls(self) -> pd.DataFrame:
        return self._frame(
            "SELECT p.*, d.source, d.title FROM polls p JOIN documents d ON d.id = p.doc_id "
            "ORDER BY p.year NULLS LAST, p.date NULLS LAST, p.doc_id, p.idx"
        )

    def ingest_log(self) -> pd.DataFrame:
        return self._frame(
            "SELECT run_id, logged_at, source, reason, detail FROM ingest_log "
            "ORDER BY logged_at, rowid"
        )

    def runs(self) -> pd.DataFrame:
        return self._frame("SELECT * FROM runs ORDER BY id")

    def query(self, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a query of your own (one statement, ``?`` parameters) and return a DataFrame.

        It runs in a read-only transaction: only the store's own methods write.
        """
        with self._lock:
            con = self._db
            con.execute("BEGIN TRANSACTION READ ONLY")
            try:
                return self._execute(sql, params).df()
            finally:
                con.execute("ROLLBACK")

    # --- mentions -------------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any], what: str) -> Iterator[dict[str, Any]]:
        """Run ``sql`` now on a cursor of its own and return an iterator over its rows as dicts;
        the caller may use the store while iterating."""
        with self._lock:
            cursor = self._db.cursor()
        try:
            cursor.execute(sql, list(params))
        except duckdb.Error as exc:
            cursor.close()
            raise StoreError(f"{what} query on {self.path} failed: {exc}") from exc
        names = [column[0] for column in cursor.description or ()]

        def rows() -> Iterator[dict[str, Any]]:
            try:
                while batch := cursor.fetchmany(_FETCH):
                    for row in batch:
                        yield dict(zip(names, row, strict=True))
            finally:
                cursor.close()

        return rows()

    def _mention_rows(self, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Validate ``filters`` (``QueryError`` at once) and return the matching mention rows."""
        sql, params = MentionFilter.from_args(**filters).sql()
        return self._rows(sql, params, "mention")

    def mentions(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        event_type: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        include_hypothetical: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Event mentions passing the filters, one row each, in date order (undated last).

        ``since``/``until``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a mention is kept when its
        dates overlap the range. ``event_type``: a PLOVER type. ``actor``: an ISO3 code, an
        entity name or part of the text as written, on the actor or recipient side. ``issue``: an
        issue id. Bad values raise ``QueryError``. ``timeline``, ``iter_mentions`` take the same.
        """
        filters = {
            "since": since,
            "until": until,
            "event_type": event_type,
            "actor": actor,
            "issue": issue,
            "include_hypothetical": include_hypothetical,
            "limit": limit,
            "offset": offset,
        }
        records = []
        for row in self._mention_rows(filters):
            reported = row["reported_by"]
            records.append(
                {
                    **{key: row[key] for key in MENTION_COLUMNS if key in row},
                    "actors": actor_labels(row["actor_list"]),
                    "recipients": actor_labels(row["recipient_list"]),
                    "actor_countries": countries(row["actor_list"]),
                    "recipient_countries": countries(row["recipient_list"]),
                    "reported_by": actor_label(_json(reported)) if reported else None,
                    "issues": list(row["issues"] or ()),
                    "source": row["doc_source"],
                    "title": row["doc_title"],
                }
            )
        frame = pd.DataFrame.from_records(records, columns=list(MENTION_COLUMNS))
        for column in ("date_first", "date_last"):
            frame[column] = pd.to_datetime(frame[column])
        return frame

    def timeline(self, **filters: Any) -> pd.DataFrame:
        """Mentions in date order (undated last) for reading: who did what to whom, when, with a
        short quote of the evidence sentence. Takes the same filters as ``mentions``."""
        records = []
        for row in self._mention_rows(filters):
            offset = row["sentence_start"]
            records.append(
                {
                    "date": row["date"],
                    "date_precision": row["date_precision"],
                    "date_end": row["date_end"],
                    "actors": actor_labels(row["actor_list"]),
                    "recipients": actor_labels(row["recipient_list"]),
                    "event_type": row["event_type"],
                    "mode": row["mode"],
                    "negated": row["negated"],
                    "hypothetical": row["hypothetical"],
                    "issues": ", ".join(row["issues"] or ()),
                    "quote": shorten_quote(
                        row["sentence"], row["ev_start"] - offset, row["ev_end"] - offset
                    ),
                    "doc_id": row["doc_id"],
                    "source": row["doc_source"],
                    "title": row["doc_title"],
                    "mention_id": row["id"],
                }
            )
        return pd.DataFrame.from_records(records, columns=list(TIMELINE_COLUMNS))

    def iter_mentions(self, **filters: Any) -> Iterator[EventMention]:
        """The stored mentions passing the filters, rebuilt as ``EventMention`` records."""
        return (mention_from_row(row) for row in self._mention_rows(filters))

    def iter_documents(self) -> Iterator[Document]:
        """Every stored document, rebuilt with its posts, in the order they were added."""
        return (document_from_row(row) for row in self._rows(DOCUMENT_SQL, [], "document"))

    # --- derived tables: events, duplicates, alerts (built by dyadwatch.analyze) -----------------

    def document_texts(self) -> Iterator[dict[str, Any]]:
        """Every document's id, text, first publication day, publisher, URL, source and
        position in storage order, one dict at a time (for near-duplicate detection)."""
        return self._rows(derived.DOCUMENT_TEXT_SQL, [], "document text")

    def mention_facts(self) -> Iterator[dict[str, Any]]:
        """Every mention with what merging needs (actor lists, evidence offsets inside the
        sentence), one dict at a time."""
        return self._rows(derived.MENTION_FACTS_SQL, [], "mention")

    def replace_analysis(
        self, rows: Mapping[str, Sequence[tuple[Any, ...]]], run: Mapping[str, Any]
    ) -> None:
        """Replace the derived tables by ``rows`` in one transaction (see ``store.derived``)."""
        with self._lock:
            derived.replace_analysis(self._writable(), rows, run)

    def event_frame(self, source: str = "dyadwatch", countries: Sequence[str] = ()) -> pd.DataFrame:
        """Events for the relation index: merged ``events`` (``source="dyadwatch"``) or the
        imported GDELT rows between the two ``countries`` (``source="gdelt"``; one row is one
        event, ``n_sources`` its NumSources)."""
        if source == "dyadwatch":
            return self._frame(derived.EVENT_FRAME_SQL)
        if source == "gdelt":
            if len(countries) != 2:
                raise QueryError("the GDELT events need the dyad's two countries")
            a, b = countries
            return self._frame(derived.GDELT_FRAME_SQL, [a, b, b, a, a, b, a, b])
        raise QueryError(f"unknown source {source!r}; use dyadwatch or gdelt")

    def event_mention_tones(self) -> pd.DataFrame:
        """The tone of every mention of a merged event that has one, with its event, document,
        sentence offset and genre (``comment`` and ``forum`` for comments and forum posts)."""
        return self._frame(derived.EVENT_MENTION_TONE_SQL)

    def events(self, filters: derived.EventFilter) -> tuple[int, pd.DataFrame]:
        """(events matching ``filters`` across all pages, the page itself as a DataFrame with
        the quoted mention's document id, title and source)."""
        where, params = filters.where()
        limit = filters.limit if filters.limit is not None else 2**62
        with self._lock:
            total = self._execute(f"SELECT count(*) FROM events e {where}", params).fetchone()
            frame = self._execute(
                derived.EVENT_LIST_SQL.replace("{where}", where), [*params, limit, filters.offset]
            ).df()
        return int(total[0] if total else 0), frame

    def event(self, event_id: str) -> tuple[dict[str, Any] | None, pd.DataFrame, pd.DataFrame]:
        """(the event's row or ``None``, its mentions with sentences and documents, its actors
        as the mentions name them)."""
        with self._lock:
            found = self._execute("SELECT * FROM events WHERE id = ?", [event_id]).df()
            if found.empty:
                return None, pd.DataFrame(), pd.DataFrame()
            row = found.iloc[0].to_dict()
            mentions = self._execute(
                derived.EVENT_MENTIONS_SQL, [event_id, row["quote_mention_id"]]
            ).df()
            actors = self._execute(derived.EVENT_ACTORS_SQL, [event_id]).df()
        return row, mentions, actors

    def alerts(
        self,
        *,
        freq: str | None = None,
        directions: Sequence[str] = (),
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> pd.DataFrame:
        """Stored alerts, oldest period first, optionally of one ``freq``, some directions and a
        range of period starts."""
        clauses, params = [], []
        if freq is not None:
            clauses.append("freq = ?")
            params.append(freq)
        if directions:
            clauses.append(f"direction IN ({', '.join('?' for _ in directions)})")
            params.extend(directions)
        if since is not None:
            clauses.append("period_start >= ?")
            params.append(since)
        if until is not None:
            clauses.append("period_start <= ?")
            params.append(until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._frame(
            f"SELECT * FROM alerts {where} ORDER BY period_start, freq, direction, kind", params
        )

    def duplicates(self) -> pd.DataFrame:
        """Near-duplicate documents: each copy with the original it repeats."""
        return self._frame(
            "SELECT dd.*, d.source, d.title FROM document_duplicates dd "
            "JOIN documents d ON d.id = dd.doc_id ORDER BY dd.duplicate_of, dd.doc_id"
        )

    def analysis_state(self) -> dict[str, Any]:
        """The last rebuild of the derived tables: when, for which dyad, with which analysis
        settings (``None`` each before the first), the counts now, and whether the mentions
        have changed since (``stale``)."""
        with self._lock:
            last = self._execute(
                "SELECT * FROM analysis_runs ORDER BY refreshed_at DESC LIMIT 1"
            ).df()
            counts = self._execute(
                "SELECT (SELECT count(*) FROM mentions), (SELECT count(*) FROM documents), "
                "(SELECT count(*) FROM events), (SELECT count(*) FROM document_duplicates), "
                "(SELECT count(*) FROM alerts)"
            ).fetchone()
        assert counts is not None
        mentions, documents, events, duplicates, alerts = counts
        run = last.iloc[0].to_dict() if not last.empty else None
        stale = run is None or (run["mentions"], run["documents"]) != (mentions, documents)
        return {
            "refreshed_at": run["refreshed_at"].isoformat() if run else None,
            "dyad": run["dyad"] if run else None,
            "settings": _json(run["settings"]) if run and run["settings"] else None,
            "seconds": float(run["seconds"]) if run else None,
            "mentions": mentions,
            "documents": documents,
            "events": events,
            "duplicates": duplicates,
            "alerts": alerts,
            "stale": bool(stale and mentions > 0),
        }

    # --- overview -------------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Counts and the event date range, e.g. for ``dyadwatch status``."""
        with self._lock:
            counts = self._execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM posts), "
                "(SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions), "
                "(SELECT count(*) FROM polls), (SELECT count(*) FROM ingest_log), "
                "(SELECT count(*) FROM runs), (SELECT min(date_first) FROM mentions), "
                "(SELECT max(date_last) FROM mentions), "
                "(SELECT count(*) FROM mentions WHERE date IS NULL)"
            ).fetchone()
            by_type = self._execute(
                "SELECT event_type, count(*) FROM mentions GROUP BY event_type "
                "ORDER BY count(*) DESC, event_type"
            ).fetchall()
        assert counts is not None
        docs, posts, sentences, mentions, polls, skipped, runs, first, last, undated = counts
        return {
            "path": self.path if self.path != MEMORY else None,
            "schema_version": self.schema_version,
            "documents": docs,
            "posts": posts,
            "sentences": sentences,
            "mentions": mentions,
            "undated_mentions": undated,
            "events_by_type": {kind: n for kind, n in by_type},
            "date_min": first.isoformat() if first else None,
            "date_max": last.isoformat() if last else None,
            "polls": polls,
            "skipped": skipped,
            "runs": runs,
        }


def _json(text: str) -> dict[str, Any]:
    value = json.loads(text)
    return value if isinstance(value, dict) else {}
