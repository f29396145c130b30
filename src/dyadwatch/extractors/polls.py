"""Poll figures: the share of a survey's respondents who hold a view, as cited records.

``PollExtractor(dyad).extract(document, sentences)`` reads each sentence for percentages and
survey-style shares ("one in five Japanese", "roughly three-quarters of South Koreans") and keeps
those that are survey figures. Words and names come from ``knowledge/polls.yaml`` (pollsters,
measures and their cue words, topics, non-poll markers) and from the dyad's actor knowledge
(country names and demonyms). The knowledge file is read by ``poll_lexicon``; shares, number
words, changes in points and survey times are found by ``poll_numbers``.

What counts as a poll figure
  A share needs a measure (a cue word such as "unfavourable", "oppose", "worried"; the cue of a
  yes/no question for "said yes" / "said no"; or, for a share with no cue of its own, a
  coordinated neighbour that has one: "12% favourably and 77% unfavourably", "... and 58.0% said
  they did not", "... against 26% who said it could", "(71%) ... (49%)") and survey evidence: a
  survey word (poll, survey, respondents, asked, approval rating ...) or a pollster's name in the
  sentence or in the two sentences before it in the same post, or a country's public named as
  holding the view ("12.3% of Koreans had a good impression of Japan"; a place opening the clause,
  "In Japan, 45% ...", only next to the figure). Shares of votes (exit polls included), turnout,
  markets, trade and the like, percentage changes ("down 99.9%", "grew 1.4%"), earlier figures of
  a series ("down from 76.6 percent") and word fractions that do not name people ("a fifth of
  exports") are not figures; nor is anything in a sentence about votes or a referendum that has no
  survey word of its own. A figure in a heading is kept only when the body does not give the same
  value for the same public (headlines repeat the body; a short forum line may be all there is).

Field conventions
  - ``value``: the number the phrase names; a hedge ("nearly 60 percent") stays in the evidence
    span, not in the value. An exact figure in brackets after an approximation ("about half
    (50.6%)") is the value and the span.
  - ``population``: ISO3 of the respondents: a demonym ("of Japanese", "South Koreans'"), "in
    Japan", a country before the figure in tables ("japan 87%"), then the pollster's home public
    (Gallup Korea asks South Koreans), "in Japan" opening the figure's clause ("while in
    Japan the figure was 40.3%"), a coordinated neighbour, the previous sentence's figure,
    and last the dyad rule: a figure about one country of the dyad with no respondents named is
    read as the other country's view. "In both countries" gives one record per dyad country.
  - ``subject``: a topic id from the knowledge file for stance, behaviour and concern measures
    when a topic cue is in the sentence; otherwise the country the view is about (a person of
    the actor files named in full, or a capital, stands for their country: "confidence in Xi
    Jinping", "blamed Tokyo"). A favourable or unfavourable view of a topic is a stance on it
    ("the summit was rated positively by 36%" is support for the summit). "The other
    country", "each other" and "their neighbour" resolve to the other population of the sentence
    (or the other dyad country); "their own" to the population itself. A favourable/unfavourable
    view with no subject named, held by one dyad country, is taken to be about the other.
  - ``measure``: from the cue nearest the figure in its own clause (a cue is assigned to the
    figure on its side of a comma or conjunction); negated cues take the opposite measure, or
    none when the measure has no opposite ("not worried"); "influence" in the sentence
    turns favourable/unfavourable into positive/negative_influence.
  - ``change``: signed points, from "up/down N points", "N points fewer", "fell N points to V",
    "a 2.3-point drop", "(+8)", "2.1%p", "N points lower than last year, at V", a change opening
    the next sentence ("Up from 20% in 2019."), or value minus an earlier figure named with
    "from" ("up from 41% and 59%" is read respectively; "(2021: 32.1%)"). Words without a number
    ("eased") and gaps between publics ("12 points fewer Koreans than Japanese") give none.
  - ``pollster``: canonical names, in text order, from the sentence, a source note just after it
    ("Source: Genron NPO ...", "The poll was carried out by Korea Research."), or the previous
    three sentences of the post unless the sentence names another survey. "Gallup" polling South
    Koreans is Gallup Korea.
  - ``year``/``date``: the survey's time as the text gives it: first a time attached to the
    survey (fieldwork such as "conducted this week", then release such as "published in
    December", then a year next to the survey's name), then a time in the figure's own clause,
    then any other date of the sentence. Times in "since ..." and "after ..." clauses and times of
    comparison figures ("a year earlier") are ignored; a fieldwork sentence just before the
    figure ("Fieldwork ran from 23 to 25 July.") dates it; a range across two months gives the
    year only. Relative times ("this year", "this week",
    "in July") resolve against the publication date; "a new poll" gives the publication year.
    ``date`` is set only from a month or day attached to the survey or the figure; fieldwork
    inside a week gives its month. ``year`` always equals ``date.year`` when a date is set.
  - ``evidence``: the value span in ``document.text``; ``rule`` is ``polls/1:<how>`` where
    ``how`` is ``share``, ``words``, ``fraction`` or ``coordinated`` (the measure came from a
    neighbour).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..config import Dyad
from ..errors import KnowledgeError
from ..models import Document, Evidence, FuzzyDate, PollFigure, Sentence
from .actor_kb import ActorKnowledge, knowledge_for
from .poll_lexicon import PollLexicon, load_poll_lexicon
from .poll_numbers import (
    NUMERIC_SHARE,
    NumberMention,
    TimeMention,
    assign_changes,
    background_clauses,
    best_time,
    find_numbers,
    gap_words,
    has_separator,
    in_brackets,
    leading_change,
    parse_number_word,
    same_clause,
    survey_times,
)

# Importers of this module also get the lexicon loader and the number-word parser.
__all__ = ["PollExtractor", "PollLexicon", "load_poll_lexicon", "parse_number_word"]

RULE = "polls/1"

# --- clauses and context ---------------------------------------------------------------------

_GAPPED = re.compile(r"\s*(?:$|[,;:.)(]|(?:of|in|among|across|on|for|to|about|toward|towards|"
                     r"from|with)\b)", re.I)
_COORDINATION = re.compile(
    r"\s*(?:(?:of|in|among|from|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*)?"
    r"(?:,\s*and|,|and)\s+(?:(?:about|nearly|around|roughly|almost|just|only|some|over)\s+)*",
    re.I)
_SAME = re.compile(r"^[^,;:()]*?\b(?:the same|likewise|similarly|as well|too)\b", re.I)
_FLIP = re.compile(
    r"^\s*(?:who\s+)?(?:said|say|says|felt|feel|feels|were|was|are|do|did|had|have)?\s*"
    r"(?:they |so |it |he |she )?(?:(?:is|was|are|were|could|can|would|will) )?"
    r"(?:did not|do not|does not|didn['’]?t|don['’]?t|doesn['’]?t|not|felt none|feel none|"
    r"had none|have none|none|disagreed|disagree)\b", re.I)
_NEGATOR = re.compile(r"(?:\bnot|\bno|\bnever|n['’]t|\b(?:ca|do|does|did|wo|is|are|was|were|could|"
                      r"would|should)nt|\bneither|\bnor)\s+(?:\w+\s+){0,2}$", re.I)
# An answer to a yes/no question ("Asked whether ..., 29 per cent said yes") and the question.
_ANSWER = re.compile(r"^[^,;:.()]{0,40}?\b(?:said|say|says|answered|replied|responded)\s+"
                     r"[\"“']?(?P<answer>yes|no)\b", re.I)
_QUESTION = re.compile(r"\b(?:asked|question(?:ed)?|asking)\s+(?:\w+\s+){0,2}?(?:whether|if)\b"
                       r"[^;:?]*?(?:[,;:?]|$)", re.I)
# "... said it could not be trusted, against 26% who said it could": an echo with no verb of
# its own, the opposite of a negated neighbour.
_ECHO = re.compile(r"^\s*(?:who|that)?\s*(?:said|say|says|felt|feel|think|thought|believed?)\s+"
                   r"(?:it|they|he|she|so)\s+(?:could|can|did|do|does|would|will|was|were|is|are|"
                   r"had|has|have)\s*(?:[.,;)]|$)", re.I)
_NEW_SURVEY = re.compile(r"\b(?:another|a separate|a different|a second|other|rival)\s+"
                         r"(?:\w+\s+){0,2}(?:poll|survey)", re.I)
# A clause opening on a country: "In Japan, ...", "while in South Korea the share ...".
_CLAUSE_IN = re.compile(r"(?:^|[,;:(]|\b(?:while|whereas|whilst|but|and|meanwhile|yet))\s*"
                        r"(?:in|among|across)\s+(?:the\s+)?$", re.I)
# A word share standing for people already named, followed by its verb: "eight in ten do not".
_PRONOUN_SHARE = re.compile(r"\s*(?:do|did|does|say|said|says|are|were|have|had|feel|felt|think|"
                            r"thought|disagree|disagreed|agree|agreed|oppose|opposed|support|"
                            r"supported|want|wanted)\b", re.I)
# A note after the figures naming who ran the survey: "The poll was carried out by Korea
# Research." (checked only in sentences that name a pollster and give no share)
_CONDUCTED_BY = re.compile(r"\b(?:poll|survey|study|fieldwork)\b[^.;]{0,60}?\b(?:by|for)\b", re.I)
_SOURCE_NOTE = re.compile(r"^\s*(?:source|sources|data|via|figures)\b", re.I)
_POSSESSIVE = re.compile(r"^(?:'s|’s|s'|')")
# Between a word fraction and its people: "one in five Japanese", "three-quarters of South
# Koreans", "half of those polled", "seven in ten young Koreans" -- not "half a million people".
_PEOPLE_GAP = re.compile(r"\s+(?:of\s+)?(?:(?:the|all|those|these)\s+)?(?:(?!an?\b)[\w-]+\s+)?",
                         re.I)


# --- working records (private to this module) --------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Place:
    """A country, a relative phrase or a people noun; ``iso3`` is an ISO3 code, "" (people of
    no named country), "BOTH", "OTHER" or "OWN"."""

    start: int
    end: int
    iso3: str
    role: str  # people, subject, in
    marked: bool = False  # a subject introduced by a preposition, a verb or a possessive
    person: bool = False  # a named person standing for their country
    frame: bool = False  # a clause's place ("In Japan, ..."): respondents, not survey evidence


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    label: str  # a measure, a topic id or a pollster index
    negated: bool = False  # a measure cue under negation ("could not be trusted")


@dataclass(slots=True)
class _Draft:
    number: NumberMention
    measure: str | None = None
    measure_after: bool = False
    coordinated: bool = False
    population: str | None = None
    population_own: bool = False
    has_people: bool = False
    subject: str | None = None
    subject_own: bool = False
    subject_person: bool = False
    measure_own: bool = False
    measure_pos: int = -1
    measure_end: int = -1
    measure_negated: bool = False
    subject_pos: int = -1
    change: float | None = None
    group: tuple[int, ...] = ()  # pollster indexes
    from_context: bool = False  # pollster (and so survey time) taken from another sentence
    year: int | None = None
    date: FuzzyDate | None = None


@dataclass(slots=True)
class _Context:
    """What nearby sentences of the same post say about the survey."""

    survey: bool = False
    group: tuple[int, ...] = ()
    year: int | None = None
    date: FuzzyDate | None = None
    population: str | None = None
    subject: str | None = None
    topic: str | None = None
    dated: bool = False  # the survey's time is given in a sentence before, with no figures


@dataclass(slots=True)
class _Scan:
    """What one sentence says about surveys, before its figures are read."""

    pollsters: list[_Span]
    groups: list[tuple[int, int, tuple[int, ...]]]  # start, end, pollster indexes
    survey: bool
    election: bool  # reports a vote and names no survey
    new_survey: bool
    source_note: bool
    find_topics: Callable[[], list[_Span]]  # (read only for sentences with figures or next
    # to them: most sentences have none, and the topic patterns are many)
    numbers: list[NumberMention] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)  # background clauses
    times: list[tuple[TimeMention, str]] = field(default_factory=list)  # (time, class)
    drafts: list[_Draft] = field(default_factory=list)
    found_topics: list[_Span] | None = None

    @property
    def topics(self) -> list[_Span]:
        if self.found_topics is None:
            self.found_topics = self.find_topics()
        return self.found_topics


_Attach = Callable[[int, int], _Draft | None]


# Words that introduce the subject of a view: "a bad impression of Japan", "rated Japan".
_SUBJECT_LEAD = frozenset((
    "of", "toward", "towards", "about", "on", "to", "at", "with", "against", "for", "over", "view",
    "views", "viewed", "viewing", "rate", "rates", "rated", "rating", "like", "likes", "liked",
    "dislike", "dislikes", "disliked", "see", "sees", "saw", "regard", "regards", "regarded",
    "trust", "trusts", "trusted", "distrust", "distrusted", "blame", "blamed", "blames"))


class PollExtractor:
    """Reads survey figures from a document's sentences (conventions in the module docstring)."""

    def __init__(self, dyad: Dyad, kb: ActorKnowledge | None = None,
                 lexicon: PollLexicon | None = None) -> None:
        self.dyad = dyad
        self.kb = kb if kb is not None else knowledge_for(dyad)
        self.lexicon = lexicon or load_poll_lexicon()
        self._country_names: dict[str, tuple[str, bool, str]] = {}
        for alias in self.kb.aliases:
            entity = self.kb.entities[alias.entity]
            if entity.kind == "country" and entity.country and alias.kind in (
                    "name", "alias", "demonym"):
                self._country_names.setdefault(
                    alias.text.lower(), (entity.country, alias.kind == "demonym", alias.text))
        # People of the knowledge files, by full name: "confidence in Xi Jinping" is a view of
        # China. Surnames alone are left out ("Moon", "Lee" and "Abe" are too ambiguous).
        self._person_names: dict[str, tuple[str, str]] = {}
        for alias in self.kb.aliases:
            entity = self.kb.entities[alias.entity]
            if entity.kind == "person" and entity.country and alias.kind in ("name", "alias"):
                self._person_names.setdefault(alias.text.lower(), (entity.country, alias.text))
        # Capitals stand for their governments ("blamed Tokyo", "Seoul's decision"): a view's
        # subject, never its respondents.
        self._capitals: dict[str, tuple[str, str]] = {
            a.text.lower(): (self.kb.entities[a.entity].country or "", a.text)
            for a in self.kb.aliases if a.kind == "capital" and self.kb.entities[
                a.entity].kind == "country" and self.kb.entities[a.entity].country}
        self._capital_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(k) for k in sorted(self._capitals, key=len, reverse=True)) + r")(?![\w-])",
            re.I)
        people = [re.escape(k) for k in sorted(self._person_names, key=len, reverse=True)]
        self._person_pattern = re.compile(r"(?<![\w-])(?:" + "|".join(people) + r")(?![\w-])",
                                          re.I)
        names = [re.escape(k) for k in sorted(self._country_names, key=len, reverse=True)]
        extras = [source for source, _ in self.lexicon.extra_aliases]
        self._country_pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(extras + names) + r")(?![\w-])", re.I)
        subject = (r"(?:the |a )?(?:" + "|".join(names) + "|"
                   + self.lexicon.relative_other.pattern + ")")
        self._cues: list[tuple[str, re.Pattern[str]]] = []
        for measure in self.lexicon.measures.values():
            sources = [cue.replace("{subject}", subject) for cue in measure.cues]
            try:
                self._cues.append((measure.name, re.compile(
                    r"\b(?:" + "|".join(f"(?:{c})" for c in sources) + r")\b", re.I)))
            except re.error as exc:
                raise KnowledgeError(
                    f"polls.yaml: measure {measure.name}: bad cue ({exc})") from exc

    # --- public ---------------------------------------------------------------------------

    def extract(self, document: Document, sentences: Sequence[Sentence]) -> tuple[PollFigure, ...]:
        """The poll figures of ``document``; ``sentences`` are its sentences in order."""
        pub = document.published
        scans = [self._scan(s.text, pub) for s in sentences]
        for index, sentence in enumerate(sentences):
            scans[index].drafts = self._read(sentence, index, sentences, scans, pub)
            before = scans[index - 1].drafts if index else []
            if not scans[index].drafts and before and sentences[index - 1].post_index == \
                    sentence.post_index and before[-1].change is None:
                # "... 31.4%. Up from 20% in 2019." -- a change given on its own
                lead = leading_change(sentence.text, scans[index].numbers)
                if lead is not None:
                    kind, amount = lead
                    before[-1].change = amount if kind == "points" else round(
                        before[-1].number.value - amount, 2)
        body: list[PollFigure] = []
        headings: list[PollFigure] = []
        for sentence, scan in zip(sentences, scans, strict=True):
            records = self._records(document, sentence, scan.drafts)
            (headings if sentence.is_heading else body).extend(records)
        # A headline repeats a figure of the body; a short unpunctuated line (a forum post, a
        # caption) may be the only place a figure is given.
        told = {(f.value, f.population) for f in body}
        headings = [f for f in headings if (f.value, f.population) not in told]
        return tuple(sorted(body + headings, key=lambda f: f.evidence.start))

    # --- per-sentence survey context ---------------------------------------------------------

    def _scan(self, text: str, pub: FuzzyDate | None) -> _Scan:
        lex = self.lexicon
        hits: list[_Span] = []
        for match in lex.pollster_pattern.finditer(text):
            group = next(k for k, v in match.groupdict().items() if v is not None)
            hits.append(_Span(match.start(), match.end(), group[1:]))
        groups: list[tuple[int, int, tuple[int, ...]]] = []
        for hit in hits:
            if groups:
                start, end, members = groups[-1]
                gap = text[end:hit.start]
                if (len(gap) <= 40 and not re.search(r"[\d.;:()!?]", gap)
                        and (not gap.strip() or re.search(
                            r"[,&/+–—-]|\b(?:and|x|with|for)\b", gap, re.I))):
                    groups[-1] = (start, hit.end, (*members, int(hit.label)))
                    continue
            groups.append((hit.start, hit.end, (int(hit.label),)))
        def find_topics() -> list[_Span]:
            topics: list[_Span] = []
            for topic_id, pattern in lex.topics:
                for match in pattern.finditer(text):
                    if not any(t.start < match.end() and match.start() < t.end
                               for t in topics):
                        topics.append(_Span(match.start(), match.end(), topic_id))
            return sorted(topics, key=lambda t: t.start)

        words = gap_words(text)
        surveyed = lex.survey_cue.search(lex.not_survey.sub(" ", text)) is not None
        scan = _Scan(
            pollsters=hits,
            groups=groups,
            survey=bool(hits) or surveyed,
            election=not surveyed and lex.election.search(text) is not None,
            new_survey=_NEW_SURVEY.search(text) is not None,
            source_note=bool(groups) and not NUMERIC_SHARE.search(text) and (
                _SOURCE_NOTE.match(text) is not None or words <= 6
                or _CONDUCTED_BY.search(text) is not None),
            find_topics=find_topics,
        )
        scan.numbers = find_numbers(text)
        if scan.numbers or scan.groups or scan.survey:  # times of figures and survey notes
            scan.masked = background_clauses(text, scan.numbers)
            scan.times = self._times(text, pub, scan)
        return scan

    def _times(self, text: str, pub: FuzzyDate | None,
               scan: _Scan) -> list[tuple[TimeMention, str]]:
        """Time expressions that may date the survey, each with how it is tied to the survey
        (see ``poll_numbers.survey_times``)."""
        heads = [(p.start, p.end) for p in scan.pollsters]
        heads += [m.span() for m in self.lexicon.survey_cue.finditer(text)]
        return survey_times(text, pub, heads, scan.masked, scan.numbers,
                            (("fieldwork", self.lexicon.fieldwork),
                             ("release", self.lexicon.release)))

    # --- reading one sentence ------------------------------------------------------------------

    def _read(self, sentence: Sentence, index: int, sentences: Sequence[Sentence],
              scans: list[_Scan], pub: FuzzyDate | None) -> list[_Draft]:
        text, scan = sentence.text, scans[index]
        numbers = scan.numbers
        if scan.election or not any(n.role == "candidate" for n in numbers):
            return []
        places = self._places(text, scan)
        _require_people(text, numbers, places)
        candidates = [n for n in numbers if n.role == "candidate"]
        if not candidates:
            return []
        bounds = [n for n in numbers if n.role != "earlier"]
        drafts = [_Draft(n) for n in candidates]

        def attach(start: int, end: int) -> _Draft | None:
            return _attach(text, start, end, bounds, drafts)

        self._read_places(text, drafts, places, attach, scan.masked)
        self._read_measures(text, drafts, attach)
        self._read_topics(text, scan, drafts)
        for i, change in assign_changes(text, candidates, numbers).items():
            drafts[i].change = change
        context = self._context(index, sentences, scans)
        self._read_sources(scan, drafts, context)
        self._resolve_people(text, drafts, context)
        evidence = scan.survey or context.survey
        kept = []
        for draft in drafts:
            if draft.measure is None:
                continue
            if not (evidence or draft.population_own):
                continue
            near = text[max(0, draft.number.anchor_start - 40):draft.number.anchor_end + 45]
            if not draft.has_people and self.lexicon.non_poll.search(near):
                continue
            kept.append(draft)
        self._read_dates(text, scan, kept, context, pub)
        return kept

    def _places(self, text: str, scan: _Scan) -> list[_Place]:
        lex = self.lexicon
        places = [_Place(m.start(), m.end(), "BOTH", "people") for m in lex.both.finditer(text)]
        taken = [(p.start, p.end) for p in places] + [(p.start, p.end) for p in scan.pollsters]

        def free(start: int, end: int) -> bool:
            return not any(a < end and start < b for a, b in taken)

        for pattern, label in ((lex.relative_other, "OTHER"), (lex.relative_own, "OWN")):
            for match in pattern.finditer(text):
                if free(*match.span()):
                    places.append(_Place(match.start(), match.end(), label, "subject", True))
                    taken.append(match.span())
        for match in self._country_pattern.finditer(text):
            if free(*match.span()):
                place = self._country_place(text, match, scan)
                if place is not None:
                    places.append(place)
                    taken.append(match.span())
        for match in self._capital_pattern.finditer(text):
            if free(*match.span()):
                capital = self._capital_place(text, match)
                if capital is not None:
                    places.append(capital)
                    taken.append(match.span())
        for match in self._person_pattern.finditer(text):
            country, alias = self._person_names[match.group().lower()]
            if free(*match.span()) and (match.group() == alias or " " in alias):
                places.append(_Place(match.start(), match.end(), country, "subject", True, True))
                taken.append(match.span())
        for match in lex.people.finditer(text):
            if free(*match.span()):
                places.append(_Place(match.start(), match.end(), "", "people"))
        return places

    def _country_place(self, text: str, match: re.Match[str], scan: _Scan) -> _Place | None:
        lex = self.lexicon
        found = match.group()
        entry = self._country_names.get(found.lower())
        if entry is None:
            iso3 = next((iso for source, iso in lex.extra_aliases
                         if re.fullmatch(source, found, re.I)), None)
            if iso3 is None:
                return None
            demonym, alias = False, found
        else:
            iso3, demonym, alias = entry
        if (alias.isupper() and found != alias) or (
                found.islower() and found in lex.lowercase_ambiguous):
            return None  # "us" is not the US; "turkey" is a bird
        after = text[match.end():]
        possessive = _POSSESSIVE.match(after)
        rest = after[possessive.end():] if possessive else after
        following = re.match(r"\s*([\w-]+)", rest)
        raw_next = following.group(1) if following else ""
        next_word = raw_next.lower()
        if next_word in lex.not_country_after:
            return None
        for hit in scan.pollsters:  # "Japan's Genron NPO": the country names the pollster
            gap = text[match.end():hit.start]
            if 0 <= hit.start - match.end() <= 25 and re.fullmatch(
                    r"(?:['’]s\s+(?:[\w-]+\s+)?|[\s-]*)", gap):
                return None
        before = re.findall(r"[\w']+", text[max(0, match.start() - 30):match.start()].lower())
        previous = before[-1] if before else ""
        if previous == "the" and len(before) > 1:
            previous = before[-2]
        start, end = match.span()
        if demonym:
            if next_word == "side" or possessive or next_word in ("poll", "polls", "survey",
                                                                  "surveys", "respondents"):
                return _Place(start, end, iso3, "people")  # "a Chinese survey": its public
            if previous in ("toward", "towards", "about", "against"):
                return _Place(start, end, iso3, "subject", True)
            people = (found.lower().endswith("s") and not raw_next[:1].isupper()) or (
                not raw_next or raw_next[0].isdigit() or next_word in lex.people_followers
                or next_word.endswith(("ed", "ing")) or lex.people.fullmatch(next_word) is not None)
            return _Place(start, end, iso3, "people" if people else "subject", not people)
        if next_word == "side":
            return _Place(start, end, iso3, "people")
        if previous in ("in", "among", "across"):
            if len(before) > 1 and (before[-2] in ("opinion", "public", "those", "polled",
                                                   "surveyed", "asked")
                                    or lex.people.fullmatch(before[-2])):
                return _Place(start, end, iso3, "people")  # "respondents in Japan"
            if not possessive and _CLAUSE_IN.search(text, 0, start):
                # "while in South Korea the share ...": the respondents, though a place frame
                # ("In the United States, a court ...") is no evidence of a survey
                return _Place(start, end, iso3, "people", frame=True)
            return _Place(start, end, iso3, "in", True)
        if previous not in _SUBJECT_LEAD and re.match(
                r"\s*:?\s*(?:about |nearly |around |roughly |only |just )?\d", after):
            return _Place(start, end, iso3, "people")  # a table row: "japan 87% unfavorable"
        return _Place(start, end, iso3, "subject", previous in _SUBJECT_LEAD or bool(possessive))

    def _capital_place(self, text: str, match: re.Match[str]) -> _Place | None:
        iso3, alias = self._capitals[match.group().lower()]
        if match.group() not in (alias, alias.lower()):
            return None
        after = text[match.end():]
        possessive = _POSSESSIVE.match(after)
        following = re.match(r"\s*([\w-]+)", after[possessive.end():] if possessive else after)
        if following and following.group(1).lower() in self.lexicon.not_country_after:
            return None
        before = re.findall(r"[\w']+", text[max(0, match.start() - 30):match.start()].lower())
        previous = before[-1] if before else ""
        if previous in ("in", "among", "across", "from", "at", "to", "near"):
            return None  # a place: "the summit in Tokyo", "a visit to Seoul"
        return _Place(match.start(), match.end(), iso3, "subject",
                      previous in _SUBJECT_LEAD or bool(possessive))

    def _read_places(self, text: str, drafts: list[_Draft], places: list[_Place],
                     attach: _Attach, masked: list[tuple[int, int]]) -> None:
        people: dict[int, list[tuple[int, int, _Place]]] = {id(d): [] for d in drafts}
        subjects: dict[int, list[tuple[int, int, _Place]]] = {id(d): [] for d in drafts}
        for place in places:
            draft = attach(place.start, place.end)
            if draft is None:
                continue
            number = draft.number
            after = place.start >= number.anchor_end
            gap = text[number.anchor_end:place.start] if after else text[place.end:
                                                                          number.anchor_start]
            distance = 0 if number.anchor_start <= place.start < number.anchor_end else len(gap)
            role = place.role
            if role == "in":
                role = "people" if gap_words(gap) <= (1 if after else 0) else "subject"
            if role == "people":
                # a named public before "both countries", and either before people of no country
                rank = 2 if not place.iso3 else 1 if place.iso3 == "BOTH" else 0
                people[id(draft)].append((rank, distance, place))
            elif not any(a <= place.start < b for a, b in masked):
                subjects[id(draft)].append((0 if place.marked else 1, distance, place))
        for draft in drafts:
            found = sorted(people[id(draft)], key=lambda p: p[:2])
            if found:
                draft.has_people = True
                if found[0][2].iso3:
                    # a place frame is a public holding the view only next to the figure
                    place = found[0][2]
                    draft.population = place.iso3
                    draft.population_own = not place.frame or gap_words(
                        text[place.end:draft.number.anchor_start]) <= 4
            options = sorted((s for s in subjects[id(draft)] if s[2].iso3 != draft.population),
                             key=lambda s: s[:2])
            if options:
                draft.subject, draft.subject_own = options[0][2].iso3, True
                draft.subject_pos = options[0][2].start
                draft.subject_person = options[0][2].person

    def _find_cues(self, text: str) -> list[_Span]:
        found = [_Span(m.start(), m.end(), name)
                 for name, pattern in self._cues for m in pattern.finditer(text)]
        kept: list[_Span] = []
        for cue in sorted(found, key=lambda c: c.start - c.end):
            if not any(k.start < cue.end and cue.start < k.end for k in kept):
                kept.append(cue)
        out = []
        for cue in sorted(kept, key=lambda c: c.start):
            if text[cue.start].isupper() and not re.search(r"(?:^|[.!?:;\"“(])\s*$",
                                                           text[:cue.start]):
                continue  # a capital inside the sentence starts a name ("Realty Trust")
            measure = self.lexicon.measures[cue.label]
            inside = re.search(r"\b(?:no|not|cannot)\b|n['’]?t\b|\black", text[cue.start:cue.end],
                               re.I) is not None
            if _NEGATOR.search(text[max(0, cue.start - 30):cue.start]) and not inside:
                if not measure.opposite:
                    continue  # "not worried", "not necessary": no measure of the list
                cue = _Span(cue.start, cue.end, measure.opposite, True)
            elif inside:
                cue = _Span(cue.start, cue.end, cue.label, True)
            out.append(cue)
        return out

    def _read_measures(self, text: str, drafts: list[_Draft], attach: _Attach) -> None:
        best: dict[int, tuple[bool, int]] = {}
        cues = self._find_cues(text)
        for cue in cues:
            draft = attach(cue.start, cue.end)
            if draft is None:
                continue
            number = draft.number
            after = cue.start >= number.anchor_end
            gap = text[number.anchor_end:cue.start] if after else text[cue.end:number.anchor_start]
            # A cue in the figure's own clause beats a nearer one across a colon or semicolon.
            rank = (re.search(r"[;:]", gap) is not None, len(gap))
            if id(draft) in best and best[id(draft)] <= rank:
                continue
            best[id(draft)] = rank
            draft.measure, draft.measure_own, draft.measure_after = cue.label, True, after
            draft.measure_pos, draft.measure_end = cue.start, cue.end
            draft.measure_negated = cue.negated
        self._read_answers(text, drafts, cues)
        for index, draft in enumerate(drafts):
            if draft.measure_own:
                continue
            following = drafts[index + 1].number.anchor_start if index + 1 < len(drafts) else None
            tail = text[draft.number.anchor_end:following]
            flip, same = _FLIP.match(tail), _SAME.match(tail)
            sibling = _sibling(text, drafts, index, lambda d: d.measure_own,
                               lambda d: d.measure_after)
            if sibling is None or sibling.measure is None:
                continue
            shared = sibling.number.start > draft.number.start  # "A and B said they ..."
            # Borrowing from the figure before needs a gapped clause: "and 75% in South Korea",
            # "and 17% to their own"; "and 82% want ..." has a verb of its own.
            gapped = _GAPPED.match(tail) is not None and (draft.has_people or draft.subject_own)
            # Parallel figures in brackets: "among those in their 60s (71%) and ... (49%)".
            parallel = in_brackets(text, draft.number) and in_brackets(text, sibling.number)
            echo = _ECHO.match(tail) is not None
            if not (flip or same or shared or gapped or parallel or echo):
                continue
            measure: str | None = sibling.measure
            if flip or (echo and sibling.measure_negated):
                measure = self.lexicon.measures[sibling.measure].opposite
            draft.measure, draft.coordinated = measure, True
        for pattern, mapping in self.lexicon.frames:
            if pattern.search(text):
                for draft in drafts:
                    if draft.measure in mapping:
                        draft.measure = mapping[draft.measure]

    def _read_answers(self, text: str, drafts: list[_Draft], cues: list[_Span]) -> None:
        """Figures answering a yes/no question take the question's measure: "Asked whether
        Japan can be trusted, 29 per cent said yes and 65 per cent said no"."""
        question = _QUESTION.search(text)
        if question is None:
            return
        asked = [c for c in cues if question.start() <= c.start < question.end()]
        if not asked:
            return
        cue = asked[0]
        for draft in drafts:
            answer = _ANSWER.match(text[draft.number.anchor_end:])
            if answer is None or draft.number.anchor_start < question.end() - 1:
                continue
            measure: str | None = cue.label
            if answer.group("answer").lower() == "no":
                measure = self.lexicon.measures[cue.label].opposite
            draft.measure, draft.measure_own, draft.measure_after = measure, True, False
            draft.measure_pos, draft.measure_end = cue.start, cue.end

    def _kind(self, measure: str | None) -> str:
        spec = self.lexicon.measures.get(measure or "")
        return spec.kind if spec else "attitude"

    def _read_topics(self, text: str, scan: _Scan, drafts: list[_Draft]) -> None:
        """Stance, behaviour and concern figures are about a topic; a country is their subject
        only as the object right after the cue ("worried about North Korea's missiles"). A
        favourable or unfavourable view of a topic is a stance on it ("the summit was rated
        positively")."""
        # Topics of background clauses ("after his trip to Tokyo") only when there is no other.
        topics = [t for t in scan.topics if not any(a <= t.start < b for a, b in scan.masked)]
        topics = topics or scan.topics
        previous: _Draft | None = None
        for draft in drafts:
            if self._kind(draft.measure) == "attitude":
                self._topic_stance(text, draft, topics, previous)
                previous = draft
                continue
            previous = draft
            # the object right after the cue, or the subject right before it ("said Japan was
            # an important partner")
            after = draft.measure_end >= 0 and 0 <= draft.subject_pos - draft.measure_end <= 12
            before = 0 <= draft.subject_pos < draft.measure_pos and gap_words(
                text[draft.subject_pos:draft.measure_pos]) <= 3 and not has_separator(
                text[draft.subject_pos:draft.measure_pos])
            if draft.subject_own and (draft.subject_person or not (after or before)):
                draft.subject, draft.subject_own, draft.subject_pos = None, False, -1
            if not topics:
                continue
            number = draft.number
            nearest = min(topics, key=lambda t: min(abs(t.start - number.anchor_end),
                                                    abs(number.anchor_start - t.end)))
            draft.subject, draft.subject_own, draft.subject_pos = nearest.label, True, nearest.start

    def _topic_stance(self, text: str, draft: _Draft, topics: list[_Span],
                      previous: _Draft | None) -> None:
        stance = self.lexicon.topic_stance.get(draft.measure or "")
        if stance is None or draft.measure_pos < 0:
            return
        cue = _Span(draft.measure_pos, draft.measure_end, "")

        def gap(a: _Span, b: _Span) -> str:
            return text[a.end:b.start] if a.end <= b.start else text[b.end:a.start]

        close = [t for t in topics
                 if not has_separator(gap(t, cue)) and gap_words(gap(t, cue)) <= 8]
        if not close:
            # "... rated positively by 36% and negatively by 57%": the same topic
            if (previous is not None and not draft.subject_own and previous.subject_own
                    and self._kind(previous.measure) != "attitude" and previous.measure_pos >= 0
                    and not re.search(r"[;:]|\.(?:\s|$)",
                                      text[previous.number.anchor_end:draft.number.anchor_start])):
                draft.measure, draft.subject, draft.subject_own = stance, previous.subject, True
                draft.subject_pos = previous.subject_pos
            return
        topic = min(close, key=lambda t: len(gap(t, cue)))
        if draft.subject_own and draft.subject_pos >= 0:
            place = _Span(draft.subject_pos, draft.subject_pos + 1, "")
            # A country nearer the cue wins unless it modifies the topic ("summit with Kishida").
            modifies = draft.subject_pos >= topic.end and gap_words(
                text[topic.end:draft.subject_pos]) <= 2
            if len(gap(place, cue)) < len(gap(topic, cue)) and not modifies:
                return
        draft.measure, draft.subject, draft.subject_own = stance, topic.label, True
        draft.subject_pos = topic.start

    # --- context, sources, people, dates ---------------------------------------------------------

    def _context(self, index: int, sentences: Sequence[Sentence], scans: list[_Scan]) -> _Context:
        post = sentences[index].post_index
        context = _Context()
        before = [j for j in range(index - 1, max(-1, index - 4), -1)
                  if sentences[j].post_index == post]
        context.survey = any(scans[j].survey for j in before[:2])
        for j in range(index + 1, min(len(sentences), index + 4)):
            if sentences[j].post_index != post:
                break
            if scans[j].source_note:
                context.survey = True
                context.group = scans[j].groups[0][2]
                context.year, context.date = best_time(scans[j].times)
                break
        if not context.group and not scans[index].new_survey:
            for j in before:
                if scans[j].groups:
                    context.group = scans[j].groups[-1][2]
                    dated = [d for d in scans[j].drafts if d.year is not None]
                    if dated:
                        context.year, context.date = dated[-1].year, dated[-1].date
                    else:
                        context.year, context.date = best_time(scans[j].times)
                    break
        if context.year is None:
            for j in before[:2]:  # "Fieldwork ran from 23 to 25 July. ... 70.4% said yes."
                if not scans[j].numbers and any(c in ("fieldwork", "release")
                                                for _, c in scans[j].times):
                    context.year, context.date = best_time(scans[j].times)
                    context.dated = True
                    break
        for j in before[:2]:
            if scans[j].drafts:
                context.population = scans[j].drafts[-1].population
                context.subject = scans[j].drafts[-1].subject
                break
        if before and before[0] == index - 1 and scans[index - 1].topics:
            context.topic = scans[index - 1].topics[-1].label
        return context

    def _read_sources(self, scan: _Scan, drafts: list[_Draft], context: _Context) -> None:
        for draft in drafts:
            if scan.groups:
                earlier = [g for g in scan.groups if g[1] <= draft.number.anchor_start]
                draft.group = (earlier[-1] if earlier else scan.groups[0])[2]
            elif context.group:
                draft.group, draft.from_context = context.group, True

    def _resolve_people(self, text: str, drafts: list[_Draft], context: _Context) -> None:
        pollsters = self.lexicon.pollsters
        dyad = self.dyad.countries
        for draft in drafts:
            if draft.population is None and draft.group:
                homes = {pollsters[i].polls_in for i in draft.group}
                if len(homes) == 1 and None not in homes:
                    draft.population = homes.pop()
        _inherit_population(text, drafts)
        for draft in drafts:
            if draft.population is None and context.population:
                draft.population = context.population
            if draft.population is None and draft.subject in dyad:
                draft.population = dyad[1] if draft.subject == dyad[0] else dyad[0]
        _inherit_population(text, drafts)
        for index, draft in enumerate(drafts):
            kind = self._kind(draft.measure)
            if draft.subject is None:
                sibling = _sibling(text, drafts, index, lambda d: d.subject_own,
                                   lambda d: d.subject_pos >= d.number.anchor_end)
                if sibling is not None and (kind == "attitude") == (
                        self._kind(sibling.measure) == "attitude"):
                    subject = sibling.subject
                    if subject == draft.population and subject not in ("OTHER", "OWN"):
                        subject = sibling.population if sibling.population != subject else None
                    draft.subject = subject
            if draft.subject is None and kind != "attitude" and context.topic:
                draft.subject = context.topic
            if (draft.subject is None and kind == "attitude" and context.subject
                    and draft.population == context.population):
                draft.subject = context.subject
        for draft in drafts:
            if draft.subject == draft.population and draft.subject_own:
                draft.subject = None  # a public rarely rates its own country; "Russia should"
        populations = list(dict.fromkeys(
            d.population for d in drafts if d.population not in (None, "BOTH")))
        for draft in drafts:
            if draft.subject == "OWN" and draft.population != "BOTH":
                draft.subject = draft.population
            elif draft.subject == "OTHER" or (
                    draft.subject is None and self._kind(draft.measure) == "attitude"):
                draft.subject = self._other(draft.population, populations)

    def _other(self, population: str | None, populations: list[str]) -> str | None:
        if population == "BOTH":
            return "OTHER"
        others = [p for p in populations if p != population]
        if population is not None and len(others) == 1:
            return others[0]
        dyad = self.dyad.countries
        if population in dyad:
            return dyad[1] if population == dyad[0] else dyad[0]
        return None

    def _read_dates(self, text: str, scan: _Scan, drafts: list[_Draft], context: _Context,
                    pub: FuzzyDate | None) -> None:
        ranks = {"fieldwork": 0, "release": 1, "survey": 2}
        attached = sorted(((ranks[c], t) for t, c in scan.times if c in ranks),
                          key=lambda r: r[0])
        for draft in drafts:
            number = draft.number

            def nearness(time: TimeMention, number: NumberMention = number) -> int:
                return min(abs(time.start - number.anchor_end), abs(number.anchor_start - time.end))

            own = sorted((t for t, _ in scan.times if same_clause(text, t, number)), key=nearness)
            dated = [t for _, t in attached if t.value.month is not None]
            dated += [t for t in own if t.value.month is not None]
            if dated:
                draft.date, draft.year = dated[0].value, dated[0].value.year
                continue
            order = [t for _, t in attached] + own
            for kind in ("frame", "other"):
                order += sorted((t for t, c in scan.times if c == kind), key=nearness)
            if order:
                draft.year = order[0].value.year
            elif draft.from_context or context.dated:
                draft.year, draft.date = context.year, context.date
            if draft.year is None and pub is not None and self.lexicon.fresh.search(text):
                draft.year = pub.year

    # --- records -------------------------------------------------------------------------------

    def _records(self, document: Document, sentence: Sentence,
                 drafts: list[_Draft]) -> list[PollFigure]:
        dyad = self.dyad.countries
        out: list[PollFigure] = []
        for draft in drafts:
            populations = list(dyad) if draft.population == "BOTH" else [draft.population]
            for population in populations:
                subject = draft.subject
                if subject == "OTHER":
                    subject = self._other(population, [])
                elif subject == "OWN":
                    subject = population
                names: list[str] = []
                for i in draft.group:
                    pollster = self.lexicon.pollsters[i]
                    names.append(dict(pollster.affiliates).get(population or "", pollster.name))
                number = draft.number
                how = "coordinated" if draft.coordinated else number.how
                out.append(PollFigure(
                    doc_id=document.id,
                    population=population,
                    subject=subject,
                    measure=draft.measure or "",
                    value=number.value,
                    evidence=Evidence(sentence.start + number.start, sentence.start + number.end,
                                      f"{RULE}:{how}"),
                    change=draft.change,
                    pollster=tuple(dict.fromkeys(names)),
                    year=draft.year,
                    date=draft.date,
                    sentence=sentence.text,
                ))
        return out


