"""Word tables and compiled regular expressions for the temporal tagger (``temporal.py``).

Sources: the tables hold general English calendar vocabulary (month and weekday names, their
usual news abbreviations, number words, season names); the shapes of the expressions follow the
TimeML/TIMEX3 guidelines (ISO-TimeML, ISO 24617-1) for what counts as a date, a relative date,
a range and a duration. Nothing here is copied from another tagger.

Conventions the patterns rely on:

- Month and weekday names must be capitalised ("may" and "march" are common words).
- A bare four-digit number is a year only in a date context (a preposition such as "in" or
  "since", a month, a season, a range); "2000 protesters" and "the 1965 treaty" are not dates
  here, the first because it is a count and the second because the year only names the treaty.
- Every pattern is compiled once at import time; the gates (``MONTH_STEMS``,
  ``KEYWORD_FAMILIES``) let the tagger skip rules, and whole sentences, that cannot match.
"""

from __future__ import annotations

import re

MONTH_NUMBERS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAY_NUMBERS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100,
}  # fmt: skip

# Season -> (first month, last month). Winter is labelled by the year of its January.
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}  # fmt: skip


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# A year-like number followed by one of these words is a count or an amount, not a year.
COUNT_NOUNS: frozenset[str] = _words(
    """people persons protesters protestors demonstrators workers labourers laborers troops
    soldiers students residents victims survivors members delegates voters candidates police
    officers activists supporters participants cases deaths ships vessels aircraft planes
    missiles tons tonnes units items times points yen won dollars euros km kilometres
    kilometers miles metres meters households companies firms signatures comments posts
    pages copies votes seats respondents pieces families children women men"""
)

# A following word that still lets "on the 16th" be a day of the month ("on the 16th at ...").
ORDINAL_DAY_FOLLOWERS: frozenset[str] = _words(
    "at and in when after before as with to during amid while but or so because"
)

# ... and so does a verb ("the briefing on the 9th focused on ...").
COMMON_VERBS: frozenset[str] = _words(
    "said says was were is are will would has had have did does could should may might must"
)

# "in N years" after one of these is a duration ("the first summit in 12 years"), not a date.
DURATION_CUES = re.compile(
    r"\b(?:first|highest|lowest|most|least|best|worst|biggest|largest|smallest|strongest|"
    r"weakest|longest|shortest|deepest|sharpest|fastest|slowest|greatest|only|since|"
    r"record|not|never|no)\b|n't\b",
    re.IGNORECASE,
)

# Words that turn a weekday into part of a name ("Bloody Sunday", "the Sunday Times").
NAMED_DAY_BEFORE: frozenset[str] = _words(
    "good black bloody super ash easter cyber holy palm maundy"
)
NAMED_DAY_AFTER: frozenset[str] = _words(
    "times telegraph express mirror herald post mail morning observer edition"
)

# --- regex building blocks --------------------------------------------------------------------

_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})(?![A-Za-z])"
MONTH_FULL = rf"{_MONTH_FULL}(?![A-Za-z])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX = rf"(?:{WEEKDAY},?\s+)?"
# Day of month: 1-31 with an optional ordinal suffix, not part of a longer number or a time.
DAY = r"(?<![\d,.$])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[:.,]\d)"
# A year: 1000-2099, not part of a longer number, a decimal, an amount or a percentage.
# (A year ending in 0 followed by "s" or "'s" is a decade: "the 1990s", "the 1990's".)
YEAR = r"(?<![\d,.$€£¥₩#])(?:1\d\d|20\d)(?:[1-9]|0(?!['’]?s\b))(?![\d%]|[.,]\d)"
_YEAR_DIGITS = r"(?:1\d\d\d|20\d\d)"  # inside numeric dates, where the lookarounds differ
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (
    rf"(?:(?<![\d,.])\d{{1,3}}(?![\d,.]\d)|(?:{_TENS})(?:-(?:{_UNITS}))?|{_TEENS}|{_UNITS}"
    r"|a\s+couple\s+of|a\s+few|a\s+dozen|a\s+hundred|several|a|an|few|some|many)"
)
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
_MOD = r"(?:early|mid|late)[-\s]+|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+"
_YEAR_MOD = (
    _MOD + r"|(?:the\s+)?(?:first|second|last)\s+half\s+of\s+"
    r"|(?:the\s+)?(?:first|second|third|fourth|last)\s+quarter\s+of\s+"
)


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _w(pattern: str) -> re.Pattern[str]:
    """Compile a pattern whose matches start a word; the prefix lets re skip other positions."""
    return re.compile(r"\b(?=\w)" + pattern)


