"""The claim store's behaviour, the same suite on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import pytest
from claim_fixtures import BACKENDS, E, FakePipeline, Q, day, fresh_store
from zitat_server.claims.ingest import Ingestor, IngestStatus
from zitat_server.claims.speakers import merge, split
from zitat_server.claims.store.base import ClaimQuery, InvalidPageToken, StoredDocument
from zitat_server.claims.store.migrations import LATEST
from zitat_server.document import Form

SCHOLZ = "Bundeskanzler Olaf Scholz sagte: „Wir werden die Ukraine weiter mit aller Kraft unterstützen.“"
SCHOLZ_2 = "„Die Ukraine kann sich auf Deutschland verlassen, heute und morgen“, sagte Scholz am Montag."
MERZ = "Friedrich Merz erklärte, die Regierung habe bei der Migration versagt und müsse umsteuern."


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = fresh_store(request.param, tmp_path)
    yield s
    s.close()


@pytest.fixture
def pipeline() -> FakePipeline:
    p = FakePipeline()
    p.add(SCHOLZ, [Q("Wir werden die Ukraine weiter mit aller Kraft unterstützen.", "Bundeskanzler Olaf Scholz", "e1")],
          {"e1": E("Olaf Scholz", ["Bundeskanzler"], ["Bundeskanzler Olaf Scholz"])})
    p.add(SCHOLZ_2, [Q("Die Ukraine kann sich auf Deutschland verlassen, heute und morgen", "Scholz", "e1")],
          {"e1": E("Scholz", [], ["Scholz"])})
    p.add(MERZ, [Q("die Regierung habe bei der Migration versagt und müsse umsteuern", "Friedrich Merz", "e1",
                   Form.INDIRECT)],
          {"e1": E("Friedrich Merz", [], ["Friedrich Merz"])})
    return p


def _ingest_all(ing: Ingestor) -> None:
    ing.ingest(StoredDocument("a/1", SCHOLZ, outlet="A", published_at=day("2023-01-10")))
    ing.ingest(StoredDocument("b/1", SCHOLZ_2, outlet="B", published_at=day("2023-02-01")))
    ing.ingest(StoredDocument("a/2", MERZ, outlet="A", published_at=day("2023-03-05")))


def test_schema_is_migrated_and_reopening_keeps_data(store, pipeline, tmp_path):
    assert store.schema_version() == LATEST
    Ingestor(store, pipeline).ingest(StoredDocument("a/1", SCHOLZ, outlet="A"))
    assert store.counts().claims == 1
    assert store.get_document("a/1").outlet == "A"


def test_ingest_stores_claims_with_speaker_and_metadata(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    counts = store.counts()
    assert (counts.documents, counts.claims, counts.speakers) == (3, 3, 2)
    claims = store.search_claims(ClaimQuery()).items
    assert [c.document_id for c in claims] == ["a/2", "b/1", "a/1"]  # newest first
    merz = claims[0]
    assert merz.speaker_name == "Friedrich Merz" and merz.form == "Indirect" and merz.outlet == "A"
    assert merz.published_at == day("2023-03-05") and merz.pipeline_version == "test-1"
    assert MERZ[merz.message[0][0]:merz.message[0][1]] == merz.text
    assert merz.source_text == "Friedrich Merz" and merz.confidence == pytest.approx(0.9)


def test_surname_mention_in_later_article_joins_the_full_name(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    (scholz,) = [s for s in store.list_speakers().items if s.name == "Olaf Scholz"]
    assert scholz.claim_count == 2
    record = store.get_speaker(scholz.id)
    assert set(record.aliases) == {"Olaf Scholz", "Scholz"}
    assert [r.role for r in record.roles] == ["Bundeskanzler"]
    assert record.roles[0].first_seen == day("2023-01-10")
    assert [c.document_id for c in record.timeline] == ["a/1", "b/1"]  # chronological


def test_reingest_same_text_skips_extraction_and_changes_nothing(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    before, calls = store.counts(), pipeline.calls
    result = ing.ingest(StoredDocument("a/1", SCHOLZ, outlet="A2", published_at=day("2023-01-10")))
    assert result.status == IngestStatus.UNCHANGED and result.claims == 1
    assert pipeline.calls == calls
    assert store.counts() == before
    assert store.get_document("a/1").outlet == "A2"  # metadata refreshed


def test_changed_text_or_pipeline_replaces_claims(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    before = store.counts()
    result = ing.ingest(StoredDocument("a/1", MERZ, outlet="A", published_at=day("2023-01-10")))
    assert result.status == IngestStatus.UPDATED
    assert store.counts().claims == before.claims
    assert [c.text for c in store.search_claims(ClaimQuery(document_id="a/1")).items] == [
        "die Regierung habe bei der Migration versagt und müsse umsteuern"
    ]
    pipeline.version = "test-2"
    assert ing.ingest(StoredDocument("a/1", MERZ, outlet="A")).status == IngestStatus.UPDATED
    assert store.get_document("a/1").pipeline_version == "test-2"
    assert store.counts().claims == before.claims


def test_delete_document_removes_claims_and_orphan_speakers(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    assert ing.delete("a/2") is True
    assert ing.delete("a/2") is False
    counts = store.counts()
    assert (counts.documents, counts.claims, counts.speakers) == (2, 2, 1)
    assert store.search_claims(ClaimQuery(text="Migration")).items == []


def test_full_text_search_stems_german_words(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    hits = store.search_claims(ClaimQuery(text="ukraine")).items
    assert {c.document_id for c in hits} == {"a/1", "b/1"}
    assert [c.document_id for c in store.search_claims(ClaimQuery(text="Regierungen")).items] == ["a/2"]
    assert [c.document_id for c in store.search_claims(ClaimQuery(text="Ukraine Deutschland")).items] == ["b/1"]
    assert store.search_claims(ClaimQuery(text='"OR (')).items == []  # user input is never query syntax


def test_filters_by_outlet_date_and_speaker(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    assert [c.document_id for c in store.search_claims(ClaimQuery(outlet="A")).items] == ["a/2", "a/1"]
    window = ClaimQuery(since=day("2023-01-15"), until=day("2023-03-05"))
    assert [c.document_id for c in store.search_claims(window).items] == ["b/1"]
    (merz,) = [s.id for s in store.list_speakers().items if s.name == "Friedrich Merz"]
    assert [c.document_id for c in store.search_claims(ClaimQuery(speaker_ids=(merz,))).items] == ["a/2"]


def test_pagination_walks_every_claim_once(store):
    pipeline = FakePipeline()
    ing = Ingestor(store, pipeline)
    names = ["Anna Berg", "Bernd Dorn", "Clara Fink", "Dieter Graf", "Eva Horn", "Frank Jung", "Gabi Kurz"]
    for i, name in enumerate(names):
        text = f"{name} sagte: „Wir zählen heute bis {i} und nicht weiter, Punkt {i}.“"
        pipeline.add(text, [Q(f"Wir zählen heute bis {i} und nicht weiter, Punkt {i}.", name, "e1")],
                     {"e1": E(name, [], [name])})
        ing.ingest(StoredDocument(f"d/{i}", text, published_at=day(f"2023-01-0{i % 3 + 1}")))
    seen, token, pages = [], "", 0
    while True:
        page = store.search_claims(ClaimQuery(), page_size=3, page_token=token)
        seen += [c.id for c in page.items]
        pages += 1
        token = page.next_token
        if not token:
            break
    assert pages == 3 and len(seen) == len(set(seen)) == 7
    with pytest.raises(InvalidPageToken):
        store.search_claims(ClaimQuery(outlet="X"), page_size=3, page_token=store.search_claims(
            ClaimQuery(), page_size=3).next_token)
    with pytest.raises(InvalidPageToken):
        store.search_claims(ClaimQuery(), page_token="garbage!")
    speakers = store.list_speakers(page_size=4)
    rest = store.list_speakers(page_size=4, page_token=speakers.next_token)
    assert len(speakers.items) == 4 and len(rest.items) == 3 and not rest.next_token


def test_manual_merge_and_split_persist_across_reingest(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    ids = {s.name: s.id for s in store.list_speakers().items}
    with store.transaction() as tx:
        merge(tx, ids["Olaf Scholz"], [ids["Friedrich Merz"]], name="Beide")
    assert store.counts().speakers == 1
    assert store.get_speaker(ids["Friedrich Merz"]).id == ids["Olaf Scholz"]  # follows the merge
    pipeline.version = "test-2"  # force re-extraction: the pinned decision must survive
    _ingest_all(ing)
    assert store.counts().speakers == 1 and store.get_speaker(ids["Olaf Scholz"]).name == "Beide"

    with store.transaction() as tx:
        new_id, moved = split(tx, ids["Olaf Scholz"], ["Friedrich Merz"], [])
    assert moved == 1
    pipeline.version = "test-3"
    _ingest_all(ing)
    assert store.counts().speakers == 2
    assert [c.document_id for c in store.search_claims(ClaimQuery(speaker_ids=(new_id,))).items] == ["a/2"]


def test_failed_transaction_leaves_nothing(store, pipeline):
    ing = Ingestor(store, pipeline)
    ing.ingest(StoredDocument("a/1", SCHOLZ))

    class Boom(Exception):
        pass

    def explode(*_args, **_kwargs):
        raise Boom

    ing.linker.link = explode  # fails after the document and its claims were written
    with pytest.raises(Boom):
        ing.ingest(StoredDocument("b/1", SCHOLZ_2))
    assert store.get_document("b/1") is None
    assert store.counts().claims == 1
