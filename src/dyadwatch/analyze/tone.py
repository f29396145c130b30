"""How the dyad is talked about: stored sentence tone by genre and by direction.

Three tables, all plain means of VADER compound scores with their counts (nothing weighted):

- ``genre_tone``: every scored sentence of the stored documents by genre, with forum posts and
  reader comments apart from the story text they sit under (headings of stories left out);
- ``directed_tone_frame``: the evidence sentences of events from one dyad country to the other,
  by genre, optionally only where the actor is an official (government or military), i.e. what
  Japanese officials are reported saying about Korea and the reverse;
- ``period_genre_tone``: for the relation index, the evidence sentences of each period's scored
  events, one mean per genre (``tone_news``, ``tone_official`` … with ``tone_news_n`` …), so a
  period's news reports and its reader comments are never averaged together.

A sentence's genre is its document's (``news``, ``official``, ``encyclopedia``, ``forum``,
``unknown``), except that forum posts are ``forum`` and readers' comments ``comment`` whatever
page they sit on.

``docs/tone.md`` says what VADER can and cannot tell.
"""

from __future__ import annotations

import pandas as pd

from ..config import Dyad
from ..extractors.tone import directed_tone
from ..store import Store

OFFICIAL_SECTORS = frozenset({"GOV", "MIL"})
TONE_GENRES = ("news", "official", "encyclopedia", "forum", "comment", "unknown")
GENRE_TONE_COLUMNS = tuple(c for g in TONE_GENRES for c in (f"tone_{g}", f"tone_{g}_n"))

GENRE_TONE_SQL = """
WITH scored AS (
    SELECT s.doc_id, s.tone,
        CASE WHEN p.kind = 'comment' THEN 'comment'
             WHEN p.kind = 'post' THEN 'forum'
             ELSE coalesce(d.genre, 'unknown') END AS genre
    FROM sentences s
    JOIN documents d ON d.id = s.doc_id
    LEFT JOIN posts p ON p.doc_id = s.doc_id AND p.idx = s.post_idx
    WHERE s.tone IS NOT NULL
      AND NOT (s.is_heading AND coalesce(p.kind, 'article') = 'article')
)
SELECT genre, count(*) AS sentences, count(DISTINCT doc_id) AS documents,
    avg(tone) AS mean_tone, count(*) FILTER (WHERE tone >= 0.05) AS positive,
    count(*) FILTER (WHERE tone <= -0.05) AS negative
FROM scored GROUP BY genre ORDER BY genre
"""


def genre_tone(store: Store) -> pd.DataFrame:
    """Sentence tone by genre (story text, forum posts and comments kept apart)."""
    return store.query(GENRE_TONE_SQL)


def directed_tone_frame(store: Store, dyad: Dyad, *, officials: bool = False) -> pd.DataFrame:
    """Tone of the sentences reporting events from one dyad country to the other, by genre."""
    documents = {d.id: d for d in store.iter_documents()}
    rows = directed_tone(
        store.iter_mentions(),
        documents,
        sectors=OFFICIAL_SECTORS if officials else None,
    )
    countries = set(dyad.countries)
    frame = pd.DataFrame(
        [
            {
                "direction": f"{row.source}>{row.target}",
                "genre": row.genre,
                "sentences": row.tone.n,
                "events": row.mentions,
                "mean_tone": row.tone.mean,
                "positive": row.tone.positive,
                "negative": row.tone.negative,
            }
            for row in rows
            if {row.source, row.target} <= countries
        ],
        columns=["direction", "genre", "sentences", "events", "mean_tone", "positive",
                 "negative"],
    )
    return frame


def period_genre_tone(tones: pd.DataFrame | None, scored: pd.DataFrame) -> pd.DataFrame:
    """Mean tone and count of evidence sentences per genre for each period.

    ``tones`` has one row per mention with a tone (``Store.event_mention_tones``: ``event_id``,
    ``doc_id``, ``sentence_start``, ``genre``, ``tone``); ``scored`` the scored events of one
    direction with their period (``id``, ``start``). The result is indexed by ``start`` with the
    columns ``GENRE_TONE_COLUMNS`` (a genre without sentences has mean NaN and count 0). A
    sentence that reports two events of a period counts once.
    """
    starts = sorted(set(scored["start"]))
    out = pd.DataFrame(index=pd.Index(starts, name="start"))
    for genre in TONE_GENRES:
        out[f"tone_{genre}"] = float("nan")
        out[f"tone_{genre}_n"] = 0
    if tones is None or tones.empty or scored.empty:
        return out
    joined = tones.merge(scored[["id", "start"]], left_on="event_id", right_on="id")
    if joined.empty:
        return out
    joined["genre"] = joined["genre"].where(joined["genre"].isin(TONE_GENRES), "unknown")
    joined = joined.drop_duplicates(["start", "genre", "doc_id", "sentence_start"])
    stats = joined.groupby(["start", "genre"])["tone"].agg(["mean", "count"])
    for (start, genre), row in stats.iterrows():
        out.loc[start, f"tone_{genre}"] = round(float(row["mean"]), 4)
        out.loc[start, f"tone_{genre}_n"] = int(row["count"])
    return out
