"""The offline HTML report: self-contained, escaped, with the charts and quoted events."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dyadwatch import run
from dyadwatch.analyze import refresh
from dyadwatch.config import Settings, load_dyad
from dyadwatch.errors import QueryError, StoreError
from dyadwatch.pipeline import Extractor
from dyadwatch.report import write_report
from dyadwatch.store import Store

from .web_fixture import build_web_db

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("report")
    db = build_web_db(folder / "web.duckdb")
    path = write_report(db, folder / "report.html")
    assert path == folder / "report.html"
    return path.read_text(encoding="utf-8")


def figures(page: str) -> dict:
    block = re.search(
        r'<script type="application/json" id="dyadwatch-figures">(.*?)</script>', page, re.S
    )
    assert block, "the figures block is missing"
    return json.loads(block.group(1))


def test_report_is_self_contained(report: str) -> None:
    assert report.startswith("<!doctype html>")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', report)
    assert policy and "default-src 'none'" in policy.group(1)
    assert "script-src" not in policy.group(1)  # no script may run, inline or not
    assert "<link" not in report
    assert not re.search(r"<script(?![^>]*application/json)", report)  # runs no script
    assert not re.search(
        r"""(?:src|href)=["']?(?:https?:)?//""",
        report.replace('href="https://example.org/doc-summit"', ""),
    )  # the only link is a source's own URL
    assert "@import" not in report and "url(" not in report
    assert "svg {" in report or ".chart svg" in report  # the dashboard's style is inlined


def test_report_draws_the_charts(report: str) -> None:
    svgs = re.findall(r"<svg.*?</svg>", report, re.S)
    assert len(svgs) == 4  # index, tone by genre, issue salience, polls
    index_svg = svgs[0]
    assert index_svg.count('class="point"') == 5
    assert index_svg.count('class="dir-point"') == 6  # JPN>KOR 4, KOR>JPN 2 scored periods
    assert index_svg.count('class="alert-down"') == 1 and index_svg.count('class="alert-up"') == 1
    assert len(re.findall(r'class="bar-q[1-4]"', index_svg)) == 7
    # Tone: one line per genre (official: the radar statement; news: the curbs and the summit),
    # never one mean of both; the news line crosses the years without news tone dashed.
    tone_svg = svgs[1]
    assert tone_svg.count('class="series"') == 2 and ">official</text>" in tone_svg
    assert "news, 2019-07: tone -0.44 over 5 sentences" in tone_svg
    assert tone_svg.count('class="series-gap"') == 1
    assert svgs[2].count('class="series"') == 3
    assert svgs[3].count('class="series"') == 1
    assert "<td>news -0.44 (5)</td>" in report  # the yearly table, 2019


def test_every_point_links_to_all_its_events(report: str) -> None:
    data = figures(report)
    for point in data["index"]["points"]:
        assert f'href="#period-{point["period"]}"' in report
        block = report.split(f'id="period-{point["period"]}"', 1)[1].split('class="period"')[0]
        for event_id in point["event_ids"]:
            assert event_id in block, (point["period"], event_id)


def test_report_quotes_every_mention_of_top_events(report: str) -> None:
    assert (
        "<mark>Japan restricted the export of three chemicals to South Korea on Monday</mark>."
        in report
    )
    assert "<mark>Tokyo curbed shipments of chip materials to Seoul on Tuesday</mark>." in report
    assert "near-copy of doc-exports" in report and "3 mentions, 2 sources" in report
    assert "fixture/doc-exports.txt" in report
    assert (
        '<a href="https://example.org/doc-summit" rel="noreferrer">Leaders meet in Tokyo</a>'
        in report
    )
    # Text from the database is escaped, never taken as HTML.
    assert "Tokyo tightens exports &lt;b&gt;&amp; Seoul&lt;/b&gt; replies" in report
    assert "<b>&" not in report.split('id="dyadwatch-figures"')[0]
    assert "2019-07 · index -6.1" in report and "2023-03 · index +3.4" in report
    assert "2019-08 · index -4.0 · 1 scored of 2 events" in report
    assert "(negated)" in report  # the negated CONSULT is listed, not quoted as a top event
    assert '▼ drop</span> <a href="#period-2019-07">' in report


def test_report_embeds_the_figures(report: str) -> None:
    data = figures(report)
    assert {p["period"] for p in data["index"]["points"]} == {
        "2018-12",
        "2019-07",
        "2019-08",
        "2023-03",
        "2023-05",
    }
    assert [w["direction"] for w in data["ways"]] == ["JPN>KOR", "KOR>JPN"]
    assert [y["direction"] for y in data["yearly"]] == ["both", "JPN>KOR", "KOR>JPN"]
    assert [a["kind"] for a in data["alerts"][0]["items"]] == ["drop", "rise"]
    assert data["polls"]["total"] == 2
    first = data["periods"][0]["events"][0]
    assert first["mentions"][0]["sentence"].startswith("Japan said a South Korean destroyer")


