"""Actor resolution in parsed text: which country, sector and entity does a noun phrase name?

The matcher finds every alias from the knowledge files in a spaCy ``Doc`` once per document; the
resolver then reads a noun phrase (the subtree of a head token) and combines what it finds: a person
("Kishida") beats an institution ("the foreign ministry"), which beats a country word ("Japanese").
Pronouns, role nouns ("the Japanese premier") and reciprocal phrases ("the two ministers") are
resolved from the document context and the date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..models import ActorRef
from .actor_kb import ActorKnowledge, Entity

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Offices whose holder a bare surname most likely names.
TOP_ROLES = frozenset({"president", "prime_minister", "supreme_leader", "emperor", "premier",
                       "general_secretary"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "it"})
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


def _place(taken: dict[int, Hit], hit: Hit) -> None:
    for i in range(hit.start, hit.end):
        taken[i] = hit


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # token index
    end: int
    entity: Entity
    kind: str


@dataclass(slots=True)
class DocContext:
    """What earlier sentences of the same document have established."""

    date: dt.date | None = None
    seen_entities: set[str] = field(default_factory=set)
    last_person: ActorRef | None = None
    last_actors: tuple[ActorRef, ...] = ()
    last_pair: tuple[str, ...] = ()
    default_countries: tuple[str, ...] = ()

    def note(self, refs: tuple[ActorRef, ...]) -> None:
        if not refs:
            return
        self.last_actors = refs
        pair = tuple(dict.fromkeys(r.country for r in refs if r.country))
        if len(pair) == 2:
            self.last_pair = pair  # type: ignore[assignment]
        for ref in refs:
            if ref.entity:
                self.seen_entities.add(ref.entity)
            if ref.role:  # someone holding an office: "he", "the minister" may follow
                self.last_person = ref

    def two_countries(self) -> tuple[str, ...]:
        """"The two ministers": the two countries of the last two-sided event, else the dyad."""
        return self.last_pair or self.default_countries


class ActorResolver:
    """Finds alias hits in a document and resolves noun phrases to ``ActorRef`` records."""

    def __init__(self, kb: ActorKnowledge, nlp: Language) -> None:
        self.kb = kb
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        labels = [f"{a.kind}|{a.entity}" for a in self.kb.aliases]
        texts = [a.text if a.case_sensitive else a.text.lower() for a in self.kb.aliases]
        exact: dict[str, list[Doc]] = {}
        lower: dict[str, list[Doc]] = {}
        # The tokenizer alone (no tagger/parser) turns each alias into the tokens the matcher
        # will see in running text.
        for alias, label, pattern in zip(
            self.kb.aliases, labels, nlp.tokenizer.pipe(texts), strict=True
        ):
            target = exact if alias.case_sensitive else lower
            target.setdefault(label, []).append(pattern)
            if alias.case_sensitive and alias.text.upper() != alias.text:
                target[label].append(nlp.make_doc(alias.text.upper()))  # headlines in capitals
        for label, docs in exact.items():
            self._exact.add(label, docs)
        for label, docs in lower.items():
            self._lower.add(label, docs)

    # -- matching ---------------------------------------------------------------------------
    def find_hits(self, doc: Doc, ctx: DocContext | None = None) -> dict[int, Hit]:
        """Map each token index to the longest alias hit covering it. A bare surname is kept
        only when the document or the date singles out one person ("Kishida" after "Fumio
        Kishida", "President Moon" in 2019)."""
        raw: list[tuple[int, int, str]] = []
        for matcher in (self._exact, self._lower):
            for match_id, start, end in matcher(doc):
                raw.append((start, end, doc.vocab.strings[match_id]))
        raw.sort(key=lambda m: (-(m[1] - m[0]), _kind_rank(m[2].split("|", 1)[0]), m[0]))
        taken: dict[int, Hit] = {}
        surnames: dict[tuple[int, int], list[Entity]] = {}
        for start, end, label in raw:
            kind, key = label.split("|", 1)
            entity = self.kb.entities[key]
            if kind == "surname":
                surnames.setdefault((start, end), []).append(entity)
                continue
            if any(i in taken for i in range(start, end)):
                continue
            _place(taken, Hit(start, end, entity, kind))
        # A full name earlier in the same paragraph singles out its surname ("Fumio Kishida ...
        # Kishida said").
        named_here = {h.entity.name for h in taken.values() if h.entity.kind == "person"}
        for (start, end), candidates in sorted(surnames.items()):
            if any(i in taken for i in range(start, end)):
                continue
            earlier = [e for e in candidates if e.name in named_here]
            if len(earlier) == 1:
                _place(taken, Hit(start, end, earlier[0], "surname"))
                continue
            title = taken.get(start - 1)
            title_roles = {r.role for r in title.entity.roles} if title and title.kind == "role" \
                else set()
            chosen = self._pick_surname(doc, start, end, candidates, ctx, title_roles)
            if chosen is not None:
                _place(taken, Hit(start, end, chosen, "surname"))
        return taken

    def _pick_surname(self, doc: Doc, start: int, end: int, candidates: list[Entity],
                      ctx: DocContext | None, title_roles: set[str]) -> Entity | None:
        token = doc[start]
        if not token.text[:1].isupper():
            return None
        # A different given name next to the surname ("Kang Kyung-wha" when only "Kang Sok Ju"
        # is known, "Yohei Kono" vs "Taro Kono") means another person.
        after = doc[end] if end < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
            return None
        titled = before is not None and before.lower_ in self.kb.honorifics
        if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() \
                and not titled and before.lower_ not in self.kb.honorifics:
            return None
        if ctx is not None:
            seen = [e for e in candidates if e.name in ctx.seen_entities]
            if len(seen) == 1:
                return seen[0]
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
        return None

    # -- resolution -------------------------------------------------------------------------
    def resolve(
        self, head: Token, hits: dict[int, Hit], ctx: DocContext, when: dt.date | None = None,
        as_actor: bool = False,
    ) -> tuple[ActorRef, ...]:
        """The actors named by the noun phrase headed by ``head`` (conjuncts excluded)."""
        when = when or ctx.date
        lower = head.lower_
        if lower in PERSON_PRONOUNS and ctx.last_person is not None:
            return (_with_text(ctx.last_person, head),)
        head = semantic_head(head)
        tokens = _np_tokens(head)
        found = _hits_in(tokens, hits)
        modifiers = {c.lower_ for c in head.children}
        # "the two ministers", "both sides" — but not "two other ministers"
        reciprocal = head.lower_ in RECIPROCAL_HEADS and bool({"two", "both"} & modifiers) \
            and "other" not in modifiers
        if reciprocal and not any(h.entity.kind in {"country", "person"} for h in found):
            found = []
        if not found:
            refs = self._resolve_contextual(head, tokens, ctx)
        else:
            refs = self._combine(head, tokens, found, ctx, when, as_actor)
        span = _np_span(head, tokens)
        return tuple(replace(r, start=span.start_char, end=span.end_char) for r in refs)

    def unresolved(self, head: Token) -> ActorRef:
        """An actor the knowledge does not cover, kept with its text (and GOV when titled)."""
        tokens = _np_tokens(head)
        span = _np_span(head, tokens)
        titled = any(t.lower_ in self.kb.honorifics for t in tokens)
        return ActorRef(text=span.text, sector="GOV" if titled else None,
                        start=span.start_char, end=span.end_char)

    def _resolve_contextual(
        self, head: Token, tokens: list[Token], ctx: DocContext
    ) -> tuple[ActorRef, ...]:
        words = {t.lower_ for t in tokens} | {c.lower_ for c in head.children}
        if head.lower_ in RECIPROCAL_HEADS and ({"two", "both"} & words) and "other" not in words:
            countries = ctx.two_countries()
            sector = "GOV" if head.lower_ not in {"countries", "nations"} else "GOV"
            return tuple(
                ActorRef(text=_span_text(head, tokens), country=c, sector=sector) for c in countries
            )
        if head.lower_ == "both" and head.dep_ in {"nsubj", "nsubjpass"}:
            return tuple(
                ActorRef(text="both", country=c, sector="GOV") for c in ctx.two_countries()
            )
        return ()

    def _combine(
        self,
        head: Token,
        tokens: list[Token],
        found: list[Hit],
        ctx: DocContext,
        when: dt.date | None,
        as_actor: bool = False,
    ) -> tuple[ActorRef, ...]:
        text = _span_text(head, tokens)
        by_kind: dict[str, list[Hit]] = {}
        for hit in found:
            by_kind.setdefault(hit.entity.kind, []).append(hit)
        countries = [h for h in by_kind.get("country", [])]
        country_codes = list(dict.fromkeys(h.entity.country for h in countries))
        agent_sector = _nearest_sector(head, by_kind.get("agent", []))

        person = _nearest(head, by_kind.get("person", []))
        if person is not None and _possessor_only(head, person):
            # "Roh's supporters", "Abe's government": the group belongs to the person's country
            # but is not the person
            return (ActorRef(text=text, country=person.entity.country, sector=agent_sector),)
        if person is not None:
            entity = person.entity
            roles = entity.roles_at(when)
            role = roles[0].role if roles else None
            return (
                ActorRef(
                    text=text,
                    country=entity.country,
                    sector=entity.sector or "GOV",
                    entity=entity.name,
                    role=role,
                ),
            )
        institution = _nearest(head, by_kind.get("institution", []))
        if institution is not None:
            entity = institution.entity
            explicit = [h.entity.country for h in countries
                        if not institution.start <= h.start < institution.end]
            if explicit and entity.country not in explicit:
                # "the Latvian Constitutional Court": a generic institution name that the
                # knowledge files give to another country; the country word decides.
                return (ActorRef(text=text, country=explicit[0], sector=entity.sector),)
            sector = agent_sector or entity.sector
            return (ActorRef(text=text, country=entity.country, sector=sector,
                             entity=entity.name),)
        igo = _nearest(head, by_kind.get("igo", []))
        role_hit = _nearest(head, by_kind.get("role", []))
        if role_hit is not None and (len(country_codes) <= 1) and igo is None:
            country = country_codes[0] if country_codes else None
            # "the former President of the United States Jimmy Carter": a named or former
            # office holder is not whoever holds the office on the date
            named = any(t.ent_type_ == "PERSON" and t.i not in {i for h in found
                        for i in range(h.start, h.end)} for t in tokens)
            former = any(t.lower_ in {"former", "ex", "late", "then", "previous"} for t in tokens)
            holder = None if named or former else self._role_holder(role_hit.entity, country,
                                                                     when)
            if holder is not None:
                roles = holder.roles_at(when)
                return (
                    ActorRef(
                        text=text,
                        country=holder.country,
                        sector=holder.sector or "GOV",
                        entity=holder.name,
                        role=roles[0].role if roles else None,
                    ),
                )
            if (
                country is None
                and ctx.last_person is not None
                and ctx.last_person.role in {r.role for r in role_hit.entity.roles}
            ):
                return (_with_text(ctx.last_person, head),)
            if country is not None:
                return (
                    ActorRef(
                        text=text, country=country, sector="GOV", role=role_hit.entity.roles[0].role
                    ),
                )
            if role_hit.start <= head.i < role_hit.end:
                # "foreign ministers" of a body we do not know: an official, country unknown
                return (ActorRef(text=text, sector="GOV", role=role_hit.entity.roles[0].role),)
        if igo is not None:
            return (ActorRef(text=text, sector=igo.entity.sector or "IGO", entity=igo.entity.name),)
        if not country_codes:
            head_agent = any(h.start <= head.i < h.end for h in by_kind.get("agent", []))
            if agent_sector and head_agent:
                # "workers", "rebels": a sector without a country is still an actor
                return (ActorRef(text=text, sector=agent_sector),)
            return ()
        if as_actor and not agent_sector and all(_located(head, h) for h in countries) \
                and head.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"}:
            return ()  # "lawsuits in South Korea": a place, and no one acting there
        sector = agent_sector or _country_word_sector(head, countries)
        if len(country_codes) > 1 and _coordinated(head, countries):
            return tuple(ActorRef(text=text, country=c, sector=sector) for c in country_codes)
        chosen = _nearest(head, countries)
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

    def _role_holder(
        self, role_entity: Entity, country: str | None, when: dt.date | None
    ) -> Entity | None:
        if country is None:
            return None
        for role in role_entity.roles:
            allowed = self.kb.role_countries.get(role.role, frozenset())
            if allowed and country not in allowed:
                continue
            holder = self.kb.holder(country, role.role, when)
            if holder is not None:
                return holder
        return None


_KIND_RANK = {
    "name": 0,
    "alias": 1,
    "surname": 2,
    "role": 3,
    "seat": 4,
    "capital": 5,
    "demonym": 6,
    "place": 8,
    "agent": 7,
}


def _kind_rank(kind: str) -> int:
    return _KIND_RANK.get(kind, 9)


# Participles that place a group ("a newspaper based in Beirut", "workers affiliated with X").
_PLACING_PARTICIPLES = frozenset(
    {"base", "affiliate", "link", "headquarter", "station", "loyal", "belong"}
)


# Nouns that only count or divide the group named after "of" ("thousands of people").
QUANTITY_HEADS = frozenset({"hundreds", "thousands", "dozens", "millions", "tens", "scores",
                            "some", "many", "most", "all", "group", "groups", "number", "part",
                            "majority", "minority", "members", "member", "handful", "crowd",
                            "crowds", "one", "two", "three", "several", "each", "both"})


def semantic_head(head: Token) -> Token:
    while head.lower_ in QUANTITY_HEADS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is None:
            return head
        head = pobj
    return head


def _np_tokens(head: Token) -> list[Token]:
    out: list[Token] = [head]
    stack = [
        c
        for c in head.children
        if c.dep_ not in _NP_STOP_DEPS or (c.dep_ == "acl" and c.lemma_ in _PLACING_PARTICIPLES)
    ]
    while stack:
        token = stack.pop()
        if token.dep_ == "prep" and token.lower_ not in _NP_PREPS:
            continue
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in {"relcl", "acl", "advcl", "punct"})
    out.sort(key=lambda t: t.i)
    return out


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


def _nearest_sector(head: Token, agents: list[Hit]) -> str | None:
    hit = _nearest(head, agents)
    return hit.entity.sector if hit else None


def _country_word_sector(head: Token, countries: list[Hit]) -> str | None:
    """A country name or capital standing alone acts for its government ("Seoul protested");
    a demonym used as a noun names people ("South Koreans")."""
    for hit in countries:
        if hit.start <= head.i < hit.end:
            return "CVL" if hit.kind == "demonym" else "GOV"
    return None


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
