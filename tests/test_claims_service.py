"""ClaimService through a real zitat-server on a local port."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from zitat_proto.v1 import claims_pb2 as cpb
from zitat_proto.v1 import claims_pb2_grpc as cpb_grpc
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_server.serving.launch import running_server

pytestmark = pytest.mark.slow


def _ts(text: str) -> Timestamp:
    ts = Timestamp()
    ts.FromJsonString(f"{text}T00:00:00Z")
    return ts


@pytest.fixture(scope="module")
def stub(tmp_path_factory):
    store = tmp_path_factory.mktemp("claims") / "claims.sqlite3"
    with running_server("--store", str(store)) as (target, _proc), grpc.insecure_channel(target) as channel:
        yield cpb_grpc.ClaimServiceStub(channel)


@pytest.fixture(scope="module")
def ingested(stub, example_text):
    docs = [
        pb.Document(id="ukrinform/umjerow", text=example_text, outlet="Ukrinform", published_at=_ts("2024-09-03")),
        pb.Document(id="zweite/umjerow", text=example_text, outlet="Zweite", published_at=_ts("2024-09-04")),
        pb.Document(id="", text=example_text),
        pb.Document(id="leer", text="   "),
    ]
    return list(stub.IngestDocuments(iter(cpb.IngestDocumentsRequest(document=d, request_id=f"r{i}")
                                          for i, d in enumerate(docs))))


def test_ingest_stream_reports_each_document(ingested):
    assert [r.request_id for r in ingested] == ["r0", "r1", "r2", "r3"]
    assert [r.status for r in ingested[:2]] == [cpb.INGEST_STATUS_CREATED] * 2
    assert all(r.claim_count == 4 and r.pipeline_version for r in ingested[:2])
    assert ingested[2].status == cpb.INGEST_STATUS_FAILED and ingested[2].error.field == "requests[2].document.id"
    assert ingested[3].error.field == "requests[3].document.text"


def test_example_twice_gives_one_speaker_with_four_claims_each_linked_to_its_twin(stub, ingested):
    (speaker,) = stub.ListSpeakers(cpb.ListSpeakersRequest()).speakers
    assert speaker.name == "Rustem Umjerow" and speaker.claim_count == 8
    assert speaker.roles[0].role == "Verteidigungsminister"
    assert speaker.roles[0].first_seen.ToJsonString() == "2024-09-03T00:00:00Z"
    second = stub.SearchClaims(cpb.SearchClaimsRequest(speaker_id=speaker.id, outlet="Zweite")).claims
    assert len(second) == 4
    for claim in second:
        cluster = stub.GetClaimCluster(cpb.GetClaimClusterRequest(claim_id=claim.id))
        assert [c.outlet for c in cluster.claims] == ["Ukrinform", "Zweite"]
        assert cluster.first_appearance.document_id == "ukrinform/umjerow"
        assert [link.kind for link in cluster.links] == [cpb.LINK_KIND_NEAR_DUPLICATE]
        assert claim.message[0].text in claim.text


def test_reingest_is_unchanged_and_counts_stay(stub, ingested, example_text):
    doc = pb.Document(id="zweite/umjerow", text=example_text, outlet="Zweite", published_at=_ts("2024-09-04"))
    (r,) = stub.IngestDocuments(iter([cpb.IngestDocumentsRequest(document=doc)]))
    assert r.status == cpb.INGEST_STATUS_UNCHANGED and r.claim_count == 4
    assert stub.ListSpeakers(cpb.ListSpeakersRequest()).speakers[0].claim_count == 8


def test_search_by_name_spelling_query_and_dates(stub, ingested):
    hits = stub.SearchClaims(cpb.SearchClaimsRequest(speaker_name="Umerow", query="Drohnen")).claims
    assert len(hits) == 2 and all("Drohnen" in c.text for c in hits)
    assert hits[0].source.text == "Umjerow" and hits[0].form == pb.FORM_DIRECT
    since = stub.SearchClaims(cpb.SearchClaimsRequest(since=_ts("2024-09-04"))).claims
    assert {c.outlet for c in since} == {"Zweite"}
    assert not stub.SearchClaims(cpb.SearchClaimsRequest(speaker_name="Niemand Unbekannt")).claims
    page = stub.SearchClaims(cpb.SearchClaimsRequest(page_size=5))
    rest = stub.SearchClaims(cpb.SearchClaimsRequest(page_size=5, page_token=page.next_page_token))
    assert len(page.claims) == 5 and len(rest.claims) == 3 and not rest.next_page_token


def test_get_speaker_timeline(stub, ingested):
    speaker_id = stub.ListSpeakers(cpb.ListSpeakersRequest()).speakers[0].id
    got = stub.GetSpeaker(cpb.GetSpeakerRequest(speaker_id=speaker_id, timeline_limit=3))
    assert set(got.speaker.aliases) == {"Rustem Umjerow", "Umjerow"}
    assert len(got.timeline) == 3 and got.timeline[-1].outlet == "Zweite"


@pytest.mark.parametrize(
    ("call", "request_", "code", "text"),
    [
        ("GetSpeaker", cpb.GetSpeakerRequest(speaker_id=999), grpc.StatusCode.NOT_FOUND, "speaker 999"),
        ("GetSpeaker", cpb.GetSpeakerRequest(), grpc.StatusCode.INVALID_ARGUMENT, "speaker_id"),
        ("SearchClaims", cpb.SearchClaimsRequest(page_token="x"), grpc.StatusCode.INVALID_ARGUMENT, "page_token"),
        ("SearchClaims", cpb.SearchClaimsRequest(since=_ts("2024-02-02"), until=_ts("2024-01-01")),
         grpc.StatusCode.INVALID_ARGUMENT, "until"),
        ("GetClaimCluster", cpb.GetClaimClusterRequest(claim_id=10**9), grpc.StatusCode.NOT_FOUND, "claim"),
        ("DeleteDocument", cpb.DeleteDocumentRequest(document_id="nope"), grpc.StatusCode.NOT_FOUND, "nope"),
        ("MergeSpeakers", cpb.MergeSpeakersRequest(target_speaker_id=1), grpc.StatusCode.INVALID_ARGUMENT,
         "source_speaker_ids"),
        ("SplitSpeaker", cpb.SplitSpeakerRequest(speaker_id=1, aliases=["Niemand"]),
         grpc.StatusCode.INVALID_ARGUMENT, "no claim"),
    ],
)
def test_errors(stub, ingested, call, request_, code, text):
    with pytest.raises(grpc.RpcError) as err:
        getattr(stub, call)(request_)
    assert err.value.code() == code and text in err.value.details()


def test_split_merge_and_delete(stub, ingested):
    speaker_id = stub.ListSpeakers(cpb.ListSpeakersRequest()).speakers[0].id
    split = stub.SplitSpeaker(cpb.SplitSpeakerRequest(speaker_id=speaker_id, document_ids=["zweite/umjerow"],
                                                      name="Zweiter Umjerow"))
    assert split.moved_claims == 4 and split.original.claim_count == 4 and split.created.claim_count == 4
    merged = stub.MergeSpeakers(cpb.MergeSpeakersRequest(target_speaker_id=speaker_id,
                                                         source_speaker_ids=[split.created.id]))
    assert merged.speaker.claim_count == 8
    assert stub.DeleteDocument(cpb.DeleteDocumentRequest(document_id="zweite/umjerow")).deleted_claims == 4
    assert stub.ListSpeakers(cpb.ListSpeakersRequest()).speakers[0].claim_count == 4


def test_speaker_types_in_summaries_claims_and_filters(stub, ingested):
    (speaker,) = stub.ListSpeakers(cpb.ListSpeakersRequest(type=pb.SPEAKER_TYPE_PERSON)).speakers
    assert speaker.type == pb.SPEAKER_TYPE_PERSON and speaker.qualifier == ""
    assert not stub.ListSpeakers(cpb.ListSpeakersRequest(type=pb.SPEAKER_TYPE_ORGANIZATION)).speakers
    claims = stub.SearchClaims(cpb.SearchClaimsRequest(speaker_type=pb.SPEAKER_TYPE_PERSON)).claims
    assert len(claims) == speaker.claim_count and {c.speaker_type for c in claims} == {pb.SPEAKER_TYPE_PERSON}
    assert all(not c.anonymous and not c.unresolved_reason for c in claims)
    assert not stub.SearchClaims(cpb.SearchClaimsRequest(speaker_type=pb.SPEAKER_TYPE_MEDIA)).claims
    for call, request, field in [
        ("ListSpeakers", cpb.ListSpeakersRequest(type=99), "type"),
        ("SearchClaims", cpb.SearchClaimsRequest(speaker_type=99), "speaker_type"),
    ]:
        with pytest.raises(grpc.RpcError) as err:
            getattr(stub, call)(request)
        assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT and field in err.value.details()
