"""Numbers and times in poll sentences: shares, number words, changes in points, survey dates.

Text helpers for ``polls.py``; offsets index the sentence text.

- ``find_numbers``: the share-like numbers of a sentence ("59%", "fifty-nine percent", "one in
  five", "three-quarters", "about half (50.6%)") with their role: a candidate figure, an earlier
  figure of a series ("down from 76.6 percent") or a rejected one (a percentage change).
- ``parse_number_word``: "Fifty-nine" -> 59.
- ``find_point_changes``: signed changes in points ("up 3 points", "five points fewer", "a
  2.3-point drop", "(+8)", "2.1%p"); ``assign_changes`` gives each figure its change (stated, or
  the difference from an earlier figure of the series); ``leading_change`` reads a change that
  opens a sentence of its own ("Up from 20% in 2019.").
- ``find_times``, ``survey_times`` and ``best_time``: the years, months and fieldwork weeks that
  may date a survey, and how each is tied to it (fieldwork, release, survey, frame, other).
- ``has_separator``, ``background_clauses``, ``same_clause``, ``in_brackets``: clause tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import FuzzyDate
from ..nlp.temporal import find_time_expressions

# --- number words -----------------------------------------------------------------------------

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMWORD = (rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[1:10])}))?"
            rf"|(?:a|one) hundred|{'|'.join(sorted(_UNITS, key=len, reverse=True))})")
_FRACTIONS = {"half": 50.0, "third": 33.3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0,
              "thirds": 33.3, "quarters": 25.0, "fifths": 20.0, "tenths": 10.0}


def parse_number_word(text: str) -> float | None:
    """``"Fifty-nine"`` -> 59, ``"seven"`` -> 7, ``"12"`` -> 12; None for anything else."""
    words = re.split(r"[\s-]+", text.strip().lower())
    if len(words) == 1 and re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        return float(words[0])
    if words[-1] == "hundred":
        return 100.0
    total = 0
    for word in words:
        if word in _TENS:
            total += 20 + 10 * _TENS.index(word)
        elif word in _UNITS:
            total += _UNITS.index(word)
        else:
            return None
    return float(total)


# --- shares -----------------------------------------------------------------------------------

# "3.2%p" (Korean usage) and "3.2pp" are percentage points, not shares; "41pc" is British usage.
NUMERIC_SHARE = re.compile(
    r"(?<![\w.,%$€£¥])(?P<num>\d{1,3}(?:\.\d+)?)"
    r"(?:\s?%(?!p\b)|\s?(?:percent|per cent)(?!age)\b|\s?pct\b|pc\b)", re.I)
_WORD_SHARE = re.compile(rf"\b(?P<num>{_NUMWORD})[\s-](?:percent|per cent)\b(?!age)", re.I)
_IN_FRACTION = re.compile(
    rf"\b(?P<a>{_NUMWORD}|\d{{1,2}})\s+(?:in|out of)\s+(?P<b>{_NUMWORD}|\d{{1,3}})\b", re.I)
_NAMED_FRACTION = re.compile(
    r"\b(?:(?P<half>half)|(?:a|one)[\s-](?P<one>third|quarter|fifth|tenth)"
    r"|(?P<n>two|three|four|nine)[\s-](?P<many>thirds|quarters|fifths|tenths))\b", re.I)
_APPROXIMATION = re.compile(
    rf"\b(?:{_NUMWORD}|\d{{1,2}})\s+(?:in|out of)\s+(?:{_NUMWORD}|\d{{1,3}})\b"
    r"|\b(?:(?:a|one|two|three|four|nine)[\s-])?(?:half|thirds?|quarters?|fifths?|tenths?)\b"
    r"|\b(?:a|the) (?:clear |slim |narrow )?(?:majority|minority|plurality)\b|\bmost\b", re.I)
_HEDGE = re.compile(
    r"(?:\b(?:nearly|almost|about|around|roughly|approximately|some|over|under|more than|"
    r"less than|fewer than|just over|just under|close to|at least|upwards of|well over|"
    r"slightly (?:more|less|over|under)(?: than)?)\s+)+$", re.I)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:up|down|rose|risen|rising|fell|fallen|falling|dropped|grew|grown|growing|declined|"
    r"increased|decreased|climbed|jumped|slipped|slid|plunged|plummeted|soared|surged|gained|"
    r"lost|shrank|shrunk|expanded|contracted|drops|falls|rises|slips|climbs|grows|gains|jumps|"
    r"declines|increases|decreases|improves|improved|worsened|worsens|recovered|rebounded|"
    r"underpriced|overpriced|undervalued|overvalued)\s+(?:by\s+)?(?:about |nearly |roughly |some |"
    r"around |almost |more than |over |an? )?$", re.I)
_DIRECTION_NOUN_AFTER = re.compile(
    r"^\s*(?:(?:increase|rise|drop|decline|growth|gain|fall|jump|cut|reduction|hike|decrease|"
    r"slump|surge|plunge)s?\b|of the (?:time|way|vote|votes)\b)", re.I)
_EARLIER_BEFORE = re.compile(
    r"\b(?:(?:down|up|rising|falling|rose|fell|dropped|climbed|jumped|declined|increased|"
    r"decreased)\s+)?from\s+(?:about |nearly |around |roughly |some |almost )?$"
    r"|\(\s*(?:(?:19|20)\d\d|last year|prev(?:ious|\.)?(?: year| survey| poll)?)\s*:\s*$",
    re.I)  # "(2021: 32.1%)" is the figure of an earlier round
# "against 35 per cent a month ago": a comparison figure of the same series.
_VERSUS_BEFORE = re.compile(r"\b(?:against|compared (?:with|to)|versus|vs\.?)\s+(?:about |nearly "
                            r"|around |roughly |some |almost )?$", re.I)
_MONTH_NAMES = (r"(?:january|february|march|april|may|june|july|august|september|october|"
                r"november|december)")
_EARLIER_TIME = (
    r"(?:(?:a|one|two|three|\d+) (?:years?|months?|weeks?) (?:earlier|ago|before)|"
    r"(?:in )?(?:the )?(?:last|previous|prior) (?:year|month|week|survey|poll|round|edition)"
    r"(?:['’]s (?:survey|poll|round|edition))?|in \d{4}|in (?:early |late |mid-?)?"
    + _MONTH_NAMES + r"|the (?:year|month|week) before)")
_EARLIER_TIME_AFTER = re.compile(r"^\s*" + _EARLIER_TIME + r"\b", re.I)
_BARE_EARLIER = re.compile(r"\b(?:down|up) from\s+(?P<num>\d{1,3}(?:\.\d+)?)\b(?!\s*(?:%|per))",
                           re.I)

_WORD = re.compile(r"[^\W_]+(?:['’][a-z]+)?")


def gap_words(text: str) -> int:
    """The number of words in ``text``: how far apart two spans of a sentence are."""
    return len(_WORD.findall(text))


@dataclass(slots=True)
class NumberMention:
    """A share in the sentence; offsets index the sentence text."""

    start: int  # evidence span, hedge included
    end: int
    anchor_start: int  # the whole phrase: "about half (50.6%)", "one in five koreans (20.5%)"
    anchor_end: int
    value: float
    how: str  # share, words, fraction
    role: str = "candidate"  # candidate, earlier, rejected
    needs_people: bool = False


def _fraction_value(match: re.Match[str]) -> float | None:
    if match.group("half"):
        return 50.0
    if match.group("one"):
        return _FRACTIONS[match.group("one").lower()]
    count = {"two": 2, "three": 3, "four": 4, "nine": 9}[match.group("n").lower()]
    denominator = {"thirds": 3, "quarters": 4, "fifths": 5, "tenths": 10}[
        match.group("many").lower()]
    return round(100 * count / denominator, 1) if count < denominator else None


def find_numbers(text: str) -> list[NumberMention]:
    """Every share-like number of the sentence, with its role: a candidate figure, an earlier
    figure of a series ("down from 76.6 percent") or a rejected one (a percentage change)."""
    found: list[NumberMention] = []

    def add(start: int, end: int, value: float | None, how: str, role: str = "candidate",
            needs_people: bool = False) -> None:
        if value is None or not 0 <= value <= 100:
            return
        if not any(n.start < end and start < n.end for n in found):
            found.append(NumberMention(start, end, start, end, value, how, role, needs_people))

    for match in NUMERIC_SHARE.finditer(text):
        add(match.start(), match.end(), float(match.group("num")), "share")
    for match in _WORD_SHARE.finditer(text):
        add(match.start(), match.end(), parse_number_word(match.group("num")), "words")
    for match in _BARE_EARLIER.finditer(text):
        add(match.start("num"), match.end("num"), float(match.group("num")), "share", "earlier")
    for match in _IN_FRACTION.finditer(text):
        part, whole = parse_number_word(match.group("a")), parse_number_word(match.group("b"))
        if part and whole and part < whole:
            add(match.start(), match.end(), round(100 * part / whole, 1), "fraction",
                needs_people=True)
    for match in _NAMED_FRACTION.finditer(text):
        add(match.start(), match.end(), _fraction_value(match), "fraction", needs_people=True)
    found.sort(key=lambda n: n.start)
    for number in found:
        hedge = _HEDGE.search(text, 0, number.start)
        if hedge is not None:
            number.start = number.anchor_start = hedge.start()
    for number in found:
        if number.how == "share" and number.role == "candidate":
            _bracketed(text, number, found)
    found = [n for n in found if not (n.how == "fraction" and any(
        o is not n and o.anchor_start <= n.start < o.anchor_end for o in found))]
    previous: NumberMention | None = None
    for number in found:
        before = text[:number.start]
        if number.role == "earlier":
            pass
        elif _EARLIER_BEFORE.search(before) or (
                _VERSUS_BEFORE.search(before) and _EARLIER_TIME_AFTER.match(text[number.end:])
        ) or (
                previous is not None and previous.role == "earlier"
                and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", text[previous.end:number.start])):
            number.role = "earlier"
        elif _DIRECTION_BEFORE.search(before) or _DIRECTION_NOUN_AFTER.match(text[number.end:]):
            number.role = "rejected"
        previous = number
    return found


def _bracketed(text: str, number: NumberMention, found: list[NumberMention]) -> None:
    """An exact figure in brackets after an approximation: "about half (50.6%)" -- the phrase
    becomes the figure's anchor and the approximation is no figure of its own."""
    if not (text[:number.start].rstrip().endswith("(") and text[number.end:].lstrip()
            .startswith(")")):
        return
    paren = text.rindex("(", 0, number.start)
    for match in _APPROXIMATION.finditer(text, max(0, paren - 70), paren):
        gap = text[match.end():paren]
        if gap_words(gap) <= 3 and not re.search(r"[,;:()]", gap):
            hedge = _HEDGE.search(text, 0, match.start())
            number.anchor_start = hedge.start() if hedge else match.start()
            number.anchor_end = text.index(")", number.end) + 1
            return


