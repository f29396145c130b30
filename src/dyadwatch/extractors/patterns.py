"""Loading the event trigger patterns and the score tables (knowledge files, no text work)."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from ..config import knowledge_path
from ..errors import KnowledgeError
from ..models import PLOVER_TYPES

PATTERN_VERSION = "rules-v1"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One pattern: a verb lemma, optional particle/preposition words and object lemmas."""

    event_type: str
    cameo: str
    lemma: str
    mode: str | None = None
    words: tuple[str, ...] = ()  # particle/preposition children required ("call for")
    objects: frozenset[str] = frozenset()  # object lemmas required ("hold [talk]")
    negated: bool = False  # the wording itself denies the event ("remained at odds")
    # Sectors an actor must have for the wording to be this event ("pulled out of the city" is
    # a retreat by troops or a state, not by a company); "state" is a country named as a whole.
    actors: frozenset[str] = frozenset()

    def acted_by(self, sector: str | None, country: str | None) -> bool:
        return not self.actors or sector in self.actors or (
            "state" in self.actors and sector is None and country is not None)

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + len(self.words)

    @property
    def name(self) -> str:
        extra = " ".join(self.words)
        objs = "|".join(sorted(self.objects))
        text = self.lemma + (f" {extra}" if extra else "") + (f" [{objs}]" if objs else "")
        return f"{PATTERN_VERSION}:{self.event_type}:{text}"


@dataclass(frozen=True, slots=True)
class Score:
    root: str
    goldstein: float
    quad_class: int


