"""DuckDB schema, migrations and opening a database file.

The schema is a list of numbered migrations. A new database gets every migration in order; an
existing one gets only those above the version recorded in ``schema_version``. To change the
schema, append a migration (``ALTER TABLE … ADD COLUMN …``); never edit one that has shipped.

Column names avoid DuckDB's reserved words: character spans are ``span_start``/``span_end``
(evidence spans ``ev_start``/``ev_end``) and the ingest log time is ``logged_at``.
Times are stored as UTC ``TIMESTAMP`` values without a zone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import StoreError

MEMORY = ":memory:"

# Settings applied to every connection. Replacement scans (reading a pandas variable by its name
# inside SQL) are switched off: the store never relies on them and they slow down every insert.
CONNECTION_CONFIG: dict[str, str | bool | int] = {"python_enable_replacements": False}


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """
    CREATE SEQUENCE IF NOT EXISTS runs_id_seq START 1
    """,
    """
    CREATE TABLE IF NOT EXISTS runs (
        id BIGINT PRIMARY KEY DEFAULT nextval('runs_id_seq'),
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP,
        inputs JSON,
        settings JSON,
        status VARCHAR NOT NULL,
        stats JSON
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        title VARCHAR,
        url VARCHAR,
        publisher VARCHAR,
        published VARCHAR,
        published_first DATE,
        published_last DATE,
        published_precision VARCHAR,
        published_source VARCHAR NOT NULL,
        genre VARCHAR NOT NULL,
        language VARCHAR NOT NULL,
        input_format VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        n_chars INTEGER NOT NULL,
        added_at TIMESTAMP NOT NULL,
        run_id BIGINT
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS posts (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        author VARCHAR,
        posted VARCHAR,
        posted_precision VARCHAR,
        posted_source VARCHAR,
        votes_up INTEGER,
        votes_down INTEGER,
        votes_net INTEGER,
        PRIMARY KEY (doc_id, idx)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        post_idx INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        is_heading BOOLEAN NOT NULL,
        PRIMARY KEY (doc_id, idx)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS mentions (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        post_idx INTEGER NOT NULL,
        sentence VARCHAR NOT NULL,
        sentence_start INTEGER NOT NULL,
        event_type VARCHAR NOT NULL,
        mode VARCHAR,
        context VARCHAR,
        date VARCHAR,
        date_first DATE,
        date_last DATE,
        date_precision VARCHAR,
        date_end VARCHAR,
        date_source VARCHAR,
        negated BOOLEAN NOT NULL,
        hypothetical BOOLEAN NOT NULL,
        modality VARCHAR,
        reported_by JSON,
        issues VARCHAR[] NOT NULL,
        cameo_root VARCHAR,
        quad_class INTEGER,
        goldstein DOUBLE,
        plover_score DOUBLE,
        confidence DOUBLE NOT NULL,
        ev_start INTEGER NOT NULL,
        ev_end INTEGER NOT NULL,
        rule VARCHAR NOT NULL,
        run_id BIGINT
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS mention_actors (
        mention_id VARCHAR NOT NULL,
        side VARCHAR NOT NULL CHECK (side IN ('actor', 'recipient')),
        position INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        entity VARCHAR,
        role VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        PRIMARY KEY (mention_id, side, position)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS polls (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        population VARCHAR,
        subject VARCHAR,
        measure VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        change DOUBLE,
        pollster VARCHAR,
        year INTEGER,
        date VARCHAR,
        ev_start INTEGER NOT NULL,
        ev_end INTEGER NOT NULL,
        rule VARCHAR NOT NULL,
        PRIMARY KEY (doc_id, idx)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS ingest_log (
        run_id BIGINT,
        logged_at TIMESTAMP NOT NULL,
        source VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        detail VARCHAR NOT NULL
    )
    """,
    "CREATE INDEX IF NOT EXISTS mentions_doc_idx ON mentions (doc_id)",
    "CREATE INDEX IF NOT EXISTS mention_actors_mention_idx ON mention_actors (mention_id)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: documents, posts, sentences, mentions, polls, logs", _V1),
    Migration(2, "mentions.action_type: the literal action under PLOVER's modality rules",
              ("ALTER TABLE mentions ADD COLUMN IF NOT EXISTS action_type VARCHAR",)),
    Migration(3, "issues and tone on documents, sentences and mentions", (
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS issues VARCHAR[]",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS tone DOUBLE",
        "ALTER TABLE sentences ADD COLUMN IF NOT EXISTS issues VARCHAR[]",
        "ALTER TABLE sentences ADD COLUMN IF NOT EXISTS tone DOUBLE",
        "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS tone DOUBLE",
    )),
    Migration(4, "gdelt_events: GDELT 1.0/2.0 event rows imported as a separate source", (
        """
        CREATE TABLE IF NOT EXISTS gdelt_events (
            global_event_id BIGINT NOT NULL,
            gdelt_version INTEGER NOT NULL,
            day DATE,
            actor1_code VARCHAR,
            actor1_name VARCHAR,
            actor1_country VARCHAR,
            actor1_type VARCHAR,
            actor2_code VARCHAR,
            actor2_name VARCHAR,
            actor2_country VARCHAR,
            actor2_type VARCHAR,
            is_root_event BOOLEAN,
            event_code VARCHAR,
            event_base_code VARCHAR,
            event_root_code VARCHAR,
            plover_type VARCHAR,
            plover_mode VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            num_mentions INTEGER,
            num_sources INTEGER,
            num_articles INTEGER,
            avg_tone DOUBLE,
            action_geo_country VARCHAR,
            action_geo_name VARCHAR,
            date_added VARCHAR,
            source_url VARCHAR,
            source_file VARCHAR NOT NULL,
            run_id BIGINT,
            imported_at TIMESTAMP NOT NULL,
            PRIMARY KEY (global_event_id, gdelt_version)
        )
        """,
    )),
    Migration(5, "merged events, their mentions, near-duplicate documents and alerts", (
        """
        CREATE TABLE IF NOT EXISTS events (
            id VARCHAR PRIMARY KEY,
            event_type VARCHAR NOT NULL,
            mode VARCHAR,
            date VARCHAR,
            date_first DATE,
            date_last DATE,
            date_precision VARCHAR,
            actor_countries VARCHAR[] NOT NULL,
            recipient_countries VARCHAR[] NOT NULL,
            actor_label VARCHAR,
            recipient_label VARCHAR,
            direction VARCHAR NOT NULL,
            issues VARCHAR[] NOT NULL,
            negated BOOLEAN NOT NULL,
            hypothetical BOOLEAN NOT NULL,
            cameo_root VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            plover_score DOUBLE,
            tone DOUBLE,
            confidence DOUBLE NOT NULL,
            n_mentions INTEGER NOT NULL,
            n_documents INTEGER NOT NULL,
            n_sources INTEGER NOT NULL,
            weight DOUBLE NOT NULL,
            quote VARCHAR NOT NULL,
            quote_mention_id VARCHAR NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS event_mentions (
            event_id VARCHAR NOT NULL,
            mention_id VARCHAR NOT NULL,
            PRIMARY KEY (event_id, mention_id)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS document_duplicates (
            doc_id VARCHAR PRIMARY KEY,
            duplicate_of VARCHAR NOT NULL,
            similarity DOUBLE NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS alerts (
            id VARCHAR PRIMARY KEY,
            freq VARCHAR NOT NULL,
            period_start DATE NOT NULL,
            direction VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            value DOUBLE NOT NULL,
            baseline DOUBLE NOT NULL,
            threshold DOUBLE NOT NULL,
            n_events INTEGER NOT NULL,
            message VARCHAR NOT NULL,
            event_ids VARCHAR[] NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS event_mentions_mention_idx ON event_mentions (mention_id)",
    )),
    Migration(6, "analysis_runs: when events, duplicates and alerts were last rebuilt", (
        """
        CREATE TABLE IF NOT EXISTS analysis_runs (
            refreshed_at TIMESTAMP NOT NULL,
            dyad VARCHAR NOT NULL,
            documents INTEGER NOT NULL,
            duplicates INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            events INTEGER NOT NULL,
            alerts INTEGER NOT NULL,
            seconds DOUBLE NOT NULL,
            settings JSON NOT NULL
        )
        """,
    )),
)

LATEST_VERSION = MIGRATIONS[-1].version

TABLES: tuple[str, ...] = (
    "runs",
    "documents",
    "posts",
    "sentences",
    "mentions",
    "mention_actors",
    "polls",
    "ingest_log",
    "gdelt_events",
    "events",
    "event_mentions",
    "document_duplicates",
    "alerts",
    "analysis_runs",
)

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""


def utcnow() -> dt.datetime:
    """The current UTC time without a zone, as stored in ``TIMESTAMP`` columns."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def connect(path: str | Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open ``path`` (or ``":memory:"``); DuckDB's errors become actionable ``StoreError``s."""
    target = str(path)
    if target != MEMORY:
        file = Path(target)
        if read_only and not file.exists():
            raise StoreError(
                f"database {file} does not exist; run `dyadwatch run … --db {file}` first "
                "or check the path"
            )
        if not file.parent.exists():
            raise StoreError(
                f"cannot create database {file}: folder {file.parent} does not exist; "
                "create it or choose another --db path"
            )
        if file.is_dir():
            raise StoreError(f"{file} is a folder, not a database file; give a file path")
    try:
        return duckdb.connect(target, read_only=read_only, config=dict(CONNECTION_CONFIG))
    except duckdb.Error as exc:
        raise _open_error(target, exc) from exc


def _open_error(target: str, exc: duckdb.Error) -> StoreError:
    message = str(exc)
    if "not a valid DuckDB database" in message:
        return StoreError(
            f"{target} exists but is not a DuckDB database; give another --db path "
            "or move that file away"
        )
    if "lock" in message.lower():
        return StoreError(
            f"{target} is in use by another process ({message}); wait for that process to "
            "finish or close it, or work on a copy of the file"
        )
    if "different configuration" in message:
        return StoreError(
            f"{target} is already open in this process with other settings (read-only or "
            "not); close the other Store first"
        )
    return StoreError(f"cannot open database {target}: {message}")


def _user_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main'"
    ).fetchall()
    return {row[0] for row in rows}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """Schema version recorded in the database; 0 for an empty database."""
    if "schema_version" not in _user_tables(con):
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, target: str, read_only: bool) -> int:
    """Bring the schema up to ``LATEST_VERSION``; returns the version in use.

    A read-only database is checked, not changed: it must already be at the latest version.
    """
    try:
        tables = _user_tables(con)
        if tables and "schema_version" not in tables:
            raise StoreError(
                f"{target} is a DuckDB database but not a dyadwatch store (it has tables "
                f"{', '.join(sorted(tables)[:5])} and no schema_version); give another --db path"
            )
        version = current_version(con)
        if version > LATEST_VERSION:
            raise StoreError(
                f"{target} has schema version {version} but this dyadwatch knows only up to "
                f"{LATEST_VERSION}; upgrade dyadwatch to read it"
            )
        if version == LATEST_VERSION:
            return version
        if read_only:
            if version == 0:
                raise StoreError(
                    f"{target} is an empty database; open it without read_only (or run "
                    "`dyadwatch run`) to create the tables"
                )
            raise StoreError(
                f"{target} has schema version {version} and needs migrating to "
                f"{LATEST_VERSION}; run `dyadwatch analyze --db {target}` once to upgrade it "
                "(or open it with Store(path) in Python)"
            )
        con.execute(_VERSION_TABLE)
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue
            con.execute("BEGIN TRANSACTION")
            try:
                for statement in migration.statements:
                    con.execute(statement)
                con.execute(
                    "INSERT INTO schema_version (version, description, applied_at) "
                    "VALUES (?, ?, ?)",
                    [migration.version, migration.description, utcnow()],
                )
                con.execute("COMMIT")
            except duckdb.Error:
                con.execute("ROLLBACK")
                raise
            version = migration.version
        return version
    except duckdb.Error as exc:
        raise StoreError(f"cannot set up the tables of {target}: {exc}") from exc
