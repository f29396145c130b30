"""Actor resolution in parsed text: which country, sector and entity does a noun phrase name?

The matcher finds every alias from the knowledge files in a spaCy ``Doc`` once per document; the
resolver then reads a noun phrase (the subtree of a head token) and combines what it finds: a person
("Kishida") beats an institution ("the foreign ministry"), which beats a country word ("Japanese").
Pronouns, role nouns ("the Japanese premier", "its ambassador in Seoul", "his South Korean
counterpart") and reciprocal phrases ("the two ministers") are resolved from the document context
and the date. Sectors depend on the date too: the office a person holds then (a defence minister
is MIL), whether a party is in opposition, and what a country does (firing missiles is MIL).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Span, Token

from ..models import ActorRef
from .actor_kb import ActorKnowledge, Entity

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Offices whose holder a bare surname most likely names.
TOP_ROLES = frozenset({"president", "prime_minister", "supreme_leader", "emperor", "premier",
                       "monarch", "chancellor",
                       "general_secretary"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "it"})
# Country names, capitals and demonyms that are also ordinary lower-case words.
COMMON_WORD_NAMES = frozenset({"turkey", "chad", "jordan", "georgia", "guinea", "male", "victoria",
                               "kingston", "nice", "sucre", "bern", "us", "la", "san", "panama",
                               "french", "dutch", "swiss", "english", "polish", "danish", "chile"})
# Surnames that are also ordinary lower-case words: never a leader in informal writing.
# Two-letter forms never taken for a lower-case surname in informal text: ordinary words, and
# romanised syllables common enough to mislead ("li", "ma"); "xi" and "hu" do count
SHORT_WORDS = frozenset({"an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it",
                         "me", "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us",
                         "we", "li", "ma", "ha", "ho", "oi"})
COMMON_WORD_SURNAMES = frozenset({"moon", "park", "young", "song", "ban", "may", "bush", "brown",
                                  "rice", "page", "long", "king", "trump"})
# Plural names of a divided nation: both states at once.
DIVIDED_NATIONS = {"koreas": ("KOR", "PRK")}
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
# A country acting by weapons is its military ("North Korea fired a missile", "the North
# tested"); saying or announcing the same is its government.
FIRING_VERBS = frozenset({"fire", "shell", "bomb", "bombard", "shoot", "detonate", "test-fire"})
LAUNCHING_VERBS = frozenset({"launch", "test", "send", "conduct", "carry", "fly"})
WEAPON_NOUNS = frozenset({"missile", "rocket", "projectile", "shell", "bomb", "warhead", "icbm",
                          "slbm", "torpedo", "artillery", "salvo", "barrage"})
WEAPON_TESTS = frozenset({"nuclear", "missile", "weapon", "weapons", "rocket", "atomic"})
# Verbs of a newspaper at work: "Asahi reported" is the paper, "buying Asahi" the brewer.
REPORTING_VERBS = frozenset({"report", "say", "write", "quote", "cite", "reveal", "publish",
                             "claim", "carry", "editorialize", "editorialise", "poll", "survey"})
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "any", "some", "each", "every"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "to", "from", "into", "over",
                         "across", "off"})
# People who serve someone: "an adviser to Abe" is on Abe's side (not "ambassador to Japan")
ADVISER_NOUNS = frozenset({"adviser", "advisor", "aide", "confidant", "spokesman",
                           "spokeswoman", "spokesperson", "secretary", "assistant"})
# Adjectives a surname can carry and still name the person ("the late Kim", "former Abe")
PERSON_ADJECTIVES = frozenset({"late", "former", "young", "elder", "younger", "then", "new",
                               "old", "veteran", "embattled", "ailing"})
# Craft named again by a common noun ("the vessel"), and the people aboard ("its crew")
CRAFT_NOUNS = frozenset({"vessel", "boat", "ship", "trawler", "freighter", "ferry", "tanker",
                         "plane", "aircraft", "jet", "submarine", "destroyer", "warship",
                         "yacht", "airliner", "helicopter", "drone", "cutter"})
CREW_NOUNS = frozenset({"crew", "crewman", "crewmen", "captain", "sailor", "skipper",
                        "passenger", "fisherman", "pilot"})
# What a government's own statement calls itself ("The Government", "the Ministry").
ISSUER_HEADS = frozenset({"government", "ministry", "cabinet", "administration"})
# Countries whose national legislature is called Congress (or whose lower house is the Congress
# of Deputies), besides the United States: the names of the legislatures, from each country's
# constitution as summarised in Wikipedia's "List of legislatures by country" (not India, where
# "Congress" is the party).
CONGRESS_COUNTRIES = frozenset({"ARG", "BRA", "CHL", "COL", "DOM", "ESP", "FSM", "GTM", "HND",
                                "MEX", "PER", "PHL", "PRY"})
GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6}


def _group_of(head: Token, words: Collection[str], hits: dict[int, Hit],
              ctx: DocContext) -> tuple[str, ...]:
    """The countries "the three leaders" stand for: those of the people and countries named
    before in the sentence when they are that many, else those of the last event among that
    many; nothing when neither fits."""
    size = next((GROUP_SIZES[w] for w in words if w in GROUP_SIZES), None)
    if size is None:
        return ()
    named = _countries_named_before(head, hits, {"person", "country"})
    group = named if len(named) == size else ctx.last_group
    return group if len(group) == size else ()


def _countries_named_before(head: Token, hits: dict[int, Hit], kinds: set[str]
                            ) -> tuple[str, ...]:
    """The countries of the people (or countries) the sentence names before ``head``."""
    return tuple(dict.fromkeys(
        h.entity.country for i, h in sorted(hits.items())
        if head.sent.start <= i < head.i and h.entity.kind in kinds and h.entity.country))
RECIPROCAL_HEADS = frozenset(
    {
        "ministers",
        "leaders",
        "countries",
        "sides",
        "nations",
        "governments",
        "neighbours",
        "neighbors",
        "presidents",
        "premiers",
        "allies",
        "foes",
        "delegations",
        "officials",
        "diplomats",
        "parties",
        "heads",
        "envoys",
        "capitals",
        "navies",
        "militaries",
        "armies",
        "states",
    }
)
# Noun-phrase children whose subtree does not name the actor ("officials who met ...").
_NP_STOP_DEPS = frozenset(
    {
        "relcl",
        "acl",
        "advcl",
        "ccomp",
        "xcomp",
        "conj",
        "cc",
        "punct",
        "advmod",
        "det",
        "nummod",
        "quantmod",
        "npadvmod",
    }
)
_NP_PREPS = frozenset({"of", "from", "in", "at", "for"})
DIPLOMATIC_MISSIONS = frozenset({"embassy", "consulate", "legation", "mission"})


def _place(taken: dict[int, Hit], hit: Hit) -> None:
    for i in range(hit.start, hit.end):
        taken[i] = hit


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # token index
    end: int
    entity: Entity
    kind: str
    # Other entities the same words name ("Asahi": the brewer or the newspaper).
    alternatives: tuple[Entity, ...] = ()


@dataclass(slots=True)
class DocContext:
    """What earlier sentences of the same document have established."""

    date: dt.date | None = None
    seen_entities: set[str] = field(default_factory=set)
    last_person: ActorRef | None = None
    last_actors: tuple[ActorRef, ...] = ()
    last_pair: tuple[str, ...] = ()
    # The countries of the last event among three or more ("the three leaders agreed …")
    last_group: tuple[str, ...] = ()
    # The sides of the last meeting or agreement and where its sentence starts: "Noda met Lee
    # …, and the pair agreed" (not the sides of an arrest: "two Chinese were detained, and the
    # pair accused the police …")
    meeting_sides: tuple[str, ...] = ()
    meeting_sentence: int = -1
    default_countries: tuple[str, ...] = ()
    # A government statement's issuer ("The Government expresses regret …", "our military")
    issuer: str | None = None
    # Forum posts and comments: country names may be written in lower case ("japan complains")
    informal: bool = False
    # The events of the previous sentence (the coder's CodedEvent records): "North Korea fired a
    # missile on Sunday. Japan protested." — whom a reaction answers.
    previous_events: tuple[object, ...] = ()

    def note(self, refs: tuple[ActorRef, ...]) -> None:
        if not refs:
            return
        self.last_actors = refs
        self.note_countries(refs)
        for ref in refs:
            if ref.entity:
                self.seen_entities.add(ref.entity)
            if ref.role:  # someone holding an office: "he", "the minister" may follow
                self.last_person = ref

    def note_countries(self, refs: Iterable[ActorRef]) -> None:
        """The countries of an event among two ("the two agreed …") or more ("the three
        leaders agreed …")."""
        countries = tuple(dict.fromkeys(r.country for r in refs if r.country))
        if len(countries) == 2:
            self.last_pair = countries
        elif len(countries) > 2:
            self.last_group = countries

    def note_meeting(self, refs: Iterable[ActorRef], sentence_start: int) -> None:
        """The sides of a meeting or agreement, for "the pair" later in the same sentence."""
        sides = tuple(dict.fromkeys(r.country for r in refs if r.country))
        if len(sides) >= 2:
            self.meeting_sides, self.meeting_sentence = sides, sentence_start

    def two_countries(self) -> tuple[str, ...]:
        """"The two ministers": the two countries of the last two-sided event, else the dyad."""
        return self.last_pair or self.default_countries


@dataclass(frozen=True, slots=True)
class _Frame:
    """The noun phrase being resolved and what it is resolved against."""

    head: Token
    tokens: list[Token]
    hits: dict[int, Hit]
    ctx: DocContext
    when: dt.date | None
    depth: int = 0  # how many antecedents deep ("his counterpart" -> the clause's subject)


RETIRED_DAYS = 8 * 365  # a surname names a politician out of office this long ago no more


def _days_from(entity: Entity, when: dt.date) -> int:
    """Days between ``when`` and the nearest day on which the entity held one of its roles."""
    gaps = []
    for role in entity.roles:
        if role.active(when):
            return 0
        if role.start is not None and when < role.start:
            gaps.append((role.start - when).days)
        if role.end is not None and when > role.end:
            gaps.append((when - role.end).days)
    return min(gaps, default=1 << 30)


class ActorResolver:
    """Finds alias hits in a document and resolves noun phrases to ``ActorRef`` records."""

    def __init__(self, kb: ActorKnowledge, nlp: Language) -> None:
        self.kb = kb
        _keep_hyphenated_names(nlp, kb)
        # country -> the top offices the knowledge lists for it (Japan: no president)
        self._top_offices: dict[str, frozenset[str]] = {}
        for country, role in kb.holders:
            if role in TOP_ROLES:
                self._top_offices[country] = self._top_offices.get(country, frozenset()) | {role}
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        labels = [f"{a.kind}|{a.entity}" for a in self.kb.aliases]
        texts = [a.text for a in self.kb.aliases]
        exact: dict[str, list[Doc]] = {}
        lower: dict[str, list[Doc]] = {}
        # The tokenizer alone (no tagger/parser) turns each alias into the tokens the matcher
        # will see in running text. It splits some forms differently once lower-cased ("U.S."
        # is one token, "u.s." two), so an alias matched in any case is tokenised as written.
        for alias, label, pattern in zip(
            self.kb.aliases, labels, nlp.tokenizer.pipe(texts), strict=True
        ):
            target = exact if alias.case_sensitive else lower
            target.setdefault(label, []).append(pattern)
            if alias.case_sensitive and alias.text.upper() != alias.text:
                target[label].append(nlp.make_doc(alias.text.upper()))  # headlines in capitals
            if alias.case_sensitive and alias.text.startswith("the "):
                target[label].append(nlp.make_doc("The" + alias.text[3:]))  # sentence start
        for label, docs in exact.items():
            self._exact.add(label, docs)
        for label, docs in lower.items():
            self._lower.add(label, docs)
        # Country names of several words, by lower-cased text: "North and South Korea" names
        # North Korea through the shared last word.
        self._country_names: dict[str, Entity] = {
            a.text.lower(): self.kb.entities[a.entity] for a in self.kb.aliases
            if self.kb.entities[a.entity].kind == "country" and a.kind in {"name", "alias"}
            and " " in a.text}
        # Cities listed only as "X City" because X is also a surname or a company ("Sakai
        # City", "Kawasaki City"): the bare X is the city where a phrase places something in
        # it ("a court in Sakai").
        self._city_stems: dict[str, Entity] = {
            e.name[:-5]: e for e in self.kb.entities.values()
            if e.kind == "place" and e.name.endswith(" City") and " " not in e.name[:-5]}
        # Informal writing: one-word names of states, capitals and peoples in lower case
        # ("japan", "seoul"), except those that are also ordinary words ("turkey", "chad").
        # Multi-word names ("south korea") match in any case already; "the North" does not
        # become "the north"
        self._informal = PhraseMatcher(nlp.vocab, attr="ORTH")
        for alias, label in zip(self.kb.aliases, labels, strict=True):
            entity = self.kb.entities[alias.entity]
            text = alias.text.lower()
            if alias.case_sensitive and entity.kind == "country" and alias.kind in {
                    "name", "alias", "demonym", "capital"} and text not in COMMON_WORD_NAMES \
                    and text.isalpha():
                self._informal.add(label, [nlp.make_doc(text)])
            elif alias.kind == "surname" and entity.kind == "person" and text.isalpha() \
                    and (len(text) > 2 or text not in SHORT_WORDS):
                # "ishiba finally puts out his message": a sitting leader's surname
                self._informal.add(label, [nlp.make_doc(text)])

    # -- matching ---------------------------------------------------------------------------
    def find_hits(self, doc: Doc, ctx: DocContext | None = None) -> dict[int, Hit]:
        """Map each token index to the longest alias hit covering it. A bare surname is kept
        only when the document or the date singles out one person ("Kishida" after "Fumio
        Kishida", "President Moon" in 2019)."""
        raw: list[tuple[int, int, str]] = []
        matchers = (self._exact, self._lower) + ((self._informal,) if ctx and ctx.informal
                                                 else ())
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                raw.append((start, end, doc.vocab.strings[match_id]))
        raw.sort(key=lambda m: (-(m[1] - m[0]), _kind_rank(m[2].split("|", 1)[0]), m[0]))
        named = self._countries_named(doc, raw) if any(
            label.startswith("shared|") for _, _, label in raw) else {}
        taken: dict[int, Hit] = {}
        surnames: dict[tuple[int, int], list[Entity]] = {}
        alternatives: dict[tuple[int, int], list[Entity]] = {}
        for start, end, label in raw:
            kind, key = label.split("|", 1)
            entity = self.kb.entities[key]
            if kind == "surname":
                surnames.setdefault((start, end), []).append(entity)
                continue
            if _cut_name(doc, start, end) or _stance_prefix(doc, start):
                continue
            if kind == "shared" and not self._shared_name_holds(
                    entity, named.get(doc[start].sent.start), ctx):
                continue  # "Polish women rallied against the Constitutional Court"
            placed = taken.get(start)
            if placed is not None and (placed.start, placed.end) == (start, end) \
                    and placed.entity.key != entity.key and placed.entity.kind == entity.kind \
                    and entity.kind == "institution":
                alternatives.setdefault((start, end), []).append(entity)
                continue
            if any(i in taken for i in range(start, end)):
                continue
            _place(taken, Hit(start, end, entity, kind))
        for (start, _), others in alternatives.items():
            hit = taken[start]
            _place(taken, replace(hit, alternatives=tuple(dict.fromkeys(others))))
        for hit in list(taken.values()):
            self._elided_country(doc, hit, taken)
        for token in doc:
            # (the cheap flag first: most words are not capitalised)
            if token.is_title and (city := self._city_stems.get(token.text)) is not None \
                    and token.i not in taken and token.dep_ == "pobj" \
                    and token.head.lower_ in {"in", "at"} \
                    and not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "city"):
                _place(taken, Hit(token.i, token.i + 1, city, "place"))  # "a court in Sakai"
        # A full name elsewhere in the same paragraph singles out its surname ("Fumio Kishida
        # ... Kishida said").
        named_here = {h.entity.name for h in taken.values() if h.entity.kind == "person"}
        for (start, end), candidates in sorted(surnames.items()):
            if any(i in taken for i in range(start, end)):
                continue
            title = taken.get(start - 1)
            title_roles = {r.role for r in title.entity.roles} if title and title.kind == "role" \
                else set()
            word = doc[start]
            if end - start == 1 and title is None and word.ent_type_ in {"GPE", "LOC"} \
                    and word.dep_ == "pobj" and word.head.lower_ in {
                        "in", "at", "near", "inside", "outside", "across"}:
                continue  # "a rally in Lagos": the city, not Ricardo Lagos
            chosen = self._pick_surname(doc, start, end, candidates, ctx, title_roles,
                                        named_here)
            if chosen is not None:
                _place(taken, Hit(start, end, chosen, "surname"))
        return taken

    @staticmethod
    def _shared_name_holds(entity: Entity, named: tuple[set[str], set[str]] | None,
                           ctx: DocContext | None) -> bool:
        """A name other countries' bodies carry too names the file's body unless the sentence
        places itself in other countries (by a demonym, a city or a person: "Polish women",
        "in Islamabad") and names neither the body's country nor, for a body of the dyad, one
        of the dyad. Country names alone ("condemned Russia's invasion") do not count."""
        countries, placed = named or (set(), set())
        if not placed or entity.country in countries:
            return True
        home = set(ctx.default_countries) if ctx else set()
        return entity.country in home and not placed.isdisjoint(home)

    def _countries_named(self, doc: Doc, raw: list[tuple[int, int, str]]
                         ) -> dict[int, tuple[set[str], set[str]]]:
        """Per sentence (keyed by its first token): the countries it names by a country,
        person or institution, and those it is placed in by a demonym, a city or a person.
        A match inside a longer one ("Korea" in "North Korea") does not count."""
        nested: set[tuple[int, int]] = set()
        reach = -1
        for start, end in sorted({(s, e) for s, e, _ in raw}, key=lambda m: (m[0], -m[1])):
            if reach >= end:
                nested.add((start, end))  # an earlier, longer match covers it
            reach = max(reach, end)
        named: dict[int, tuple[set[str], set[str]]] = {}
        for start, end, label in raw:
            kind, key = label.split("|", 1)
            entity = self.kb.entities[key]
            if kind in {"shared", "surname", "agent", "role"} or entity.country is None \
                    or entity.kind not in {"country", "person", "institution", "place"} \
                    or (start, end) in nested:
                continue
            countries, placed = named.setdefault(doc[start].sent.start, (set(), set()))
            countries.add(entity.country)
            if kind in {"demonym", "capital", "seat"} or entity.kind in {"person", "place"}:
                placed.add(entity.country)
        return named

    def _elided_country(self, doc: Doc, hit: Hit, taken: dict[int, Hit]) -> None:
        """"North and South Korea", "East and West Germany": the word before "and" names a
        second country with the rest of the name that follows."""
        start = hit.start
        if hit.entity.kind != "country" or hit.end - start < 2 or start < 2 \
                or doc[start - 1].lower_ not in {"and", "&", "or"} or start - 2 in taken:
            return
        first = doc[start - 2]
        rest = doc[start + 1:hit.end].text.lower()
        entity = self._country_names.get(f"{first.lower_} {rest}")
        if entity is not None and entity.key != hit.entity.key:
            _place(taken, Hit(start - 2, start - 1, entity, "name"))

    def _pick_surname(self, doc: Doc, start: int, end: int, candidates: list[Entity],
                      ctx: DocContext | None, title_roles: set[str],
                      named_here: Collection[str] = ()) -> Entity | None:
        token = doc[start]
        if ctx is not None and ctx.informal and token.text.islower():
            # lower case in a forum post: only the one head of state or government of that
            # name in office on the day ("moon met abe"; not "the moon", "moon landing")
            if token.lower_ in COMMON_WORD_SURNAMES and (
                    token.pos_ not in {"PROPN", "NOUN"} or token.dep_ not in {
                        "nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss", "compound"}):
                return None  # ("trump will trump japan": the verb is no one; but the parser
                # of lower-case text may take "yoon" for an adverb or "ishiba" for the root)
            if token.lower_ in COMMON_WORD_SURNAMES and (
                    any(c.dep_ in {"det", "poss", "amod"} for c in token.children)
                    or token.dep_ not in {"nsubj", "nsubjpass", "poss"}):
                return None
            leaders = [e for e in candidates if e.key not in self.kb.background
                       and TOP_ROLES & {r.role for r in e.roles_at(ctx.date)}]
            return leaders[0] if len(leaders) == 1 else None
        if not token.text[:1].isupper() or token.ent_type_ in {"DATE", "TIME"}:
            return None  # (not "May" in "between May 23 and 25")
        # A different given name next to the surname ("Kang Kyung-wha" when only "Kang Sok Ju"
        # is known, "Yohei Kono" vs "Taro Kono", "Park Chung-hee" beside "Park Geun-hye") means
        # another person.
        after = doc[end] if end < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
            return None
        if before is not None and before.dep_ == "amod" and before.lower_ not in \
                PERSON_ADJECTIVES and (before.head.i == token.i or token.dep_ == "compound"
                                       and before.head.i == token.head.i):
            return None  # "the Rising Sun flag": not Mr Sun
        when = ctx.date if ctx is not None else None
        if title_roles and when is not None:
            # "Defence Minister Koizumi" in 2025: the Koizumi holding that office then, even
            # with his father named in the same sentence
            office = [e for e in candidates if title_roles & {r.role for r in e.roles_at(when)}]
            if len(office) == 1:
                return office[0]
        earlier = [e for e in candidates if e.name in named_here]
        if len(earlier) == 1:
            return earlier[0]
        titled = before is not None and before.lower_ in self.kb.honorifics
        if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() \
                and not titled and before.lower_ not in self.kb.honorifics:
            return None
        if ctx is not None:
            seen = [e for e in candidates if e.name in ctx.seen_entities]
            if len(seen) == 1:
                return seen[0]
        # with nothing in the document to settle it, the dyad's own people come before the
        # world-coverage files ("Lee" in Korean news)
        candidates = [e for e in candidates if e.key not in self.kb.background] or candidates
        if ctx is not None:
            active = [e for e in candidates if e.roles_at(ctx.date)]
            if title_roles and len(active) > 1:
                # "President Moon" in 2019: the Moon who was president then
                active = [e for e in active if title_roles & {r.role for r in e.roles_at(ctx.date)}]
            if len(active) > 1 and not titled:
                # A bare "Moon" in 2019 news is the president, not the speaker of parliament.
                leaders = [e for e in active
                           if TOP_ROLES & {r.role for r in e.roles_at(ctx.date)}]
                active = leaders if len(leaders) == 1 else active
            if len(active) == 1 and (titled or token.ent_type_ == "PERSON"
                                     or token.pos_ == "PROPN" or len(candidates) == 1):
                return active[0]
        # A surname only one known person carries ("Ishiba", "Kishida") names that person.
        if len(candidates) == 1 and (titled or token.ent_type_ == "PERSON"
                                     or (token.pos_ == "PROPN" and candidates[0].roles)):
            return candidates[0]
        if when is not None and len({e.country for e in candidates}) == 1 and min(
                _days_from(e, when) for e in candidates) <= RETIRED_DAYS and all(
                e.roles for e in candidates) and (titled or token.ent_type_ == "PERSON"
                                                  or token.pos_ == "PROPN"):
            # "Abe" in 2004 when neither Abe of the file held office that day: one country
            # either way; the one whose offices lie nearest in time
            return min(candidates, key=lambda e: _days_from(e, when))
        return None

    # -- resolution -------------------------------------------------------------------------
    def resolve(
        self, head: Token, hits: dict[int, Hit], ctx: DocContext, when: dt.date | None = None,
        as_actor: bool = False, depth: int = 0,
    ) -> tuple[ActorRef, ...]:
        """The actors named by the noun phrase headed by ``head`` (conjuncts excluded).
        ``depth`` counts antecedent look-ups ("his counterpart" resolves the clause's subject)."""
        when = when or ctx.date
        lower = head.lower_
        if lower in PERSON_PRONOUNS and ctx.last_person is not None:
            return (_with_text(ctx.last_person, head),)
        titled = head if head.lower_ in HEADING_NOUNS else None
        head = semantic_head(head)
        pair = DIVIDED_NATIONS.get(head.lower_)
        if pair is not None:  # "the two Koreas", "both Koreas"
            return tuple(ActorRef(text=head.text, country=code, sector="GOV", start=head.idx,
                                  end=head.idx + len(head.text)) for code in pair)
        tokens = _np_tokens(head)
        found = [h for h in _hits_in(tokens, hits) if not _venue(head, h)]
        owned = _possessor_hits(head, found)
        if owned:
            found = owned  # "Nippon Steel's purchase of US Steel": the buyer's
        modifiers = {c.lower_ for c in head.children}
        # "the two ministers", "both sides" — but not "two other ministers"
        reciprocal = head.lower_ in RECIPROCAL_HEADS and "other" not in modifiers and (
            bool({"two", "both"} & modifiers) or bool(_group_of(head, modifiers, hits, ctx)))
        if reciprocal and not any(h.entity.kind in {"country", "person"} for h in found):
            found = []
        owner = _agent_possessor(head, found)
        owned_refs = self.resolve(owner, hits, ctx, when, as_actor, depth) if owner else ()
        if owned_refs and (not as_actor or any(r.country for r in owned_refs)):
            # "the government's plan", "the Constitutional Tribunal's ruling": whoever the
            # possessor is, found as if it stood alone
            span = _np_span(head, tokens)
            return tuple(replace(r, text=span.text, start=span.start_char, end=span.end_char)
                         for r in owned_refs)
        frame = _Frame(head, tokens, hits, ctx, when, depth)
        if not found:
            refs = self._resolve_contextual(head, tokens, ctx, hits)
        else:
            refs = self._combine(frame, found, as_actor)
        span = _np_span(head, tokens)
        if titled is not None and titled.i != head.i:
            # "the head of the IAEA" acts for the agency and is quoted whole
            span = _np_span(titled, _np_tokens(titled))
            return tuple(replace(r, text=span.text, start=span.start_char, end=span.end_char)
                         for r in refs)
        return tuple(replace(r, start=span.start_char, end=span.end_char) for r in refs)

    def unresolved(self, head: Token) -> ActorRef:
        """An actor the knowledge does not cover, kept with its text (and GOV when titled)."""
        tokens = _np_tokens(head)
        span = _np_span(head, tokens)
        titled = any(t.lower_ in self.kb.honorifics for t in tokens)
        return ActorRef(text=span.text, sector="GOV" if titled else None,
                        start=span.start_char, end=span.end_char)

    def person_ref(self, entity: Entity, text: str, when: dt.date | None) -> ActorRef:
        """A known person as an actor on ``when``: the country and sector of the office held
        then ("Taro Kono" as defence minister is MIL; an IAEA head acts for no country)."""
        roles = entity.roles_at(when)
        return ActorRef(text=text, country=self.kb.country_at(entity, when),
                        sector=self.kb.sector_at(entity, when) or "GOV", entity=entity.name,
                        role=roles[0].role if roles else None)

    def _resolve_contextual(
        self, head: Token, tokens: list[Token], ctx: DocContext, hits: dict[int, Hit]
    ) -> tuple[ActorRef, ...]:
        words = {t.lower_ for t in tokens} | {c.lower_ for c in head.children}
        if head.lower_ in RECIPROCAL_HEADS and ({"two", "both"} & words) and "other" not in words:
            return tuple(ActorRef(text=_span_text(head, tokens), country=c, sector="GOV")
                         for c in _two_sides(head, hits, ctx))
        group = _group_of(head, words, hits, ctx)
        if head.lower_ in RECIPROCAL_HEADS and group and "other" not in words:
            # "Abe and Li joined Park in Seoul …, and the three leaders agreed …"
            return tuple(ActorRef(text=_span_text(head, tokens), country=c, sector="GOV")
                         for c in group)
        if head.lower_ in {"both", "two"} and head.dep_ in {"nsubj", "nsubjpass"} and (
                head.lower_ == "both" or "the" in words):  # "both", "the two agreed"
            return tuple(ActorRef(text="both", country=c, sector="GOV")
                         for c in _two_sides(head, hits, ctx))
        if head.lower_ in {"pair", "duo", "trio"} and "the" in words and "other" not in words:
            # "Noda met Lee …, and the pair agreed to …": the sides of a meeting or agreement
            # told before in the same sentence (never the dyad by default, nor the sides of
            # an arrest: "the pair" may be two detained journalists)
            size = 3 if head.lower_ == "trio" else 2
            sides = ctx.meeting_sides if ctx.meeting_sentence == head.sent.start else ()
            if size == 3 and len(sides) != 3:
                # ("Li and Moon joined their host, Abe, …, and the trio …": three leaders named)
                sides = _countries_named_before(head, hits, {"person"})
            return tuple(ActorRef(text=_span_text(head, tokens), country=c, sector="GOV")
                         for c in (sides if len(sides) == size else ()))
        if head.lower_ in GROUP_SIZES and head.dep_ in {"nsubj", "nsubjpass"} and "the" in words \
                and group:  # "… hosted his two counterparts, and the three agreed"
            return tuple(ActorRef(text=head.text, country=c, sector="GOV") for c in group)
        if _refers_to_craft(head):
            # "fired on a Japanese crab boat, seized the vessel and detained its crew"
            country = _earlier_craft_country(head, hits)
            if country is not None:
                return (ActorRef(text=_span_text(head, tokens), country=country),)
        if _definite_common(head):
            # "attacked Russian border guards …, and the guards detained …"
            country = _earlier_noun_country(head, hits, frozenset({head.lemma_.lower()}))
            if country is not None:
                return (ActorRef(text=_span_text(head, tokens), country=country),)
        return ()

    def _combine(self, frame: _Frame, found: list[Hit], as_actor: bool = False
                 ) -> tuple[ActorRef, ...]:
        head, tokens, when = frame.head, frame.tokens, frame.when
        text = _span_text(head, tokens)
        by_kind: dict[str, list[Hit]] = {}
        for hit in found:
            by_kind.setdefault(hit.entity.kind, []).append(hit)
        countries = [h for h in by_kind.get("country", [])]
        country_codes = list(dict.fromkeys(h.entity.country for h in countries))
        # Country words in a place phrase ("its ambassador in Seoul") say where, not whose.
        owners = list(dict.fromkeys(h.entity.country for h in countries if not _located(head, h)))
        agent_hit = _nearest(head, by_kind.get("agent", []))
        agent_sector = agent_hit.entity.sector if agent_hit else None
        head_agent = agent_hit is not None and agent_hit.start <= head.i < agent_hit.end

        listed = _listed_people(head.doc, by_kind.get("person", []), by_kind.get("role", []))
        if listed and any(h.start <= head.i < h.end for h in listed):
            # "Yoon Suk Yeol and Fumio Kishida" when the parser did not join the names: a list
            # of people is each of them, whatever their parse (not "critics of Moon and Abe")
            return tuple(self.person_ref(hit.entity, _hit_text(head.doc, hit), when)
                         for hit in listed)
        person = _nearest(head, by_kind.get("person", []))
        if person is not None and _possessor_only(head, person):
            # "Roh's supporters", "Abe's government": the group belongs to the person's country
            # but is not the person ("Suga's cabinet" is still the Cabinet of Japan)
            country = self.kb.country_at(person.entity, when)
            named = self._described(head, agent_hit, country, when) if head_agent else None
            if named is not None:
                return (self._institution_ref(named, text, when),)
            return (ActorRef(text=text, country=country, sector=agent_sector),)
        if person is not None:
            return (self.person_ref(person.entity, text, when),)
        institution = _nearest(head, by_kind.get("institution", []))
        if institution is not None:
            entity = self._sense(head, institution)
            explicit = [h.entity.country for h in countries
                        if not institution.start <= h.start < institution.end
                        and not (h.kind in {"capital", "place"}
                                 and head.doc[h.end - 1].dep_ == "compound")]
            # ("the Tokyo headquarters of Chongryon": a city premodifying the office)
            inst_sector = self.kb.sector_at(entity, when)
            if explicit and entity.country not in explicit:
                # "the Latvian Constitutional Court": a generic institution name that the
                # knowledge files give to another country; the country word decides.
                return (ActorRef(text=text, country=explicit[0], sector=inst_sector),)
            if not explicit and head.lower_ == "congress" and entity.country == "USA":
                # "… if Congress passed the bill" in a sentence about Argentina: the country's
                # own Congress, where it has one by that name
                others = self._sentence_countries(frame, skip=institution)
                own = next(iter(others)) if len(others) == 1 else None
                if own in CONGRESS_COUNTRIES:
                    return (ActorRef(text=text, country=own, sector=inst_sector),)
            sector = agent_sector or inst_sector
            if agent_sector == "LEG" and inst_sector == "OPP":
                sector = "OPP"  # "lawmakers from the then-opposition LDP"
            return (ActorRef(text=text, country=entity.country, sector=sector,
                             entity=entity.name),)
        igo = _nearest(head, by_kind.get("igo", []))
        role_hit = _nearest(head, by_kind.get("role", []))
        if head.lower_ in self.kb.counterpart_nouns and igo is None and len(owners) <= 1:
            # "the counterpart" alone could be either side: left unresolved
            return (self._counterpart(frame, text, owners[0]),) if owners else ()
        if role_hit is not None and len(owners) <= 1 and igo is None:
            refs = self._role_ref(frame, role_hit, text, owners[0] if owners else None)
            if refs is not None:
                return refs
        if igo is not None:
            possessor = next((h for h in countries if h.end <= igo.start
                              and head.doc[h.end - 1].dep_ == "poss"), None) \
                if igo.start <= head.i < igo.end else None  # (not "Japan's ASEAN partners")
            if possessor is not None:
                # "Seoul's national security council", "North Korea's Red Cross": the country's
                # own body of that name
                sector = "NGO" if igo.entity.sector == "NGO" else "GOV"
                return (ActorRef(text=text, country=possessor.entity.country, sector=sector),)
            return (ActorRef(text=text, sector=igo.entity.sector or "IGO", entity=igo.entity.name),)
        if head_agent and agent_hit is not None and (len(owners) == 1 or not country_codes):
            # "South Korea's top court", "the cabinet" (of the one country the sentence is about)
            country = owners[0] if owners else self._context_country(frame, definite_only=True)
            named = self._described(head, agent_hit, country, when)
            if named is not None:
                return (self._institution_ref(named, text, when),)
            if country is not None and country == frame.ctx.issuer:
                return (ActorRef(text=text, country=country, sector=agent_sector),)
        if not country_codes:
            if agent_sector and head_agent and (place := _premodifying_place(
                    head, by_kind.get("place", []))) is not None:
                # "the Gyeonggi provincial assembly", "Shimane prefectural police": a body of
                # the place that names it
                return (ActorRef(text=text, country=place, sector=agent_sector),)
            if agent_sector and (head_agent or _titled_name(head, agent_hit, frame.hits)):
                # "workers", "rebels", "opposition blogger Sergei Tikhanovsky": a sector without
                # a country is still an actor
                return (ActorRef(text=text, sector=agent_sector),)
            return ()
        if as_actor and not agent_sector and all(_located(head, h) for h in countries) \
                and head.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"}:
            return ()  # "lawsuits in South Korea": a place, and no one acting there
        sector = agent_sector or _country_word_sector(head, countries)
        if role_hit is not None and role_hit.start <= head.i < role_hit.end:
            # "Japanese and South Korean defence ministers": officials of each, in the sector of
            # their office
            sector = self.kb.role_sectors.get(role_hit.entity.roles[0].role, sector)
        if len(country_codes) > 1 and _coordinated(head, countries):
            return tuple(ActorRef(text=text, country=c, sector=sector) for c in country_codes)
        # (a diplomatic mission is whose before where: "South Korea's embassy in Tokyo" is
        # South Korea's; other words keep the nearest country)
        mission = head.lemma_.lower() in DIPLOMATIC_MISSIONS
        chosen = _nearest(head, [h for h in countries if not (mission and _located(head, h))]
                          or countries)
        assert chosen is not None
        if chosen.kind == "demonym" and chosen.start <= head.i < chosen.end:
            # "Bosnian Serbs", "the Albanians of southern Serbia": the group lives in the country
            # named by the other word; "ethnic Albanians" alone names no state.
            others = [h for h in countries if h is not chosen]
            if others:
                chosen = _nearest(head, others) or chosen
            elif any(t.lower_ == "ethnic" for t in tokens):
                return (ActorRef(text=text, sector="CVL"),)
        return (ActorRef(text=text, country=chosen.entity.country, sector=sector),)

    # -- offices ----------------------------------------------------------------------------
    def _role_ref(self, frame: _Frame, role_hit: Hit, text: str, country: str | None
                  ) -> tuple[ActorRef, ...] | None:
        """A role noun: the holder of the office on the date ("the Japanese prime minister"),
        an official of the country when the holder is unknown, or None to fall through."""
        head, tokens, ctx, when = frame.head, frame.tokens, frame.ctx, frame.when
        found_idx = {i for h in _hits_in(tokens, frame.hits) for i in range(h.start, h.end)}
        # "the former President of the United States Jimmy Carter": a named or former
        # office holder is not whoever holds the office on the date
        named = any(t.ent_type_ == "PERSON" and t.i not in found_idx for t in tokens)
        former = any(t.lower_ in {"former", "ex", "late", "then", "previous"} for t in tokens)
        role_entity = role_hit.entity
        on_head = role_hit.start <= head.i < role_hit.end
        if country is None and on_head:
            country = self._implied_country(frame)
            if country is not None and not self._has_office(country, role_entity):
                country = None  # (Japan has no president: not "the new president" of Japan)
        if named or former:
            holder = None
        elif country is not None:
            holder = self._role_holder(role_entity, country, when, _posted_to(head, frame.hits),
                                       ctx.default_countries)
        elif on_head and not _indefinite(head):
            holder = self._holder_in_context(frame, role_entity)
        else:
            holder = None
        if holder is not None:
            return (self.person_ref(holder, text, when),)
        role = role_entity.roles[0].role
        if (country is None and ctx.last_person is not None
                and ctx.last_person.role in {r.role for r in role_entity.roles}):
            return (_with_text(ctx.last_person, head),)
        sector = self.kb.role_sectors.get(role, "GOV")
        if country is not None:
            return (ActorRef(text=text, country=country, sector=sector, role=role),)
        if on_head:
            # "foreign ministers" of a body we do not know: an official, country unknown
            return (ActorRef(text=text, sector=sector, role=role),)
        return None

    def _has_office(self, country: str, role_entity: Entity) -> bool:
        """False for a top office the knowledge shows the country does not have (a Japanese
        president), True otherwise."""
        roles = {r.role for r in role_entity.roles}
        if not roles <= TOP_ROLES:
            return True
        held = self._top_offices.get(country, frozenset())
        return not held or bool(roles & held)

    def _role_holder(
        self, role_entity: Entity, country: str | None, when: dt.date | None,
        to: str | None = None, posts: tuple[str, ...] = (),
    ) -> Entity | None:
        if country is None:
            return None
        for role in role_entity.roles:
            allowed = self.kb.role_countries.get(role.role, frozenset())
            if allowed and country not in allowed:
                continue
            holder = self.kb.holder(country, role.role, when, to=to,
                                    posts=tuple(p for p in posts if p != country))
            if holder is not None:
                return holder
        return None

    def _holder_in_context(self, frame: _Frame, role_entity: Entity) -> Entity | None:
        """"The president" with no country: the holder named earlier in the paragraph, else
        the holder in the one country the sentence is about, else the holder of an office only
        one country has ("the emperor")."""
        roles = {r.role for r in role_entity.roles}
        earlier = {h.entity.key: h.entity for i, h in frame.hits.items()
                   if i < frame.head.i and h.entity.kind == "person"
                   and roles & {r.role for r in h.entity.roles_at(frame.when)}}
        if len(earlier) == 1:
            return next(iter(earlier.values()))
        if earlier:
            return None
        country = self._context_country(frame, definite_only=True)
        holder = self._role_holder(role_entity, country, frame.when,
                                   _posted_to(frame.head, frame.hits),
                                   frame.ctx.default_countries)
        if holder is not None:
            return holder
        sole = {e.key: e for r in roles if (e := self.kb.sole_holder(r, frame.when)) is not None}
        return next(iter(sole.values())) if len(sole) == 1 else None

    def _counterpart(self, frame: _Frame, text: str, country: str) -> ActorRef:
        """"His Japanese counterpart": whoever holds, in that country, the office of the person
        the possessive points back to."""
        offices = self._offices(self._antecedent(frame), frame.when)
        if not offices or frame.head.tag_ in {"NNS", "NNPS"}:
            return ActorRef(text=text, country=country, sector="GOV")
        home, roles = offices
        leader = self.kb.leader_roles.get(home or "")
        if leader in roles and country in self.kb.leader_roles:
            roles = [self.kb.leader_roles[country]]  # a leader's counterpart is a leader
        for role in roles:
            holder = self.kb.holder(country, role, frame.when)
            if holder is not None:
                return self.person_ref(holder, text, frame.when)
        return ActorRef(text=text, country=country,
                        sector=self.kb.role_sectors.get(roles[0], "GOV"), role=roles[0])

    def _offices(self, refs: tuple[ActorRef, ...], when: dt.date | None
                 ) -> tuple[str | None, list[str]] | None:
        """The country and the state offices (not party posts) of the first actor holding one."""
        for ref in refs:
            entity = self.kb.entities.get(f"person:{ref.entity}") if ref.entity else None
            roles = [r.role for r in entity.roles_at(when)] if entity else [ref.role]
            roles = [r for r in dict.fromkeys(roles) if r and r != "party_leader"]
            if roles:
                return ref.country, roles
        return None

    def _antecedent(self, frame: _Frame) -> tuple[ActorRef, ...]:
        """The actor a possessive pronoun on the head points back to ("Tokyo was calling back
        its ambassador", "Lee handed his counterpart"): the subject of the clause."""
        head = frame.head
        if frame.depth > 1 or not any(c.dep_ == "poss" and c.pos_ == "PRON"
                                      and c.lower_ in POSSESSIVE_PRONOUNS for c in head.children):
            return ()
        verb = head
        while verb.dep_ not in {"ROOT"} and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.i == head.i:
            return ()
        return self.resolve(subject, frame.hits, frame.ctx, frame.when, depth=frame.depth + 1)

    def _implied_country(self, frame: _Frame) -> str | None:
        """The country of a role noun that names none itself: the antecedent of its possessive
        ("its ambassador"), or the first of two coordinated offices ("the U.S. secretary of
        state and defense secretary")."""
        head = frame.head
        refs = self._antecedent(frame)
        if refs:
            codes = {r.country for r in refs if r.country}
            return next(iter(codes)) if len(codes) == 1 else None
        outer = None
        if head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
            outer = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            # the parser often hangs the second of two titles under the first ("secretary of
            # state and defense secretary"); only a title above lends its country
            above = frame.hits.get(head.head.head.i)
            if above is not None and above.entity.kind == "role":
                outer = head.head.head
        if outer is not None:
            hits = _hits_in(_np_tokens(outer), frame.hits)
            codes = {h.entity.country for h in hits if h.entity.kind == "country"
                     and not _located(outer, h)}
            return next(iter(codes)) if len(codes) == 1 else None
        return None

    # -- institutions -----------------------------------------------------------------------
    def _described(self, head: Token, agent: Hit | None, country: str | None,
                   when: dt.date | None) -> Entity | None:
        """The institution a common noun names once its country is known: "South Korea's top
        court" is the Supreme Court of Korea. Plural and indefinite phrases name none."""
        if agent is None or country is None or head.tag_ in {"NNS", "NNPS"} or _indefinite(head):
            return None
        return self.kb.descriptor(country, agent.entity.name, when)

    def _institution_ref(self, entity: Entity, text: str, when: dt.date | None) -> ActorRef:
        return ActorRef(text=text, country=entity.country, sector=self.kb.sector_at(entity, when),
                        entity=entity.name)

    def _sentence_countries(self, frame: _Frame, skip: Hit | None = None,
                            places: bool = True) -> set[str | None]:
        """The countries of the people, institutions and country words the sentence names
        (not ``skip``; with ``places`` False, not a country word that only says where: "its
        ambassador in Seoul")."""
        head = frame.head
        sent = head.sent
        codes: set[str | None] = set()
        for i in range(sent.start, sent.end):
            hit = frame.hits.get(i)
            if hit is None or hit.entity.kind not in {"person", "institution", "country"} or (
                    skip is not None and hit.start == skip.start):
                continue
            if not places and hit.entity.kind == "country" and _in_place_phrase(head.doc, hit):
                continue
            codes.add(self.kb.country_at(hit.entity, frame.when) if hit.entity.kind == "person"
                      else hit.entity.country)
        return codes

    def _context_country(self, frame: _Frame, definite_only: bool = False) -> str | None:
        """The one country a sentence is about, for "the cabinet" with no country word: every
        person, institution and country named in the sentence belongs to it."""
        head = frame.head
        if frame.ctx.issuer is not None and (
                head.lemma_.lower() in ISSUER_HEADS and head.text[:1].isupper() or any(
                    c.dep_ == "poss" and c.lower_ == "our" for c in head.children)):
            return frame.ctx.issuer  # "The Government", "our military" in its own statement
        if definite_only and not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        codes = self._sentence_countries(frame, places=False)
        return next(iter(codes)) if len(codes) == 1 else None

    def _sense(self, head: Token, hit: Hit) -> Entity:
        """Words that name both a newspaper and a company ("Asahi"): the paper when it reports,
        is cited or takes an article ("the Asahi"), the company otherwise ("buying Asahi")."""
        if not hit.alternatives:
            return hit.entity
        options = (hit.entity, *hit.alternatives)
        media = [e for e in options if e.sector == "MED"]
        others = [e for e in options if e.sector != "MED"]
        if not media or not others:
            return hit.entity
        return media[0] if _reports(head) else others[0]

