"""The QuoteService servicer: validates requests, runs the pipeline, translates to protobuf.

Thin by design (as in grpc's own examples): every decision about quotes lives in the
pipeline; this module only maps between the wire and the domain.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator

import grpc
from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_proto.v1 import quotes_pb2_grpc as pb_grpc

from zitat_server.document import Doc, Form, Medium, SpeakerType
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.results import TextSpan, api_name, document_result
from zitat_server.extraction.validation import text_problem

log = logging.getLogger(__name__)

# The zitat.v1 enums are the domain enums' API names behind a prefix (extraction.results).
FORM_TO_PB = {f: pb.Form.Value(f"FORM_{api_name(f)}") for f in Form}
MEDIUM_TO_PB = {m: pb.Medium.Value(f"MEDIUM_{api_name(m)}") for m in Medium}
SPEAKER_TYPE_TO_PB = {t: pb.SpeakerType.Value(f"SPEAKER_TYPE_{api_name(t)}") for t in SpeakerType}
_FORM = {api_name(f): v for f, v in FORM_TO_PB.items()}
_MEDIUM = {api_name(m): v for m, v in MEDIUM_TO_PB.items()}
_SPEAKER_TYPE = {api_name(t): v for t, v in SPEAKER_TYPE_TO_PB.items()}


class InvalidDocument(ValueError):
    """A request document the service cannot process; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def validate(document: pb.Document, max_bytes: int, field: str = "document") -> list[list[str]] | None:
    """Check a request document; return its sentences for pre-tokenised input, else None."""
    has_sentences = len(document.sentences) > 0
    if document.text and has_sentences:
        raise InvalidDocument(field, "give either text or sentences, not both")
    if has_sentences:
        sentences = []
        size = 0
        for i, s in enumerate(document.sentences):
            if not s.tokens:
                raise InvalidDocument(f"{field}.sentences[{i}].tokens", "a sentence needs at least one token")
            for j, tok in enumerate(s.tokens):
                if not tok or any(ch.isspace() for ch in tok):
                    raise InvalidDocument(
                        f"{field}.sentences[{i}].tokens[{j}]", "a token must be non-empty and contain no white space"
                    )
                size += len(tok.encode()) + 1
            sentences.append(list(s.tokens))
        if size > max_bytes:
            raise InvalidDocument(f"{field}.sentences", f"document is {size} bytes; the limit is {max_bytes}")
        return sentences
    problem = text_problem(document.text, max_bytes)
    if problem is not None:
        raise InvalidDocument(f"{field}.text", problem)
    return None


def _span(s: TextSpan) -> pb.Span:
    return pb.Span(start=s.start, end=s.end, text=s.text)


def to_response(
    doc: Doc, request: pb.ExtractQuotesRequest, version: str, timing: pb.Timing
) -> pb.ExtractQuotesResponse:
    result = document_result(doc)
    speakers = {
        e.entity_id: pb.Speaker(
            entity_id=e.entity_id,
            canonical_name=e.canonical_name,
            roles=e.roles,
            mentions=[_span(m) for m in e.mentions],
            type=_SPEAKER_TYPE[e.type],
            qualifier=e.qualifier,
            anonymous=e.anonymous,
            affiliation_id=e.affiliation_id,
        )
        for e in result.speakers.values()
    }
    quotes = []
    for q in result.quotes:
        quote = pb.Quote(
            message=[_span(s) for s in q.message],
            form=_FORM[q.form],
            medium=_MEDIUM[q.medium],
            cue=[_span(s) for s in q.cue],
            confidence=q.confidence,
            origin=q.origin,
            parent=q.parent,
            unresolved_reason=q.unresolved_reason,
        )
        if q.source is not None:
            quote.source.CopyFrom(_span(q.source))
        if q.addressee is not None:
            quote.addressee.CopyFrom(_span(q.addressee))
        if q.speaker_id:
            quote.speaker_id = q.speaker_id
            quote.speaker.CopyFrom(speakers[q.speaker_id])  # deprecated copy, until clients join by speaker_id
        quotes.append(quote)
    return pb.ExtractQuotesResponse(
        document_id=request.document.id,
        request_id=request.request_id,
        quotes=quotes,
        speakers=list(speakers.values()),
        text=doc.text if request.document.sentences else "",
        sentences=[pb.Span(start=s.start, end=s.end) for s in doc.sentences],
        pipeline_version=version,
        timing=timing,
    )


def internal_error(message: str) -> pb.DocumentError:
    """The error of one streamed document that failed inside the server (details stay in the log)."""
    return pb.DocumentError(code=grpc.StatusCode.INTERNAL.value[0], message=message)


def bad_request_status(err: InvalidDocument) -> status_pb2.Status:
    detail = any_pb2.Any()
    detail.Pack(
        error_details_pb2.BadRequest(
            field_violations=[error_details_pb2.BadRequest.FieldViolation(field=err.field, description=str(err))]
        )
    )
    return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=f"{err.field}: {err}", details=[detail])


class QuoteServicer(pb_grpc.QuoteServiceServicer):
    def __init__(self, pipeline: Pipeline, max_document_bytes: int) -> None:
        self.pipeline = pipeline
        self.max_document_bytes = max_document_bytes

    def extract(self, request: pb.ExtractQuotesRequest, received: float) -> pb.ExtractQuotesResponse:
        """Run one request; raises InvalidDocument on bad input."""
        sentences = validate(request.document, self.max_document_bytes)
        started = time.perf_counter()
        if sentences is not None:
            doc = self.pipeline.process_sentences(sentences)
        else:
            doc = self.pipeline.process(request.document.text)
        timing = pb.Timing(queue_ms=(started - received) * 1000, processing_ms=(time.perf_counter() - started) * 1000)
        return to_response(doc, request, self.pipeline.version, timing)

    def ExtractQuotes(self, request, context):  # noqa: N802 (gRPC's names)
        received = time.perf_counter()
        try:
            return self.extract(request, received)
        except InvalidDocument as err:
            context.abort_with_status(rpc_status.to_status(bad_request_status(err)))

    def ExtractQuotesStream(  # noqa: N802
        self, request_iterator: Iterable[pb.ExtractQuotesRequest], context
    ) -> Iterator[pb.ExtractQuotesResponse]:
        for i, request in enumerate(request_iterator):
            if not context.is_active():
                return
            received = time.perf_counter()
            try:
                yield self.extract(request, received)
            except InvalidDocument as err:
                yield pb.ExtractQuotesResponse(
                    document_id=request.document.id,
                    request_id=request.request_id,
                    error=pb.DocumentError(
                        code=grpc.StatusCode.INVALID_ARGUMENT.value[0],
                        message=f"documents[{i}]: {err}",
                        field=err.field,
                    ),
                )
            except Exception:  # one failing document must not end the stream; details stay in the log
                log.exception("document %d (%r) of a stream failed", i, request.document.id)
                yield pb.ExtractQuotesResponse(
                    document_id=request.document.id,
                    request_id=request.request_id,
                    error=internal_error(f"documents[{i}]: internal error"),
                )

    def GetModelInfo(self, request, context):  # noqa: N802
        return pb.GetModelInfoResponse(
            pipeline_version=self.pipeline.version,
            components=[
                pb.Component(
                    name=c.name,
                    version=c.version,
                    kind=c.kind,
                    description=c.description,
                    license=c.license,
                    scores=c.scores,
                )
                for c in self.pipeline.infos()
            ],
            max_document_bytes=self.max_document_bytes,
        )
