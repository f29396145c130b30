"""Dates on a page: parse date strings and decide when a document was published.

The parser is a small set of regular expressions rather than a general date guesser: a page
header either is a date ("January 16, 2018", "14 Mar 2002", "2019-08-23 02:57:11 GMT") or it is
not, and a wrong guess would date every event in the document wrongly. Numeric day/month orders
that cannot be told apart (``03/04/2019``) are refused.

:func:`resolve_publication` applies the evidence in a fixed order: metadata, a dated header or
byline near the top, a dateline at the start of the story, the first post's stamp of a forum
thread, the comment stamps (an upper bound), a copyright year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import FuzzyDate

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:,|-|–|—|at|@|T)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:z|utc|gmt|[a-z]{2,4}t|[+-]\d{2}:?\d{2})?(?:\s*\([a-z]{2,5}\))?)"
)
_DATE_FORMS = (
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # January 16, 2018 / MAY. 14, 2014
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 14 Mar 2002 / 16th of January 2018
    rf"{_YEAR}(?P<sep>[-/.])(?P<mnum>\d{{1,2}})(?P=sep)(?P<dnum>\d{{1,2}})",  # 2019-08-23
    rf"{_MONTH},?\s+{_YEAR}",  # January 2018 (month precision)
)
_DATE_ALONE = [re.compile(rf"^{form}{_TIME}?$", re.IGNORECASE) for form in _DATE_FORMS]
# A date followed by a clock time: the shape of a comment or post stamp. A stamp may be glued to
# the user name before it ("@slowguy2MAY. 14, 2014"), so only a letter may not precede it.
_STAMPS = [re.compile(rf"(?<![A-Za-z]){form}{_TIME}", re.IGNORECASE) for form in _DATE_FORMS[:3]]
_LABEL = re.compile(
    r"^(?P<label>published|posted|updated|last updated|first published|date|dated|"
    r"created|modified|last modified|released|issued)(?:\s+on)?\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+[^|,·•]{2,60}?\s*(?:[|,·•–—]|\s-\s|\bon\b)\s*", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?),\s+"
    rf"(?i:{_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>1[89]\d\d|20\d\d))?\s*"
    r"(?:\((?P<agency>[^)]{1,40})\))?\s*(?:--|—|–|-)"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?P<year>1[89]\d\d|20\d\d)(?!\s*[-–]\s*\d)",
    re.IGNORECASE,
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T\s].*)?$")

PUBLISHED_SOURCES = (
    "metadata", "html-meta", "header", "dateline", "post-stamp", "copyright",
    "comments-upper-bound", "none",
)  # fmt: skip


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _from_match(match: re.Match[str]) -> FuzzyDate | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        if groups.get("mnum"):
            return FuzzyDate(year, int(groups["mnum"]), int(groups["dnum"]))
        month = _month_number(groups["mon"])
        day = groups.get("day")
        return FuzzyDate(year, month, int(day) if day else None)
    except ValueError:
        return None  # a calendar-impossible date such as 31 Feb


def parse_date_text(text: str) -> FuzzyDate | None:
    """Parse a string that is a date and nothing else (a clock time and zone may follow).

    Returns ``None`` for anything else, including dates embedded in prose.
    """
    value = text.strip()
    for pattern in _DATE_ALONE:
        match = pattern.match(value)
        if match:
            return _from_match(match)
    return None


def parse_metadata_date(value: str) -> FuzzyDate | None:
    """Parse a machine-written date (meta tag, JSON-LD, JSONL): ISO first, then the text forms."""
    value = value.strip()
    match = _ISO_PREFIX.match(value)
    if match:
        year, month, day = match.groups()
        try:
            return FuzzyDate(int(year), int(month), int(day) if day else None)
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}", value):
        return FuzzyDate(int(value))
    return parse_date_text(value)


@dataclass(frozen=True, slots=True)
class HeaderDate:
    date: FuzzyDate
    updated: bool  # "Updated: …" lines lose to a published date when both are present


def parse_header_line(line: str) -> HeaderDate | None:
    """A header or byline line that carries the page's date, e.g. "Published Jul 1, 2019"."""
    text = line.strip()
    if not text or len(text) > 120:
        return None
    updated = False
    byline = _BYLINE.match(text)
    if byline:
        text = text[byline.end() :]
    label = _LABEL.match(text)
    if label:
        word = label.group("label").lower()
        updated = "updated" in word or "modified" in word
        text = text[label.end() :]
    date = parse_date_text(text)
    if date is None or date.precision == "year":
        return None
    return HeaderDate(date, updated)