_KIND_RANK = {
    "name": 0,
    "alias": 1,
    "shared": 1,
    "surname": 2,
    "role": 3,
    "seat": 4,
    "capital": 5,
    "demonym": 6,
    "place": 8,
    "agent": 7,
}


HYPHENATED_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _keep_hyphenated_names(nlp: Language, kb: ActorKnowledge) -> None:
    """Keep Korean given names such as "Jae-in" or "Geun-hye" one token: split at the hyphen,
    "Moon Jae-in held talks" parses "in" as a particle and "held" as an adjective. The token's
    norm is that of a common given name, so that the tagger, which has never seen "Tong-won",
    reads it as a name rather than a verb."""
    for alias in kb.aliases:
        entity = kb.entities.get(alias.entity)
        if entity is None or entity.kind != "person":
            continue  # (not "Co-operation", "Gyeonggi-do", "Punggye-ri")
        for part in alias.text.split():
            if HYPHENATED_GIVEN_NAME.match(part):
                for form in (part, part.lower()):
                    nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: "john"}])


def _listed_people(doc: Doc, people: list[Hit], roles: list[Hit]) -> list[Hit]:
    """Two or more people named one after another with only commas, "and" and their titles
    between them; otherwise nothing."""
    if len(people) < 2:
        return []
    people = sorted({(h.start, h.end): h for h in people}.values(), key=lambda h: h.start)
    titled = {i for h in roles for i in range(h.start, h.end)}
    for left, right in zip(people, people[1:], strict=False):
        gap = doc[left.end:right.start]
        if not len(gap) or not any(t.lower_ in {",", "and"} for t in gap) or any(
                t.lower_ not in {",", "and"} and t.i not in titled for t in gap):
            return []
    return people


