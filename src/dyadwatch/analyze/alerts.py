"""The change detector: a period whose relation index leaves its recent range raises an alert.

For each frequency in ``AlertSettings.freqs`` and each direction in ``AlertSettings.directions``
the index's periods with scored events are taken in order. For a period *t*, the baseline is
the mean of the index over the up to ``baseline_periods`` earlier periods that have scored events
and lie at most ``lookback(freq)`` periods back (by default 12 months, 26 weeks), and the spread
is their standard deviation. The period raises an alert when

    |index(t) − baseline| ≥ threshold = max(min_change, z × spread)

it has at least ``min_events`` scored events and the baseline rests on at least
``min_baseline`` earlier periods: a *drop* below the baseline or a *rise* above. A period with a
thinner or older past never alerts, so a sparse corpus is not compared with a single month ten
years before. The message names the baseline's first period and how far back it lies. The alert
keeps the events that drove it: the period's scored events ranked by their pull on the index,
``weight × (goldstein − baseline)``, most negative first for a drop and most positive first for a
rise (only those pulling that way).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .index import PRECISIONS, direction_codes, index_frame, period_starts
from .settings import AlertSettings


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert, as stored in the ``alerts`` table. ``direction`` is ``both``, ``A>B``,
    ``B>A`` or ``A<>B`` (A, B: the dyad's countries in order)."""

    id: str
    freq: str
    period_start: dt.date
    period: str
    direction: str
    kind: str  # drop or rise
    value: float
    baseline: float
    threshold: float
    n_events: int
    message: str
    event_ids: tuple[str, ...]

    @property
    def change(self) -> float:
        return round(self.value - self.baseline, 4)


def alert_method(settings: AlertSettings | None = None) -> str:
    """What an alert means under ``settings``, in words (for the API, report and dashboard):
    completes "An alert marks a period whose …"."""
    settings = settings or AlertSettings()
    reach = ", ".join(
        f"{n} {freq}s" if n is not None else f"any number of {freq}s"
        for freq in settings.freqs
        for n in (settings.lookback(freq),)
    )
    return (
        f"index is at least max({settings.min_change:g}, {settings.z:g} × spread) Goldstein "
        f"points below (drop) or above (rise) the mean of up to {settings.baseline_periods} "
        f"earlier periods with events, in a period with {settings.min_events} or more scored "
        f"events; the baseline needs {settings.min_baseline} or more such periods, none further "
        f"back than {reach or 'the lookback'}"
    )


def _ordinal(freq: str, start: dt.date) -> int:
    """Position of a period on its own time line (consecutive periods differ by 1)."""
    if freq == "day":
        return start.toordinal()
    if freq == "week":
        return start.toordinal() // 7
    if freq == "month":
        return start.year * 12 + start.month - 1
    return start.year


