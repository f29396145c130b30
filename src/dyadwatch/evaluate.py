"""Gold-set evaluation of the event coder.

A system event matches a gold event of the same type; where PLOVER's modality rules recoded an
event (a planned meeting coded AGREE), its literal ``action_type`` may match instead, because gold
sets differ in whether they apply those rules.

Reads gold files in the format of ``plover_gsr_dev.jsonl`` (one sentence per line with its events;
``exhaustive: true`` marks lines whose events are complete, so extra system events count against
precision) and reports, per event type and overall: recall of gold events by type, actor and
recipient country recall on matched events, events per sentence, precision/F1 where the gold is
exhaustive, modality accuracy and date accuracy.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .config import knowledge_path
from .errors import InputError
from .models import PLOVER_TYPES, ActorRef, Document, EventMention, Evidence, FuzzyDate
from .pipeline import Extractor

# Gold actor codes that name a group rather than a country.
GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UAF", "REB", "ISM"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    event_type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    negated: bool | None
    hypothetical: bool | None
    event_date: str | None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    date: FuzzyDate | None
    genre: str
    exhaustive: bool
    events: tuple[GoldEvent, ...]


@dataclass(slots=True)
class Tally:
    gold: int = 0
    found: int = 0
    system: int = 0
    strict_tp: int = 0
    system_tp: int = 0

    def as_dict(self, exhaustive: bool) -> dict[str, float | int]:
        out: dict[str, float | int] = {"gold": self.gold, "recall": _ratio(self.found, self.gold)}
        if exhaustive:
            precision = _ratio(self.system_tp, self.system)
            out.update(system=self.system, precision=precision, f1=_f1(precision, out["recall"]))
        return out


@dataclass(slots=True)
class Report:
    name: str
    sentences: int = 0
    exhaustive_sentences: int = 0
    system_events: int = 0
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    actor_hits: int = 0
    actor_total: int = 0
    recipient_hits: int = 0
    recipient_total: int = 0
    strict_tp: int = 0
    strict_gold: int = 0
    strict_system_tp: int = 0
    strict_system: int = 0
    flag_correct: int = 0
    flag_total: int = 0
    date_exact: int = 0
    date_precision_ok: int = 0
    date_total: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def figures(self) -> dict[str, Any]:
        gold = sum(t.gold for t in self.by_type.values())
        found = sum(t.found for t in self.by_type.values())
        exhaustive = self.exhaustive_sentences > 0
        out: dict[str, Any] = {
            "sentences": self.sentences,
            "gold_events": gold,
            "type_recall": _ratio(found, gold),
            "events_per_sentence": _ratio(self.system_events, self.sentences),
            "actor_country_recall": _ratio(self.actor_hits, self.actor_total),
            "recipient_country_recall": _ratio(self.recipient_hits, self.recipient_total),
        }
        if exhaustive:
            sys_total = sum(t.system for t in self.by_type.values())
            sys_tp = sum(t.system_tp for t in self.by_type.values())
            precision = _ratio(sys_tp, sys_total)
            out["type_precision"] = precision
            out["type_f1"] = _f1(precision, out["type_recall"])
            strict_p = _ratio(self.strict_system_tp, self.strict_system)
            strict_r = _ratio(self.strict_tp, self.strict_gold)
            out["strict_precision"] = strict_p
            out["strict_recall"] = strict_r
            out["strict_f1"] = _f1(strict_p, strict_r)
        if self.flag_total:
            out["modality_accuracy"] = _ratio(self.flag_correct, self.flag_total)
        if self.date_total:
            out["date_exact"] = _ratio(self.date_exact, self.date_total)
            out["date_precision_ok"] = _ratio(self.date_precision_ok, self.date_total)
        out["by_type"] = {
            t: self.by_type[t].as_dict(exhaustive) for t in PLOVER_TYPES if t in self.by_type
        }
        return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def load_gold(path: str | Path) -> list[GoldSentence]:
    items: list[GoldSentence] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                items.append(_gold_sentence(raw))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"{path}:{number}", "malformed gold line", str(exc)) from exc
    return items


@lru_cache(maxsize=1)
def cameo_to_iso() -> dict[str, str]:
    """CAMEO country codes that differ from ISO alpha-3 (gold sets coded with CAMEO use them)."""
    table: dict[str, str] = {}
    with open(knowledge_path("cameo_country_codes.tsv"), encoding="utf-8") as handle:
        rows = [line for line in handle if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        table[row["cameo"].strip()] = row["iso3"].strip()
    return table


def _code(value: str) -> str:
    return cameo_to_iso().get(value, value)


def _gold_sentence(raw: dict[str, Any]) -> GoldSentence:
    events = tuple(
        GoldEvent(
            event_type=e["type"],
            actors=frozenset(_code(a["code"]) for a in e.get("actors", []) if a.get("code")),
            recipients=frozenset(
                _code(r["code"]) for r in e.get("recipients", []) if r.get("code")),
            negated=e.get("negated"),
            hypothetical=e.get("hypothetical"),
            event_date=e.get("event_date"),
        )
        for e in raw.get("events", [])
    )
    date = FuzzyDate.parse(raw["date"]) if raw.get("date") else None
    return GoldSentence(
        raw["id"],
        raw["text"],
        date,
        raw.get("genre") or "news",
        bool(raw.get("exhaustive")),
        events,
    )


def _codes(refs: Iterable[Any]) -> frozenset[str]:
    codes: set[str] = set()
    for ref in refs:
        if ref.country:
            codes.add(ref.country)
        elif ref.sector in GROUP_CODES:
            codes.add(ref.sector)
    return frozenset(codes)


def _participants_match(gold: GoldEvent, mention: EventMention) -> bool:
    actors, recipients = _codes(mention.actors), _codes(mention.recipients)
    if gold.event_type in SYMMETRIC_TYPES or mention.event_type in SYMMETRIC_TYPES:
        gold_all, sys_all = gold.actors | gold.recipients, actors | recipients
        return gold_all == sys_all or bool(gold_all & sys_all) and gold.actors <= sys_all
    actor_ok = (not gold.actors and not actors) or bool(gold.actors & actors)
    recipient_ok = (not gold.recipients and not recipients) or bool(gold.recipients & recipients)
    return actor_ok and recipient_ok


def _overlap(gold: GoldEvent, mention: EventMention) -> int:
    return len(gold.actors & _codes(mention.actors)) + len(
        gold.recipients & _codes(mention.recipients)
    )


def evaluate(gold: list[GoldSentence], extractor: Extractor, name: str = "gold") -> Report:
    report = Report(name)
    documents = [
        Document(id=item.id, text=item.text, source=name, published=item.date, genre=item.genre)  # type: ignore[arg-type]
        for item in gold
    ]
    for item, result in zip(gold, extractor.extract(documents), strict=True):
        report.sentences += 1
        report.exhaustive_sentences += item.exhaustive
        mentions = list(result.mentions)
        report.system_events += len(mentions)
        _score_sentence(report, item, mentions)
    return report


def agreement(
    first: list[GoldSentence], second: list[GoldSentence], name: str = "agreement"
) -> Report:
    """Score a second annotation of the same sentences against the first, as if it were a system.

    Two annotators who follow the same guidelines still disagree; their agreement, measured with
    the very matching the coder is scored with, is the ceiling a coder can be expected to reach.
    Lines are paired by id; the second annotation must cover every line of the first, word for word.
    """
    by_id = {item.id: item for item in second}
    if len(by_id) != len(second):
        raise InputError(name, "second annotation repeats line ids")
    missing = [item.id for item in first if item.id not in by_id]
    if missing:
        raise InputError(name, "second annotation lacks lines", ", ".join(missing[:5]))
    extra = sorted(set(by_id) - {item.id for item in first})
    if extra:
        raise InputError(name, "second annotation has lines the first lacks", ", ".join(extra[:5]))
    changed = [item.id for item in first if by_id[item.id].text != item.text]
    if changed:
        raise InputError(name, "second annotation has other text for lines", ", ".join(changed[:5]))
    report = Report(name)
    for item in first:
        other = by_id[item.id]
        try:
            mentions = [_as_mention(item, event) for event in other.events]
        except ValueError as exc:
            raise InputError(f"{name}:{item.id}", "malformed event in second annotation",
                             str(exc)) from exc
        report.sentences += 1
        report.exhaustive_sentences += item.exhaustive
        report.system_events += len(mentions)
        _score_sentence(report, item, mentions)
    return report


def _as_mention(item: GoldSentence, event: GoldEvent) -> EventMention:
    def refs(codes: frozenset[str]) -> tuple[ActorRef, ...]:
        return tuple(
            ActorRef(code, sector=code) if code in GROUP_CODES else ActorRef(code, country=code)
            for code in sorted(codes)
        )

    return EventMention(
        doc_id=item.id,
        sentence=item.text,
        sentence_start=0,
        event_type=event.event_type,
        actors=refs(event.actors),
        recipients=refs(event.recipients),
        evidence=Evidence(0, len(item.text), "annotator:second"),
        date=FuzzyDate.parse(event.event_date) if event.event_date else None,
        negated=bool(event.negated),
        hypothetical=bool(event.hypothetical),
    )


def _score_sentence(report: Report, item: GoldSentence, mentions: list[EventMention]) -> None:
    # Gold and system events are paired one to one, best pairs first (same type; then both
    # countries right; then most shared countries), so that the order of the gold events does not
    # decide which system event a gold event gets.
    def same_type(event: GoldEvent, mention: EventMention) -> bool:
        return event.event_type in {mention.event_type, mention.action_type}

    pairs = sorted(
        ((_participants_match(e, m), _overlap(e, m), -g, -i)
         for g, e in enumerate(item.events) for i, m in enumerate(mentions) if same_type(e, m)),
        reverse=True,
    )
    typed: dict[int, int] = {}
    strict: set[int] = set()
    used_type: set[int] = set()
    used_strict: set[int] = set()
    for match, _, g, i in pairs:
        g, i = -g, -i
        if g not in typed and i not in used_type:
            typed[g] = i
            used_type.add(i)
        if match and g not in strict and i not in used_strict:
            strict.add(g)
            used_strict.add(i)
    for g, event in enumerate(item.events):
        tally = report.by_type[event.event_type]
        tally.gold += 1
        if item.exhaustive:
            report.strict_gold += 1
        if g not in typed:
            for m in mentions:
                report.confusions[(event.event_type, m.event_type)] += 1
            if not mentions:
                report.confusions[(event.event_type, "-")] += 1
            continue
        tally.found += 1
        mention = mentions[typed[g]]
        _score_participants(report, event, mention)
        _score_flags(report, event, mention)
        if item.exhaustive and g in strict:
            report.strict_tp += 1
    if item.exhaustive:
        for i, mention in enumerate(mentions):
            tally = report.by_type[mention.event_type]
            if i in used_type and mention.event_type not in {e.event_type for e in item.events}:
                tally = report.by_type[mention.action_type or mention.event_type]
            tally.system += 1
            report.strict_system += 1
            if i in used_type:
                tally.system_tp += 1
            if i in used_strict:
                report.strict_system_tp += 1


def _score_participants(report: Report, event: GoldEvent, mention: EventMention) -> None:
    sys_actors, sys_recipients = _codes(mention.actors), _codes(mention.recipients)
    if event.event_type in SYMMETRIC_TYPES:
        sys_actors = sys_recipients = sys_actors | sys_recipients
    gold_actor_countries = {c for c in event.actors if c not in GROUP_CODES}
    gold_recipient_countries = {c for c in event.recipients if c not in GROUP_CODES}
    if gold_actor_countries:
        report.actor_total += 1
        report.actor_hits += bool(gold_actor_countries & sys_actors)
    if gold_recipient_countries:
        report.recipient_total += 1
        report.recipient_hits += bool(
            gold_recipient_countries
            & (
                sys_recipients | sys_actors
                if event.event_type in SYMMETRIC_TYPES
                else sys_recipients
            )
        )


def _score_flags(report: Report, event: GoldEvent, mention: EventMention) -> None:
    if event.negated is not None or event.hypothetical is not None:
        report.flag_total += 1
        report.flag_correct += (bool(event.negated) == mention.negated) and (
            bool(event.hypothetical) == mention.hypothetical
        )
    if event.event_date:
        report.date_total += 1
        value = mention.date.iso() if mention.date else None
        report.date_exact += value == event.event_date
        report.date_precision_ok += value is not None and len(value) == len(event.event_date)


def compare_to_baseline(
    figures: dict[str, Any], baseline: dict[str, Any], tolerance: float = 0.005
) -> list[str]:
    """Pinned figures that fell below the baseline (or rose above it, for events per sentence)."""
    problems: list[str] = []
    for key, pinned in baseline.items():
        if key.startswith("_") or not isinstance(pinned, int | float):
            continue
        value = figures.get(key)
        if value is None:
            problems.append(f"{key}: missing (baseline {pinned})")
        elif key == "events_per_sentence":
            if value > pinned + tolerance:
                problems.append(f"{key}: {value} above baseline {pinned}")
        elif value < pinned - tolerance:
            problems.append(f"{key}: {value} below baseline {pinned}")
    return problems


def gold_kind(path: str | Path) -> str:
    """What a gold file holds, by the keys of its first record: events, actors, issues or polls."""
    try:
        with open(path, encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "{}")
        keys = set(json.loads(first))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), "cannot read gold file", str(exc)) from exc
    if "polls" in keys:
        return "polls"
    if "mentions" in keys:
        return "actors"
    if "events" in keys:
        return "events"
    if "issues" in keys:
        return "issues"
    raise InputError(str(path), "not a gold file (no events, mentions, issues or polls)")


def figures_for(path: str | Path, extractor: Extractor, name: str | None = None) -> dict[str, Any]:
    """Figures of one gold file (event, actor, issue or poll gold), chosen by its shape."""
    kind = gold_kind(path)
    if kind == "actors":
        from .evaluate_actors import evaluate_actors

        return evaluate_actors(path, extractor).figures()
    if kind == "polls":
        from .evaluate_polls import evaluate_polls

        return evaluate_polls(path, extractor.polls, nlp=extractor.nlp).figures()
    if kind == "issues":
        from .evaluate_issues import evaluate_issues

        return evaluate_issues(path, extractor.issues, extractor.split_sentences).figures()
    return evaluate(load_gold(path), extractor, name or Path(path).stem).figures()
