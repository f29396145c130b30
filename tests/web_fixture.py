"""A small hand-made database for the API, report and dashboard tests.

The figures it yields are known by construction (merged events, month index, alerts, issue
shares, polls), so the tests check exact numbers without running the extractor. The sentences
are written for these tests. What the analysis layer should make of them:

- the export curbs of 2019-07-01 are reported by the Harbour Times, by a syndicated copy of that
  story (a near-duplicate document) and by the Pacific Wire a day later: one SANCTION event with
  3 mentions, 3 documents and 2 sources (the copy counts once), weight 1 + ln 2;
- Seoul's accusation appears in the story and its copy, resolved to two different days: one
  event (the same sentence of one story), 1 source;
- the Tokyo summit's CONSULT is written "Kishida met Yoon" in one document and "Yoon held talks
  with Kishida" in another: one event going both ways (JPN<>KOR), 2 sources;
- "Japan ended the curbs in March" (month-precise) joins the day-precise RETREAT of 2023-03-16;
- a negated CONSULT (2019-08) and a hypothetical one (2023-05) are events of their own, left out
  of the scores and counted apart; the islets PROTEST is undated;
- tone: the radar statement is official text (-0.5); the news sentences of the export curbs read
  -0.44 on average over 5 sentences (copies count), those of the summit +0.4 over 2;
- the alerts (a drop in 2019-07, a rise in 2023-03) rest on baselines of a single period and of
  periods years before: ``FIXTURE_ANALYSIS`` allows them (``min_baseline=1``, no lookback limit
  for weeks and months); with the default settings neither is raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.analyze import AnalysisSettings, refresh
from dyadwatch.config import load_dyad
from dyadwatch.models import (
    ActorRef,
    Document,
    DocumentResult,
    EventMention,
    Evidence,
    FuzzyDate,
    PollFigure,
    Post,
    Sentence,
)
from dyadwatch.store import Store

JPN = ActorRef("Japan", country="JPN", sector="GOV", entity="Japan")
KOR = ActorRef("South Korea", country="KOR", sector="GOV", entity="South Korea")
KISHIDA = ActorRef("Fumio Kishida", country="JPN", sector="GOV", entity="Fumio Kishida")
YOON = ActorRef("Yoon Suk Yeol", country="KOR", sector="GOV", entity="Yoon Suk Yeol")

# The fixture's periods are months and years apart: its two designed alerts need a baseline of
# one period, reaching any distance back (the defaults ask for two within a year).
FIXTURE_ALERTS = {"min_baseline": 1, "max_lookback": {"week": None, "month": None}}
FIXTURE_ANALYSIS = AnalysisSettings.from_mapping({"alerts": FIXTURE_ALERTS})


@dataclass
class Ev:
    """An event to put on one sentence of a fixture document."""

    sentence: int
    event_type: str
    actors: tuple[ActorRef, ...]
    recipients: tuple[ActorRef, ...]
    goldstein: float
    quad_class: int
    date: str | None
    issues: tuple[str, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    tone: float | None = None


@dataclass
class Doc:
    doc_id: str
    title: str
    published: str | None
    sentences: tuple[str, ...]
    events: list[Ev] = field(default_factory=list)
    polls: list[tuple[int, str, str, str, float, int, str]] = field(default_factory=list)
    genre: str = "news"
    publisher: str | None = None


EXPORTS = (
    "Japan restricted the export of three chemicals to South Korea on Monday.",
    "Seoul called the step economic retaliation for the court rulings.",
    "The chemicals are used to make memory chips and smartphone displays, and South Korean "
    "firms rely on Japanese suppliers for most of them.",
)

DOCS = (
    Doc(
        "doc-radar",
        "Radar row at sea",
        "2018-12-21",
        (
            "Japan said a South Korean destroyer had aimed its targeting radar at a patrol plane.",
            "Tokyo demanded an explanation.",
        ),
        [Ev(0, "ACCUSE", (JPN,), (KOR,), -2.0, 3, "2018-12-20", ("security",), tone=-0.5)],
        genre="official",
    ),
    Doc(
        "doc-exports",
        "Tokyo tightens exports <b>& Seoul</b> replies",
        "2019-07-02",
        EXPORTS,
        [
            Ev(0, "SANCTION", (JPN,), (KOR,), -8.0, 4, "2019-07-01", ("trade",), tone=-0.4),
            Ev(1, "ACCUSE", (KOR,), (JPN,), -3.0, 3, "2019-07-02", ("trade", "history"), tone=-0.6),
        ],
        publisher="Harbour Times",
    ),
    Doc(
        "doc-exports-copy",
        "Tokyo tightens exports (syndicated)",
        "2019-07-03",
        ("Syndicated from the Harbour Times.", *EXPORTS),
        [
            Ev(1, "SANCTION", (JPN,), (KOR,), -8.0, 4, "2019-07-01", ("trade",), tone=-0.4),
            Ev(2, "ACCUSE", (KOR,), (JPN,), -3.0, 3, "2019-07-03", ("trade", "history"), tone=-0.6),
        ],
        publisher="Seaboard Daily",
    ),
    Doc(
        "doc-exports-wire",
        "Japan curbs chip material shipments",
        "2019-07-02",
        ("Tokyo curbed shipments of chip materials to Seoul on Tuesday.",),
        [Ev(0, "SANCTION", (JPN,), (KOR,), -8.0, 4, "2019-07-02", ("trade",), tone=-0.2)],
        publisher="Pacific Wire",
    ),
    Doc(
        "doc-gsomia",
        "Seoul to quit intelligence pact",
        "2019-08-22",
        (
            "South Korea said it would end its military intelligence pact with Japan.",
            "A Gallup Korea survey found that 12% of South Koreans viewed Japan favourably.",
            "South Korea did not send a delegation to the ceremony in Tokyo.",
        ),
        [
            Ev(0, "REJECT", (KOR,), (JPN,), -4.0, 3, "2019-08-22", ("security",)),
            Ev(2, "CONSULT", (KOR,), (JPN,), 1.0, 1, "2019-08-22", negated=True),
        ],
        [(1, "KOR", "JPN", "favourable", 12.0, 2019, "Gallup Korea")],
    ),
    Doc(
        "doc-summit",
        "Leaders meet in Tokyo",
        "2023-03-16",
        (
            "Fumio Kishida met Yoon Suk Yeol in Tokyo on Thursday.",
            "The two leaders agreed to resume regular visits.",
            "Japan lifted its export curbs on South Korea.",
            "A survey found that 28% of South Koreans viewed Japan favourably.",
            "Japan ended the curbs in March after nearly four years.",
        ),
        [
            Ev(0, "CONSULT", (KISHIDA,), (YOON,), 1.0, 1, "2023-03-16", tone=0.5),
            Ev(1, "AGREE", (KISHIDA, YOON), (), 4.0, 1, "2023-03-16", ("history",)),
            Ev(2, "RETREAT", (JPN,), (KOR,), 7.0, 2, "2023-03-16", ("trade",)),
            Ev(4, "RETREAT", (JPN,), (KOR,), 7.0, 2, "2023-03", ("trade",)),
        ],
        [(3, "KOR", "JPN", "favourable", 28.0, 2023, "Gallup Korea")],
    ),
    Doc(
        "doc-summit-wire",
        "Yoon in Tokyo",
        "2023-03-17",
        ("Yoon Suk Yeol held talks with Fumio Kishida in Tokyo on Thursday.",),
        [Ev(0, "CONSULT", (YOON,), (KISHIDA,), 1.0, 1, "2023-03-16", tone=0.3)],
        publisher="Pacific Wire",
    ),
    Doc(
        "doc-visit",
        "Kishida in Seoul",
        "2023-05-07",
        (
            "Kishida held talks with Yoon in Seoul on Sunday.",
            "Yoon may travel to Hiroshima later this month.",
        ),
        [
            Ev(0, "CONSULT", (KISHIDA,), (YOON,), 1.9, 1, "2023-05-07"),
            Ev(1, "CONSULT", (YOON,), (KISHIDA,), 1.9, 1, "2023-05", hypothetical=True),
        ],
    ),
    Doc(
        "doc-islets",
        "The disputed islets",
        None,
        ("South Korea protested against Japan's claim to the islets.",),
        [Ev(0, "PROTEST", (KOR,), (JPN,), -6.5, 3, None, ("territory",))],
        genre="encyclopedia",
    ),
)


def _result(doc: Doc) -> DocumentResult:
    text = ""
    spans = []
    for sentence in doc.sentences:
        if text:
            text += " "
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    published = FuzzyDate.parse(doc.published) if doc.published else None
    document = Document(
        id=doc.doc_id,
        text=text,
        source=f"fixture/{doc.doc_id}.txt",
        title=doc.title,
        url=f"https://example.org/{doc.doc_id}" if doc.doc_id == "doc-summit" else None,
        publisher=doc.publisher,
        published=published,
        published_source="metadata" if published else "none",
        genre=doc.genre,  # type: ignore[arg-type]
    )
    sentences = tuple(
        Sentence(doc.doc_id, i, start, end, text[start:end]) for i, (start, end) in enumerate(spans)
    )
    mentions = []
    for ev in doc.events:
        start, end = spans[ev.sentence]
        mentions.append(
            EventMention(
                doc_id=doc.doc_id,
                sentence=text[start:end],
                sentence_start=start,
                event_type=ev.event_type,
                actors=ev.actors,
                recipients=ev.recipients,
                evidence=Evidence(start, end - 1, "fixture/1"),
                date=FuzzyDate.parse(ev.date) if ev.date else None,
                date_source="sentence" if ev.date else None,
                negated=ev.negated,
                hypothetical=ev.hypothetical,
                issues=ev.issues,
                goldstein=ev.goldstein,
                quad_class=ev.quad_class,
                tone=ev.tone,
                confidence=0.8,
            )
        )
    polls = []
    for sentence, population, subject, measure, value, year, pollster in doc.polls:
        start, end = spans[sentence]
        polls.append(
            PollFigure(
                doc_id=doc.doc_id,
                population=population,
                subject=subject,
                measure=measure,
                value=value,
                evidence=Evidence(start, end, "fixture/1"),
                pollster=(pollster,) if pollster else (),
                year=year,
            )
        )
    return DocumentResult(document, sentences, tuple(mentions), tuple(polls))


def build_web_db(
    path: Path, *, analyze: bool = True, settings: AnalysisSettings | None = FIXTURE_ANALYSIS
) -> Path:
    """Write the fixture documents into a new database at ``path``, build its events and alerts
    (unless ``analyze`` is false) with ``settings`` (``None``: the defaults) and return the
    path."""
    with Store(path) as store:
        for doc in DOCS:
            store.write_result(_result(doc))
        if analyze:
            refresh(store, load_dyad("japan-korea"), settings)
    return path


def event_document(
    doc_id: str,
    lines: list[tuple[str, str | None, float | None]],
    *,
    date: str = "2019-07-01",
    actor: ActorRef = JPN,
    recipient: ActorRef = KOR,
    event_type: str = "ACCUSE",
    goldstein: float = -2.0,
    genre: str = "news",
) -> DocumentResult:
    """A document whose every line reports the same kind of event from ``actor`` to
    ``recipient`` on ``date``. ``lines``: (text, post kind or ``None`` for a document without
    posts, tone of the line)."""
    text = " ".join(line for line, _, _ in lines)
    posts, sentences, mentions, at = [], [], [], 0
    for i, (line, kind, tone) in enumerate(lines):
        end = at + len(line)
        if kind is not None:
            posts.append(Post(index=i, start=at, end=end, kind=kind))  # type: ignore[arg-type]
        sentences.append(Sentence(doc_id, i, at, end, line))
        mentions.append(
            EventMention(
                doc_id=doc_id,
                sentence=line,
                sentence_start=at,
                event_type=event_type,
                actors=(actor,),
                recipients=(recipient,),
                evidence=Evidence(at, end - 1, "fixture/1"),
                date=FuzzyDate.parse(date),
                goldstein=goldstein,
                quad_class=1 if goldstein > 0 else 4 if goldstein <= -5 else 3,
                tone=tone,
                post_index=i if kind is not None else 0,
            )
        )
        at = end + 1
    document = Document(
        doc_id,
        text,
        f"fixture/{doc_id}",
        published=FuzzyDate.parse(date),
        genre=genre,  # type: ignore[arg-type]
        posts=tuple(posts),
    )
    return DocumentResult(document, tuple(sentences), tuple(mentions))
