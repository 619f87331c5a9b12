"""The server as a whole (rules-only pipeline, real processes): one channel uses every worker,
idle streams block nothing, tokens and scopes, metrics, the right codes for bad input, responses
linear in the input, load shedding with retry information."""

from __future__ import annotations

import base64
import json
import re
import threading
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_status import rpc_status
from zitat_client import Client, PermissionDenied, ResourceExhausted, Unauthenticated
from zitat_client import cli as zitat_cli
from zitat_proto.v1 import claims_pb2 as cpb
from zitat_proto.v1 import claims_pb2_grpc as cpb_grpc
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_proto.v1 import quotes_pb2_grpc as pb_grpc
from zitat_server import __version__
from zitat_server.serving.launch import running_server
from zitat_server.serving.server import is_loopback
from zitat_server.training.corpora import standard_articles

READ, WRITE = "read-token-3f9a", "write-token-77c1"
QUOTE = "„Das ist ein sehr guter Tag für uns alle“, sagte Anna Müller. "


@dataclass
class Server:
    target: str
    log: Path
    metrics_url: str

    def metrics(self) -> str:
        with urllib.request.urlopen(self.metrics_url, timeout=10) as response:
            return response.read().decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("serving")
    tokens = tmp / "tokens"
    tokens.write_text(f"# who may do what\n{READ} read\n{WRITE} write\n")
    log = tmp / "server.log"
    args = ("--rules-only", "--workers", "2", "--store", str(tmp / "claims.db"), "--auth-token-file", str(tokens),
            "--metrics-port", "0")
    with running_server(*args, log_path=log) as (target, _proc):
        port = re.search(r"metrics at http://\S+:(\d+)/metrics", log.read_text())[1]
        yield Server(target, log, f"http://127.0.0.1:{port}/metrics")


def auth(token: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {token}"),)


@pytest.fixture(scope="module")
def channel(server) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(server.target) as channel:
        yield channel


@pytest.fixture(scope="module")
def quotes(channel) -> pb_grpc.QuoteServiceStub:
    return pb_grpc.QuoteServiceStub(channel)


@pytest.fixture(scope="module")
def claims(channel) -> cpb_grpc.ClaimServiceStub:
    return cpb_grpc.ClaimServiceStub(channel)


def extract(stub, text: str, token: str = READ, timeout: float = 30) -> pb.ExtractQuotesResponse:
    return stub.ExtractQuotes(pb.ExtractQuotesRequest(document=pb.Document(text=text)), timeout=timeout,
                              metadata=auth(token))


def ingest(claims, *documents: pb.Document, token: str = WRITE) -> list[cpb.IngestDocumentsResponse]:
    requests = iter([cpb.IngestDocumentsRequest(document=d) for d in documents])
    return list(claims.IngestDocuments(requests, timeout=60, metadata=auth(token)))


def code_of(call, *args, **kwargs) -> grpc.StatusCode:
    with pytest.raises(grpc.RpcError) as info:
        call(*args, **kwargs)
    return info.value.code()


# --- every core for every client ------------------------------------------------------------------


def test_one_channel_is_served_by_every_worker(server, quotes):
    """SO_REUSEPORT balanced connections, so one channel used one process; the pool takes any call."""
    article = "\n".join(text for _c, text in list(standard_articles())[:6])
    with ThreadPoolExecutor(8) as threads:
        answers = list(threads.map(lambda _: extract(quotes, article), range(16)))
    assert all(a.quotes for a in answers)
    jobs = re.findall(r'zitat_worker_jobs_total\{status="ok",worker="(\d)"\} (\d+)', server.metrics())
    assert {worker for worker, n in jobs if float(n) > 0} == {"0", "1"}


def test_idle_streams_block_neither_calls_nor_health(server, channel, quotes, claims):
    """Eight idle streams once held all eight RPC threads: every call and health check timed out."""
    stop = threading.Event()

    def idle() -> Iterator:
        stop.wait()
        return
        yield

    streams = [quotes.ExtractQuotesStream(idle(), metadata=auth(READ)) for _ in range(12)]
    streams += [claims.IngestDocuments(idle(), metadata=auth(WRITE)) for _ in range(12)]
    try:
        health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
        assert health.status == health_pb2.HealthCheckResponse.SERVING
        assert len(extract(quotes, QUOTE, timeout=10).quotes) == 1
        claims.ListSpeakers(cpb.ListSpeakersRequest(), timeout=10, metadata=auth(READ))
    finally:
        stop.set()
        for s in streams:
            s.cancel()


def test_ingest_runs_through_the_workers(server, claims, example_text):
    (first,) = ingest(claims, pb.Document(id="workers/umjerow", text=example_text))
    assert first.status == cpb.INGEST_STATUS_CREATED and first.claim_count == 4
    assert first.pipeline_version.endswith("rules-only")
    (again,) = ingest(claims, pb.Document(id="workers/umjerow", text=example_text))
    assert again.status == cpb.INGEST_STATUS_UNCHANGED


def test_a_stream_keeps_order_with_documents_in_flight_on_every_worker(quotes):
    texts = [QUOTE * (i % 5 + 1) for i in range(40)]
    requests = (pb.ExtractQuotesRequest(document=pb.Document(id=str(i), text=t)) for i, t in enumerate(texts))
    answers = list(quotes.ExtractQuotesStream(requests, timeout=60, metadata=auth(READ)))
    assert [a.document_id for a in answers] == [str(i) for i in range(40)]
    assert [len(a.quotes) for a in answers] == [i % 5 + 1 for i in range(40)]


# --- authentication -------------------------------------------------------------------------------


def test_no_or_unknown_token_is_unauthenticated_but_health_is_open(channel, quotes, claims):
    request = pb.ExtractQuotesRequest(document=pb.Document(text=QUOTE))
    assert code_of(quotes.ExtractQuotes, request, timeout=10) == grpc.StatusCode.UNAUTHENTICATED
    assert code_of(quotes.ExtractQuotes, request, timeout=10, metadata=auth("guess")) == \
        grpc.StatusCode.UNAUTHENTICATED
    assert code_of(quotes.ExtractQuotes, request, timeout=10, metadata=(("authorization", READ),)) == \
        grpc.StatusCode.UNAUTHENTICATED  # the scheme is required
    assert code_of(claims.ListSpeakers, cpb.ListSpeakersRequest(), timeout=10) == grpc.StatusCode.UNAUTHENTICATED
    stream = quotes.ExtractQuotesStream(iter([request]), timeout=10)
    assert code_of(list, stream) == grpc.StatusCode.UNAUTHENTICATED
    reflection = reflection_pb2_grpc.ServerReflectionStub(channel)
    listing = reflection.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    assert code_of(list, listing) == grpc.StatusCode.UNAUTHENTICATED
    health = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=10)
    assert health.status == health_pb2.HealthCheckResponse.SERVING