# --- changes in points ------------------------------------------------------------------------

_POINTS = (rf"(?P<num>\d{{1,2}}(?:\.\d+)?|{_NUMWORD}|a)"
           r"(?:\s?%p\b|\s?pp\b|\s+pts?\b|[\s-]+(?:percentage[\s-]+|percent(?:age)?[\s-]+)?points?\b)")
_RISE = (r"up|rose|risen|rising|climbed|jumped|gained|increased|higher by|edged up|"
         r"(?:an? )?(?:\w+ )?(?:increase|rise|jump|gain|climb) of")
_FALL = (r"down|fell|fallen|falling|dropped|declined|decreased|slipped|slid|plunged|lost|"
         r"edged down|lower by|(?:an? )?(?:\w+ )?(?:drop|fall|decline|decrease|slide|plunge) of")
_CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\s+(?:by\s+)?(?:about |nearly |some |almost )?"
    rf"{_POINTS}", re.I)
_CHANGE_AFTER = re.compile(
    rf"\b{_POINTS}\s+(?:(?P<fall>fewer|lower|less|down|below)|(?P<rise>more|higher|up|above))"
    r"(?!\s+(?:(?-i:[A-Z])\w*|people|respondents|of)\b)"  # "12 points fewer Koreans than Japanese"
    r"\b(?:\s+(?:than|from|on))?", re.I)
