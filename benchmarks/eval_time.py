"""Accuracy (and speed) of the temporal tagger on ``eval/gold/time_expressions.jsonl``.

The gold file holds news, readout and forum sentences about Japan-Korea relations written for
this project (facts such as dates of treaties and summits are from the public record). Each line
is ``{"id", "text", "base", "tense", "expressions": [{"text", "kind", "value", "value_end"}]}``.
Gold lists the expressions that carry a date (explicit, relative, range); a relative expression
that cannot be resolved has ``"value": null``. Durations ("for 35 years", "the 1990s") are not
listed: the tagger may report them, but only with no value.

A gold expression is found when a tagger expression overlaps its span and has exactly the same
``value`` and ``value_end``. The script prints accuracy (found / gold) by kind, the precision of
the tagger's dated expressions, false positives on sentences with no date, and speed; it exits
with status 1 when explicit or relative accuracy is below ``--min-explicit``/``--min-relative``.

Usage: python benchmarks/eval_time.py [--min-explicit 0.95] [--min-relative 0.90] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from dyadwatch.models import FuzzyDate
from dyadwatch.nlp.temporal import TimeExpression, find_time_expressions

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "eval" / "gold" / "time_expressions.jsonl"


def load_gold(path: Path) -> list[dict]:
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            cursor = 0
            for expr in item["expressions"]:
                start = item["text"].find(expr["text"], cursor)
                if start < 0:
                    raise SystemExit(f"{path}:{number}: {expr['text']!r} is not in the sentence")
                expr["start"], expr["end"] = start, start + len(expr["text"])
                cursor = expr["end"]
            items.append(item)
    return items


def _iso(value: FuzzyDate | None) -> str | None:
    return None if value is None else value.iso()


def run(item: dict) -> list[TimeExpression]:
    base = FuzzyDate.parse(item["base"]) if item["base"] else None
    return find_time_expressions(item["text"], base, item["tense"])


def score(items: list[dict], verbose: bool) -> dict:
    found, total = Counter(), Counter()
    dated_predictions = dated_correct = no_date_fp = 0
    for item in items:
        predicted = run(item)
        used: set[int] = set()
        for expr in item["expressions"]:
            total[expr["kind"]] += 1
            hit = None
            for i, p in enumerate(predicted):
                overlaps = p.start < expr["end"] and expr["start"] < p.end
                if (
                    i not in used
                    and overlaps
                    and _iso(p.value) == expr["value"]
                    and (_iso(p.value_end) == expr["value_end"])
                ):
                    hit = i
                    break
            if hit is None:
                if verbose:
                    got = [(p.text, _iso(p.value), _iso(p.value_end)) for p in predicted]
                    print(
                        f"MISS {item['id']} {expr['text']!r} want {expr['value']}"
                        f"/{expr['value_end']} got {got}"
                    )
                continue
            used.add(hit)
            found[expr["kind"]] += 1
        for i, p in enumerate(predicted):
            if p.value is None:
                continue
            dated_predictions += 1
            dated_correct += i in used
            if not item["expressions"]:
                no_date_fp += 1
            if verbose and i not in used:
                print(f"EXTRA {item['id']} {p.text!r} {_iso(p.value)} ({p.kind})")
    return {
        "found": found,
        "total": total,
        "precision": dated_correct / dated_predictions if dated_predictions else 1.0,
        "no_date_sentences": sum(1 for item in items if not item["expressions"]),
        "no_date_fp": no_date_fp,
    }


def speed(items: list[dict], rounds: int = 40, repeats: int = 5) -> tuple[float, float]:
    """Microseconds per sentence, without and with a gold expression (best of ``repeats``)."""
    out = []
    for group in (
        [i for i in items if not i["expressions"]],
        [i for i in items if i["expressions"]],
    ):
        prepared = [
            (i["text"], FuzzyDate.parse(i["base"]) if i["base"] else None, i["tense"])
            for i in group
        ]
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            for _ in range(rounds):
                for text, base, tense in prepared:
                    find_time_expressions(text, base, tense)
            best = min(best, time.perf_counter() - started)
        out.append(best / (rounds * max(1, len(prepared))) * 1e6)
    return out[0], out[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--min-explicit", type=float, default=0.95)
    parser.add_argument("--min-relative", type=float, default=0.90)
    parser.add_argument("--min-range", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true", help="list misses and extra dates")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing run")
    args = parser.parse_args(argv)

    items = load_gold(args.gold)
    result = score(items, args.verbose)
    found, total = result["found"], result["total"]
    print(
        f"gold: {args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold}"
        f" ({len(items)} sentences)"
    )
    print(f"{'kind':10} {'gold':>5} {'found':>6} {'accuracy':>9}")
    for kind in ("explicit", "relative", "range"):
        accuracy = found[kind] / total[kind] if total[kind] else 1.0
        print(f"{kind:10} {total[kind]:5d} {found[kind]:6d} {accuracy:9.3f}")
    overall = sum(found.values()) / max(1, sum(total.values()))
    print(f"{'all':10} {sum(total.values()):5d} {sum(found.values()):6d} {overall:9.3f}")
    print(f"precision of dated expressions: {result['precision']:.3f}")
    print(
        f"false positives on {result['no_date_sentences']} no-date sentences: "
        f"{result['no_date_fp']}"
    )
    if not args.no_speed:
        without, with_dates = speed(items)
        print(f"speed: {without:.1f} us/sentence without dates, {with_dates:.1f} us with dates")

    failures = []
    for kind, minimum in (
        ("explicit", args.min_explicit),
        ("relative", args.min_relative),
        ("range", args.min_range),
    ):
        accuracy = found[kind] / total[kind] if total[kind] else 1.0
        if accuracy < minimum:
            failures.append(f"{kind} accuracy {accuracy:.3f} < {minimum:.2f}")
    if failures:
        print("FAIL: " + "; ".join(failures))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
