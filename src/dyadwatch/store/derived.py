"""The derived tables (events, event_mentions, document_duplicates, alerts, analysis_runs):
rebuilding them in one transaction, and the queries the API, the report and the index make.

The analysis layer (``dyadwatch.analyze``) computes; this module only turns its rows into SQL.
A rebuild replaces the four tables whole inside one transaction, so a reader sees either the
old analysis or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import duckdb

from ..errors import QueryError, StoreError
from .queries import RecordFilter
from .schema import utcnow
from .writer import Row, insert_rows

EVENT_COLUMNS = (
    "id", "event_type", "mode", "date", "date_first", "date_last", "date_precision",
    "actor_countries", "recipient_countries", "actor_label", "recipient_label", "direction",
    "issues", "negated", "hypothetical", "cameo_root", "quad_class", "goldstein", "plover_score",
    "tone", "confidence", "n_mentions", "n_documents", "n_sources", "weight", "quote",
    "quote_mention_id",
)  # fmt: skip
EVENT_MENTION_COLUMNS = ("event_id", "mention_id")
DUPLICATE_COLUMNS = ("doc_id", "duplicate_of", "similarity")
ALERT_COLUMNS = (
    "id", "freq", "period_start", "direction", "kind", "value", "baseline", "threshold",
    "n_events", "message", "event_ids",
)  # fmt: skip
DERIVED_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("document_duplicates", DUPLICATE_COLUMNS),
    ("events", EVENT_COLUMNS),
    ("event_mentions", EVENT_MENTION_COLUMNS),
    ("alerts", ALERT_COLUMNS),
)
STORED_DIRECTIONS = ("A>B", "B>A", "A<>B", "other")
DYADIC = ("A>B", "B>A", "A<>B")

_ACTOR_FIELDS = (
    "{'text': a.text, 'country': a.country, 'sector': a.sector, 'entity': a.entity, "
    "'role': a.role, 'start': a.span_start, 'end': a.span_end}"
)

# A mention recoded by PLOVER's modality rules ("said it would tighten export controls" is a
# THREATEN whose literal action is a planned SANCTION) is a real event of its recoded type: only
# the literal action is hypothetical, so the merged event is not.
MENTION_FACTS_SQL = f"""
SELECT m.id, m.doc_id, m.event_type, m.mode, m.date, m.date_first, m.date_last,
    m.date_precision, m.negated, (m.hypothetical AND m.action_type IS NULL) AS hypothetical,
    m.issues, m.cameo_root, m.quad_class,
    m.goldstein, m.plover_score, m.tone, m.confidence, m.sentence,
    m.ev_start - m.sentence_start AS ev_start, m.ev_end - m.sentence_start AS ev_end,
    (SELECT list({_ACTOR_FIELDS} ORDER BY a.position) FROM mention_actors a
     WHERE a.mention_id = m.id AND a.side = 'actor') AS actor_list,
    (SELECT list({_ACTOR_FIELDS} ORDER BY a.position) FROM mention_actors a
     WHERE a.mention_id = m.id AND a.side = 'recipient') AS recipient_list
FROM mentions m
ORDER BY m.id
"""

DOCUMENT_TEXT_SQL = """
SELECT id, text, published_first, publisher, url, source,
    row_number() OVER (ORDER BY added_at, id) - 1 AS position
FROM documents
ORDER BY added_at, id
"""

EVENT_FRAME_SQL = """
SELECT id, event_type, date, date_first, date_last, date_precision, direction, negated,
    hypothetical, issues, quad_class, goldstein, plover_score, tone, weight, n_mentions,
    n_sources
FROM events
ORDER BY date_first NULLS LAST, id
"""

# The tone of every mention of a merged event with the genre of the text it stands in: forum
# posts and readers' comments are genres of their own, whatever page they sit on.
EVENT_MENTION_TONE_SQL = """
SELECT em.event_id, m.doc_id, m.sentence_start, m.tone,
    CASE WHEN p.kind = 'comment' THEN 'comment'
         WHEN p.kind = 'post' THEN 'forum'
         ELSE coalesce(d.genre, 'unknown') END AS genre
FROM event_mentions em
JOIN mentions m ON m.id = em.mention_id
JOIN documents d ON d.id = m.doc_id
LEFT JOIN posts p ON p.doc_id = m.doc_id AND p.idx = m.post_idx
WHERE m.tone IS NOT NULL
ORDER BY em.event_id, m.doc_id, m.sentence_start
"""

# GDELT rows as events: one row is one event, dated to the day; its sources damp its weight.
GDELT_FRAME_SQL = """
SELECT CAST(global_event_id AS VARCHAR) || '/' || gdelt_version AS id,
    plover_type AS event_type, strftime(day, '%Y-%m-%d') AS date, day AS date_first,
    day AS date_last, 'day' AS date_precision,
    CASE WHEN actor1_country = ? AND actor2_country = ? THEN 'A>B'
         WHEN actor1_country = ? AND actor2_country = ? THEN 'B>A'
         ELSE 'other' END AS direction,
    false AS negated, false AS hypothetical, []::VARCHAR[] AS issues, quad_class, goldstein,
    CAST(NULL AS DOUBLE) AS plover_score, avg_tone AS gdelt_avg_tone, num_mentions AS n_mentions,
    greatest(coalesce(num_sources, 1), 1) AS n_sources
FROM gdelt_events
WHERE day IS NOT NULL AND actor1_country IN (?, ?) AND actor2_country IN (?, ?)
    AND actor1_country <> actor2_country
