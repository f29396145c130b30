"""Time of ``dyadwatch.analyze.refresh`` on a synthetic store: near-duplicates, merging, alerts.

Usage: python benchmarks/bench_analyze.py [--mentions 10000] [--copies 0.2] [--db PATH]

Writes a throw-away store (in memory unless ``--db``) with documents of about 150 words that each
carry 5 coded mentions between Japan and South Korea over ten years, a share ``--copies`` of them
re-printed as near-duplicate copies, then runs ``refresh`` and prints its time, the mentions per
event and what the near-duplicate step found. The texts are random words from a small vocabulary,
so only the copies look alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from dyadwatch.analyze import refresh
from dyadwatch.config import load_dyad
from dyadwatch.models import (
    PLOVER_TYPES,
    ActorRef,
    Document,
    DocumentResult,
    EventMention,
    Evidence,
    FuzzyDate,
    Sentence,
)
from dyadwatch.store import Store

WORDS = [f"w{i}" for i in range(3000)]
SIDES = (
    (ActorRef("Japan", country="JPN", sector="GOV"), ActorRef("South Korea", country="KOR")),
    (ActorRef("Seoul", country="KOR", sector="GOV"), ActorRef("Tokyo", country="JPN")),
)


def document(rng: random.Random, n: int, start: dt.date, copy_of: DocumentResult | None):
    if copy_of is not None:
        base = copy_of.document
        text = "Reprinted. " + base.text
        shift = len("Reprinted. ")
        doc = Document(
            id=f"copy-{n}",
            text=text,
            source=f"bench/copy-{n}",
            publisher="Reprints",
            published=base.published,
            genre="news",
        )
        sentences = tuple(
            Sentence(doc.id, s.index, s.start + shift, s.end + shift, s.text)
            for s in copy_of.sentences
        )
        mentions = tuple(
            EventMention(
                doc_id=doc.id,
                sentence=m.sentence,
                sentence_start=m.sentence_start + shift,
                event_type=m.event_type,
                actors=m.actors,
                recipients=m.recipients,
                evidence=Evidence(m.evidence.start + shift, m.evidence.end + shift, "bench/1"),
                date=m.date,
                goldstein=m.goldstein,
                quad_class=m.quad_class,
                confidence=0.8,
            )
            for m in copy_of.mentions
        )
        return DocumentResult(doc, sentences, mentions)
    day = start + dt.timedelta(days=rng.randrange(3650))
    parts, spans, text = [], [], ""
    for _ in range(5):
        sentence = " ".join(rng.choice(WORDS) for _ in range(30)) + "."
        if text:
            text += " "
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
        parts.append(sentence)
    doc = Document(
        id=f"doc-{n}",
        text=text,
        source=f"bench/doc-{n}",
        publisher=f"outlet-{rng.randrange(40)}",
        published=FuzzyDate.from_date(day),
        genre="news",
    )
    sentences = tuple(Sentence(doc.id, i, a, b, parts[i]) for i, (a, b) in enumerate(spans))
    mentions = []
    for i, (a, b) in enumerate(spans):
        actor, recipient = rng.choice(SIDES)
        when = day - dt.timedelta(days=rng.randrange(3))
        mentions.append(
            EventMention(
                doc_id=doc.id,
                sentence=parts[i],
                sentence_start=a,
                event_type=rng.choice(PLOVER_TYPES[:12]),
                actors=(actor,),
                recipients=(recipient,),
                evidence=Evidence(a, b, "bench/1"),
                date=FuzzyDate.from_date(when),
                goldstein=rng.uniform(-8, 8),
                quad_class=rng.randrange(1, 5),
                confidence=0.8,
            )
        )
    return DocumentResult(doc, sentences, tuple(mentions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=10_000)
    parser.add_argument("--copies", type=float, default=0.2)
    parser.add_argument("--db", default=":memory:")
    args = parser.parse_args()
    rng = random.Random(7)
    results: list[DocumentResult] = []
    n = 0
    while sum(len(r.mentions) for r in results) < args.mentions:
        if results and rng.random() < args.copies:
            results.append(document(rng, n, dt.date(2014, 1, 1), rng.choice(results)))
        else:
            results.append(document(rng, n, dt.date(2014, 1, 1), None))
        n += 1
    with Store(args.db) as store:
        for begin in range(0, len(results), 500):
            store.write_results(results[begin : begin + 500])
        began = time.perf_counter()
        summary = refresh(store, load_dyad("japan-korea"))
        seconds = time.perf_counter() - began
    copies = sum(1 for r in results if r.document.id.startswith("copy-"))
    print(
        f"{summary.documents} documents ({copies} copies written, {summary.duplicates} found), "
        f"{summary.mentions} mentions -> {summary.events} events "
        f"({summary.mentions_per_event:.2f} mentions/event), {summary.alerts} alerts: "
        f"refresh {seconds:.2f} s ({summary.mentions / seconds:,.0f} mentions/s)"
    )


if __name__ == "__main__":
    main()
