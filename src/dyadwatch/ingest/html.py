"""HTML pages: main text through trafilatura, metadata and reader comments from the markup.

trafilatura finds the story and drops menus, ads and footers, but it returns comments as bare
lines without author, time or votes. So comment sections are read here from the markup first
(containers whose class or id names comments, items with the class ``comment``), removed from
the tree, and the rest goes to trafilatura. When no such markup exists, the comment lines that
trafilatura found become unattributed comments.

The publication date comes only from what the page states: meta tags, JSON-LD ``datePublished``
or a ``<time>`` element of the story. trafilatura's own date search (htmldate) is not used,
because it guesses from URLs and page text; a footer copyright year is passed on to
:mod:`dyadwatch.ingest.pubdate`, which uses it only as a year and only as a last resort.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html
import trafilatura

from ..models import Document, FuzzyDate, SkippedInput
from .documents import DraftComment, SourceInfo, build_document
from .pubdate import parse_date_text, parse_header_line, parse_metadata_date
from .text import VOTE_LINE, classify_line, normalise

_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "datepublished", "date", "pubdate", "publishdate", "publish-date",
    "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued",
    "dcterms.created", "citation_publication_date", "parsely-pub-date", "sailthru.date",
)  # fmt: skip
_CONTAINER_TOKENS = re.compile(
    r"^(?:comments|comment-list|commentlist|comments-list|comments-area|comment-section|"
    r"comments-section|comment-thread|disqus_thread|reader-comments)$",
    re.IGNORECASE,
)
_ITEM_TOKENS = re.compile(r"^(?:comment|comment-item|comment-entry|commentlist-item)$", re.I)
_AUTHOR_TOKENS = re.compile(r"author|^fn$|user-?name|comment-user|commenter|nickname", re.I)
_TIME_TOKENS = re.compile(r"date|time|stamp|posted", re.I)
_TEXT_TOKENS = re.compile(r"comment-(?:text|content|body|message)|^(?:text|content|message)$")
_VOTE_TOKENS = re.compile(r"vote|score|rating|likes", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_VISIBLE_DATE_TOKENS = re.compile(r"date|time|publish|byline|meta|posted", re.IGNORECASE)
_PAGE_CHROME_TAGS = frozenset({"nav", "footer", "aside", "script", "style", "noscript"})
_TEASER_TOKENS = re.compile(
    r"related|sidebar|widget|promo|recommend|trending|popular|teaser|card|more-|-list$", re.I
)


def _tokens(element: lxml.html.HtmlElement) -> list[str]:
    if not isinstance(element.tag, str):
        return []  # comments and processing instructions
    return f"{element.get('class', '')} {element.get('id', '')}".split()


def _has_token(element: lxml.html.HtmlElement, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(token) for token in _tokens(element))


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    wanted = {name.lower() for name in names}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = (element.get("content") or "").strip()
        if key.lower() in wanted and content:
            return content
    return None


def _json_ld_dates(tree: lxml.html.HtmlElement) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # broken JSON-LD is common and says nothing
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get("datePublished")
                if isinstance(value, str):
                    yield value
                stack.extend(v for v in item.values() if isinstance(v, dict | list))


def _published(tree: lxml.html.HtmlElement, comment_nodes: set) -> FuzzyDate | None:
    candidates: list[str] = []
    for name in _DATE_META:
        value = _meta(tree, name)
        if value:
            candidates.append(value)
    candidates.extend(_json_ld_dates(tree))
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        candidates.append(element.get("content") or element.get("datetime") or _text(element))
    # Only a <time> of the story: a site header's <time> shows today's date.
    for element in tree.xpath("//article//time | //time[@pubdate]"):
        if comment_nodes.isdisjoint(element.iterancestors()):
            candidates.append(element.get("datetime") or _text(element))
    for value in candidates:
        date = parse_metadata_date(value)
        if date is not None:
            return date
    return None


def _visible_date(tree: lxml.html.HtmlElement, excluded: set) -> FuzzyDate | None:
    """A date line shown with the story ("Published Nov. 22, 2019" in a ``.date`` element),
    outside navigation, footers, sidebars and comment sections."""
    updated = None
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _has_token(element, _VISIBLE_DATE_TOKENS):
            continue
        ancestors = [element, *element.iterancestors()]
        if any(
            a.tag in _PAGE_CHROME_TAGS or a in excluded or _has_token(a, _TEASER_TOKENS)
            for a in ancestors
        ):
            continue
        text = _text(element)
        found = parse_header_line(text) if len(text) <= 120 else None
        if found is not None and not found.updated:
            return found.date
        if found is not None:
            updated = updated or found.date
    return updated


def _comment_date(item: lxml.html.HtmlElement) -> FuzzyDate | None:
    for element in item.iter("time"):
        date = parse_metadata_date(element.get("datetime") or _text(element))
        if date is not None:
            return date
    for element in item.iter():
        if _has_token(element, _TIME_TOKENS):
            date = parse_date_text(_text(element))
            if date is not None:
                return date
    return None


def _comment_from_item(item: lxml.html.HtmlElement) -> DraftComment | None:
    item = copy.deepcopy(item)
    for nested in [e for e in item.iterdescendants() if _has_token(e, _ITEM_TOKENS)]:
        if nested.getparent() is not None:
            nested.drop_tree()  # replies are items of their own
    author = None
    for element in item.iterdescendants():
        if _has_token(element, _AUTHOR_TOKENS) or element.get("itemprop") == "author":
            author = re.sub(r"\s*(?:says|said|wrote)\s*:?$", "", _text(element)) or None
            break
    posted = _comment_date(item)
    votes = None
    for element in list(item.iterdescendants()):
        match = VOTE_LINE.fullmatch(_text(element)) if _has_token(element, _VOTE_TOKENS) else None
        if match:
            votes = (int(match["up"]), int(match["down"]), int(match["net"]))
    bodies = [e for e in item.iterdescendants() if _has_token(e, _TEXT_TOKENS)]
    if not bodies:
        for element in list(item.iterdescendants()):
            if element.getparent() is not None and (
                _has_token(element, _AUTHOR_TOKENS)
                or _has_token(element, _TIME_TOKENS)
                or _has_token(element, _VOTE_TOKENS)
                or element.tag == "time"
            ):
                element.drop_tree()
        bodies = list(item.iter("p")) or [item]
    text = "\n\n".join(t for t in (_text(b) for b in bodies) if t)
    if not text:
        return None
    return DraftComment(text=text, author=author, posted=posted, votes=votes)


def _comment_sections(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    containers = [
        e for e in tree.iter() if isinstance(e.tag, str) and _has_token(e, _CONTAINER_TOKENS)
    ]
    outermost = set(containers)
    return [c for c in containers if outermost.isdisjoint(c.iterancestors())]


def _structured_comments(sections: list[lxml.html.HtmlElement]) -> list[DraftComment]:
    comments = []
    for section in sections:
        for item in section.iterdescendants():
            if isinstance(item.tag, str) and _has_token(item, _ITEM_TOKENS):
                draft = _comment_from_item(item)
                if draft is not None:
                    comments.append(draft)
    return comments


def _title(tree: lxml.html.HtmlElement) -> str | None:
    """og:title, else the <h1> when the <title> contains it (the <title> adds the site name),
    else the <title>."""
    value = _meta(tree, "og:title", "twitter:title")
    if value:
        return " ".join(value.split())
    titles = [_text(e) for e in tree.xpath("//title")]
    headings = [_text(e) for e in tree.xpath("//h1")]
    if titles and headings and headings[0] and headings[0] in titles[0]:
        return headings[0]
    return (titles[0] or None) if titles else (headings[0] or None) if headings else None


def _url(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        return link.get("href")
    return _meta(tree, "og:url")


def read_html(html: str, source: str) -> Document | SkippedInput:
    """One HTML page as a Document (story plus comment posts), or why it was skipped."""
    try:
        # lxml refuses control characters in text; they carry nothing a reader sees.
        markup = _NOT_XML.sub("", _XML_DECLARATION.sub("", html, count=1))
        tree = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        return SkippedInput(source, "malformed", f"HTML could not be parsed: {exc}")
    sections = _comment_sections(tree)
    section_nodes = set(sections)
    comments = _structured_comments(sections)
    published = _published(tree, section_nodes)
    published_source = "html-meta"
    if published is None:
        published, published_source = _visible_date(tree, section_nodes), "header"
    # Visible page text (footers included) for a copyright year; scripts and styles are code.
    page_text = " ".join(
        " ".join(
            tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]")
        ).split()
    )
    stripped = copy.deepcopy(tree)
    if comments:
        for section in _comment_sections(stripped):
            section.drop_tree()
    extracted = trafilatura.bare_extraction(
        copy.deepcopy(stripped), include_comments=True, include_tables=True, with_metadata=False
    )
    body = (getattr(extracted, "text", None) or "") if extracted is not None else ""
    if not body.strip():
        body = trafilatura.baseline(stripped)[1] or ""
    if not comments and extracted is not None and getattr(extracted, "comments", None):
        comments = [
            DraftComment(text=line)
            for line in normalise(extracted.comments).split("\n")
            if line.strip() and classify_line(line) == "keep"
        ]
    title = _title(tree)
    paragraphs = [line for line in normalise(body).split("\n") if line.strip()]
    if (
        title
        and paragraphs
        and title not in paragraphs[:3]
        and not any(p.startswith(title) for p in paragraphs[:3])
    ):
        paragraphs.insert(0, title)
    info = SourceInfo(
        source=source,
        input_format="html",
        title=title,
        url=_url(tree),
        publisher=_meta(tree, "og:site_name", "application-name"),
        published=published,
        published_source=published_source if published else "html-meta",
        copyright_text=page_text,
        comments=tuple(comments),
    )
    return build_document("\n\n".join(paragraphs), info)