def _hit_text(doc: Doc, hit: Hit) -> str:
    return doc[hit.start:hit.end].text


def _refers_to_craft(head: Token) -> bool:
    """'the vessel', 'that ship', 'its crew', 'their captain': a craft named before, or the
    people aboard it."""
    lemma = head.lemma_.lower()
    crew = lemma in CREW_NOUNS or any(c.dep_ == "compound" and c.lower_ == "crew"
                                      for c in head.children)
    if crew:
        return any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in head.children)
    return lemma in CRAFT_NOUNS and any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"}
                                        for c in head.children)


def _definite_common(head: Token) -> bool:
    """'the guards', 'these activists': a common noun taken up again with a definite article
    and no owner or number of its own."""
    return head.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in head.children
    ) and not any(c.dep_ in {"poss", "nummod"} for c in head.children)


def _earlier_craft_country(head: Token, hits: dict[int, Hit]) -> str | None:
    """The flag of the nearest craft named earlier in the sentence or the one before with a
    country word ("a Japanese crab boat", "the North Korean vessel")."""
    return _earlier_noun_country(head, hits, CRAFT_NOUNS)


def _earlier_noun_country(head: Token, hits: dict[int, Hit],
                          lemmas: frozenset[str]) -> str | None:
    """The one country word on the nearest earlier noun phrase, in this sentence or the one
    before, whose head is one of ``lemmas``."""
    doc = head.doc
    owner = next((c.lower_ for c in head.children if c.dep_ == "poss"), None)
    start = head.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for i in range(head.i - 1, start - 1, -1):
        token = doc[i]
        if token.lemma_.lower() not in lemmas or token.dep_ == "compound" or (
                token.tag_ == "NNS" and owner == "its"):
            continue  # "its captain": one craft
        codes = {h.entity.country for h in _hits_in(_np_tokens(token), hits)
                 if h.entity.kind == "country" and h.entity.country and not _located(token, h)}
        if len(codes) == 1:
            return next(iter(codes))
    return None