def alert_id(freq: str, direction: str, start: dt.date, kind: str) -> str:
    key = f"{freq}|{direction}|{start.isoformat()}|{kind}"
    return "a" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def detect_alerts(
    index: pd.DataFrame,
    events: pd.DataFrame,
    freq: str,
    direction: str,
    codes: Sequence[str],
    settings: AlertSettings | None = None,
    *,
    label: str | None = None,
) -> list[Alert]:
    """Alerts of one index series (rows of ``index_frame`` for one direction).

    ``events`` are the events the index was computed from (to name the driving ones), ``codes``
    the stored directions the series covers, ``direction`` the code written into the alert
    (``both``, ``A>B`` …) and ``label`` how messages name it (``JPN>KOR``).
    """
    settings = settings or AlertSettings()
    label = label or direction
    lookback = settings.lookback(freq)
    series = index[index["goldstein_mean"].notna()].sort_values("start")
    history: list[tuple[int, str, float]] = []
    alerts = []
    pool: dict[dt.date, pd.DataFrame] | None = None
    for row in series.to_dict("records"):
        position = _ordinal(freq, row["start"])
        value = float(row["goldstein_mean"])
        earlier = [
            (p, name, v)
            for p, name, v in history[-settings.baseline_periods :]
            if lookback is None or position - p <= lookback
        ]
        history.append((position, row["period"], value))
        if len(earlier) < settings.min_baseline or int(row["scored"]) < settings.min_events:
            continue
        values = [v for _, _, v in earlier]
        baseline = sum(values) / len(values)
        spread = statistics.pstdev(values) if len(values) > 1 else 0.0
        threshold = max(settings.min_change, settings.z * spread)
        change = value - baseline
        if abs(change) < threshold:
            continue
        kind = "drop" if change < 0 else "rise"
        if pool is None:
            pool = scored_by_period(events, freq, codes)
        driving = driving_events(pool.get(row["start"]), baseline, kind)
        ids = tuple(driving[: settings.max_driving])
        first_position, first_period, _ = earlier[0]
        back = position - first_position
        message = (
            f"{label} relation index {kind} in {row['period']}: {value:+.2f} against "
            f"{baseline:+.2f}, the mean of the {len(values)} earlier periods with events back "
            f"to {first_period} ({back} {freq}{'s' if back != 1 else ''} before; change "
            f"{change:+.2f}, threshold {threshold:.2f}); {int(row['scored'])} scored "
            f"events, {len(driving)} pulling it {'down' if kind == 'drop' else 'up'}"
        )
        alerts.append(
            Alert(
                id=alert_id(freq, direction, row["start"], kind),
                freq=freq,
                period_start=row["start"],
                period=row["period"],
                direction=direction,
                kind=kind,
                value=round(value, 4),
                baseline=round(baseline, 4),
                threshold=round(threshold, 4),
                n_events=int(row["scored"]),
                message=message,
                event_ids=ids,
            )
        )
    return alerts


def scored_by_period(
    events: pd.DataFrame, freq: str, codes: Sequence[str]
) -> dict[dt.date, pd.DataFrame]:
    """The scored events with a Goldstein score in the direction ``codes``, by period start."""
    part = events[
        events["date_first"].notna()
        & events["date_precision"].isin(PRECISIONS[freq])
        & events["direction"].isin(list(codes))
        & ~events["negated"].astype(bool)
        & ~events["hypothetical"].astype(bool)
        & pd.to_numeric(events["goldstein"], errors="coerce").notna()
    ]
    if part.empty:
        return {}
    part = part.assign(start=period_starts(part["date_first"], freq))
    return {start: rows for start, rows in part.groupby("start", sort=False)}


def driving_events(period: pd.DataFrame | None, baseline: float, kind: str) -> list[str]:
    """Ids of a period's scored events (rows of ``scored_by_period``) that pull the index away
    from ``baseline`` in the alert's direction, strongest pull first."""
    if period is None or period.empty:
        return []
    pull = period["weight"].astype(float) * (period["goldstein"].astype(float) - baseline)
    ranked = period.assign(pull=pull)
    if kind == "drop":
        ranked = ranked[ranked["pull"] < 0].sort_values(["pull", "id"])
    else:
        ranked = ranked[ranked["pull"] > 0].sort_values(["pull", "id"], ascending=[False, True])
    return ranked["id"].tolist()


def compute_alerts(
    events: pd.DataFrame,
    countries: Sequence[str],
    settings: AlertSettings | None = None,
) -> list[Alert]:
    """Every alert of ``events`` for the frequencies and directions of ``settings``."""
    settings = settings or AlertSettings()
    a, b = countries
    alerts = []
    for freq in settings.freqs:
        for direction in settings.directions:
            label, codes = direction_codes(direction, countries)
            index = index_frame(events, freq, {label: codes})
            named = f"{a}–{b}" if label == "both" else label
            alerts.extend(
                detect_alerts(index, events, freq, direction, codes, settings, label=named)
            )
    return sorted(alerts, key=lambda x: (x.period_start, x.freq, x.direction, x.kind))
