"""Chrome removal and post splitting (dyadwatch.ingest.text, dyadwatch.ingest.threads)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.ingest import read_inputs
from dyadwatch.ingest.documents import SourceInfo, build_document, text_id
from dyadwatch.ingest.text import classify_line, clean_text, normalise
from dyadwatch.ingest.threads import parse_post_header, split_posts
from dyadwatch.models import Document, FuzzyDate, SkippedInput

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def read_one(path: Path) -> Document:
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, Document), doc
    return doc


def seed(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return matches[0]


def post_text(doc: Document, index: int) -> str:
    post = doc.posts[index]
    return doc.text[post.start : post.end]


# ---------------------------------------------------------------- text and chrome


def test_normalise() -> None:
    assert normalise("  Cafe\u0301 \r\nline two  \r\n\n\n\nend \n") == "Café\nline two\n\nend"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Take our user survey and make your voice heard.", "chrome"),
        ("Login to comment", "comments"),
        ("15 Comments", "comments"),
        ("What's new", "chrome"),
        ("What’s new", "chrome"),
        ("Share", "chrome"),
        ("Advertisement", "chrome"),
        ("We use cookies to improve your experience. Accept cookies to continue.", "chrome"),
        ("HOME > About Korea > Relations", "chrome"),
        ("Facebook Twitter Email", "chrome"),
        ("-7 ( +2 / -9 )", "votes"),
        ("Last edited:", "post-end"),
        ("Top Bottom", "chrome"),
        ("The two ministers shared the view that cookies are tasty.", "keep"),
        ("Comments by the minister drew criticism.", "keep"),
        ("Share prices fell on the news.", "keep"),
    ],
)
def test_classify_line(line: str, kind: str) -> None:
    assert classify_line(line) == kind


def test_clean_text_keeps_title_and_drops_chrome_with_markers() -> None:
    raw = (
        "Take our user survey and make your voice heard.\n"
        "A headline about the talks\n\n"
        "3 Comments\n\n"
        "The body of the story goes here.\n\n"
        "Login to comment\n"
        "A headline about the talks\n\n"
        "First comment.\n\n"
        "2 ( +3 / -1 )\n"
    )
    clean = clean_text(raw)
    assert clean.title == "A headline about the talks"
    assert clean.text == (
        "A headline about the talks\n\nThe body of the story goes here.\n\nFirst comment."
    )
    kinds = [(m.kind, m.votes) for m in clean.markers]
    assert kinds == [("comments", None), ("comments", None), ("votes", (3, 1, 2))]
    for line in clean.lines:
        assert clean.text[line.start : line.end] == line.text


def test_post_header_shapes() -> None:
    lines = ["tidewatch", "2 Feb 2016", "Body text."]
    header = parse_post_header(lines, 0, trusted=False)
    assert header is not None
    assert (header.author, header.posted, header.length) == ("tidewatch", FuzzyDate(2016, 2, 2), 2)
    one_line = parse_post_header(["mina_k · 5 March 2022", "Body."], 0, trusted=False)
    assert one_line is not None and one_line.author == "mina_k"
    assert parse_post_header(["14 Mar 2002", "Body."], 0, trusted=False) is None
    date_only = parse_post_header(["14 Mar 2002", "Body."], 0, trusted=True)
    assert date_only is not None and (date_only.author, date_only.posted) == (
        None,
        FuzzyDate(2002, 3, 14),
    )
    assert parse_post_header(["The talks went well.", "1 May 2020", "x"], 0, trusted=True) is None


def test_plain_story_is_one_article_post() -> None:
    clean = clean_text("Headline here\n\nParagraph one.\n\nParagraph two.")
    layout = split_posts(clean)
    assert layout.kind == "article"
    assert [(p.start, p.end, p.kind) for p in layout.posts] == [(0, len(clean.text), "article")]


# ---------------------------------------------------------------- fixtures


def test_news_with_vote_lines() -> None:
    doc = read_one(FIXTURES / "news_with_votes.txt")
    kinds = [p.kind for p in doc.posts]
    assert kinds == ["article", "comment", "comment", "comment", "comment"]
    assert "joint search-and-rescue exercise" in post_text(doc, 0)
    votes = [(p.votes_up, p.votes_down, p.votes_net) for p in doc.posts[1:]]
    assert votes == [(4, 1, 3), (1, 3, -2), (5, 0, 5), (2, 2, 0)]
    assert post_text(doc, 3) == "Practical cooperation beats speeches."
    assert doc.posts[3].posted == FuzzyDate(2017, 10, 11)
    assert doc.posts[3].posted_source == "comment-stamp"
    assert [p.posted for p in doc.posts[1:3]] == [None, None]
    for chrome in ("Login", "Comments", "survey", "Facebook", "( +"):
        assert chrome not in doc.text
    assert doc.text.count("Coast guards of the two countries hold first joint drill") == 1


def test_forum_thread_posts_carry_only_their_own_dates() -> None:
    doc = read_one(FIXTURES / "forum_thread.txt")
    assert doc.genre == "forum"
    assert [p.kind for p in doc.posts] == ["post"] * 4
    assert [p.author for p in doc.posts] == ["tidewatch", "netmender", "quietharbour", "tidewatch"]
    assert [p.posted for p in doc.posts] == [
        FuzzyDate(2016, 2, 2),
        FuzzyDate(2016, 2, 5),
        None,
        FuzzyDate(2016, 4, 11),
    ]
    assert post_text(doc, 2).startswith("Honestly I doubt")
    assert post_text(doc, 3).endswith("pencilled in for June.")
    assert "Last edited" not in doc.text and "Top Bottom" not in doc.text


# ---------------------------------------------------------------- seeds


def test_seed_003_story_with_reader_comments() -> None:
    doc = read_one(seed("003"))
    assert doc.genre == "news"
    article, *comments = doc.posts
    assert article.kind == "article" and article.index == 0
    assert doc.text[article.start :].startswith(doc.text[article.start : article.end])
    assert "Senior officials from Japan and South Korea" in post_text(doc, 0)
    assert len(comments) >= 10
    assert all(c.kind == "comment" for c in comments)
    nets = [(c.votes_up, c.votes_down, c.votes_net) for c in comments]
    assert (2, 9, -7) in nets
    assert all(up - down == net for up, down, net in nets if net is not None)
    # Only a quoted stamp appears in one comment: no comment shows a date of its own …
    assert all(c.posted is None for c in comments)
    # … but it proves the story existed by then.
    assert doc.published is not None
    assert (doc.published.year, doc.published.month) == (2014, 5)
    assert doc.published_source == "comments-upper-bound"
    assert "Login to comment" not in doc.text and "user survey" not in doc.text


def test_seed_004_forum_posts() -> None:
    doc = read_one(seed("004"))
    assert doc.genre == "forum"
    assert len(doc.posts) >= 5
    assert all(p.kind == "post" for p in doc.posts)
    first = doc.posts[0]
    assert first.posted == FuzzyDate(2002, 3, 14) and first.posted_source == "post-header"
    assert first.author == "Unswerving cyclist"
    assert post_text(doc, 0).startswith("We will use this thread")
    undated = [p for p in doc.posts if p.posted is None]
    assert undated and all(p.posted_source is None for p in undated)
    assert doc.published == FuzzyDate(2002, 3, 14) and doc.published_source == "post-stamp"
    assert "Last edited" not in doc.text and "What's new" not in doc.text


# ---------------------------------------------------------------- properties

_LINES = st.sampled_from(
    [
        "",
        "",
        "A headline about the neighbours",
        "The two governments agreed to meet again next month.",
        "Officials said the talks were useful, and both sides will report back.",
        "15 Comments",
        "Login to comment",
        "Share",
        "3 ( +4 / -1 )",
        "-2 ( +0 / -2 )",
        "Last edited:",
        "tidewatch",
        "14 Mar 2002",
        "MAY. 14, 2014 - 11:52PM JST",
        "Published Jul 1, 2019",
        "SEOUL, Aug. 22 (Yonhap) -- The ministry said so.",
        "(c) 2014 Example Wire",
        "  • a bullet point",
        "@someone",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=40))
def test_any_mix_of_lines_gives_consistent_posts(lines: list[str]) -> None:
    result = build_document("\n".join(lines), SourceInfo(source="generated"))
    if isinstance(result, SkippedInput):
        assert result.reason == "empty"
        return
    assert result.text and result.text == result.text.strip()
    assert result.id == text_id(result.text)
    end = 0
    for index, post in enumerate(result.posts):
        assert post.index == index
        assert end <= post.start < post.end <= len(result.text)
        span = result.text[post.start : post.end]
        assert span == span.strip()
        end = post.end
        if post.posted is None:
            assert post.posted_source is None
