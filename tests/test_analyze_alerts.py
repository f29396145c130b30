"""The change detector: a designed drop and rise raise alerts naming the events behind them;
small moves, thin periods and stale baselines do not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from dyadwatch.analyze import refresh
from dyadwatch.analyze.alerts import alert_id, compute_alerts, detect_alerts
from dyadwatch.analyze.index import index_frame
from dyadwatch.analyze.refresh import EVENT_FRAME_COLUMNS
from dyadwatch.analyze.settings import AlertSettings
from dyadwatch.config import load_dyad
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

JK = ("JPN", "KOR")
BOTH = ("A>B", "B>A", "A<>B")


def ev(event_id: str, day: str, goldstein: float, *, direction: str = "A>B", **extra) -> dict:
    first = dt.date.fromisoformat(day)
    row = {
        "id": event_id,
        "event_type": "CONSULT" if goldstein > 0 else "ACCUSE",
        "date": day,
        "date_first": first,
        "date_last": first,
        "date_precision": "day",
        "direction": direction,
        "negated": False,
        "hypothetical": False,
        "issues": [],
        "quad_class": 1 if goldstein > 0 else 3,
        "goldstein": goldstein,
        "plover_score": None,
        "tone": None,
        "weight": 1.0,
        "n_mentions": 1,
        "n_sources": 1,
    }
    row.update(extra)
    return row


def calm_then(*rows: dict) -> pd.DataFrame:
    """Six calm months of 2019 (two events around +2 each), then ``rows``."""
    calm = [
        ev(f"calm-{m}-{i}", f"2019-{m:02d}-{10 + i}", 2.0 + (0.5 if i else -0.5))
        for m in range(1, 7)
        for i in range(2)
    ]
    return pd.DataFrame([*calm, *rows], columns=list(EVENT_FRAME_COLUMNS))


def alerts_of(events: pd.DataFrame, settings: AlertSettings | None = None) -> list:
    index = index_frame(events, "month", {"both": BOTH})
    return detect_alerts(index, events, "month", "both", BOTH, settings, label="JPN–KOR")


def test_a_designed_drop_raises_one_alert_with_its_driving_events() -> None:
    events = calm_then(
        ev("sanction", "2019-07-01", -8.0, weight=1 + 0.6931),
        ev("protest", "2019-07-02", -6.5, direction="B>A"),
        ev("talks", "2019-07-03", 4.0, direction="A<>B"),  # above the baseline: not a driver
        ev("threat", "2019-07-04", -7.0, hypothetical=True),  # not scored: not a driver
    )
    (alert,) = alerts_of(events)
    assert (alert.kind, alert.period, alert.period_start) == (
        "drop",
        "2019-07",
        dt.date(2019, 7, 1),
    )
    assert alert.baseline == pytest.approx(2.0)
    assert alert.threshold == pytest.approx(2.0)  # the calm months barely vary: min_change rules
    assert alert.value == pytest.approx((-8 * 1.6931 - 6.5 + 4) / 3.6931, abs=1e-3)
    assert alert.n_events == 3
    assert alert.event_ids == ("sanction", "protest")
    assert alert.id == alert_id("month", "both", dt.date(2019, 7, 1), "drop")
    assert "JPN–KOR relation index drop in 2019-07" in alert.message


def test_a_rise_after_a_low_is_an_alert_too() -> None:
    low = [ev(f"low-{m}-{i}", f"2019-{m:02d}-0{5 + i}", -4.0) for m in range(1, 5) for i in (0, 1)]
    summit = [ev("summit", "2019-05-16", 4.0), ev("deal", "2019-05-17", 7.0)]
    events = pd.DataFrame([*low, *summit], columns=list(EVENT_FRAME_COLUMNS))
    (alert,) = alerts_of(events)
    assert (alert.kind, alert.period) == ("rise", "2019-05")
    assert alert.event_ids == ("deal", "summit")


def test_small_moves_thin_periods_and_noisy_baselines_raise_nothing() -> None:
    small = calm_then(ev("a", "2019-07-01", 0.5), ev("b", "2019-07-02", 0.5))
    assert alerts_of(small) == []  # 1.5 points below a +2 baseline: under min_change
    thin = calm_then(ev("a", "2019-07-01", -9.0))
    assert alerts_of(thin) == []  # one scored event is not enough
    assert len(alerts_of(thin, AlertSettings(min_events=1))) == 1
    noisy = [
        ev(f"n{m}-{i}", f"2019-{m:02d}-1{i}", v)
        for m, v in zip(range(1, 7), (6, -6, 6, -6, 6, -6), strict=True)
        for i in range(2)
    ]
    swing = pd.DataFrame(
        [*noisy, ev("a", "2019-07-01", -7.0), ev("b", "2019-07-02", -7.0)],
        columns=list(EVENT_FRAME_COLUMNS),
    )
    # The swings themselves alert early on, but by July the threshold is 2 × a spread of 6.
    assert "2019-07" not in [a.period for a in alerts_of(swing)]


def test_the_baseline_looks_back_a_bounded_number_of_periods() -> None:
    events = calm_then(ev("a", "2020-07-01", -4.0), ev("b", "2020-07-02", -4.0))
    # By default a monthly baseline reaches 12 months back: the calm of early 2019 is too old.
    assert AlertSettings().lookback("month") == 12 and AlertSettings().lookback("week") == 26
    assert alerts_of(events) == []
    unbounded = AlertSettings(max_lookback={"month": None})
    (alert,) = alerts_of(events, unbounded)
    assert alert.period == "2020-07"
    assert "the mean of the 6 earlier periods with events back to 2019-01 (18 months before" in (
        alert.message
    )
    assert alerts_of(events, AlertSettings(max_lookback=6)) == []
    assert alerts_of(events, AlertSettings(max_lookback=13)) == []  # only June 2019 is left
    assert len(alerts_of(events, AlertSettings(max_lookback=13, min_baseline=1))) == 1
    assert alerts_of(events, AlertSettings(baseline_periods=1, min_baseline=1, min_change=7)) == []


def test_a_single_earlier_period_is_no_baseline() -> None:
    """The reviewer's case: a month compared with one month years before raised an alert."""
    events = pd.DataFrame(
        [
            ev("old", "1992-01-10", -6.5),
            ev("a", "2002-03-01", -1.0),
            ev("b", "2002-03-02", -1.5),
        ],
        columns=list(EVENT_FRAME_COLUMNS),
    )
    assert alerts_of(events) == []
    assert alerts_of(events, AlertSettings(max_lookback={"month": None})) == []  # one period
    loose = AlertSettings(max_lookback={"month": None}, min_baseline=1)
    assert [a.kind for a in alerts_of(events, loose)] == ["rise"]