def test_only_http_urls_become_links(tmp_path: Path) -> None:
    from dyadwatch.report import _link

    assert _link("https://example.org/a?b=1&c", "A") == (
        '<a href="https://example.org/a?b=1&amp;c" rel="noreferrer">A</a>'
    )
    for url in ("javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html,x",
                "vbscript:x", "//evil.example/x", "file:///etc/passwd"):  # fmt: skip
        assert _link(url, "title") == "<strong>title</strong>", url
    # Through the whole report: a stored javascript: URL is shown as text.
    db = build_web_db(tmp_path / "web.duckdb")
    with Store(db) as store:
        store._db.execute(
            "UPDATE documents SET url = 'javascript:alert(document.cookie)' "
            "WHERE id = 'doc-summit'"
        )
    page = write_report(db, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<strong>Leaders meet in Tokyo</strong>" in page
    assert not re.search(r"href=[\"']?\s*javascript", page, re.I)


def test_the_report_is_for_the_dyad_the_events_were_built_for(tmp_path: Path) -> None:
    from dyadwatch.analyze import DyadMismatchError

    db = build_web_db(tmp_path / "web.duckdb")
    with Store(db) as store:
        refresh(store, load_dyad("usa-china"))  # rebuilt for another dyad
    page = write_report(db, tmp_path / "uc.html").read_text(encoding="utf-8")
    assert "<title>dyadwatch report · United States – China</title>" in page
    assert figures(page)["summary"]["dyad"]["countries"] == ["USA", "CHN"]
    with pytest.raises(DyadMismatchError, match="built for usa-china, not japan-korea"):
        write_report(db, tmp_path / "jk.html", load_dyad("japan-korea"))


def test_report_errors_are_named(tmp_path: Path) -> None:
    db = build_web_db(tmp_path / "web.duckdb")
    with pytest.raises(QueryError, match="unknown freq"):
        write_report(db, tmp_path / "r.html", freq="hour")
    with pytest.raises(StoreError, match="no database"):
        write_report(tmp_path / "missing.duckdb", tmp_path / "r.html")
    with pytest.raises(StoreError, match="cannot write the report"):
        write_report(db, tmp_path / "no-such-folder" / "r.html")


def test_report_and_serve_commands(tmp_path: Path) -> None:
    from dyadwatch.cli_web import register

    app = typer.Typer()
    register(app)
    db = build_web_db(tmp_path / "web.duckdb")
    out = tmp_path / "cli.html"
    runner = CliRunner()
    result = runner.invoke(app, ["report", "--out", str(out), "--db", str(db), "--freq", "year"])
    assert result.exit_code == 0, result.output
    assert figures(out.read_text(encoding="utf-8"))["index"]["freq"] == "year"
    missing = runner.invoke(app, ["report", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no database" in missing.output
    helped = runner.invoke(app, ["serve", "--help"])
    assert helped.exit_code == 0 and "--port" in helped.output and "127.0.0.1" in helped.output
    refused = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert refused.exit_code == 1 and "no database" in refused.output
    bogus = runner.invoke(app, ["report", "--db", str(db), "--freq", "bogus"])
    assert bogus.exit_code == 2 and "bogus" in bogus.output
    # Another dyad than the events were built for: exit 2 with the command that rebuilds.
    other = runner.invoke(app, ["report", "--db", str(db), "--dyad", "usa-china"])
    assert other.exit_code == 2, other.output
    assert "dyadwatch analyze --db" in other.output and "--dyad usa-china" in other.output
    # A period length without alerts says which ones have them.
    result = runner.invoke(app, ["report", "--out", str(out), "--db", str(db), "--freq", "day"])
    assert result.exit_code == 0, result.output
    assert "Alerts are computed by week, month only, not by day" in out.read_text("utf-8")


def test_serve_on_a_busy_port_exits_1_before_saying_it_listens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    uvicorn = pytest.importorskip("uvicorn")
    from dyadwatch.cli_web import register

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("serve went on to run the server on a busy port")

    monkeypatch.setattr(uvicorn.Server, "run", never)
    app = typer.Typer()
    register(app)
    db = build_web_db(tmp_path / "web.duckdb")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"port {port} on 127.0.0.1 is in use" in result.output
    assert "dashboard on" not in result.output
    other = CliRunner().invoke(app, ["serve", "--db", str(db), "--dyad", "usa-china"])
    assert other.exit_code == 2 and "built for japan-korea, not usa-china" in other.output


def test_example_corpus_shows_the_2019_low_and_the_2023_thaw(
    tmp_path: Path, extractor: Extractor
) -> None:
    corpus = REPO / "examples" / "corpus"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    inputs = [str(corpus)]
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.exists():
        inputs.append(str(seeds))
    db = tmp_path / "corpus.duckdb"
    run(inputs, settings=Settings(db=str(db)), extractor=extractor)
    with Store(db) as store:
        summary = refresh(store, load_dyad("japan-korea"))
    assert summary.events < summary.mentions  # mentions of one happening were merged
    page = write_report(db, tmp_path / "corpus.html").read_text(encoding="utf-8")
    data = figures(page)
    months = {p["period"]: p["value"] for p in data["index"]["points"] if p["value"] is not None}
    # The low: the court rulings, the radar row, export curbs and GSOMIA (2018-10 … 2019-12).
    low = min(v for k, v in months.items() if "2018-10" <= k <= "2019-12")
    assert low <= -3, months
    # The thaw: the Tokyo and Seoul summits of spring 2023 (the Fukushima protests of August
    # 2023 pull the other way).
    spring = [v for k, v in months.items() if "2023-03" <= k <= "2023-06"]
    assert spring and sum(spring) / len(spring) >= 2, months
    years = {p["period"]: p["value"] for p in data["yearly"][0]["points"]}
    assert years["2023"] > years["2019"] and years["2023"] > years["2018"], years
    for point in data["index"]["points"]:  # every plotted point leads to its events
        block = page.split(f'id="period-{point["period"]}"', 1)[1].split('class="period"')[0]
        assert all(event_id in block for event_id in point["event_ids"]), point["period"]
