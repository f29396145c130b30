"""The command line (dyadwatch.cli) and the run loop (dyadwatch.run), end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyadwatch
from dyadwatch.cli import app
from dyadwatch.config import Settings
from dyadwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Seoul summons envoy\nPublished Jul 2, 2019\n\n"
        "SEOUL, July 2 (Wire) -- South Korea summoned the Japanese ambassador"
        " on Tuesday to protest against the export restrictions.\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "n1", "date": "2023-03-16", "text":
                    "Prime Minister Fumio Kishida held talks with President Yoon Suk Yeol in "
                    "Tokyo on Thursday."}) + "\n", encoding="utf-8")
    return folder


def test_run_stores_and_is_idempotent(tmp_path, corpus, extractor):
    db = str(tmp_path / "t.duckdb")
    first = dyadwatch.run([str(corpus)], settings=Settings(db=db), extractor=extractor)
    assert first.documents_new == 2 and first.events >= 2 and not first.skipped
    second = dyadwatch.run([str(corpus)], settings=Settings(db=db), extractor=extractor)
    assert second.documents_new == 0 and second.documents_known == 2
    with Store(db) as store:
        assert len(store.documents()) == 2
        assert len(store.mentions()) == first.events


def test_interrupted_run_resumes_without_duplicates(tmp_path, corpus, extractor):
    db = str(tmp_path / "t.duckdb")
    calls = {"n": 0}

    def stop_after_first(_: int) -> None:
        calls["n"] += 1
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dyadwatch.run([str(corpus)], settings=Settings(db=db, batch_size=1),
                      extractor=extractor, on_progress=stop_after_first)
    with Store(db) as store:
        stored = len(store.documents())
        runs = store.runs() if hasattr(store, "runs") else None
    assert stored == 1
    summary = dyadwatch.run([str(corpus)], settings=Settings(db=db), extractor=extractor)
    assert summary.documents_known == 1 and summary.documents_new == 1
    with Store(db) as store:
        assert len(store.documents()) == 2
        ids = store.mentions()["id"].tolist()
        assert len(ids) == len(set(ids))
    assert runs is None or len(runs) >= 1


def test_cli_run_timeline_and_formats(tmp_path, corpus):
    db = str(tmp_path / "c.duckdb")
    result = runner.invoke(app, ["run", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "documents read" in result.output
    table = runner.invoke(app, ["timeline", "--db", db])
    assert table.exit_code == 0 and "ACCUSE" in table.output
    csv_out = runner.invoke(app, ["timeline", "--db", db, "--format", "csv", "--type", "CONSULT"])
    assert csv_out.exit_code == 0
    lines = csv_out.output.strip().splitlines()
    assert lines[0].startswith("date") and len(lines) >= 2 and "ACCUSE" not in csv_out.output
    jsonl = runner.invoke(app, ["timeline", "--db", db, "--format", "jsonl", "--actor", "KOR",
                                "--since", "2019", "--until", "2019-12"])
    records = [json.loads(line) for line in jsonl.output.splitlines() if line.strip()]
    assert records and all(r["date"].startswith("2019") for r in records)


def test_cli_bad_query_is_a_usage_error(tmp_path, corpus):
    db = str(tmp_path / "c.duckdb")
    runner.invoke(app, ["run", str(corpus), "--db", db])
    result = runner.invoke(app, ["timeline", "--db", db, "--since", "last tuesday"])
    assert result.exit_code == 2


def test_cli_run_reports_skips_with_exit_code_3(tmp_path, corpus):
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "broken.jsonl").write_text('{"id": 1, "text": \n{"id": "ok", "text": '
                                         '"Japan protested to South Korea."}\n', encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["run", str(corpus), "--db", db])
    assert result.exit_code == 3
    with Store(db) as store:
        log = store.ingest_log()
        assert {"binary", "empty"} <= set(log["reason"])
        assert len(store.documents()) == 3  # a.txt, b.jsonl, the good line of broken.jsonl


def test_cli_extract_is_stateless_jsonl(tmp_path, corpus):
    result = runner.invoke(app, ["extract", str(corpus / "a.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records[0]["record"] == "document"
    events = [r for r in records if r["record"] == "event"]
    assert events and events[0]["event_type"] == "ACCUSE"
    event = events[0]
    for key in ("doc_id", "sentence", "mode", "actors", "recipients", "date", "date_precision",
                "negated", "hypothetical", "issues", "cameo_root", "quad_class", "goldstein",
                "confidence", "evidence"):
        assert key in event
    assert {a["country"] for a in event["actors"]} == {"KOR"}
    assert not list(tmp_path.glob("*.duckdb"))


def test_cli_extract_reads_jsonl_on_stdin():
    line = json.dumps({"id": "s1", "text": "Japan protested to South Korea.", "date": "2019-08-02"})
    result = runner.invoke(app, ["extract", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.output.splitlines()]
    assert records[0]["published"] == "2019-08-02"


def test_cli_actors_lists_office_holders():
    result = runner.invoke(app, ["actors", "--at", "2019-08-01", "--country", "KOR"])
    assert result.exit_code == 0
    assert "Moon Jae-in" in result.output and "Kang Kyung-wha" in result.output
    assert "Yoon Suk Yeol" not in result.output.split("president")[1].split("\n")[0]