# Gates: a rule runs only when the sentence has what it needs, so most sentences cost a few
# substring tests. Month stems are tested on the original text (names are capitalised), the
# keyword families on the lower-cased text.
MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
KEYWORD_FAMILIES: dict[str, tuple[str, ...]] = {
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "dayword": (
        "yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening",
        " day",
    ),
    "unit": ("day", "week", "fortnight", "month", "year", "decade", "centur"),
    "offset": ("ago", "from now", "later", "earlier", "before", "after", "previously"),
    "calendar": ("week", "month", "year"),
    "weekend": ("weekend",),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "century": ("centur",),
}  # fmt: skip
# One scan finds every keyword; a keyword also counts for the families of the keywords inside it
# ("yesterday" contains "day").
_KEYWORDS = sorted({w for words in KEYWORD_FAMILIES.values() for w in words}, key=len, reverse=True)
KEYWORD_RX = re.compile("|".join(re.escape(w) for w in _KEYWORDS))
KEYWORD_FAMILY_OF: dict[str, frozenset[str]] = {
    word: frozenset(
        name for name, words in KEYWORD_FAMILIES.items() for inner in words if inner in word
    )
    for word in _KEYWORDS
}
MONTH_STEM_RX = re.compile("|".join(MONTH_STEMS))
# Digit shapes, tested only when the sentence has a digit.
DIGIT_FEATURES: dict[str, re.Pattern[str]] = {
    "year4": re.compile(r"(?:1\d|20)\d\d"),
    "ordinal": re.compile(r"\d(?:st|nd|rd|th)\b"),
    "decade": re.compile(r"\d0['’]?s\b"),
    "slash": re.compile(r"\d/\d"),
    "numeric_date": re.compile(r"\d[-/.]\d\d?[-/.]\d|\d\s*[年년]"),
    "number_range": re.compile(
        r"\d(?:st|nd|rd|th)?\s*(?:[-–—/]|\b(?i:to|until|till|through|thru|and)\b)\s*\d"
    ),
    "fiscal": re.compile(r"FY\s?\d"),
}
HAS_DIGIT = re.compile(r"\d")

# --- explicit dates ---------------------------------------------------------------------------