def _kind_rank(kind: str) -> int:
    return _KIND_RANK.get(kind, 9)


# Participles that place a group ("a newspaper based in Beirut", "workers affiliated with X").
_PLACING_PARTICIPLES = frozenset(
    {"base", "affiliate", "link", "headquarter", "station", "loyal", "belong"}
)


# "the head of the national electoral board": whoever heads a body acts for it (but "a South
# Korean head of state" is a title)
HEADING_NOUNS = frozenset({"head", "heads", "chief", "chairman", "chairwoman", "chairperson"})
# Nouns that only count or divide the group named after "of" ("thousands of people"), or head it.
QUANTITY_HEADS = frozenset({"hundreds", "thousands", "dozens", "millions", "tens", "scores",
                            "some", "many", "most", "all", "group", "groups", "number", "part",
                            "majority", "minority", "members", "member", "handful", "crowd",
                            "crowds", "one", "two", "three", "several", "each", "both"}
                           | HEADING_NOUNS)


STANCE_PREFIXES = frozenset({"anti", "pro"})


def _stance_prefix(doc: Doc, start: int) -> bool:
    """ "anti-Syria journalist", "pro-Japanese groups": a stance towards the country, which says
    nothing of whose the people are."""
    return start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
        and doc[start - 2].lower_ in STANCE_PREFIXES


