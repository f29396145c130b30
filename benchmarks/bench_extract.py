"""Throughput of the full extraction against spaCy's own parse of the same text, in one run.

Usage: python benchmarks/bench_extract.py [--items 2000] [--corpus PATH]

Reads news items from the shared Wikipedia current-events corpus (or any JSONL with a "text"
field), times (1) spaCy's pipeline alone over the paragraphs dyadwatch would parse and (2) the full
extractor (parse + actors + events + dates), and prints sentences per second for both and the
coder's overhead as a ratio. The baseline is measured in the same process on the same text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from itertools import islice
from pathlib import Path

from dyadwatch.config import Settings, load_dyad
from dyadwatch.models import Document, FuzzyDate
from dyadwatch.pipeline import Extractor, split_paragraphs

DEFAULT = (Path(__file__).resolve().parents[2] / "shared/corpus/wikipedia-current-events/"
           "wcep_items_2002_2026.jsonl.gz")


def load(path: Path, items: int) -> list[Document]:
    opener = gzip.open if path.suffix == ".gz" else open
    documents = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(islice(handle, items)):
            raw = json.loads(line)
            date = raw.get("date")
            documents.append(Document(
                id=f"b{number}", text=raw["text"], source=str(path), genre="news",
                published=FuzzyDate.parse(date) if date else None,
            ))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    documents = load(args.corpus, args.items)
    extractor = Extractor(Settings(batch_size=256), load_dyad("japan-korea"))
    paragraphs = [p.text for d in documents for p in split_paragraphs(d)]
    extractor.extract_one(documents[0])  # warm up caches and lazy loads

    # Alternate the two measurements and keep the best of each, so that load from other
    # processes on the machine does not favour one side.
    parse_times, full_times = [], []
    sentences = events = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        sentences = sum(len(list(doc.sents))
                        for doc in extractor.nlp.pipe(paragraphs, batch_size=256))
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = sum(len(result.mentions) for result in extractor.extract(documents))
        full_times.append(time.perf_counter() - start)
    parse_seconds, full_seconds = min(parse_times), min(full_times)

    # The coder's own cost, measured apart: parse every document once, then time only the
    # coding of the parsed paragraphs against the time the parse took.
    start = time.perf_counter()
    parsed = [extractor.parse(d) for d in documents]
    parse_only = time.perf_counter() - start
    # (best of the rounds, as for the two timings above: one pass alone swings by a tenth here)
    code_times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for document, paragraphs_of in zip(documents, parsed, strict=True):
            extractor.code_parsed(document, paragraphs_of)
        code_times.append(time.perf_counter() - start)
    code_only = min(code_times)

    words = sum(len(p.split()) for p in paragraphs)
    print(f"documents {len(documents)}, paragraphs {len(paragraphs)}, sentences {sentences}, "
          f"words {words}, events {events}")
    for label, seconds in (("spaCy parse alone", parse_seconds),
                           ("full extraction", full_seconds)):
        print(f"{label:18}: {seconds:7.2f} s  {sentences / seconds:8.1f} sentences/s  "
              f"{words / seconds:8.0f} words/s")
    print(f"end to end        : full / parse = {full_seconds / parse_seconds:.3f} "
          "(two loads in turn, best of the rounds; noisy on a shared machine)")
    print(f"coder alone       : {code_only:7.2f} s on pre-parsed text -> "
          f"{code_only / parse_seconds:.1%} of spaCy's batched parse time "
          f"({code_only / parse_only:.1%} of a per-document parse, {parse_only:.2f} s)")


if __name__ == "__main__":
    main()
