"""The rules of the temporal tagger: one handler per pattern, turning a match into a ``Hit``.

``temporal.find_time_expressions`` runs the rules in ``RULES`` whose gate the sentence passes,
keeps the longest of overlapping hits and joins ranges. Patterns are in ``temporal_patterns``;
anchoring against the base date is in ``temporal_resolve``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from dyadwatch.models import FuzzyDate
from dyadwatch.nlp import temporal_patterns as tp
from dyadwatch.nlp.temporal_resolve import (
    Reference,
    number_value,
    resolve_day_month,
    resolve_month,
    resolve_ordinal_day,
    resolve_weekday,
    season_year,
    weekend,
)

Kind = Literal["explicit", "relative", "range", "duration"]
_DURATION_OF_UNIT = {"day": 1, "week": 7, "fortnight": 14}
_NOT_BEFORE_YEAR = frozenset("0123456789,.$€£¥₩#")


@dataclass(slots=True)
class Hit:
    """A candidate expression before overlaps are resolved."""

    start: int
    end: int
    kind: Kind
    value: FuzzyDate | None
    value_end: FuzzyDate | None = None
    anchored: bool = False
    partial: tuple[int, int | None] | None = None  # (month, day) whose year came from the base
    weekday: bool = False
    chainable: str | None = None  # "year" or "month": may be followed by "and 2017", "to June"
    # "five days after": (-5, "day"), resolved against a date right before it ("on Saturday, ...")
    offset: tuple[int, str] | None = None


# --- small helpers -------------------------------------------------------------------------------


def features(text: str) -> frozenset[str]:
    """What the sentence contains that some rule needs: digits, month names, keywords."""
    found: set[str] = set()
    for word in tp.KEYWORD_RX.findall(text.lower()):
        found.update(tp.KEYWORD_FAMILY_OF[word])
    if tp.HAS_DIGIT.search(text):
        found.add("digit")
        found.update(name for name, rx in tp.DIGIT_FEATURES.items() if rx.search(text))
    if tp.MONTH_STEM_RX.search(text):
        found.add("month")
    return frozenset(found)


def month_number(word: str) -> int:
    return tp.MONTH_NUMBERS[word.lower().rstrip(".")]


def is_count(text: str, end: int) -> bool:
    """True when the number ending at ``end`` is followed by a counted noun ("2000 protesters")."""
    m = tp.NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in tp.COUNT_NOUNS and text[end : end + 1] != "'"


def _date(year: int, month: int | None = None, day: int | None = None) -> FuzzyDate | None:
    try:
        return FuzzyDate(year, month, day)
    except ValueError:
        return None


def month_only_hit(
    start: int,
    end: int,
    month: int,
    ref: Reference,
    rel: str | None = None,
    kind: Kind = "relative",
) -> Hit:
    value = resolve_month(month, ref, rel)
    return Hit(
        start,
        end,
        kind,
        value,
        anchored=value is not None,
        partial=(month, None),
        chainable="month",
    )


def _named_after(text: str, end: int) -> bool:
    """True when a capitalised word follows: "the March 1 Movement" names an event."""
    m = tp.NEXT_WORD.match(text, end)
    return m is not None and m.group(1)[0].isupper() and text[end : end + 1] == " "


# --- handlers: explicit ---------------------------------------------------------------------------

Handler = Callable[[re.Match[str], str, Reference], "Hit | None"]


def _iso(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    value = _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Hit(m.start(), m.end(), "explicit", value) if value else None


def _cjk(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    day = int(m.group("d")) if m.group("d") else None
    value = _date(int(m.group("y")), int(m.group("m")), day)
    return Hit(m.start(), m.end(), "explicit", value) if value else None


def _numeric(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a > 12 >= b:
        value = _date(year, b, a)
    elif b > 12 >= a or a == b:
        value = _date(year, a, b)
    else:
        value = None  # 03/04/2019 is March 4 in one country and 3 April in another
    if a > 12 and b > 12:
        return None
    return Hit(m.start(), m.end(), "explicit", value)


def _full_date(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    value = _date(
        int(m.group("y")), month_number(m.group("mon")), int(m.group("d").rstrip("stndrh"))
    )
    return Hit(m.start(), m.end(), "explicit", value) if value else None


def _month_year(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    value = _date(int(m.group("y")), month_number(m.group("mon")))
    return Hit(m.start(), m.end(), "explicit", value) if value else None


def _day_month(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    if m.group("the") and _named_after(text, m.end()):
        return None
    month, day = month_number(m.group("mon")), int(m.group("d").rstrip("stndrh"))
    if _date(2000, month, day) is None:  # 2000 is a leap year: accepts February 29
        return None
    value = resolve_day_month(month, day, ref)
    return Hit(
        m.start(), m.end(), "explicit", value, anchored=value is not None, partial=(month, day)
    )


def _slash_month_day(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    month, day = int(m.group("m")), int(m.group("d"))
    if _date(2000, month, day) is None:
        return None
    value = resolve_day_month(month, day, ref)
    return Hit(
        m.start("m"), m.end(), "explicit", value, anchored=value is not None, partial=(month, day)
    )


def _day_range(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    month = month_number(m.group("mon"))
    d1, d2 = int(m.group("d1").rstrip("stndrh")), int(m.group("d2").rstrip("stndrh"))
    if d2 <= d1 or _date(2000, month, d2) is None:
        return None
    if m.group("y"):
        year, anchored = int(m.group("y")), False
    else:
        start = resolve_day_month(month, d1, ref)
        if start is None:
            return Hit(m.start(), m.end(), "range", None, partial=(month, d1))
        year, anchored = start.year, True
    return Hit(
        m.start(),
        m.end(),
        "range",
        _date(year, month, d1),
        _date(year, month, d2),
        anchored=anchored,
    )


def _year_in_context(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    if text[m.start() - 1 : m.start()] in _NOT_BEFORE_YEAR or is_count(text, m.end()):
        return None
    ctx = tp.YEAR_CONTEXT.search(text, max(0, m.start() - 40), m.start())
    if ctx is None:
        return None
    year = int(m.group())
    if (ctx.group("ctx") or "").lower() == "to" and (
        year < 1900 or text[max(0, ctx.start() - 3) : ctx.start()].lower() == "up "
    ):
        return None  # "postponed to 2021" is a year; "up to 2000" is an amount
    start = ctx.start("mod") if ctx.group("mod") else m.start()
    return Hit(start, m.end(), "explicit", FuzzyDate(year), chainable="year")


def _year_range(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    if text[m.start() - 1 : m.start()] in _NOT_BEFORE_YEAR:
        return None
    y1, raw, conn = int(m.group("y1")), m.group("y2"), m.group("conn").lower()
    opener = tp.RANGE_OPENER.search(text, max(0, m.start() - 12), m.start())
    pre = opener.group("w").lower() if opener is not None else ""
    if conn == "and" and pre != "between":
        return None
    if len(raw) == 2:
        if conn not in ("-", "–", "—", "/"):
            return None
        y2 = y1 // 100 * 100 + int(raw)
        if y2 <= y1:
            if 1 <= int(raw) <= 12 and conn == "-":  # "2019-08" is August 2019
                return Hit(m.start("y1"), m.end(), "explicit", FuzzyDate(y1, int(raw)))
            y2 += 100
    else:
        y2 = int(raw)
    if not 0 < y2 - y1 <= 150 or is_count(text, m.end()):
        return None
    if not pre and conn in ("to", "until", "till", "through", "thru") and y1 < 1900:
        return None
    start = opener.start() if opener is not None else m.start()
    return Hit(start, m.end(), "range", FuzzyDate(y1), FuzzyDate(y2))


def _date_relative_year(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    """ "March last year", "June 2 this year", "5 January next year"."""
    step = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    day_text = m.group("d1") or m.group("d2")
    day = int(day_text.rstrip("stndrh")) if day_text else None
    year = ref.shifted(years=step, precision="year")
    value = None if year is None else _date(year.year, month_number(m.group("mon")), day)
    return Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _fiscal_year(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    if text[m.start() - 1 : m.start()].isalnum():
        return None
    raw = m.group("y")
    return Hit(
        m.start(), m.end(), "explicit", FuzzyDate(int(raw) if len(raw) == 4 else 2000 + int(raw))
    )


def _season_year(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    return Hit(m.start(), m.end(), "explicit", FuzzyDate(int(m.group("y"))))


def _period(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    return Hit(m.start(), m.end(), "duration", None)


def _duration(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    if not text[m.start() - 1 : m.start()].isspace():
        return None
    count = tp.DURATION_COUNT.search(text, max(0, m.start() - 30), m.start())
    if count is None or (count.group().lower().startswith("the") and m.group()[-1:] == "s"):
        return None
    return Hit(count.start(), m.end(), "duration", None)


def _ordinal_day(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    # "on the 16th floor" and "on the 20th anniversary" are not days: a lower-case word right
    # after the ordinal must be a function word or a verb ("the briefing on the 9th focused").
    follow = tp.NEXT_WORD.match(text, m.end())
    word = follow.group(1) if follow is not None and text[m.end() : m.end() + 1] == " " else ""
    if word[:1].islower() and not (
        word in tp.ORDINAL_DAY_FOLLOWERS or word in tp.COMMON_VERBS or word.endswith("ed")
    ):
        return None
    value = resolve_ordinal_day(int(m.group("d")), ref, (m.group("rel") or "").lower())
    return Hit(m.start("span"), m.end(), "explicit", value, anchored=value is not None)


# --- handlers: relative ---------------------------------------------------------------------------


def _month_modified(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    # "mid-May" names a part of the calendar, so it counts as explicit; "in May" is relative.
    return month_only_hit(m.start(), m.end(), month_number(m.group("mon")), ref, kind="explicit")


def _month_relative(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    return month_only_hit(
        m.start(), m.end(), month_number(m.group("mon")), ref, m.group("rel").lower()
    )


def _month_in_context(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    return month_only_hit(m.start("mon"), m.end(), month_number(m.group("mon")), ref)


def _relative_day(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    g = m.group
    if g("word") == "Today":
        prev = tp.WORD_BEFORE_SPACE.search(text, 0, m.start())
        if prev is not None and prev.group(1)[0].isupper():
            return None  # a title: "Japan Today", "USA Today"
    if g("ba"):
        days = -2 if g("yt").lower() == "yesterday" else 2
    elif g("part"):
        days = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(g("part").lower(), 0)
    elif g("word"):
        days = {"yesterday": -1, "tomorrow": 1}.get(g("word").lower(), 0)
    elif g("fn"):
        days = {"following": 1, "next": 1, "previous": -1}.get(g("fn").lower(), 0)
    elif g("ba2"):
        days = -1 if g("ba2").lower() == "before" else 1
    else:
        days = 0
    value = ref.shifted(days=days, precision="day")
    return Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _weekday(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    word = m.group("wd")
    prev = tp.PREV_WORD.search(text, max(0, m.start() - 20), m.start())
    if prev is not None and prev.group(1).lower() in tp.NAMED_DAY_BEFORE and not m.group("rel"):
        return None
    follow = tp.NEXT_WORD.match(text, m.end())
    word_after = follow.group(1) if follow is not None else ""
    if word_after.lower() in tp.NAMED_DAY_AFTER and word_after[:1].isupper():
        return None
    rel = " ".join((m.group("rel") or "").lower().split())
    if ref.tense == "future" and tp.REPORTED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        ref = replace(ref, tense="past")
    value = resolve_weekday(tp.WEEKDAY_NUMBERS[word.lower()], ref, rel)
    return Hit(m.start(), m.end(), "relative", value, anchored=value is not None, weekday=True)


def _calendar_relative(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    g = m.group
    unit = (g("unit") or g("unit2") or g("unit3") or g("unit4")).lower()
    rel = (g("rel") or g("fp") or "this").lower()
    step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)
    if unit == "week":
        value = ref.shifted(days=7 * step, precision="month")
    elif unit == "month":
        value = ref.shifted(months=step, precision="month")
    else:
        value = ref.shifted(years=step, precision="year")
    return Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _weekend(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    rel = " ".join(m.group("rel").lower().split())
    value = weekend(ref, "last" if rel == "this past" else rel)
    start = m.start() + m.group("rel").lower().rfind("the") if rel == "over the" else m.start()
    return Hit(start, m.end(), "relative", value, anchored=value is not None)


def _season_relative(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    year = season_year(m.group("season").lower(), ref, m.group("rel").lower())
    value = None if year is None else FuzzyDate(year)
    return Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _offset(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    direction = " ".join(m.group("dir").lower().split())
    n = number_value(m.group("n"))
    if direction in ("after", "before") and n is not None:
        step = (-n if direction == "after" else n, m.group("unit").lower())
        return Hit(m.start(), m.end(), "relative", None, offset=step)
    if direction not in ("ago", "from now") or n is None:
        return Hit(m.start(), m.end(), "relative", None)
    value = shift_units(ref, n if direction == "from now" else -n, m.group("unit").lower())
    return Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _in_offset(m: re.Match[str], text: str, ref: Reference) -> Hit | None:
    n = number_value(m.group("n"))
    future = (
        m.group("prep").lower() == "in"
        and not m.group("next")
        and ref.tense != "past"
        and n is not None
        and tp.DURATION_CUES.search(text, 0, m.start()) is None
    )
    if not future:
        return Hit(m.start(), m.end(), "duration", None)
    value = shift_units(ref, n, m.group("unit").lower())
    return Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def shift_units(ref: Reference, n: int, unit: str) -> FuzzyDate | None:
    """The reference moved by ``n`` units; weeks give a month (see ``temporal``)."""
    if unit in _DURATION_OF_UNIT:
        days = n * _DURATION_OF_UNIT[unit]
        return ref.shifted(days=days, precision="day" if unit == "day" else "month")
    if unit == "month":
        return ref.shifted(months=n, precision="month")
    return ref.shifted(years=n * (10 if unit == "decade" else 1), precision="year")


def _needs(*names: str) -> frozenset[str]:
    return frozenset(names)


# Each rule runs only when the sentence has the features it needs. Order matters only to break
# ties between equally long overlapping hits.
RULES: tuple[tuple[re.Pattern[str], Handler, frozenset[str]], ...] = (
    (tp.ISO, _iso, _needs("year4", "numeric_date")),
    (tp.CJK, _cjk, _needs("year4", "numeric_date")),
    (tp.NUMERIC, _numeric, _needs("year4", "slash")),
    (tp.MDY, _full_date, _needs("year4", "month")),
    (tp.DMY, _full_date, _needs("year4", "month")),
    (tp.MD_RANGE, _day_range, _needs("month", "number_range")),
    (tp.DM_RANGE, _day_range, _needs("month", "number_range")),
    (tp.YEAR_RANGE, _year_range, _needs("year4", "number_range")),
    (tp.MY, _month_year, _needs("year4", "month")),
    (tp.SEASON_YEAR, _season_year, _needs("year4", "season")),
    (tp.FISCAL_YEAR, _fiscal_year, _needs("fiscal")),
    (tp.YEAR_TOKEN, _year_in_context, _needs("year4")),
    (tp.DATE_RELATIVE_YEAR, _date_relative_year, _needs("month", "calendar")),
    (tp.MD, _day_month, _needs("digit", "month")),
    (tp.SLASH_MONTH_DAY, _slash_month_day, _needs("slash")),
    (tp.DM, _day_month, _needs("digit", "month")),
    (tp.ORDINAL_DAY, _ordinal_day, _needs("ordinal")),
    (tp.DECADE, _period, _needs("decade")),
    (tp.CENTURY, _period, _needs("century")),
    (tp.OFFSET, _offset, _needs("unit", "offset")),
    (tp.IN_OFFSET, _in_offset, _needs("unit")),
    (tp.RELATIVE_DAY, _relative_day, _needs("dayword")),
    (tp.WEEKDAY_RELATIVE, _weekday, _needs("weekday")),
    (tp.CALENDAR_RELATIVE, _calendar_relative, _needs("calendar")),
    (tp.WEEKEND, _weekend, _needs("weekend")),
    (tp.SEASON_RELATIVE, _season_relative, _needs("season")),
    (tp.MONTH_MODIFIED, _month_modified, _needs("month")),
    (tp.MONTH_RELATIVE, _month_relative, _needs("month")),
    (tp.MONTH_IN_CONTEXT, _month_in_context, _needs("month")),
    (tp.DURATION_UNIT, _duration, _needs("unit")),
)
