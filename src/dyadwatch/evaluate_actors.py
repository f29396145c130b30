"""Gold-set evaluation of actor resolution: country, sector and entity of actor mentions.

Gold lines: ``{"id", "text", "date", "mentions": [{"text", "head", "country", "sector",
"entity"}]}``. Each mention's head word is located in the parsed sentence and resolved as the
coder would resolve a subject or object there; the figures are the share of mentions whose
country, sector and entity agree with the gold.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from .errors import InputError
from .extractors.actors import DocContext
from .models import ActorRef
from .pipeline import Extractor


@dataclass(slots=True)
class ActorReport:
    mentions: int = 0
    country: int = 0
    sector: int = 0
    country_and_sector: int = 0
    people: int = 0
    people_entity: int = 0
    named: int = 0
    named_entity: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    # gold category ("title_name", "role_noun", ...) -> [mentions, country and sector right]
    categories: dict[str, list[int]] = field(default_factory=dict)

    def by_category(self) -> dict[str, float]:
        """Country+sector accuracy per gold category, to see which phenomenon fails."""
        return {name: round(right / total, 4) if total else 0.0
                for name, (total, right) in sorted(self.categories.items())}

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "mentions": self.mentions,
            "country_accuracy": ratio(self.country, self.mentions),
            "sector_accuracy": ratio(self.sector, self.mentions),
            "country_sector_accuracy": ratio(self.country_and_sector, self.mentions),
            "people": self.people,
            "people_entity_accuracy": ratio(self.people_entity, self.people),
            "named_entity_accuracy": ratio(self.named_entity, self.named),
        }


def is_actor_gold(path: str | Path) -> bool:
    with open(path, encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        return "mentions" in json.loads(first)
    except json.JSONDecodeError:
        return False


def _head_token(doc: Doc, text: str, mention: dict[str, Any]) -> Token | None:
    start = text.find(mention["text"])
    if start < 0:
        return None
    head_text = mention.get("head") or mention["text"]
    offset = text.find(head_text, start)
    if offset < 0:
        return None
    span = doc.char_span(offset, offset + len(head_text), alignment_mode="expand")
    if span is None:
        return None
    return span[-1] if len(span) > 1 and span[-1].pos_ == "PROPN" else span.root


def evaluate_actors(path: str | Path, extractor: Extractor) -> ActorReport:
    report = ActorReport()
    with open(path, encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    resolver = extractor.resolver
    for number, item in enumerate(items, 1):
        try:
            text, mentions = item["text"], item["mentions"]
        except KeyError as exc:
            raise InputError(f"{path}:{number}", "malformed gold line", str(exc)) from exc
        date = dt.date.fromisoformat(item["date"]) if item.get("date") else None
        doc = extractor.nlp(text)
        ctx = DocContext(date=date, default_countries=extractor.dyad.countries)
        hits = resolver.find_hits(doc, ctx)
        for mention in mentions:
            report.mentions += 1
            head = _head_token(doc, text, mention)
            refs = resolver.resolve(head, hits, ctx) if head is not None else ()
            ref = refs[0] if refs else ActorRef(text="")
            _score(report, mention, ref, extractor, item["id"])
    return report


def _score(report: ActorReport, gold: dict[str, Any], ref: ActorRef, extractor: Extractor,
           item_id: str) -> None:
    country_ok = gold.get("country") == ref.country
    sector_ok = gold.get("sector") == ref.sector
    report.country += country_ok
    report.sector += sector_ok
    report.country_and_sector += country_ok and sector_ok
    tally = report.categories.setdefault(gold.get("category") or "other", [0, 0])
    tally[0] += 1
    tally[1] += country_ok and sector_ok
    entity = gold.get("entity")
    if entity:
        report.named += 1
        report.named_entity += entity == ref.entity
        if f"person:{entity}" in extractor.kb.entities:
            report.people += 1
            report.people_entity += entity == ref.entity
    if not (country_ok and sector_ok) or (entity and entity != ref.entity):
        report.misses.append({"id": item_id, "text": gold["text"],
            "category": gold.get("category"), "gold": [
            gold.get("country"), gold.get("sector"), entity],
            "system": [ref.country, ref.sector, ref.entity]})
