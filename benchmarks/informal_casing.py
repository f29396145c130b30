"""How much of the coder's output survives when news is written in lower case, as forum posts are.

Usage: python benchmarks/informal_casing.py [--items 800] [--corpus PATH]

Takes news items from the shared Wikipedia current-events corpus, codes them as written (the
reference), then lower-cases every item and codes it as a forum post twice: with the casing pass
that restores capitals before the parse (dyadwatch.nlp.truecase) and without it. An event agrees
with the reference when its type and its actor and recipient countries are the same. Prints the
agreement of each run as precision and recall against the reference, measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter
from pathlib import Path

from dyadwatch.config import Settings, load_dyad
from dyadwatch.models import Document, EventMention, FuzzyDate
from dyadwatch.pipeline import Extractor

DEFAULT = (Path(__file__).resolve().parents[2] / "shared/corpus/wikipedia-current-events/"
           "wcep_items_2002_2026.jsonl.gz")

Key = tuple[str, tuple[str, ...], tuple[str, ...]]


def key(mention: EventMention) -> Key:
    return (mention.event_type, tuple(sorted({a.country or "" for a in mention.actors})),
            tuple(sorted({r.country or "" for r in mention.recipients})))


def code(extractor: Extractor, items: list[dict], genre: str, lower: bool) -> list[Counter[Key]]:
    documents = [Document(id=str(number), text=item["text"].lower() if lower else item["text"],
                          source="bench", genre=genre,  # type: ignore[arg-type]
                          published=FuzzyDate.parse(item["date"][:10]) if item.get("date")
                          else None)
                 for number, item in enumerate(items)]
    return [Counter(key(m) for m in result.mentions) for result in extractor.extract(documents)]


def agreement(reference: list[Counter[Key]], output: list[Counter[Key]]) -> str:
    shared = sum(sum((a & b).values()) for a, b in zip(reference, output, strict=True))
    produced = sum(sum(b.values()) for b in output)
    expected = sum(sum(a.values()) for a in reference)
    return (f"precision {shared / max(produced, 1):.3f}  recall {shared / max(expected, 1):.3f}"
            f"  ({produced} events against {expected})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=800)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args()
    opener = gzip.open if args.corpus.suffix == ".gz" else open
    with opener(args.corpus, "rt", encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle]
    items = random.Random(args.seed).sample(items, min(args.items, len(items)))
    extractor = Extractor(Settings(batch_size=256), load_dyad("japan-korea"))
    reference = code(extractor, items, "news", lower=False)
    print(f"{len(items)} items, agreement with the coder's output on the text as written:")
    print("  lower case, capitals restored:     ", agreement(reference, code(
        extractor, items, "forum", lower=True)))
    restore = extractor.truecase
    extractor.truecase = lambda text: text  # type: ignore[assignment,method-assign]
    print("  lower case, read as written:       ", agreement(reference, code(
        extractor, items, "forum", lower=True)))
    extractor.truecase = restore
    print("  as written, read as a forum post:  ", agreement(reference, code(
        extractor, items, "forum", lower=False)))


if __name__ == "__main__":
    main()
