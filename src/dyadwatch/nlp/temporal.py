"""Find time expressions in a sentence and normalise them to ``FuzzyDate`` values.

``find_time_expressions(text, base, tense)`` returns every date-like expression in ``text`` with
character offsets, a kind and a value:

- ``explicit``: the text names a calendar position ("March 2, 2015", "in 1965", "mid-May 2019",
  "2019-08-23"). Day-and-month dates without a year ("March 16", "on the 16th") are explicit too;
  their year (or month) comes from ``base`` and ``anchored`` is True.
- ``relative``: the text names an offset from the reference date ("yesterday", "on Thursday",
  "last month", "in May", "two days ago"). Without ``base`` the value is None.
- ``range``: two dates ("between 1941 and 1943", "1910-45", "from March to May 2019");
  ``value`` is the start and ``value_end`` the end.
- ``duration``: a length of time or a period with no single date ("for 35 years", "the 1990s",
  "the 20th century"); the value is always None.

Design decisions (each one is tested in ``tests/test_temporal.py``):

- Spans leave out a leading preposition ("in 1965" -> "1965") except where the word carries the
  meaning ("in two weeks", "between 1941 and 1943", "last week").
- ``base`` is the reference date, usually the publication date. A base known only to the month
  or year gives values no finer than the base ("yesterday" against 2019-05 is 2019-05).
- Tense decides which way a year-less date points. Past: the most recent occurrence (a day date
  may lie up to three days after the base, for late-filed stories; "the 16th" may not). Future: the
  next occurrence on or after the base. Present or unknown: the nearest occurrence, except
  weekdays, which take the nearest past-or-same day (news writes "said on Thursday" in an article
  dated that Thursday).
- Week-sized offsets have no week precision in ``FuzzyDate``, so "last week", "this week", "next
  week" and "three weeks ago" give the month of the day they point at (base -7, 0, +7, -21 days).
- "the following day", "the next day", "the previous year" are resolved against ``base``; pass
  the narrative's own reference date when it is known.
- Modifiers do not change the value: "late 2019" is 2019, "mid-May 2019" is 2019-05.
- Vague counts ("a few days ago", "several years ago") and offsets from another event ("two days
  later", "a week after the vote") are relative expressions with no value.

Parsing uses the lookup tables in ``temporal_patterns`` and ``datetime.date`` validation (through
``FuzzyDate``); dateparser was measured to be two orders of magnitude slower per sentence and adds
nothing once the pattern has split out year, month and day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
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
Tense = Literal["past", "present", "future"]

RULE_NAME = "temporal-regex/1"
_DURATION_OF_UNIT = {"day": 1, "week": 7, "fortnight": 14}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in a sentence; ``start``/``end`` index the text passed in."""

    start: int
    end: int
    text: str
    value: FuzzyDate | None
    value_end: FuzzyDate | None = None
    kind: Kind = "explicit"
    anchored: bool = False


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    kind: Kind
    value: FuzzyDate | None
    value_end: FuzzyDate | None = None
    anchored: bool = False
    partial: tuple[int, int | None] | None = None  # (month, day) whose year came from the base
    weekday: bool = False
    chainable: str | None = None  # "year" or "month": may be followed by "and 2017", "to June"


def find_time_expressions(
    text: str, base: FuzzyDate | None = None, tense: Tense | None = None
) -> list[TimeExpression]:
    """Return the time expressions in ``text``, in order, normalised against ``base``."""
    features = _features(text)
    if not features:
        return []
    ref = Reference.of(base, tense)
    hits: list[_Hit] = []
    for pattern, handler, needs in _RULES:
        if needs <= features:
            for match in pattern.finditer(text):
                hit = handler(match, text, ref)
                if hit is not None:
                    hits.append(hit)
    if not hits:
        return []
    chosen = _select(hits)
    chosen = _chain(chosen, text, ref)
    chosen = _merge_ranges(chosen, text)
    return [
        TimeExpression(
            h.start, h.end, text[h.start : h.end], h.value, h.value_end, h.kind, h.anchored
        )
        for h in chosen
    ]


