"""SIGKILL a real server in the middle of a streamed ingest: every document is wholly stored or absent.

The ingest commits one transaction per document (zitat_server.claims.ingest); this checks that promise
end to end, on a real server process and a real store file (or PostgreSQL database), and that a
second ingest after the restart completes the store. The servers run the rules-only pipeline:
what is tested is the store's atomicity, which does not depend on how the claims were found,
and the rules extract ten times faster than the models.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from claim_fixtures import BACKENDS, PG_DSN, fresh_store
from zitat_client import taskformat
from zitat_client.request import timestamp
from zitat_proto.v1 import claims_pb2 as cpb
from zitat_proto.v1 import claims_pb2_grpc as cpb_grpc
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_server.claims.store import open_store
from zitat_server.serving.launch import running_server
from zitat_server.training.corpora import NEWS_TRAIN

pytestmark = pytest.mark.slow

DOCUMENTS = 300
KILL_AFTER = 60  # responses received before the SIGKILL
# The request stream holds back the documents after this one until the kill, so the server is
# always mid-ingest when it dies, however fast it extracts.
RELEASED = 200


@pytest.fixture(scope="module")
def documents() -> list[pb.Document]:
    """The first spkatt-news training articles, rebuilt to text, with their dates."""
    docs = []
    for path in sorted(NEWS_TRAIN.glob("*.json"))[:DOCUMENTS]:
        task = taskformat.load(path)
        text, _ = taskformat.detokenize(task.sentences)
        doc = pb.Document(id=f"crash/{task.name}", text=text, outlet="crash", title=task.document_name or "")
        if task.date:
            doc.published_at.CopyFrom(timestamp(task.date))
        docs.append(doc)
    return docs


def _ingest(target: str, docs: Iterator[pb.Document]) -> Iterator[cpb.IngestDocumentsResponse]:
    with grpc.insecure_channel(target) as channel:
        yield from cpb_grpc.ClaimServiceStub(channel).IngestDocuments(
            cpb.IngestDocumentsRequest(document=d) for d in docs
        )


@pytest.fixture(scope="module")
def expected(documents, tmp_path_factory) -> dict[str, int]:
    """Claims per document from a clean, uninterrupted ingest into a store of its own."""
    store = tmp_path_factory.mktemp("reference") / "claims.sqlite3"
    with running_server("--rules-only", "--store", str(store)) as (target, _proc):
        responses = list(_ingest(target, iter(documents)))
    assert all(r.status == cpb.INGEST_STATUS_CREATED for r in responses)
    return {r.document_id: r.claim_count for r in responses}


def _stored_claims(store_arg: str, ids: list[str]) -> tuple[dict[str, int], int]:
    """Claims per stored document (absent ones left out) and all claims in the store."""
    with open_store(store_arg) as store:
        stored = {doc.id: doc.claims for doc in map(store.get_document, ids) if doc is not None}
        return stored, store.counts().claims


def _search_count(stub: cpb_grpc.ClaimServiceStub, document_id: str) -> int:
    return len(stub.SearchClaims(cpb.SearchClaimsRequest(document_id=document_id, page_size=1000)).claims)


@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_mid_ingest_leaves_whole_documents_and_reingest_completes(
    backend: str, documents: list[pb.Document], expected: dict[str, int], tmp_path: Path
) -> None:
    fresh_store(backend, tmp_path).close()
    store_arg = str(tmp_path / "claims.sqlite3") if backend == "sqlite" else PG_DSN
    ids = [d.id for d in documents]
    assert sum(expected.values()) > DOCUMENTS // 2  # the articles do have claims to lose

    killed = threading.Event()

    def held_back() -> Iterator[pb.Document]:
        yield from documents[:RELEASED]
        killed.wait(60)
        yield from documents[RELEASED:]

    received: list[cpb.IngestDocumentsResponse] = []
    with running_server("--rules-only", "--store", store_arg) as (target, proc):
        with pytest.raises(grpc.RpcError) as err:
            for response in _ingest(target, held_back()):
                received.append(response)
                if len(received) == KILL_AFTER:
                    proc.kill()
                    proc.wait()
                    killed.set()
        assert err.value.code() == grpc.StatusCode.UNAVAILABLE
    assert len(received) == KILL_AFTER
    assert all(r.claim_count == expected[r.document_id] for r in received)

    with running_server("--rules-only", "--store", store_arg) as (target, _proc):
        stored, total = _stored_claims(store_arg, ids)
        # Wholly stored or absent: each stored document has all its claims, and no claim is left over
        # from one that is absent.
        assert KILL_AFTER <= len(stored) <= RELEASED
        assert stored == {i: expected[i] for i in stored}
        assert total == sum(stored.values())
        with grpc.insecure_channel(target) as channel:
            stub = cpb_grpc.ClaimServiceStub(channel)
            assert {i: _search_count(stub, i) for i in ids} == {i: stored.get(i, 0) for i in ids}

        responses = list(_ingest(target, iter(documents)))
        assert [r.status for r in responses] == [
            cpb.INGEST_STATUS_UNCHANGED if i in stored else cpb.INGEST_STATUS_CREATED for i in ids
        ]
        assert {r.document_id: r.claim_count for r in responses} == expected
        assert _stored_claims(store_arg, ids) == (expected, sum(expected.values()))
