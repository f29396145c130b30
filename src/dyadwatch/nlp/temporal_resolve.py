"""Anchoring for the temporal tagger: turn a year-less or relative expression into a FuzzyDate.

Every function takes a ``Reference`` (the base date, how precisely it is known, and the tense of
the sentence) and returns None when there is no base. The rules are described in the docstring of
``dyadwatch.nlp.temporal``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from dyadwatch.models import FuzzyDate, Precision
from dyadwatch.nlp.temporal_patterns import NUMBER_WORDS, SEASONS

T = TypeVar("T")

# A past-tense "March 16" may lie this many days after the base (stories filed late, time zones).
PAST_GRACE_DAYS = 3
_COARSENESS: dict[str, int] = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class Reference:
    """The base date as a concrete day, with the precision it is really known to."""

    base: FuzzyDate | None
    date: dt.date | None
    precision: Precision
    tense: str | None

    @classmethod
    def of(cls, base: FuzzyDate | None, tense: str | None) -> Reference:
        if base is None:
            return cls(None, None, "day", tense)
        # A base known to the month or year stands for the middle of that period.
        if base.day is not None:
            day = base.first_day()
        elif base.month is not None:
            day = dt.date(base.year, base.month, 15)
        else:
            day = dt.date(base.year, 7, 1)
        return cls(base, day, base.precision, tense)

    def shifted(
        self, *, days: int = 0, months: int = 0, years: int = 0, precision: Precision = "day"
    ) -> FuzzyDate | None:
        """The base moved by an offset, at ``precision`` or the base's precision if coarser."""
        if self.date is None:
            return None
        moved = self.date + dt.timedelta(days=days)
        year, month = add_months(moved.year, moved.month, months)
        return coarsen(
            dt.date(year + years, month, 1 if precision != "day" else moved.day),
            precision,
            self.precision,
        )


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = month_index(year, month) + delta
    return index // 12, index % 12 + 1


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def coarsen(day: dt.date, precision: Precision, floor: Precision) -> FuzzyDate:
    """``day`` as a FuzzyDate at ``precision``, or at ``floor`` when that is coarser."""
    level = max(_COARSENESS[precision], _COARSENESS[floor])
    if level == 0:
        return FuzzyDate(day.year, day.month, day.day)
    if level == 1:
        return FuzzyDate(day.year, day.month)
    return FuzzyDate(day.year)


def choose(options: list[tuple[int, T]], ref: int, tense: str | None, grace: int = 0) -> T | None:
    """Pick the option a sentence in ``tense`` most likely means; keys are ordinals.

    Past: the latest key not after ``ref + grace``. Future: the earliest key not before ``ref``.
    Otherwise the nearest key (the earlier one on a tie).
    """
    if not options:
        return None
    if tense == "past":
        eligible = [o for o in options if o[0] <= ref + grace]
        return max(eligible, key=lambda o: o[0])[1] if eligible else None
    if tense == "future":
        eligible = [o for o in options if o[0] >= ref]
        return min(eligible, key=lambda o: o[0])[1] if eligible else None
    return min(options, key=lambda o: (abs(o[0] - ref), o[0]))[1]


def _valid(year: int, month: int, day: int | None = None) -> FuzzyDate | None:
    try:
        return FuzzyDate(year, month, day)
    except ValueError:
        return None


def resolve_day_month(month: int, day: int, ref: Reference) -> FuzzyDate | None:
    """The year of "March 16" from the base and the tense."""
    if ref.date is None or ref.base is None:
        return None
    if ref.precision == "year":
        return _valid(ref.base.year, month, day)
    options = []
    for year in range(ref.date.year - 4, ref.date.year + 5):  # wide enough for February 29
        value = _valid(year, month, day)
        if value is not None:
            options.append((value.first_day().toordinal(), value))
    return choose(options, ref.date.toordinal(), ref.tense, PAST_GRACE_DAYS)