def find_stamps(text: str) -> list[FuzzyDate]:
    """Dates followed by a clock time anywhere in ``text`` ("MAY. 14, 2014 - 11:52PM JST")."""
    found: list[tuple[int, FuzzyDate]] = []
    for pattern in _STAMPS:
        for match in pattern.finditer(text):
            date = _from_match(match)
            if date is not None:
                found.append((match.start(), date))
    return [date for _, date in sorted(found)]


def find_copyright_years(text: str, *, latest: int | None = None) -> list[int]:
    """Single copyright years ("© 2014 AFP", "(c) 2019"); ranges such as 2003-2024 are site
    chrome and say nothing about the page, so they are ignored."""
    ceiling = latest or dt.date.today().year + 1
    return [
        int(m.group("year"))
        for m in _COPYRIGHT.finditer(text)
        if 1900 <= int(m.group("year")) <= ceiling
    ]


@dataclass(frozen=True, slots=True)
class Dateline:
    month: int
    day: int
    year: int | None
    place: str
    agency: str | None


def parse_dateline(paragraph: str) -> Dateline | None:
    """A wire dateline at the start of a paragraph: "SEOUL, Aug. 22 (Yonhap) --"."""
    match = _DATELINE.match(paragraph.strip())
    if not match:
        return None
    month = _month_number(match.group("mon"))
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    year = int(match.group("year")) if match.group("year") else None
    return Dateline(month, day, year, match.group("place").strip(), match.group("agency"))


def dateline_length(paragraph: str) -> int:
    """Characters taken by a wire dateline at the start of ``paragraph`` (0 when none), so that
    "SEOUL, Aug. 22 (Yonhap) --" is not read as part of the first sentence."""
    match = _DATELINE.match(paragraph)
    if not match or parse_dateline(paragraph) is None:
        return 0
    end = match.end()
    while end < len(paragraph) and paragraph[end] == " ":
        end += 1
    return end


def complete_dateline(
    dateline: Dateline, bound: FuzzyDate | None, copyright_year: int | None
) -> FuzzyDate | None:
    """Give a year-less dateline the year of another date on the page.

    ``bound`` is a date the story cannot be later than (a comment stamp); the dateline falls in
    the year that puts it on or before the bound. A copyright year is used as it stands.
    """
    if dateline.year is not None:
        candidates = [dateline.year]
    elif bound is not None and bound.month is not None and bound.day is not None:
        candidates = [bound.year, bound.year - 1]
    elif copyright_year is not None:
        candidates = [copyright_year]
    else:
        return None
    for year in candidates:
        try:
            date = FuzzyDate(year, dateline.month, dateline.day)
        except ValueError:
            continue
        if dateline.year is None and bound is not None and date.first_day() > bound.last_day():
            continue
        return date
    return None


@dataclass(frozen=True, slots=True)
class PublicationEvidence:
    """What a page offers for dating it; every field may be empty."""

    metadata: FuzzyDate | None = None
    metadata_source: str = "metadata"  # or "html-meta"
    header_lines: Sequence[str] = ()  # the first lines of the story, title included
    lead_paragraphs: Sequence[str] = ()  # the first paragraphs of the story body
    post_dates: Sequence[FuzzyDate] = ()  # dated forum posts, in thread order
    comment_dates: Sequence[FuzzyDate] = ()  # comment stamps (own or quoted)
    copyright_text: str = ""


def resolve_publication(evidence: PublicationEvidence) -> tuple[FuzzyDate | None, str]:
    """The publication date and how it was found (one of :data:`PUBLISHED_SOURCES`)."""
    if evidence.metadata is not None:
        return evidence.metadata, evidence.metadata_source
    header = _first_header_date(evidence.header_lines)
    if header is not None:
        return header, "header"
    earliest_comment = min(evidence.comment_dates, default=None)
    copyright_years = find_copyright_years(evidence.copyright_text)
    copyright_year = min(copyright_years, default=None)
    for paragraph in evidence.lead_paragraphs:
        dateline = parse_dateline(paragraph)
        if dateline is not None:
            date = complete_dateline(dateline, earliest_comment, copyright_year)
            if date is not None:
                return date, "dateline"
            break
    if evidence.post_dates:
        return min(evidence.post_dates), "post-stamp"
    # A comment cannot predate its story. A copyright year older than the first comment is the
    # story's own; one later than it is the site's footer year.
    if earliest_comment is not None and (
        copyright_year is None or copyright_year >= earliest_comment.year
    ):
        return earliest_comment, "comments-upper-bound"
    if copyright_year is not None:
        return FuzzyDate(copyright_year), "copyright"
    return None, "none"


def _first_header_date(lines: Iterable[str]) -> FuzzyDate | None:
    updated: FuzzyDate | None = None
    for line in lines:
        found = parse_header_line(line)
        if found is None:
            continue
        if not found.updated:
            return found.date
        updated = updated or found.date
    return updated