# "support up 5 to 42%": a bare number before "to" and the figure is a change in points.
_CHANGE_BARE = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\s+(?:by\s+)?(?P<num>\d{{1,2}}(?:\.\d+)?)"
    r"(?=\s+to\s+(?:about |nearly |around |roughly |almost |just )*\d)", re.I)
# "a 10-point drop", "a 6.6 percentage point rise"
_CHANGE_NOUN = re.compile(
    rf"\b(?:an?\s+)?{_POINTS}\s+(?:(?P<rise>rise|increase|jump|gain|climb|improvement)|"
    r"(?P<fall>drop|fall|decline|decrease|slide|plunge|dip))\b", re.I)
# "(+3.2)", "(-8.5 points)", "(▲2.1%p)": a signed change in brackets right after a figure.
_CHANGE_BRACKET = re.compile(
    r"\(\s*(?:(?P<rise>[+▲↑])|(?P<fall>[-−–▼↓]))\s*(?P<num>\d{1,2}(?:\.\d+)?)"
    r"(?:\s?%p|\s?pp|\s*pts?|\s*(?:percentage[\s-]+)?points?)?"
    r"(?:\s+(?:from|on|vs\.?|versus|compared with)[^()]{0,25})?\s*\)", re.I)
CHANGE_TO = re.compile(r"^\s*,?\s*to\s+(?:about |nearly |around |roughly |almost |just )*$", re.I)
CHANGE_ALL = re.compile(r"^\s*(?:in each (?:country|case)|in both(?: countries)?|each|apiece|"
                        r"for both|on both sides|on each side|respectively)\b", re.I)


