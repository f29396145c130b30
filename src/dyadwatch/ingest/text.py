"""Text normalisation and removal of page chrome (menus, share bars, login prompts, cookie notices).

Chrome is removed line by line: a line is dropped only when the whole line is a known piece of
interface text, so a sentence that merely mentions cookies or comments stays. Some dropped lines
still say something about the page's structure (a "15 Comments" header opens a comment section,
a vote line "-7 ( +2 / -9 )" closes a comment, "Last edited:" closes a forum post); those leave a
:class:`Marker` at their place so :mod:`dyadwatch.ingest.threads` can split posts, while
``CleanText.text`` (which becomes ``Document.text``) no longer contains them.

The phrases below are generic interface labels, written by hand from what news sites and forum
software put around content (sources: the seed pages under ``shared/seeds`` and common CMS
templates); they hold no facts about the world.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from .pubdate import parse_date_text

MarkerKind = Literal["comments", "votes", "post-end"]

_CHROME_LINES = (
    r"take our (?:user |reader )?survey.*",
    r"what'?s new",
    r"share(?: this(?: article| story| page| post)?| on \w+)?|tweet|print|e-?mail|copy link",
    r"save(?: article)?|bookmark|listen(?: to this article)?|font size|text size",
    r"advertisement|advertising|ad|sponsored(?: content)?|promoted(?: content)?",
    r"scroll to continue(?: with content)?|skip to (?:main )?content|skip to navigation",
    r"back to top|top|top bottom|go to top|scroll to top|jump to (?:content|navigation)",
    r"read more|continue reading|see more|show more|load more|view more|more stories",
    r"related(?: articles| stories| posts| content| news)?|most (?:read|popular|viewed)",
    r"trending(?: now)?|recommended(?: for you)?|you may also like|editor'?s picks?",
    r"subscribe(?: now| today)?|newsletter|sign up for (?:our|the) .{1,40}",
    r"sign in|log ?in|log ?out|register|sign up|my account|create (?:an )?account",
    r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|line|e-?mail)"
    r"(?:\s*[|/·•,]?\s*(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|line"
    r"|e-?mail|copy link))+",
    r"accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|settings|preferences|consent)",
    r"cookie (?:settings|policy|preferences|notice)",
    r"home\s*[>›»|/]\s*[^.!?]{1,150}",  # breadcrumbs
    r"facebook users|facebook connect|user registration",
    r"log ?in with your .{1,40} account|use your \w+ account to (?:log ?in|sign in|register).*",
    r"articles, offers (?:&|and) useful resources|a mix of what'?s trending on our other sites",
    r"(?:privacy(?: policy)?|terms of (?:use|service)|contact(?: us)?|about(?: us)?)"
    r"(?:\s*[|·•]\s*[\w ]{1,30})+",
    r"privacy policy|terms of (?:use|service)|all rights reserved\.?",
)
_COMMENT_HEADERS = (
    r"\d+\s+comments?|comments?\s*\(\d+\)|comments?|reader comments",
    r"(?:log ?in|sign in) to (?:comment|reply|leave a comment|post a comment|join the discussion)",
    r"(?:leave|post|add|write) a (?:comment|reply)|you must be logged in to post a comment\.?",
    r"no comments yet|be the first to comment\.?|join the (?:discussion|conversation)",
    r"show comments|view comments|hide comments",
)
_POST_ENDS = (
    r"last edited(?: by .{1,40})?:?(?: .{0,40})?",
    r"reply|quote|report|like|likes?: .{0,80}|reactions?: .{0,80}|permalink",
)
_COOKIE_WORDS = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|this (?:web)?site uses|uses cookies|accept|consent|cookie policy|"
    r"by continuing|agree to (?:our|the) use)\b",
    re.IGNORECASE,
)


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*[.:!]?", re.I)


_CHROME = _compile(_CHROME_LINES)
_COMMENTS = _compile(_COMMENT_HEADERS)
_POST_END = _compile(_POST_ENDS)
VOTE_LINE = re.compile(r"(?P<net>[+-]?\d+)\s*\(\s*\+\s*(?P<up>\d+)\s*/\s*[-−]\s*(?P<down>\d+)\s*\)")
_SENTENCE_END = re.compile(r"[.!:;,]$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the cleaned text; ``text == CleanText.text[start:end]``; blank lines are ""."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Marker:
    """A dropped line that tells something about structure; it sat just before ``line``."""

    kind: MarkerKind
    line: int  # index into CleanText.lines of the next kept line (== len(lines) at the end)
    votes: tuple[int, int, int] | None = None  # (up, down, net) for kind "votes"


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    lines: tuple[Line, ...]
    markers: tuple[Marker, ...]
    title: str | None


# C0 controls, DEL and lone surrogates (JSON may carry "\ud800", which UTF-8 cannot encode).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_VERTICAL = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def normalise(text: str) -> str:
    """NFC, Unix newlines (also for form feeds and Unicode line separators), no control
    characters, no trailing spaces, at most one blank line in a row, stripped."""
    text = _VERTICAL.sub("\n", _CONTROL.sub("", unicodedata.normalize("NFC", text)))
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_cookie_notice(line: str) -> bool:
    return len(line) < 400 and bool(_COOKIE_WORDS.search(line) and _COOKIE_CONTEXT.search(line))


def classify_line(line: str) -> MarkerKind | Literal["chrome", "keep"]:
    """What a single stripped line is: kept text, plain chrome, or chrome that marks structure."""
    probe = line.strip().replace("’", "'")
    if not probe:
        return "keep"
    if VOTE_LINE.fullmatch(probe):
        return "votes"
    if _COMMENTS.fullmatch(probe):
        return "comments"
    if _POST_END.fullmatch(probe):
        return "post-end"
    if _CHROME.fullmatch(probe) or _is_cookie_notice(probe):
        return "chrome"
    return "keep"


def is_title_like(line: str) -> bool:
    """A headline: short, not ending like a sentence, not a byline and not a date."""
    text = line.strip()
    words = text.split()
    return (
        2 <= len(words) <= 25
        and len(text) <= 200
        and not _SENTENCE_END.search(text)
        and not text.lower().startswith("by ")
        and parse_date_text(text) is None
    )


def clean_text(text: str) -> CleanText:
    """Normalise ``text`` and drop chrome lines, keeping structural markers.

    The title is the first title-like line among the first three kept lines; later lines that
    repeat it (the headline shown again above a comment section) are dropped.
    """
    kept: list[str] = []
    markers: list[tuple[MarkerKind, int, tuple[int, int, int] | None]] = []
    title: str | None = None
    nonblank = 0
    for raw in normalise(text).split("\n"):
        kind = classify_line(raw)
        if kind == "chrome":
            continue
        if kind == "keep" and not raw.strip():
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if kind == "keep":
            stripped = raw.strip()
            if title is None and nonblank < 3 and is_title_like(stripped):
                title = stripped
            elif title is not None and stripped == title and len(title.split()) >= 3:
                continue
            nonblank += 1
            kept.append(raw if kept else raw.lstrip())  # the text starts without indentation
            continue
        match = VOTE_LINE.fullmatch(raw.strip()) if kind == "votes" else None
        votes = (int(match["up"]), int(match["down"]), int(match["net"])) if match else None
        markers.append((kind, len(kept), votes))
    while kept and kept[-1] == "":
        kept.pop()
    lines: list[Line] = []
    offset = 0
    for line in kept:
        lines.append(Line(offset, offset + len(line), line))
        offset += len(line) + 1
    final = tuple(Marker(kind, min(index, len(lines)), votes) for kind, index, votes in markers)
    return CleanText("\n".join(kept), tuple(lines), final, title)
