"""The JSON API (serving.json_api behind serving.web): the same answers as gRPC for the same
requests, gRPC statuses as HTTP codes with the google.rpc details, the gateway's own errors,
the forwarding of credentials, and the page's static files."""

from __future__ import annotations

import gzip
import json
import re
import socket
import urllib.error
import urllib.request
from concurrent import futures
from urllib.parse import quote

import grpc
import pytest
from google.protobuf import json_format
from grpc_status import rpc_status
from zitat_proto.v1 import claims_pb2 as cpb
from zitat_proto.v1 import claims_pb2_grpc as cpb_grpc
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_proto.v1 import quotes_pb2_grpc as pb_grpc
from zitat_server.serving import web
from zitat_server.serving.config import DEFAULT_MAX_DOCUMENT_BYTES
from zitat_server.serving.launch import running_endpoints

pytestmark = pytest.mark.slow


def http(base: str, method: str, path: str, body: object = None, headers: dict | None = None, raw: bytes | None = None):
    """(status, parsed JSON body or NDJSON lines or text, headers) of one request."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            status, payload, hdrs = resp.status, resp.read(), resp.headers
    except urllib.error.HTTPError as err:
        status, payload, hdrs = err.code, err.read(), err.headers
    ctype = hdrs.get("Content-Type", "")
    if ctype.startswith("application/x-ndjson"):
        return status, [json.loads(line) for line in payload.splitlines() if line.strip()], hdrs
    if ctype.startswith("application/json"):
        return status, json.loads(payload), hdrs
    return status, payload.decode(), hdrs


def as_dict(msg) -> dict:
    return json_format.MessageToDict(msg)


@pytest.fixture(scope="module")
def base(server_endpoints) -> str:
    assert server_endpoints.http, "the server printed no web address"
    return server_endpoints.http


@pytest.fixture(scope="module")
def channel(server_endpoints):
    with grpc.insecure_channel(server_endpoints.target) as ch:
        yield ch


# --- extraction ------------------------------------------------------------------------------


def test_extract_over_json_is_the_grpc_answer(base, channel, example_text):
    request = {"document": {"id": "umjerow", "text": example_text}, "requestId": "r1"}
    status, answer, _ = http(base, "POST", "/v1/extract", request)
    assert status == 200
    expected = as_dict(
        pb_grpc.QuoteServiceStub(channel).ExtractQuotes(json_format.ParseDict(request, pb.ExtractQuotesRequest()))
    )
    assert answer.pop("timing") and expected.pop("timing")
    assert answer == expected
    assert len(answer["quotes"]) == 4 and answer["documentId"] == "umjerow" and answer["requestId"] == "r1"
    speakers = {s["entityId"]: s for s in answer["speakers"]}
    assert {speakers[q["speakerId"]]["canonicalName"] for q in answer["quotes"]} == {"Rustem Umjerow"}
    assert answer["quotes"][0]["form"] == "FORM_INDIRECT"  # enums by name, fields in camelCase


def test_empty_text_is_400_with_the_field_violation_grpc_sends(base, channel):
    status, body, _ = http(base, "POST", "/v1/extract", {"document": {"text": "  "}})
    assert status == 400
    with pytest.raises(grpc.RpcError) as err:
        pb_grpc.QuoteServiceStub(channel).ExtractQuotes(pb.ExtractQuotesRequest(document=pb.Document(text="  ")))
    assert body == as_dict(rpc_status.from_call(err.value))
    assert body["code"] == 3
    (detail,) = body["details"]
    assert detail["@type"] == "type.googleapis.com/google.rpc.BadRequest"
    assert detail["fieldViolations"] == [{"field": "document.text", "description": "text is empty"}]


def test_text_over_the_document_limit_names_the_limit_and_a_huge_body_is_413(base):
    status, body, _ = http(base, "POST", "/v1/extract", {"document": {"text": "a " * 600_000}})
    assert status == 400
    assert body["details"][0]["fieldViolations"][0] == {
        "field": "document.text",
        "description": f"text is 1200000 bytes; the limit is {DEFAULT_MAX_DOCUMENT_BYTES}",
    }
    status, body, _ = http(base, "POST", "/v1/extract", {"document": {"text": "a" * 3_200_000}})
    assert status == 413 and body["code"] == 3 and "limit is" in body["message"]


def test_extract_stream_answers_each_document_on_its_own_line(base, example_text):
    lines = "\n".join(json.dumps({"document": {"id": i, "text": t}}) for i, t in (("a", example_text), ("b", "")))
    status, answers, _ = http(base, "POST", "/v1/extract:stream", raw=lines.encode())
    assert status == 200
    assert [a["result"]["documentId"] for a in answers] == ["a", "b"]
    assert len(answers[0]["result"]["quotes"]) == 4
    assert answers[1]["result"]["error"]["field"] == "document.text"


def test_model_info_is_the_grpc_answer(base, channel):
    status, info, _ = http(base, "GET", "/v1/model-info")
    assert status == 200
    assert info == as_dict(pb_grpc.QuoteServiceStub(channel).GetModelInfo(pb.GetModelInfoRequest()))
    assert info["maxDocumentBytes"] == str(DEFAULT_MAX_DOCUMENT_BYTES)  # int64 as a string, as protobuf JSON has it


def test_health(base):
    assert http(base, "GET", "/v1/health")[:2] == (200, {"status": "SERVING"})


# --- the gateway's own errors ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "raw", "status", "code", "field"),
    [
        ("GET", "/v1/nothing", None, 404, 5, None),
        ("PUT", "/v1/claims", None, 405, 12, None),
        ("POST", "/v1/extract", b"{not json", 400, 3, None),
        ("POST", "/v1/extract", b'{"document": {"txt": "x"}}', 400, 3, None),
        ("GET", "/v1/claims?bogus=1", None, 400, 3, "bogus"),
        ("GET", "/v1/claims?pageSize=abc", None, 400, 3, None),
        ("GET", "/v1/speakers/0", None, 400, 3, "speaker_id"),  # the service's validation, passed on
        ("GET", "/v1/speakers/987654", None, 404, 5, None),
    ],
)
def test_bad_requests(base, method, path, raw, status, code, field):
    got, body, _ = http(base, method, path, raw=raw)
    assert (got, body["code"]) == (status, code), body
    if field:
        assert body["details"][0]["fieldViolations"][0]["field"] == field


# --- the claim store ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ingested(base, example_text):
    docs = [
        {"document": {"id": "json/a", "text": example_text, "outlet": "JsonA", "publishedAt": "2024-09-03T00:00:00Z"}},
        {"document": {"id": "json/b", "text": example_text, "outlet": "JsonB", "publishedAt": "2024-09-10T00:00:00Z"}},
        {"document": {"id": "", "text": example_text}},
    ]
    status, lines, _ = http(base, "POST", "/v1/documents:ingest", raw="\n".join(map(json.dumps, docs)).encode())
    assert status == 200
    return lines


def test_ingest_answers_one_line_per_document(ingested):
    results = [line["result"] for line in ingested]
    assert [r["status"] for r in results] == ["INGEST_STATUS_CREATED"] * 2 + ["INGEST_STATUS_FAILED"]
    assert [r.get("claimCount") for r in results[:2]] == [4, 4]
    assert results[2]["error"]["field"] == "requests[2].document.id"


def test_reads_after_ingest_are_the_grpc_answers(base, channel, ingested):
    stub = cpb_grpc.ClaimServiceStub(channel)
    status, found, _ = http(base, "GET", "/v1/speakers?q=umjerow")
    assert status == 200
    (speaker,) = found["speakers"]
    assert speaker["name"] == "Rustem Umjerow" and speaker["roles"][0]["role"] == "Verteidigungsminister"
    status, page, _ = http(base, "GET", f"/v1/speakers/{speaker['id']}?timelineLimit=3")
    assert page == as_dict(stub.GetSpeaker(cpb.GetSpeakerRequest(speaker_id=int(speaker["id"]), timeline_limit=3)))
    assert len(page["timeline"]) == 3

    status, claims, _ = http(base, "GET", "/v1/claims?speaker=Umjerow&q=Drohnen&since=2024-09-05&outlet=JsonB")
    assert status == 200
    assert [c["outlet"] for c in claims["claims"]] == ["JsonB"]
    assert all("Drohnen" in c["text"] for c in claims["claims"])
    by_id = http(base, "GET", f"/v1/claims?speaker={speaker['id']}&outlet=JsonA")[1]["claims"]
    assert len(by_id) == 4 and {c["speakerId"] for c in by_id} == {speaker["id"]}

    claim_id = claims["claims"][0]["id"]
    status, cluster, _ = http(base, "GET", f"/v1/claims/{claim_id}/cluster")
    assert cluster == as_dict(stub.GetClaimCluster(cpb.GetClaimClusterRequest(claim_id=int(claim_id))))
    assert [c["outlet"] for c in cluster["claims"]] == ["JsonA", "JsonB"]
    assert cluster["links"][0]["kind"] == "LINK_KIND_NEAR_DUPLICATE"


def test_delete_takes_a_document_id_with_a_slash(base, ingested):
    status, body, _ = http(base, "DELETE", f"/v1/documents/{quote('json/b', safe='')}")
    assert (status, body) == (200, {"deletedClaims": 4})
    assert http(base, "DELETE", "/v1/documents/json/b")[0] == 404
    assert http(base, "GET", "/v1/claims?outlet=JsonB")[1] == {}


# --- credentials and status mapping, against a stand-in gRPC service ---------------------------


@pytest.fixture(scope="module")
def guarded():
    """A gateway in front of a gRPC service that wants ``Bearer reader`` and knows one RPC."""

    def model_info(request, context):
        md = dict(context.invocation_metadata())
        if "authorization" not in md:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        if md["authorization"] != "Bearer reader":
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "this token may not read")
        return pb.GetModelInfoResponse(pipeline_version=md.get("x-trace", ""))

    handler = grpc.method_handlers_generic_handler(
        "zitat.v1.QuoteService",
        {
            "GetModelInfo": grpc.unary_unary_rpc_method_handler(
                model_info,
                request_deserializer=pb.GetModelInfoRequest.FromString,
                response_serializer=pb.GetModelInfoResponse.SerializeToString,
            )
        },
    )
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    gateway = web.WebServer("127.0.0.1", 0, f"127.0.0.1:{port}", max_body_bytes=1000)
    yield f"http://127.0.0.1:{gateway.port}"
    gateway.close()
    server.stop(0)


def test_credentials_are_forwarded_and_refusals_map_to_401_and_403(guarded):
    status, body, headers = http(guarded, "GET", "/v1/model-info")
    assert (status, body) == (401, {"code": 16, "message": "missing bearer token"})
    assert headers["WWW-Authenticate"] == "Bearer"
    status, body, _ = http(guarded, "GET", "/v1/model-info", headers={"Authorization": "Bearer writer"})
    assert (status, body["code"]) == (403, 7)
    status, body, _ = http(
        guarded, "GET", "/v1/model-info", headers={"Authorization": "Bearer reader", "Grpc-Metadata-X-Trace": "t1"}
    )
    assert (status, body) == (200, {"pipelineVersion": "t1"})


def test_unimplemented_rpc_is_501_and_a_large_body_413(guarded):
    assert http(guarded, "GET", "/v1/speakers")[:2][0] == 501
    status, body, _ = http(guarded, "POST", "/v1/extract", {"document": {"text": "x" * 2000}})
    assert status == 413 and body["message"].endswith("the limit is 1000")
    assert http(guarded, "POST", "/v1/documents:ingest", raw=b'{"document": {}}')[0] == 501  # a stream's first error


# --- the page's files --------------------------------------------------------------------------


def test_the_page_and_everything_it_loads_come_from_the_server(base):
    status, page, headers = http(base, "GET", "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    refs = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert "/static/js/app.js" in refs and "/static/vendor/uplot/uPlot.iife.min.js" in refs
    for ref in refs:
        if ref.startswith("data:"):
            continue
        assert ref.startswith("/static/"), ref  # nothing from another host
        assert http(base, "GET", ref)[0] == 200, ref
    modules = re.findall(r'from "\./(\w+\.js)"', http(base, "GET", "/static/js/app.js")[1])
    assert modules and all(http(base, "GET", f"/static/js/{m}")[0] == 200 for m in modules)
    status, licence, _ = http(base, "GET", "/static/vendor/uplot/LICENSE")
    assert status == 200 and "MIT License" in licence


def test_static_files_are_only_the_packaged_ones(base):
    assert http(base, "GET", "/static/../web.py")[0] == 404
    assert http(base, "GET", "/static/nothing.js")[0] == 404
    assert http(base, "POST", "/static/app.css")[0] == 404
    status, css, headers = http(base, "GET", "/static/app.css")
    req = urllib.request.Request(base + "/static/app.css", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.headers["Content-Encoding"] == "gzip" and gzip.decompress(resp.read()).decode() == css
    req = urllib.request.Request(base + "/static/app.css", headers={"If-None-Match": headers["ETag"]})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 304


# --- ports ----------------------------------------------------------------------------------------


def test_http_port_defaults_next_to_grpc_and_zero_turns_it_off():
    assert web.http_port(None, 50051) == 50052
    assert web.http_port(None, 0) == 0  # gRPC on a free port: HTTP on a free port too
    assert web.http_port(0, 50051) is None
    assert web.http_port(8080, 50051) == 8080
    assert web.grpc_target("[::]", 5) == "localhost:5"
    assert web.grpc_target("::1", 5) == "[::1]:5"
    assert web.grpc_target("127.0.0.1", 5) == "127.0.0.1:5"


def test_http_port_zero_starts_no_web_server(tmp_path):
    with running_endpoints("--rules-only", "--http-port", "0", "--store", str(tmp_path / "s.db")) as started:
        assert started.http is None
        with grpc.insecure_channel(started.target) as ch:
            assert pb_grpc.QuoteServiceStub(ch).GetModelInfo(pb.GetModelInfoRequest()).pipeline_version


def test_a_taken_default_port_falls_back_but_a_taken_chosen_port_stops_the_start():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        page = web.start("127.0.0.1", None, port - 1, 1000)  # the default: the gRPC port + 1
        try:
            assert page is not None and page.port not in (0, port)
        finally:
            page.close()
        with pytest.raises(SystemExit, match="Address already in use"):
            web.start("127.0.0.1", port, 5, 1000)


def test_the_gateway_passes_bearer_tokens_to_the_server_which_checks_their_scope(tmp_path):
    """The gateway holds no credentials of its own: a call is what the caller's token allows."""
    tokens = tmp_path / "tokens"
    tokens.write_text("reader-5d2c read\nwriter-81fe write\n")
    args = ("--rules-only", "--store", str(tmp_path / "s.db"), "--auth-token-file", str(tokens))
    with running_endpoints(*args) as started:
        base = started.http
        assert http(base, "GET", "/v1/health")[0] == 200  # health needs no token, as over gRPC
        status, body, _ = http(base, "GET", "/v1/speakers")
        assert status == 401 and body["code"] == 16
        assert http(base, "GET", "/v1/speakers", headers={"Authorization": "Bearer wrong"})[0] == 401
        assert http(base, "GET", "/v1/speakers", headers={"Authorization": "Bearer reader-5d2c"})[0] == 200
        doc = {"document": {"id": "a", "text": "„Wir bleiben“, sagte Anna Muster."}}
        status, body, _ = http(base, "POST", "/v1/documents:ingest", body=doc,
                               headers={"Authorization": "Bearer reader-5d2c"})
        assert status == 403, body
        status, lines, _ = http(base, "POST", "/v1/documents:ingest", body=doc,
                                headers={"Authorization": "Bearer writer-81fe"})
        assert status == 200, lines


def test_tls_turns_the_plain_http_page_off_and_refuses_an_explicit_port(tmp_path):
    from zitat_server.serving.main import main

    with pytest.raises(SystemExit, match="plain HTTP"):
        main(["--tls-cert", str(tmp_path / "c.pem"), "--tls-key", str(tmp_path / "k.pem"), "--http-port", "8080"])