@dataclass(slots=True)
class PatternBook:
    by_lemma: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, Trigger] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()
    factual: frozenset[str] = frozenset()
    negating: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    # lemma -> dependency labels / object lemmas that make the verb mean something else
    # ("called the visit regrettable", "met the standards").
    exclude_deps: dict[str, frozenset[str]] = field(default_factory=dict)
    exclude_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    exclude_words: dict[str, frozenset[str]] = field(default_factory=dict)
    exclude_settings: dict[str, frozenset[str]] = field(default_factory=dict)  # "in a runoff"
    evaluation_verbs: frozenset[str] = frozenset()
    evaluation_words: dict[str, Trigger] = field(default_factory=dict)  # word -> ACCUSE/SUPPORT
    # "said Seoul had misread …": reporting verbs, and the verbs, predicates and adverbs of a
    # complement that make the report an accusation
    wrongdoing_reporting: frozenset[str] = frozenset()
    wrongdoing_verbs: frozenset[str] = frozenset()
    wrongdoing_predicates: frozenset[str] = frozenset()
    wrongdoing_adverbs: frozenset[str] = frozenset()
    wrongdoing_deeds: frozenset[str] = frozenset()
    wrongdoing_deed_verbs: frozenset[str] = frozenset()
    reaction_verbs: frozenset[str] = frozenset()
    reaction_nouns: dict[str, Trigger] = field(default_factory=dict)
    cameo: dict[str, Score] = field(default_factory=dict)
    plover_scores: dict[tuple[str, str], float] = field(default_factory=dict)

    def excluded(self, lemma: str, token: Token, by_dependency: bool = True) -> bool:
        deps = self.exclude_deps.get(lemma)
        if by_dependency and deps and any(c.dep_ in deps for c in token.children):
            return True
        words = self.exclude_words.get(lemma)
        if words and any(c.lower_ in words for c in token.children):
            return True
        settings = self.exclude_settings.get(lemma)
        if settings and any(p.lemma_.lower() in settings for c in token.children
                            if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
            return True  # "beat Kono in a runoff": a contest, not a beating
        objects = self.exclude_objects.get(lemma)
        return bool(objects) and any(
            c.lemma_.lower() in objects for c in token.children if c.dep_ in {"dobj", "nsubjpass"}
        )

    def score(self, cameo: str) -> Score | None:
        code = cameo
        while code:
            if code in self.cameo:
                return self.cameo[code]
            code = code[:-1]
        return None

    def plover_score(self, event_type: str, mode: str | None) -> float | None:
        return self.plover_scores.get(
            (event_type, mode or ""), self.plover_scores.get((event_type, ""))
        )


def parse_pattern(text: str, event_type: str, cameo: str, mode: str | None,
                  negated: bool = False, actors: frozenset[str] = frozenset()) -> Trigger:
    """``"lodge [protest|complaint] with"`` → lemma lodge, objects {protest, complaint},
    words (with,)."""
    objects: frozenset[str] = frozenset()
    if "[" in text:
        before, _, rest = text.partition("[")
        inner, _, after = rest.partition("]")
        objects = frozenset(o.strip().lower() for o in inner.split("|") if o.strip())
        text = f"{before} {after}"
    parts = text.lower().split()
    if not parts:
        raise KnowledgeError(f"empty pattern under {event_type} {cameo}")
    return Trigger(event_type, cameo, parts[0], mode, tuple(parts[1:]), objects, negated, actors)


def load_patterns(path: Path | None = None) -> PatternBook:
    path = path or knowledge_path("event_patterns.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read event patterns ({exc})") from exc
    book = PatternBook()
    for event_type, groups in (raw.get("types") or {}).items():
        if event_type not in PLOVER_TYPES:
            raise KnowledgeError(f"{path}: {event_type!r} is not a PLOVER 2.0 event type")
        for group in groups:
            for text in _strings(group.get("patterns"), path, event_type):
                trigger = parse_pattern(
                    str(text), event_type, str(group["cameo"]), group.get("mode"),
                    bool(group.get("negated")),
                    frozenset(_strings(group.get("actors"), path, event_type)),
                )
                book.by_lemma[trigger.lemma].append(trigger)
    for event_type, group in (raw.get("nouns") or {}).items():
        for noun in group.get("nouns", []):
            book.nouns[noun] = Trigger(event_type, str(group["cameo"]), noun, group.get("mode"))
    for lemma, rule in (raw.get("exclude") or {}).items():
        book.exclude_deps[lemma] = frozenset(_strings(rule.get("deps"), path, lemma))
        book.exclude_objects[lemma] = frozenset(_strings(rule.get("objects"), path, lemma))
        book.exclude_words[lemma] = frozenset(_strings(rule.get("words"), path, lemma))
        book.exclude_settings[lemma] = frozenset(_strings(rule.get("settings"), path, lemma))
    evaluation = raw.get("evaluation") or {}
    book.evaluation_verbs = frozenset(evaluation.get("verbs") or ())
    for key, event_type, cameo in (("negative", "ACCUSE", "111"), ("positive", "SUPPORT", "051")):
        for word in evaluation.get(key) or ():
            book.evaluation_words[word] = Trigger(event_type, cameo, f"call-{key}", words=(word,))
    wrongdoing = raw.get("wrongdoing") or {}
    book.wrongdoing_reporting = frozenset(wrongdoing.get("reporting") or ())
    book.wrongdoing_verbs = frozenset(wrongdoing.get("verbs") or ())
    book.wrongdoing_predicates = frozenset(wrongdoing.get("predicates") or ())
    book.wrongdoing_adverbs = frozenset(wrongdoing.get("adverbs") or ())
    book.wrongdoing_deeds = frozenset(wrongdoing.get("deeds") or ())
    book.wrongdoing_deed_verbs = frozenset(wrongdoing.get("deed_verbs") or ())
    reactions = raw.get("reactions") or {}
    book.reaction_verbs = frozenset(reactions.get("verbs") or ())
    for event_type, group in (reactions.get("nouns") or {}).items():
        for noun in group.get("nouns", []):
            book.reaction_nouns[noun] = Trigger(event_type, str(group["cameo"]), f"reaction-{noun}")
    transparent = raw.get("transparent") or {}
    book.light_verbs = frozenset(raw.get("light_verbs") or ())
    book.hypothetical = frozenset(transparent.get("hypothetical") or ())
    book.factual = frozenset(transparent.get("factual") or ())
    book.negating = frozenset(transparent.get("negating") or ())
    book.speech = frozenset(raw.get("speech") or ())
    _load_scores(book)
    return book


def _strings(values: object, path: Path, where: str) -> tuple[str, ...]:
    """A list of words from YAML, in order; a bare on/off/yes/no would read as a boolean."""
    items = tuple(values or ())  # type: ignore[call-overload]
    if not all(isinstance(v, str) for v in items):
        raise KnowledgeError(f"{path}: under {where!r}, {list(items)!r} is not a list of words "
                             "(quote on, off, yes and no)")
    return items


def _load_scores(book: PatternBook) -> None:
    with knowledge_path("cameo_scores.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            book.cameo[row["cameo_code"]] = Score(
                row["root"], float(row["goldstein"]), int(row["quad_class"])
            )
    with knowledge_path("plover_scores.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            book.plover_scores[(row["event_type"], row["mode"] or "")] = float(row["score"])


@lru_cache(maxsize=4)
def default_patterns() -> PatternBook:
    return load_patterns()