@dataclass(frozen=True, slots=True)
class PointChange:
    """A change in points ("up 3 points", "five points fewer"); offsets index the sentence."""

    start: int
    end: int
    points: float  # signed: a fall is negative


def find_point_changes(text: str) -> list[PointChange]:
    """The changes in points of a sentence, rises and falls written before the number first, then
    those written after it; a phrase overlapping one already found is skipped."""
    found: list[PointChange] = []
    used: list[tuple[int, int]] = []
    for pattern in (_CHANGE_BEFORE, _CHANGE_AFTER, _CHANGE_NOUN, _CHANGE_BRACKET, _CHANGE_BARE):
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in used):
                continue
            raw = match.group("num")
            amount = 1.0 if raw.lower() == "a" else parse_number_word(raw)
            if amount is None:
                continue
            used.append(match.span())
            sign = 1.0 if match.group("rise") else -1.0
            found.append(PointChange(match.start(), match.end(), sign * amount))
    return found


# --- survey times -----------------------------------------------------------------------------

_COMPARISON_TIME = re.compile(
    r"\b(?:(?:a|one|two|three|\d+) (?:years?|months?|weeks?) (?:earlier|ago|before)|"
    r"the (?:year|month|week) before|the (?:previous|prior) (?:year|month|week|survey|poll))\b",
    re.I)
_DAY_PAIR = re.compile(
    r"\s*(?:and|through|to|till|until|[-–])\s*(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|\d{1,2}(?:st|nd|rd|th)?)\b", re.I)