def semantic_head(head: Token) -> Token:
    while head.lower_ in QUANTITY_HEADS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is None or head.lower_ in HEADING_NOUNS and (pobj.lower_ in {
                "state", "states", "government", "governments"} or any(
                c.dep_ in {"amod", "compound", "poss"} for c in head.children)):
            return head  # (a title, or a head with a side of its own: "a Russian deputy
            # chairman of the committee", "the embassy's deputy chief of mission")
        head = pobj
    return head


def _np_tokens(head: Token) -> list[Token]:
    out: list[Token] = [head]
    stack = [
        c
        for c in head.children
        if (c.dep_ not in _NP_STOP_DEPS or (c.dep_ == "acl" and c.lemma_ in _PLACING_PARTICIPLES))
        and not _sums_up(c)
    ]
    while stack:
        token = stack.pop()
        if token.dep_ == "prep" and token.lower_ == "to" \
                and token.head.lemma_.lower() in ADVISER_NOUNS:
            out.append(token)  # "a close adviser to Shinzo Abe": whose side he is on
            stack.extend(c for c in token.children if c.dep_ == "pobj")
            continue
        if token.dep_ == "prep" and (token.lower_ not in _NP_PREPS or any(
                c.dep_ == "pcomp" and any(o.dep_ == "dobj" and o.pos_ == "PROPN"
                                          for o in c.children) for c in token.children)):
            continue  # (not "of defaming President Park": a clause about someone else)
        out.append(token)
        stack.extend(c for c in token.children
                     if c.dep_ not in {"relcl", "acl", "advcl", "punct"} and not _sums_up(c))
    out.sort(key=lambda t: t.i)
    return out


