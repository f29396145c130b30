"""Event dates: which time expression of the sentence dates this event, or the publication date.

The tagger in :mod:`dyadwatch.nlp.temporal` finds and normalises time expressions; this module picks
the one that belongs to the event's clause and falls back to the publication (or post) date only for
reports in news-like genres, saying so in ``date_source``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..models import Document, FuzzyDate
from ..nlp.temporal import TimeExpression, find_time_expressions

# Genres whose present/past-tense reports happen around the publication date.
NEWS_GENRES = frozenset({"news", "official", "forum", "comment", "unknown"})
_PAST_TAGS = frozenset({"VBD", "VBN"})


@dataclass(frozen=True, slots=True)
class EventDating:
    value: FuzzyDate | None = None
    value_end: FuzzyDate | None = None
    source: str | None = None  # sentence, relative, publication, post


def tense_of(token: Token) -> str | None:
    auxes = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    head = token.head if token.dep_ == "xcomp" else token
    auxes |= {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "'ll", "shall", "would"} or "going" in {head.lower_}:
        return "future"
    if token.tag_ in _PAST_TAGS or auxes & {"did", "had", "was", "were", "has", "have"}:
        return "past"
    if token.tag_ in {"VBZ", "VBP", "VBG"}:
        return "present"
    return None


def date_event(
    sent: Span, token: Token, document: Document, base: FuzzyDate | None, hypothetical: bool
) -> EventDating:
    offset = _day_offset(token)
    if offset is not None:
        # "…, a day after meeting Clinton": the main clause's day, moved by the gap
        main, days = offset
        dating = date_event(sent, main, document, base, hypothetical)
        if dating.value is not None and dating.value.precision == "day":
            day = dating.value.first_day() + dt.timedelta(days=days)
            # (a guess from the publication day stays a guess)
            source = "publication" if dating.source == "publication" else "relative"
            return EventDating(FuzzyDate.from_date(day), None, source)
    tense = tense_of(token)
    anchor = base if base is not None and base.precision == "day" else None
    expressions = find_time_expressions(sent.text, anchor, tense)
    later = _later_by(token, expressions, sent)
    if later is not None:
        return EventDating(later, None, "relative")
    chosen = _pick(expressions, sent, token)
    if chosen is not None and chosen.value is not None:
        source = "relative" if chosen.anchored else "sentence"
        return EventDating(chosen.value, chosen.value_end, source)
    if hypothetical or base is None or document.genre not in NEWS_GENRES:
        return EventDating()
    if tense == "future":
        return EventDating()
    return EventDating(base, None, "publication")


GAP_WORDS = {"a": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _gap_count(gap: Token) -> int | None:
    """How many units a gap noun counts ("a day", "two days", "5 years")."""
    return next((n for c in gap.children if c.dep_ in {"det", "nummod"}
                 if (n := GAP_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit()
                                                      else None))), None)


def _later_by(token: Token, expressions: list[TimeExpression], sent: Span) -> FuzzyDate | None:
    """ "In November 2019 thieves took …; five years later police attributed the theft …": the
    date named earlier in the sentence, moved on by the gap, at the gap's precision (years give a
    year, months a month, days and weeks a day)."""
    later = next((c for c in token.children if c.dep_ == "advmod" and c.lower_ == "later"), None)
    gap = next((c for c in later.children if c.dep_ == "npadvmod"
                and c.lemma_.lower() in {"year", "month", "week", "day"}), None) \
        if later is not None else None
    if gap is None:
        return None
    count = _gap_count(gap)
    start = gap.left_edge.idx - sent.start_char
    earlier = [e for e in expressions if e.value is not None and e.end <= start]
    if not count or not earlier:
        return None
    value = earlier[-1].value
    unit = gap.lemma_.lower()
    if unit == "year":
        return FuzzyDate(value.year + count)
    if unit == "month":
        if value.month is None:
            return None
        months = value.year * 12 + value.month - 1 + count
        return FuzzyDate(months // 12, months % 12 + 1)
    if value.precision != "day":
        return None
    days = count * (7 if unit == "week" else 1)
    return FuzzyDate.from_date(value.first_day() + dt.timedelta(days=days))


def _day_offset(token: Token) -> tuple[Token, int] | None:
    """For "… , a day after signing the pact" / "two days before meeting": the verb of the
    main clause and the signed gap in days from its date to this event's."""
    if token.dep_ != "pcomp" or token.head.lower_ not in {"after", "before"}:
        return None
    gap = token.head.head
    main = gap.head
    if gap.lemma_.lower() != "day" or gap.dep_ != "npadvmod":
        # "…, a day before sanctioning X": the parser may hang "a day" on the preposition
        gap = next((c for c in token.head.children
                    if c.dep_ == "npadvmod" and c.lemma_.lower() == "day"), None)
        if gap is None:
            return None
        main = token.head.head
    count = _gap_count(gap)
    if not count:
        return None
    return main, (-count if token.head.lower_ == "after" else count)