def test_a_read_token_reads_but_changes_nothing(claims, quotes, example_text):
    assert len(extract(quotes, QUOTE, token=READ).quotes) == 1
    claims.ListSpeakers(cpb.ListSpeakersRequest(), timeout=10, metadata=auth(READ))
    denied = grpc.StatusCode.PERMISSION_DENIED
    assert code_of(ingest, claims, pb.Document(id="r", text=example_text), token=READ) == denied
    for call, request in [
        (claims.DeleteDocument, cpb.DeleteDocumentRequest(document_id="workers/umjerow")),
        (claims.MergeSpeakers, cpb.MergeSpeakersRequest(target_speaker_id=1, source_speaker_ids=[2])),
        (claims.SplitSpeaker, cpb.SplitSpeakerRequest(speaker_id=1, aliases=["x"])),
    ]:
        assert code_of(call, request, timeout=10, metadata=auth(READ)) == denied


def test_a_write_token_may_change_the_store(claims):
    assert code_of(claims.DeleteDocument, cpb.DeleteDocumentRequest(document_id="nothing-here"), timeout=10,
                   metadata=auth(WRITE)) == grpc.StatusCode.NOT_FOUND  # past the check, the store answers
    claims.ListSpeakers(cpb.ListSpeakersRequest(), timeout=10, metadata=auth(WRITE))  # write implies read


def test_client_library_and_cli_send_the_token(server, monkeypatch, capsys, tmp_path):
    with Client(server.target, token=READ) as client:
        assert client.extract(QUOTE).quotes[0].speaker.canonical_name == "Anna Müller"
        with pytest.raises(PermissionDenied):
            client.delete_document("workers/umjerow")
    with Client(server.target) as client, pytest.raises(Unauthenticated):
        client.extract(QUOTE)
    article = tmp_path / "a.txt"
    article.write_text(QUOTE)
    monkeypatch.setenv("ZITAT_TOKEN", READ)
    assert zitat_cli.main(["extract", str(article), "--server", server.target]) == 0
    assert "Anna Müller" in capsys.readouterr().out
    assert zitat_cli.main(["extract", str(article), "--server", server.target, "--token", "wrong"]) == 1
    assert "UNAUTHENTICATED" in capsys.readouterr().err


