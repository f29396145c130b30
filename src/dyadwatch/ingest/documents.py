"""Build a :class:`~dyadwatch.models.Document` from text and what its source says about it.

Every reader (plain text, HTML, JSONL) ends here: the text is cleaned of page chrome, split into
posts, dated (:mod:`dyadwatch.ingest.pubdate`) and given a genre. ``Document.text`` is the
cleaned text and every offset points into it; ``Document.id`` is the first 16 hex digits of the
SHA-256 of that text, so the same text read from two files is the same document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from ..models import Document, FuzzyDate, Genre, Post, SkippedInput
from .pubdate import PublicationEvidence, parse_dateline, parse_header_line, resolve_publication
from .text import CleanText, clean_text, normalise
from .threads import ThreadLayout, split_posts

GENRES: tuple[str, ...] = ("official", "news", "encyclopedia", "forum", "comment", "unknown")

# Cues of a government readout or press release, looked for in the first lines only (deeper in
# a page a ministry is just something the text talks about); two different cues are needed.
# Headings such as "Press Release" count alone, but only as a line of their own: a news story
# also says "said in a joint statement".
_OFFICIAL_HEADINGS = re.compile(
    r"^(?:press release|press statement|joint statement|joint press statement|readout|"
    r"statement by .{3,60}|remarks by .{3,60}|readout of .{3,80}|"
    r"ministry of foreign affairs(?: of .{3,40})?|(?:.{0,40}) minister'?s? press conference)$",
    re.IGNORECASE,
)
_OFFICIAL_CUES = re.compile(
    r"minister for foreign affairs|the overview of the meeting|\bH\.E\. |an outline follows|"
    r"the main points are (?:set out below|as follows)|(?:is|are) as follows\.\s*$|"
    # readouts open with the date alone: "On the morning of January 16, …", "On August 21, …"
    r"^on (?:the (?:morning|afternoon|evening) of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\.? \d{1,2}, |"
    r"\b(?:summit meeting|ministers'? meeting|telephone (?:talks?|call)|bilateral meeting)\b",
    re.IGNORECASE,
)
_REFERENCE_MARK = re.compile(r"\[(?:\d{1,3}|citation needed|note \d+)\]")
_REFERENCE_HEADING = re.compile(
    r"^(?:references|notes|see also|external links|bibliography)$", re.I
)
_DEFINITION = re.compile(
    r"^[\"“]?(?:the\s+)?[A-Z][^.]{0,160}?\s(?:is|was|are|were|refers to)\s"
    r"(?:a|an|the|one|two|three|four|five|several|many)\s"
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_BYLINE = re.compile(
    r"^[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|\||and\s).{0,60})?$"
)
_WIRE_CREDIT = re.compile(r"(?:©|\(c\))\s*\d{4}\s+(?:AFP|AP|Reuters|Kyodo|Yonhap|Jiji)\b", re.I)


@dataclass(frozen=True, slots=True)
class DraftComment:
    """A comment read from markup, before it has offsets in the document text."""

    text: str
    author: str | None = None
    posted: FuzzyDate | None = None
    votes: tuple[int, int, int] | None = None  # up, down, net


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the input itself says about a document (all optional except ``source``)."""

    source: str
    input_format: str = "text"
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: FuzzyDate | None = None
    published_source: str = "metadata"
    genre: Genre | None = None
    copyright_text: str = ""  # page text outside the story, e.g. an HTML footer
    comments: tuple[DraftComment, ...] = ()


def text_id(text: str) -> str:
    """The document id: 16 hex digits of the SHA-256 of the (cleaned, normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def web_url(url: str | None) -> str | None:
    """The URL when it is a web address (http or https); anything else ("javascript:…",
    "file:…") is dropped, because reports and the dashboard turn URLs into links."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def build_document(text: str, info: SourceInfo) -> Document | SkippedInput:
    """Clean, split, date and classify ``text``; a text with nothing left is skipped."""
    clean = clean_text(text)
    if not clean.text:
        detail = "only page chrome (menus, share and login lines)" if normalise(text) else ""
        return SkippedInput(info.source, "empty", detail or "no text")
    if info.comments:
        full_text, layout = _append_comments(clean, info.comments)
    else:
        full_text, layout = clean.text, split_posts(clean)
    published, how = resolve_publication(_evidence(clean, layout, info))
    genre = info.genre or classify_genre(clean, layout, how)
    return Document(
        id=text_id(full_text),
        text=full_text,
        source=info.source,
        title=info.title or clean.title,
        url=web_url(info.url),
        publisher=info.publisher,
        published=published,
        published_source=how,
        genre=genre,
        posts=layout.posts,
        input_format=info.input_format,
    )