ISO = _c(
    rf"(?<![\d.,/-])(?P<y>{_YEAR_DIGITS})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<d>[12]\d|3[01]|0?[1-9])(?![\d]|[.,/-]\d)"
)
CJK = _c(
    rf"(?<!\d)(?P<y>{_YEAR_DIGITS})\s*[年년]\s*(?P<m>1[0-2]|0?[1-9])\s*[月월]"
    r"(?:\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*[日일])?"
)
NUMERIC = _c(rf"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>{YEAR})(?![\d/])")
# Month/day without a year after a preposition ("on 3/15"): month first, as written in the US,
# Korea and Japan.
SLASH_MONTH_DAY = _w(
    r"(?i:on|by|since|until|till|from|before|after)\s+(?P<m>1[0-2]|0?[1-9])/"
    r"(?P<d>[12]\d|3[01]|0?[1-9])(?![/\d]|[.,]\d)"
)
MDY = _w(rf"{_WD_PREFIX}(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:\s*,\s*|\s+)(?P<y>{YEAR})")
DMY = _w(rf"{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH}),?\s+(?P<y>{YEAR})")
MY = _w(rf"(?P<mod>{_MOD})?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})")
MD = _w(rf"{_WD_PREFIX}(?P<the>\b[Tt]he\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})")
DM = _w(rf"{_WD_PREFIX}(?P<the>\b[Tt]he\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})")
MD_RANGE = _w(
    rf"(?P<mon>{MONTH})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|and|through)\s*(?P<d2>{DAY})"
    rf"(?:\s*,?\s+(?P<y>{YEAR}))?"
)
DM_RANGE = _w(
    rf"(?P<d1>{DAY})\s*(?:-|–|—|to|and)\s*(?P<d2>{DAY})\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
)
# A year in a date context is found from the year backwards: ``YEAR_TOKEN`` finds the number
# (a leading character class lets re scan fast) and ``YEAR_CONTEXT`` must end right before it.
YEAR_TOKEN = _c(r"(?:1\d\d|20\d)(?:[1-9]|0(?!['’]?s\b))(?![\d%]|[.,]\d)")
YEAR_CONTEXT = _c(
    r"(?:(?P<ctx>\b(?i:in|on|since|until|till|to|by|from|of|during|before|after|around|circa"
    r"|through|throughout|year|fiscal|as\s+of))\s+|\b(?:c|ca)\.\s*"
    r"|(?P<mod>\b(?i:" + _YEAR_MOD + r"))[-\s]*)"
    r"(?:(?i:the\s+year)\s+)?$"
)
DATE_RELATIVE_YEAR = _w(
    rf"(?:(?P<d1>{DAY})\s+(?:of\s+)?)?(?P<mon>{MONTH})(?:\s+(?P<d2>{DAY}))?,?\s+(?:of\s+)?"
    r"(?P<rel>(?i:last|this|next))\s+year\b"
)
# Patterns that start with a digit or a literal let re scan fast; the handler checks what comes
# before (a "between"/"from" opener, a letter or a digit that would make it something else).
YEAR_RANGE = _c(
    r"(?P<y1>(?:1\d\d|20\d)(?:[1-9]|0(?!['’]?s\b)))\s*"
    r"(?P<conn>-|–|—|/|\b(?i:to|until|till|through|thru|and)\b)\s*"
    r"(?P<y2>(?:1\d\d\d|20\d\d|\d\d)(?![\d%]|[.,]\d|-\d))"
)
FISCAL_YEAR = _c(r"FY\s?(?P<y>20\d\d|\d\d)\b")
SEASON_YEAR = _w(
    rf"(?:(?P<mod>\b(?i:early|mid|late))[-\s]+)?(?:\b(?i:the)\s+)?"
    rf"(?P<season>\b(?i:spring|summer|autumn|fall|winter))\s+(?:of\s+)?(?P<y>{YEAR})"
)
DECADE = _c(
    r"(?=[TtEeMmLl'’12])(?:\b[Tt]he\s+)?(?:(?i:early|mid|late)[-\s]+)?"
    r"(?:(?<![\d,.])(?:1\d|20)\d0'?s|['’]\d0s)\b"
)
CENTURY = _w(
    r"(?i:(?:\bthe\s+)?\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[-\s]+century\b)"
)
ORDINAL_DAY = _w(
    r"\b(?i:on|by|until|till|since|from|before|after)\s+(?P<span>(?i:the)\s+"
    r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
    r"(?:\s+of\s+(?P<rel>(?i:this|last|next|the))\s+month)?)\b"
)

# --- months without a year (resolved against the base date) -----------------------------------

MONTH_MODIFIED = _w(rf"(?P<mod>\b(?i:{_MOD}))(?P<mon>{MONTH})")
MONTH_RELATIVE = _w(rf"\b(?P<rel>(?i:last|next|this|coming|past))\s+(?P<mon>{MONTH_FULL})")
MONTH_IN_CONTEXT = _w(
    r"\b(?i:in|since|until|till|by|before|after|during|from|through|throughout|for|between"
    rf"|around|of)\s+(?P<mon>{MONTH_FULL})"
)

# --- relative expressions ---------------------------------------------------------------------

