"""The relation index: weighted scores with damping, exclusions, counts, periods, directions,
salience, poll series and the GDELT source."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest

from dyadwatch.analyze.index import (
    direction_codes,
    index_frame,
    issue_salience,
    parse_period,
    period_of,
    relation_index,
    salience_frame,
)
from dyadwatch.analyze.polls import poll_series
from dyadwatch.analyze.refresh import EVENT_FRAME_COLUMNS
from dyadwatch.analyze.settings import WeightSettings
from dyadwatch.config import load_dyad
from dyadwatch.errors import QueryError
from dyadwatch.store import Store

from .web_fixture import build_web_db

JK = ("JPN", "KOR")
BOTH = {"both": ("A>B", "B>A", "A<>B")}
W = WeightSettings()


def ev(
    event_id: str,
    date: str | None,
    goldstein: float | None,
    *,
    precision: str = "day",
    direction: str = "A>B",
    kind: str = "SANCTION",
    quad: int | None = 4,
    sources: int = 1,
    mentions: int = 1,
    negated: bool = False,
    hypothetical: bool = False,
    tone: float | None = None,
    plover: float | None = None,
    issues: tuple[str, ...] = (),
) -> dict:
    first = dt.date.fromisoformat(date) if date else None
    return {
        "id": event_id,
        "event_type": kind,
        "date": date,
        "date_first": first,
        "date_last": first,
        "date_precision": precision if date else None,
        "direction": direction,
        "negated": negated,
        "hypothetical": hypothetical,
        "issues": list(issues),
        "quad_class": quad,
        "goldstein": goldstein,
        "plover_score": plover,
        "tone": tone,
        "weight": W.weight(sources),
        "n_mentions": mentions,
        "n_sources": sources,
    }


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(EVENT_FRAME_COLUMNS))


def test_scores_are_weighted_by_damped_sources_and_exclusions_counted_apart() -> None:
    events = frame(
        ev("big", "2019-07-01", -8.0, sources=100, mentions=240, plover=-6.0, tone=-0.5),
        ev("s1", "2019-07-10", 2.0, kind="CONSULT", quad=1, plover=1.0, tone=0.2),
        ev("s2", "2019-07-11", 2.0, kind="CONSULT", quad=1, plover=1.0),
        ev("s3", "2019-07-12", 3.0, kind="AGREE", quad=1, direction="A<>B"),
        ev("hyp", "2019-07-13", -10.0, kind="ASSAULT", hypothetical=True),
        ev("neg", "2019-07-14", -9.0, kind="COERCE", negated=True),
        ev("elsewhere", "2019-07-15", -10.0, direction="other"),
    )
    (row,) = index_frame(events, "month", BOTH).to_dict("records")
    cap = 4.0  # 1 + ln(100) = 5.6 is capped: the syndicated story weighs as 4 small ones
    assert row["period"] == "2019-07" and row["direction"] == "both"
    assert (row["events"], row["scored"], row["hypothetical"], row["negated"]) == (6, 4, 1, 1)
    assert row["goldstein_sum"] == pytest.approx(-8 * cap + 7)
    assert row["goldstein_mean"] == pytest.approx((-8 * cap + 7) / (cap + 3), abs=1e-4)
    assert row["plover_mean"] == pytest.approx((-6 * cap + 2) / (cap + 2), abs=1e-4)
    assert "tone" not in row  # no tone that mixes genres: see the tone-by-genre tests
    assert math.isnan(row["tone_news"]) and row["tone_news_n"] == 0  # no mention tones given
    assert row["mentions"] == 243 and row["weight"] == pytest.approx(cap + 3)
    assert (row["quad1"], row["quad4"], row["cooperation"], row["conflict"]) == (3, 1, 3, 1)
    assert (row["SANCTION"], row["CONSULT"], row["AGREE"], row["ASSAULT"]) == (1, 2, 1, 0)
    assert sorted(row["event_ids"]) == ["big", "hyp", "neg", "s1", "s2", "s3"]
    # Without damping, mentions would have counted: the one story would swamp the month.
    undamped = (-8 * 240 + 7) / 243
    assert row["goldstein_mean"] > undamped + 3


def test_periods_respect_date_precision() -> None:
    events = frame(
        ev("day", "2019-07-03", -2.0),
        ev("month", "2019-07-01", -4.0, precision="month"),
        ev("year", "2019-01-01", -6.0, precision="year"),
        ev("undated", None, -8.0),
    )
    weeks = index_frame(events, "week", BOTH)
    assert weeks[["period", "start", "end"]].values.tolist() == [
        ["2019-W27", dt.date(2019, 7, 1), dt.date(2019, 7, 7)]
    ]
    assert index_frame(events, "day", BOTH)["period"].tolist() == ["2019-07-03"]
    months = index_frame(events, "month", BOTH)
    assert months["event_ids"].tolist() == [["month", "day"]]  # by first day
    years = index_frame(events, "year", BOTH)
    assert years["goldstein_mean"].tolist() == [-4.0] and years["events"].tolist() == [3]


def test_directions_split_the_events() -> None:
    events = frame(
        ev("jk", "2019-07-01", -8.0),
        ev("kj", "2019-07-02", -2.0, direction="B>A"),
        ev("joint", "2019-07-03", 4.0, direction="A<>B"),
    )
    wanted = dict(direction_codes(d, JK) for d in ("both", "JPN>KOR", "KOR>JPN", "JPN<>KOR"))
    rows = {r["direction"]: r for r in index_frame(events, "month", wanted).to_dict("records")}
    assert {d: r["goldstein_mean"] for d, r in rows.items()} == {
        "both": pytest.approx(-2.0),
        "JPN>KOR": -8.0,
        "KOR>JPN": -2.0,
        "JPN<>KOR": 4.0,
    }
    assert index_frame(frame(), "month", BOTH).empty


def test_a_period_of_only_hypothetical_events_has_no_value() -> None:
    (row,) = index_frame(
        frame(ev("plan", "2019-07-01", 3.0, hypothetical=True)), "month", BOTH
    ).to_dict("records")
    assert (row["events"], row["scored"], row["hypothetical"]) == (1, 0, 1)
    assert math.isnan(row["goldstein_mean"]) and math.isnan(row["goldstein_sum"])


@pytest.mark.parametrize(
    ("written", "label", "codes"),
    [
        ("both", "both", ("A>B", "B>A", "A<>B")),
        ("", "both", ("A>B", "B>A", "A<>B")),
        ("JPN>KOR", "JPN>KOR", ("A>B",)),
        ("jpn-kor", "JPN>KOR", ("A>B",)),
        ("KOR→JPN", "KOR>JPN", ("B>A",)),
        ("B>A", "KOR>JPN", ("B>A",)),
        ("KOR<>JPN", "JPN<>KOR", ("A<>B",)),
    ],
)
def test_direction_codes(written: str, label: str, codes: tuple[str, ...]) -> None:
    assert direction_codes(written, JK) == (label, codes)


@pytest.mark.parametrize("bad", ["USA>JPN", "JPN", "JPN>KOR>USA", "north"])
def test_bad_directions_are_named(bad: str) -> None:
    with pytest.raises(QueryError, match="unknown direction"):
        direction_codes(bad, JK)


def test_period_labels_round_trip() -> None:
    for freq, start in (
        ("day", dt.date(2019, 7, 3)),
        ("week", dt.date(2019, 7, 1)),
        ("month", dt.date(2019, 7, 1)),
        ("year", dt.date(2019, 1, 1)),
    ):
        label, end = period_of(freq, start)
        assert parse_period(freq, label) == (start, end)
    assert period_of("week", dt.date(2018, 12, 31))[0] == "2019-W01"
    with pytest.raises(QueryError, match="not a week"):
        parse_period("week", "2019-W54")
    # A label of another length is refused, not read as the period holding its first day.
    for freq, label in (("week", "2019-07-03"), ("week", "2019-07"), ("month", "2019"),
                        ("day", "2019-07"), ("year", "2019-07")):  # fmt: skip
        with pytest.raises(QueryError, match=f"is not a {freq}; write it as the index labels"):
            parse_period(freq, label)
    with pytest.raises(QueryError, match="unknown freq"):
        parse_period("quarter", "2019")


def test_issue_salience_counts_attention_including_unreal_events() -> None:
    events = frame(
        ev("a", "2019-07-01", -8.0, issues=("trade",)),
        ev("b", "2019-07-02", -3.0, direction="B>A", issues=("trade", "history")),
        ev("c", "2019-07-03", None, hypothetical=True, issues=("security",)),
        ev("d", "2019-08-01", 1.0),
        ev("x", "2019-08-02", 1.0, direction="other", issues=("trade",)),
    )
    labels = {"trade": "Export controls"}
    monthly = salience_frame(events, "month", BOTH["both"], labels)
    shares = {
        (r["period"], r["issue"]): (r["share"], r["total"]) for r in monthly.to_dict("records")
    }
    assert shares == {
        ("2019-07", "trade"): (pytest.approx(2 / 3, abs=1e-4), 3),
        ("2019-07", "history"): (pytest.approx(1 / 3, abs=1e-4), 3),
        ("2019-07", "security"): (pytest.approx(1 / 3, abs=1e-4), 3),
    }
    assert monthly["label"].iloc[0] == "Export controls"
    overall = salience_frame(events, None, BOTH["both"], labels)
    assert overall[["period", "issue", "events", "total"]].values.tolist()[0] == [
        "all",
        "trade",
        2,
        4,
    ]


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_web_db(tmp_path_factory.mktemp("index") / "web.duckdb")


def test_store_level_index_salience_and_polls(web_db: Path) -> None:
    dyad = load_dyad("japan-korea")
    with Store(web_db, read_only=True) as store:
        months = relation_index(store, dyad, "month")
        every = relation_index(store, dyad, "month", "all")
        since = relation_index(store, dyad, "month", since="2023-01", until="2023-04")
        issues = issue_salience(store, dyad, None)
        polls = poll_series(store)
    assert months["period"].tolist() == ["2018-12", "2019-07", "2019-08", "2023-03", "2023-05"]
    assert set(every["direction"]) == {"both", "JPN>KOR", "KOR>JPN"}
    assert since["period"].tolist() == ["2023-03"]
    assert issues.iloc[0][["issue", "events", "total"]].tolist() == ["trade", 3, 11]
    assert polls["series"].unique().tolist() == ["KOR on JPN: favourable (Gallup Korea)"]
    assert polls[["year", "value", "start"]].values.tolist()[0] == [2019, 12.0, dt.date(2019, 1, 1)]


def test_the_gdelt_source_reads_gdelt_rows_between_the_two(tmp_path: Path) -> None:
    dyad = load_dyad("japan-korea")
    rows = [
        # id, day, actor1, actor2, plover, quad, goldstein, sources, tone
        (1, "2019-07-01", "JPN", "KOR", "SANCTION", 4, -8.0, 1, -6.0),
        (2, "2019-07-02", "JPN", "KOR", "SANCTION", 4, -8.0, 1000, -5.0),
        (3, "2019-07-03", "KOR", "JPN", "ACCUSE", 3, -2.0, 1, -3.0),
        (4, "2019-07-03", "JPN", "USA", "CONSULT", 1, 1.0, 3, 1.0),
        (5, "2019-07-03", "JPN", "JPN", "CONSULT", 1, 1.0, 3, 1.0),
    ]
    with Store(tmp_path / "g.duckdb") as store:
        for gid, day, a1, a2, plover, quad, gold, sources, tone in rows:
            store._db.execute(
                "INSERT INTO gdelt_events (global_event_id, gdelt_version, day, actor1_country, "
                "actor2_country, plover_type, quad_class, goldstein, num_mentions, num_sources, "
                "avg_tone, source_file, imported_at) VALUES (?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "'test', now())",
                [gid, day, a1, a2, plover, quad, gold, sources, sources, tone],
            )
        gdelt = relation_index(store, dyad, "month", "all", source="gdelt")
        empty = relation_index(store, dyad, "month", source="dyadwatch")
    rows_by = {r["direction"]: r for r in gdelt.to_dict("records")}
    both = rows_by["both"]
    assert (both["events"], both["scored"]) == (3, 3)  # JPN-USA and JPN-JPN are left out
    assert both["goldstein_mean"] == pytest.approx((-8 - 8 * 4 - 2) / (1 + 4 + 1), abs=1e-4)
    # GDELT's AvgTone is on its own scale: a column of its own, never "tone".
    assert both["gdelt_avg_tone"] == pytest.approx((-6 - 5 * 4 - 3) / 6, abs=1e-4)
    assert "tone" not in both and not any(k.startswith("tone_") for k in both)
    assert rows_by["KOR>JPN"]["goldstein_mean"] == -2.0
    assert empty.empty
    with pytest.raises(QueryError, match="unknown source"):
        relation_index(Store(":memory:"), dyad, source="acled")


def test_tone_by_genre_keeps_news_official_forum_and_comments_apart() -> None:
    from dyadwatch.analyze.tone import GENRE_TONE_COLUMNS

    events = frame(
        ev("a", "2019-07-01", -8.0),
        ev("b", "2019-07-02", -3.0, direction="B>A"),
        ev("plan", "2019-07-03", -9.0, hypothetical=True),
    )
    tones = pd.DataFrame(
        [
            ("a", "news-1", 0, "news", -0.4),
            ("a", "news-2", 10, "news", -0.2),
            ("b", "news-2", 10, "news", -0.2),  # one sentence reporting two events: counted once
            ("a", "thread", 0, "forum", -0.9),
            ("b", "thread", 50, "comment", 0.8),
            ("a", "mofa", 0, "official", 0.1),
            ("plan", "news-3", 0, "news", -1.0),  # a hypothetical event is not scored
        ],
        columns=["event_id", "doc_id", "sentence_start", "genre", "tone"],
    )
    (row,) = index_frame(events, "month", BOTH, tones=tones).to_dict("records")
    assert (row["tone_news"], row["tone_news_n"]) == (pytest.approx(-0.3), 2)
    assert (row["tone_forum"], row["tone_forum_n"]) == (-0.9, 1)
    assert (row["tone_comment"], row["tone_comment_n"]) == (0.8, 1)
    assert (row["tone_official"], row["tone_official_n"]) == (0.1, 1)
    assert math.isnan(row["tone_encyclopedia"]) and row["tone_encyclopedia_n"] == 0
    assert set(GENRE_TONE_COLUMNS) <= set(row)
    one_way = index_frame(events, "month", {"JPN>KOR": ("A>B",)}, tones=tones).iloc[0]
    assert (one_way["tone_news_n"], one_way["tone_comment_n"]) == (2, 0)


def test_store_level_tone_takes_the_genre_of_posts_and_comments(tmp_path: Path) -> None:
    from dyadwatch.analyze import refresh

    from .web_fixture import event_document

    story = [("Japan accused Seoul on Monday.", "article", -0.5),
             ("Japan blamed Seoul for it.", "comment", 0.6)]  # fmt: skip
    board = [("Japan accused Korea again.", "post", -0.7)]
    with Store(tmp_path / "t.duckdb") as store:
        store.write_results(
            [event_document("story", story), event_document("board", board, genre="forum")]
        )
        refresh(store, load_dyad("japan-korea"))
        (row,) = relation_index(store, load_dyad("japan-korea"), "month").to_dict("records")
    assert (row["tone_news"], row["tone_news_n"]) == (-0.5, 1)
    assert (row["tone_comment"], row["tone_comment_n"]) == (0.6, 1)
    assert (row["tone_forum"], row["tone_forum_n"]) == (-0.7, 1)


def test_the_index_method_is_written_from_the_weight_settings() -> None:
    from dyadwatch.analyze.index import index_method

    assert "1 + ln(its distinct sources), at most 4" in index_method()
    assert "square root of its distinct sources, at most 9" in index_method(
        WeightSettings(damping="sqrt", max_weight=9)
    )
    assert "every event weighs 1" in index_method(WeightSettings(damping="none"))
    gdelt = index_method(W, "gdelt")
    assert "GDELT's AvgTone" in gdelt and "per genre" not in gdelt