# --- helpers on clauses, figures and changes ------------------------------------------------


def _require_people(text: str, numbers: list[NumberMention], places: list[_Place]) -> None:
    """Word fractions are figures only when they name people: "one in five Japanese", not "a
    fifth of exports"."""
    named = False  # an earlier share of the sentence names its people
    for number in numbers:
        if number.role != "candidate":
            continue
        people = number.anchor_end > number.end or any(
            p.role == "people" and number.anchor_end <= p.start and _PEOPLE_GAP.fullmatch(
                text[number.anchor_end:p.start]) for p in places)
        # "one in ten South Koreans trusts Japan, and more than eight in ten do not"
        pronoun = named and _PRONOUN_SHARE.match(text, number.anchor_end) is not None
        if number.needs_people and not (people or pronoun):
            number.role = "rejected"
        named = named or people


def _attach(text: str, start: int, end: int, bounds: list[NumberMention],
            drafts: list[_Draft]) -> _Draft | None:
    """The figure a word belongs to: the neighbour on its side of a comma or conjunction, else
    the nearer one."""
    for draft in drafts:
        if draft.number.anchor_start <= start and end <= draft.number.anchor_end:
            return draft
    left = max((b for b in bounds if b.anchor_end <= start), key=lambda b: b.anchor_end,
               default=None)
    right = min((b for b in bounds if b.anchor_start >= end), key=lambda b: b.anchor_start,
                default=None)
    options = []
    for side, number in enumerate((left, right)):
        if number is None or number.role != "candidate":
            continue
        gap = text[number.anchor_end:start] if side == 0 else text[end:number.anchor_start]
        strong = re.search(r"[;:]|\.(?:\s|$)", gap) is not None
        options.append((strong, has_separator(gap), gap_words(gap), side, number))
    if not options:
        return None
    chosen = min(options, key=lambda o: o[:4])[4]
    return next(d for d in drafts if d.number is chosen)


