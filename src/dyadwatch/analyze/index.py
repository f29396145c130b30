"""The relation index: per period and direction, what the two countries did to each other.

For each period (day, week, month or year) and direction (``A>B``: A acts on B; ``B>A``;
``both``: every event between the two, including joint ones and those going both ways; ``A<>B``:
only the joint ones), ``index_frame`` gives one row with

- ``events``: every event of the period in that direction, and apart from them ``hypothetical``
  (planned, possible, demanded) and ``negated`` ones; ``scored`` = the rest;
- counts of the scored events by QuadClass (``quad1`` … ``quad4``, ``cooperation`` = 1 + 2,
  ``conflict`` = 3 + 4) and by PLOVER type (one column per type);
- ``goldstein_mean``/``goldstein_sum`` and ``plover_mean``/``plover_sum``: the weighted mean and
  weighted sum of the scored events' scores, each event weighing its damped ``weight``
  (``settings.WeightSettings``: 1 + ln(distinct sources), at most 4, by default; the method
  text, ``index_method``, is written from the settings in use);
- ``tone_news``, ``tone_official``, ``tone_encyclopedia``, ``tone_forum``, ``tone_comment``,
  ``tone_unknown``, each with its count (``tone_news_n`` …): the plain mean tone of the
  sentences reporting the scored events, one per genre (``tone.period_genre_tone``), so news,
  official text, forum posts and readers' comments are never averaged together; with
  ``source="gdelt"`` instead ``gdelt_avg_tone``, the weighted mean of GDELT's AvgTone (its own
  scale, not comparable with dyadwatch's −1 … +1);
- ``mentions`` and ``weight``: the scored events' mentions and summed weights;
- ``event_ids``: every event of the row, so each point can be traced to its events.

An event belongs to the period holding its first day, and only to periods at least as long as its
date is precise: a month-precise event is left out of daily and weekly rows. Periods without
events have no row. Issue salience is a separate frame (``issue_salience``), and so are poll
series (``polls.poll_series``): polls are lines of their own, never mixed into the scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ..config import Dyad
from ..errors import QueryError
from ..models import PLOVER_TYPES, FuzzyDate
from ..store import EventFilter, Store
from ..store.derived import DYADIC
from .settings import FREQS, WeightSettings
from .tone import GENRE_TONE_COLUMNS, TONE_GENRES, period_genre_tone

PRECISIONS: dict[str, tuple[str, ...]] = {
    "day": ("day",),
    "week": ("day",),
    "month": ("day", "month"),
    "year": ("day", "month", "year"),
}
SOURCES = ("dyadwatch", "gdelt")
SCORE_COLUMNS = (
    "events", "scored", "hypothetical", "negated", "mentions", "weight", "goldstein_mean",
    "goldstein_sum", "plover_mean", "plover_sum", "quad1", "quad2", "quad3", "quad4",
    "cooperation", "conflict",
)  # fmt: skip
GDELT_TONE_COLUMNS = ("gdelt_avg_tone",)
INDEX_COLUMNS = (
    "period", "start", "end", "direction", *SCORE_COLUMNS, *GENRE_TONE_COLUMNS, *PLOVER_TYPES,
    "event_ids",
)  # fmt: skip
GDELT_INDEX_COLUMNS = (
    "period", "start", "end", "direction", *SCORE_COLUMNS, *GDELT_TONE_COLUMNS, *PLOVER_TYPES,
    "event_ids",
)  # fmt: skip
SALIENCE_COLUMNS = ("period", "start", "end", "issue", "label", "events", "share", "total")



def index_method(weighting: WeightSettings | None = None, source: str = "dyadwatch") -> str:
    """What the index and its tone columns are, in words, for the settings in use."""
    weighting = weighting or WeightSettings()
    text = (
        "weighted mean Goldstein score (-10 conflict … +10 cooperation) of the period's merged "
        "events between the two countries; hypothetical and negated events are left out and "
        f"counted apart; {weighting.describe()}"
    )
    if source == "gdelt":
        return text + (
            "; source: GDELT rows (one row = one event); tone: GDELT's AvgTone, weighted the "
            "same way (GDELT's own scale, not dyadwatch's -1 … +1)"
        )
    return text + (
        "; tone: plain mean VADER score (-1 … +1) of the sentences reporting the scored events, "
        f"one per genre ({', '.join(TONE_GENRES)}), with forum posts and readers' comments "
        "apart: genres are never averaged together"
    )


SALIENCE_METHOD = (
    "share of the period's events between the two countries tagged with the issue (hypothetical "
    "and negated events count here: they show attention)"
)


# --- directions and periods ---------------------------------------------------------------------


def direction_codes(direction: str, countries: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """``(label, stored codes)`` for a direction as a user writes it.

    ``both`` (every event between the two), ``A>B``/``B>A``/``A<>B`` or with the dyad's codes:
    ``JPN>KOR``, ``JPN-KOR``, ``JPN→KOR``, ``JPN<>KOR``. Labels use the codes (``JPN>KOR``).
    """
    a, b = countries
    text = str(direction).strip().upper().replace("→", ">").replace("<->", "<>")
    if text in ("", "BOTH", "ALL"):
        return "both", DYADIC
    if "<>" in text:
        sides = text.split("<>")
        if sides in (["A", "B"], [a, b], [b, a]):
            return f"{a}<>{b}", ("A<>B",)
    else:
        sides = text.replace("-", ">").split(">")
        if sides in (["A", "B"], [a, b]):
            return f"{a}>{b}", ("A>B",)
        if sides in (["B", "A"], [b, a]):
            return f"{b}>{a}", ("B>A",)
    raise QueryError(f"unknown direction {direction!r}; use both, {a}>{b}, {b}>{a} or {a}<>{b}")


def index_directions(countries: Sequence[str]) -> list[str]:
    a, b = countries
    return ["both", f"{a}>{b}", f"{b}>{a}", f"{a}<>{b}"]


def check_freq(freq: str) -> str:
    """``freq`` when it is one of ``FREQS``, else ``QueryError`` naming them."""
    if freq not in FREQS:
        raise QueryError(f"unknown freq {freq!r}; use {', '.join(FREQS)}")
    return freq


def period_of(freq: str, start: dt.date) -> tuple[str, dt.date]:
    """Label and last day of the period of ``freq`` that begins on ``start``."""
    if freq == "day":
        return start.isoformat(), start
    if freq == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}", start + dt.timedelta(days=6)
    if freq == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return f"{start.year:04d}-{start.month:02d}", following - dt.timedelta(days=1)
    return f"{start.year:04d}", dt.date(start.year, 12, 31)


def period_start(freq: str, day: dt.date) -> dt.date:
    """First day of the period of ``freq`` that holds ``day`` (weeks start on Monday)."""
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return dt.date(day.year, 1, 1)


PERIOD_EXAMPLES = {"day": "2019-07-01", "week": "2019-W27", "month": "2019-07", "year": "2019"}


def parse_period(freq: str, label: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period label as the index writes it at ``freq`` (``2019-07-01``,
    ``2019-W31``, ``2019-07``, ``2019``); ``QueryError`` when the label is not a period of that
    length (``2019-07`` is not a week: it is not silently read as the week of 1 July)."""
    check_freq(freq)
    text = str(label).strip()
    error = QueryError(
        f"period {label!r} is not a {freq}; write it as the index labels a {freq}, e.g. "
        + PERIOD_EXAMPLES[freq]
    )
    try:
        if freq == "week":
            if "-W" not in text.upper():
                raise error
            year, week = text.upper().split("-W")
            start = dt.date.fromisocalendar(int(year), int(week), 1)
        else:
            parsed = FuzzyDate.parse(text)
            if parsed.precision != freq:
                raise error
            start = period_start(freq, parsed.first_day())
    except ValueError as exc:
        raise error from exc
    return start, period_of(freq, start)[1]