def test_the_lookback_is_read_from_the_settings_file_block() -> None:
    from dyadwatch.analyze.settings import AnalysisSettings
    from dyadwatch.errors import ConfigError

    chosen = AnalysisSettings.from_mapping({"alerts": {"max_lookback": {"week": 8}}})
    assert (chosen.alerts.lookback("week"), chosen.alerts.lookback("month")) == (8, 12)
    everywhere = AnalysisSettings.from_mapping({"alerts": {"max_lookback": None}})
    assert everywhere.alerts.lookback("month") is None
    for bad, words in (
        ({"max_lookback": {"hour": 3}}, "max_lookback of hour"),
        ({"max_lookback": {"week": 0}}, "max_lookback of week"),
        ({"max_lookback": "a year"}, "must be a number, null or a mapping"),
        ({"min_baseline": 7}, "min_baseline must lie between 1 and"),
    ):
        with pytest.raises(ConfigError, match=words):
            AnalysisSettings.from_mapping({"alerts": bad})


def test_the_method_text_follows_the_settings() -> None:
    from dyadwatch.analyze.alerts import alert_method

    text = alert_method(AlertSettings(min_change=1.5, max_lookback={"week": 8}))
    assert "max(1.5, 2 × spread)" in text and "8 weeks, 12 months" in text
    assert "2 or more such periods" in text


def test_compute_alerts_covers_frequencies_and_directions() -> None:
    events = calm_then(ev("a", "2019-07-01", -8.0), ev("b", "2019-07-02", -8.0))
    found = compute_alerts(events, JK)
    assert {(a.freq, a.direction) for a in found} == {
        ("month", "both"),
        ("month", "A>B"),
        ("week", "both"),
        ("week", "A>B"),
    }
    monthly = compute_alerts(events, JK, AlertSettings(freqs=("month",), directions=("B>A",)))
    assert monthly == []


def _result(doc_id: str, day: str, text: str, goldstein: float, kind: str) -> DocumentResult:
    document = Document(doc_id, text, f"test/{doc_id}", published=FuzzyDate.parse(day))
    mention = EventMention(
        doc_id=doc_id,
        sentence=text,
        sentence_start=0,
        event_type=kind,
        actors=(ActorRef("Japan", country="JPN"),),
        recipients=(ActorRef("South Korea", country="KOR"),),
        evidence=Evidence(0, len(text) - 1, "test/1"),
        date=FuzzyDate.parse(day),
        goldstein=goldstein,
        quad_class=1 if goldstein > 0 else 4,
    )
    return DocumentResult(document, (Sentence(doc_id, 0, 0, len(text), text),), (mention,))


def test_refresh_stores_alerts_that_name_stored_events(tmp_path: Path) -> None:
    results = [
        _result(f"calm-{m}-{i}", f"2019-{m:02d}-1{i}", f"Calm talks {m} {i}.", 2.0, "CONSULT")
        for m in range(1, 7)
        for i in range(2)
    ]
    results += [
        _result("curbs", "2019-07-01", "Japan curbed exports.", -8.0, "SANCTION"),
        _result("ban", "2019-07-09", "Japan banned shipments.", -8.0, "SANCTION"),
    ]
    with Store(tmp_path / "a.duckdb") as store:
        store.write_results(results)
        summary = refresh(store, load_dyad("japan-korea"))
        stored = store.alerts(freq="month", directions=("both",))
        events = store.query("SELECT id, quote FROM events")
        again = refresh(store, load_dyad("japan-korea"))
        # A rebuild gives the same alerts with the same ids.
        assert (
            store.alerts(freq="month", directions=("both",))["id"].tolist() == stored["id"].tolist()
        )
    assert summary.alerts >= 2 and again.events == summary.events
    (drop,) = stored.to_dict("records")
    assert drop["kind"] == "drop" and drop["direction"] == "both"
    quotes = dict(zip(events["id"], events["quote"], strict=True))
    assert sorted(quotes[i] for i in drop["event_ids"]) == [
        "Japan banned shipments.",
        "Japan curbed exports.",
    ]
