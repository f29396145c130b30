"""Turning records into table rows and writing one document per transaction.

``document_rows`` is pure: it checks a ``DocumentResult`` for consistency and returns the rows of
every table. ``write_document`` inserts them inside a single transaction, so a crash or an error
leaves either the whole document or nothing of it. Each table gets one
``INSERT … SELECT unnest(?), …`` statement with one list parameter per column: every value is a
bound parameter, and one statement per table keeps the per-statement cost of DuckDB low.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

import duckdb

from ..errors import StoreError
from ..models import (
    PLOVER_TYPES,
    ActorRef,
    DocumentResult,
    EventMention,
    FuzzyDate,
    PollFigure,
    Post,
    Sentence,
    SkippedInput,
)
from .schema import utcnow

# Largest number of rows in one INSERT statement; bigger batches use several statements.
CHUNK_ROWS = 5000

DOCUMENT_COLUMNS = (
    "id", "source", "title", "url", "publisher", "published", "published_first",
    "published_last", "published_precision", "published_source", "genre", "language",
    "input_format", "text", "n_chars", "added_at", "run_id", "issues", "tone",
)  # fmt: skip
POST_COLUMNS = (
    "doc_id", "idx", "kind", "span_start", "span_end", "author", "posted", "posted_precision",
    "posted_source", "votes_up", "votes_down", "votes_net",
)  # fmt: skip
SENTENCE_COLUMNS = (
    "doc_id", "idx", "post_idx", "span_start", "span_end", "text", "is_heading", "issues", "tone",
)  # fmt: skip
MENTION_COLUMNS = (
    "id", "doc_id", "post_idx", "sentence", "sentence_start", "event_type", "mode", "context",
    "date", "date_first", "date_last", "date_precision", "date_end", "date_source", "negated",
    "hypothetical", "modality", "reported_by", "issues", "cameo_root", "quad_class", "goldstein",
    "plover_score", "confidence", "ev_start", "ev_end", "rule", "run_id", "action_type", "tone",
)  # fmt: skip
ACTOR_COLUMNS = (
    "mention_id", "side", "position", "text", "country", "sector", "entity", "role",
    "span_start", "span_end",
)  # fmt: skip
POLL_COLUMNS = (
    "doc_id", "idx", "population", "subject", "measure", "value", "change", "pollster", "year",
    "date", "ev_start", "ev_end", "rule",
)  # fmt: skip

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """The rows one ``DocumentResult`` adds to each table."""

    doc_id: str
    documents: list[Row]
    posts: list[Row]
    sentences: list[Row]
    mentions: list[Row]
    mention_actors: list[Row]
    polls: list[Row]

    # (table, its columns, the field holding its rows), in insertion order.
    TABLES: ClassVar[tuple[tuple[str, tuple[str, ...], str], ...]] = (
        ("documents", DOCUMENT_COLUMNS, "documents"),
        ("posts", POST_COLUMNS, "posts"),
        ("sentences", SENTENCE_COLUMNS, "sentences"),
        ("mentions", MENTION_COLUMNS, "mentions"),
        ("mention_actors", ACTOR_COLUMNS, "mention_actors"),
        ("polls", POLL_COLUMNS, "polls"),
    )


def _iso(value: FuzzyDate | None) -> str | None:
    return value.iso() if value is not None else None


def _precision(value: FuzzyDate | None) -> str | None:
    return value.precision if value is not None else None


def actor_json(actor: ActorRef | None) -> str | None:
    """JSON text of an ``ActorRef`` (for ``reported_by``); ``None`` stays ``None``."""
    if actor is None:
        return None
    return json.dumps(asdict(actor), ensure_ascii=False)


def to_json(value: object) -> str:
    """JSON text for free-form values (run inputs, settings, stats); unknown types as strings."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def document_row(result: DocumentResult, run_id: int | None) -> Row:
    doc = result.document
    published = doc.published
    return (
        doc.id,
        doc.source,
        doc.title,
        doc.url,
        doc.publisher,
        _iso(published),
        published.first_day() if published else None,
        published.last_day() if published else None,
        _precision(published),
        doc.published_source,
        doc.genre,
        doc.language,
        doc.input_format,
        doc.text,
        len(doc.text),
        utcnow(),
        run_id,
        list(result.issues),
        result.tone,
    )


def post_row(doc_id: str, post: Post) -> Row:
    return (
        doc_id,
        post.index,
        post.kind,
        post.start,
        post.end,
        post.author,
        _iso(post.posted),
        _precision(post.posted),
        post.posted_source,
        post.votes_up,
        post.votes_down,
        post.votes_net,
    )


def sentence_row(sentence: Sentence) -> Row:
    return (
        sentence.doc_id,
        sentence.index,
        sentence.post_index,
        sentence.start,
        sentence.end,
        sentence.text,
        sentence.is_heading,
        list(sentence.issues),
        sentence.tone,
    )


