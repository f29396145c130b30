"""Gold-set evaluation of poll-figure extraction.

Gold lines: ``{"id", "text", "date", "polls": [{"population", "subject", "measure", "value",
"change", "pollster", "year", "date", "span"}]}`` (see ``eval/gold/README-polls.md``). Each item
becomes a Document; its sentences are made as the pipeline makes them (one paragraph per line,
spaCy sentences) and passed to :class:`PollExtractor`.

Scoring:

- **Records.** A predicted figure matches a gold poll of the same item when the values are equal
  (to 0.05) and the evidence span overlaps the gold span (the gold span's first occurrence in the
  text). Pairs are matched one to one, the pair agreeing on most fields first. Record precision,
  recall and F1 count matched pairs.
- **Fields.** For population, subject, measure, value, change, pollster and year, a field is a
  *claim* when it is not null (an empty pollster list is null; pollsters compare as sets). A
  claim of a matched pair is correct when it equals the gold value; claims of unmatched records
  are wrong (predicted) or missed (gold). Field precision = correct predicted claims / predicted
  claims, recall = correct gold claims / gold claims; micro figures pool the seven fields.
  ``*_accuracy`` is the share of matched pairs where the field agrees, nulls included.
  ``date`` is scored the same way but left out of the micro figures.
- **False positives.** ``false_positive_items`` counts items with no gold poll from which
  something was extracted; ``false_positive_figures`` the figures so extracted.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import load_dyad
from .errors import InputError
from .extractors.polls import PollExtractor
from .models import Document, FuzzyDate, PollFigure, Sentence

FIELDS = ("population", "subject", "measure", "value", "change", "pollster", "year")
# Scored like the fields above but kept out of the micro figures (the gold's target fields).
EXTRA_FIELDS = ("date",)
_GENRES = {"news": "news", "encyclopedia": "encyclopedia", "forum": "forum", "comment": "comment"}


@dataclass(slots=True)
class FieldCount:
    predicted: int = 0  # non-null predicted claims
    gold: int = 0  # non-null gold claims
    correct: int = 0  # non-null claims that agree in a matched pair
    agree: int = 0  # matched pairs that agree, nulls included


@dataclass(slots=True)
class PollReport:
    items: int = 0
    gold_records: int = 0
    predicted_records: int = 0
    matched: int = 0
    false_positive_items: int = 0
    false_positive_figures: int = 0
    fields: dict[str, FieldCount] = field(
        default_factory=lambda: {name: FieldCount() for name in FIELDS + EXTRA_FIELDS})
    errors: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        def f1(p: float, r: float) -> float:
            return round(2 * p * r / (p + r), 4) if p + r else 0.0

        precision = ratio(self.matched, self.predicted_records)
        recall = ratio(self.matched, self.gold_records)
        out: dict[str, float | int] = {
            "items": self.items,
            "gold_records": self.gold_records,
            "predicted_records": self.predicted_records,
            "matched_records": self.matched,
            "record_precision": precision,
            "record_recall": recall,
            "record_f1": f1(precision, recall),
        }
        totals = FieldCount()
        for name, count in self.fields.items():
            p, r = ratio(count.correct, count.predicted), ratio(count.correct, count.gold)
            out[f"{name}_accuracy"] = ratio(count.agree, self.matched)
            out[f"{name}_f1"] = f1(p, r)
            if name in EXTRA_FIELDS:
                continue
            totals.predicted += count.predicted
            totals.gold += count.gold
            totals.correct += count.correct
        p, r = ratio(totals.correct, totals.predicted), ratio(totals.correct, totals.gold)
        out.update(field_precision=p, field_recall=r, field_f1=f1(p, r),
                   false_positive_items=self.false_positive_items,
                   false_positive_figures=self.false_positive_figures)
        return out


def is_poll_gold(path: str | Path) -> bool:
    """True when the file's lines carry a ``polls`` key (the shape of a poll gold set)."""
    with open(path, encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        return "polls" in json.loads(first)
    except (json.JSONDecodeError, TypeError):
        return False


def gold_document(item: dict[str, Any]) -> Document:
    date = item.get("date")
    return Document(
        id=str(item["id"]),
        text=item["text"],
        source=f"gold:{item['id']}",
        published=FuzzyDate.parse(date) if date else None,
        published_source="metadata" if date else "none",
        genre=_GENRES.get(item.get("style") or "", "unknown"),  # type: ignore[arg-type]
    )


def split_sentences(document: Document, nlp: Any) -> list[Sentence]:
    """The document's sentences as the pipeline makes them: one paragraph per non-empty line,
    spaCy's sentence boundaries inside it."""
    sentences: list[Sentence] = []
    offset = 0
    for line in document.text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        base = start + len(line) - len(line.lstrip())
        for sent in nlp(stripped).sents:
            sentences.append(Sentence(
                doc_id=document.id, index=len(sentences), start=base + sent.start_char,
                end=base + sent.end_char, text=sent.text))
    return sentences


def _value(figure: PollFigure, name: str) -> Any:
    value = getattr(figure, name)
    if name == "pollster":
        return frozenset(value) or None
    if name == "date":
        return value.iso() if value is not None else None
    return value


def _gold_value(gold: dict[str, Any], name: str) -> Any:
    value = gold.get(name)
    if name == "pollster":
        return frozenset(value) if value else None
    return value


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return abs(a - b) < 0.051
    return bool(a == b)


def score_item(report: PollReport, item: dict[str, Any],
               predicted: Sequence[PollFigure]) -> None:
    """Add one item's gold polls and predicted figures to ``report``."""
    text, golds = item["text"], item["polls"]
    report.items += 1
    report.gold_records += len(golds)
    report.predicted_records += len(predicted)
    if not golds and predicted:
        report.false_positive_items += 1
        report.false_positive_figures += len(predicted)
    spans = []
    for gold in golds:
        start = text.find(gold["span"])
        if start < 0:
            raise InputError(str(item["id"]), "gold span not found in text", gold["span"])
        spans.append((start, start + len(gold["span"])))
    pairs = []
    for g, (gold, (start, end)) in enumerate(zip(golds, spans, strict=True)):
        for p, figure in enumerate(predicted):
            if (_same(figure.value, gold["value"]) and figure.evidence.start < end
                    and start < figure.evidence.end):
                agree = sum(_same(_value(figure, n), _gold_value(gold, n))
                            for n in FIELDS + EXTRA_FIELDS)
                pairs.append((-agree, g, p))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, g, p in sorted(pairs):
        if g in used_gold or p in used_pred:
            continue
        used_gold.add(g)
        used_pred.add(p)
        report.matched += 1
        for name in FIELDS + EXTRA_FIELDS:
            mine, theirs = _value(predicted[p], name), _gold_value(golds[g], name)
            count = report.fields[name]
            if _same(mine, theirs):
                count.agree += 1
                if mine is not None:
                    count.correct += 1
            elif name != "value":
                report.errors.append({"id": item["id"], "span": golds[g]["span"],
                                      "field": name, "gold": theirs, "system": mine})
    for name in FIELDS + EXTRA_FIELDS:
        count = report.fields[name]
        count.predicted += sum(_value(f, name) is not None for f in predicted)
        count.gold += sum(_gold_value(g, name) is not None for g in golds)
    for g, gold in enumerate(golds):
        if g not in used_gold:
            report.errors.append({"id": item["id"], "span": gold["span"], "field": "missed"})
    for p, figure in enumerate(predicted):
        if p not in used_pred:
            span = text[figure.evidence.start:figure.evidence.end]
            report.errors.append({"id": item["id"], "span": span, "field": "spurious"})


def evaluate_polls(path: str | Path, extractor: PollExtractor, nlp: Any = None) -> PollReport:
    """Score ``extractor`` on the poll gold set at ``path``. ``nlp`` is the spaCy pipeline used
    to split sentences (the packaged English model by default)."""
    if nlp is None:
        from .nlp.spacy_model import load_model

        nlp = load_model()
    report = PollReport()
    with open(path, encoding="utf-8") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip()]
    for number, line in lines:
        try:
            item = json.loads(line)
            document = gold_document(item)
            item["polls"]  # noqa: B018 -- a line without polls is malformed
        except (json.JSONDecodeError, KeyError, ValueError) as exc:
            raise InputError(f"{path}:{number}", "malformed poll gold line", str(exc)) from exc
        figures = extractor.extract(document, split_sentences(document, nlp))
        score_item(report, item, figures)
    return report


def format_report(report: PollReport) -> str:
    """The figures as a two-column text table."""
    rows = report.figures()
    width = max(len(k) for k in rows)
    lines = [f"{k:<{width}}  {v}" for k, v in rows.items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Score poll-figure extraction on a gold set.")
    parser.add_argument("gold", nargs="?", default="eval/gold/jk_polls.jsonl")
    parser.add_argument("--dyad", default="japan-korea")
    parser.add_argument("--errors", action="store_true", help="also list disagreements")
    args = parser.parse_args(argv)
    report = evaluate_polls(args.gold, PollExtractor(load_dyad(args.dyad)))
    out = [format_report(report)]
    if args.errors:
        out += [json.dumps(e, default=sorted, ensure_ascii=False) for e in report.errors]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
