"""Tests for dyadwatch.store: round trips, idempotency, filters, errors and crash safety."""

from __future__ import annotations

import calendar
import itertools
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.errors import QueryError, StoreError
from dyadwatch.models import (
    PLOVER_TYPES,
    ActorRef,
    Document,
    DocumentResult,
    EventMention,
    Evidence,
    FuzzyDate,
    PollFigure,
    Post,
    Sentence,
    SkippedInput,
)
from dyadwatch.store import LATEST_VERSION, Store, writer
from dyadwatch.store.queries import shorten_quote

JAPAN = ActorRef("Japan", country="JPN", sector="GOV", entity="Japan", start=0, end=5)
KOREA = ActorRef("South Korea", country="KOR", sector="GOV", entity="South Korea")
KISHIDA = ActorRef(
    "Prime Minister Kishida",
    country="JPN",
    sector="GOV",
    entity="Fumio Kishida",
    role="prime_minister",
    start=10,
    end=32,
)
SEOUL_PROTESTERS = ActorRef("protesters in Seoul", country="KOR", sector="CVL")


# --- builders -----------------------------------------------------------------------------------


def make_doc(doc_id: str = "doc1", text: str | None = None, **fields: object) -> Document:
    body = text if text is not None else f"Text of {doc_id}. Japan protested to South Korea."
    return Document(id=doc_id, text=body, source=f"{doc_id}.txt", **fields)  # type: ignore[arg-type]


def make_mention(
    doc_id: str = "doc1", start: int = 0, event_type: str = "PROTEST", **fields: object
) -> EventMention:
    base: dict[str, object] = {
        "doc_id": doc_id,
        "sentence": "Japan protested to South Korea.",
        "sentence_start": start,
        "event_type": event_type,
        "actors": (JAPAN,),
        "recipients": (KOREA,),
        "evidence": Evidence(start + 6, start + 15, "protest-v1"),
    }
    base.update(fields)
    return EventMention(**base)  # type: ignore[arg-type]


def make_result(doc_id: str = "doc1", mentions: tuple[EventMention, ...] = (), **kw: object):
    doc = make_doc(doc_id)
    sentences = (
        Sentence(doc_id, 0, 0, 10, doc.text[:10]),
        Sentence(doc_id, 1, 11, len(doc.text), doc.text[11:], is_heading=True),
    )
    return DocumentResult(document=doc, sentences=sentences, mentions=mentions, **kw)  # type: ignore[arg-type]


@pytest.fixture
def store():
    with Store(":memory:") as db:
        yield db


# --- round trips --------------------------------------------------------------------------------


def test_document_round_trip_with_posts(store: Store) -> None:
    posts = (
        Post(
            0,
            0,
            20,
            kind="post",
            author="kimchi_fan",
            posted=FuzzyDate(2019, 8, 2),
            posted_source="post-header",
            votes_up=12,
            votes_down=3,
            votes_net=9,
        ),
        Post(1, 21, 40, kind="comment", posted=FuzzyDate(2019, 8)),
        Post(2, 41, 60, kind="comment", author="익명", posted=FuzzyDate(2019)),
    )
    doc = make_doc(
        "thread-1",
        text="x" * 60,
        title="Boycott thread",
        url="https://example.org/t/1",
        publisher="Forum",
        published=FuzzyDate(2019, 8, 2),
        published_source="post-stamp",
        genre="forum",
        language="en",
        posts=posts,
        input_format="html",
    )
    bare = make_doc("bare")
    assert store.write_result(DocumentResult(doc))
    assert store.write_result(DocumentResult(bare))
    assert list(store.iter_documents()) == [doc, bare]
    frame = store.posts("thread-1")
    assert list(frame["idx"]) == [0, 1, 2]
    assert list(frame["posted_precision"]) == ["day", "month", "year"]
    assert len(store.posts()) == 3


def test_mention_round_trip(store: Store) -> None:
    full = make_mention(
        start=0,
        actors=(JAPAN, KISHIDA),
        recipients=(KOREA, SEOUL_PROTESTERS),
        mode="verbal",
        context="trade",
        date=FuzzyDate(2019, 8, 2),
        date_end=FuzzyDate(2019, 9),
        date_source="sentence",
        negated=True,
        hypothetical=True,
        modality="planned",
        reported_by=ActorRef("Yonhap", country="KOR", sector="MED"),
        issues=("trade", "history"),
        cameo_root="11",
        quad_class=3,
        goldstein=-2.0,
        plover_score=-3.5,
        confidence=0.875,
        post_index=1,
    )
    month = make_mention(start=40, event_type="CONSULT", date=FuzzyDate(2019, 9), actors=())
    year = make_mention(start=80, event_type="AGREE", date=FuzzyDate(2018), recipients=())
    undated = make_mention(start=120, event_type="REJECT")
    assert store.write_result(make_result(mentions=(full, month, year, undated)))
    # date order, undated last
    assert list(store.iter_mentions()) == [year, full, month, undated]


