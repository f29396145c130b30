"""The main job (dyadwatch.run): a result the store refuses is skipped, the rest is kept."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dyadwatch.config import Settings
from dyadwatch.models import ActorRef, Document, DocumentResult, EventMention, Evidence
from dyadwatch.run import run
from dyadwatch.store import Store


class FaultyExtractor:
    """Codes every document with one event; the one mentioning 'faulty' gets two events with the
    same id, which the store refuses."""

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        for document in documents:
            event = EventMention(doc_id=document.id, sentence=document.text, sentence_start=0,
                                 event_type="ACCUSE", actors=(ActorRef("Japan", "JPN"),),
                                 recipients=(), evidence=Evidence(0, 5, "test"))
            copies = 2 if "faulty" in document.text else 1
            yield DocumentResult(document, mentions=(event,) * copies)


def test_a_refused_result_is_skipped_and_logged_and_the_batch_is_kept(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.txt", "Japan protested on Monday."), ("b.txt", "A faulty one."),
                       ("c.txt", "Japan protested again on Tuesday.")):
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    skipped = []
    summary = run([str(folder)], settings=Settings(db=str(db)), extractor=FaultyExtractor(),
                  on_skip=skipped.append)
    assert summary.documents_new == 2
    assert [s.reason for s in skipped] == ["could not be stored"]
    assert skipped[0].source.endswith("b.txt")
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 2
        assert "could not be stored" in set(store.ingest_log()["reason"])


class CountingExtractor(FaultyExtractor):
    """Like FaultyExtractor, with one event per document and a chosen rule name."""

    def __init__(self, rule: str) -> None:
        self.rule = rule

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        for document in documents:
            event = EventMention(doc_id=document.id, sentence=document.text, sentence_start=0,
                                 event_type="ACCUSE", actors=(ActorRef("Japan", "JPN"),),
                                 recipients=(), evidence=Evidence(0, 5, self.rule))
            yield DocumentResult(document, mentions=(event,))


def test_reextract_replaces_the_records_of_stored_documents(tmp_path):
    (tmp_path / "a.txt").write_text("Japan protested on Monday.", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    settings = Settings(db=str(db))
    run([str(tmp_path / "a.txt")], settings=settings, extractor=CountingExtractor("old/1"))
    again = run([str(tmp_path / "a.txt")], settings=settings, extractor=CountingExtractor("new/2"))
    assert again.documents_known == 1 and not again.replaced
    redo = run([str(tmp_path / "a.txt")], settings=settings, extractor=CountingExtractor("new/2"),
               reextract=True)
    assert len(redo.replaced) == 1
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 1
        assert list(store.query("SELECT rule FROM mentions")["rule"]) == ["new/2"]
