"""Every constant of the analysis layer, in one frozen dataclass a user can override.

``AnalysisSettings()`` holds the defaults documented in ``docs/analysis.md``. A settings file
overrides them under ``extra: {analysis: {...}}``, one nested mapping per part::

    # dyadwatch.yaml
    extra:
      analysis:
        merge: {day_window: 1, symmetric_types: [CONSULT]}
        weight: {damping: sqrt, max_weight: 5}
        alerts: {freqs: [month], min_change: 1.5, max_lookback: {month: 24}}

``analysis_settings(settings)`` reads that block; unknown keys and values of the wrong kind raise
``ConfigError`` naming the key.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..config import Settings
from ..errors import ConfigError
from ..models import PLOVER_TYPES

FREQS = ("day", "week", "month", "year")
DAMPINGS = ("log", "sqrt", "none")


@dataclass(frozen=True, slots=True)
class DedupSettings:
    """Near-duplicate documents: MinHash over word shingles, LSH buckets, a Jaccard threshold."""

    shingle_words: int = 5  # words per shingle
    num_perm: int = 128  # MinHash functions; bands * rows must equal it
    bands: int = 32  # LSH bands of num_perm / bands rows each
    threshold: float = 0.7  # estimated Jaccard similarity at or above which two are copies
    min_shingles: int = 20  # shorter documents are never called duplicates


@dataclass(frozen=True, slots=True)
class MergeSettings:
    """Mentions to events: which mentions may be the same happening."""

    day_window: int = 2  # day-precise mentions at most this many days apart may merge
    day_max_span: int = 4  # an event's day-precise dates never spread over more days than this
    require_shared_issue: bool = True  # two issue-tagged groups merge only if they share an issue
    # Types where "A met B" and "B met A" (or "A and B agreed") are the same happening: blocked
    # by the set of all participating countries rather than by actor and recipient sides.
    symmetric_types: tuple[str, ...] = ("CONSULT", "AGREE", "COOPERATE")


@dataclass(frozen=True, slots=True)
class WeightSettings:
    """How much one event counts in the index: damped in its number of distinct sources."""

    damping: str = "log"  # log: 1 + ln(n); sqrt: sqrt(n); none: 1
    max_weight: float = 4.0  # cap, so no single event outweighs a handful of others

    def weight(self, n_sources: int) -> float:
        n = max(1, int(n_sources))
        if self.damping == "none":
            raw = 1.0
        elif self.damping == "sqrt":
            raw = math.sqrt(n)
        else:
            raw = 1.0 + math.log(n)
        return round(min(raw, self.max_weight), 6)

    def describe(self) -> str:
        """How an event's weight is set, in words (for method texts)."""
        if self.damping == "none":
            return "every event weighs 1"
        damped = "1 + ln(its distinct sources)" if self.damping == "log" else (
            "the square root of its distinct sources"
        )
        return f"each event weighs {damped}, at most {self.max_weight:g}"


# How far back (in periods of each frequency) a baseline may reach by default: about a year for
# weeks and months, so a period is never compared with a calm of ten years before.
DEFAULT_LOOKBACK: dict[str, int | None] = {"day": 60, "week": 26, "month": 12, "year": 5}


@dataclass(frozen=True, slots=True)
class AlertSettings:
    """The change detector: a period's index against the periods before it."""

    freqs: tuple[str, ...] = ("week", "month")
    directions: tuple[str, ...] = ("both", "A>B", "B>A")  # A, B: the dyad's countries in order
    baseline_periods: int = 6  # earlier periods with scored events that form the baseline
    min_baseline: int = 2  # a baseline needs at least this many of them, else no alert
    # Baseline periods at most this many periods back, per frequency (None: any distance). A
    # number (or None) applies to every frequency; a mapping overrides the defaults it names.
    max_lookback: Mapping[str, int | None] = field(default_factory=lambda: dict(DEFAULT_LOOKBACK))
    z: float = 2.0  # threshold in baseline standard deviations …
    min_change: float = 2.0  # … but never less than this many Goldstein points
    min_events: int = 2  # scored events a period needs before it can raise an alert
    max_driving: int = 10  # driving events kept per alert

    def __post_init__(self) -> None:
        raw: Any = self.max_lookback
        if raw is None or (isinstance(raw, int | float) and not isinstance(raw, bool)):
            full = dict.fromkeys(FREQS, None if raw is None else int(raw))
        elif isinstance(raw, Mapping):
            full = {**DEFAULT_LOOKBACK, **raw}
        else:
            raise ConfigError(f"alerts.max_lookback must be a number or a mapping, not {raw!r}")
        object.__setattr__(self, "max_lookback", full)

    def lookback(self, freq: str) -> int | None:
        """How many periods of ``freq`` back a baseline may reach (``None``: no limit)."""
        return self.max_lookback.get(freq, DEFAULT_LOOKBACK.get(freq))


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    dedup: DedupSettings = field(default_factory=DedupSettings)
    merge: MergeSettings = field(default_factory=MergeSettings)
    weight: WeightSettings = field(default_factory=WeightSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)

    def __post_init__(self) -> None:
        _validate(self)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None) -> AnalysisSettings:
        """Defaults overridden by ``raw`` (``{"merge": {...}, "alerts": {...}, …}``)."""
        if not raw:
            return cls()
        if not isinstance(raw, Mapping):
            raise ConfigError("extra.analysis must be a mapping of dedup, merge, weight, alerts")
        parts: dict[str, Any] = {}
        for name, value in raw.items():
            if name not in _PARTS:
                raise ConfigError(
                    f"unknown analysis setting {name!r}; use {', '.join(sorted(_PARTS))}"
                )
            parts[name] = _part(name, _PARTS[name](), value)
        return cls(**parts)

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return {
            part.name: {
                f.name: getattr(getattr(self, part.name), f.name)
                for f in fields(getattr(self, part.name))
            }
            for part in fields(self)
        }


