"""Turn input arguments (files, folders, glob patterns, ``-`` for stdin) into documents.

Each input ends as :class:`~dyadwatch.models.Document` records or as a
:class:`~dyadwatch.models.SkippedInput` saying why it was not read; a bad input never stops the
batch. Skip reasons (``SkippedInput.reason``):

``unreadable``   the path does not exist (or a glob pattern matches nothing), is not a regular
                 file, or cannot be opened
``empty``        no bytes, only whitespace, only page chrome, or a folder with no files
``binary``       NUL bytes or many control bytes in the first 8 KB
``undecodable``  not UTF-8 (BOM allowed) nor UTF-16 with a BOM; the detail gives the byte offset
``too-large``    over ``max_bytes`` (checked with stat, before reading); for JSONL, per line
``unsupported``  an extension that is none of text, HTML, JSON or JSONL, and not HTML inside
``malformed``    a JSON/JSONL record that is not valid JSON, not an object, lacks ``text``, has a
                 field of the wrong type or a bad ``date``; or HTML that cannot be parsed
``duplicate``    the same text as a document already read (same id)

JSONL is streamed line by line, so a large JSONL file is read whatever its size; ``max_bytes``
then limits each line. Encodings are never guessed.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import itertools
import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..models import Document, SkippedInput
from .documents import GENRES, SourceInfo, build_document
from .html import read_html
from .pubdate import parse_metadata_date
from .text import normalise

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
SNIFF_BYTES = 8192
_CONTROL_SHARE = 0.10
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_OPTIONAL_FIELDS = ("title", "url", "source", "publisher", "genre")


class _Skip(Exception):
    """Internal: carries a SkippedInput out of a helper; never leaves this module."""

    def __init__(self, skipped: SkippedInput) -> None:
        super().__init__(skipped.reason)
        self.skipped = skipped


def read_inputs(
    inputs: Sequence[str], *, stdin: TextIO | None = None, max_bytes: int = 20_000_000
) -> Iterator[Document | SkippedInput]:
    """Documents and skipped inputs, in input order (folders and globs sorted).

    ``inputs`` are file paths, folder paths (walked recursively; hidden files and folders are
    left out), glob patterns (``data/**/*.html``) or ``-`` for JSONL on ``stdin`` (default
    ``sys.stdin``). A text seen before (same id) is reported as a ``duplicate`` skip.
    """
    if isinstance(inputs, str | bytes):
        raise TypeError("read_inputs() takes a sequence of paths, not a single string")
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    return _deduplicated(_records(list(inputs), stdin, max_bytes))


def _deduplicated(
    items: Iterator[Document | SkippedInput],
) -> Iterator[Document | SkippedInput]:
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Document):
            if item.id in seen:
                detail = f"same text as {seen[item.id]} (id {item.id})"
                item = SkippedInput(item.source, "duplicate", detail)
            else:
                seen[item.id] = item.source
        yield item


def _records(
    inputs: Sequence[str], stdin: TextIO | None, max_bytes: int
) -> Iterator[Document | SkippedInput]:
    for item in inputs:
        raw = os.fspath(item)
        if raw == "-":
            yield from _read_jsonl_stream(
                stdin if stdin is not None else sys.stdin, "stdin", max_bytes
            )
            continue
        for path in _expand(raw):
            if isinstance(path, SkippedInput):
                yield path
            else:
                yield from read_file(path, max_bytes=max_bytes)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterator[Path | SkippedInput]:
    """Non-hidden files under ``folder``, sorted; sub-folders that cannot be listed are
    reported, not silently left out."""
    found: list[Path] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        found.extend(Path(root) / f for f in files if not _is_hidden(f))
    for error in errors:
        yield SkippedInput(str(error.filename or folder), "unreadable", error.strerror or "")
    if not found and not errors:
        yield SkippedInput(str(folder), "empty", "folder has no (non-hidden) files")
    yield from sorted(found)


def _expand(raw: str) -> Iterator[Path | SkippedInput]:
    path = Path(raw)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or path.is_symlink() or not any(c in raw for c in "*?["):
        yield path
    else:
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield SkippedInput(raw, "unreadable", "no file matches this pattern")
        for match in matches:
            if Path(match).is_dir():
                yield from _walk(Path(match))
            else:
                yield Path(match)


def detect_format(path: Path, head: bytes = b"") -> str | None:
    """``text``, ``html``, ``json``, ``jsonl`` or ``None`` (unsupported), by suffix and, for
    text and unknown suffixes, by content: a page starting ``<!doctype html`` or ``<html`` is
    HTML whatever its name."""
    suffixes = [s.lower() for s in path.suffixes]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in JSONL_SUFFIXES or (suffix == ".gz" and suffixes[-2:-1] == [".jsonl"]):
        return "jsonl"
    if suffix == ".gz" and suffixes[-2:-1] == [".ndjson"]:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if suffix in HTML_SUFFIXES or start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in TEXT_SUFFIXES or path.suffix == "":
        return "text"
    return None


def sniff_binary(head: bytes) -> str | None:
    """Why ``head`` looks binary, or ``None``."""
    if b"\x00" in head:
        return f"NUL byte at offset {head.index(0)}"
    controls = sum(1 for b in head if (b < 32 or b == 127) and b not in _ALLOWED_CONTROLS)
    if head and controls / len(head) > _CONTROL_SHARE:
        return f"{controls} control bytes in the first {len(head)} bytes"
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; raises ``_Skip`` otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            detail = f"bad UTF-16 at byte {exc.start}"
            raise _Skip(SkippedInput(source, "undecodable", detail)) from None
    reason = sniff_binary(data[:SNIFF_BYTES])
    if reason:
        raise _Skip(SkippedInput(source, "binary", reason))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
        detail = f"byte 0x{data[offset]:02x} at offset {offset} is not valid UTF-8"
        raise _Skip(SkippedInput(source, "undecodable", detail)) from None


def read_file(path: Path, *, max_bytes: int = 20_000_000) -> Iterator[Document | SkippedInput]:
    """All records of one file (several for JSON lists and JSONL).

    The size is checked with ``stat`` before anything is read; JSONL is streamed instead.
    """
    source = str(path)
    try:
        size = path.stat().st_size
        regular = path.is_file()
    except OSError as exc:
        yield SkippedInput(source, "unreadable", exc.strerror or type(exc).__name__)
        return
    if not regular:
        yield SkippedInput(source, "unreadable", "not a regular file")
        return
    if size == 0:
        yield SkippedInput(source, "empty", "0 bytes")
        return
    if detect_format(path) == "jsonl":
        yield from _read_jsonl_file(path, max_bytes)
        return
    if size > max_bytes:
        yield SkippedInput(source, "too-large", f"{size} bytes > max_bytes {max_bytes}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield SkippedInput(source, "unreadable", exc.strerror or type(exc).__name__)
        return
    kind = detect_format(path, data[:SNIFF_BYTES])
    if kind is None:
        detail = f"extension {path.suffix!r} is not .txt, .md, .html, .htm, .json or .jsonl"
        yield SkippedInput(source, "unsupported", detail)
        return
    try:
        text = decode_bytes(data, source)
    except _Skip as skip:
        yield skip.skipped
        return
    if not text.strip():
        yield SkippedInput(source, "empty", "only whitespace")
    elif kind == "html":
        yield read_html(text, source)
    elif kind == "json":
        yield from _read_json(text, source)
    else:
        yield build_document(text, SourceInfo(source=source, input_format="text"))


def _read_json(text: str, source: str) -> Iterator[Document | SkippedInput]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield SkippedInput(source, "malformed", f"invalid JSON: {exc}")
        return
    if isinstance(data, dict):
        yield record_to_document(data, source, source)
    elif isinstance(data, list):
        for number, record in enumerate(data, start=1):
            yield record_to_document(record, source, f"{source}[{number}]")
    else:
        yield SkippedInput(source, "malformed", "JSON must be an object or a list of objects")


def _open_jsonl(path: Path) -> Any:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")
    return path.open("rb")


def _read_jsonl_file(path: Path, max_bytes: int) -> Iterator[Document | SkippedInput]:
    source = str(path)
    try:
        with _open_jsonl(path) as handle:
            head = handle.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(handle, "peek") else b""
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                stream = codecs.getreader("utf-16")(handle)
                yield from _read_jsonl_stream(stream, source, max_bytes)
                return
            reason = sniff_binary(head)
            if reason:
                yield SkippedInput(source, "binary", reason)
                return
            yield from _jsonl_byte_lines(handle, source, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield SkippedInput(source, "unreadable", f"{type(exc).__name__}: {exc}")
    except UnicodeDecodeError as exc:
        yield SkippedInput(source, "undecodable", f"bad UTF-16 ({exc.reason})")


def _jsonl_byte_lines(
    handle: Any, source: str, max_bytes: int
) -> Iterator[Document | SkippedInput]:
    offset = 0
    records = 0
    for number in itertools.count(1):
        raw = handle.readline(max_bytes + 1)
        if not raw:
            break
        line_start = offset
        offset += len(raw)
        where = f"{source}:{number}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                offset += len(rest)
            offset += len(rest)
            yield SkippedInput(where, "too-large", f"line longer than max_bytes {max_bytes}")
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            detail = f"byte 0x{raw[exc.start]:02x} at offset {line_start + exc.start} is not UTF-8"
            yield SkippedInput(where, "undecodable", detail)
            continue
        if line.strip():
            records += 1
            yield _parse_jsonl_line(line, source, number)
    if records == 0:
        yield SkippedInput(source, "empty", "no JSON lines")


def _read_jsonl_stream(
    stream: TextIO, source: str, max_bytes: int
) -> Iterator[Document | SkippedInput]:
    """JSONL from a text stream (stdin, UTF-16 files); lines are numbered from 1."""
    records = 0
    try:
        for number in itertools.count(1):
            line = stream.readline(max_bytes + 1)
            if not line:
                break
            if len(line) > max_bytes and not line.endswith("\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith("\n"):
                    pass
                yield SkippedInput(f"{source}:{number}", "too-large", "line longer than max_bytes")
                continue
            if line.strip():
                records += 1
                yield _parse_jsonl_line(line.lstrip("\ufeff"), source, number)
    except UnicodeDecodeError as exc:
        yield SkippedInput(source, "undecodable", f"input is not valid text ({exc.reason})")
        return
    if records == 0:
        yield SkippedInput(source, "empty", "no JSON lines")


def _parse_jsonl_line(line: str, source: str, number: int) -> Document | SkippedInput:
    where = f"{source}:{number}"
    try:
        record = json.loads(line)
    except ValueError as exc:
        return SkippedInput(where, "malformed", f"invalid JSON: {exc}")
    return record_to_document(record, source, where)


def _field(value: str | None) -> str | None:
    """An optional string field on one line, without control characters; "" is None."""
    return " ".join(normalise(value).split()) or None if value else None


def _fail(where: str, detail: str) -> SkippedInput:
    return SkippedInput(where, "malformed", detail)


def record_to_document(record: object, source: str, where: str) -> Document | SkippedInput:
    """A JSON object with ``text`` (and optional id, date, title, url, source, genre,
    publisher) as a Document. ``source`` of the Document is ``<source>#<id>`` when an id is
    given, else ``where`` (``path:LINE``)."""
    if not isinstance(record, dict):
        return _fail(where, f"a record must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return _fail(where, "missing or empty 'text' (a non-empty string is required)")
    for name in _OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return _fail(where, f"'{name}' must be a string, not {type(value).__name__}")
    given_id = record.get("id")
    if given_id is not None and (isinstance(given_id, bool) or not isinstance(given_id, str | int)):
        return _fail(where, f"'id' must be a string or an integer, not {type(given_id).__name__}")
    genre = record.get("genre")
    if genre is not None and genre not in GENRES:
        return _fail(where, f"'genre' must be one of {', '.join(GENRES)}; got {genre!r}")
    date = record.get("date")
    published = None
    if date is not None:
        published = parse_metadata_date(date) if isinstance(date, str) else None
        if published is None:
            return _fail(where, f"'date' must be YYYY, YYYY-MM or YYYY-MM-DD; got {date!r}")
    fields = {name: _field(record.get(name)) for name in _OPTIONAL_FIELDS}
    # The record's own "source" names where the text came from: a URL, else a publisher.
    origin = fields["source"]
    from_url = origin if origin and origin.startswith(("http://", "https://")) else None
    info = SourceInfo(
        source=f"{source}#{given_id}" if given_id not in (None, "") else where,
        input_format="jsonl",
        title=fields["title"],
        url=fields["url"] or from_url,
        publisher=fields["publisher"] or (None if from_url else origin),
        published=published,
        published_source="metadata",
        genre=genre,
    )
    return build_document(text, info)
