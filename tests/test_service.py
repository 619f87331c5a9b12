"""The QuoteService through a real server process on a local port."""

from __future__ import annotations

import json

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_status import rpc_status
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_proto.v1 import quotes_pb2_grpc as pb_grpc
from zitat_server.training.corpora import EXAMPLES


@pytest.fixture(scope="module")
def stub(server_target):
    with grpc.insecure_channel(server_target) as channel:
        yield pb_grpc.QuoteServiceStub(channel)


def _extract(stub, **document) -> pb.ExtractQuotesResponse:
    return stub.ExtractQuotes(pb.ExtractQuotesRequest(document=pb.Document(**document)), timeout=30)


def _speaker(resp: pb.ExtractQuotesResponse, quote: pb.Quote) -> pb.Speaker:
    (speaker,) = [s for s in resp.speakers if s.entity_id == quote.speaker_id]
    return speaker


def _bare(span: pb.Span, text: str) -> tuple[int, int]:
    """The span without enclosing quotation marks, trailing comma or full stop (equally right)."""
    start, end = span.start, span.end
    while start < end and text[start] in '„“”»«"':
        start += 1
    while end > start and text[end - 1] in '„“”»«",.':
        end -= 1
    return start, end


def test_example_article_exactly(stub, example_text):
    expected = json.loads((EXAMPLES / "umjerow-boeing.expected.json").read_text())
    resp = _extract(stub, text=example_text, id="umjerow")
    assert resp.document_id == "umjerow"
    assert len(resp.quotes) == len(expected["quotes"]) == 4
    for got, want in zip(resp.quotes, expected["quotes"], strict=True):
        assert pb.Form.Name(got.form) == "FORM_" + want["form"]
        assert len(got.message) == 1
        assert _bare(got.message[0], example_text) == _bare(
            pb.Span(start=want["message"]["span"][0], end=want["message"]["span"][1]), example_text
        )
        assert [(c.start, c.end, c.text) for c in got.cue] == [
            (c["span"][0], c["span"][1], c["text"]) for c in want["cue"]
        ]
        assert (got.source.start, got.source.end, got.source.text) == (*want["source"]["span"], want["source"]["text"])
        assert _speaker(resp, got).canonical_name == want["speaker"]
        assert not got.HasField("speaker")  # listed once in resp.speakers, referred to by id
        for span in [*got.message, *got.cue, got.source]:
            assert example_text[span.start : span.end] == span.text
    assert len({q.speaker_id for q in resp.quotes}) == 1
    putin = expected["not_quotes"][0]["span"]
    assert not any(m.start < putin[1] and putin[0] < m.end for q in resp.quotes for m in q.message)
    speakers = {s.canonical_name: s for s in resp.speakers}
    assert set(speakers) == {"Rustem Umjerow"}
    assert {m.text for m in speakers["Rustem Umjerow"].mentions} == set(expected["speakers"][0]["mentions"])


def test_offsets_are_code_points(stub):
    text = "🙂🙂 „Das ist ein sehr guter Tag für uns alle“, sagte Anna Müller."
    resp = _extract(stub, text=text)
    assert len(resp.quotes) == 1
    q = resp.quotes[0]
    assert text[q.source.start : q.source.end] == "Anna Müller" == q.source.text
    assert text[q.cue[0].start : q.cue[0].end] == "sagte"


def test_pretokenised_input(stub):
    sentences = [pb.Sentence(tokens=["„", "Wir", "kommen", "morgen", "wieder", "“", ",", "sagte", "Merkel", "."])]
    resp = _extract(stub, sentences=sentences)
    assert resp.text == "„ Wir kommen morgen wieder “ , sagte Merkel ."
    assert [q.source.text for q in resp.quotes] == ["Merkel"]


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"text": ""}, "document.text"),
        ({"text": "   \n"}, "document.text"),
        ({"text": "x", "sentences": [pb.Sentence(tokens=["x"])]}, "document"),
        ({"sentences": [pb.Sentence(tokens=["a b"])]}, "document.sentences[0].tokens[0]"),
        ({"sentences": [pb.Sentence(tokens=[])]}, "document.sentences[0].tokens"),
    ],
)
def test_bad_input_is_invalid_argument(stub, document, field):
    with pytest.raises(grpc.RpcError) as info:
        _extract(stub, **document)
    err = info.value
    assert err.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in err.details()
    status = rpc_status.from_call(err)
    bad = error_details_pb2.BadRequest()
    assert status.details[0].Unpack(bad)
    assert bad.field_violations[0].field == field


def test_oversized_text_is_rejected_and_server_lives_on(stub):
    with pytest.raises(grpc.RpcError) as info:
        _extract(stub, text="Wort " * 60_000)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "limit is 131072" in info.value.details()
    assert len(_extract(stub, text="„Das ist wirklich gut so“, sagte er.").quotes) == 1


def test_stream_keeps_order_and_reports_bad_documents(stub, example_text):
    texts = [example_text, "", "„Wir sind bereit für alles“, sagte Anna Müller.", "Kein Zitat hier."]
    reqs = [pb.ExtractQuotesRequest(document=pb.Document(id=f"d{i}", text=t)) for i, t in enumerate(texts)]
    out = list(stub.ExtractQuotesStream(iter(reqs), timeout=60))
    assert [r.document_id for r in out] == ["d0", "d1", "d2", "d3"]
    assert len(out[0].quotes) == 4 and not out[0].HasField("error")
    assert out[1].error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert out[1].error.field == "document.text"
    assert [_speaker(out[2], q).canonical_name for q in out[2].quotes] == ["Anna Müller"]
    assert len(out[3].quotes) == 0


def test_model_info(stub):
    info = stub.GetModelInfo(pb.GetModelInfoRequest(), timeout=10)
    names = [c.name for c in info.components]
    assert {"tokenizer", "attribution", "coref"} <= set(names)
    assert info.max_document_bytes == 131_072
    assert info.pipeline_version


def test_health_and_reflection(server_target):
    with grpc.insecure_channel(server_target) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        for service in ("", "zitat.v1.QuoteService"):
            resp = health.Check(health_pb2.HealthCheckRequest(service=service), timeout=5)
            assert resp.status == health_pb2.HealthCheckResponse.SERVING
        refl = reflection_pb2_grpc.ServerReflectionStub(channel)
        replies = list(refl.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
        listed = {s.name for s in replies[0].list_services_response.service}
        assert {"zitat.v1.QuoteService", "grpc.health.v1.Health"} <= listed