_PARTS: dict[str, type] = {
    "dedup": DedupSettings,
    "merge": MergeSettings,
    "weight": WeightSettings,
    "alerts": AlertSettings,
}


def _part(name: str, default: Any, raw: Any) -> Any:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"analysis.{name} must be a mapping, not {raw!r}")
    known = {f.name: f for f in fields(default)}
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(
                f"unknown setting analysis.{name}.{key}; known: {', '.join(sorted(known))}"
            )
        current = getattr(default, key)
        if isinstance(current, Mapping):
            value = _lookback(f"analysis.{name}.{key}", value)
        elif isinstance(current, tuple):
            if isinstance(value, str) or not isinstance(value, list | tuple):
                raise ConfigError(f"analysis.{name}.{key} must be a list, not {value!r}")
            value = tuple(str(v) for v in value)
        elif isinstance(current, bool):
            if not isinstance(value, bool):
                raise ConfigError(f"analysis.{name}.{key} must be true or false, not {value!r}")
        elif isinstance(current, int | float) or current is None:
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if value is not None and not number:
                raise ConfigError(f"analysis.{name}.{key} must be a number, not {value!r}")
            if isinstance(current, int) and value is not None and value != int(value):
                raise ConfigError(f"analysis.{name}.{key} must be a whole number, not {value!r}")
            if isinstance(current, int) and value is not None:
                value = int(value)
        elif isinstance(current, str) and not isinstance(value, str):
            raise ConfigError(f"analysis.{name}.{key} must be a string, not {value!r}")
        changes[key] = value
    return replace(default, **changes)


def _lookback(key: str, value: Any) -> Any:
    """A settings-file ``max_lookback``: a number or null for every frequency, or a mapping of
    frequency to a number or null."""
    if isinstance(value, Mapping):
        entries = value.items()
    elif value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    else:
        raise ConfigError(
            f"{key} must be a number, null or a mapping of frequencies, not {value!r}"
        )
    checked: dict[str, int | None] = {}
    for freq, number in entries:
        if number is not None and (
            isinstance(number, bool) or not isinstance(number, int | float) or number != int(number)
        ):
            raise ConfigError(f"{key}.{freq} must be a whole number or null, not {number!r}")
        checked[str(freq)] = None if number is None else int(number)
    return checked


def _validate(settings: AnalysisSettings) -> None:
    dedup, merge, weight, alerts = (
        settings.dedup,
        settings.merge,
        settings.weight,
        settings.alerts,
    )
    problems = []
    if dedup.bands < 1 or dedup.num_perm % dedup.bands:
        problems.append("dedup.num_perm must be a multiple of dedup.bands")
    if not 0 < dedup.threshold <= 1:
        problems.append("dedup.threshold must lie in (0, 1]")
    if dedup.shingle_words < 1 or dedup.min_shingles < 1:
        problems.append("dedup.shingle_words and dedup.min_shingles must be 1 or more")
    if merge.day_window < 0 or merge.day_max_span < merge.day_window:
        problems.append("merge.day_window must be >= 0 and <= merge.day_max_span")
    unknown = sorted(set(merge.symmetric_types) - set(PLOVER_TYPES))
    if unknown:
        problems.append(f"merge.symmetric_types has unknown PLOVER types {', '.join(unknown)}")
    if weight.damping not in DAMPINGS:
        problems.append(f"weight.damping must be one of {', '.join(DAMPINGS)}")
    if weight.max_weight < 1:
        problems.append("weight.max_weight must be 1 or more")
    bad_freqs = sorted(set(alerts.freqs) - set(FREQS))
    if bad_freqs:
        problems.append(f"alerts.freqs has unknown frequencies {', '.join(bad_freqs)}")
    bad_dirs = sorted(set(alerts.directions) - {"both", "A>B", "B>A", "A<>B"})
    if bad_dirs:
        problems.append(f"alerts.directions has {', '.join(bad_dirs)}; use both, A>B, B>A or A<>B")
    if alerts.baseline_periods < 1 or alerts.min_events < 1 or alerts.max_driving < 1:
        problems.append("alerts.baseline_periods, min_events and max_driving must be 1 or more")
    if not 1 <= alerts.min_baseline <= alerts.baseline_periods:
        problems.append("alerts.min_baseline must lie between 1 and alerts.baseline_periods")
    bad_lookback = sorted(
        f for f, n in alerts.max_lookback.items() if f not in FREQS or (n is not None and n < 1)
    )
    if bad_lookback:
        problems.append(
            f"alerts.max_lookback of {', '.join(bad_lookback)}: use day, week, month or year "
            "with a number of periods of 1 or more (or null for no limit)"
        )
    if alerts.z < 0 or alerts.min_change < 0:
        problems.append("alerts.z and alerts.min_change must be 0 or more")
    if problems:
        raise ConfigError("bad analysis settings: " + "; ".join(problems))


def analysis_settings(settings: Settings | None = None) -> AnalysisSettings:
    """The analysis settings of ``settings`` (its ``extra["analysis"]`` block) or the defaults."""
    if settings is None:
        return AnalysisSettings()
    return AnalysisSettings.from_mapping(settings.extra.get("analysis"))