def _pick(expressions: list[TimeExpression], sent: Span, token: Token) -> TimeExpression | None:
    """The expression inside the event verb's clause, nearest the verb; a lone expression in a
    one-clause sentence also counts."""
    base = sent.start_char
    usable = [e for e in expressions
              if e.value is not None and not _names_a_thing(e, sent, base)]
    if not usable:
        return None
    left = token.left_edge.idx - base
    right = token.right_edge.idx + len(token.right_edge.text) - base
    inside = [e for e in usable if left <= e.start and e.end <= right]
    # A time expression inside a nested clause of another verb ("after the talks that ended on
    # Monday") belongs to that verb; prefer ones attached directly near the trigger.
    position = token.idx - base
    # ... and one inside a clause the trigger governs ("requested that the firm report by 1
    # July", "agreed to meet next month") dates that clause's event, not the trigger's
    clauses = [(c.left_edge.idx - base, c.right_edge.idx + len(c.right_edge.text) - base)
               for c in token.children if _content_clause(c)] \
        if token.lemma_.lower() in CONTENT_VERBS else []
    nested = [e for e in inside if any(lo <= e.start and e.end <= hi for lo, hi in clauses)]
    direct = [e for e in inside if e not in nested]
    if direct:
        return min(direct, key=lambda e: abs(e.start - position))
    rest = [e for e in usable if e not in nested]
    governing = _governing_clause_time(rest, token, base)
    if governing is not None:
        return governing
    verbs = [t for t in sent if t.pos_ == "VERB" and t.dep_ not in {"amod", "compound"}]
    if len(rest) == 1 and len(usable) == 1 and len(verbs) <= 2:
        return rest[0]
    return None


# Verbs whose complement is what is asked, agreed, promised or planned: a time inside it
# dates that, not the asking ("asked Japan to withdraw the curbs by July 1")
CONTENT_VERBS = frozenset({"ask", "urge", "request", "demand", "call", "press", "tell", "order",
                           "agree", "promise", "pledge", "vow", "warn", "threaten", "plan",
                           "propose", "offer", "invite", "insist", "require", "seek", "want"})


def _governing_clause_time(usable: list[TimeExpression], token: Token,
                           base: int) -> TimeExpression | None:
    """ "Seoul said on Friday that it would …", "Tokyo summoned the envoy on Friday, and Kato
    called …": with no time of its own, a reported or coordinated event takes the time adjunct
    of the clause it hangs on (not of a time clause: "… after Z did W" keeps its own)."""
    current = token
    while current.head.i != current.i and (
            current.dep_ in {"conj", "ccomp", "xcomp"} or _same_time_clause(current)
            or _where_clause(current) or current.pos_ not in {"VERB", "AUX"}):
        # also up from a noun to its verb ("arrived on Friday as Bush's guest") and from a
        # where-clause to the clause of its place ("began the trip on Friday at the plant,
        # where Yoon greeted him")
        head = current.head
        adjuncts = [c for c in head.children
                    if (c.dep_ in {"prep", "npadvmod", "advmod"} or _same_time_clause(c))
                    and c.i != current.i]
        # "attended Roh's swearing-in on Tuesday and held talks": the parser may hang the
        # time on the object
        adjuncts += [p for c in head.children if c.dep_ == "dobj" and c.i != current.i
                     for p in c.children if p.dep_ == "prep"]
        spans = [(c.left_edge.idx - base, c.right_edge.idx + len(c.right_edge.text) - base)
                 for c in adjuncts]
        found = [e for e in usable if any(lo <= e.start and e.end <= hi for lo, hi in spans)]
        if found:
            return min(found, key=lambda e: abs(e.start - (head.idx - base)))
        current = head
    return None


def _content_clause(clause: Token) -> bool:
    """What is requested, planned or agreed ("that the firm report by 1 July", "to meet next
    month"); a bare infinitive ("let Hwang fly to Manila on Tuesday") is the act itself."""
    return clause.dep_ in {"ccomp", "xcomp"} and (clause.tag_ != "VB" or any(
        c.dep_ in {"aux", "mark"} and c.lower_ in {"to", "that"} for c in clause.children))


def _where_clause(clause: Token) -> bool:
    return clause.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in clause.children)


def _same_time_clause(clause: Token) -> bool:
    """ "When Kim Il Sung died in July 1994, Seoul …", "… as he dashed across on Monday": a
    when-, as- or while-clause's time is the main clause's; so is that of a closing participle
    ("In late 2005 China called off the summit, blaming Koizumi's visits")."""
    if clause.dep_ != "advcl":
        return False
    if clause.tag_ == "VBG" and clause.i > 0 and clause.doc[clause.i - 1].text == "," \
            and not any(c.dep_ in {"mark", "nsubj", "advmod"} for c in clause.children
                        if c.i < clause.i):
        return True
    return any(
        c.dep_ == "advmod" and c.lower_ == "when" or c.dep_ == "mark" and c.lower_ in {
            "as", "while"} for c in clause.children)


MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "poss", "quantmod"})
TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "dawn", "noon", "midnight",
                        "week", "weekend", "day", "month", "year", "time", "hour", "deadline"})


def _names_a_thing(expression: TimeExpression, sent: Span, base: int) -> bool:
    """ "under Japan's 1910-45 rule", "the 2015 deal": a date that modifies a noun names the
    thing (a period, an agreement), not the time of the event."""
    tokens = [t for t in sent if expression.start <= t.idx - base < expression.end]
    roots = [t for t in tokens if not expression.start <= t.head.idx - base < expression.end
             or t.head.i == t.i]
    return bool(roots) and all(
        t.dep_ in MODIFIER_DEPS and t.head.pos_ in {"NOUN", "PROPN"}
        and t.head.lemma_.lower() not in TIME_NOUNS  # "Sunday morning" is a time
        for t in roots)