# --- selection, chaining and range merging ------------------------------------------------------


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Keep the longest of overlapping hits (earlier pattern wins a tie)."""
    order = sorted(range(len(hits)), key=lambda i: (hits[i].start - hits[i].end, i))
    kept: list[_Hit] = []
    for i in order:
        hit = hits[i]
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept


def _chain(hits: list[_Hit], text: str, ref: Reference) -> list[_Hit]:
    """Add a year or month coordinated with an accepted one: "in 2015 and 2017", "May and June"."""
    out: list[_Hit] = []
    for i, hit in enumerate(hits):
        out.append(hit)
        limit = hits[i + 1].start if i + 1 < len(hits) else len(text)
        last = hit
        while last.chainable is not None:
            m = tp.CHAIN.match(text, last.end)
            if m is None or m.end() > limit:
                break
            if last.chainable == "year" and m.group("y") and not _is_count(text, m.end()):
                new = _Hit(
                    m.start("y"),
                    m.end(),
                    "explicit",
                    FuzzyDate(int(m.group("y"))),
                    chainable="year",
                )
            elif last.chainable == "month" and m.group("mon"):
                new = _month_only_hit(m.start("mon"), m.end(), _month(m.group("mon")), ref)
            else:
                break
            out.append(new)
            last = new
    return out


def _merge_ranges(hits: list[_Hit], text: str) -> list[_Hit]:
    """Join "from A to B" / "between A and B" / "A - B" into one range expression."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        first = hits[i]
        if i + 1 < len(hits):
            merged = _try_merge(first, hits[i + 1], text)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _try_merge(a: _Hit, b: _Hit, text: str) -> _Hit | None:
    if a.kind in ("range", "duration") or b.kind in ("range", "duration"):
        return None
    conn = tp.RANGE_CONNECTOR.fullmatch(text, a.end, b.start)
    if conn is None:
        return None
    opener = tp.RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    if conn.group("and") and (opener is None or opener.group("w").lower() != "between"):
        return None
    start_value, anchored = a.value, a.anchored
    if a.partial is not None and b.value is not None:
        month, day = a.partial
        year = b.value.year
        if b.value.month is not None and (month, day or 0) > (b.value.month, b.value.day or 99):
            year -= 1
        start_value, anchored = FuzzyDate(year, month, day), b.anchored
    if start_value is not None and b.value is not None and start_value > b.value:
        if not a.weekday:
            return None
        start_value = FuzzyDate.from_date(start_value.first_day() - dt.timedelta(days=7))
    begin = opener.start() if opener is not None else a.start
    return _Hit(begin, b.end, "range", start_value, b.value, anchored or b.anchored)


# --- small helpers -------------------------------------------------------------------------------


def _features(text: str) -> frozenset[str]:
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


def _month(word: str) -> int:
    return tp.MONTH_NUMBERS[word.lower().rstrip(".")]


def _is_count(text: str, end: int) -> bool:
    """True when the number ending at ``end`` is followed by a counted noun ("2000 protesters")."""
    m = tp.NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in tp.COUNT_NOUNS and text[end : end + 1] != "'"


def _date(year: int, month: int | None = None, day: int | None = None) -> FuzzyDate | None:
    try:
        return FuzzyDate(year, month, day)
    except ValueError:
        return None