def resolve_month(month: int, ref: Reference, rel: str | None = None) -> FuzzyDate | None:
    """The year of "in May", "last May", "next May", "this May"."""
    if ref.date is None or ref.base is None:
        return None
    if ref.precision == "year" or rel == "this":
        return FuzzyDate(ref.date.year, month)
    now = month_index(ref.date.year, ref.date.month)
    options = [
        (month_index(y, month), FuzzyDate(y, month))
        for y in range(ref.date.year - 1, ref.date.year + 2)
    ]
    if rel in ("last", "past"):
        return max((o for o in options if o[0] < now), key=lambda o: o[0])[1]
    if rel in ("next", "coming"):
        return min((o for o in options if o[0] > now), key=lambda o: o[0])[1]
    return choose(options, now, ref.tense)


def resolve_ordinal_day(day: int, ref: Reference, rel: str = "") -> FuzzyDate | None:
    """The month of "on the 16th": the base month, or the one before for a past event."""
    if ref.date is None or ref.base is None or ref.precision == "year":
        return None
    step = {"last": -1, "next": 1, "this": 0, "the": 0}.get(rel)
    if ref.precision == "month" or step is not None:
        year, month = add_months(ref.date.year, ref.date.month, step or 0)
        return _valid(year, month, day)
    options = []
    for delta in range(-2, 3):
        year, month = add_months(ref.date.year, ref.date.month, delta)
        value = _valid(year, month, day)
        if value is not None:
            options.append((value.first_day().toordinal(), value))
    return choose(options, ref.date.toordinal(), ref.tense)


def resolve_weekday(weekday: int, ref: Reference, rel: str = "") -> FuzzyDate | None:
    """The date of "(last|next|this) Thursday"; ``weekday`` counts from Monday = 0."""
    if ref.date is None:
        return None
    back = (ref.date.weekday() - weekday) % 7  # days back to the past-or-same such day
    ahead = (weekday - ref.date.weekday()) % 7  # days ahead to the same-or-next such day
    if rel in ("last", "past", "this past"):
        offset = -(back or 7)
    elif rel in ("next", "coming", "this coming"):
        offset = ahead or 7
    elif rel == "this":
        offset = ahead if ref.tense == "future" else -back
    elif ref.tense == "future":
        offset = ahead or 7
    else:
        offset = -back
    return ref.shifted(days=offset, precision="day")


def weekend(ref: Reference, rel: str) -> FuzzyDate | None:
    """The month of the Saturday of "last weekend", "this weekend", "over the weekend".

    Like a week, a weekend has no precision of its own in ``FuzzyDate``; its month is what is
    certain."""
    if ref.date is None:
        return None
    weekday = ref.date.weekday()
    in_weekend = weekday >= 5
    past_saturday = ref.date - dt.timedelta(days=(weekday - 5) % 7)
    next_saturday = ref.date + dt.timedelta(days=(5 - weekday) % 7 or 7)
    if weekday == 5:
        next_saturday = ref.date + dt.timedelta(days=7)
    if rel == "last":
        saturday = past_saturday - dt.timedelta(days=7 if in_weekend else 0)
    elif rel in ("next", "coming"):
        saturday = next_saturday
    elif in_weekend:
        saturday = past_saturday
    elif rel == "this":
        saturday = past_saturday if ref.tense == "past" else next_saturday
    else:
        saturday = next_saturday if ref.tense == "future" else past_saturday
    return coarsen(saturday, "month", ref.precision)


def season_year(season: str, ref: Reference, rel: str) -> int | None:
    """The year of "last summer", "this spring", "next winter" (winter = year of its January)."""
    if ref.date is None:
        return None
    year = ref.date.year
    if rel == "this" or ref.precision == "year":
        return year + {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    first, last = SEASONS[season]
    now = month_index(year, ref.date.month)

    def bounds(label: int) -> tuple[int, int]:
        start_year = label - 1 if first > last else label
        return month_index(start_year, first), month_index(label, last)

    labels = range(year - 2, year + 3)
    if rel == "last":
        return max(y for y in labels if bounds(y)[1] < now)
    return min(y for y in labels if bounds(y)[0] > now)


def number_value(word: str) -> int | None:
    """The number a count word stands for; None for vague ones ("a few", "several")."""
    key = " ".join(word.lower().split())
    if key.isdigit():
        return int(key)
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    tens, _, unit = key.partition("-")
    if unit and tens in NUMBER_WORDS and unit in NUMBER_WORDS:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return None
