"""Issue tagging: which disputes or topics of a dyad a sentence, paragraph and document are about.

The taxonomy is a data file per dyad (``knowledge/issues/<dyad>.yaml``); this module reads it and
applies one set of rules to every sentence (``docs/issues.md`` has the long version):

* an **alias** (a proper name such as "Dokdo" or "GSOMIA") tags the sentence on its own;
* a **cue** (a phrase such as "export curbs") tags it too, unless the issue sets
  ``require_context`` and the sentence lacks it: a dyad country in the sentence (``true``), and no
  outside country unless both dyad countries are named (``dyad``), or one dyad country in the
  sentence and the other in the paragraph so far (``both``);
* **weak cues** ("the islets", "the pact", "plaintiffs") never tag alone. They tag (a) two at a
  time, with a dyad country in the sentence and the issue's context; (b) one at a time, in a
  sentence that refers back to an issue of one of the two sentences before it in the same
  paragraph; (c) one weak phrase of two or more words that belongs to one issue only, in a
  sentence that names both dyad countries, no third one and has no issue by (a) or (b). A cue
  that lacks its context counts as a weak cue;
* **context words** ("Shimane", "East Sea" for "islands"; "memorial", "museum" for "gold mine")
  say which issue a weak cue belongs to: one weak cue and one context word of the same issue tag
  as two weak cues would (a). Context words never count on their own, with each other, as back
  references or for (c), and never hide another phrase;
* **other senses** ("Meiji Shrine", "textbook example") hide the cues they overlap.

Every phrase may name alternatives in square brackets ("military [information|intelligence]
[pact|accord]" is four phrases), and every phrase of two or more words but an alias also
matches with its last word in the plural ("girl statue" / "girl statues"). Single words are
listed in each form they take, since their -s form is often a verb ("launches", "releases"), and
plurals are never made singular, since that often changes the meaning ("the islands", "the
Koreas", "damages").

Matching runs over word tokens of the lower-cased text through dictionary lookups (one per
candidate phrase length of each token), so its cost does not grow with the size of the lists. A
phrase inside a longer phrase found in the same place is not counted. Nothing carries from one
paragraph to the next.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..config import Dyad
from ..errors import KnowledgeError

# 2: context words, [a|b] alternatives and plurals of phrases (taxonomy files of version 3).
RULE_VERSION = "issues/2"
# A back reference ("the pact", "the rulings") reaches the issues of this many sentences before it
# in the same paragraph; a chain of references carries an issue further.
ANAPHORA_WINDOW = 2

# none: no country needed; one: a dyad country in the sentence; dyad: a dyad country and no
# outside one unless both dyad countries are named; both: both dyad countries (see _context_ok).
ContextRule = Literal["none", "one", "dyad", "both"]

# Word tokens: runs of letters and digits; any other non-space character is a token of its own,
# except hyphens and dashes, which separate words like a space ("forced-labour" = "forced labour").
_TOKEN = re.compile(r"[^\W_]+|[^\w\s\-\u2010-\u2015]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"',
                         "\u201d": '"', "\uff07": "'"})


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` as written (quotes normalised)."""
    return _TOKEN.findall(text.translate(_QUOTES))


def _key(phrase: str, lower: bool = True) -> tuple[str, ...]:
    return tuple(tokens(phrase.lower() if lower else phrase))


@dataclass(frozen=True, slots=True)
class Issue:
    """One entry of a taxonomy, as read from the data file."""

    id: str
    label: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    weak_cues: tuple[str, ...] = ()
    other_senses: tuple[str, ...] = ()
    require_context: ContextRule = "none"
    context_words: tuple[str, ...] = ()
    plover_contexts: tuple[str, ...] = ()


# What a phrase is for an issue; ``OTHER`` takes the words and signals nothing; ``CONTEXT`` (kept
# in a table of its own) only backs a weak cue of its issue.
ALIAS, CUE, WEAK, CONTEXT, OTHER = "alias", "cue", "weak", "context", "other"


@dataclass(slots=True)
class Evidence:
    """The distinct phrases of one issue found in one sentence, by kind."""

    aliases: set[tuple[str, ...]] = field(default_factory=set)
    cues: set[tuple[str, ...]] = field(default_factory=set)
    weak: set[tuple[str, ...]] = field(default_factory=set)
    context: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, kind: str, phrase: tuple[str, ...]) -> None:
        {ALIAS: self.aliases, CUE: self.cues, WEAK: self.weak}[kind].add(phrase)