def test_tokens_never_reach_the_log(server, quotes):
    extract(quotes, QUOTE, token=READ)
    code_of(extract, quotes, QUOTE, token="not-a-known-token")
    log = server.log.read_text()
    assert READ not in log and WRITE not in log and "not-a-known-token" not in log
    assert len(log.splitlines()) <= 8  # startup stays a few lines


# --- metrics --------------------------------------------------------------------------------------


def test_metrics_have_the_grpc_names(server, quotes):
    extract(quotes, QUOTE)
    code_of(extract, quotes, QUOTE, token="nope")
    text = server.metrics()
    labels = 'grpc_method="ExtractQuotes",grpc_service="zitat.v1.QuoteService",grpc_type="unary"'
    assert f"grpc_server_started_total{{{labels}}}" in text
    assert re.search(r'grpc_server_handled_total\{grpc_code="OK",' + labels + r"\} [1-9]", text)
    assert re.search(r'grpc_server_handled_total\{grpc_code="UNAUTHENTICATED",' + labels + r"\} [1-9]", text)
    assert f"grpc_server_handling_seconds_bucket{{{labels},le=" in text
    assert "zitat_queue_seconds_count" in text and "zitat_processing_seconds_count" in text
    assert re.search(r"^zitat_workers 2\.0$", text, re.M)
    assert f'zitat_pipeline_info{{pipeline="rules-only",pipeline_version="{__version__}+rules-only"}} 1.0' in text
    assert re.search(r"^zitat_queue_length 0\.0$", text, re.M)


# --- right codes ----------------------------------------------------------------------------------


def test_undecodable_request_is_invalid_argument(channel):
    """Invalid UTF-8 in a string field was INTERNAL "Exception deserializing request!"."""
    raw = pb.ExtractQuotesRequest(document=pb.Document(text="AAAA sagte er")).SerializeToString()
    raw = raw.replace(b"AAAA", b"\xff\xfe\xc3\x28")
    call = channel.unary_unary("/zitat.v1.QuoteService/ExtractQuotes")  # bytes in, bytes out
    assert code_of(call, raw, timeout=10, metadata=auth(READ)) == grpc.StatusCode.INVALID_ARGUMENT
    raw = cpb.ListSpeakersRequest(name_contains="AAAA").SerializeToString().replace(b"AAAA", b"\xff\xfe\xc3\x28")
    call = channel.unary_unary("/zitat.v1.ClaimService/ListSpeakers")
    assert code_of(call, raw, timeout=10, metadata=auth(READ)) == grpc.StatusCode.INVALID_ARGUMENT
    good = cpb.IngestDocumentsRequest(document=pb.Document(id="u", text="AAAA sagte er")).SerializeToString()
    stream = channel.stream_stream("/zitat.v1.ClaimService/IngestDocuments")
    answers = stream(iter([good.replace(b"AAAA", b"\xff\xfe\xc3\x28")]), timeout=10, metadata=auth(WRITE))
    assert code_of(list, answers) == grpc.StatusCode.INVALID_ARGUMENT


def _ts(seconds: int) -> Timestamp:
    return Timestamp(seconds=seconds)


def test_out_of_range_timestamps_are_invalid_argument(claims, quotes):
    far = -(10**13)  # long before year 1
    with pytest.raises(grpc.RpcError) as info:
        claims.SearchClaims(cpb.SearchClaimsRequest(since=_ts(far)), timeout=10, metadata=auth(READ))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "since" in info.value.details()
    (answer,) = ingest(claims, pb.Document(id="when", text=QUOTE, published_at=_ts(10**13)))
    assert answer.status == cpb.INGEST_STATUS_FAILED
    assert answer.error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert answer.error.field == "requests[0].document.published_at"
    request = pb.ExtractQuotesRequest(document=pb.Document(text=QUOTE, published_at=_ts(far)))
    assert code_of(quotes.ExtractQuotes, request, timeout=10, metadata=auth(READ)) == \
        grpc.StatusCode.INVALID_ARGUMENT