# --- idempotency and batches ---------------------------------------------------------------------


def test_same_result_twice_stores_one_copy(store: Store) -> None:
    result = make_result(mentions=(make_mention(),))
    assert store.write_result(result) is True
    assert store.write_result(result) is False
    assert store.has_document("doc1") and not store.has_document("doc2")
    assert store.known_document_ids() == {"doc1"}
    counts = store.summary()
    assert (counts["documents"], counts["sentences"], counts["mentions"]) == (1, 2, 1)


def test_write_results_batch(store: Store) -> None:
    store.write_result(make_result("a"))
    batch = [make_result("a"), make_result("b", (make_mention("b"),)), make_result("b")]
    assert store.write_results(batch) == [False, True, False]
    assert store.known_document_ids() == {"a", "b"}
    assert len(store.mentions()) == 1
    assert store.write_results([]) == []


def test_inconsistent_results_are_refused(store: Store) -> None:
    stray = make_result(mentions=(make_mention("other"),))
    unknown = make_result(mentions=(make_mention(event_type="FIGHT"),))
    twice = make_result(mentions=(make_mention(), make_mention(mode="x")))
    for bad in (stray, unknown, twice):
        with pytest.raises(StoreError):
            store.write_result(bad)
    assert store.summary()["documents"] == 0


# --- crash safety -------------------------------------------------------------------------------


def test_failure_inside_a_write_leaves_nothing(store: Store, monkeypatch) -> None:
    real = writer.insert_rows

    def failing(con, table, columns, rows):
        if table == "mention_actors":
            raise RuntimeError("simulated crash")
        real(con, table, columns, rows)

    monkeypatch.setattr(writer, "insert_rows", failing)
    result = make_result(mentions=(make_mention(),), polls=())
    with pytest.raises(StoreError, match="nothing of it was written"):
        store.write_result(result)
    with pytest.raises(StoreError, match="nothing of the batch"):
        store.write_results([result, make_result("doc2", (make_mention("doc2"),))])
    summary = store.summary()
    assert (summary["documents"], summary["sentences"], summary["mentions"]) == (0, 0, 0)
    assert not store.has_document("doc1")
    monkeypatch.setattr(writer, "insert_rows", real)
    assert store.write_result(result)
    assert len(store.mentions()) == 1


