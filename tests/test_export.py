"""Exporting merged events (dyadwatch.export) from a small hand-made database.

Until ``dyadwatch.analyze.refresh`` fills ``events``/``event_mentions``, the fixture writes
documents and mentions through the store and inserts the merged events with plain SQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from dyadwatch.cli_export import register
from dyadwatch.config import load_dyad
from dyadwatch.errors import QueryError
from dyadwatch.export import (
    FORMATS,
    TABLE_COLUMNS,
    ExportError,
    export,
    gdelt_event_id,
    load_events,
    plover_record,
)
from dyadwatch.gdelt import V1_COLUMNS, import_gdelt
from dyadwatch.models import (
    ActorRef,
    Document,
    DocumentResult,
    EventMention,
    Evidence,
    FuzzyDate,
    Sentence,
)
from dyadwatch.store import Store

JK = load_dyad("japan-korea")
JPN = ActorRef("Japan", country="JPN", sector="GOV", entity="Japan")
KOR = ActorRef("South Korea", country="KOR", sector="GOV", entity="South Korea")
USA = ActorRef("the United States", country="USA", sector="GOV", entity="United States")
KISHIDA = ActorRef(
    "Kishida", country="JPN", sector="GOV", entity="Fumio Kishida", role="prime_minister"
)
YOON = ActorRef("Yoon", country="KOR", sector="GOV", entity="Yoon Suk Yeol", role="president")
runner = CliRunner()


@dataclass(frozen=True)
class FixtureDoc:
    doc_id: str
    published: str
    url: str | None
    sentence: str
    event_type: str
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    context: str | None = None


DOCS = (
    FixtureDoc(
        "doc-curbs",
        "2019-07-02",
        "https://example.org/curbs",
        "Japan restricted exports of three chemicals to South Korea.",
        "SANCTION",
        (JPN,),
        (KOR,),
        "economic",
    ),
    FixtureDoc(
        "doc-curbs-copy",
        "2019-07-03",
        None,
        "Japan restricted exports of three chemicals to South Korea, the agency said.",
        "SANCTION",
        (JPN,),
        (KOR,),
    ),
    FixtureDoc(
        "doc-accuse",
        "2019-08-30",
        "https://example.org/accuse",
        "South Korea accused Japan of retaliation.",
        "ACCUSE",
        (KOR,),
        (JPN,),
    ),
    FixtureDoc(
        "doc-summit",
        "2023-03-16",
        "https://example.org/summit",
        "Kishida met Yoon in Tokyo.",
        "CONSULT",
        (KISHIDA,),
        (YOON,),
        "diplomatic",
    ),
    FixtureDoc(
        "doc-islets",
        "2024-01-01",
        None,
        "South Korea protested against Japan's claim to the islets.",
        "PROTEST",
        (KOR,),
        (JPN,),
    ),
    FixtureDoc(
        "doc-usa",
        "2023-08-18",
        "https://example.org/camp-david",
        "Japan held talks with the United States.",
        "CONSULT",
        (JPN,),
        (USA,),
    ),
)


def _mention(doc: FixtureDoc) -> EventMention:
    return EventMention(
        doc_id=doc.doc_id,
        sentence=doc.sentence,
        sentence_start=0,
        event_type=doc.event_type,
        actors=doc.actors,
        recipients=doc.recipients,
        evidence=Evidence(0, len(doc.sentence), "fixture/1"),
        context=doc.context,
        date=FuzzyDate.parse(doc.published),
        confidence=0.8,
    )


def _result(doc: FixtureDoc) -> DocumentResult:
    document = Document(
        id=doc.doc_id,
        text=doc.sentence,
        source=f"fixture/{doc.doc_id}.txt",
        title=f"Title of {doc.doc_id}",
        url=doc.url,
        publisher="Fixture Wire",
        published=FuzzyDate.parse(doc.published),
        published_source="metadata",
        genre="news",
    )
    sentence = Sentence(doc.doc_id, 0, 0, len(doc.sentence), doc.sentence)
    return DocumentResult(document, (sentence,), (_mention(doc),))


MENTION = {doc.doc_id: _mention(doc).id for doc in DOCS}

# id, type, mode, date, first, last, precision, actors, recipients, labels, direction, issues,
# cameo_root, quad, goldstein, plover score, mentions (first is quoted), n_sources.
EVENTS = (
    ("ev-curbs", "SANCTION", None, "2019-07-01", "2019-07-01", "2019-07-01", "day",
     ["JPN"], ["KOR"], "Japan", "South Korea", "JPN>KOR", ["trade"], "16", 4, -4.0, -6.0,
     ["doc-curbs", "doc-curbs-copy"], 1),
    ("ev-accuse", "ACCUSE", "allege", "2019-08", "2019-08-01", "2019-08-31", "month",
     ["KOR"], ["JPN"], "South Korea", "Japan", "KOR>JPN", ["trade", "history"], "11", 3, -2.0,
     -3.0, ["doc-accuse"], 1),
    ("ev-summit", "CONSULT", "visit", "2023-03-16", "2023-03-16", "2023-03-16", "day",
     ["JPN"], ["KOR"], "Fumio Kishida", "Yoon Suk Yeol", "JPN>KOR", [], "04", 1, 1.9, 4.0,
     ["doc-summit"], 1),
    ("ev-islets", "PROTEST", None, None, None, None, None, ["KOR"], ["JPN"], "South Korea",
     "Japan", "KOR>JPN", ["territory"], None, None, None, None, ["doc-islets"], 1),
    ("ev-usa", "CONSULT", None, "2023-08-18", "2023-08-18", "2023-08-18", "day",
     ["JPN"], ["USA"], "Japan", "United States", "other", [], "04", 1, 1.0, 2.5,
     ["doc-usa"], 1),
)  # fmt: skip


def build_export_db(path: Path) -> Path:
    """Documents and mentions through the store, merged events by SQL (see module docstring)."""
    with Store(path) as store:
        for doc in DOCS:
            store.write_result(_result(doc))
    con = duckdb.connect(str(path))
    try:
        for row in EVENTS:
            (event_id, kind, mode, date, first, last, precision, actors, recipients, actor_label,
             recipient_label, direction, issues, root, quad, goldstein, score, docs,
             sources) = row  # fmt: skip
            mentions = [MENTION[doc] for doc in docs]
            con.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [event_id, kind, mode, date, first, last, precision, actors, recipients,
                 actor_label, recipient_label, direction, issues, False, False, root, quad,
                 goldstein, score, -0.25, 0.8, len(mentions), len(docs), sources,
                 float(len(mentions)), DOCS_BY_ID[docs[0]].sentence, mentions[0]],
            )  # fmt: skip
            for mention_id in mentions:
                con.execute("INSERT INTO event_mentions VALUES (?, ?)", [event_id, mention_id])
    finally:
        con.close()
    return path


DOCS_BY_ID = {doc.doc_id: doc for doc in DOCS}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_export_db(tmp_path_factory.mktemp("export") / "events.duckdb")


@pytest.fixture()
def store(db):
    with Store(db, read_only=True) as opened:
        yield opened


# --- selecting events ---------------------------------------------------------------------


def test_default_export_is_dyadic_in_date_order(store):
    events = load_events(store, JK)
    assert [e.id for e in events] == ["ev-curbs", "ev-accuse", "ev-summit", "ev-islets"]
    everything = load_events(store, JK, dyadic_only=False)
    assert [e.id for e in everything] == [
        "ev-curbs",
        "ev-accuse",
        "ev-summit",
        "ev-usa",
        "ev-islets",
    ]


def test_mentions_and_documents_in_publication_order(store):
    curbs = load_events(store, JK)[0]
    assert curbs.mention_ids == (MENTION["doc-curbs"], MENTION["doc-curbs-copy"])
    assert curbs.doc_ids == ("doc-curbs", "doc-curbs-copy")
    assert curbs.source_urls == ("https://example.org/curbs",)
    assert curbs.contexts == ("economic",)
    assert curbs.actors == (JPN,) and curbs.recipients == (KOR,)
    assert curbs.date_first == dt.date(2019, 7, 1)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": "2019-08-15"}, ["ev-accuse", "ev-summit"]),  # the month overlaps
        ({"until": "2019"}, ["ev-curbs", "ev-accuse"]),
        ({"since": "2019-07-02", "until": "2019-07-31"}, []),
        ({"event_type": "consult"}, ["ev-summit"]),
    ],
)
def test_filters(store, filters, expected):
    assert [e.id for e in load_events(store, JK, **filters)] == expected


@pytest.mark.parametrize(
    "filters", [{"event_type": "HUG"}, {"since": "2019-13"}, {"since": "2020", "until": "2019"}]
)
def test_bad_filters(store, filters):
    with pytest.raises(QueryError):
        load_events(store, JK, **filters)


# --- formats ------------------------------------------------------------------------------


def test_csv(store, tmp_path):
    out = tmp_path / "events.csv"
    summary = export(store, JK, "csv", out)
    assert (summary.events, summary.mentions, summary.path) == (4, 5, str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == TABLE_COLUMNS
    curbs = rows[0]
    assert curbs["id"] == "ev-curbs" and curbs["date_first"] == "2019-07-01"
    assert json.loads(curbs["mention_ids"]) == [MENTION["doc-curbs"], MENTION["doc-curbs-copy"]]
    assert json.loads(curbs["doc_ids"]) == ["doc-curbs", "doc-curbs-copy"]
    assert json.loads(curbs["source_urls"]) == ["https://example.org/curbs"]
    assert json.loads(curbs["actor_countries"]) == ["JPN"]
    assert json.loads(rows[1]["issues"]) == ["trade", "history"]
    assert (curbs["n_mentions"], curbs["n_documents"], curbs["goldstein"]) == ("2", "2", "-4.0")
    assert curbs["negated"] == "False"


def test_csv_to_stdout(store):
    stream = io.StringIO()
    summary = export(store, JK, "csv", None, stdout=stream)
    assert summary.path is None
    assert stream.getvalue().startswith("id,event_type,mode,")
    assert len(stream.getvalue().strip().splitlines()) == 5


def test_parquet(store, tmp_path):
    out = tmp_path / "events.parquet"
    export(store, JK, "parquet", out)
    table = pq.read_table(out)
    assert table.column_names == list(TABLE_COLUMNS)
    rows = table.to_pylist()
    assert rows[0]["mention_ids"] == [MENTION["doc-curbs"], MENTION["doc-curbs-copy"]]
    assert rows[0]["date_first"] == dt.date(2019, 7, 1)
    assert rows[1]["issues"] == ["trade", "history"]
    assert rows[2]["quad_class"] == 1 and rows[2]["plover_score"] == 4.0


def test_plover_json(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, JK, "plover-json", out)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == ["ev-curbs", "ev-accuse", "ev-summit", "ev-islets"]
    summit = records[2]
    assert summit["date"] == "2023-03-16" and "enddate" not in summit
    assert summit["event"] == ["CONSULT"] and summit["mode"] == ["visit"]
    assert summit["context"] == ["diplomatic"]
    assert summit["actor"] == [
        {
            "code": "JPN",
            "sector": "GOV",
            "entity_text": "Kishida",
            "identifier_text": "Fumio Kishida",
            "office": "prime_minister",
        }
    ]
    assert summit["recipient"][0]["identifier_text"] == "Yoon Suk Yeol"
    assert summit["event_text"] == ["Kishida met Yoon in Tokyo."]
    assert (summit["quad_code"], summit["event_scale"], summit["goldstein"]) == (1, 4.0, 1.9)
    assert summit["cite_info"][0]["url"] == "https://example.org/summit"
    assert summit["story_ids"] == ["doc-summit"]
    assert summit["mention_ids"] == [MENTION["doc-summit"]]
    accuse = records[1]
    assert (accuse["date"], accuse["enddate"], accuse["date_precision"]) == (
        "2019-08-01",
        "2019-08-31",
        "month",
    )
    assert accuse["issues"] == ["trade", "history"]
    undated = records[3]
    assert undated["date"] is None and undated["quad_code"] is None
    assert undated["cite_info"][0]["url"] is None


def test_plover_entities_cover_every_country(store):
    event = load_events(store, JK)[0]
    widened = type(event)(
        **{
            **{name: getattr(event, name) for name in event.__dataclass_fields__},
            "actor_countries": ("JPN", "USA"),
        }
    )
    assert [a["code"] for a in plover_record(widened)["actor"]] == ["JPN", "USA"]


def test_gdelt_rows(store, tmp_path):
    out = tmp_path / "events.tsv"
    export(store, JK, "gdelt", out)
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 4
    rows = [dict(zip(V1_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    curbs = rows[0]
    assert curbs["GLOBALEVENTID"] == str(gdelt_event_id("ev-curbs"))
    assert (curbs["SQLDATE"], curbs["MonthYear"], curbs["Year"]) == ("20190701", "201907", "2019")
    assert curbs["FractionDate"] == f"{2019 + (7 * 30 + 1) / 365:.4f}"
    assert (curbs["Actor1Code"], curbs["Actor1CountryCode"], curbs["Actor1Type1Code"]) == (
        "JPNGOV",
        "JPN",
        "GOV",
    )
    assert (curbs["Actor2CountryCode"], curbs["Actor2Name"]) == ("KOR", "South Korea")
    assert (curbs["EventCode"], curbs["EventBaseCode"], curbs["EventRootCode"]) == ("16",) * 3
    assert (curbs["QuadClass"], curbs["GoldsteinScale"]) == ("4", "-4.0")
    assert (curbs["NumMentions"], curbs["NumSources"], curbs["NumArticles"]) == ("2", "1", "2")
    assert curbs["AvgTone"] == "" and curbs["ActionGeo_FullName"] == ""
    assert curbs["SOURCEURL"] == "https://example.org/curbs"
    assert len(curbs["DATEADDED"]) == 8
    undated = rows[3]
    assert undated["SQLDATE"] == undated["FractionDate"] == undated["EventRootCode"] == ""
    assert (undated["QuadClass"], undated["GoldsteinScale"]) == ("", "")
    assert undated["SOURCEURL"] == "fixture/doc-islets.txt"  # no URL: the document's source


def test_gdelt_rows_read_back_by_the_importer(store, tmp_path):
    out = tmp_path / "dyadwatch.export.CSV"
    export(store, JK, "gdelt", out)
    with Store(":memory:") as other:
        summary = import_gdelt(other, [out], JK)
        assert (summary.rows_read, summary.rows_new, summary.rows_malformed) == (4, 4, 0)
        back = other.query(
            "SELECT plover_type FROM gdelt_events WHERE day IS NOT NULL ORDER BY day"
        )
    assert back["plover_type"].tolist() == ["SANCTION", "ACCUSE", "CONSULT"]


def test_every_format_handles_an_empty_selection(store, tmp_path):
    for fmt in FORMATS:
        out = tmp_path / f"empty.{fmt}"
        summary = export(store, JK, fmt, out, since="2030")
        assert summary.events == 0 and out.exists()


def test_unknown_format_and_unwritable_paths(store, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, JK, "xlsx", tmp_path / "x")
    with pytest.raises(ExportError, match="does not exist"):
        export(store, JK, "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(ExportError, match="is a folder"):
        export(store, JK, "csv", tmp_path)


def test_failed_export_keeps_the_old_file(store, tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(QueryError):
        export(store, JK, "csv", out, event_type="HUG")
    assert out.read_text("utf-8") == "old"
    assert not list(tmp_path.glob("*.partial"))


# --- the command --------------------------------------------------------------------------


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_cli_export_to_file_and_stdout(db, tmp_path):
    out = tmp_path / "e.jsonl"
    result = runner.invoke(
        _app(), ["export", "--db", str(db), "--format", "plover-json", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "4 events (5 mentions)" in result.output
    assert len(out.read_text("utf-8").splitlines()) == 4
    piped = runner.invoke(_app(), ["export", "--db", str(db), "--type", "CONSULT", "--all-events"])
    assert piped.exit_code == 0
    assert piped.stdout.count("\n") == 3  # header + the two CONSULT events


def test_cli_export_parquet_to_a_pipe(db):
    result = runner.invoke(_app(), ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PAR1")


def test_cli_export_errors(db, tmp_path):
    missing = runner.invoke(_app(), ["export", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no database" in missing.output
    bad = runner.invoke(_app(), ["export", "--db", str(db), "--type", "HUG"])
    assert bad.exit_code == 2 and "unknown event type" in bad.output
    fmt = runner.invoke(_app(), ["export", "--db", str(db), "--format", "xlsx"])
    assert fmt.exit_code == 2
