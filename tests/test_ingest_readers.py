"""Readers: paths, folders, globs, stdin JSONL, formats, bad inputs, HTML, ids and genres."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dyadwatch.ingest import read_inputs
from dyadwatch.ingest.documents import text_id
from dyadwatch.ingest.text import normalise
from dyadwatch.models import Document, FuzzyDate, SkippedInput

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

STORY = (
    "Talks resume after a long pause\n\n"
    "Negotiators from the two countries met again on Monday and agreed to continue next month.\n"
)


def read(*inputs: str | Path, **kwargs) -> list[Document | SkippedInput]:
    return list(read_inputs([str(i) for i in inputs], **kwargs))


def documents(items: list[Document | SkippedInput]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def skipped(items: list[Document | SkippedInput]) -> list[SkippedInput]:
    return [i for i in items if isinstance(i, SkippedInput)]


def only_skip(items: list[Document | SkippedInput]) -> SkippedInput:
    assert len(items) == 1 and isinstance(items[0], SkippedInput), items
    return items[0]


def seed(prefix: str) -> Path:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return matches[0]


# ---------------------------------------------------------------- readers, one per format


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (doc,) = read(path)
    assert isinstance(doc, Document)
    assert doc.source == str(path)
    assert doc.input_format == "text"
    assert doc.title == "Talks resume after a long pause"
    assert doc.text == normalise(STORY)
    assert doc.id == text_id(doc.text) and len(doc.id) == 16
    assert [(p.start, p.end, p.kind) for p in doc.posts] == [(0, len(doc.text), "article")]


def test_markdown_and_extensionless_files_are_text(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("A note about the talks, written in markdown.", "utf-8")
    (tmp_path / "NOTES").write_text("A second note with no file extension at all.", "utf-8")
    docs = documents(read(tmp_path))
    assert [Path(d.source).name for d in docs] == ["NOTES", "notes.md"]
    assert all(d.input_format == "text" for d in docs)


def test_jsonl_file_reads_each_line(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    rows = [
        {"id": "a1", "text": "First item about a summit.", "date": "2019-08-23", "title": "One",
         "url": "https://example.org/1", "publisher": "Example", "genre": "news"},
        {"id": 7, "text": "Second item about a treaty."},
        {"text": "Third item, no id."},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second, third = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.source == f"{path}#a1"
    assert first.published == FuzzyDate(2019, 8, 23)
    assert first.published_source == "metadata"
    assert (first.title, first.url, first.publisher, first.genre) == (
        "One", "https://example.org/1", "Example", "news"
    )  # fmt: skip
    assert first.input_format == "jsonl"
    assert second.source == f"{path}#7"
    assert isinstance(third, Document) and third.source == f"{path}:3"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g", "text": "Compressed item text."}) + "\n")
    (doc,) = read(path)
    assert isinstance(doc, Document) and doc.source == f"{path}#g"


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "A single JSON record."}), "utf-8")
    records = [{"id": "x", "text": "Listed record one."}, {"text": "Listed record two."}, 5]
    (tmp_path / "many.json").write_text(json.dumps(records), "utf-8")
    items = read(tmp_path / "one.json", tmp_path / "many.json")
    assert [type(i).__name__ for i in items] == ["Document"] * 3 + ["SkippedInput"]
    assert items[1].source.endswith("many.json#x")
    assert items[2].source.endswith("many.json[2]")
    assert items[3].reason == "malformed"


def test_html_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    html = (FIXTURES / "article_chrome.html").read_text("utf-8")
    (tmp_path / "saved-page.txt").write_text(html, "utf-8")
    (doc,) = read(tmp_path / "saved-page.txt")
    assert doc.input_format == "html"


def test_folder_mixing_formats_is_walked_sorted_without_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a.txt").write_text("Plain text document about the fishing agreement.", "utf-8")
    (tmp_path / "b" / "c.html").write_text(
        (FIXTURES / "article_chrome.html").read_text("utf-8"), "utf-8"
    )
    (tmp_path / "b" / "d.jsonl").write_text(json.dumps({"text": "A JSONL line."}) + "\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden files are not read.", "utf-8")
    (tmp_path / ".cache" / "e.txt").write_text("Nor files in hidden folders.", "utf-8")
    items = read(tmp_path)
    assert [Path(i.source.split(":")[0]).name for i in items] == ["a.txt", "c.html", "d.jsonl"]
    assert [i.input_format for i in documents(items)] == ["text", "html", "jsonl"]


def test_glob_pattern(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "one.html").write_text("<html><body><p>Short.</p></body></html>", "utf-8")
    (tmp_path / "x" / "y" / "two.html").write_text(
        "<html><body><p>Tiny.</p></body></html>", "utf-8"
    )
    (tmp_path / "x" / "y" / "three.txt").write_text("Not matched by the pattern.", "utf-8")
    items = read(f"{tmp_path}/x/**/*.html")
    assert [Path(i.source).name for i in items] == ["one.html", "two.html"]


def test_stdin_jsonl() -> None:
    lines = [json.dumps({"id": "s1", "text": "Read from standard input."}), "{broken", ""]
    items = read("-", stdin=io.StringIO("\n".join(lines) + "\n"))
    assert isinstance(items[0], Document) and items[0].source == "stdin#s1"
    assert isinstance(items[1], SkippedInput) and items[1].source == "stdin:2"
    assert len(items) == 2


# ---------------------------------------------------------------- bad inputs


def test_missing_path_is_unreadable(tmp_path: Path) -> None:
    skip = only_skip(read(tmp_path / "no-such-file.txt"))
    assert skip.reason == "unreadable" and "No such file" in skip.detail


def test_glob_without_match_is_reported(tmp_path: Path) -> None:
    assert only_skip(read(f"{tmp_path}/*.html")).reason == "unreadable"


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert only_skip(read(tmp_path / "empty.txt")).reason == "empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\t\n   \n", "utf-8")
    assert only_skip(read(tmp_path / "blank.txt")).reason == "empty"


def test_chrome_only_file_is_empty(tmp_path: Path) -> None:
    (tmp_path / "menu.txt").write_text("Share\nAdvertisement\nLogin to comment\n", "utf-8")
    skip = only_skip(read(tmp_path / "menu.txt"))
    assert skip.reason == "empty" and "chrome" in skip.detail


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    assert only_skip(read(tmp_path / "image.txt")).reason == "binary"


def test_binary_file_with_control_bytes(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(1, 32)) * 20)
    assert only_skip(read(tmp_path / "blob.txt")).reason == "binary"


def test_undecodable_bytes_give_the_offset(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 talks".encode("latin-1"))
    skip = only_skip(read(tmp_path / "latin1.txt"))
    assert skip.reason == "undecodable"
    assert "offset 3" in skip.detail and "0xe9" in skip.detail


def test_utf8_bom_and_utf16_bom_are_read(tmp_path: Path) -> None:
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + b"Text with a UTF-8 BOM.")
    (tmp_path / "bom16.txt").write_bytes("Text saved as UTF-16.".encode("utf-16"))
    docs = documents(read(tmp_path / "bom8.txt", tmp_path / "bom16.txt"))
    assert [d.text for d in docs] == ["Text with a UTF-8 BOM.", "Text saved as UTF-16."]


def test_file_over_max_bytes_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: costs no disk
    skip = only_skip(read(path))
    assert skip.reason == "too-large" and "200000000" in skip.detail
    (tmp_path / "small.txt").write_text("x" * 200 + " words", "utf-8")
    assert only_skip(read(tmp_path / "small.txt", max_bytes=100)).reason == "too-large"


def test_malformed_jsonl_lines_skip_only_themselves(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "A good line."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "t", "title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Wrong title type.", "title": 3}),
        json.dumps({"text": "Bad date.", "date": "2019-02-30"}),
        json.dumps({"text": "Unknown genre.", "genre": "blog"}),
        "",
        json.dumps({"id": "ok2", "text": "Another good line."}),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = read(path)
    assert [d.source for d in documents(items)] == [f"{path}#ok1", f"{path}#ok2"]
    bad = skipped(items)
    assert [s.source for s in bad] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7, 8)]
    assert {s.reason for s in bad} == {"malformed"}
    assert all(s.detail and "\n" not in s.detail for s in bad)


def test_jsonl_line_with_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'{"text": "good"}\n{"text": "caf\xe9"}\n')
    items = read(path)
    assert isinstance(items[0], Document)
    assert items[1].reason == "undecodable" and items[1].source == f"{path}:2"


def test_folder_with_no_readable_files(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    assert only_skip(read(empty)).reason == "empty"
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.txt").write_bytes(b"")
    (junk / "b.bin").write_bytes(b"\x00\x01\x02")
    (junk / "c.txt").write_bytes(b"ok \xc3\x28")
    reasons = [s.reason for s in read(junk)]
    assert reasons == ["empty", "unsupported", "undecodable"]


def test_unknown_extension_is_unsupported(tmp_path: Path) -> None:
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", "utf-8")
    assert only_skip(read(tmp_path / "table.csv")).reason == "unsupported"


def test_bad_arguments_raise() -> None:
    with pytest.raises(TypeError):
        read_inputs("just-a-string.txt")
    with pytest.raises(ValueError):
        read_inputs(["a.txt"], max_bytes=0)


# ---------------------------------------------------------------- ids


def test_same_text_twice_is_one_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, "utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("\n", "\r\n") + "\n\n", "utf-8")
    (first,) = read(tmp_path / "a.txt")
    (second,) = read(tmp_path / "b.txt")
    assert first.id == second.id
    together = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert isinstance(together[0], Document)
    assert together[1].reason == "duplicate" and first.id in together[1].detail


# ---------------------------------------------------------------- HTML


def test_html_chrome_dropped_and_meta_date_used() -> None:
    (doc,) = read(FIXTURES / "article_chrome.html")
    assert doc.input_format == "html"
    assert doc.title == "Envoys agree on a calendar of talks"
    assert doc.publisher == "Pacific Ledger"
    assert doc.url == "https://ledger.example/asia/2021/06/09/envoys-calendar"
    assert doc.published == FuzzyDate(2021, 6, 9)
    assert doc.published_source == "html-meta"
    assert doc.genre == "news"
    assert "working-level meetings every two months" in doc.text
    for chrome in ("cookie", "Login", "Markets", "Advertisement", "Share", "Most read", "Privacy"):
        assert chrome not in doc.text
    assert [p.kind for p in doc.posts] == ["article"]


def test_html_page_with_comments() -> None:
    (doc,) = read(FIXTURES / "article_comments.html")
    assert doc.title == "Ferry route between the two ports reopens"
    assert doc.published == FuzzyDate(2022, 3, 3)
    assert doc.published_source == "header"  # the page's visible "Published" line
    article, *comments = doc.posts
    assert article.kind == "article" and "ferry service" in doc.text[article.start : article.end]
    assert [c.kind for c in comments] == ["comment"] * 3
    assert [c.author for c in comments] == ["harbourwatcher", "mina_k", "anon"]
    assert [c.posted for c in comments] == [FuzzyDate(2022, 3, 4), FuzzyDate(2022, 3, 5), None]
    assert doc.text[comments[1].start : comments[1].end] == (
        "Same here. Three sailings a week is a start, though."
    )
    assert "Login to comment" not in doc.text and "2 Comments" not in doc.text
    assert [p.index for p in doc.posts] == [0, 1, 2, 3]


def test_html_without_meta_date_does_not_invent_one(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Undated page</title></head><body><article>"
        "<p>An undated explainer on the fisheries dispute, with enough words to count as text "
        "for the extractor, and a second clause to make the paragraph long enough.</p>"
        "</article></body></html>"
    )
    (tmp_path / "2019-05-01-undated.html").write_text(page, "utf-8")
    (doc,) = read(tmp_path / "2019-05-01-undated.html")
    assert doc.published is None and doc.published_source == "none"


def test_html_footer_copyright_gives_a_year_only(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Footer year</title></head><body><article><p>A story without a "
        "date of its own, long enough for the extractor to keep it as the main text of the "
        "page.</p></article><footer><p>© 2018 Some Paper</p></footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, "utf-8")
    (doc,) = read(tmp_path / "page.html")
    assert doc.published == FuzzyDate(2018) and doc.published_source == "copyright"


# ---------------------------------------------------------------- genres and fixtures


@pytest.mark.parametrize(
    ("name", "genre", "published", "how"),
    [
        ("official_readout.txt", "official", FuzzyDate(2020, 3, 2), "header"),
        ("wire_dateline.txt", "news", FuzzyDate(2016, 7, 4), "dateline"),
        ("forum_thread.txt", "forum", FuzzyDate(2016, 2, 2), "post-stamp"),
        ("news_with_votes.txt", "news", FuzzyDate(2017, 10, 11), "comments-upper-bound"),
        ("encyclopedia.txt", "encyclopedia", None, "none"),
    ],
)
def test_fixture_genre_and_date(name: str, genre: str, published, how: str) -> None:
    (doc,) = read(FIXTURES / name)
    assert (doc.genre, doc.published, doc.published_source) == (genre, published, how)


def test_jsonl_genre_wins_over_heuristics(tmp_path: Path) -> None:
    text = (FIXTURES / "official_readout.txt").read_text("utf-8")
    (tmp_path / "x.jsonl").write_text(json.dumps({"text": text, "genre": "comment"}) + "\n")
    (doc,) = read(tmp_path / "x.jsonl")
    assert doc.genre == "comment"
    assert doc.published == FuzzyDate(2020, 3, 2) and doc.published_source == "header"


def test_seed_002_official_readout_dated_by_header() -> None:
    (doc,) = read(seed("002"))
    assert doc.published == FuzzyDate(2018, 1, 16)
    assert doc.published_source == "header"
    assert doc.genre == "official"


def test_seed_001_encyclopedia_has_no_date() -> None:
    (doc,) = read(seed("001"))
    assert doc.published is None and doc.genre == "encyclopedia"


def test_every_seed_reads_with_consistent_offsets() -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not available")
    for doc in documents(read(SEEDS)):
        assert doc.text == doc.text.strip()
        previous_end = 0
        for index, post in enumerate(doc.posts):
            assert post.index == index
            assert previous_end <= post.start < post.end <= len(doc.text)
            assert doc.text[post.start : post.end].strip() == doc.text[post.start : post.end]
            previous_end = post.end


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("Port reopens\n\nBy Jane Roe\n\nThe port reopened on Monday after repairs.", "news"),
        ("By a vote of 78-22, the senate confirmed the envoy on Monday.", "unknown"),
        ("Press Release\n\nThe ministry announced new visa rules today.", "official"),
        ("Officials said in a joint statement that talks would resume.", "unknown"),
    ],
)
def test_genre_cues(tmp_path: Path, text: str, genre: str) -> None:
    (tmp_path / "doc.txt").write_text(text, "utf-8")
    (doc,) = read(tmp_path / "doc.txt")
    assert doc.genre == genre


def test_only_web_urls_are_kept(tmp_path):
    from dyadwatch.ingest import read_inputs

    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "Japan protested.", "url": "javascript:alert(1)"}\n'
        '{"id": "b", "text": "Korea protested.", "url": "https://example.org/b"}\n',
        encoding="utf-8")
    documents = [d for d in read_inputs([str(path)]) if not hasattr(d, "reason")]
    assert [d.url for d in documents] == [None, "https://example.org/b"]