def _month_only_hit(
    start: int,
    end: int,
    month: int,
    ref: Reference,
    rel: str | None = None,
    kind: Kind = "relative",
) -> _Hit:
    value = resolve_month(month, ref, rel)
    return _Hit(
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

Handler = Callable[[re.Match[str], str, Reference], "_Hit | None"]


def _iso(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    value = _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _Hit(m.start(), m.end(), "explicit", value) if value else None


def _cjk(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    day = int(m.group("d")) if m.group("d") else None
    value = _date(int(m.group("y")), int(m.group("m")), day)
    return _Hit(m.start(), m.end(), "explicit", value) if value else None


def _numeric(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if a > 12 >= b:
        value = _date(year, b, a)
    elif b > 12 >= a or a == b:
        value = _date(year, a, b)
    else:
        value = None  # 03/04/2019 is March 4 in one country and 3 April in another
    if value is None and (a > 12 and b > 12):
        return None
    return _Hit(m.start(), m.end(), "explicit", value)


def _full_date(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    value = _date(int(m.group("y")), _month(m.group("mon")), int(m.group("d").rstrip("stndrh")))
    return _Hit(m.start(), m.end(), "explicit", value) if value else None


def _month_year(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    value = _date(int(m.group("y")), _month(m.group("mon")))
    return _Hit(m.start(), m.end(), "explicit", value) if value else None


def _day_month(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    if m.group("the") and _named_after(text, m.end()):
        return None
    month, day = _month(m.group("mon")), int(m.group("d").rstrip("stndrh"))
    if _date(2000, month, day) is None:  # 2000 is a leap year: accepts February 29
        return None
    value = resolve_day_month(month, day, ref)
    return _Hit(
        m.start(), m.end(), "explicit", value, anchored=value is not None, partial=(month, day)
    )


def _day_range(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    month = _month(m.group("mon"))
    d1, d2 = int(m.group("d1").rstrip("stndrh")), int(m.group("d2").rstrip("stndrh"))
    if d2 <= d1 or _date(2000, month, d2) is None:
        return None
    if m.group("y"):
        year, anchored = int(m.group("y")), False
    else:
        start = resolve_day_month(month, d1, ref)
        if start is None:
            return _Hit(m.start(), m.end(), "range", None, partial=(month, d1))
        year, anchored = start.year, True
    return _Hit(
        m.start(),
        m.end(),
        "range",
        _date(year, month, d1),
        _date(year, month, d2),
        anchored=anchored,
    )


def _year_in_context(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    if _is_count(text, m.end()):
        return None
    if (m.group("ctx") or "").lower() == "to" and (
        int(m.group("y")) < 1900 or text[max(0, m.start() - 3) : m.start()].lower() == "up "
    ):
        return None  # "postponed to 2021" is a year; "up to 2000" is an amount
    start = m.start("mod") if m.group("mod") else m.start("y")
    return _Hit(start, m.end(), "explicit", FuzzyDate(int(m.group("y"))), chainable="year")


def _year_range(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    y1, raw, conn = int(m.group("y1")), m.group("y2"), m.group("conn").lower()
    pre = (m.group("pre") or "").lower()
    if conn == "and" and pre != "between":
        return None
    if len(raw) == 2:
        if conn not in ("-", "–", "—", "/"):
            return None
        y2 = y1 // 100 * 100 + int(raw)
        if y2 <= y1:
            if 1 <= int(raw) <= 12 and conn == "-":  # "2019-08" is August 2019
                return _Hit(m.start("y1"), m.end(), "explicit", FuzzyDate(y1, int(raw)))
            y2 += 100
    else:
        y2 = int(raw)
    if not 0 < y2 - y1 <= 150 or _is_count(text, m.end()):
        return None
    if not pre and conn in ("to", "until", "till", "through", "thru") and y1 < 1900:
        return None
    return _Hit(m.start(), m.end(), "range", FuzzyDate(y1), FuzzyDate(y2))


def _date_relative_year(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    """ "March last year", "June 2 this year", "5 January next year"."""
    step = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    day_text = m.group("d1") or m.group("d2")
    day = int(day_text.rstrip("stndrh")) if day_text else None
    year = ref.shifted(years=step, precision="year")
    value = None if year is None else _date(year.year, _month(m.group("mon")), day)
    return _Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _fiscal_year(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    raw = m.group("y")
    return _Hit(
        m.start(), m.end(), "explicit", FuzzyDate(int(raw) if len(raw) == 4 else 2000 + int(raw))
    )


def _season_year(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    return _Hit(m.start(), m.end(), "explicit", FuzzyDate(int(m.group("y"))))


def _period(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    return _Hit(m.start(), m.end(), "duration", None)


def _ordinal_day(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    # "on the 16th floor" and "on the 20th anniversary" are not days: a lower-case word right
    # after the ordinal must be a function word or a verb ("the briefing on the 9th focused").
    follow = tp.NEXT_WORD.match(text, m.end())
    word = follow.group(1) if follow is not None and text[m.end() : m.end() + 1] == " " else ""
    if word[:1].islower() and not (
        word in tp.ORDINAL_DAY_FOLLOWERS or word in tp.COMMON_VERBS or word.endswith("ed")
    ):
        return None
    value = resolve_ordinal_day(int(m.group("d")), ref, (m.group("rel") or "").lower())
    return _Hit(m.start("span"), m.end(), "explicit", value, anchored=value is not None)


# --- handlers: relative ---------------------------------------------------------------------------


def _month_modified(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    # "mid-May" names a part of the calendar, so it counts as explicit; "in May" is relative.
    return _month_only_hit(m.start(), m.end(), _month(m.group("mon")), ref, kind="explicit")


def _month_relative(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    return _month_only_hit(m.start(), m.end(), _month(m.group("mon")), ref, m.group("rel").lower())


def _month_in_context(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    return _month_only_hit(m.start("mon"), m.end(), _month(m.group("mon")), ref)


def _relative_day(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    g = m.group
    if g("word") and g("word") == "Today" and tp.PREV_WORD.search(text, 0, m.start()):
        prev = tp.PREV_WORD.search(text, 0, m.start())
        if prev is not None and prev.group(1)[0].isupper() and prev.end() == m.start():
            return None  # "Japan Today", "USA Today"
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
    return _Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _weekday(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    word = m.group("wd")
    prev = tp.PREV_WORD.search(text, max(0, m.start() - 20), m.start())
    if prev is not None and prev.group(1).lower() in tp.NAMED_DAY_BEFORE and not m.group("rel"):
        return None
    follow = tp.NEXT_WORD.match(text, m.end())
    word_after = follow.group(1) if follow is not None else ""
    if word_after.lower() in tp.NAMED_DAY_AFTER and word_after[:1].isupper():
        return None
    rel = " ".join((m.group("rel") or "").lower().split())
    value = resolve_weekday(tp.WEEKDAY_NUMBERS[word.lower()], ref, rel)
    return _Hit(m.start(), m.end(), "relative", value, anchored=value is not None, weekday=True)


def _calendar_relative(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
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
    return _Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _weekend(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    rel = " ".join(m.group("rel").lower().split())
    span = weekend(ref, "last" if rel == "this past" else rel)
    start = m.start() + 5 if rel == "over the" else m.start()
    if span is None:
        return _Hit(start, m.end(), "relative", None)
    return _Hit(start, m.end(), "relative", span[0], span[1], anchored=True)


def _season_relative(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    year = season_year(m.group("season").lower(), ref, m.group("rel").lower())
    value = None if year is None else FuzzyDate(year)
    return _Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _offset(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    direction = " ".join(m.group("dir").lower().split())
    n = number_value(m.group("n"))
    if direction not in ("ago", "from now") or n is None:
        return _Hit(m.start(), m.end(), "relative", None)
    value = _shift_units(ref, n if direction == "from now" else -n, m.group("unit").lower())
    return _Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _in_offset(m: re.Match[str], text: str, ref: Reference) -> _Hit | None:
    n = number_value(m.group("n"))
    future = (
        m.group("prep").lower() == "in"
        and not m.group("next")
        and ref.tense != "past"
        and n is not None
        and tp.DURATION_CUES.search(text, 0, m.start()) is None
    )
    if not future:
        return _Hit(m.start(), m.end(), "duration", None)
    value = _shift_units(ref, n, m.group("unit").lower())
    return _Hit(m.start(), m.end(), "relative", value, anchored=value is not None)


def _shift_units(ref: Reference, n: int, unit: str) -> FuzzyDate | None:
    if unit in _DURATION_OF_UNIT:
        days = n * _DURATION_OF_UNIT[unit]
        return ref.shifted(days=days, precision="day" if unit == "day" else "month")
    if unit == "month":
        return ref.shifted(months=n, precision="month")
    return ref.shifted(years=n * (10 if unit == "decade" else 1), precision="year")


def _needs(*names: str) -> frozenset[str]:
    return frozenset(names)


_Y = _needs("year4")
_MD_ = _needs("digit", "month")

# Each rule runs only when the sentence has the features it needs. Order matters only to break
# ties between equally long overlapping hits.
_RULES: tuple[tuple[re.Pattern[str], Handler, frozenset[str]], ...] = (
    (tp.ISO, _iso, _Y),
    (tp.CJK, _cjk, _Y),
    (tp.NUMERIC, _numeric, _Y),
    (tp.MDY, _full_date, _needs("year4", "month")),
    (tp.DMY, _full_date, _needs("year4", "month")),
    (tp.MD_RANGE, _day_range, _MD_),
    (tp.DM_RANGE, _day_range, _MD_),
    (tp.YEAR_RANGE, _year_range, _Y),
    (tp.MY, _month_year, _needs("year4", "month")),
    (tp.SEASON_YEAR, _season_year, _needs("year4", "season")),
    (tp.FISCAL_YEAR, _fiscal_year, _needs("digit")),
    (tp.YEAR_IN_CONTEXT, _year_in_context, _Y),
    (tp.DATE_RELATIVE_YEAR, _date_relative_year, _needs("month", "calendar")),
    (tp.MD, _day_month, _MD_),
    (tp.DM, _day_month, _MD_),
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
    (tp.DURATION, _period, _needs("unit")),
)