_MONTH_PAIR = re.compile(r"\s*(?:and|through|to|till|until|[-–])\s*" + _MONTH_NAMES[:-1]
                         + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+\d", re.I)
_OFFSET_TIME = re.compile(r"\b(?:after|before|later|earlier|ago)$", re.I)
_BARE_YEAR = re.compile(r"(?<![\d,.$£€¥-])(?:19[5-9]\d|20\d\d)(?![\d%]|s\b|\s*(?:%|per))")
_LOWER_MONTH = re.compile(
    r"\b(?:in|during|of|early|late|mid-?)\s+(?P<month>january|february|march|april|june|july|"
    r"august|september|october|november|december)\b"
    r"(?!\s+\d{1,2}(?:st|nd|rd|th)?(?![\d.%]|\s*(?:%|per)))")  # not "july 12", yes "july 12%"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time in the sentence that may date the survey; offsets index the sentence text."""

    start: int
    end: int
    value: FuzzyDate
    fieldwork_like: bool  # a week or a weekday range: fieldwork inside one month


def find_times(text: str, pub: FuzzyDate | None) -> list[TimeMention]:
    """Times of a sentence that could date a survey: the shared tagger's dates (a range only
    when it falls inside one month), bare years, and lower-case months ("in july") resolved
    against the publication date. Durations, offsets ("two years later") and comparison times
    ("a year earlier") are left out; ``polls.py`` decides which of the rest date the survey."""
    found: list[TimeMention] = []
    try:
        expressions = find_time_expressions(text, pub, "past")
    except TypeError:
        # The shared tagger fails on some range merges ("so far this year through
        # Tuesday's close"); the survey's years and months below still get read.
        expressions = []
    for expr in expressions:
        if expr.value is None or expr.kind == "duration" or _OFFSET_TIME.search(expr.text):
            continue
        if _COMPARISON_TIME.search(expr.text) and not text[expr.end:].startswith(("'s", "’s")):
            continue
        value, week = expr.value, bool(re.search(r"\bweek", expr.text, re.I))
        if value.month is not None and _MONTH_PAIR.match(text, expr.end):
            value, week = FuzzyDate(value.year), False  # "June 30 and July 1": no one month
        if value.day is not None and _DAY_PAIR.match(text, expr.end):
            value, week = FuzzyDate(value.year, value.month), True  # "Saturday and Sunday"
        if expr.kind == "range":
            end = expr.value_end or expr.value
            if (end.year, end.month) != (value.year, value.month) or end.month is None:
                continue
            value, week = FuzzyDate(end.year, end.month), True
        found.append(TimeMention(expr.start, expr.end, value, week))
    for match in _BARE_YEAR.finditer(text):
        if not any(t.start <= match.start() < t.end for t in found):
            year = FuzzyDate(int(match.group()))
            found.append(TimeMention(match.start(), match.end(), year, False))
    if pub is not None:
        for match in _LOWER_MONTH.finditer(text):
            if any(t.start <= match.start("month") < t.end for t in found):
                continue
            month = _MONTHS.index(match.group("month")) + 1
            year = pub.year if month <= (pub.month or 12) else pub.year - 1
            value = FuzzyDate(year, month)
            found.append(TimeMention(match.start("month"), match.end(), value, False))
    return found


_SURVEY_HEAD = re.compile(r"\b(?:round|edition|wave|figures|numbers|data|results|findings|"
                          r"tracking|release)\b", re.I)
_FIELDWORK_FROM = re.compile(r"\b(?:conducted|carried out|taken|fielded|held|done|run|ran|"
                             r"surveyed|polled|interviewed|questioned)\s*$", re.I)
_FRAME_START = re.compile(r"^\s*(?:in|by|during|as of|for|throughout|at the end of)\b", re.I)
_NOT_SURVEY_TIME = re.compile(
    r"\b(?:from|than|compared (?:with|to)|versus|vs\.?|since|until|before|after|began|begun|"
    r"started|launched|first \w+)\s+(?:in\s+|on\s+)?(?:the\s+)?$", re.I)


def survey_times(text: str, pub: FuzzyDate | None, heads: list[tuple[int, int]],
                 masked: list[tuple[int, int]], numbers: list[NumberMention],
                 verbs: tuple[tuple[str, re.Pattern[str]], ...]) -> list[tuple[TimeMention, str]]:
    """The times of a sentence that may date its survey, each with how it is tied to it:
    ``fieldwork`` or ``release`` (after one of ``verbs``: "conducted on ...", "surveying 1,000
    adults between June 10 and 12"), ``survey`` (next to a survey's name: one of ``heads``),
    ``frame`` (an opening "In 2020,") or ``other``. Times in ``masked`` background clauses, after
    the publication date, of comparisons ("since 2013", "from last year") and of earlier figures
    are left out."""
    heads = heads + [m.span() for m in _SURVEY_HEAD.finditer(text)]
    out: list[tuple[TimeMention, str]] = []
    for time in sorted(find_times(text, pub), key=lambda t: t.start):
        before = text[:time.start]
        if pub is not None and time.value.year > pub.year:
            continue
        if any(a <= time.start < b for a, b in masked):
            continue
        lead = _NOT_SURVEY_TIME.search(before)
        if lead is not None and not (  # "conducted from March 24 to 26" is fieldwork
                lead.group().lower().startswith("from")
                and _FIELDWORK_FROM.search(before, 0, lead.start())):
            continue
        if any(n.role == "earlier" and (
                n.end <= time.start and gap_words(text[n.end:time.start]) <= 1
                and not has_separator(text[n.end:time.start])
                or re.fullmatch(r"\s*:\s*", text[time.end:n.start])) for n in numbers):
            continue  # "down from 76.6 percent in 2013", "(2021: 32.1%)"
        out.append((time, _time_class(text, time, heads, verbs)))
    return out


def _time_class(text: str, time: TimeMention, heads: list[tuple[int, int]],
                verbs: tuple[tuple[str, re.Pattern[str]], ...]) -> str:
    lead = text[max(0, time.start - 40):time.start]
    for kind, pattern in verbs:
        matches = list(pattern.finditer(lead))
        if matches:
            gap = re.sub(r"(?<=\d),(?=\d)", "", lead[matches[-1].end():])
            # "conducted on ...", "surveying 1,000 adults between June 10 and 12"
            reach = 5 if re.search(r"\b(?:between|from|on|over|during)\s*$", gap, re.I) else 2
            if gap_words(gap) <= reach and not CLAUSE_END.search(gap):
                return kind
    for start, end in heads:
        gap = text[end:time.start] if end <= time.start else text[time.end:start]
        if start < time.end and time.start < end:
            gap = ""
        if re.fullmatch(r"\s*,\s*", gap) and re.match(r"\s*\)", text[time.end:]):
            gap = ""  # a note in brackets: "(Realmeter, June 29)"
        if gap_words(gap) <= 3 and not CLAUSE_END.search(gap):
            return "fieldwork" if time.fieldwork_like else "survey"
    if not CLAUSE_END.search(text[:time.start]) and _FRAME_START.match(text):
        return "frame"
    return "other"


def best_time(times: list[tuple[TimeMention, str]]) -> tuple[int | None, FuzzyDate | None]:
    """The survey year and (month or day) date that a sentence without figures gives."""
    attached = [t for kind in ("fieldwork", "release", "survey") for t, k in times if k == kind]
    dated = [t.value for t in attached if t.value.month is not None]
    if dated:
        return dated[0].year, dated[0]
    return (attached[0].value.year if attached else None), None


# --- which figure a change belongs to ----------------------------------------------------------

_SERIES_JOIN = re.compile(r"\s*(?:,|and|or|, and)\s*")
_FROM_TO = re.compile(r"\s*(?:" + _EARLIER_TIME + r"\s*)?,?\s*to\s+(?:about |nearly |around |"
                      r"roughly |almost )*", re.I)
_STRONG_BREAK = re.compile(r"[;:]|\.(?:\s|$)")


def assign_changes(text: str, figures: list[NumberMention],
                   numbers: list[NumberMention]) -> dict[int, float]:
    """The change in points of each figure (index into ``figures``, the sentence's candidate
    figures in order): a stated change ("up 3 points", "fell four points to 30%", "4.4 points lower
    than last year, at 22.9%") or the difference from an earlier figure of the series ("up from
    41% and 59%", read respectively; "from 53.1% in 2019 to 44.6%")."""
    changes: dict[int, float] = {}

    def later_than(end: int) -> list[int]:
        return [i for i, f in enumerate(figures) if f.anchor_start >= end]

    def earlier_than(start: int) -> list[int]:
        return [i for i, f in enumerate(figures) if f.anchor_end <= start]

    for change in find_point_changes(text):
        later = later_than(change.end)
        earlier = earlier_than(change.start)
        if later and CHANGE_TO.match(text[change.end:figures[later[0]].anchor_start]):
            targets = [later[0]]
        elif earlier:
            targets = ([i for i in earlier if i not in changes]
                       if CHANGE_ALL.match(text[change.end:]) else [earlier[-1]])
        elif later and gap_words(gap := text[change.end:figures[later[0]].anchor_start]) <= 8 \
                and not _STRONG_BREAK.search(gap):
            targets = [later[0]]  # "4.4 points lower than last year, at 22.9 percent"
        else:
            continue
        for i in targets:
            changes.setdefault(i, change.points)
    runs: list[list[NumberMention]] = []
    previous: NumberMention | None = None
    for number in numbers:
        if number.role != "earlier":
            previous = None
            continue
        if previous is not None and _SERIES_JOIN.fullmatch(text[previous.end:number.start]):
            runs[-1].append(number)
        else:
            runs.append([number])
        previous = number
    for run in runs:
        later = later_than(run[-1].end)
        if len(run) == 1 and later and _FROM_TO.fullmatch(
                text[run[-1].end:figures[later[0]].anchor_start]):
            targets = [later[0]]
        else:
            targets = [i for i in earlier_than(run[0].start) if i not in changes][-len(run):]
        for i, earlier_figure in zip(targets, run, strict=False):
            changes.setdefault(i, round(figures[i].value - earlier_figure.value, 2))
    return changes


def leading_change(text: str, numbers: list[NumberMention]) -> tuple[str, float] | None:
    """A change at the head of a sentence with no figure of its own, which belongs to the last
    figure of the sentence before: ``("points", -4.0)`` for "That's 4 points lower than before."
    and ``("from", 20.0)`` for "Up from 20% in 2019." (the caller subtracts it from the figure)."""
    if any(n.role == "candidate" for n in numbers):
        return None
    for change in find_point_changes(text):
        if gap_words(text[:change.start]) <= 3:
            return "points", change.points
    for number in numbers:
        if number.role == "earlier" and gap_words(text[:number.start]) <= 3:
            return "from", number.value
    return None


# --- clauses -----------------------------------------------------------------------------------

_SEPARATOR = re.compile(
    r"[,;:()\[\]!?/]|\s[–—-]\s|\.(?:\s|$)|\b(?:and|while|whereas|but|compared (?:with|to)|versus|"
    r"vs\.?|although|though|meanwhile)\b", re.I)
_BACKGROUND = re.compile(
    r"\b(?:since|after|before|because|following|amid|despite|until|when(?! asked))\b", re.I)
CLAUSE_END = re.compile(r"[,;:()\[\]!?]|\s[–—-]\s|\.(?:\s|$)")


def has_separator(text: str) -> bool:
    """Whether ``text`` (a gap between two spans) crosses a clause boundary."""
    return _SEPARATOR.search(text) is not None


def background_clauses(text: str, numbers: list[NumberMention]) -> list[tuple[int, int]]:
    """Clauses that give background ("since the poll began in 2013", "after Tokyo tightened
    exports"): their countries are not the view's subject and their dates not the survey's."""
    spans = []
    for match in _BACKGROUND.finditer(text):
        end = len(text)
        clause_end = CLAUSE_END.search(text, match.end())
        if clause_end is not None:
            end = clause_end.start()
        for number in numbers:
            if match.end() <= number.anchor_start < end:
                end = number.anchor_start
        spans.append((match.start(), end))
    return spans


def in_brackets(text: str, number: NumberMention) -> bool:
    """A figure standing alone in brackets: "(71%)"."""
    return text[:number.start].rstrip().endswith("(") and text[number.end:].lstrip().startswith(")")


def same_clause(text: str, time: TimeMention, number: NumberMention) -> bool:
    """Whether a time and a figure are in one clause, at most ten words apart."""
    if time.end <= number.anchor_start:
        gap = text[time.end:number.anchor_start]
    elif time.start >= number.anchor_end:
        gap = text[number.anchor_end:time.start]
    else:
        return False
    return not has_separator(gap) and gap_words(gap) <= 10
