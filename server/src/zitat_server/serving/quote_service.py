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

from zitat_server.document import Doc, Form, Medium, Span, SpeakerType
from zitat_server.extraction.pipeline import Pipeline

log = logging.getLogger(__name__)

FORM_TO_PB = {
    Form.DIRECT: pb.FORM_DIRECT,
    Form.INDIRECT: pb.FORM_INDIRECT,
    Form.FREE_INDIRECT: pb.FORM_FREE_INDIRECT,
    Form.INDIRECT_FREE_INDIRECT: pb.FORM_INDIRECT_FREE_INDIRECT,
    Form.REPORTED: pb.FORM_REPORTED,
}
SPEAKER_TYPE_TO_PB = {
    SpeakerType.PERSON: pb.SPEAKER_TYPE_PERSON,
    SpeakerType.ORGANIZATION: pb.SPEAKER_TYPE_ORGANIZATION,
    SpeakerType.MEDIA: pb.SPEAKER_TYPE_MEDIA,
    SpeakerType.GROUP: pb.SPEAKER_TYPE_GROUP,
}
MEDIUM_TO_PB = {
    Medium.SPEECH: pb.MEDIUM_SPEECH,
    Medium.WRITING: pb.MEDIUM_WRITING,
    Medium.THOUGHT: pb.MEDIUM_THOUGHT,
    Medium.SPEECH_WRITING: pb.MEDIUM_SPEECH_WRITING,
    Medium.SPEECH_THOUGHT: pb.MEDIUM_SPEECH_THOUGHT,
    Medium.THOUGHT_WRITING: pb.MEDIUM_THOUGHT_WRITING,
}


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
    if not document.text.strip():
        raise InvalidDocument(f"{field}.text", "text is empty")
    size = len(document.text.encode())
    if size > max_bytes:
        raise InvalidDocument(f"{field}.text", f"text is {size} bytes; the limit is {max_bytes}")
    return None


def _span(doc: Doc, s: Span) -> pb.Span:
    return pb.Span(start=s.start, end=s.end, text=doc.text[s.start : s.end])


def to_response(
    doc: Doc, request: pb.ExtractQuotesRequest, version: str, timing: pb.Timing
) -> pb.ExtractQuotesResponse:
    speakers = {
        e.id: pb.Speaker(
            entity_id=e.id,
            canonical_name=e.name,
            roles=e.roles,
            mentions=[_span(doc, m) for m in e.mentions],
            type=SPEAKER_TYPE_TO_PB[e.type],
            qualifier=e.qualifier,
            anonymous=e.anonymous,
            affiliation_id=e.affiliation or "",
        )
        for e in doc.entities.values()
    }
    quotes = []
    for q in doc.quotes:
        quote = pb.Quote(
            message=[_span(doc, s) for s in q.message],
            form=FORM_TO_PB[q.form],
            medium=MEDIUM_TO_PB[q.medium],
            cue=[_span(doc, s) for s in q.cue],
            confidence=q.confidence,
            origin=q.origin,
            parent=q.parent,
            unresolved_reason=q.unresolved_reason,
        )
        if q.source is not None:
            quote.source.CopyFrom(_span(doc, q.source))
        if q.addressee is not None:
            quote.addressee.CopyFrom(_span(doc, q.addressee))
        if q.entity and q.entity in speakers:
            quote.speaker_id = q.entity
            quote.speaker.CopyFrom(speakers[q.entity])  # deprecated copy, until clients join by speaker_id
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