@dataclass(frozen=True, slots=True)
class Setting:
    """The countries around a sentence: the dyad's named in it (``here``), the dyad's named in
    its paragraph so far (``named``) and the outside countries named in it (``outside``)."""

    here: frozenset[str]
    named: frozenset[str]
    outside: frozenset[str]


@dataclass(slots=True)
class PhraseTable:
    """Phrases as token tuples → payloads."""

    entries: dict[tuple[str, ...], list[Any]] = field(default_factory=dict)
    # first token -> lengths of the phrases that start with it, longest first
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add(self, phrase: tuple[str, ...], payload: Any) -> None:
        if not phrase:
            return
        bucket = self.entries.setdefault(phrase, [])
        if payload not in bucket:
            bucket.append(payload)
        known = set(self.lengths.get(phrase[0], ())) | {len(phrase)}
        self.lengths[phrase[0]] = tuple(sorted(known, reverse=True))

    def find(self, words: Sequence[str], nested: bool = False) -> list[tuple[int, int, list[Any]]]:
        """Every phrase found, except one that lies inside a longer phrase found ("fleet review"
        inside "international fleet review") unless ``nested``. Phrases that only overlap both
        count."""
        candidates: list[tuple[int, int, list[Any]]] = []
        entries, lengths, n = self.entries, self.lengths, len(words)
        for i, word in enumerate(words):
            for length in lengths.get(word, ()):
                if i + length <= n:
                    payload = entries.get(tuple(words[i : i + length]))
                    if payload is not None:
                        candidates.append((i, i + length, payload))
        if nested or len(candidates) < 2:
            return candidates
        return [c for c in candidates
                if not any(o[0] <= c[0] and c[1] <= o[1] and o[1] - o[0] > c[1] - c[0]
                           for o in candidates)]


@dataclass(frozen=True, slots=True)
class ContextTerms:
    """Words that name a country: ``insensitive`` matched on lower-cased text, ``sensitive`` (bare
    surnames, acronyms) as written. A term of a country outside the dyad still takes its words,
    so "North Korea" is not "Korea"."""

    insensitive: Mapping[str, str]
    sensitive: Mapping[str, str] = field(default_factory=dict)


def load_taxonomy(path: str | Path) -> tuple[tuple[Issue, ...], dict[str, tuple[str, ...]]]:
    """The issues of a taxonomy file and its extra country-context terms (``context:``)."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise KnowledgeError(f"issue taxonomy {path} not found; fix the dyad's issue_file") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("issues"), list):
        raise KnowledgeError(f"{path}: expected a mapping with an 'issues' list")
    issues: list[Issue] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw["issues"], 1):
        where = f"{path}: issue #{number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise KnowledgeError(f"{where}: each issue needs an 'id' string")
        issue_id = entry["id"]
        if issue_id in seen:
            raise KnowledgeError(f"{where}: issue id {issue_id!r} is defined twice")
        seen.add(issue_id)
        issues.append(
            Issue(
                id=issue_id,
                label=str(entry.get("label") or issue_id),
                description=str(entry.get("description") or ""),
                aliases=_strings(entry, "aliases", where),
                cues=_strings(entry, "cues", where),
                weak_cues=_strings(entry, "weak_cues", where),
                other_senses=_strings(entry, "other_senses", where),
                require_context=_context_rule(entry.get("require_context", False), where),
                context_words=_strings(entry, "context_words", where),
                plover_contexts=_strings(entry, "plover_contexts", where),
            )
        )
        for key in ("aliases", "cues", "weak_cues", "other_senses", "context_words"):
            for phrase in entry.get(key) or []:
                try:
                    expand_phrase(phrase)
                except ValueError as exc:
                    raise KnowledgeError(f"{where}: {key!r} entry {phrase!r}: {exc}") from exc
    context_raw = raw.get("context") or {}
    if not isinstance(context_raw, dict):
        raise KnowledgeError(f"{path}: 'context' must map country codes to lists of words")
    context = {str(k).upper(): _strings(context_raw, k, f"{path}: context") for k in context_raw}
    return tuple(issues), context


def _strings(entry: Mapping[str, Any], key: Any, where: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _context_rule(value: Any, where: str) -> ContextRule:
    if value is False or value is None or value == "none":
        return "none"
    if value is True or value == "one":
        return "one"
    if value == "dyad":
        return "dyad"
    if value == "both":
        return "both"
    raise KnowledgeError(
        f"{where}: require_context must be true, false, 'dyad' or 'both', not {value!r}")


_RANK = {ALIAS: 0, CUE: 1, WEAK: 2}
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "on", "in", "to", "and", "for", "over", "by",
                             "with", "'", "s", "-", "&", "its", "their", "this"})
_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")


def expand_phrase(phrase: str) -> list[str]:
    """The phrases a list entry stands for: "[a|b] c" is "a c" and "b c"; an empty alternative
    drops the group ("[the |]islets"). Raises ValueError on unbalanced brackets."""
    match = _ALTERNATIVES.search(phrase)
    if match is None:
        if "[" in phrase or "]" in phrase or "|" in phrase:
            raise ValueError("unbalanced [...|...] group")
        return [" ".join(phrase.split())]
    out: list[str] = []
    for option in match.group(1).split("|"):
        out += expand_phrase(phrase[: match.start()] + option + phrase[match.end():])
    return [p for p in dict.fromkeys(out) if p]


def _plural(key: tuple[str, ...]) -> tuple[str, ...] | None:
    """A phrase of two or more words with its last word in the plural by the regular English
    rules, or None (a single word, or a last word that looks plural already)."""
    word = key[-1] if len(key) > 1 else ""
    if len(word) < 3 or not word.isalpha() or word.endswith("s"):
        return None
    if word.endswith("y") and word[-2] not in "aeiou":
        word = word[:-1] + "ies"
    elif word.endswith(("ch", "sh", "x", "z")):
        word += "es"
    else:
        word += "s"
    return key[:-1] + (word,)


def _same_word(a: str, b: str) -> bool:
    """One word in two forms: equal, or one starts with the other of four letters or more
    ("mine", "mines", "mined"; "statue", "statues")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return short == long or (len(short) >= 4 and long.startswith(short))


