"""Exporting merged events (dyadwatch.export) from a small hand-made database.

Until ``dyadwatch.analyze.refresh`` fills ``events``/``event_mentions``, the fixture writes
documents and mentions through the store and inserts the merged events with plain SQL.
"""

from __future__ import annotations

import csv
import dataclasses
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
    gdelt_row,
    gdelt_sides,
    load_events,
    plover_record,
    side_label,
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
PRK = ActorRef("North Korea", country="PRK", sector="GOV", entity="North Korea")
SEOUL = ActorRef("Seoul", country="KOR", sector="GOV")
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
    # A joint act and a one-way report of it, merged into one A<>B event.
    FixtureDoc(
        "doc-agree",
        "2019-11-22",
        "https://example.org/agree",
        "Japan and South Korea agreed to resume export talks.",
        "AGREE",
        (JPN, KOR),
        (),
    ),
    FixtureDoc(
        "doc-agree-seoul",
        "2019-11-23",
        None,
        "Seoul agreed with Japan to resume export talks.",
        "AGREE",
        (SEOUL,),
        (JPN,),
    ),
    # Both countries take part, but not one with the other: direction "other".
    FixtureDoc(
        "doc-request",
        "2023-08-19",
        None,
        "The United States asked Japan and South Korea to share radar data.",
        "REQUEST",
        (USA,),
        (JPN, KOR),
    ),
    FixtureDoc(
        "doc-missile",
        "2023-08-20",
        None,
        "Japan and South Korea accused North Korea of firing a missile.",
        "ACCUSE",
        (JPN, KOR),
        (PRK,),
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
# The stored labels are the quoted mention's, as analyze/merge.py writes them: for ev-agree
# "Seoul (KOR GOV)" beside actor countries JPN and KOR, which the export must not repeat.
EVENTS = (
    ("ev-curbs", "SANCTION", None, "2019-07-01", "2019-07-01", "2019-07-01", "day",
     ["JPN"], ["KOR"], "Japan", "South Korea", "A>B", ["trade"], "16", 4, -4.0, -6.0,
     ["doc-curbs", "doc-curbs-copy"], 1),
    ("ev-accuse", "ACCUSE", "allege", "2019-08", "2019-08-01", "2019-08-31", "month",
     ["KOR"], ["JPN"], "South Korea", "Japan", "B>A", ["trade", "history"], "11", 3, -2.0,
     -3.0, ["doc-accuse"], 1),
    ("ev-agree", "AGREE", None, "2019-11-22", "2019-11-22", "2019-11-22", "day",
     ["JPN", "KOR"], ["JPN"], "Seoul (KOR GOV)", "Japan (JPN GOV)", "A<>B", ["trade"], "03", 1,
     3.0, 5.0, ["doc-agree-seoul", "doc-agree"], 2),
    ("ev-summit", "CONSULT", "visit", "2023-03-16", "2023-03-16", "2023-03-16", "day",
     ["JPN"], ["KOR"], "Fumio Kishida", "Yoon Suk Yeol", "A>B", [], "04", 1, 1.9, 4.0,
     ["doc-summit"], 1),
    ("ev-islets", "PROTEST", None, None, None, None, None, ["KOR"], ["JPN"], "South Korea",
     "Japan", "B>A", ["territory"], None, None, None, None, ["doc-islets"], 1),
    ("ev-usa", "CONSULT", None, "2023-08-18", "2023-08-18", "2023-08-18", "day",
     ["JPN"], ["USA"], "Japan", "United States", "other", [], "04", 1, 1.0, 2.5,
     ["doc-usa"], 1),
    ("ev-request", "REQUEST", None, "2023-08-19", "2023-08-19", "2023-08-19", "day",
     ["USA"], ["JPN", "KOR"], "United States", "Japan; South Korea", "other", [], "10", 3,
     -0.5, 1.0, ["doc-request"], 1),
    ("ev-missile", "ACCUSE", None, "2023-08-20", "2023-08-20", "2023-08-20", "day",
     ["JPN", "KOR"], ["PRK"], "Japan; South Korea", "North Korea", "other", [], "11", 3,
     -2.0, -3.0, ["doc-missile"], 1),
)  # fmt: skip
DYADIC_IDS = ["ev-curbs", "ev-accuse", "ev-agree", "ev-summit", "ev-islets"]


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
    # Dyadic as everywhere else: direction A>B, B>A or A<>B. ev-request (USA → JPN, KOR) and
    # ev-missile (JPN, KOR → PRK) name both countries but are "other".
    events = load_events(store, JK)
    assert [e.id for e in events] == DYADIC_IDS
    everything = load_events(store, JK, dyadic_only=False)
    assert [e.id for e in everything] == [
        "ev-curbs",
        "ev-accuse",
        "ev-agree",
        "ev-summit",
        "ev-usa",
        "ev-request",
        "ev-missile",
        "ev-islets",
    ]


def test_dyadic_selection_matches_the_direction_column(store):
    dyadic = store.query("SELECT id FROM events WHERE direction <> 'other' ORDER BY id")
    assert sorted(e.id for e in load_events(store, JK)) == dyadic["id"].tolist()


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
        ({"since": "2019-08-15"}, ["ev-accuse", "ev-agree", "ev-summit"]),  # the month overlaps
        ({"until": "2019"}, ["ev-curbs", "ev-accuse", "ev-agree"]),
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
    assert (summary.events, summary.mentions, summary.path) == (5, 7, str(out))
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
    assert (curbs["actor_label"], curbs["recipient_label"]) == (
        "Japan (JPN GOV)",
        "South Korea (KOR GOV)",
    )
    agree = rows[2]
    assert json.loads(agree["actor_countries"]) == ["JPN", "KOR"]
    assert agree["actor_label"] == "Japan (JPN GOV); Seoul (KOR GOV); South Korea (KOR GOV)"
    assert agree["recipient_label"] == "Japan (JPN GOV)"


def test_csv_to_stdout(store):
    stream = io.StringIO()
    summary = export(store, JK, "csv", None, stdout=stream)
    assert summary.path is None
    assert stream.getvalue().startswith("id,event_type,mode,")
    assert len(stream.getvalue().strip().splitlines()) == 6


def test_parquet(store, tmp_path):
    out = tmp_path / "events.parquet"
    export(store, JK, "parquet", out)
    table = pq.read_table(out)
    assert table.column_names == list(TABLE_COLUMNS)
    rows = table.to_pylist()
    assert rows[0]["mention_ids"] == [MENTION["doc-curbs"], MENTION["doc-curbs-copy"]]
    assert rows[0]["date_first"] == dt.date(2019, 7, 1)
    assert rows[1]["issues"] == ["trade", "history"]
    assert rows[3]["id"] == "ev-summit"
    assert rows[3]["quad_class"] == 1 and rows[3]["plover_score"] == 4.0
    assert rows[2]["actor_label"].startswith("Japan (JPN GOV); ")


def test_plover_json(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, JK, "plover-json", out)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == DYADIC_IDS
    summit = records[3]
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
    undated = records[4]
    assert undated["date"] is None and undated["quad_code"] is None
    assert undated["cite_info"][0]["url"] is None


def test_plover_entities_come_from_every_mention_grouped_by_country(store):
    agree = plover_record(load_events(store, JK)[2])
    assert agree["actor"] == [
        {"code": "JPN", "sector": "GOV", "entity_text": "Japan", "identifier_text": "Japan"},
        {"code": "KOR", "sector": "GOV", "entity_text": "Seoul"},
        {
            "code": "KOR",
            "sector": "GOV",
            "entity_text": "South Korea",
            "identifier_text": "South Korea",
        },
    ]
    assert [r["code"] for r in agree["recipient"]] == ["JPN"]
    assert agree["direction"] == "A<>B"


def test_plover_entities_cover_every_country(store):
    # A country no stored actor carries gets its name, never a bare {"code": ...}.
    event = dataclasses.replace(load_events(store, JK)[0], actor_countries=("JPN", "USA"))
    assert plover_record(event)["actor"][1:] == [
        {"code": "USA", "identifier_text": "United States"}
    ]


@pytest.mark.parametrize(
    ("refs", "countries", "expected"),
    [
        ((JPN, KOR), ("JPN", "KOR"), "Japan (JPN GOV); South Korea (KOR GOV)"),
        ((KOR, JPN, KOR), ("JPN", "KOR"), "Japan (JPN GOV); South Korea (KOR GOV)"),
        ((SEOUL, KISHIDA, KOR), ("JPN", "KOR"), "Fumio Kishida (JPN GOV); Seoul (KOR GOV); "
         "South Korea (KOR GOV)"),
        ((ActorRef("protesters"), KOR), ("KOR",), "South Korea (KOR GOV); protesters"),
        ((), ("JPN", "KOR"), "Japan; South Korea"),
        ((), (), "as stored"),
    ],
)  # fmt: skip
def test_side_label(refs, countries, expected):
    assert side_label(refs, countries, "as stored") == expected


def test_gdelt_rows(store, tmp_path):
    out = tmp_path / "events.tsv"
    export(store, JK, "gdelt", out)
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 5
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
    agree = rows[2]  # a joint act: Actor1 the dyad's first country, Actor2 the other
    assert (agree["Actor1Code"], agree["Actor1CountryCode"], agree["Actor1Name"]) == (
        "JPNGOV",
        "JPN",
        "Japan",
    )
    assert (agree["Actor2Code"], agree["Actor2CountryCode"], agree["Actor2Name"]) == (
        "KORGOV",
        "KOR",
        "Seoul; South Korea",
    )
    accuse = rows[1]
    assert (accuse["Actor1CountryCode"], accuse["Actor2CountryCode"]) == ("KOR", "JPN")
    summit = rows[3]
    assert (summit["Actor1Name"], summit["Actor2Name"]) == ("Fumio Kishida", "Yoon Suk Yeol")
    undated = rows[4]
    assert undated["SQLDATE"] == undated["FractionDate"] == undated["EventRootCode"] == ""
    assert (undated["QuadClass"], undated["GoldsteinScale"]) == ("", "")
    assert undated["SOURCEURL"] == "fixture/doc-islets.txt"  # no URL: the document's source


def test_gdelt_rows_read_back_by_the_importer(store, tmp_path):
    out = tmp_path / "dyadwatch.export.CSV"
    export(store, JK, "gdelt", out)
    with Store(":memory:") as other:
        summary = import_gdelt(other, [out], JK)
        assert (summary.rows_read, summary.rows_new, summary.rows_malformed) == (5, 5, 0)
        back = other.query(
            "SELECT plover_type FROM gdelt_events WHERE day IS NOT NULL ORDER BY day"
        )
    assert back["plover_type"].tolist() == ["SANCTION", "ACCUSE", "AGREE", "CONSULT"]


@pytest.mark.parametrize("all_events", [False, True])
def test_gdelt_export_reimported_keeps_every_dyadic_event(db, tmp_path, all_events):
    """``dyadwatch export --format gdelt`` then ``dyadwatch import-gdelt`` into a fresh
    database: every one-way and joint event between the two countries comes back, with the
    countries its direction gives; the "other" events are one-sided or not dyadic."""
    out = tmp_path / "dyadwatch.export.CSV"
    args = ["export", "--db", str(db), "--format", "gdelt", "--out", str(out)]
    exported = runner.invoke(_app(), args + (["--all-events"] if all_events else []))
    assert exported.exit_code == 0, exported.output
    fresh = tmp_path / "fresh.duckdb"
    imported = runner.invoke(_app(), ["import-gdelt", str(out), "--db", str(fresh)])
    assert imported.exit_code == 0, imported.output
    with Store(db, read_only=True) as source:
        stored = source.query("SELECT id, direction FROM events WHERE direction <> 'other'")
    sides = {"A>B": ("JPN", "KOR"), "B>A": ("KOR", "JPN"), "A<>B": ("JPN", "KOR")}
    expected = {gdelt_event_id(row.id): sides[row.direction] for row in stored.itertuples()}
    with Store(fresh, read_only=True) as back:
        rows = back.query(
            "SELECT global_event_id, actor1_country, actor2_country FROM gdelt_events"
        )
    found = {
        int(row.global_event_id): (row.actor1_country, row.actor2_country)
        for row in rows.itertuples()
    }
    assert len(out.read_text("utf-8").splitlines()) == (8 if all_events else 5)
    assert len(found) == len(expected) == 5
    assert found == expected


def _event(store, direction, actors, recipients):
    event = load_events(store, JK)[0]
    return dataclasses.replace(
        event, direction=direction, actor_countries=actors, recipient_countries=recipients
    )


@pytest.mark.parametrize(
    ("direction", "actors", "recipients", "expected"),
    [
        ("A>B", ("JPN",), ("KOR",), ("JPN", "KOR")),
        ("B>A", ("KOR",), ("JPN",), ("KOR", "JPN")),
        ("A<>B", ("JPN", "KOR"), (), ("JPN", "KOR")),
        ("A<>B", ("KOR", "JPN"), ("JPN",), ("JPN", "KOR")),
        ("A<>B", ("JPN", "KOR"), ("JPN", "KOR"), ("JPN", "KOR")),
        ("other", ("JPN",), ("JPN",), ("JPN", None)),
        ("other", ("JPN", "KOR"), ("PRK",), ("JPN", "PRK")),
        ("other", ("USA",), ("JPN", "KOR"), ("USA", "JPN")),
        ("other", ("KOR",), ("KOR", "JPN"), ("KOR", "JPN")),
        ("other", (), ("JPN", "KOR"), (None, "JPN")),
        ("other", ("JPN", "USA"), ("JPN",), ("JPN", "USA")),
        ("other", (), (), (None, None)),
        ("A>B", ("USA",), ("CHN",), ("USA", "CHN")),  # codes of another dyad's merge
    ],
)
def test_gdelt_sides(store, direction, actors, recipients, expected):
    event = _event(store, direction, actors, recipients)
    first, second = gdelt_sides(event, JK)
    assert (first, second) == expected
    assert first is None or first != second
    row = dict(zip(V1_COLUMNS, gdelt_row(event, JK), strict=True))
    assert (row["Actor1CountryCode"], row["Actor2CountryCode"]) == tuple(c or "" for c in expected)


def test_gdelt_names_follow_the_written_codes(store):
    # No stored actor of the country: the country's name, not another side's label.
    event = _event(store, "other", ("JPN",), ("JPN", "USA"))
    row = dict(zip(V1_COLUMNS, gdelt_row(event, JK), strict=True))
    assert (row["Actor1Name"], row["Actor2Code"], row["Actor2Name"]) == (
        "Japan",
        "USA",
        "United States",
    )


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
    assert "5 events (7 mentions)" in result.output
    assert len(out.read_text("utf-8").splitlines()) == 5
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
