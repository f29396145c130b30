"""The poll knowledge file: ``knowledge/polls.yaml`` read and compiled into a ``PollLexicon``.

The file holds the words the poll extractor works from: pollsters with their aliases and home
publics, measures with their cue words, topics, survey and non-poll cues and extra country
aliases. ``load_poll_lexicon`` compiles it and keeps the last few files compiled; an unreadable
file, a missing key or a bad pattern in a word list raises ``KnowledgeError`` naming the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..config import knowledge_path
from ..errors import KnowledgeError


@dataclass(frozen=True, slots=True)
class Pollster:
    name: str
    polls_in: str | None = None
    affiliates: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    kind: str  # attitude, stance, behaviour, concern
    opposite: str | None
    cues: tuple[str, ...]  # regex sources; "{subject}" is filled in by the extractor


@dataclass(frozen=True, slots=True)
class PollLexicon:
    """The contents of ``knowledge/polls.yaml``, compiled."""

    pollsters: tuple[Pollster, ...]
    pollster_pattern: re.Pattern[str]  # one named group per pollster: p0, p1, ...
    measures: dict[str, Measure]
    frames: tuple[tuple[re.Pattern[str], dict[str, str]], ...]
    topic_stance: dict[str, str]  # an attitude held toward a topic is this stance
    topics: tuple[tuple[str, re.Pattern[str]], ...]
    survey_cue: re.Pattern[str]
    people: re.Pattern[str]
    people_followers: frozenset[str]
    not_country_after: frozenset[str]
    relative_other: re.Pattern[str]
    relative_own: re.Pattern[str]
    both: re.Pattern[str]
    non_poll: re.Pattern[str]
    election: re.Pattern[str]
    not_survey: re.Pattern[str]
    fieldwork: re.Pattern[str]
    release: re.Pattern[str]
    fresh: re.Pattern[str]
    extra_aliases: tuple[tuple[str, str], ...]  # (regex, ISO3)
    lowercase_ambiguous: frozenset[str]


def _words_regex(items: Sequence[str], where: str) -> re.Pattern[str]:
    try:
        return re.compile(r"\b(?:" + "|".join(f"(?:{i})" for i in items) + r")\b", re.I)
    except re.error as exc:
        raise KnowledgeError(f"{where}: bad regular expression ({exc})") from exc


def _alias_source(alias: str) -> str:
    """Acronyms match in capitals or all lower-case only ("EAI", "eai", not "Eai")."""
    if re.fullmatch(r"[A-Z]{2,}", alias):
        return f"(?:{alias}|{alias.lower()})"
    return f"(?i:{alias})"


def load_poll_lexicon(path: str | Path | None = None) -> PollLexicon:
    """Read and compile the poll knowledge file (the packaged one by default)."""
    return _load_lexicon(str(path or knowledge_path("polls.yaml")))


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> PollLexicon:
    try:
        raw: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read the poll knowledge file ({exc})") from exc
    try:
        pollsters: list[Pollster] = []
        groups: list[str] = []
        for number, entry in enumerate(raw["pollsters"]):
            pollsters.append(Pollster(entry["name"], entry.get("polls_in"),
                                      tuple(sorted((entry.get("affiliates") or {}).items()))))
            aliases = sorted(entry["aliases"], key=len, reverse=True)
            groups.append(f"(?P<p{number}>" + "|".join(_alias_source(a) for a in aliases) + ")")
        pollster_pattern = re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)")
        measures = {
            name: Measure(name, spec.get("kind", "attitude"), spec.get("opposite"),
                          tuple(spec["cues"]))
            for name, spec in raw["measures"].items()
        }
        frames = tuple((_words_regex([f["cue"]], path), dict(f["map"]))
                       for f in raw.get("frames") or [])
        topics = tuple((t["id"], _words_regex(t["cues"], f"{path}: topic {t['id']}"))
                       for t in raw.get("topics") or [])
        extra = tuple((alias, iso3) for iso3, aliases in
                      (raw.get("extra_country_aliases") or {}).items() for alias in aliases)
        return PollLexicon(
            pollsters=tuple(pollsters),
            pollster_pattern=pollster_pattern,
            measures=measures,
            frames=frames,
            topic_stance=dict(raw.get("topic_stance") or {}),
            topics=topics,
            survey_cue=_words_regex(raw["survey_cues"], path),
            people=_words_regex(raw["people_nouns"], path),
            people_followers=frozenset(w.lower() for w in raw["demonym_people_followers"]),
            not_country_after=frozenset(w.lower() for w in raw["not_country_after"]),
            relative_other=_words_regex(raw["relative_other"], path),
            relative_own=_words_regex(raw["relative_own"], path),
            both=_words_regex(raw["both_populations"], path),
            non_poll=_words_regex(raw["non_poll_cues"], path),
            election=_words_regex(raw["election_cues"], path),
            not_survey=_words_regex(raw["not_survey"], path),
            fieldwork=_words_regex(raw["fieldwork_verbs"], path),
            release=_words_regex(raw["release_verbs"], path),
            fresh=_words_regex([rf"(?:{w})\s+(?:\w+\s+){{0,2}}(?:poll|survey)s?"
                                for w in raw["fresh_survey"]], path),
            extra_aliases=extra,
            lowercase_ambiguous=frozenset(raw.get("lowercase_ambiguous") or ()),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"{path}: malformed entry ({exc})") from exc