def _signals(phrases: Iterable[tuple[str, ...]]) -> int:
    """How many separate signals the phrases give: phrases that share a content word (in any
    form) count once ("Fukushima Daiichi" and "Fukushima", "mine" and "mines")."""
    groups: list[set[str]] = []
    for phrase in phrases:
        words = set(phrase) - _FUNCTION_WORDS
        joined = [g for g in groups if any(_same_word(a, b) for a in g for b in words)]
        for group in joined:
            groups.remove(group)
            words |= group
        groups.append(words)
    return len(groups)


def _promote_containers(table: PhraseTable) -> None:
    """A phrase that contains a stronger phrase of the same issue is that strong: the weak
    "the girl statue" must not hide the cue "girl statue" it contains."""
    for phrase, payload in table.entries.items():
        for index, (kind, n) in enumerate(payload):
            if kind == OTHER:
                continue
            best = kind
            for length in range(1, len(phrase)):
                for i in range(len(phrase) - length + 1):
                    for inner_kind, inner_n in table.entries.get(phrase[i : i + length], ()):
                        if inner_n == n and inner_kind != OTHER and _RANK[inner_kind] < _RANK[best]:
                            best = inner_kind
            payload[index] = (best, n)


def context_from_knowledge(dyad: Dyad) -> ContextTerms:
    """Country names, demonyms, capitals and seats of government of every country, and the
    people of the dyad's countries, from the actor knowledge. Institutions are left out: many of
    their names are generic ("Ministry of National Defense") and the specific ones carry a
    country word anyway."""
    from .actor_kb import knowledge_for  # the actor index is only needed to build the tagger

    kb = knowledge_for(dyad)
    dyad_countries = set(dyad.countries)
    insensitive: dict[str, str] = {}
    sensitive: dict[str, set[str]] = {}
    for alias in kb.aliases:
        entity = kb.entities[alias.entity]
        country = entity.country or ""
        if entity.kind == "country":
            # The dyad's own names match in any case (forum text is often lower-case); other
            # countries' single-word names only as written ("Turkey", "Chad", "US").
            if alias.case_sensitive and country not in dyad_countries:
                sensitive.setdefault(alias.text, set()).add(country)
            else:
                insensitive.setdefault(alias.text, country)
        elif entity.kind == "person" and country in dyad_countries:
            if alias.case_sensitive or alias.kind == "surname":
                sensitive.setdefault(alias.text, set()).add(country)
            elif alias.kind in ("name", "alias"):
                insensitive.setdefault(alias.text, country)
    # A surname that also names someone of a third country ("Kim") or of both dyad countries
    # says nothing about which country the sentence is about.
    foreign = {
        a.text for a in kb.aliases
        if a.kind == "surname" and kb.entities[a.entity].country not in dyad_countries
    }
    return ContextTerms(
        insensitive=insensitive,
        sensitive={t: next(iter(c)) for t, c in sensitive.items()
                   if len(c) == 1 and t not in foreign and len(t) > 2},
    )