RELATIVE_DAY = _w(
    r"(?i:\b(?:the\s+day\s+(?P<ba>before|after)\s+(?P<yt>yesterday|tomorrow)"
    r"|(?P<part>last|this|tomorrow|yesterday)\s+(?:night|morning|afternoon|evening)"
    r"|(?P<word>yesterday|today|tomorrow|tonight)"
    r"|(?:earlier|later)\s+in\s+the\s+day"
    r"|the\s+(?P<fn>following|next|previous|same)\s+day"
    r"|the\s+day\s+(?P<ba2>before|after)(?=\s*(?:[,.;:)]|$)))\b)"
)
WEEKDAY_RELATIVE = _w(
    r"(?:\b(?P<rel>(?i:last|next|this\s+coming|this\s+past|this|coming|past))\s+)?"
    rf"\b(?P<wd>{WEEKDAY})(?![A-Za-z])"
)
CALENDAR_RELATIVE = _w(
    r"(?i:(?:\b(?P<el>earlier|later|early|late|mid|" + _MOD + r")[-\s]*)?"
    r"(?<!the\s)\b(?P<rel>last|this|next)\s+(?P<unit>week|month|year)\b"
    r"|\b(?:earlier|later)\s+in\s+the\s+(?P<unit2>week|month|year)\b"
    r"|\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the\s+(?P<unit3>week|month|year)\b"
    r"|\bthe\s+(?P<fp>following|previous)\s+(?P<unit4>week|month|year)\b)"
)
WEEKEND = _w(r"(?i:\b(?P<rel>last|this\s+past|this|next|coming|over\s+the|the)\s+weekend\b)")
SEASON_RELATIVE = _w(
    r"(?i:\b(?P<rel>last|this|next|coming)\s+(?P<season>spring|summer|autumn|fall|winter)\b)"
)
OFFSET = _w(
    rf"(?i:\b(?P<n>{NUM})\s+{_UNIT}\s+"
    r"(?P<dir>ago|from\s+now|later|earlier|before|after|afterwards|previously)\b)"
)
IN_OFFSET = _w(
    rf"(?i:\b(?P<prep>in|within)\s+(?P<next>(?:the\s+)?(?:next|coming|past|last)\s+)?"
    rf"(?P<n>{NUM})\s+{_UNIT}(?:['’]?\s+time)?\b)"
)
# Durations are found from the unit backwards: ``DURATION_UNIT`` finds "years", "days" ...
# and ``DURATION_COUNT`` must end right before it ("35 years", "the past week").
DURATION_UNIT = _c(r"(?i:day|week|fortnight|month|year|decade|century|centuries)s?\b(?!-)")
DURATION_COUNT = _c(
    rf"(?i:\b{NUM}\s+(?:more\s+|full\s+|straight\s+|consecutive\s+)?"
    r"|\bthe\s+(?:past|coming|next|last)\s+)$"
)
CHAIN = _c(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|until|till|through|thru)\s+|\s*[-–—]\s*)"
    rf"(?:(?P<y>{YEAR})|(?P<mon>{MONTH_FULL})(?!\s+\d))"
)
RANGE_CONNECTOR = re.compile(
    r"\s*(?:(?P<and>and)|to|until|till|through|thru|-|–|—)\s*", re.IGNORECASE
)
APPOSITION = re.compile(r"\s*,?\s*")
RANGE_OPENER = re.compile(r"\b(?P<w>between|from)\s*$", re.IGNORECASE)
NEXT_WORD = re.compile(r"['’]?s?\s*([A-Za-z]+)")
PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
# An attribution right before a weekday is past whatever the main clause says:
# "Moon will attend the summit, the office said Monday."
REPORTED_BEFORE = re.compile(
    r"\b(?:said|told\s+(?:\w+\s+){0,2}?|announced|stated|added|noted|confirmed|reported|wrote"
    r"|declared|insisted|warned)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
WORD_BEFORE_SPACE = re.compile(r"([A-Za-z]+)[ \t]+$")
# "postponed from May to June" names two dates, not a period.
RESCHEDULING = re.compile(
    r"\b(?:postpon|delay|mov|shift|push|brought|bring|reschedul|chang|advanc|put\s+off)\w*"
    r"[^.;]{0,40}$",
    re.IGNORECASE,
)
