"""An in-process fake of ``zitat.v1.QuoteService`` for the client and CLI tests.

It answers with a fixed, hand-checked analysis of :data:`ARTICLE` (speakers listed once,
quotes referring to them by ``speaker_id``, as the server does; quotes are found by
looking for known sentences, so the same quotes come back for text and token input), rejects
empty documents with INVALID_ARGUMENT plus a ``google.rpc.BadRequest`` detail, and can be
told to fail with UNAVAILABLE a number of times or to answer slowly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent import futures
from contextlib import contextmanager
from dataclasses import dataclass, field

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_status import rpc_status
from zitat_proto.v1 import quotes_pb2, quotes_pb2_grpc

QUOTE_1 = "„Ich setze mich für die Soldaten ein“, schrieb Umjerow auf Facebook."
QUOTE_2 = "Der Verteidigungsminister Rustem Umjerow betonte, die Lage sei schwierig."
ARTICLE = f"{QUOTE_1} {QUOTE_2}"
PIPELINE_VERSION = "0.1.0+fake"
EMPTY_TEXT = "must not be empty"


def _span(text: str, piece: str, after: int = 0) -> quotes_pb2.Span:
    start = text.index(piece, after)
    return quotes_pb2.Span(start=start, end=start + len(piece), text=piece)


def _analyse(text: str) -> tuple[list[quotes_pb2.Quote], list[quotes_pb2.Speaker]]:
    """The quotes of ARTICLE's two sentences wherever they occur in ``text``."""
    if "Umjerow" not in text:
        return [], []
    title = "Der Verteidigungsminister Rustem Umjerow"
    mentions = [_span(text, m) for m in ("Umjerow", title) if m in text]
    speaker = quotes_pb2.Speaker(entity_id="e1", canonical_name="Rustem Umjerow",
                                 roles=["Verteidigungsminister"], mentions=mentions)
    quotes = []
    if "Ich setze mich" in text:
        quotes.append(quotes_pb2.Quote(
            message=[_span(text, "Ich setze mich für die Soldaten ein")],
            form=quotes_pb2.FORM_DIRECT, medium=quotes_pb2.MEDIUM_WRITING, cue=[_span(text, "schrieb")],
            source=_span(text, "Umjerow"), speaker_id="e1", confidence=0.9, origin="rules", parent=-1,
        ))
    if "die Lage sei schwierig" in text:
        quotes.append(quotes_pb2.Quote(
            message=[_span(text, "die Lage sei schwierig")],
            form=quotes_pb2.FORM_INDIRECT, medium=quotes_pb2.MEDIUM_SPEECH, cue=[_span(text, "betonte")],
            source=mentions[-1], speaker_id="e1",
            confidence=0.75, origin="model", parent=-1,
        ))
    return quotes, [speaker]


def _bad_request(field_name: str, description: str) -> status_pb2.Status:
    detail = any_pb2.Any()
    detail.Pack(error_details_pb2.BadRequest(field_violations=[
        error_details_pb2.BadRequest.FieldViolation(field=field_name, description=description)]))
    return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=f"{field_name}: {description}",
                             details=[detail])


@dataclass
class FakeQuoteService(quotes_pb2_grpc.QuoteServiceServicer):
    """Records what it received; ``fail_unavailable`` calls fail before it answers again."""

    fail_unavailable: int = 0
    delay_s: float = 0.0
    calls: int = 0
    requests: list[quotes_pb2.ExtractQuotesRequest] = field(default_factory=list)
    metadata: list[tuple[tuple[str, str], ...]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _respond(self, request: quotes_pb2.ExtractQuotesRequest) -> quotes_pb2.ExtractQuotesResponse:
        doc = request.document
        self.requests.append(request)
        pretokenised = bool(doc.sentences)
        text = "\n".join(" ".join(s.tokens) for s in doc.sentences) if pretokenised else doc.text
        response = quotes_pb2.ExtractQuotesResponse(
            document_id=doc.id, request_id=request.request_id, pipeline_version=PIPELINE_VERSION,
            text=text if pretokenised else "",
            timing=quotes_pb2.Timing(queue_ms=0.5, processing_ms=12.25),
        )
        if not text:
            response.error.CopyFrom(quotes_pb2.DocumentError(
                code=code_pb2.INVALID_ARGUMENT, message=EMPTY_TEXT, field="document.text"))
            return response
        quotes, speakers = _analyse(text)
        response.quotes.extend(quotes)
        response.speakers.extend(speakers)
        end = text.find(". ") + 1 or len(text)
        response.sentences.append(quotes_pb2.Span(start=0, end=end, text=text[:end]))
        return response

    def _enter(self, context: grpc.ServicerContext) -> None:
        with self._lock:
            self.calls += 1
            self.metadata.append(tuple((m.key, m.value) for m in context.invocation_metadata()))
            fail = self.fail_unavailable > 0
            self.fail_unavailable -= fail
        if fail:
            context.abort(grpc.StatusCode.UNAVAILABLE, "warming up")
        if self.delay_s:
            time.sleep(self.delay_s)

    def ExtractQuotes(self, request, context):  # noqa: N802 - gRPC method name
        self._enter(context)
        response = self._respond(request)
        if response.HasField("error"):
            context.abort_with_status(rpc_status.to_status(_bad_request("document.text", EMPTY_TEXT)))
        return response

    def ExtractQuotesStream(self, request_iterator, context):  # noqa: N802
        self._enter(context)
        for request in request_iterator:
            yield self._respond(request)

    def GetModelInfo(self, request, context):  # noqa: N802
        self._enter(context)
        return quotes_pb2.GetModelInfoResponse(
            pipeline_version=PIPELINE_VERSION, max_document_bytes=1 << 20,
            components=[
                quotes_pb2.Component(name="quote_marks", version="1", kind="rules",
                                     description="quotation marks"),
                quotes_pb2.Component(name="attribution", version="2", kind="model",
                                     license="CC-BY-SA-4.0", scores={"joint_f1": 0.61}),
            ],
        )


@dataclass
class FakeServer:
    target: str
    service: FakeQuoteService
    health: health.HealthServicer


@contextmanager
def serve(register_quote_service_health: bool = True) -> Iterator[FakeServer]:
    """A fake server on 127.0.0.1:<free port>, with grpc.health.v1, stopped on exit."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    service = FakeQuoteService()
    health_servicer = health.HealthServicer()
    quotes_pb2_grpc.add_QuoteServiceServicer_to_server(service, server)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    if register_quote_service_health:
        health_servicer.set("zitat.v1.QuoteService", health_pb2.HealthCheckResponse.SERVING)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        yield FakeServer(f"127.0.0.1:{port}", service, health_servicer)
    finally:
        server.stop(grace=None)


def unused_target() -> str:
    """An address where nothing listens (the port is free right after we release it)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{s.getsockname()[1]}"