def _coordinated(text: str, first: _Draft, second: _Draft) -> bool:
    """Two figures joined as in "15.7% of Koreans and 23.8% of Japanese said ...": between them
    at most the first one's people, then "and" or a comma."""
    a, b = sorted((first, second), key=lambda d: d.number.start)
    return _COORDINATION.fullmatch(text[a.number.anchor_end:b.number.anchor_start]) is not None


def _sibling(text: str, drafts: list[_Draft], index: int, has: Callable[[_Draft], bool],
             after: Callable[[_Draft], bool]) -> _Draft | None:
    """The neighbouring figure to borrow a missing field from: the previous one, or the next one
    when the two share a predicate that follows them ("A and B viewed China unfavourably")."""
    left = next((drafts[j] for j in range(index - 1, -1, -1) if has(drafts[j])), None)
    right_index = next((j for j in range(index + 1, len(drafts)) if has(drafts[j])), None)
    if right_index is None:
        return left
    right = drafts[right_index]
    if right_index == index + 1 and after(right) and _coordinated(text, drafts[index], right):
        return right
    return left


def _inherit_population(text: str, drafts: list[_Draft]) -> None:
    for index, draft in enumerate(drafts):
        if draft.population is None:
            sibling = _sibling(text, drafts, index, lambda d: d.population is not None,
                               lambda d: True)
            if sibling is not None:
                draft.population = sibling.population
