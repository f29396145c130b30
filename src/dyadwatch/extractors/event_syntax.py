"""Dependency-parse helpers of the event coder: objects, particles, complements, places.

Pure functions over spaCy tokens (and alias hits); the coder in :mod:`.events` decides what they
mean for an event.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from .actors import Hit
from .patterns import Trigger

TOPIC_PREPS = frozenset({"on", "over", "in", "about", "for", "at"})
TARGETED_TYPES = frozenset(
    {"SANCTION", "COERCE", "ASSAULT", "ACCUSE", "THREATEN", "PROTEST", "REQUEST", "MOBILIZE"}
)


def recipient_prep(prep: str, trigger: Trigger) -> bool:
    if prep in trigger.words:
        return True
    if prep == "in":
        return trigger.event_type == "CONSULT" and trigger.mode == "visit"
    if prep in TOPIC_PREPS:
        if trigger.event_type == "MOBILIZE" and prep in {"over", "on", "in"}:
            return False  # "fired a missile over Japan": the flight path, not a target
        return trigger.event_type in TARGETED_TYPES and prep != "for"
    return True


NAMED_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NON_ACTOR_HEADS = frozenset(
    {
        "typhoon",
        "storm",
        "hurricane",
        "cyclone",
        "earthquake",
        "quake",
        "tsunami",
        "flood",
        "flooding",
        "landslide",
        "fire",
        "wildfire",
        "blaze",
        "heatwave",
        "train",
        "crash",
        "accident",
        "derailment",
        "virus",
        "disease",
        "outbreak",
        "pandemic",
        "eruption",
        "avalanche",
        "explosion",
        "collapse",
    }
)


def names_someone(token: Token) -> bool:
    """A subject that names a person or group, even one the knowledge files lack (not a storm,
    a train or a product)."""
    if token.lemma_.lower() in NON_ACTOR_HEADS or any(
        t.lemma_.lower() in NON_ACTOR_HEADS for t in token.children if t.dep_ == "compound"
    ):
        return False
    if token.ent_type_:
        return token.ent_type_ in NAMED_ENTITY_TYPES
    # "the Umma (Nation) party": a common noun headed by a name
    return token.pos_ == "PROPN" or any(
        c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in token.children)


def place_country(prep: Token, hits: dict[int, Hit]) -> str | None:
    """The country of a place phrase: "in Italy", "in Algiers", "at a jail in Dili"."""
    for pobj in prep.children:
        if pobj.dep_ != "pobj":
            continue
        hit = hits.get(pobj.i)
        if hit is not None and hit.entity.kind in {"country", "place"} and hit.kind != "demonym":
            return hit.entity.country
        for inner in pobj.children:
            if inner.dep_ == "prep" and inner.lower_ in {"in", "of"}:
                nested = place_country(inner, hits)
                if nested is not None:
                    return nested
            elif inner.dep_ == "poss":  # "at Seoul's Gimpo airport"
                owner = hits.get(inner.i)
                if owner is not None and owner.entity.kind in {"country", "place"}:
                    return owner.entity.country
    return None


def plural(text: str) -> bool:
    """Whether a group's text names many ("protesters", "youths in Belfast")."""
    words = text.replace(",", " ").split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in PLACING_WORDS), len(words))
    last = words[cut - 1].lower() if words else ""
    return last.endswith("s") and not last.endswith("ss") or last in {"people", "crowd", "they"}


# Words after which a group's name goes on to say where it is or who it is ("youths in
# Belfast", "miners who …"); not "from", which may name another nationality ("tourists from
# China": no crowd of the place).
PLACING_WORDS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "who",
                           "which", "that"})


def elaborates(main: Trigger, participle: Trigger | None) -> bool:
    """A participle clause that spells out the main event rather than adding one: the same type,
    or the demand voiced by a protest (PLOVER codes the protest only)."""
    if participle is None:
        return False
    return participle.event_type == main.event_type or (
        main.event_type == "PROTEST" and participle.event_type in {"REQUEST", "ACCUSE"}
    ) or {main.event_type, participle.event_type} == {"RETREAT", "CONCEDE"}
    # ("eased its sanctions, lifting a travel ban and allowing ships to call": one easing)


