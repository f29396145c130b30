"""``dyadwatch analyze``, ``index``, ``issues`` and ``alerts`` on the hand-made database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
import typer
import yaml
from typer.testing import CliRunner

from dyadwatch.cli_analysis import line_with_gaps, register

from .web_fixture import FIXTURE_ALERTS, build_web_db, event_document

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
def analyzed(app: typer.Typer, db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    # The fixture's designed alerts need its loose alert settings (see web_fixture), given as a
    # user would: in dyadwatch.yaml in the working folder.
    folder = tmp_path_factory.mktemp("settings")
    (folder / "dyadwatch.yaml").write_text(
        yaml.safe_dump({"extra": {"analysis": {"alerts": FIXTURE_ALERTS}}}), encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
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
    assert records[1]["negated"] == 1 and "tone" not in records[1]
    assert (records[1]["tone_news"], records[1]["tone_news_n"]) == (-0.44, 5)
    assert records[0]["tone_official"] == -0.5 and records[1]["tone_official"] is None
    assert "news -0.44 (5)" in runner.invoke(app, ["index", "--db", db, "--freq", "year"]).output


def test_index_draws_a_png(app: typer.Typer, db: str, analyzed: str, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "index.png"
    result = runner.invoke(
        app, ["index", "--db", db, "--direction", "all", "--plot", str(out), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


def test_index_plot_rejects_folders_and_unknown_kinds_up_front(
    app: typer.Typer, db: str, analyzed: str, tmp_path: Path
) -> None:
    pytest.importorskip("matplotlib")
    for target, words in (
        (tmp_path, "is a folder"),
        (tmp_path / "x.txt", "cannot draw a .txt file; use one of"),
        (tmp_path / "none" / "x.png", "does not exist"),
    ):
        result = runner.invoke(app, ["index", "--db", db, "--plot", str(target)])
        assert result.exit_code == 2, (target, result.output)
        assert words in result.output
    assert not (tmp_path.parent / (tmp_path.name + ".png")).exists()
    bare = tmp_path / "out"
    result = runner.invoke(app, ["index", "--db", db, "--plot", str(bare)])
    assert result.exit_code == 0, result.output
    assert f"plot written to {bare}.png" in result.output  # the file matplotlib really wrote
    assert (tmp_path / "out.png").read_bytes()[:4] == b"\x89PNG" and not bare.exists()
    svg = tmp_path / "out.svg"
    assert runner.invoke(app, ["index", "--db", db, "--plot", str(svg)]).exit_code == 0
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_the_plotted_line_breaks_across_periods_without_events() -> None:
    rows = pd.DataFrame(
        {
            "start": ["2018-12-01", "2019-07-01", "2019-08-01"],
            "end": ["2018-12-31", "2019-07-31", "2019-08-31"],
            "goldstein_mean": [-2.0, -6.1, -4.0],
        }
    )
    xs, ys, gaps = line_with_gaps(rows)
    assert len(xs) == 4 and pd.isna(ys[1]) and ys[2:] == [-6.1, -4.0]  # broken, then joined
    ((start, before), (end, after)) = gaps[0]
    assert (str(start.date()), before, str(end.date()), after) == (
        "2018-12-01", -2.0, "2019-07-01", -6.1
    )  # fmt: skip
    assert len(gaps) == 1


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
    assert "back to 2018-12 (7 months before" in runner.invoke(
        app, ["alerts", "--db", db, "--freq", "month", "--format", "jsonl"]
    ).output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--freq", "day"], "alerts are computed by week and month only, not by day"),
        (["--freq", "year"], "not by year"),
        (["--direction", "JPN<>KOR"], "computed for both, JPN>KOR, KOR>JPN only, not for JPN<>KOR"),
    ],
)
def test_alerts_never_computed_exit_2_instead_of_saying_none(
    app: typer.Typer, db: str, analyzed: str, args: list[str], words: str
) -> None:
    result = runner.invoke(app, ["alerts", "--db", db, *args])
    assert result.exit_code == 2, result.output
    assert words in result.output and "no alerts" not in result.output


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


def _usa_china_db(path: Path) -> str:
    from dyadwatch.models import ActorRef
    from dyadwatch.store import Store

    usa = ActorRef("The United States", country="USA", sector="GOV")
    china = ActorRef("China", country="CHN", sector="GOV")
    text = "The United States raised tariffs on Chinese goods on Friday."
    with Store(path) as store:
        store.write_result(
            event_document(
                "u1", [(text, None, None)], date="2019-05-10", actor=usa, recipient=china,
                event_type="SANCTION", goldstein=-8.0,
            )
        )  # fmt: skip
    return str(path)


def test_readers_take_the_dyad_the_events_were_built_for(app: typer.Typer, tmp_path: Path) -> None:
    """The reviewer's case: USA-China events were shown as "Japan - South Korea / JPN>KOR"."""
    db = _usa_china_db(tmp_path / "uc.duckdb")
    assert runner.invoke(app, ["analyze", "--db", db, "--dyad", "usa-china"]).exit_code == 0
    rows = [
        json.loads(line)
        for line in runner.invoke(
            app, ["index", "--db", db, "--direction", "all", "--format", "jsonl"]
        ).output.splitlines()
    ]
    assert {r["direction"] for r in rows} == {"both", "USA>CHN"}
    wrong = runner.invoke(app, ["index", "--db", db, "--direction", "JPN>KOR"])
    assert wrong.exit_code == 2 and "use both, USA>CHN" in wrong.output
    assert runner.invoke(app, ["index", "--db", db, "--dyad", "usa-china"]).exit_code == 0
    for command in ("index", "issues", "alerts", "tone"):
        other = runner.invoke(app, [command, "--db", db, "--dyad", "japan-korea"])
        assert other.exit_code == 2, (command, other.output)
        assert "were built for usa-china, not japan-korea" in other.output
        assert f"dyadwatch analyze --db {db} --dyad japan-korea" in other.output
