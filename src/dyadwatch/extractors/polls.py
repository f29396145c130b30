"""Poll figures: the share of a survey's respondents who hold a view, as cited records.

``PollExtractor(dyad).extract(document, sentences)`` reads each sentence for percentages and
survey-style shares ("one in five Japanese", "roughly three-quarters of South Koreans") and keeps
those that are survey figures. Words and names come from ``knowledge/polls.yaml`` (pollsters,
measures and their cue words, topics, non-poll markers) and from the dyad's actor knowledge
(country names and demonyms). The knowledge file is read by ``poll_lexicon``; shares, number
words, changes in points and survey times are found by ``poll_numbers``.

What counts as a poll figure
  A share needs a measure (a cue word such as "unfavourable", "oppose", "worried"; or, for a
  share with no cue of its own, a coordinated neighbour that has one: "12% favourably and 77%
  unfavourably", "... and 58.0% said they did not") and survey evidence: a survey word (poll,
  survey, respondents, asked, approval rating ...) or a pollster's name in the sentence or in the
  two sentences before it in the same post, or a country's public named as holding the view
  ("12.3% of Koreans had a good impression of Japan"). Shares of votes, turnout, markets, trade
  and the like, percentage changes ("down 99.9%", "grew 1.4%"), earlier figures of a series
  ("down from 76.6 percent") and word fractions that do not name people ("a fifth of exports")
  are not figures; nor is anything in a sentence about votes or a referendum that has no survey
  word of its own. A figure in a heading is kept only when the body does not give the same value
  for the same public (headlines repeat the body; a short forum line may be all there is).

Field conventions
  - ``value``: the number the phrase names; a hedge ("nearly 60 percent") stays in the evidence
    span, not in the value. An exact figure in brackets after an approximation ("about half
    (50.6%)") is the value and the span.
  - ``population``: ISO3 of the respondents: a demonym ("of Japanese", "South Koreans'"), "in
    Japan", a country before the figure in tables ("japan 87%"), then the pollster's home public
    (Gallup Korea asks South Koreans), a coordinated neighbour, the previous sentence's figure,
    and last the dyad rule: a figure about one country of the dyad with no respondents named is
    read as the other country's view. "In both countries" gives one record per dyad country.
  - ``subject``: a topic id from the knowledge file for stance, behaviour and concern measures
    when a topic cue is in the sentence; otherwise the country the view is about (a person of
    the actor files named in full stands for their country: "confidence in Xi Jinping"). "The other
    country", "each other" and "their neighbour" resolve to the other population of the sentence
    (or the other dyad country); "their own" to the population itself. A favourable/unfavourable
    view with no subject named, held by one dyad country, is taken to be about the other.
  - ``measure``: from the cue nearest the figure (a cue is assigned to the figure on its side of
    a comma or conjunction); negated cues take the opposite measure; "influence" in the sentence
    turns favourable/unfavourable into positive/negative_influence.
  - ``change``: signed points, from "up/down N points", "N points fewer", "fell N points to V",
    or value minus an earlier figure named with "from" ("up from 41% and 59%" is read
    respectively). Words without a number ("eased") give no change.
  - ``pollster``: canonical names, in text order, from the sentence, a source note just after it
    ("Source: Genron NPO ..."), or the previous three sentences of the post unless the sentence
    names another survey. "Gallup" polling South Koreans is Gallup Korea.
  - ``year``/``date``: the survey's time as the text gives it: first a time attached to the
    survey (fieldwork such as "conducted this week", then release such as "published in
    December", then a year next to the survey's name), then a time in the figure's own clause,
    then any other date of the sentence. Times in "since ..." and "after ..." clauses and times of
    comparison figures ("a year earlier") are ignored. Relative times ("this year", "this week",
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
    CHANGE_ALL,
    CHANGE_TO,
    NUMERIC_SHARE,
    NumberMention,
    TimeMention,
    best_time,
    find_numbers,
    find_point_changes,
    find_times,
    gap_words,
    parse_number_word,
)

# Importers of this module also get the lexicon loader and the number-word parser.
__all__ = ["PollExtractor", "PollLexicon", "load_poll_lexicon", "parse_number_word"]

RULE = "polls/1"

# --- clauses and context ---------------------------------------------------------------------

_SEPARATOR = re.compile(
    r"[,;:()\[\]!?]|\s[–—-]\s|\.(?:\s|$)|\b(?:and|while|whereas|but|compared (?:with|to)|versus|"
    r"vs\.?|although|though|meanwhile)\b", re.I)
_BACKGROUND = re.compile(
    r"\b(?:since|after|before|because|following|amid|despite|until|when(?! asked))\b", re.I)
_CLAUSE_END = re.compile(r"[,;:()\[\]!?]|\s[–—-]\s|\.(?:\s|$)")
_GAPPED = re.compile(r"\s*(?:$|[,;:.)(]|(?:of|in|among|across|on|for|to|about|toward|towards|"
                     r"from|with)\b)", re.I)
_COORDINATION = re.compile(
    r"\s*(?:(?:of|in|among|from|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*)?"
    r"(?:,\s*and|,|and)\s+(?:(?:about|nearly|around|roughly|almost|just|only|some|over)\s+)*",
    re.I)
_SAME = re.compile(r"^[^,;:()]*?\b(?:the same|likewise|similarly|as well|too)\b", re.I)
_FLIP = re.compile(
    r"^\s*(?:said|say|says|felt|feel|feels|were|was|are|do|did|had|have)?\s*(?:they |so )?"
    r"(?:did not|do not|does not|didn['’]t|don['’]t|doesn['’]t|not|felt none|feel none|"
    r"had none|have none|none|disagreed|disagree)\b", re.I)
_NEGATOR = re.compile(r"(?:\bnot|\bno|\bnever|n['’]t|\bneither|\bnor)\s+(?:\w+\s+){0,2}$", re.I)
_NEW_SURVEY = re.compile(r"\b(?:another|a separate|a different|a second|other|rival)\s+"
                         r"(?:\w+\s+){0,2}(?:poll|survey)", re.I)
_SURVEY_HEAD = re.compile(r"\b(?:round|edition|wave|figures|numbers|data|results|findings|"
                          r"tracking|release)\b", re.I)
_SOURCE_NOTE = re.compile(r"^\s*(?:source|sources|data|via|figures)\b", re.I)
_FRAME_START = re.compile(r"^\s*(?:in|by|during|as of|for|throughout|at the end of)\b", re.I)
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


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    label: str  # a measure, a topic id or a pollster index


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


@dataclass(slots=True)
class _Scan:
    """What one sentence says about surveys, before its figures are read."""

    pollsters: list[_Span]
    groups: list[tuple[int, int, tuple[int, ...]]]  # start, end, pollster indexes
    survey: bool
    election: bool  # reports a vote and names no survey
    new_survey: bool
    source_note: bool
    topics: list[_Span]
    numbers: list[NumberMention] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)  # background clauses
    times: list[tuple[TimeMention, str]] = field(default_factory=list)  # (time, class)
    drafts: list[_Draft] = field(default_factory=list)


_Attach = Callable[[int, int], _Draft | None]


def _has_separator(text: str) -> bool:
    return _SEPARATOR.search(text) is not None


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
        body: list[PollFigure] = []
        headings: list[PollFigure] = []
        for index, sentence in enumerate(sentences):
            drafts = self._read(sentence, index, sentences, scans, pub)
            scans[index].drafts = drafts
            records = self._records(document, sentence, drafts)
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
        topics: list[_Span] = []
        for topic_id, pattern in lex.topics:
            for match in pattern.finditer(text):
                if not any(t.start < match.end() and match.start() < t.end for t in topics):
                    topics.append(_Span(match.start(), match.end(), topic_id))
        words = gap_words(text)
        surveyed = lex.survey_cue.search(lex.not_survey.sub(" ", text)) is not None
        scan = _Scan(
            pollsters=hits,
            groups=groups,
            survey=bool(hits) or surveyed,
            election=not surveyed and lex.election.search(text) is not None,
            new_survey=_NEW_SURVEY.search(text) is not None,
            source_note=bool(groups) and not NUMERIC_SHARE.search(text) and (
                _SOURCE_NOTE.match(text) is not None or words <= 6),
            topics=sorted(topics, key=lambda t: t.start),
        )
        scan.numbers = find_numbers(text)
        if scan.numbers or scan.groups:  # times matter only for figures and survey notes
            scan.masked = _background(text, scan.numbers)
            scan.times = self._times(text, pub, scan)
        return scan

    def _times(self, text: str, pub: FuzzyDate | None,
               scan: _Scan) -> list[tuple[TimeMention, str]]:
        """Time expressions that may date the survey, each with how it is tied to the survey:
        fieldwork, release, survey (next to the survey's name), frame (an opening "In 2020,")
        or other."""
        found = find_times(text, pub)
        heads = [(p.start, p.end) for p in scan.pollsters]
        heads += [m.span() for m in self.lexicon.survey_cue.finditer(text)]
        heads += [m.span() for m in _SURVEY_HEAD.finditer(text)]
        out: list[tuple[TimeMention, str]] = []
        for time in sorted(found, key=lambda t: t.start):
            before = text[:time.start]
            if pub is not None and time.value.year > pub.year:
                continue
            if any(a <= time.start < b for a, b in scan.masked):
                continue
            if re.search(r"\b(?:from|than|compared (?:with|to)|versus|vs\.?|since|until|before|"
                         r"after|began|begun|started|launched|first \w+)\s+(?:in\s+|on\s+)?"
                         r"(?:the\s+)?$", before, re.I):
                continue
            if any(n.role == "earlier" and n.end <= time.start
                   and gap_words(text[n.end:time.start]) <= 1
                   and not _has_separator(text[n.end:time.start]) for n in scan.numbers):
                continue
            out.append((time, self._time_class(text, time, heads)))
        return out

    def _time_class(self, text: str, time: TimeMention, heads: list[tuple[int, int]]) -> str:
        lead = text[max(0, time.start - 40):time.start]
        verbs = (("fieldwork", self.lexicon.fieldwork), ("release", self.lexicon.release))
        for kind, pattern in verbs:
            matches = list(pattern.finditer(lead))
            if matches:
                gap = lead[matches[-1].end():]
                if gap_words(gap) <= 2 and not _CLAUSE_END.search(gap):
                    return kind
        for start, end in heads:
            gap = text[end:time.start] if end <= time.start else text[time.end:start]
            if start < time.end and time.start < end:
                gap = ""
            if gap_words(gap) <= 3 and not _CLAUSE_END.search(gap):
                return "fieldwork" if time.fieldwork_like else "survey"
        if not _CLAUSE_END.search(text[:time.start]) and _FRAME_START.match(text):
            return "frame"
        return "other"

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
        self._read_topics(scan, drafts)
        _read_changes(text, drafts, numbers)
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
            return _Place(start, end, iso3, "in", True)
        if previous not in _SUBJECT_LEAD and re.match(
                r"\s*:?\s*(?:about |nearly |around |roughly |only |just )?\d", after):
            return _Place(start, end, iso3, "people")  # a table row: "japan 87% unfavorable"
        return _Place(start, end, iso3, "subject", previous in _SUBJECT_LEAD or bool(possessive))

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
                people[id(draft)].append((0 if place.iso3 else 1, distance, place))
            elif not any(a <= place.start < b for a, b in masked):
                subjects[id(draft)].append((0 if place.marked else 1, distance, place))
        for draft in drafts:
            found = sorted(people[id(draft)], key=lambda p: p[:2])
            if found:
                draft.has_people = True
                if found[0][2].iso3:
                    draft.population, draft.population_own = found[0][2].iso3, True
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
            negated = _NEGATOR.search(text[max(0, cue.start - 30):cue.start])
            if negated and measure.opposite and not re.search(r"\b(?:no|not)\b|n['’]t",
                                                              text[cue.start:cue.end], re.I):
                cue = _Span(cue.start, cue.end, measure.opposite)
            out.append(cue)
        return out

    def _read_measures(self, text: str, drafts: list[_Draft], attach: _Attach) -> None:
        best: dict[int, int] = {}
        for cue in self._find_cues(text):
            draft = attach(cue.start, cue.end)
            if draft is None:
                continue
            number = draft.number
            after = cue.start >= number.anchor_end
            distance = cue.start - number.anchor_end if after else number.anchor_start - cue.end
            if id(draft) in best and best[id(draft)] <= distance:
                continue
            best[id(draft)] = distance
            draft.measure, draft.measure_own, draft.measure_after = cue.label, True, after
            draft.measure_pos, draft.measure_end = cue.start, cue.end
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
            anchored = flip or same or shared or gapped
            if not anchored:
                continue
            measure: str | None = sibling.measure
            if flip:
                measure = self.lexicon.measures[sibling.measure].opposite
            draft.measure, draft.coordinated = measure, True
        for pattern, mapping in self.lexicon.frames:
            if pattern.search(text):
                for draft in drafts:
                    if draft.measure in mapping:
                        draft.measure = mapping[draft.measure]

    def _kind(self, measure: str | None) -> str:
        spec = self.lexicon.measures.get(measure or "")
        return spec.kind if spec else "attitude"

    def _read_topics(self, scan: _Scan, drafts: list[_Draft]) -> None:
        """Stance, behaviour and concern figures are about a topic; a country is their subject
        only as the object right after the cue ("worried about North Korea's missiles")."""
        for draft in drafts:
            if self._kind(draft.measure) == "attitude":
                continue
            if draft.subject_own and (draft.subject_person or not (
                    draft.measure_end >= 0 and 0 <= draft.subject_pos - draft.measure_end <= 12)):
                draft.subject, draft.subject_own, draft.subject_pos = None, False, -1
            if not scan.topics:
                continue
            number = draft.number
            nearest = min(scan.topics, key=lambda t: min(abs(t.start - number.anchor_end),
                                                         abs(number.anchor_start - t.end)))
            draft.subject, draft.subject_own, draft.subject_pos = nearest.label, True, nearest.start

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

            own = sorted((t for t, _ in scan.times if _same_clause(text, t, number)), key=nearness)
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
            elif draft.from_context:
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


def _background(text: str, numbers: list[NumberMention]) -> list[tuple[int, int]]:
    """Clauses that give background ("since the poll began in 2013", "after Tokyo tightened
    exports"): their countries are not the view's subject and their dates not the survey's."""
    spans = []
    for match in _BACKGROUND.finditer(text):
        end = len(text)
        clause_end = _CLAUSE_END.search(text, match.end())
        if clause_end is not None:
            end = clause_end.start()
        for number in numbers:
            if match.end() <= number.anchor_start < end:
                end = number.anchor_start
        spans.append((match.start(), end))
    return spans


def _require_people(text: str, numbers: list[NumberMention], places: list[_Place]) -> None:
    """Word fractions are figures only when they name people: "one in five Japanese", not "a
    fifth of exports"."""
    for number in numbers:
        if not number.needs_people or number.role != "candidate":
            continue
        ok = number.anchor_end > number.end or any(
            p.role == "people" and number.anchor_end <= p.start and _PEOPLE_GAP.fullmatch(
                text[number.anchor_end:p.start]) for p in places)
        if not ok:
            number.role = "rejected"


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
        options.append((strong, _has_separator(gap), gap_words(gap), side, number))
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


def _read_changes(text: str, drafts: list[_Draft], numbers: list[NumberMention]) -> None:
    for change in find_point_changes(text):
        later = [d for d in drafts if d.number.anchor_start >= change.end]
        if later and CHANGE_TO.match(text[change.end:later[0].number.anchor_start]):
            targets = [later[0]]
        else:
            earlier = [d for d in drafts if d.number.anchor_end <= change.start]
            if not earlier:
                continue
            targets = ([d for d in earlier if d.change is None]
                       if CHANGE_ALL.match(text[change.end:]) else [earlier[-1]])
        for draft in targets:
            if draft.change is None:
                draft.change = change.points
    runs: list[list[NumberMention]] = []
    previous: NumberMention | None = None
    for number in numbers:
        if number.role != "earlier":
            previous = None
            continue
        if previous is not None and re.fullmatch(r"\s*(?:,|and|or|, and)\s*",
                                                 text[previous.end:number.start]):
            runs[-1].append(number)
        else:
            runs.append([number])
        previous = number
    for run in runs:
        later = [d for d in drafts if d.number.anchor_start >= run[-1].end]
        if len(run) == 1 and later and re.fullmatch(
                r"\s*(?:in \d{4}\s*)?,?\s*to\s+(?:about |nearly |around |roughly |almost )*",
                text[run[-1].end:later[0].number.anchor_start]):
            targets = [later[0]]
        else:
            targets = [d for d in drafts
                       if d.number.anchor_end <= run[0].start and d.change is None][-len(run):]
        for draft, earlier_figure in zip(targets, run, strict=False):
            if draft.change is None:
                draft.change = round(draft.number.value - earlier_figure.value, 2)


def _same_clause(text: str, time: TimeMention, number: NumberMention) -> bool:
    if time.end <= number.anchor_start:
        gap = text[time.end:number.anchor_start]
    elif time.start >= number.anchor_end:
        gap = text[number.anchor_end:time.start]
    else:
        return False
    return not _has_separator(gap) and gap_words(gap) <= 10