def _possessor(head: Token) -> tuple[Token | None, range]:
    """The possessor of a noun ("Tokyo's" in "Tokyo's curbs") and the tokens it spans."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        return None, range(0)
    return owner, range(owner.left_edge.i, owner.right_edge.i + 1)


def _possessor_hits(head: Token, found: list[Hit]) -> list[Hit]:
    """The hits in the possessor of an act noun that also names someone after it ("Nippon
    Steel's purchase of US Steel", "Tokyo's curbs on Korean chips")."""
    if head.lemma_.lower() not in OWNED_ACTS:
        return []
    owner, span = _possessor(head)
    if owner is None:
        return []
    inside = [h for h in found if h.start in span]
    return inside if inside and len(inside) < len(found) else []


def _agent_possessor(head: Token, found: list[Hit]) -> Token | None:
    """The possessor of a noun that names no one itself, when all the phrase names is a common
    noun for someone in that possessor ("the tribunal's ruling")."""
    owner, span = _possessor(head)
    if owner is None or not found or owner.lower_ in PERSON_PRONOUNS \
            or owner.tag_ in {"NNS", "NNPS"} or head.lemma_.lower() not in OWNED_ACTS | RULINGS:
        return None  # ("Western officials' criticism", "the regime's opponents")
    if all(h.entity.kind == "agent" and h.start in span and h.entity.sector in BODY_SECTORS
           for h in found):
        return owner
    return None


# What a body decides or lays down ("the tribunal's ruling", "the government's decree").
RULINGS = frozenset({"ruling", "verdict", "judgment", "judgement", "decree", "order", "law",
                     "bill", "policy", "suspension", "crackdown", "reform", "budget"})


# Sectors of bodies that act as such ("the court's ruling"); "the women's appeal" and "the
# student's parents" are left to the sentence.
BODY_SECTORS = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "OPP", "REB"})