def obliged(token: Token) -> bool:
    """ "(that) Tokyo must stop", "should apologise"."""
    return any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in token.children)


def told_needs_to(token: Token, speech: Collection[str]) -> bool:
    """ "told Aso that Japan needed to face history", "said the emperor would have to
    apologise": what another side is said to need to do (not "has enough reserves to", "is
    needed", nor a need of the speaker himself)."""
    if token.dep_ != "ccomp" or token.head.lemma_ not in speech or token.lemma_ not in {
            "need", "have"} or token.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or (
            speaker is not None and subject.lower_ == speaker.lower_):
        return False
    return any((c.dep_ == "xcomp" and infinitive(c)) or infinitival(c) for c in token.children)


def infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def infinitival(token: Token) -> bool:
    """An adverbial clause that is really a "to"-complement ("sworn to fight")."""
    return token.dep_ == "advcl" and infinitive(token)


OCCASION_NOUNS = frozenset({"sideline", "sidelines", "margin", "eve"})


def is_time_phrase(prep: Token) -> bool:
    """ "on Sunday", "on the sidelines of the summit", "on the eve of the G20": when or where, not a
    particle."""
    return any(c.dep_ == "pobj" and (c.ent_type_ in {"DATE", "TIME"} and not _measures(c)
                                     or c.lemma_.lower() in OCCASION_NOUNS)
               for c in prep.children)


def _measures(noun: Token) -> bool:
    """A span of time that measures a thing ("bowing to weeks of pressure", "after months of
    talks"), not the time itself ("on the second day of his visit"): plural units with no
    article and an "of" phrase on a noun outside the date."""
    return noun.tag_ == "NNS" and not any(c.dep_ == "det" for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and not g.ent_type_ for g in c.children) for c in noun.children)


PARTICLES = frozenset({"out", "back", "up", "off", "down", "away", "in", "over"})


def child_words(token: Token) -> set[str]:
    """Particles, prepositions and other small dependents a pattern may require ("call for");
    a time phrase ("on Sunday") is not a particle."""
    children = [c for c in token.children if not (c.dep_ == "prep" and is_time_phrase(c))]
    words = {
        c.lower_
        for c in children
        if c.dep_ in {"prt", "prep", "agent", "advmod", "acomp", "dobj", "aux", "intj"}
        or c.dep_ == "dative" and c.pos_ == "ADP"  # ("sent him to prison": "to" as dative)
    }
    words |= {c.lemma_.lower() for c in children if c.dep_ in {"dobj", "prep", "prt"}}
    # "calls for China to compensate": the parser hangs "for" on the complement as its marker
    words |= {
        m.lower_
        for c in children
        if c.dep_ in {"advcl", "ccomp", "xcomp"}
        for m in c.children
        if m.dep_ == "mark" and m.lower_ == "for"
    }
    # "pulled out of", "put ... back on": the parser hangs the preposition on the particle
    words |= {
        g.lower_
        for c in children
        if c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in PARTICLES
        for g in c.children
        if g.dep_ == "prep" and not is_time_phrase(g)
    }
    prep = PREP_ON_OBJECT.get(token.lemma_)
    if prep is not None and any(g.dep_ == "prep" and g.lower_ == prep
                                for c in children if c.dep_ == "dobj" for g in c.children):
        words.add(prep)
    return words


# Verbs that name a thing in a free relative ("what it called a hypersonic missile").
NAMING_LEMMAS = frozenset({"call", "describe", "term", "dub", "label"})
SEEMING_LEMMAS = frozenset({"appear", "seem", "look"})
RELATIVE_OBJECTS = frozenset({"that", "which", "whom", "who"})
LAUNCHED_WEAPONS = frozenset({"missile", "rocket", "projectile", "icbm", "slbm", "satellite"})
# Verbs whose preposition the parser hangs on the object ("told the Chinese side of its concern",
# "delivered an address to both houses", "stripped a dissident of his citizenship"; not
# "answer … with", whose object often carries the pattern's word: "answering the rocket launch
# with the toughest measures")
PREP_ON_OBJECT = {"tell": "of", "inform": "of", "notify": "of", "apprise": "of",
                  "deliver": "to", "strip": "of"}