class IssueTagger:
    """Tags sentences, paragraphs and documents with the issue ids of one dyad's taxonomy."""

    def __init__(
        self,
        issues: Sequence[Issue] = (),
        countries: Sequence[str] = (),
        context: ContextTerms | None = None,
        extra_context: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        self.countries: tuple[str, ...] = tuple(countries)
        self.labels: dict[str, str] = {issue.id: issue.label for issue in self.issues}
        self._order = {issue.id: n for n, issue in enumerate(self.issues)}
        self._phrases = PhraseTable()
        # Context words sit in a table of their own, so that they never hide a phrase of
        # another issue ("Japanese firms" backs forced labour; "firms" still counts for trade).
        self._topics = PhraseTable()
        # Phrases as written, then the plural of their last word where the issue does not list
        # that form itself ("the ruling" and "the rulings" may differ in kind). Aliases are
        # names and fixed terms: they match as written.
        for n, issue in enumerate(self.issues):
            listed: set[tuple[str, ...]] = set()
            variants: list[tuple[tuple[str, ...], str]] = []
            for kind, phrases in ((OTHER, issue.other_senses), (ALIAS, issue.aliases),
                                  (CUE, issue.cues), (WEAK, issue.weak_cues),
                                  (CONTEXT, issue.context_words)):
                for phrase in phrases:
                    for key in map(_key, expand_phrase(phrase)):
                        self._table(kind).add(key, (kind, n))
                        listed.add(key)
                        plural = _plural(key) if kind != ALIAS else None
                        if plural is not None:
                            variants.append((plural, kind))
            for key, kind in variants:
                if key not in listed:
                    self._table(kind).add(key, (kind, n))
        _promote_containers(self._phrases)
        # Weak phrases that may stand for their issue in a sentence about the pair alone: two or
        # more words, and listed under one issue only ("the ruling" may be two cases).
        self._pair_phrases = frozenset(
            key for key, payload in self._phrases.entries.items()
            if len(key) > 1 and any(kind == WEAK for kind, _ in payload)
            and len({n for kind, n in payload if kind not in (OTHER, CONTEXT)}) == 1
        )
        self._context = PhraseTable()
        self._context_cased = PhraseTable()
        terms = context or ContextTerms(insensitive={})
        for text, country in terms.insensitive.items():
            self._context.add(_key(text), country)
        for text, country in terms.sensitive.items():
            self._context_cased.add(_key(text, lower=False), country)
        for country, words in (extra_context or {}).items():
            for text in words:
                self._context.add(_key(text), country)

    def _table(self, kind: str) -> PhraseTable:
        return self._topics if kind == CONTEXT else self._phrases

    @classmethod
    def from_dyad(cls, dyad: Dyad) -> IssueTagger:
        """The tagger of a dyad's taxonomy file; with no file it tags nothing."""
        if dyad.issue_file is None:
            return cls(countries=dyad.countries)
        issues, extra = load_taxonomy(dyad.issue_file)
        return cls(issues, dyad.countries, context_from_knowledge(dyad), extra)

    @classmethod
    def from_file(cls, path: str | Path, countries: Sequence[str],
                  context: ContextTerms | None = None) -> IssueTagger:
        """A tagger from a taxonomy file alone (country context from its ``context:`` block)."""
        issues, extra = load_taxonomy(path)
        return cls(issues, countries, context, extra)

    # -- sentences and paragraphs -------------------------------------------------------------

    def countries_in(self, text: str) -> frozenset[str]:
        """The dyad countries the text names (name, demonym, capital, person, place...)."""
        words = tokens(text)
        return self._named(words, [w.lower() for w in words]) & frozenset(self.countries)

    def _named(self, words: Sequence[str], lowered: Sequence[str]) -> frozenset[str]:
        """Every country the words name (those outside the dyad only from country names)."""
        found: set[str] = set()
        for _, _, payload in self._context.find(lowered):
            found.update(payload)
        for _, _, payload in self._context_cased.find(words):
            found.update(payload)
        found.discard("")
        return frozenset(found)

    def tag_paragraph(self, sentences: Sequence[str]) -> list[tuple[str, ...]]:
        """Issue ids of each sentence of ONE paragraph, in taxonomy order."""
        out: list[tuple[str, ...]] = []
        recent: list[set[int]] = []  # issues of the last sentences, for back references
        named: set[str] = set()  # dyad countries named so far in this paragraph
        dyad = frozenset(self.countries)
        for sentence in sentences:
            words = tokens(sentence)
            lowered = [w.lower() for w in words]
            countries = self._named(words, lowered)
            named |= countries & dyad
            where = Setting(countries & dyad, frozenset(named), countries - dyad)
            evidence = self._evidence(lowered)
            active = set().union(*recent[-ANAPHORA_WINDOW:])
            tagged = {n for n, ev in evidence.items() if self._strong(self.issues[n], ev, where)}
            tagged |= {n for n, ev in evidence.items()
                       if n not in tagged and self._weak(self.issues[n], ev, where, n in active)}
            # A sentence that names both countries and no third one, and has no issue from the
            # rules above, is about the pair itself: a weak phrase of two or more words that
            # belongs to one issue ("the islets", "the 2015 deal", "court rulings") is then the
            # pair's matter. Not for an issue that asks for both countries anyway; single words
            # ("launch") are too common.
            if not tagged and dyad <= where.here and not where.outside:
                tagged = {n for n, ev in evidence.items()
                          if self.issues[n].require_context != "both"
                          and not ev.weak.isdisjoint(self._pair_phrases)}
            recent.append(tagged)
            out.append(tuple(self.issues[n].id for n in sorted(tagged)))
        return out

    def tag_sentence(self, sentence: str) -> tuple[str, ...]:
        """Issue ids of one sentence read on its own (a one-sentence paragraph)."""
        return self.tag_paragraph([sentence])[0]

    def _evidence(self, lowered: Sequence[str]) -> dict[int, Evidence]:
        evidence: dict[int, Evidence] = {}
        found = self._phrases.find(lowered)
        hidden = [(start, end) for start, end, payload in found
                  if any(kind == OTHER for kind, _ in payload)]
        for start, end, payload in found:
            if any(h_start < end and start < h_end for h_start, h_end in hidden):
                continue  # the words belong to another sense ("Meiji Shrine")
            phrase = tuple(lowered[start:end])
            for kind, n in payload:
                evidence.setdefault(n, Evidence()).add(kind, phrase)
        # All context words found count, nested or not: they only back phrases already found.
        for start, end, payload in self._topics.find(lowered, nested=True):
            if any(h_start < end and start < h_end for h_start, h_end in hidden):
                continue
            for _, n in payload:
                if n in evidence:  # a context word only backs a phrase of its own issue
                    evidence[n].context.add(tuple(lowered[start:end]))
        return evidence

    def _strong(self, issue: Issue, ev: Evidence, where: Setting) -> bool:
        return bool(ev.aliases) or (bool(ev.cues)
                                    and self._context_ok(issue.require_context, where))

    def _weak(self, issue: Issue, ev: Evidence, where: Setting, active: bool) -> bool:
        # A cue without its context counts as a weak cue; phrases that share a word are one
        # signal ("Fukushima Daiichi" and "Fukushima").
        weak = _signals(ev.weak | ev.cues)
        if active and weak >= 1:
            return True  # a back reference to the issue of a recent sentence
        # Two weak cues, or one and a context word of the issue ("islands" and "Shimane").
        backed = weak == 1 and _signals(ev.weak | ev.cues | ev.context) >= 2
        return (weak >= 2 or backed) and bool(where.here) and self._context_ok(
            issue.require_context, where)

    def _context_ok(self, rule: ContextRule, where: Setting) -> bool:
        if rule == "none":
            return True
        if not where.here:
            return False
        pair = set(self.countries)
        if rule == "dyad":
            return not where.outside or pair <= where.here
        if rule == "both":
            return pair <= where.named
        return True

    # -- documents ----------------------------------------------------------------------------

    def document_issues(
        self, sentence_issues: Sequence[tuple[str, ...]], title: str | None = None
    ) -> tuple[str, ...]:
        """The issues a document is about (taxonomy order).

        An issue is salient when the title carries it, when it is among the issues of the lead
        (the first three sentences), or when it recurs: tagged in at least
        ``min(3, ceil(n / 15))`` sentences of a document of ``n`` sentences. A short text needs one
        sentence, a long one needs three, so a passing mention in a long page does not count.
        """
        n = len(sentence_issues)
        counts: dict[str, int] = {}
        for issues in sentence_issues:
            for issue_id in issues:
                counts[issue_id] = counts.get(issue_id, 0) + 1
        needed = min(3, max(1, math.ceil(n / 15)))
        salient = {i for i, c in counts.items() if c >= needed}
        for issues in sentence_issues[:3]:
            salient.update(issues)
        if title:
            salient.update(self.tag_sentence(title))
        return self.in_order(salient)

    def in_order(self, issue_ids: Iterable[str]) -> tuple[str, ...]:
        """Known issue ids in taxonomy order (unknown ids are dropped)."""
        known = {i for i in issue_ids if i in self._order}
        return tuple(sorted(known, key=self._order.__getitem__))

    @property
    def rule(self) -> str:
        """Name and version of the rule, for provenance."""
        return RULE_VERSION