# Act nouns whose possessor is the one acting ("Nippon Steel's bid for US Steel")
OWNED_ACTS = frozenset({"purchase", "acquisition", "takeover", "bid", "merger", "investment",
                        "offer", "proposal", "plan", "request", "demand", "claim", "ban",
                        "curb", "sanction", "tariff", "decision", "move", "visit", "trip"})


def _sums_up(token: Token) -> bool:
    """ "recalled its ambassador, a step Seoul called regrettable": an apposition summing up
    the clause is not part of the noun phrase."""
    if token.dep_ == "nmod" and token.lemma_.lower() in SUMMARY_NOUNS:
        return token.i < token.head.i and token.head.pos_ in {"NOUN", "PROPN"} and any(
            c.dep_ == "poss" for c in token.head.children)  # "a move [Tokyo's minister]"
    return token.dep_ == "appos" and (token.lemma_.lower() in SUMMARY_NOUNS or any(
        c.dep_ in {"nmod", "compound"} and c.lemma_.lower() in SUMMARY_NOUNS
        for c in token.children))


SUMMARY_NOUNS = frozenset({"move", "step", "decision", "measure", "act", "action", "gesture",
                           "development", "verdict", "ruling", "affair"})


def _hits_in(tokens: list[Token], hits: dict[int, Hit]) -> list[Hit]:
    seen: dict[int, Hit] = {}
    for token in tokens:
        hit = hits.get(token.i)
        if hit is not None:
            seen[hit.start] = hit
    return list(seen.values())


def _nearest(head: Token, candidates: list[Hit]) -> Hit | None:
    if not candidates:
        return None
    for hit in candidates:
        if hit.start <= head.i < hit.end:
            return hit
    return min(candidates, key=lambda h: abs(h.start - head.i))


def _premodifying_place(head: Token, places: list[Hit]) -> str | None:
    """The country of a place that modifies the head noun itself ("Gyeonggi provincial
    assembly", "Osaka's police"), not one that says where it is ("police in Osaka")."""
    for place in places:
        word = head.doc[place.end - 1]
        if place.entity.country and word.head.i == head.i \
                and word.dep_ in {"compound", "nmod", "amod", "poss"}:
            return place.entity.country
    return None


