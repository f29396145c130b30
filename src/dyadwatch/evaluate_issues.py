"""Gold-set evaluation of the issue tagger.

Gold lines (``eval/gold/README-issues.md``): ``{"id", "text" | "sentences", "issues", "style",
"hard"?}``. An item is one paragraph: its text (or its list of sentences) goes through
``IssueTagger.tag_paragraph`` and the item's predicted issues are the union over its sentences.
The main figures count (item, issue) pairs; items with per-sentence labels are also scored
sentence by sentence (``sentence_*`` figures), which is where a leak from one sentence to the next
shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .extractors.issues import IssueTagger

# A light splitter for gold texts of one or two sentences: a full stop, question or exclamation
# mark followed by space. Texts are scored as one unit, so a missed split costs nothing.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def split_simple(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text.strip()) if part]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[str], system: set[str]) -> None:
        self.tp += len(gold & system)
        self.fp += len(system - gold)
        self.fn += len(gold - system)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(slots=True)
class IssueReport:
    issue_ids: tuple[str, ...]
    items: int = 0
    exact: int = 0
    empty_gold: int = 0
    empty_correct: int = 0
    micro: Counts = field(default_factory=Counts)
    per_issue: dict[str, Counts] = field(default_factory=dict)
    sentences: int = 0
    sentence_micro: Counts = field(default_factory=Counts)
    hard_items: int = 0
    hard_micro: Counts = field(default_factory=Counts)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        p, r, f = self.micro.prf()
        sp, sr, sf = self.sentence_micro.prf()
        hp, hr, hf = self.hard_micro.prf()
        per_issue: dict[str, dict[str, float | int]] = {}
        for issue_id in self.issue_ids:
            counts = self.per_issue.get(issue_id, Counts())
            ip, ir, i_f = counts.prf()
            per_issue[issue_id] = {"precision": _r(ip), "recall": _r(ir), "f1": _r(i_f),
                                   "gold": counts.tp + counts.fn, "system": counts.tp + counts.fp}
        scored = [v["f1"] for v in per_issue.values() if v["gold"] or v["system"]]
        return {
            "items": self.items,
            "precision": _r(p),
            "recall": _r(r),
            "f1": _r(f),
            "macro_f1": _r(sum(scored) / len(scored)) if scored else 0.0,
            "exact_set_accuracy": _r(self.exact / self.items) if self.items else 0.0,
            "empty_items": self.empty_gold,
            "empty_correct": _r(self.empty_correct / self.empty_gold) if self.empty_gold else 0.0,
            "sentences": self.sentences,
            "sentence_precision": _r(sp),
            "sentence_recall": _r(sr),
            "sentence_f1": _r(sf),
            "hard_items": self.hard_items,
            "hard_f1": _r(hf),
            "hard_precision": _r(hp),
            "hard_recall": _r(hr),
            "per_issue": per_issue,
        }


def _r(value: float) -> float:
    return round(value, 4)


def is_issue_gold(path: str | Path) -> bool:
    """True for a gold file whose lines carry "issues" and no events, polls or mentions."""
    with open(path, encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        item = json.loads(first)
    except json.JSONDecodeError:
        return False
    return (isinstance(item, dict) and "issues" in item
            and not {"events", "polls", "mentions"} & item.keys())


def _load(path: str | Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}", "not a JSON line", str(exc)) from exc
            if "issues" not in item or not ("text" in item or "sentences" in item):
                raise InputError(f"{path}:{number}", "malformed gold line",
                                 "needs 'issues' and 'text' or 'sentences'")
            items.append(item)
    return items


def evaluate_issues(
    path: str | Path,
    tagger: IssueTagger,
    split_sentences: Callable[[str], list[str]] | None = None,
) -> IssueReport:
    """Score ``tagger`` on an issue gold file; ``split_sentences`` splits an item's text (default:
    a light punctuation splitter)."""
    split = split_sentences or split_simple
    report = IssueReport(issue_ids=tuple(tagger.labels))
    for item in _load(path):
        gold = set(item["issues"])
        if "sentences" in item:
            texts = [s["text"] for s in item["sentences"]]
            predicted = tagger.tag_paragraph(texts)
            for sentence, issues in zip(item["sentences"], predicted, strict=True):
                report.sentences += 1
                report.sentence_micro.add(set(sentence["issues"]), set(issues))
        else:
            predicted = tagger.tag_paragraph(split(item["text"]))
            report.sentences += 1
            report.sentence_micro.add(gold, set().union(*predicted) if predicted else set())
        system: set[str] = set().union(*predicted) if predicted else set()
        _score_item(report, item, gold, system)
    return report


def _score_item(report: IssueReport, item: dict[str, Any], gold: set[str],
                system: set[str]) -> None:
    report.items += 1
    report.micro.add(gold, system)
    for issue_id in gold | system:
        report.per_issue.setdefault(issue_id, Counts()).add(gold & {issue_id}, system & {issue_id})
    report.exact += gold == system
    if not gold:
        report.empty_gold += 1
        report.empty_correct += not system
    if item.get("hard"):
        report.hard_items += 1
        report.hard_micro.add(gold, system)
    if gold != system:
        report.misses.append({"id": item.get("id"), "gold": sorted(gold),
                              "system": sorted(system),
                              "text": item.get("text") or " ".join(
                                  s["text"] for s in item["sentences"])})


def issue_table(report: IssueReport) -> list[tuple[str, ...]]:
    """Rows of a per-issue table (header first, totals last) for the printing layer."""
    figures = report.figures()
    rows: list[tuple[str, ...]] = [("issue", "gold", "system", "precision", "recall", "f1")]
    for issue_id, row in figures["per_issue"].items():
        rows.append((issue_id, str(row["gold"]), str(row["system"]), f"{row['precision']:.3f}",
                     f"{row['recall']:.3f}", f"{row['f1']:.3f}"))
    rows.append(("micro", str(report.micro.tp + report.micro.fn),
                 str(report.micro.tp + report.micro.fp), f"{figures['precision']:.3f}",
                 f"{figures['recall']:.3f}", f"{figures['f1']:.3f}"))
    return rows


def format_issue_table(report: IssueReport) -> str:
    """The per-issue table and summary figures as plain text (the caller prints it)."""
    return "\n".join(_lines(report))


def _lines(report: IssueReport) -> Iterable[str]:
    rows = issue_table(report)
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    for n, row in enumerate(rows):
        if n == len(rows) - 1:
            yield "  ".join("-" * w for w in widths)
        yield "  ".join(cell.ljust(w) if c == 0 else cell.rjust(w)
                        for c, (cell, w) in enumerate(zip(row, widths, strict=True)))
    f = report.figures()
    yield (f"items {f['items']}  macro F1 {f['macro_f1']:.3f}  exact set "
           f"{f['exact_set_accuracy']:.3f}  no-issue items right {f['empty_correct']:.3f} "
           f"of {f['empty_items']}")
    yield (f"sentences {f['sentences']}  P {f['sentence_precision']:.3f}  R "
           f"{f['sentence_recall']:.3f}  F1 {f['sentence_f1']:.3f}  |  hard items "
           f"{f['hard_items']}  F1 {f['hard_f1']:.3f}")