CHILD = """
import sys
from dyadwatch.models import *
from dyadwatch.store import Store
store = Store(sys.argv[1])
for i in range(100000):
    doc = Document(id=f"d{i}", text="Japan protested to South Korea. " * 5, source=f"{i}.txt")
    sentences = tuple(Sentence(doc.id, j, 32 * j, 32 * j + 31, "Japan protested to South Korea.")
                      for j in range(5))
    mentions = tuple(EventMention(doc.id, s.text, s.start, "PROTEST", (ActorRef("Japan", "JPN"),),
                                  (ActorRef("South Korea", "KOR"),), Evidence(s.start + 6,
                                  s.start + 15, "r")) for s in sentences)
    store.write_result(DocumentResult(doc, sentences, mentions))
    print(i, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_writer_leaves_whole_documents(tmp_path: Path) -> None:
    path = tmp_path / "killed.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if int(line) >= 15:
                break
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    with Store(path) as db:
        stored = db.known_document_ids()
        assert len(stored) >= 16
        per_doc = db.query(
            "SELECT d.id, (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS n_s, "
            "(SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS n_m, "
            "(SELECT count(*) FROM mention_actors a JOIN mentions m ON a.mention_id = m.id "
            "WHERE m.doc_id = d.id) AS n_a FROM documents d"
        )
        assert set(per_doc["n_s"]) == {5} and set(per_doc["n_m"]) == {5}
        assert set(per_doc["n_a"]) == {10}
        assert db.summary()["mentions"] == 5 * len(stored)


# --- filters ------------------------------------------------------------------------------------


@pytest.fixture
def dated(store: Store) -> Store:
    mentions = (
        make_mention(start=0, date=FuzzyDate(2019, 8, 2), issues=("trade",)),
        make_mention(start=40, event_type="CONSULT", date=FuzzyDate(2019, 8)),
        make_mention(start=80, event_type="AGREE", date=FuzzyDate(2019), hypothetical=True),
        make_mention(
            start=120,
            event_type="SANCTION",
            date=FuzzyDate(2019, 7),
            date_end=FuzzyDate(2019, 9),
            actors=(KISHIDA,),
            recipients=(SEOUL_PROTESTERS,),
            issues=("trade", "history"),
        ),
        make_mention(start=160, event_type="REJECT", actors=(KOREA,), recipients=(JAPAN,)),
    )
    store.write_result(make_result(mentions=mentions))
    return store


def types(frame) -> list[str]:
    return sorted(frame["event_type"])


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2019-08-15", None, ["AGREE", "CONSULT", "SANCTION"]),
        ("2019-08", None, ["AGREE", "CONSULT", "PROTEST", "SANCTION"]),
        (None, "2019-07", ["AGREE", "SANCTION"]),
        (None, "2019-07-31", ["AGREE", "SANCTION"]),
        ("2019-08-02", "2019-08-02", ["AGREE", "CONSULT", "PROTEST", "SANCTION"]),
        ("2019-09-10", "2019-12", ["AGREE", "SANCTION"]),
        ("2019-10", None, ["AGREE"]),
        ("2020", None, []),
        (None, "2018", []),
        ("2019", "2019", ["AGREE", "CONSULT", "PROTEST", "SANCTION"]),
    ],
)
def test_date_filters_use_overlap(dated: Store, since, until, expected) -> None:
    assert types(dated.mentions(since=since, until=until)) == expected


def test_no_filter_keeps_undated_last(dated: Store) -> None:
    frame = dated.timeline()
    assert list(frame["event_type"]) == ["AGREE", "SANCTION", "CONSULT", "PROTEST", "REJECT"]
    assert pd.isna(frame["date"].iloc[-1])


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("JPN", ["AGREE", "CONSULT", "PROTEST", "REJECT", "SANCTION"]),
        ("jpn", ["AGREE", "CONSULT", "PROTEST", "REJECT", "SANCTION"]),
        ("Fumio Kishida", ["SANCTION"]),
        ("fumio kishida", ["SANCTION"]),
        ("Fumio", ["SANCTION"]),
        ("kishi", ["SANCTION"]),
        ("SEOUL", ["SANCTION"]),
        ("KOR", ["AGREE", "CONSULT", "PROTEST", "REJECT", "SANCTION"]),
        ("Pyongyang", []),
    ],
)
def test_actor_filter_matches_code_entity_or_text_on_either_side(dated, actor, expected) -> None:
    assert types(dated.mentions(actor=actor)) == expected


def test_other_filters(dated: Store) -> None:
    assert types(dated.mentions(event_type="consult")) == ["CONSULT"]
    assert types(dated.mentions(issue="trade")) == ["PROTEST", "SANCTION"]
    assert types(dated.mentions(issue="history")) == ["SANCTION"]
    assert "AGREE" not in types(dated.mentions(include_hypothetical=False))
    assert len(dated.mentions(include_hypothetical=False)) == 4
    assert list(dated.timeline(limit=2)["event_type"]) == ["AGREE", "SANCTION"]
    assert list(dated.timeline(limit=2, offset=3)["event_type"]) == ["PROTEST", "REJECT"]
    assert len(dated.mentions(limit=0)) == 0
    combined = dated.mentions(since="2019-08", actor="korea", event_type="PROTEST", issue="trade")
    assert types(combined) == ["PROTEST"]
    assert [m.event_type for m in dated.iter_mentions(until="2019-07")] == ["AGREE", "SANCTION"]


@pytest.mark.parametrize(
    "bad",
    [
        {"since": "2019-13"},
        {"since": "Aug 2019"},
        {"until": "19"},
        {"until": "2019-02-30"},
        {"since": "2019-09", "until": "2019-08"},
        {"event_type": "FIGHT"},
        {"limit": -1},
        {"limit": "5"},
        {"offset": -2},
        {"actor": "  "},
        {"issue": ""},
    ],
)
def test_bad_filter_values_raise_query_error(dated: Store, bad) -> None:
    with pytest.raises(QueryError):
        dated.mentions(**bad)
    with pytest.raises(QueryError):
        dated.iter_mentions(**bad)  # raised at the call, before iterating


# --- DataFrames ---------------------------------------------------------------------------------


def test_timeline_columns_and_display(dated: Store) -> None:
    frame = dated.timeline(event_type="SANCTION")
    row = frame.iloc[0]
    expected = {
        "date",
        "date_precision",
        "actors",
        "recipients",
        "event_type",
        "mode",
        "negated",
        "hypothetical",
        "issues",
        "quote",
        "doc_id",
        "source",
        "title",
    }
    assert expected <= set(frame.columns)
    assert row["actors"] == "Fumio Kishida (JPN GOV)"
    assert row["recipients"] == "protesters in Seoul (KOR CVL)"
    assert row["issues"] == "trade, history"
    assert (row["date"], row["date_precision"], row["date_end"]) == ("2019-07", "month", "2019-09")
    assert row["source"] == "doc1.txt" and row["quote"] == "Japan protested to South Korea."
    mentions = dated.mentions(event_type="PROTEST")
    assert mentions.iloc[0]["actors"] == "Japan (JPN GOV)"
    assert mentions.iloc[0]["actor_countries"] == ["JPN"]
    assert mentions.iloc[0]["issues"] == ["trade"]


def test_long_quote_is_shortened_around_the_evidence(store: Store) -> None:
    sentence = "Filler words " * 30 + "Tokyo protested sharply " + "and more words " * 30
    start = sentence.index("Tokyo")
    mention = make_mention(sentence=sentence, evidence=Evidence(start + 6, start + 15, "r"))
    store.write_result(make_result(mentions=(mention,)))
    quote = store.timeline().iloc[0]["quote"]
    assert len(quote) <= 160 and "protested" in quote
    assert quote.startswith("…") and quote.endswith("…")


def test_shorten_quote_edges() -> None:
    assert shorten_quote("Short\n sentence.", 0, 5) == "Short sentence."
    long = "word " * 100
    assert shorten_quote(long, 0, 4).endswith("…") and not shorten_quote(long, 0, 4).startswith("…")
    assert shorten_quote(long, 495, 499).startswith("…")
    assert len(shorten_quote("x" * 400, 10, 390)) <= 160


def test_ingest_log_and_runs(store: Store) -> None:
    run = store.start_run(["corpus/", "feed.xml"], {"batch_size": 64, "db": Path("x.duckdb")})
    store.log_skip(SkippedInput("bad.pdf", "unsupported format", "only text, html, jsonl"), run)
    store.log_skip(SkippedInput("empty.txt", "empty"))
    store.write_result(make_result(), run_id=run)
    store.finish_run(run, {"documents": 1, "skipped": 2})
    log = store.ingest_log()
    assert list(log["source"]) == ["bad.pdf", "empty.txt"]
    assert list(log["reason"]) == ["unsupported format", "empty"]
    assert log["run_id"].iloc[0] == run and log["detail"].iloc[1] == ""
    runs = store.runs()
    assert runs["status"].iloc[0] == "complete" and '"feed.xml"' in runs["inputs"].iloc[0]
    assert store.documents()["run_id"].iloc[0] == run
    with pytest.raises(StoreError, match="no run"):
        store.finish_run(run + 99, {})


def test_summary_figures(dated: Store) -> None:
    dated.write_result(
        make_result(
            "doc2",
            polls=(
                PollFigure(
                    "doc2",
                    "Koreans",
                    "Japan",
                    "favourable",
                    31.5,
                    Evidence(0, 5, "poll-v1"),
                    year=2019,
                ),
            ),
        )
    )
    dated.log_skip(SkippedInput("x.bin", "binary"))
    summary = dated.summary()
    assert summary["documents"] == 2 and summary["sentences"] == 4
    assert summary["mentions"] == 5 and summary["undated_mentions"] == 1
    assert summary["events_by_type"] == {
        t: 1 for t in ("AGREE", "CONSULT", "PROTEST", "REJECT", "SANCTION")
    }
    assert (summary["date_min"], summary["date_max"]) == ("2019-01-01", "2019-12-31")
    assert summary["polls"] == 1 and summary["skipped"] == 1
    polls = dated.polls()
    assert polls["value"].iloc[0] == 31.5 and polls["source"].iloc[0] == "doc2.txt"
    docs = dated.documents()
    assert list(docs["n_mentions"]) == [5, 0] and "text" not in docs.columns
    assert "text" in dated.documents(include_text=True).columns


def test_empty_store_queries(store: Store) -> None:
    assert store.mentions().empty and list(store.timeline().columns)[0] == "date"
    assert store.summary()["date_min"] is None
    assert list(store.iter_mentions()) == [] and list(store.iter_documents()) == []


# --- files, schema and errors -------------------------------------------------------------------


def test_file_store_keeps_data_after_reopen(tmp_path: Path) -> None:
    path = tmp_path / "dw.duckdb"
    mention = make_mention(date=FuzzyDate(2019, 8, 2))
    with Store(path) as db:
        db.write_result(make_result(mentions=(mention,)))
    with Store(path) as db:
        assert db.schema_version == LATEST_VERSION
        assert list(db.iter_mentions()) == [mention]
        assert db.write_result(make_result(mentions=(mention,))) is False
    with Store(path, read_only=True) as db:
        assert db.known_document_ids() == {"doc1"}
        with pytest.raises(StoreError, match="read-only"):
            db.write_result(make_result("doc2"))
    versions = duckdb.connect(str(path)).execute("SELECT version FROM schema_version").fetchall()
    assert max(version for (version,) in versions) == LATEST_VERSION


def test_opening_bad_paths_raises_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database\n" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(junk)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing" / "x.duckdb")
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "absent.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE documents (x INTEGER)")
    with pytest.raises(StoreError, match="not a dyadwatch store"):
        Store(other)
    newer = tmp_path / "newer.duckdb"
    Store(newer).close()
    with duckdb.connect(str(newer)) as con:
        con.execute("INSERT INTO schema_version VALUES (?, 'future', now())", [LATEST_VERSION + 1])
    with pytest.raises(StoreError, match="upgrade dyadwatch"):
        Store(newer)


def test_locked_file_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_query_is_read_only(dated: Store) -> None:
    assert (
        dated.query("SELECT count(*) AS n FROM mentions WHERE event_type = ?", ["AGREE"])["n"].iloc[
            0
        ]
        == 1
    )
    with pytest.raises(StoreError, match="read-only"):
        dated.query("DELETE FROM mentions")
    assert len(dated.mentions()) == 5


def test_closed_store_raises(tmp_path: Path) -> None:
    db = Store(":memory:")
    db.close()
    db.close()
    with pytest.raises(StoreError, match="closed"):
        db.summary()


# --- property-based round trip -----------------------------------------------------------------

_texts = st.text(max_size=40)
_optional_texts = st.none() | _texts


@st.composite
def fuzzy_dates(draw) -> FuzzyDate:
    year = draw(st.integers(1, 9999))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return FuzzyDate(year)
    day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return FuzzyDate(year, month, day)


_actors = st.builds(
    ActorRef,
    text=_texts,
    country=st.none() | st.sampled_from(["JPN", "KOR", "USA"]),
    sector=st.none() | st.sampled_from(["GOV", "MIL", "CVL"]),
    entity=_optional_texts,
    role=_optional_texts,
    start=st.none() | st.integers(0, 10**6),
    end=st.none() | st.integers(0, 10**6),
)
_floats = st.none() | st.floats(allow_nan=False, width=64)
_ids = itertools.count()


@st.composite
def mentions(draw) -> EventMention:
    doc_id = f"h{next(_ids)}-{draw(_texts)}"
    return EventMention(
        doc_id=doc_id,
        sentence=draw(_texts),
        sentence_start=draw(st.integers(0, 10**6)),
        event_type=draw(st.sampled_from(PLOVER_TYPES)),
        actors=tuple(draw(st.lists(_actors, max_size=3))),
        recipients=tuple(draw(st.lists(_actors, max_size=3))),
        evidence=Evidence(draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6)), draw(_texts)),
        mode=draw(_optional_texts),
        context=draw(_optional_texts),
        date=draw(st.none() | fuzzy_dates()),
        date_end=draw(st.none() | fuzzy_dates()),
        date_source=draw(_optional_texts),
        negated=draw(st.booleans()),
        hypothetical=draw(st.booleans()),
        modality=draw(_optional_texts),
        reported_by=draw(st.none() | _actors),
        issues=tuple(draw(st.lists(_texts, max_size=3))),
        cameo_root=draw(_optional_texts),
        quad_class=draw(st.none() | st.integers(1, 4)),
        goldstein=draw(_floats),
        plover_score=draw(_floats),
        confidence=draw(st.floats(allow_nan=False, width=64)),
        post_index=draw(st.integers(0, 1000)),
    )


_shared = Store(":memory:")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mention=mentions(), text=st.text(max_size=200), published=st.none() | fuzzy_dates())
def test_random_records_round_trip(mention: EventMention, text: str, published) -> None:
    doc = make_doc(mention.doc_id, text=text, published=published, title=text[:20] or None)
    assert _shared.write_result(DocumentResult(doc, mentions=(mention,)))
    stored = [m for m in _shared.iter_mentions() if m.doc_id == mention.doc_id]
    assert stored == [mention]
    assert [d for d in _shared.iter_documents() if d.id == doc.id] == [doc]