def object_tokens(token: Token, preps: frozenset[str] = frozenset()) -> list[Token]:
    out: list[Token] = []
    # (a relative pronoun object counts for the noun only for a weapon whose flight the sentence
    # tells: "a missile that North Korea launched blew up"; not "…, money that Seoul poured into
    # steelworks", "the missiles that North Korea could launch")
    relative = token.dep_ == "relcl" and token.head.dep_ in {"nsubj", "nsubjpass"} \
        and token.head.lemma_.lower() in LAUNCHED_WEAPONS \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
    if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN"} and not any(
            c.dep_ in {"dobj", "nsubjpass"} and not (relative and c.lower_ in RELATIVE_OBJECTS)
            for c in token.children) and (
            token.dep_ == "relcl" and not any(c.lower_ in {"who", "which", "that"} and
                                              c.dep_ in {"nsubj", "nsubjpass"}
                                              for c in token.children)
            or token.dep_ == "acl" and token.tag_ == "VBN"):
        # "the measures it had imposed", "a suit brought by 20 women", "a missile that North
        # Korea launched": the noun is the object
        out.append(token.head)
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            if relative and child.lower_ in RELATIVE_OBJECTS:
                continue  # (the relative pronoun stands for the noun above)
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj")
            prep = PREP_ON_OBJECT.get(token.lemma_)
            if prep in preps and child.dep_ == "dobj":
                out.extend(o for c in child.children if c.dep_ == "prep" and c.lower_ == prep
                           for o in c.children if o.dep_ == "pobj")
        elif child.dep_ == "ccomp" and child.lemma_ in NAMING_LEMMAS and any(
                c.dep_ == "dobj" and c.lower_ == "what" for c in child.children):
            # "fired what it later called a hypersonic missile": the thing as named ("what it
            # described as a …": the object of "as")
            out.extend(c for c in child.children if c.dep_ in {"oprd", "attr"})
            out.extend(o for c in child.children if c.dep_ == "prep" and c.lower_ == "as"
                       for o in c.children if o.dep_ == "pobj")
        elif child.dep_ == "ccomp" and child.lemma_ in SEEMING_LEMMAS and any(
                c.dep_ == "nsubj" and c.lower_ == "what" for c in child.children):
            # "fired what appeared to be a ballistic missile": the thing it seemed to be
            out.extend(a for c in child.children if c.dep_ == "xcomp" and c.lemma_ == "be"
                       for a in c.children if a.dep_ == "attr")
        elif child.dep_ in {"ccomp", "xcomp"} and child.pos_ == "ADJ" and any(
                c.dep_ == "nsubj" for c in child.children):
            out.append(child)  # "found three members guilty": a small clause
        elif (child.dep_ in {"prep", "prt", "agent"}
              or child.dep_ == "dative" and child.pos_ == "ADP"
              or child.dep_ == "advmod" and child.lower_ in PARTICLES) and child.lower_ in preps:
            # ("walked away from the partnership": "away" read as an adverb)
            out.extend(c for c in child.children if c.dep_ == "pobj")
            if child.lower_ in PARTICLES:  # "pulled out of the city": "of" hangs on "out"
                out.extend(c for g in child.children if g.dep_ == "prep" and g.lower_ in preps
                           for c in g.children if c.dep_ == "pobj")
    return out