ORDER BY day, global_event_id
"""

EVENT_LIST_SQL = """
SELECT e.*, m.doc_id AS doc_id, d.title AS doc_title, d.source AS doc_source
FROM events e
JOIN mentions m ON m.id = e.quote_mention_id
JOIN documents d ON d.id = m.doc_id
{where}
ORDER BY e.date_first ASC NULLS LAST, e.date_last ASC NULLS LAST, e.id
LIMIT ? OFFSET ?
"""

EVENT_MENTIONS_SQL = """
SELECT m.id, m.doc_id, m.sentence, m.sentence_start, m.ev_start, m.ev_end, m.rule,
    m.confidence, m.event_type, m.date, m.date_precision, m.date_source, m.negated,
    m.hypothetical, m.modality, m.reported_by, m.issues, m.goldstein, m.tone,
    d.title, d.source, d.url, d.publisher, d.published, d.genre,
    dd.duplicate_of, dd.similarity
FROM event_mentions em
JOIN mentions m ON m.id = em.mention_id
JOIN documents d ON d.id = m.doc_id
LEFT JOIN document_duplicates dd ON dd.doc_id = m.doc_id
WHERE em.event_id = ?
ORDER BY (m.id = ?) DESC, d.published_first NULLS LAST, m.doc_id, m.ev_start, m.id
"""

EVENT_ACTORS_SQL = """
SELECT a.side, a.text, a.country, a.sector, a.entity, a.role, count(*) AS mentions
FROM event_mentions em JOIN mention_actors a ON a.mention_id = em.mention_id
WHERE em.event_id = ?
GROUP BY ALL
ORDER BY a.side, count(*) DESC, a.text
"""


@dataclass(frozen=True, slots=True)
class EventFilter(RecordFilter):
    """Validated filters over ``events``; build with ``EventFilter.from_args``.

    The dates, type, actor, issue and paging are checked as for mentions (``RecordFilter``).
    ``directions`` are stored codes (``A>B``, ``B>A``, ``A<>B``, ``other``): translating a
    dyad's ``JPN>KOR`` into them is the caller's work. ``period`` (first, last, precisions)
    keeps exactly the events an index point counts: dated with one of ``precisions`` and
    starting inside ``first``…``last``.
    """

    directions: tuple[str, ...] = ()
    period: tuple[dt.date, dt.date, tuple[str, ...]] | None = None

    @classmethod
    def from_args(
        cls,
        *,
        directions: Sequence[str] = (),
        period: tuple[dt.date, dt.date, tuple[str, ...]] | None = None,
        **common: Any,
    ) -> EventFilter:
        """``directions`` and ``period`` as above; ``common``: the keywords of
        ``RecordFilter.from_args`` (since, until, event_type, actor, issue,
        include_hypothetical, limit, offset), checked the same way."""
        bad = [d for d in directions if d not in STORED_DIRECTIONS]
        if bad:
            raise QueryError(f"unknown direction code {bad[0]!r}")
        checked = super(EventFilter, cls).from_args(**common)
        return replace(checked, directions=tuple(directions), period=period)

    def where(self) -> tuple[str, list[Any]]:
        """The ``WHERE`` clause (or ``""``) over alias ``e`` and its parameters."""
        clauses, params = self.clauses("e")
        if self.directions:
            clauses.append(f"e.direction IN ({', '.join('?' for _ in self.directions)})")
            params.extend(self.directions)
        if self.period is not None:
            first, last, precisions = self.period
            clauses.append(
                "e.date_first BETWEEN ? AND ? AND e.date_precision IN "
                f"({', '.join('?' for _ in precisions)})"
            )
            params.extend([first, last, *precisions])
        if self.actor is not None:
            clauses.append(
                "(list_contains(e.actor_countries, upper(?)) "
                "OR list_contains(e.recipient_countries, upper(?)) "
                "OR EXISTS (SELECT 1 FROM event_mentions em JOIN mention_actors x "
                "ON x.mention_id = em.mention_id WHERE em.event_id = e.id "
                "AND (contains(lower(x.entity), lower(?)) OR contains(lower(x.text), lower(?)))))"
            )
            params.extend([self.actor] * 4)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def replace_analysis(
    con: duckdb.DuckDBPyConnection,
    rows: Mapping[str, Sequence[Row]],
    run: Mapping[str, Any],
) -> None:
    """Replace every derived table by ``rows`` (table name → rows in that table's column order)
    and record the rebuild in ``analysis_runs``, all in one transaction."""
    unknown = set(rows) - {table for table, _ in DERIVED_TABLES}
    if unknown:
        raise StoreError(f"not a derived table: {', '.join(sorted(unknown))}")
    try:
        con.execute("BEGIN TRANSACTION")
        for table, _ in reversed(DERIVED_TABLES):
            con.execute(f"DELETE FROM {table}")
        for table, columns in DERIVED_TABLES:
            insert_rows(con, table, columns, rows.get(table, ()))
        con.execute(
            "INSERT INTO analysis_runs (refreshed_at, dyad, documents, duplicates, mentions, "
            "events, alerts, seconds, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                utcnow(),
                run["dyad"],
                run["documents"],
                run["duplicates"],
                run["mentions"],
                run["events"],
                run["alerts"],
                run["seconds"],
                json.dumps(run.get("settings", {}), default=str),
            ],
        )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        # The transaction may be gone already; the error raised below says what failed.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise StoreError(f"could not rebuild the events and alerts: {exc}") from exc
