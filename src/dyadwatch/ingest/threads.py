"""Split a cleaned document into posts: one story, a story and its comments, or a forum thread.

Three layouts are recognised on :class:`~dyadwatch.ingest.text.CleanText`:

* **comments** – a story followed by reader comments. The comment section starts at the last
  comment-section header ("15 Comments", "Login to comment") before the first vote line; each
  comment ends at its vote line (``-7 ( +2 / -9 )`` → up 2, down 9, net -7), at a post-end line or
  where the next comment header (author line + date line) starts.
* **forum** – posts opened by header lines (an author line and a date line, or ``Name · date``),
  closed by "Last edited:" lines, and, in threads whose paragraphs are separated by blank lines,
  by a single line break between two prose lines (scraped forum pages join posts that way).
* **article** – everything else: one post covering the text.

A post carries only what it shows: an undated post has ``posted=None``, never the thread's date.
Header lines stay in the document text but outside the post's span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..models import FuzzyDate, Post
from .pubdate import find_copyright_years, find_stamps, parse_date_text
from .text import CleanText, is_title_like

LayoutKind = Literal["article", "comments", "forum"]

_BULLET = re.compile(r"^(?:\s|[•·▪◦●*–-]\s|\d{1,2}[.)]\s)")
_ONE_LINE_HEADER = re.compile(
    r"^(?:posted by\s+)?(?P<author>[^|·•]{2,40}?)\s*(?:[|·•]|\s[-–—]\s|\bon\b)\s*(?P<date>.+)$",
    re.IGNORECASE,
)
_AUTHOR_END = re.compile(r"[.!?:;,\"”)]$")


@dataclass(frozen=True, slots=True)
class Header:
    author: str | None
    posted: FuzzyDate | None
    length: int  # number of lines the header takes


@dataclass(frozen=True, slots=True)
class ThreadLayout:
    kind: LayoutKind
    posts: tuple[Post, ...]
    header_lines: frozenset[int] = frozenset()  # line indices used as post headers
    comment_stamps: tuple[FuzzyDate, ...] = ()  # dates stamped anywhere in the comment section
    story_lines: tuple[int, int] = (0, 0)  # [first, end) lines of the story, if there is one


@dataclass(slots=True)
class _Segment:
    first: int
    end: int  # exclusive
    votes: tuple[int, int, int] | None = None
    header: Header | None = None
    header_lines: list[int] = field(default_factory=list)


def is_author_line(line: str) -> bool:
    """A user name: one to five words, short, not a sentence, not a date, not a byline."""
    text = line.strip()
    words = text.split()
    return (
        1 <= len(words) <= 5
        and len(text) <= 40
        and not _AUTHOR_END.search(text)
        and not text.lower().startswith(("by ", "@"))
        and parse_date_text(text) is None
        and not _BULLET.match(line)
    )


def parse_post_header(lines: list[str], index: int, *, trusted: bool) -> Header | None:
    """A post header starting at ``lines[index]``: author + date lines, "author · date", or, in a
    text already known to be a thread (``trusted``), a date line alone or an author line alone
    followed by prose. The header must be followed by body text."""
    if index >= len(lines) or not lines[index].strip():
        return None
    first = lines[index].strip()
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    after = lines[index + 2].strip() if index + 2 < len(lines) else ""
    if following and is_author_line(first):
        date = parse_date_text(following)
        if date is not None and after:
            return Header(first, date, 2)
    match = _ONE_LINE_HEADER.match(first)
    if match and following and is_author_line(match["author"]):
        date = parse_date_text(match["date"])
        if date is not None:
            return Header(match["author"].strip(), date, 1)
    if trusted and following:
        date = parse_date_text(first)
        if date is not None and date.precision == "day":
            return Header(None, date, 1)
        if is_author_line(first) and len(following.split()) >= 8:
            return Header(first, None, 1)
    return None


def _span(clean: CleanText, first: int, end: int) -> tuple[int, int] | None:
    rows = [i for i in range(first, min(end, len(clean.lines))) if clean.lines[i].text.strip()]
    if not rows:
        return None
    first_line = clean.lines[rows[0]]
    indent = len(first_line.text) - len(first_line.text.lstrip())
    return first_line.start + indent, clean.lines[rows[-1]].end


def _header_starts(clean: CleanText, first: int, end: int, trusted: bool) -> dict[int, Header]:
    texts = [line.text for line in clean.lines[:end]]
    starts: dict[int, Header] = {}
    for i in range(first, end):
        if i > first and texts[i - 1].strip():
            continue  # a header opens a block
        header = parse_post_header(texts, i, trusted=trusted)
        if header is not None:
            starts[i] = header
    return starts


def _junctions(clean: CleanText, first: int, end: int, skip: set[int]) -> list[int]:
    """Indices ``b`` where lines ``b-1`` and ``b`` are both prose with no blank line between."""
    texts = [line.text for line in clean.lines]
    found = []
    for b in range(first + 1, end):
        a = b - 1
        if a in skip or not texts[a].strip() or not texts[b].strip():
            continue
        if _BULLET.match(texts[b]) or _BULLET.match(texts[a]):
            continue
        found.append(b)
    return found


def _segments(
    clean: CleanText,
    first: int,
    end: int,
    *,
    headers: dict[int, Header],
    junctions: list[int],
) -> list[_Segment]:
    cuts: dict[int, tuple[int, int, int] | None] = {}
    for marker in clean.markers:
        if first < marker.line <= end and marker.kind in ("votes", "post-end"):
            cuts[marker.line] = marker.votes if marker.kind == "votes" else cuts.get(marker.line)
    bounds = sorted({first, *headers, *junctions, *cuts, end})
    segments = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a >= b:
            continue
        segment = _Segment(a, b, votes=cuts.get(b))
        header = headers.get(a)
        if header is not None:
            segment.header = header
            segment.header_lines = list(range(a, a + header.length))
        segments.append(segment)
    return segments


def _stamp_rows(clean: CleanText, segment: _Segment) -> tuple[int, int, FuzzyDate | None]:
    """Body rows of a header-less segment and the date of a stamp line alone at its start or
    (for comments) its end: (first body line, end of body, date)."""
    rows = [i for i in range(segment.first, segment.end) if clean.lines[i].text.strip()]
    if len(rows) < 2:
        return segment.first, segment.end, None
    for row, first, end in ((rows[0], rows[1], segment.end), (rows[-1], segment.first, rows[-1])):
        date = parse_date_text(clean.lines[row].text)
        if date is not None and date.precision == "day":
            segment.header_lines.append(row)
            return first, end, date
    return segment.first, segment.end, None


def _to_posts(
    clean: CleanText, segments: list[_Segment], kind: Literal["post", "comment"], offset: int
) -> list[Post]:
    posts = []
    source = "post-header" if kind == "post" else "comment-stamp"
    for segment in segments:
        header = segment.header
        if header is not None:
            body_first, body_end, posted = segment.first + header.length, segment.end, header.posted
        else:
            body_first, body_end, posted = _stamp_rows(clean, segment)
        span = _span(clean, body_first, body_end)
        if span is None:
            continue
        up, down, net = segment.votes if segment.votes else (None, None, None)
        posts.append(
            Post(
                index=offset + len(posts),
                start=span[0],
                end=span[1],
                kind=kind,
                author=header.author if header else None,
                posted=posted,
                posted_source=source if posted else None,
                votes_up=up,
                votes_down=down,
                votes_net=net,
            )
        )
    return posts


def _comment_section_start(clean: CleanText) -> int | None:
    votes = [m.line for m in clean.markers if m.kind == "votes"]
    openers = [m.line for m in clean.markers if m.kind == "comments"]
    has_text = _has_text_between
    if votes:
        first_vote = votes[0]
        candidates = [
            line
            for line in openers
            if has_text(clean, 0, line) and has_text(clean, line, first_vote)
        ]
        if candidates:
            return candidates[-1]
        return _fallback_comment_start(clean, first_vote)
    texts = [line.text for line in clean.lines]
    for line in reversed(openers):
        rows = [i for i in range(line, len(texts)) if texts[i].strip()]
        if (
            rows
            and _has_text_between(clean, 0, line)
            and parse_post_header(texts, rows[0], trusted=False)
        ):
            return line
    return None


def _has_text_between(clean: CleanText, first: int, end: int) -> bool:
    return any(line.text.strip() for line in clean.lines[first:end])


def _fallback_comment_start(clean: CleanText, first_vote: int) -> int:
    """Without a section header: after the last copyright line, else the paragraph before the
    first vote line."""
    for i in range(first_vote - 1, -1, -1):
        if find_copyright_years(clean.lines[i].text):
            return i + 1
    i = max(first_vote - 1, 0)
    while i > 0 and not clean.lines[i].text.strip():
        i -= 1
    while i > 0 and clean.lines[i - 1].text.strip():
        i -= 1
    return i


def split_posts(clean: CleanText) -> ThreadLayout:
    """Find the layout of ``clean`` and its posts (offsets into ``clean.text``)."""
    n = len(clean.lines)
    if n == 0:
        return ThreadLayout("article", ())
    start = _comment_section_start(clean)
    if start is not None:
        return _comments_layout(clean, start)
    forum = _forum_layout(clean)
    if forum is not None:
        return forum
    span = _span(clean, 0, n)
    posts = (Post(0, span[0], span[1], "article"),) if span else ()
    return ThreadLayout("article", posts, story_lines=(0, n))


def _comments_layout(clean: CleanText, start: int) -> ThreadLayout:
    n = len(clean.lines)
    article = _span(clean, 0, start)
    posts = [Post(0, article[0], article[1], "article")] if article else []
    last_vote = max((m.line for m in clean.markers if m.kind == "votes"), default=start)
    footer = [m.line for m in clean.markers if m.kind == "comments" and m.line >= last_vote]
    end = min([*footer, n]) if last_vote > start else n
    headers = _header_starts(clean, start, end, trusted=True)
    segments = _segments(clean, start, end, headers=headers, junctions=[])
    comments = _to_posts(clean, segments, "comment", len(posts))
    region = clean.text[clean.lines[start].start if start < n else len(clean.text) :]
    stamps = [p.posted for p in comments if p.posted] + find_stamps(region)
    header_lines = frozenset(i for s in segments for i in s.header_lines)
    return ThreadLayout(
        "comments", tuple(posts + comments), header_lines, tuple(stamps), story_lines=(0, start)
    )


def _forum_layout(clean: CleanText) -> ThreadLayout | None:
    n = len(clean.lines)
    headers = _header_starts(clean, 0, n, trusted=False)
    authored = [h for h in headers.values() if h.author]
    if not authored:
        return None
    header_rows = {i for start, h in headers.items() for i in range(start, start + h.length)}
    junctions = _junctions(clean, 0, n, header_rows)
    blanks = sum(1 for line in clean.lines if not line.text.strip())
    post_ends = sum(1 for m in clean.markers if m.kind == "post-end")
    split_junctions = len(junctions) >= 2 and blanks >= len(junctions)
    if len(authored) < 2 and not (post_ends or split_junctions):
        return None
    # Date-only and author-only header lines count once the text is known to be a thread.
    headers = _header_starts(clean, 0, n, trusted=True)
    if split_junctions:
        header_rows = {i for start, h in headers.items() for i in range(start, start + h.length)}
        junctions = _junctions(clean, 0, n, header_rows)
    segments = _segments(
        clean, 0, n, headers=headers, junctions=junctions if split_junctions else []
    )
    if segments and segments[0].header is None and len(segments) > 1:
        rows = [clean.lines[i].text for i in range(segments[0].first, segments[0].end)]
        rows = [r for r in rows if r.strip()]
        if len(rows) <= 2 and all(is_title_like(r) for r in rows):
            segments = segments[1:]  # the thread title
    posts = _to_posts(clean, segments, "post", 0)
    header_lines = frozenset(i for s in segments for i in s.header_lines)
    first_post = segments[0].first if segments else 0
    return ThreadLayout("forum", tuple(posts), header_lines, story_lines=(0, first_post))
