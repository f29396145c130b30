"""``dyadwatch analyze``, ``index``, ``issues`` and ``alerts`` on the hand-made database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dyadwatch.cli_analysis import register

from .web_fixture import build_web_db

runner = CliRunner()


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    application = typer.Typer()
    register(application)
    return application


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, app: typer.Typer) -> str:
    path = build_web_db(tmp_path_factory.mktemp("cli") / "web.duckdb", analyze=False)
    return str(path)


@pytest.fixture(scope="module")
def analyzed(app: typer.Typer, db: str) -> str:
    result = runner.invoke(app, ["analyze", "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def test_analyze_rebuilds_and_reports_counts(analyzed: str) -> None:
    cells = dict(
        [part.strip() for part in line.strip("│").split("│")]
        for line in analyzed.splitlines()
        if line.startswith("│")
    )
    assert cells["near-duplicate documents"] == "1"
    assert (cells["mentions"], cells["events"], cells["alerts"]) == ("16", "11", "4")
    assert cells["mentions per event"] == "1.45"


def test_index_as_a_table_csv_and_json_lines(app: typer.Typer, db: str, analyzed: str) -> None:
    table = runner.invoke(app, ["index", "--db", db])
    assert table.exit_code == 0, table.output
    assert "relation index by month (dyadwatch), 5 rows" in table.output
    assert "2019-07" in table.output and "-6.14" in table.output
    rows = list(
        csv.DictReader(
            io.StringIO(
                runner.invoke(
                    app, ["index", "--db", db, "--direction", "all", "--format", "csv"]
                ).output
            )
        )
    )
    assert {r["direction"] for r in rows} == {"both", "JPN>KOR", "KOR>JPN"}
    july = next(r for r in rows if r["period"] == "2019-07" and r["direction"] == "both")
    assert (july["scored"], july["SANCTION"], july["quad4"]) == ("2", "1", "1")
    assert len(july["event_ids"].split()) == 2
    lines = runner.invoke(app, ["index", "--db", db, "--freq", "year", "--format", "jsonl"])
    records = [json.loads(line) for line in lines.output.splitlines()]
    assert [r["period"] for r in records] == ["2018", "2019", "2023"]
    assert records[1]["negated"] == 1 and records[1]["tone"] is None


def test_index_draws_a_png(app: typer.Typer, db: str, analyzed: str, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "index.png"
    result = runner.invoke(
        app, ["index", "--db", db, "--direction", "all", "--plot", str(out), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


def test_issues_overall_and_by_period(app: typer.Typer, db: str, analyzed: str) -> None:
    overall = runner.invoke(app, ["issues", "--db", db])
    assert overall.exit_code == 0, overall.output
    assert "issue salience, 4 rows" in overall.output and "27%" in overall.output
    monthly = runner.invoke(
        app, ["issues", "--db", db, "--freq", "month", "--top", "1", "--format", "jsonl"]
    )
    records = [json.loads(line) for line in monthly.output.splitlines()]
    assert [(r["period"], r["issue"]) for r in records] == [
        ("2018-12", "security"),
        ("2019-07", "trade"),
        ("2019-08", "security"),
        ("2023-03", "history"),
    ]


def test_alerts_list_their_driving_events(app: typer.Typer, db: str, analyzed: str) -> None:
    result = runner.invoke(app, ["alerts", "--db", db, "--freq", "month"])
    assert result.exit_code == 0, result.output
    assert "2 alerts" in result.output
    assert "drop: -6.14 against -2.00" in result.output
    assert "2019-07-01 SANCTION Japan (JPN GOV)" in result.output
    rows = [
        json.loads(line)
        for line in runner.invoke(
            app, ["alerts", "--db", db, "--direction", "both", "--format", "jsonl"]
        ).output.splitlines()
    ]
    assert [(r["freq"], r["kind"]) for r in rows] == [
        ("month", "drop"),
        ("week", "drop"),
        ("month", "rise"),
        ("week", "rise"),
    ]
    assert all(len(r["event_ids"]) >= 2 for r in rows)
    none = runner.invoke(app, ["alerts", "--db", db, "--direction", "JPN>KOR"])
    assert none.exit_code == 0 and "0 alerts" in none.output


def test_a_database_without_events_says_what_to_run(app: typer.Typer, tmp_path: Path) -> None:
    raw = str(build_web_db(tmp_path / "raw.duckdb", analyze=False))
    result = runner.invoke(app, ["index", "--db", raw])
    assert result.exit_code == 0
    assert "dyadwatch analyze" in result.output and "0 rows" in result.output


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["index", "--direction", "JPN>USA"], 2, "unknown direction"),
        (["index", "--since", "2019-13"], 2, "not a date"),
        (["issues", "--direction", "north"], 2, "unknown direction"),
        (["alerts", "--until", "soon"], 2, "not a date"),
        (["index", "--freq", "hour"], 2, "hour"),
        (["index", "--source", "acled"], 2, "acled"),
    ],
)
def test_bad_options_exit_2_with_a_message(
    app: typer.Typer, db: str, analyzed: str, args: list[str], code: int, words: str
) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == code, result.output
    assert words in result.output


def test_a_missing_database_is_named(app: typer.Typer, tmp_path: Path) -> None:
    for command in ("analyze", "index", "issues", "alerts"):
        result = runner.invoke(app, [command, "--db", str(tmp_path / "none.duckdb")])
        assert result.exit_code == 1 and "no database" in result.output