def period_starts(dates: pd.Series, freq: str) -> pd.Series:
    days = pd.to_datetime(dates)
    if freq == "day":
        starts = days.dt.normalize()
    elif freq == "week":
        starts = days.dt.normalize() - pd.to_timedelta(days.dt.day_of_week, unit="D")
    elif freq == "month":
        starts = days.dt.to_period("M").dt.start_time
    else:
        starts = days.dt.to_period("Y").dt.start_time
    return starts.dt.date


# --- the index ----------------------------------------------------------------------------------


def index_frame(
    events: pd.DataFrame,
    freq: str,
    directions: Mapping[str, Sequence[str]],
    *,
    tones: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The index rows of ``events`` (columns as ``Store.event_frame``) for each direction label
    in ``directions`` (label → stored direction codes), oldest period first.

    ``tones`` (``Store.event_mention_tones``) gives the tone columns by genre; GDELT rows (with
    a ``gdelt_avg_tone`` column) give ``gdelt_avg_tone`` instead.
    """
    check_freq(freq)
    gdelt = "gdelt_avg_tone" in events.columns
    columns = list(GDELT_INDEX_COLUMNS if gdelt else INDEX_COLUMNS)
    dated = events[
        events["date_first"].notna() & events["date_precision"].isin(PRECISIONS[freq])
    ].copy()
    if dated.empty:
        return pd.DataFrame(columns=columns)
    dated["start"] = period_starts(dated["date_first"], freq)
    frames = []
    for label, codes in directions.items():
        part = dated[dated["direction"].isin(list(codes))]
        if not part.empty:
            frames.append(_aggregate(part, freq, label, None if gdelt else tones))
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def _aggregate(
    part: pd.DataFrame, freq: str, label: str, tones: pd.DataFrame | None
) -> pd.DataFrame:
    negated = part["negated"].astype(bool)
    hypothetical = part["hypothetical"].astype(bool)
    scored = ~negated & ~hypothetical
    weight = part["weight"].astype(float)
    gdelt = "gdelt_avg_tone" in part.columns
    means = [("goldstein", "goldstein"), ("plover", "plover_score")]
    if gdelt:
        means.append(("gdelt_avg_tone", "gdelt_avg_tone"))
    helper = pd.DataFrame({"start": part["start"]})
    helper["events"] = 1
    helper["scored"] = scored.astype(int)
    helper["hypothetical"] = hypothetical.astype(int)
    helper["negated"] = negated.astype(int)
    helper["mentions"] = np.where(scored, part["n_mentions"].fillna(1), 0)
    helper["weight"] = np.where(scored, weight, 0.0)
    for name, column in means:
        values = pd.to_numeric(part[column], errors="coerce")
        present = scored & values.notna()
        helper[f"{name}_sum"] = np.where(present, weight * values.fillna(0), 0.0)
        helper[f"{name}_w"] = np.where(present, weight, 0.0)
    quad = pd.to_numeric(part["quad_class"], errors="coerce")
    for q in (1, 2, 3, 4):
        helper[f"quad{q}"] = (scored & (quad == q)).astype(int)
    for kind in PLOVER_TYPES:
        helper[kind] = (scored & (part["event_type"] == kind)).astype(int)
    sums = helper.groupby("start", sort=True).sum()
    ids = part.sort_values(["date_first", "id"]).groupby("start", sort=True)["id"].agg(list)
    out = pd.DataFrame(index=sums.index)
    starts = list(sums.index)
    out["period"] = [period_of(freq, s)[0] for s in starts]
    out["start"] = starts
    out["end"] = [period_of(freq, s)[1] for s in starts]
    out["direction"] = label
    for column in ("events", "scored", "hypothetical", "negated", "mentions"):
        out[column] = sums[column].astype(int)
    out["weight"] = sums["weight"].round(4)
    for name, _ in means:
        total, weights = sums[f"{name}_sum"], sums[f"{name}_w"]
        mean = (total / weights.where(weights > 0)).round(4)
        if name == "gdelt_avg_tone":
            out[name] = mean
        else:
            out[f"{name}_mean"] = mean
            out[f"{name}_sum"] = total.where(weights > 0).round(4)
    for q in (1, 2, 3, 4):
        out[f"quad{q}"] = sums[f"quad{q}"].astype(int)
    out["cooperation"] = out["quad1"] + out["quad2"]
    out["conflict"] = out["quad3"] + out["quad4"]
    if not gdelt:
        by_genre = period_genre_tone(tones, part.loc[scored, ["id", "start"]])
        by_genre = by_genre.reindex(sums.index)
        for column in GENRE_TONE_COLUMNS:
            values = by_genre[column]
            out[column] = values.fillna(0).astype(int) if column.endswith("_n") else values
    for kind in PLOVER_TYPES:
        out[kind] = sums[kind].astype(int)
    out["event_ids"] = [ids[s] for s in starts]
    return out.reset_index(drop=True)


def load_events(
    store: Store,
    countries: Sequence[str],
    *,
    source: str = "dyadwatch",
    weighting: WeightSettings | None = None,
) -> pd.DataFrame:
    """The events the index reads: the merged ``events`` table, or GDELT's rows between the two
    countries with weights damped the same way from their NumSources."""
    if source not in SOURCES:
        raise QueryError(f"unknown source {source!r}; use {' or '.join(SOURCES)}")
    frame = store.event_frame(source, tuple(countries))
    if source == "gdelt" and not frame.empty:
        weighting = weighting or WeightSettings()
        frame["weight"] = [weighting.weight(int(n)) for n in frame["n_sources"]]
    elif source == "gdelt":
        frame["weight"] = pd.Series(dtype=float)
    return frame


def events_in_window(events: pd.DataFrame, since: str | None, until: str | None) -> pd.DataFrame:
    """The rows of ``events`` whose first day lies in ``since`` … ``until`` (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``, either may be ``None``); ``QueryError`` on a bad date."""
    bounds = EventFilter.from_args(since=since, until=until)
    if bounds.since is None and bounds.until is None:
        return events
    first = pd.to_datetime(events["date_first"]).dt.date
    keep = first.notna()
    if bounds.since is not None:
        keep &= first >= bounds.since
    if bounds.until is not None:
        keep &= first <= bounds.until
    return events[keep.fillna(False).astype(bool)]


def relation_index(
    store: Store,
    dyad: Dyad,
    freq: str = "month",
    direction: str = "both",
    *,
    source: str = "dyadwatch",
    since: str | None = None,
    until: str | None = None,
    weighting: WeightSettings | None = None,
) -> pd.DataFrame:
    """The relation index of the stored events (see the module docstring for the columns).

    ``direction``: ``both``, ``JPN>KOR``, ``KOR>JPN``, ``JPN<>KOR`` (or ``A>B`` …), or ``all``
    for the rows of ``both`` and the two one-way directions. ``source``: ``dyadwatch`` (the
    merged events) or ``gdelt`` (imported GDELT rows), to compare the two. ``since``/``until``
    keep events whose first day lies in the range. Bad values raise ``QueryError``.
    """
    check_freq(freq)
    if str(direction).strip().lower() == "all":
        wanted = dict(direction_codes(d, dyad.countries) for d in ("both", "A>B", "B>A"))
    else:
        label, codes = direction_codes(direction, dyad.countries)
        wanted = {label: codes}
    events = events_in_window(
        load_events(store, dyad.countries, source=source, weighting=weighting), since, until
    )
    tones = store.event_mention_tones() if source == "dyadwatch" else None
    return index_frame(events, freq, wanted, tones=tones)


# --- issue salience -----------------------------------------------------------------------------


def issue_labels(dyad: Dyad) -> dict[str, str]:
    """Issue id → label from the dyad's issue taxonomy; an absent or unreadable file gives
    ``{}`` (the ids are then shown as they are)."""
    if dyad.issue_file is None or not Path(dyad.issue_file).exists():
        return {}
    try:
        raw = yaml.safe_load(Path(dyad.issue_file).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    entries: Any = raw.get("issues", raw) if isinstance(raw, dict) else raw
    if isinstance(entries, dict):
        entries = [
            {"id": key, **value} if isinstance(value, dict) else {"id": key}
            for key, value in entries.items()
        ]
    labels: dict[str, str] = {}
    for entry in entries if isinstance(entries, list) else ():
        if isinstance(entry, dict) and entry.get("id"):
            labels[str(entry["id"])] = str(entry.get("label") or entry.get("name") or entry["id"])
    return labels


def salience_frame(
    events: pd.DataFrame,
    freq: str | None,
    codes: Sequence[str],
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Share of events per issue, per period of ``freq`` (or over everything, ``freq=None``:
    one row per issue with period ``all``), among events with one of the direction ``codes``."""
    labels = labels or {}
    part = events[events["direction"].isin(list(codes))]
    if freq is not None:
        check_freq(freq)
        part = part[part["date_first"].notna() & part["date_precision"].isin(PRECISIONS[freq])]
    if part.empty:
        return pd.DataFrame(columns=list(SALIENCE_COLUMNS))
    part = part.copy()
    if freq is None:
        part["key"] = "all"
    else:
        part["key"] = [d.isoformat() for d in period_starts(part["date_first"], freq)]
    totals = part["key"].value_counts()
    exploded = part.assign(issue=part["issues"].map(_as_list)).explode("issue")
    exploded = exploded[exploded["issue"].notna()]
    if exploded.empty:
        return pd.DataFrame(columns=list(SALIENCE_COLUMNS))
    counts = exploded.groupby(["key", "issue"], sort=True)["id"].nunique()
    rows = []
    for (key, issue), n in counts.items():
        if key == "all":
            period, first, last = "all", None, None
        else:
            first = dt.date.fromisoformat(str(key))
            period, last = period_of(freq, first)  # type: ignore[arg-type]
        total = int(totals[key])
        rows.append(
            {
                "period": period,
                "start": first,
                "end": last,
                "issue": issue,
                "label": labels.get(issue, issue),
                "events": int(n),
                "share": round(int(n) / total, 4),
                "total": total,
            }
        )
    frame = pd.DataFrame(rows, columns=list(SALIENCE_COLUMNS))
    order = ["period", "share"] if freq is not None else ["share"]
    ascending = [True, False] if freq is not None else [False]
    return frame.sort_values([*order, "issue"], ascending=[*ascending, True], ignore_index=True)


def issue_salience(
    store: Store,
    dyad: Dyad,
    freq: str | None = "month",
    direction: str = "both",
    *,
    since: str | None = None,
    until: str | None = None,
) -> pd.DataFrame:
    """Issue salience of the stored events, with labels from the dyad's taxonomy."""
    _, codes = direction_codes(direction, dyad.countries)
    events = load_events(store, dyad.countries)
    if since is not None or until is not None:
        events = events_in_window(events, since, until)
    return salience_frame(events, freq, codes, issue_labels(dyad))


def _as_list(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    return [str(v) for v in value]