def _forge(token: str, key: list) -> str:
    data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    data["k"] = key
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def test_forged_page_tokens_are_invalid_argument(claims, example_text):
    ingest(claims, pb.Document(id="pages/1", text=example_text), pb.Document(id="pages/2", text=example_text + " "))
    page = claims.SearchClaims(cpb.SearchClaimsRequest(page_size=1), timeout=10, metadata=auth(READ))
    speakers = claims.ListSpeakers(cpb.ListSpeakersRequest(page_size=1), timeout=10, metadata=auth(READ))
    assert page.next_page_token
    # Once UNKNOWN "Incorrect number of bindings supplied" or "list index out of range".
    for key in ([], ["x"], [1, 2, 3, 4], ["2024", "1", 0], ["", 1 << 70, 0], [None, 1, 1]):
        request = cpb.SearchClaimsRequest(page_size=1, page_token=_forge(page.next_page_token, key))
        assert code_of(claims.SearchClaims, request, timeout=10, metadata=auth(READ)) == \
            grpc.StatusCode.INVALID_ARGUMENT
    if speakers.next_page_token:
        for key in ([], [1], ["a", 1], [True, 1]):
            request = cpb.ListSpeakersRequest(page_size=1, page_token=_forge(speakers.next_page_token, key))
            assert code_of(claims.ListSpeakers, request, timeout=10, metadata=auth(READ)) == \
                grpc.StatusCode.INVALID_ARGUMENT
    request = cpb.SearchClaimsRequest(page_size=1, page_token="%%%")
    assert code_of(claims.SearchClaims, request, timeout=10, metadata=auth(READ)) == grpc.StatusCode.INVALID_ARGUMENT


# --- responses linear in the input ----------------------------------------------------------------


def test_each_speaker_is_listed_once_and_responses_grow_linearly(quotes):
    """A copy of the speaker with all its mentions in every quote made 13 KB in 2.8 MB out."""
    sizes = []
    for n in (50, 100, 200):
        text = QUOTE * n
        answer = extract(quotes, text)
        assert len(answer.quotes) == n and len(answer.speakers) == 1
        assert {q.speaker_id for q in answer.quotes} == {answer.speakers[0].entity_id}
        assert not any(q.HasField("speaker") for q in answer.quotes)
        sizes.append(answer.ByteSize() / len(text.encode()))
    assert max(sizes) < 4 and sizes[2] < sizes[0] * 1.1  # bytes out per byte in: constant


def test_is_loopback():
    assert is_loopback("localhost") and is_loopback("127.0.0.1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("[::]")


# --- load shedding --------------------------------------------------------------------------------


def test_overload_is_refused_at_once_with_retry_info(tmp_path):
    """A full queue answers RESOURCE_EXHAUSTED with google.rpc.RetryInfo instead of queueing
    calls until their deadline (64 calls with a 1 s deadline all failed before)."""
    article = "\n".join(text for _c, text in list(standard_articles())[:20])
    log = tmp_path / "log"
    args = ("--rules-only", "--max-queue", "1", "--no-reflection", "--store", str(tmp_path / "c.db"))
    with running_server(*args, host="0.0.0.0", log_path=log) as (target, _proc):
        assert "without --auth-token-file" in log.read_text()  # bound beyond loopback, unauthenticated
        with grpc.insecure_channel(target) as channel, ThreadPoolExecutor(8) as threads:
            stub = pb_grpc.QuoteServiceStub(channel)

            def call(_):
                try:
                    return extract(stub, article, timeout=120)
                except grpc.RpcError as err:
                    return err

            answers = list(threads.map(call, range(8)))
            refused = [a for a in answers if isinstance(a, grpc.RpcError)]
            assert refused and all(a.code() == grpc.StatusCode.RESOURCE_EXHAUSTED for a in refused)
            assert len(refused) < 8
            retry = error_details_pb2.RetryInfo()
            assert rpc_status.from_call(refused[0]).details[0].Unpack(retry)
            assert retry.retry_delay.ToMilliseconds() > 0
            reflection = reflection_pb2_grpc.ServerReflectionStub(channel)
            listing = reflection.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
            assert code_of(list, listing) == grpc.StatusCode.UNIMPLEMENTED  # --no-reflection
        with Client(target, retries=0) as client, ThreadPoolExecutor(8) as threads:
            def client_call(_):
                try:
                    return client.extract(article, timeout=120)
                except ResourceExhausted as err:
                    return err

            errors = [a for a in threads.map(client_call, range(8)) if isinstance(a, ResourceExhausted)]
            assert errors and all(e.retry_after and e.retry_after > 0 for e in errors)