def object_lemmas(token: Token, preps: frozenset[str] = frozenset()) -> set[str]:
    """Lemmas of the objects, their modifiers, and of-phrases of quantity nouns ("700 kg of
    medicine", "a state of emergency", "part of a stronghold")."""
    lemmas: set[str] = set()
    for obj in object_tokens(token, preps):
        lemmas.add(obj.lemma_.lower())
        lemmas.add(obj.lower_)
        if obj.i >= 2 and obj.doc[obj.i - 1].text == "-" and not obj.doc[obj.i - 2].whitespace_:
            # "a sit-in", "a walk-out": the tokenizer split the hyphenated noun
            lemmas.add(f"{obj.doc[obj.i - 2].lower_}-{obj.lower_}")
        # "kicked off Freedom Edge, the first multi-domain exercise": what the name is
        lemmas.update(c.lemma_.lower() for c in obj.children if c.dep_ == "appos")
        for child in obj.children:
            if child.dep_ in {"compound", "amod"}:
                if child.tag_ != "VBN":  # (not "the planned exchange" as a plan)
                    lemmas.add(child.lemma_.lower())
                lemmas.add(child.lower_)  # ("warning shots": the lemma may be "warn")
            elif child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pcomp":  # "hundreds of warning shots" parsed as a verb
                        lemmas.add(pobj.lower_)
                    if pobj.dep_ == "pobj":
                        _add_of_object(pobj, lemmas)
                        if obj.lemma_.lower() not in AMOUNT_WORDS \
                                or pobj.lemma_.lower() not in AMOUNT_WORDS:
                            continue
                        # (one step further through amounts: "half of the 250,000 tonnes of
                        # food aid"; not "the suspension of the implementation of the deal")
                        for inner in (g for c in pobj.children if c.dep_ == "prep"
                                      and c.lower_ == "of" for g in c.children
                                      if g.dep_ == "pobj"):
                            _add_of_object(inner, lemmas)
    return lemmas


AMOUNT_WORDS = frozenset({"half", "third", "quarter", "part", "portion", "share", "most", "rest",
                          "remainder", "bulk", "some", "all", "percent", "%", "tonne", "ton",
                          "kilogram", "kg", "barrel", "box", "batch", "lot", "shipment",
                          "consignment", "million", "billion", "thousand", "hundred", "dozen",
                          "dollar", "euro", "yen", "won", "yuan", "pound"})


def _add_of_object(pobj: Token, lemmas: set[str]) -> None:
    lemmas.add(pobj.lemma_.lower())
    lemmas.update(c.lemma_.lower() for c in pobj.children
                  if c.dep_ in {"compound", "amod", "nmod"})


def hyphen_pieces(token: Token) -> list[Token]:
    """The pieces of a hyphenated name the parser split into sibling tokens ("Moo", "-", "hyun"
    of "Roh Moo-hyun", each attached to the verb): the token and its hyphen-joined neighbours."""
    pieces = [token]
    for step in (-1, 1):
        i = token.i + step
        doc = token.doc
        while 0 <= i + step < len(doc) and doc[i].text == "-" and not doc[i].whitespace_ \
                and not doc[i - 1 if step == 1 else i].whitespace_:
            nxt = doc[i + step]
            if nxt.head.i != token.head.i or nxt.dep_ != token.dep_:
                break
            pieces.append(nxt)
            i += 2 * step
    return sorted(pieces, key=lambda t: t.i)


def conjuncts(head: Token) -> list[Token]:
    out = [head]
    stack = [c for piece in hyphen_pieces(head) for c in piece.children if c.dep_ == "conj"]
    if head.pos_ == "PROPN":
        # "Li Qiang, Fumio Kishida and Yoon Suk Yeol": the parser makes the second name an
        # apposition carrying the third as its conjunct; a list of names all the same
        stack += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                  and c.ent_type_ in {"PERSON", "GPE"} and any(
                      g.dep_ == "conj" and g.ent_type_ in {"PERSON", "GPE"} for g in c.children)]
    elif head.tag_ == "NNS" and not stack:
        # "The defence ministers of Japan and South Korea, Yasukazu Hamada and Lee Jong-sup,
        # held talks": the names in apposition are the actors
        names = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                      and any(g.dep_ == "conj" and g.pos_ == "PROPN" for g in c.children)), None)
        if names is not None:
            out, stack = [names], [g for g in names.children if g.dep_ == "conj"]
    while stack:
        token = stack.pop(0)
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ == "conj")
    return out
