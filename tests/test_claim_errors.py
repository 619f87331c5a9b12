"""The claim store's failures reach clients as the right codes: a full store is
RESOURCE_EXHAUSTED without SQLite's text, and concurrent ingests of one text say UNCHANGED."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from claim_fixtures import E, FakePipeline, Q
from zitat_proto.v1 import claims_pb2 as cpb
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_server.claims.ingest import Ingestor, IngestStatus
from zitat_server.claims.store import open_store
from zitat_server.claims.store.base import StoredDocument, StoreFull
from zitat_server.serving.claim_service import STORE_FULL, ClaimServicer

SENTENCE = "„Das ist gut“, sagte Merkel. "


def pipeline_for(text: str) -> FakePipeline:
    p = FakePipeline()
    p.add(text, [Q("Das ist gut", "Merkel", "e1")], {"e1": E("Angela Merkel", [], ["Merkel"])})
    return p


def fill_up(store) -> None:
    """No page beyond the current ones (what a full disk does to SQLite's next write)."""
    conn = store._conn()
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")


def test_a_full_store_raises_store_full_and_keeps_nothing(tmp_path):
    text = SENTENCE * 400
    store = open_store(tmp_path / "c.db")
    fill_up(store)
    with pytest.raises(StoreFull) as info:
        Ingestor(store, pipeline_for(text)).ingest(StoredDocument("a", text))
    assert "SQL" not in str(info.value) and "disk is full" not in str(info.value)
    assert store.get_document("a") is None


class Aborted(Exception):
    pass


class FakeContext:
    """What the servicer's plain methods use of a context."""

    def __init__(self) -> None:
        self.code: grpc.StatusCode | None = None
        self.details = ""

    def abort(self, code: grpc.StatusCode, details: str = "") -> None:
        self.code, self.details = code, details
        raise Aborted

    def abort_with_status(self, status) -> None:
        self.abort(status.code, status.details)


def test_full_store_is_resource_exhausted_for_calls_and_streamed_documents(tmp_path):
    """A full disk came back as INTERNAL/UNKNOWN with SQLite's own text."""
    text = SENTENCE * 400
    store = open_store(tmp_path / "c.db")
    servicer = ClaimServicer(store, pipeline_for(text), 1 << 20)
    request = cpb.IngestDocumentsRequest(document=pb.Document(id="a", text=text))
    (stored,) = [servicer._ingest_one(0, request, servicer._stored(0, request))]
    assert stored.status == cpb.INGEST_STATUS_CREATED
    fill_up(store)
    request = cpb.IngestDocumentsRequest(document=pb.Document(id="b", text=text))
    failed = servicer._ingest_one(0, request, servicer._stored(0, request))
    assert failed.status == cpb.INGEST_STATUS_FAILED
    assert failed.error.code == grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]
    assert STORE_FULL in failed.error.message and "disk" not in failed.error.message
    servicer.store = servicer.ingestor.store = NoRoom(store)  # deleting frees pages; any write may fail
    context = FakeContext()
    with pytest.raises(Aborted):
        servicer.DeleteDocument(cpb.DeleteDocumentRequest(document_id="a"), context)
    assert context.code == grpc.StatusCode.RESOURCE_EXHAUSTED and context.details == STORE_FULL


class NoRoom:
    """A store whose every write transaction fails for want of space."""

    def __init__(self, store) -> None:
        self._store = store

    def transaction(self):
        raise StoreFull("the claim store is out of space")

    def __getattr__(self, name: str):
        return getattr(self._store, name)


class Rendezvous(FakePipeline):
    """Extraction that waits until every ingest has extracted: both see the document absent."""

    def __init__(self, parties: int) -> None:
        super().__init__()
        self.barrier = threading.Barrier(parties, timeout=30)

    def process(self, text: str):
        doc = super().process(text)
        self.barrier.wait()
        return doc


def test_concurrent_ingests_of_one_text_are_created_once_then_unchanged(tmp_path):
    """Two servers ingesting the same new ids both reported UPDATED."""
    text = SENTENCE * 3
    pipeline = Rendezvous(2)
    pipeline.add(text, [Q("Das ist gut", "Merkel", "e1")], {"e1": E("Angela Merkel", [], ["Merkel"])})
    # Two stores on one file: two servers sharing it.
    ingestors = [Ingestor(open_store(tmp_path / "c.db"), pipeline) for _ in range(2)]
    with ThreadPoolExecutor(2) as threads:
        results = list(threads.map(lambda i: i.ingest(StoredDocument("same", text)), ingestors))
    assert sorted(r.status for r in results) == sorted([IngestStatus.CREATED, IngestStatus.UNCHANGED])
    assert all(r.claims == 1 for r in results)
    assert ingestors[0].store.get_document("same").claims == 1