def _titled_name(head: Token, agent: Hit | None, hits: dict[int, Hit]) -> bool:
    """A name the knowledge lacks under a generic title ("opposition blogger Sergei
    Tikhanovsky", "activist Joshua Wong"): the title's sector is the person's."""
    if agent is None or head.ent_type_ != "PERSON":
        return False
    title = head.doc[agent.end - 1]
    if title.dep_ != "compound" or title.head.i != head.i:
        return False
    # (not "Wall Street Journal reporter Evan Gershkovich": an employer the knowledge lacks
    # may be of any country)
    return not any(t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and t.i not in hits
                   for t in head.subtree if t.i < title.i)


def _nearest_sector(head: Token, agents: list[Hit]) -> str | None:
    hit = _nearest(head, agents)
    return hit.entity.sector if hit else None


def _country_word_sector(head: Token, countries: list[Hit]) -> str | None:
    """A country name or capital standing alone acts for its government ("Seoul protested"),
    or for its military when it fires or tests weapons; a demonym used as a noun names people
    ("South Koreans")."""
    for hit in countries:
        if hit.start <= head.i < hit.end:
            if hit.kind == "demonym":
                return "CVL"
            return "MIL" if _military_act(head) else "GOV"
    return None


def _military_act(head: Token) -> bool:
    """True when the head is the subject of firing or testing weapons ("North Korea fired a
    ballistic missile", "sent a missile across Hokkaido", "the day the North tested")."""
    if head.dep_ != "nsubj":
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma in FIRING_VERBS:
        return True
    if lemma not in LAUNCHING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return lemma == "test"
    return any(_weapon(o) for o in objects)


def _weapon(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in WEAPON_NOUNS:
        return True
    modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
    return lemma in {"test", "launch", "device"} and bool(WEAPON_TESTS & modifiers)


def _indefinite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in head.children)


def _reports(head: Token) -> bool:
    """True when a name is used as a news organisation: with an article ("the Asahi"), as the
    subject of a reporting verb, or after "according to"."""
    if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return True
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in REPORTING_VERBS:
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _posted_to(head: Token, hits: dict[int, Hit]) -> str | None:
    """The country an envoy is posted to ("ambassador to Japan", "its ambassador in Seoul")."""
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in {"to", "in", "at"}:
            continue
        for pobj in child.children:
            hit = hits.get(pobj.i)
            if pobj.dep_ == "pobj" and hit is not None and hit.entity.kind == "country":
                return hit.entity.country
    return None


def _in_place_phrase(doc: Doc, hit: Hit) -> bool:
    """True when a country word names where something happens ("in Seoul", "over Japan")."""
    token = doc[hit.end - 1]
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


def _cut_name(doc: Doc, start: int, end: int) -> bool:
    """An alias led by an article must not end inside a longer name: "the North" is North
    Korea, but not in "the North Korean leader" or "the North Sea"."""
    if doc[start].lower_ != "the" or end >= len(doc):
        return False
    following = doc[end]
    return following.text[:1].isupper() and following.pos_ in {"PROPN", "ADJ", "NOUN"}


def _possessor_only(head: Token, hit: Hit) -> bool:
    """True when the hit is only the possessor of the head noun ("Roh's supporters")."""
    if hit.start <= head.i < hit.end:
        return False
    last = head.doc[hit.end - 1]
    return last.dep_ == "poss" and last.head.i == head.i and head.pos_ == "NOUN"


def _located(head: Token, hit: Hit) -> bool:
    """True when the country word sits in a place phrase ("in Seoul", "at the talks in Tokyo")
    under the head, rather than naming whose the head is ("Seoul's", "Japanese", "of Japan")."""
    token = head.doc[hit.start]
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in {"in", "at", "near", "inside", "outside"}:
            return True
        token = token.head
    return False


def _venue(head: Token, hit: Hit) -> bool:
    """ "the Singapore summit", "the Pyongyang declaration": the place an event is named after
    is where it happened, not a party to it."""
    token = head.doc[hit.end - 1]
    return token.head.i == head.i and is_venue_word(token) and hit.kind != "demonym" \
        and hit.entity.kind in {"country", "place"} \
        and not any(c.dep_ == "poss" for c in head.children)


def is_venue_word(token: Token) -> bool:
    """A place word naming an event after its venue ("the Singapore summit"), not one of two
    parties joined by a hyphen ("the Japan-Korea agreement", "US-South Korea talks")."""
    if token.dep_ != "compound" or token.head.lemma_.lower() not in VENUE_EVENTS:
        return False
    doc = token.doc
    joined = (token.i + 1 < len(doc) and doc[token.i + 1].text in {"-", "–"}) or (
        token.i > 0 and doc[token.i - 1].text in {"-", "–"})
    names = [c for c in token.head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return not joined and len(names) < 2


# Events named after the city or country that hosted them ("the Singapore summit")
VENUE_EVENTS = frozenset({"summit", "talks", "talk", "meeting", "conference", "declaration",
                          "accord", "accords", "agreement", "forum", "dialogue", "olympics",
                          "games", "expo", "round"})


def _coordinated(head: Token, countries: list[Hit]) -> bool:
    """True when country words in one phrase are joined by 'and' ("officials from Japan and
    South Korea"), so the phrase names one actor per country."""
    doc = head.doc
    spans = [(h.start, h.end) for h in countries]
    for start, end in spans:
        for i in range(start, end):
            token = doc[i]
            if token.dep_ == "conj" and any(
                s <= token.head.i < e for s, e in spans if (s, e) != (start, end)
            ):
                return True
        if end < len(doc) and doc[end].text in {"-", "–"} and any(
                s == end + 1 for s, _ in spans):
            return True  # "the Japan-Korea agreement", "US-South Korea talks": both sides
    return False


def _np_span(head: Token, tokens: list[Token]) -> Span:
    doc = head.doc
    start = tokens[0].i
    end = tokens[-1].i + 1
    while start < end - 1 and doc[start].dep_ in {"det", "predet", "punct"}:
        start += 1
    while end - 1 > start and doc[end - 1].dep_ == "punct":
        end -= 1
    span: Span = doc[start:end]
    return span if len(span.text) <= 120 else doc[head.i : head.i + 1]


def _span_text(head: Token, tokens: list[Token]) -> str:
    return _np_span(head, tokens).text


def _with_text(ref: ActorRef, token: Token) -> ActorRef:
    return ActorRef(
        text=token.text,
        country=ref.country,
        sector=ref.sector,
        entity=ref.entity,
        role=ref.role,
        start=token.idx,
        end=token.idx + len(token.text),
    )


def _two_sides(head: Token, hits: dict[int, Hit], ctx: DocContext) -> tuple[str, ...]:
    """ "The two", "both sides": the last two-sided event's countries, else the two the sentence
    names, else the dyad."""
    if ctx.last_pair:
        return ctx.last_pair
    return _sentence_pair(head, hits) or ctx.two_countries()


def _sentence_pair(head: Token, hits: dict[int, Hit]) -> tuple[str, ...]:
    """ "The two leaders reaffirmed that Japan and China would …", "Putin signed … with Aso,
    but the two made no headway" with no two-sided event before it: the two countries the
    sentence names (or whose people it names), when there are exactly two."""
    sent = head.sent
    doc = head.doc
    # (a capital as the venue, "held in Ulaanbaatar", is no side)
    def named(kinds: set[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(
            hit.entity.country for i, hit in sorted(hits.items())
            if sent.start <= i < sent.end and hit.entity.kind in kinds and hit.entity.country
            and not (hit.kind in {"capital", "place"} and doc[hit.end - 1].dep_ == "pobj"
                     and doc[hit.end - 1].head.lower_ in {"in", "at"})))

    countries = named({"country", "person"})
    if len(countries) == 1:
        # "at Panmunjom the North said …, and the two sides agreed": one side named, the
        # other only through a place of its own ("the PyeongChang Games")
        countries = named({"country", "person", "place"})
    return countries if len(countries) == 2 else ()
