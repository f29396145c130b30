"""The GDELT importer (dyadwatch.gdelt) on the hand-made files in tests/fixtures/gdelt/."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from dyadwatch.cli_export import register
from dyadwatch.config import load_dyad
from dyadwatch.gdelt import (
    MAX_LOGGED_LINES,
    V1_COLUMNS,
    V2_COLUMNS,
    cameo_plover,
    import_gdelt,
    parse_row,
    plover_for,
)
from dyadwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "gdelt"
V1 = FIXTURES / "20160728.export.CSV"
V2 = FIXTURES / "20190701120000.export.CSV"
V2_ZIP = FIXTURES / "20190701120000.export.CSV.zip"
JK = load_dyad("japan-korea")
runner = CliRunner()


@pytest.fixture()
def store():
    with Store(":memory:") as opened:
        yield opened


def _stored(store: Store):
    return store.query("SELECT * FROM gdelt_events ORDER BY gdelt_version, global_event_id")


def test_v1_file_keeps_rows_between_the_two_countries(store):
    summary = import_gdelt(store, [V1], JK)
    assert summary.by_version == {1: 1}
    assert summary.files_read == 1
    assert summary.rows_read == 8
    assert summary.rows_kept == 3  # JPN>KOR, KOR>JPN, and the 57-column backfile line
    assert summary.rows_new == 3
    assert summary.rows_one_sided == 1  # JPN>USA; KOR>KOR and CHN>RUS count as neither
    assert summary.rows_malformed == 2  # the 5-column line, the non-numeric id
    rows = _stored(store)
    assert rows["global_event_id"].tolist() == [700000001, 700000002, 700000007]
    first = rows.iloc[0]
    assert first["gdelt_version"] == 1
    assert first["day"].date() == dt.date(2016, 7, 27)
    assert (first["actor1_country"], first["actor2_country"]) == ("JPN", "KOR")
    assert (first["actor1_code"], first["actor1_type"]) == ("JPNGOV", "GOV")
    assert (first["event_code"], first["event_root_code"]) == ("112", "11")
    assert (first["plover_type"], first["plover_mode"]) == ("ACCUSE", "disapprove")
    assert (first["quad_class"], first["goldstein"]) == (3, -2.0)
    assert (first["num_mentions"], first["num_sources"], first["num_articles"]) == (4, 1, 4)
    assert first["avg_tone"] == -2.5
    assert bool(first["is_root_event"]) is True
    assert (first["action_geo_country"], first["action_geo_name"]) == ("JA", "Japan")
    assert first["source_url"] == "https://news.example.org/jp-kr-criticism"
    assert first["source_file"] == str(V1)
    assert first["run_id"] == summary.run_id
    backfile = rows.iloc[2]
    assert pd.isna(backfile["source_url"])
    assert pd.isna(backfile["plover_type"])  # CAMEO 010, a statement: PLOVER drops it


def test_malformed_lines_are_logged_with_their_line_numbers(store):
    summary = import_gdelt(store, [V1], JK)
    log = store.ingest_log()
    sources = log["source"].tolist()
    assert f"{V1}:6" in sources and f"{V1}:8" in sources
    reasons = dict(zip(log["source"], log["detail"], strict=True))
    assert "5 columns" in reasons[f"{V1}:6"]
    assert reasons[f"{V1}:8"] == "GLOBALEVENTID 'x70000008' is not an integer"
    assert {s.reason for s in summary.skipped} == {"malformed line"}
    assert summary.files_skipped == 0
    assert store.runs()["status"].tolist() == ["complete"]


def test_v2_file_and_its_zip_hold_the_same_rows(store):
    plain = import_gdelt(store, [V2], JK)
    assert plain.by_version == {2: 1}
    assert (plain.rows_read, plain.rows_kept, plain.rows_malformed) == (5, 2, 1)
    assert plain.rows_one_sided == 1  # JPN with no second country
    again = import_gdelt(store, [V2_ZIP], JK)
    assert (again.rows_kept, again.rows_new, again.rows_known) == (2, 0, 2)
    rows = _stored(store)
    assert rows["global_event_id"].tolist() == [800000001, 800000002]
    assert rows["plover_type"].tolist() == ["COERCE", "ACCUSE"]
    assert rows["plover_mode"].tolist() == ["restrict", "disapprove"]
    assert rows["actor2_type"].tolist() == ["BUS", "GOV"]
    assert set(rows["gdelt_version"]) == {2}
    assert store.ingest_log()["detail"].iloc[0] == "SQLDATE '20191345' is not a YYYYMMDD date"


def test_zip_alone(store):
    summary = import_gdelt(store, [V2_ZIP], JK)
    assert (summary.files_read, summary.rows_new) == (1, 2)


def test_reimport_adds_nothing(store):
    import_gdelt(store, [V1, V2], JK)
    before = len(_stored(store))
    second = import_gdelt(store, [V1, V2_ZIP], JK)
    assert second.rows_new == 0 and second.rows_known == 5
    assert len(_stored(store)) == before == 5


def test_small_batches_store_the_same_rows(store):
    summary = import_gdelt(store, [V1, V2], JK, batch_rows=1)
    assert summary.rows_new == 5 and len(_stored(store)) == 5


def test_gzip_file(store, tmp_path):
    packed = tmp_path / "20160728.export.CSV.gz"
    packed.write_bytes(gzip.compress(V1.read_bytes()))
    assert import_gdelt(store, [packed], JK).rows_new == 3


def test_bad_inputs_are_logged_and_the_rest_of_the_batch_runs(store, tmp_path):
    mentions = tmp_path / "20190701120000.mentions.CSV"
    mentions.write_text("1\t2\t3\n", encoding="utf-8")
    broken_zip = tmp_path / "broken.export.CSV.zip"
    broken_zip.write_bytes(V2_ZIP.read_bytes()[:200])
    empty = tmp_path / "empty.export.CSV"
    empty.write_text("\n", encoding="utf-8")
    missing = tmp_path / "missing.export.CSV"
    summary = import_gdelt(store, [mentions, missing, broken_zip, empty, V1], JK)
    reasons = {s.source: s.reason for s in summary.skipped if s.reason != "malformed line"}
    assert reasons == {
        str(mentions): "not a GDELT event file",
        str(missing): "not found",
        str(broken_zip): "unreadable file",
        str(empty): "empty file",
    }
    assert summary.files_skipped == 4 and summary.files_read == 1
    assert summary.rows_new == 3
    logged = set(store.ingest_log()["source"])
    assert set(reasons) <= logged


def test_damaged_file_keeps_the_rows_read_before_the_damage(store, tmp_path):
    lines = V2.read_bytes().splitlines(keepends=True)
    damaged = tmp_path / "20190701120000.export.CSV.gz"
    damaged.write_bytes(gzip.compress(b"".join(lines))[:-12])  # cut the gzip trailer
    summary = import_gdelt(store, [damaged], JK)
    assert [s.reason for s in summary.skipped if s.reason == "unreadable file"]
    assert summary.rows_new == 2


def test_header_row_is_not_a_malformed_line(store, tmp_path):
    with_header = tmp_path / "header.export.CSV"
    with_header.write_text("\t".join(V2_COLUMNS) + "\n" + V2.read_text("utf-8"), "utf-8")
    summary = import_gdelt(store, [with_header], JK)
    assert summary.rows_read == 5 and summary.rows_new == 2


def test_many_malformed_lines_are_summarised(store, tmp_path):
    noisy = tmp_path / "noisy.export.CSV"
    good = V2.read_text("utf-8").splitlines()[0]
    noisy.write_text("\n".join([good] + ["1\t2"] * (MAX_LOGGED_LINES + 5)) + "\n", "utf-8")
    summary = import_gdelt(store, [noisy], JK)
    assert summary.rows_malformed == MAX_LOGGED_LINES + 5
    line_entries = [s for s in summary.skipped if s.reason == "malformed line"]
    assert len(line_entries) == MAX_LOGGED_LINES
    assert summary.skipped[-1].reason == "malformed lines"
    assert "5 more" in summary.skipped[-1].detail


def test_folder_expands_to_its_data_files(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(V1, folder)
    shutil.copy(V2_ZIP, folder)
    (folder / "notes.md").write_text("not data", encoding="utf-8")
    summary = import_gdelt(store, [folder], JK)
    assert summary.files_read == 2 and summary.rows_new == 5


def test_other_dyad(store):
    summary = import_gdelt(store, [V1, V2], load_dyad("usa-china"))
    assert summary.rows_kept == 1  # the 2.0 USA>CHN row
    assert _stored(store)["plover_type"].tolist() == ["ASSAULT"]


@pytest.mark.parametrize(
    ("code", "base", "root", "expected"),
    [
        ("112", "112", "11", ("ACCUSE", "disapprove")),
        ("0874", "087", "08", ("RETREAT", "disarm")),
        ("083", "083", "08", ("CONCEDE", None)),
        ("163", "163", "16", ("COERCE", "restrict")),
        ("1712", "171", "17", ("ASSAULT", "seize")),
        ("042", "042", "04", ("CONSULT", "visit")),
        ("085", "085", "08", ("RETREAT", None)),  # "ease" is no longer a mode
        ("010", "010", "01", (None, None)),
        ("0251", "025", "02", (None, None)),
        ("0999", None, None, ("ACCUSE", None)),  # unlisted: root 09
        ("1389", "138", "13", ("THREATEN", "violence")),  # unlisted: base 138
        ("", None, None, (None, None)),
        (None, None, None, (None, None)),
    ],
)
def test_plover_for(code, base, root, expected):
    found = plover_for(code, base, root)
    assert (found.event_type, found.mode) == expected


def test_crosswalk_covers_every_cameo_code_gdelt_uses():
    table = cameo_plover()
    assert len(table) >= 310
    typed = {code for code, entry in table.items() if entry.event_type}
    assert all(code[:2] not in ("01", "02") for code in typed)
    assert all(code in typed for code in table if code[:2] not in ("01", "02"))


def test_crosswalk_file_matches_its_build_script(shared, tmp_path):
    spec = importlib.util.spec_from_file_location(
        "build_cameo_plover", REPO / "scripts" / "build_cameo_plover.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = tmp_path / "cameo_plover.tsv"
    module.main(str(shared / "reference"), rebuilt)
    packaged = REPO / "src" / "dyadwatch" / "knowledge" / "cameo_plover.tsv"
    assert rebuilt.read_text("utf-8") == packaged.read_text("utf-8")


def _line(columns: tuple[str, ...], **values: str) -> list[str]:
    cells = dict.fromkeys(columns, "")
    cells.update(values)
    return [cells[name] for name in columns]


@given(
    day=st.dates(min_value=dt.date(1979, 1, 1), max_value=dt.date(2099, 12, 31)),
    event_id=st.integers(min_value=1, max_value=2**62),
    goldstein=st.floats(min_value=-10, max_value=10, allow_nan=False).map(lambda x: round(x, 1)),
    tone=st.floats(min_value=-100, max_value=100, allow_nan=False),
    mentions=st.integers(min_value=0, max_value=10**6),
    version_columns=st.sampled_from([V1_COLUMNS, V1_COLUMNS[:57], V2_COLUMNS]),
)
def test_parse_row_round_trips_numbers_and_dates(
    day, event_id, goldstein, tone, mentions, version_columns
):
    cells = _line(
        version_columns,
        GLOBALEVENTID=str(event_id),
        SQLDATE=day.strftime("%Y%m%d"),
        GoldsteinScale=repr(goldstein),
        AvgTone=repr(tone),
        NumMentions=str(mentions),
        EventCode="036",
    )
    event = parse_row(cells, "f")
    assert event.global_event_id == event_id and event.day == day
    assert event.goldstein == goldstein and event.avg_tone == tone
    assert event.num_mentions == mentions and event.plover_type == "AGREE"
    assert event.gdelt_version == (2 if len(version_columns) == 61 else 1)


@pytest.mark.parametrize(
    "bad", [{"SQLDATE": "2019"}, {"NumMentions": "many"}, {"GLOBALEVENTID": ""}]
)
def test_parse_row_rejects_bad_fields(bad):
    cells = _line(V1_COLUMNS, **{"GLOBALEVENTID": "1", "SQLDATE": "20190701", **bad})
    with pytest.raises(ValueError):
        parse_row(cells, "f")


# --- the command --------------------------------------------------------------------------


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_cli_import_gdelt(tmp_path):
    db = tmp_path / "g.duckdb"
    result = runner.invoke(_app(), ["import-gdelt", str(V1), str(V2_ZIP), "--db", str(db)])
    assert result.exit_code == 3, result.output  # malformed lines were skipped
    assert "malformed line" in result.output
    assert "rows JPN–KOR" in result.output
    with Store(db, read_only=True) as store:
        assert len(_stored(store)) == 5
    again = runner.invoke(_app(), ["import-gdelt", str(V2), "--db", str(db), "-q"])
    assert again.exit_code == 3  # the bad-date line again
    with Store(db, read_only=True) as store:
        assert len(_stored(store)) == 5


def test_cli_import_gdelt_clean_file_exits_zero(tmp_path):
    clean = tmp_path / "clean.export.CSV"
    clean.write_text(V2.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    result = runner.invoke(_app(), ["import-gdelt", str(clean), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output


def test_cli_import_gdelt_bad_dyad(tmp_path):
    result = runner.invoke(
        _app(), ["import-gdelt", str(V1), "--db", str(tmp_path / "x.db"), "--dyad", "nowhere"]
    )
    assert result.exit_code == 1 and "no dyad configuration" in result.output