def _append_comments(
    clean: CleanText, comments: tuple[DraftComment, ...]
) -> tuple[str, ThreadLayout]:
    """The story's own layout with the markup's comments appended as comment posts."""
    story = split_posts(clean)
    posts: list[Post] = list(story.posts[:1]) if story.kind != "forum" else list(story.posts)
    text = clean.text
    stamps = list(story.comment_stamps)
    for comment in comments:
        cleaned = clean_text(comment.text)
        if not cleaned.text:
            continue
        votes = comment.votes or next((m.votes for m in cleaned.markers if m.kind == "votes"), None)
        start = len(text) + 2
        text = f"{text}\n\n{cleaned.text}"
        up, down, net = votes if votes else (None, None, None)
        posts.append(
            Post(
                index=len(posts),
                start=start,
                end=len(text),
                kind="comment",
                author=comment.author,
                posted=comment.posted,
                posted_source="comment-stamp" if comment.posted else None,
                votes_up=up,
                votes_down=down,
                votes_net=net,
            )
        )
        if comment.posted:
            stamps.append(comment.posted)
    kind = "comments" if len(posts) > len(story.posts[:1]) else story.kind
    return text, replace(story, kind=kind, posts=tuple(posts), comment_stamps=tuple(stamps))


def _story_rows(clean: CleanText, layout: ThreadLayout) -> list[str]:
    first, end = layout.story_lines
    return [
        clean.lines[i].text
        for i in range(first, min(end, len(clean.lines)))
        if clean.lines[i].text.strip() and i not in layout.header_lines
    ]


def _evidence(clean: CleanText, layout: ThreadLayout, info: SourceInfo) -> PublicationEvidence:
    rows = _story_rows(clean, layout)
    forum_dates = [p.posted for p in layout.posts if p.posted] if layout.kind == "forum" else []
    return PublicationEvidence(
        metadata=info.published,
        metadata_source=info.published_source,
        header_lines=rows[:5],  # "near the top": title, kicker, byline, date
        lead_paragraphs=rows[:5],
        post_dates=forum_dates,
        comment_dates=layout.comment_stamps,
        copyright_text="\n".join(filter(None, [clean.text, info.copyright_text])),
    )


def classify_genre(clean: CleanText, layout: ThreadLayout, published_source: str) -> Genre:
    """official, forum, news, encyclopedia or unknown, from cues in the text and its layout."""
    rows = _story_rows(clean, layout)
    references = len(_REFERENCE_MARK.findall(clean.text))
    head = rows[:5]
    cues = {_cue_name(m.group(0)) for row in head for m in _OFFICIAL_CUES.finditer(row)}
    if references < 3 and (
        any(_OFFICIAL_HEADINGS.match(r.strip()) for r in head) or len(cues) >= 2
    ):
        return "official"
    if layout.kind == "forum":
        return "forum"
    if layout.kind == "comments" or published_source in (
        "header",
        "dateline",
        "html-meta",
        "comments-upper-bound",
    ):
        return "news"
    if any(_BYLINE.match(row) or parse_header_line(row) for row in rows[:8]):
        return "news"
    if any(parse_dateline(row) for row in rows[:5]) or _WIRE_CREDIT.search(clean.text):
        return "news"
    if published_source == "none" and (
        references >= 2
        or any(_REFERENCE_HEADING.match(line.text.strip()) for line in clean.lines)
        or _defines_title(clean.title, rows[:3])
    ):
        return "encyclopedia"
    return "unknown"


def _defines_title(title: str | None, rows: list[str]) -> bool:
    """An encyclopedia entry opens by defining its title ("The X treaty is a …"): the first
    paragraph after the title is definitional and its subject names at least half the title's
    words."""
    body = [row for row in rows if row.strip() != title]
    if not title or not body:
        return False
    match = _DEFINITION.match(body[0])
    if not match or len(match.group(0)) > 120:
        return False
    title_words = {w.lower() for w in _WORD.findall(title)}
    subject_words = {w.lower() for w in _WORD.findall(match.group(0))}
    return bool(title_words) and 2 * len(title_words & subject_words) >= len(title_words)


def _cue_name(found: str) -> str:
    """One name per kind of cue, so that "On May 7," and "On May 8," count once."""
    text = found.lower()
    return "opening" if text.startswith("on ") else text
