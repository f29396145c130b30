"""Near-duplicate documents: syndicated copies are found, distinct stories are not, fast."""

from __future__ import annotations

import datetime as dt
import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from dyadwatch.analyze.dedup import (
    DocumentText,
    MinHasher,
    _WordHashes,
    find_duplicates,
    shingle_hashes,
    similarity,
)
from dyadwatch.analyze.settings import DedupSettings

STORY = (
    "Japan said on Monday it would tighten controls on exports to South Korea of three "
    "materials used to make smartphone displays and memory chips, a step widely seen in Seoul "
    "as retaliation for court rulings ordering Japanese firms to compensate wartime labourers. "
    "The trade ministry in Tokyo said the change would take effect on Thursday and that "
    "exporters would need a licence for each shipment, a process that can take ninety days."
)
OTHER = (
    "South Korea said on Thursday it would end a military intelligence-sharing pact with Japan, "
    "widening a dispute over history and trade into security cooperation. Washington urged both "
    "allies to keep talking, and Japan's foreign ministry summoned a senior South Korean diplomat "
    "to protest against a decision it called regrettable and a misreading of the situation."
)


def doc(doc_id: str, text: str, published: str | None = None, order: int = 0) -> DocumentText:
    day = dt.date.fromisoformat(published) if published else None
    return DocumentText(doc_id, text, day, order)


def test_a_syndicated_copy_points_at_the_earliest_original() -> None:
    copy = "WIRE REPORT (Seaboard Daily) — " + STORY + " Reporting by staff; editing by desk."
    found = find_duplicates(
        [
            doc("copy", copy, "2019-07-02", order=0),
            doc("original", STORY, "2019-07-01", order=1),
            doc("other", OTHER, "2019-07-01", order=2),
        ]
    )
    assert [(d.doc_id, d.duplicate_of) for d in found] == [("copy", "original")]
    assert 0.7 <= found[0].similarity < 1.0


def test_copies_of_one_story_form_one_group_and_stories_on_one_topic_do_not() -> None:
    copies = [doc(f"copy-{i}", f"Outlet {i} reports. " + STORY, order=i + 1) for i in range(12)]
    retold = doc(
        "retold",
        "Tokyo will require licences for shipments of three chip materials to Seoul from "
        "Thursday, a move South Korea called retaliation over the labour rulings.",
        order=99,
    )
    found = find_duplicates([doc("first", STORY, "2019-07-01"), *copies, retold])
    assert {d.duplicate_of for d in found} == {"first"}
    assert sorted(d.doc_id for d in found) == sorted(c.id for c in copies)


def test_undated_documents_fall_back_to_storage_order() -> None:
    found = find_duplicates([doc("b", STORY + " Ends.", order=1), doc("a", STORY, order=0)])
    assert [(d.doc_id, d.duplicate_of) for d in found] == [("b", "a")]
    dated_later = find_duplicates([doc("a", STORY, order=0), doc("b", STORY, "2020-01-01", 1)])
    assert [(d.doc_id, d.duplicate_of) for d in dated_later] == [("a", "b")]  # dated one first


def test_short_texts_are_never_called_copies() -> None:
    short = "South Korea protested."
    assert find_duplicates([doc("a", short), doc("b", short, order=1)]) == []
    loose = DedupSettings(min_shingles=1, shingle_words=2)
    assert len(find_duplicates([doc("a", short), doc("b", short, order=1)], loose)) == 1


def test_the_threshold_is_a_setting() -> None:
    half = STORY[: len(STORY) // 2]
    pair = [doc("a", STORY), doc("b", half + " " + OTHER, order=1)]
    assert find_duplicates(pair) == []
    # A low threshold needs more, shorter LSH bands so that such pairs become candidates.
    assert len(find_duplicates(pair, DedupSettings(threshold=0.2, bands=64))) == 1


def test_the_result_does_not_depend_on_the_process() -> None:
    texts = [doc(f"d{i}", f"Report {i}. " + STORY, order=i) for i in range(5)]
    assert find_duplicates(texts) == find_duplicates(list(texts))
    hasher = MinHasher(8)
    signature = hasher.signature(shingle_hashes(_WordHashes()(STORY.lower().split()), 5))
    assert (
        signature.tolist()
        == MinHasher(8).signature(shingle_hashes(_WordHashes()(STORY.lower().split()), 5)).tolist()
    )


@settings(max_examples=30, deadline=None)
@given(
    shared=st.integers(min_value=20, max_value=120),
    own=st.integers(min_value=0, max_value=120),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_minhash_estimates_the_jaccard_similarity(shared: int, own: int, seed: int) -> None:
    rng = random.Random(seed)
    common = rng.sample(range(1_000_000), shared)
    a = set(common) | set(rng.sample(range(1_000_000, 2_000_000), own))
    b = set(common) | set(rng.sample(range(2_000_000, 3_000_000), own))
    hasher = MinHasher(256)
    import numpy as np

    sa = hasher.signature(np.array(sorted(a), dtype=np.uint64))
    sb = hasher.signature(np.array(sorted(b), dtype=np.uint64))
    exact = len(a & b) / len(a | b)
    assert abs(similarity(sa, sb) - exact) < 0.15


def test_thousands_of_documents_take_seconds_not_minutes() -> None:
    rng = random.Random(3)
    words = [f"w{i}" for i in range(5000)]
    texts = [
        doc(f"d{i}", " ".join(rng.choice(words) for _ in range(150)), order=i) for i in range(3000)
    ]
    copies = [doc(f"c{i}", "Reprinted. " + texts[i * 97].text, order=5000 + i) for i in range(20)]
    began = time.perf_counter()
    found = find_duplicates(texts + copies)
    elapsed = time.perf_counter() - began
    assert sorted((d.doc_id, d.duplicate_of) for d in found) == sorted(
        (f"c{i}", f"d{i * 97}") for i in range(20)
    )
    assert elapsed < 20, f"{elapsed:.1f} s for 3,020 documents"
