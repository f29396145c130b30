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
  week" and "three weeks ago" give the month of the day they point at (base -7, 0, +7, -21 days);
  "over the weekend" likewise gives the month of its Saturday.
- "the following day", "the next day", "the previous year" are resolved against ``base``; pass
  the narrative's own reference date when it is known.
- Modifiers do not change the value: "late 2019" is 2019, "mid-May 2019" is 2019-05.
- Vague counts ("a few days ago", "several years ago") and offsets from another event ("two days
  later", "a week after the vote") are relative expressions with no value, except an offset set
  right after a date: in "on Saturday, five days after the test" it dates the test (Saturday - 5).

The rules live in ``temporal_rules`` (one handler per pattern), the patterns and word tables in
``temporal_patterns`` and the anchoring arithmetic in ``temporal_resolve``. Year, month and day
come from lookup tables and are validated by ``datetime.date`` (through ``FuzzyDate``):
``dateparser.parse`` took about 6 ms for one date string when measured, more than the whole tagger
spends on a sentence, and adds nothing once a pattern has split out the parts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dyadwatch.models import FuzzyDate
from dyadwatch.nlp import temporal_patterns as tp
from dyadwatch.nlp.temporal_resolve import Reference
from dyadwatch.nlp.temporal_rules import (
    RULES,
    Hit,
    Kind,
    features,
    is_count,
    month_number,
    month_only_hit,
    shift_units,
)

Tense = Literal["past", "present", "future"]

RULE_NAME = "temporal-regex/1"


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


def find_time_expressions(
    text: str, base: FuzzyDate | None = None, tense: Tense | None = None
) -> list[TimeExpression]:
    """Return the time expressions in ``text``, in order, normalised against ``base``."""
    present = features(text)
    if not present:
        return []
    ref = Reference.of(base, tense)
    hits: list[Hit] = []
    for pattern, handler, needs in RULES:
        if needs <= present:
            for match in pattern.finditer(text):
                hit = handler(match, text, ref)
                if hit is not None:
                    hits.append(hit)
    if not hits:
        return []
    chosen = _select(hits)
    chosen = _chain(chosen, text, ref)
    _resolve_appositive_offsets(chosen, text)
    chosen = _merge_ranges(chosen, text)
    return [
        TimeExpression(
            h.start, h.end, text[h.start : h.end], h.value, h.value_end, h.kind, h.anchored
        )
        for h in chosen
    ]


# --- selection, chaining and range merging ------------------------------------------------------


def _select(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (earlier pattern wins a tie)."""
    order = sorted(range(len(hits)), key=lambda i: (hits[i].start - hits[i].end, i))
    kept: list[Hit] = []
    for i in order:
        hit = hits[i]
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept


def _chain(hits: list[Hit], text: str, ref: Reference) -> list[Hit]:
    """Add a year or month coordinated with an accepted one: "in 2015 and 2017", "May and June"."""
    out: list[Hit] = []
    for i, hit in enumerate(hits):
        out.append(hit)
        limit = hits[i + 1].start if i + 1 < len(hits) else len(text)
        last = hit
        while last.chainable is not None:
            m = tp.CHAIN.match(text, last.end)
            if m is None or m.end() > limit:
                break
            if last.chainable == "year" and m.group("y") and not is_count(text, m.end()):
                new = Hit(
                    m.start("y"),
                    m.end(),
                    "explicit",
                    FuzzyDate(int(m.group("y"))),
                    chainable="year",
                )
            elif last.chainable == "month" and m.group("mon"):
                new = month_only_hit(m.start("mon"), m.end(), month_number(m.group("mon")), ref)
            else:
                break
            out.append(new)
            last = new
    return out


def _resolve_appositive_offsets(hits: list[Hit], text: str) -> None:
    """Date "five days after" from the date it is set against: in "on Saturday, five days after
    Pyongyang's test" (or "met on Monday to talk, a day after the test") the test is dated from
    that Saturday (Monday). The offset must follow a comma or the date itself."""
    for i, hit in enumerate(hits):
        if hit.offset is None or hit.value is not None:
            continue
        before = text[: hit.start].rstrip()
        previous = next(
            (h for h in reversed(hits[:i]) if h.value is not None and h.kind != "duration"), None
        )
        if previous is None or previous.kind == "range":
            continue
        adjacent = tp.APPOSITION.fullmatch(text, previous.end, hit.start) is not None
        if not (adjacent or before.endswith(",")):
            continue
        if hit.offset[1] in ("day", "week", "fortnight") and previous.value.day is None:
            continue
        hit.value = shift_units(Reference.of(previous.value, None), *hit.offset)
        hit.anchored = previous.anchored


def _merge_ranges(hits: list[Hit], text: str) -> list[Hit]:
    """Join "from A to B" / "between A and B" / "A - B" into one range expression."""
    out: list[Hit] = []
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


def _try_merge(a: Hit, b: Hit, text: str) -> Hit | None:
    if a.kind in ("range", "duration") or b.kind in ("range", "duration"):
        return None
    conn = tp.RANGE_CONNECTOR.fullmatch(text, a.end, b.start)
    if conn is None:
        return None
    opener = tp.RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    if conn.group("and") and (opener is None or opener.group("w").lower() != "between"):
        return None
    if opener is not None and tp.RESCHEDULING.search(text, 0, opener.start()):
        return None
    start_value, anchored = a.value, a.anchored
    if a.partial is not None and b.value is not None:
        # A year-less start takes its year from the end: "from March to May 2019".
        month, day = a.partial
        year = b.value.year
        if b.value.month is not None and (month, day or 0) > (b.value.month, b.value.day or 99):
            year -= 1
        try:
            start_value, anchored = FuzzyDate(year, month, day), b.anchored
        except ValueError:  # February 29 in a common year
            return None
    if start_value is not None and b.value is not None \
            and start_value.first_day() > b.value.last_day():  # dates of mixed precision
        if not a.weekday:
            return None
        start_value = FuzzyDate.from_date(start_value.first_day() - dt.timedelta(days=7))
    begin = opener.start() if opener is not None else a.start
    return Hit(begin, b.end, "range", start_value, b.value, anchored or b.anchored)