def mention_row(mention: EventMention, run_id: int | None) -> Row:
    date = mention.date
    # The event's day range runs from the first day of ``date`` to the last day of ``date_end``
    # (or of ``date`` when there is no end); date filters test overlap with this range.
    first = date.first_day() if date else None
    last = None
    if date is not None:
        last = date.last_day()
        if mention.date_end is not None:
            last = max(last, mention.date_end.last_day())
    return (
        mention.id,
        mention.doc_id,
        mention.post_index,
        mention.sentence,
        mention.sentence_start,
        mention.event_type,
        mention.mode,
        mention.context,
        _iso(date),
        first,
        last,
        _precision(date),
        _iso(mention.date_end),
        mention.date_source,
        mention.negated,
        mention.hypothetical,
        mention.modality,
        actor_json(mention.reported_by),
        list(mention.issues),
        mention.cameo_root,
        mention.quad_class,
        mention.goldstein,
        mention.plover_score,
        mention.confidence,
        mention.evidence.start,
        mention.evidence.end,
        mention.evidence.rule,
        run_id,
        mention.action_type,
        mention.tone,
    )


def actor_rows(mention: EventMention) -> list[Row]:
    rows: list[Row] = []
    for side, refs in (("actor", mention.actors), ("recipient", mention.recipients)):
        for position, ref in enumerate(refs):
            rows.append(
                (
                    mention.id,
                    side,
                    position,
                    ref.text,
                    ref.country,
                    ref.sector,
                    ref.entity,
                    ref.role,
                    ref.start,
                    ref.end,
                )
            )
    return rows


def poll_row(poll: PollFigure, index: int) -> Row:
    return (
        poll.doc_id,
        index,
        poll.population,
        poll.subject,
        poll.measure,
        poll.value,
        poll.change,
        "; ".join(poll.pollster) or None,
        poll.year,
        _iso(poll.date),
        poll.evidence.start,
        poll.evidence.end,
        poll.evidence.rule,
    )


def _check(result: DocumentResult) -> None:
    """Raise ``StoreError`` when the parts of a result do not belong together."""
    doc_id = result.document.id
    where = f"document {doc_id} ({result.document.source})"
    if not doc_id:
        raise StoreError(f"{where}: empty document id; the reader must set Document.id")
    strays = {s.doc_id for s in result.sentences} | {m.doc_id for m in result.mentions}
    strays |= {p.doc_id for p in result.polls}
    strays.discard(doc_id)
    if strays:
        raise StoreError(
            f"{where}: sentences, mentions or polls carry other document ids "
            f"({', '.join(sorted(strays)[:3])}); a DocumentResult must hold one document"
        )
    seen: set[str] = set()
    for mention in result.mentions:
        if mention.event_type not in PLOVER_TYPES:
            raise StoreError(
                f"{where}: mention {mention.id} has event type {mention.event_type!r}, "
                f"which is not a PLOVER type ({', '.join(PLOVER_TYPES)})"
            )
        if mention.id in seen:
            raise StoreError(
                f"{where}: two mentions share the id {mention.id} (same evidence span and "
                "event type); merge them before storing"
            )
        seen.add(mention.id)


def document_rows(result: DocumentResult, run_id: int | None = None) -> DocumentRows:
    """Check ``result`` and build the rows of every table for it."""
    _check(result)
    doc = result.document
    actors: list[Row] = []
    for mention in result.mentions:
        actors.extend(actor_rows(mention))
    return DocumentRows(
        doc_id=doc.id,
        documents=[document_row(result, run_id)],
        posts=[post_row(doc.id, post) for post in doc.posts],
        sentences=[sentence_row(s) for s in result.sentences],
        mentions=[mention_row(m, run_id) for m in result.mentions],
        mention_actors=actors,
        polls=[poll_row(p, i) for i, p in enumerate(result.polls)],
    )


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """SQL types of ``table``'s columns, read once from DuckDB's catalogue and cached (every
    database is migrated to the same schema when it is opened)."""
    types = _COLUMN_TYPES.get(table)
    if types is None:
        rows = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE database_name = current_database() AND schema_name = 'main' "
            "AND table_name = ?",
            [table],
        ).fetchall()
        types = _COLUMN_TYPES[table] = dict(rows)
    return types


_COLUMN_TYPES: dict[str, dict[str, str]] = {}


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Row]
) -> None:
    """Insert ``rows`` into ``table``, ``CHUNK_ROWS`` rows a statement.

    Each column travels as one list parameter and ``unnest`` turns the lists back into rows:
    the SQL text depends only on the table (names and types from this module and the
    catalogue, never from user input) and the cost hardly grows with the number of rows.
    """
    if not rows:
        return
    types = column_types(con, table)
    select = ", ".join(f"unnest(?::{types[column]}[])" for column in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}"
    for begin in range(0, len(rows), CHUNK_ROWS):
        chunk = rows[begin : begin + CHUNK_ROWS]
        con.execute(sql, [list(values) for values in zip(*chunk, strict=True)])


def _insert_document_rows(con: duckdb.DuckDBPyConnection, batch: Sequence[DocumentRows]) -> None:
    """Insert the rows of ``batch`` (documents already known to be new), one statement a table."""
    for table, columns, field in DocumentRows.TABLES:
        rows = [row for doc in batch for row in getattr(doc, field)]
        insert_rows(con, table, columns, rows)


def write_document(con: duckdb.DuckDBPyConnection, rows: DocumentRows) -> bool:
    """Write one document's rows in one transaction; ``False`` if its id is already stored.

    On any error the transaction is rolled back and a ``StoreError`` is raised, so the database
    holds either the whole document or nothing of it.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        if con.execute("SELECT 1 FROM documents WHERE id = ?", [rows.doc_id]).fetchone():
            con.execute("ROLLBACK")
            return False
        _insert_document_rows(con, [rows])
        con.execute("COMMIT")
    except Exception as exc:
        _rollback(con)
        raise StoreError(
            f"could not store document {rows.doc_id}; nothing of it was written "
            f"({type(exc).__name__}: {exc})"
        ) from exc
    except BaseException:
        # KeyboardInterrupt and the like: undo the partial document, then let it through.
        _rollback(con)
        raise
    return True


def write_batch(con: duckdb.DuckDBPyConnection, batch: Sequence[DocumentRows]) -> list[bool]:
    """Write many documents in one transaction (all or nothing); ``True`` for each one stored.

    Documents already in the database, or repeated within ``batch``, are skipped (``False``).
    """
    if not batch:
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        ids = [rows.doc_id for rows in batch]
        known = {
            row[0]
            for row in con.execute(
                "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            ).fetchall()
        }
        flags: list[bool] = []
        new: list[DocumentRows] = []
        for rows in batch:
            fresh = rows.doc_id not in known
            flags.append(fresh)
            if fresh:
                known.add(rows.doc_id)
                new.append(rows)
        _insert_document_rows(con, new)
        con.execute("COMMIT")
    except Exception as exc:
        _rollback(con)
        raise StoreError(
            f"could not store a batch of {len(batch)} documents (first {batch[0].doc_id}); "
            f"nothing of the batch was written ({type(exc).__name__}: {exc})"
        ) from exc
    except BaseException:
        _rollback(con)
        raise
    return flags


def delete_documents(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> None:
    """Remove the documents and everything extracted from them (not the derived tables, which
    ``dyadwatch analyze`` rebuilds), so that they can be extracted and written again."""
    if not doc_ids:
        return
    ids = list(doc_ids)
    con.execute(
        "DELETE FROM mention_actors WHERE mention_id IN "
        "(SELECT id FROM mentions WHERE list_contains(?, doc_id))", [ids])
    for table in ("mentions", "polls", "sentences", "posts"):
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, doc_id)", [ids])
    con.execute("DELETE FROM documents WHERE list_contains(?, id)", [ids])


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    # No transaction may be open (the failure came before BEGIN or DuckDB already aborted it).
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def start_run(
    con: duckdb.DuckDBPyConnection, inputs: Sequence[str], settings: Mapping[str, object] | None
) -> int:
    row = con.execute(
        "INSERT INTO runs (started_at, inputs, settings, status) VALUES (?, ?, ?, 'running') "
        "RETURNING id",
        [utcnow(), to_json([str(i) for i in inputs]), to_json(dict(settings or {}))],
    ).fetchone()
    assert row is not None
    return int(row[0])


def finish_run(
    con: duckdb.DuckDBPyConnection, run_id: int, stats: Mapping[str, int], status: str
) -> None:
    if not status:
        raise StoreError("finish_run needs a status such as 'complete', 'failed' or 'interrupted'")
    updated = con.execute(
        "UPDATE runs SET finished_at = ?, stats = ?, status = ? WHERE id = ? RETURNING id",
        [utcnow(), to_json(dict(stats)), status, run_id],
    ).fetchall()
    if not updated:
        raise StoreError(f"no run with id {run_id}; use the id that start_run returned")


def log_skip(con: duckdb.DuckDBPyConnection, skipped: SkippedInput, run_id: int | None) -> None:
    con.execute(
        "INSERT INTO ingest_log (run_id, logged_at, source, reason, detail) VALUES (?, ?, ?, ?, ?)",
        [run_id, utcnow(), skipped.source, skipped.reason, skipped.detail],
    )
