"""Between the wire and the domain: request validation, ``Doc`` -> response, rich error statuses.

Shared by the front end (which validates before a request is queued), the worker processes
(which build the response next to the pipeline, so the front end only forwards bytes) and the
ClaimService. Nothing here decides anything about quotes.
"""

from __future__ import annotations

import datetime as dt

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from zitat_proto.v1 import quotes_pb2 as pb

from zitat_server.document import Doc, Form, Medium, SpeakerType
from zitat_server.extraction.results import TextSpan, api_name, document_result
from zitat_server.extraction.validation import text_problem

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


def timestamp_field(msg: object, field: str, path: str) -> dt.datetime | None:
    """The UTC datetime of a ``Timestamp`` field, None when unset; InvalidDocument (naming
    ``path``) when it lies outside what a calendar date can hold (years 1–9999)."""
    if not msg.HasField(field):  # type: ignore[attr-defined]
        return None
    try:
        return getattr(msg, field).ToDatetime(tzinfo=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise InvalidDocument(path, "timestamp out of range (years 1 to 9999)") from None


def validate(document: pb.Document, max_bytes: int, field: str = "document") -> list[list[str]] | None:
    """Check a request document; return its sentences for pre-tokenised input, else None."""
    timestamp_field(document, "published_at", f"{field}.published_at")
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
            if size > max_bytes:
                raise InvalidDocument(f"{field}.sentences", f"document is over {size} bytes; the limit is {max_bytes}")
            sentences.append(list(s.tokens))
        return sentences
    problem = text_problem(document.text, max_bytes)  # the batch runs refuse the same texts
    if problem is not None:
        raise InvalidDocument(f"{field}.text", problem)
    return None


def document_chars(document: pb.Document) -> int:
    """The length the pipeline's work grows with (code points of the text it will build)."""
    if document.sentences:
        return sum(len(tok) + 1 for s in document.sentences for tok in s.tokens)
    return len(document.text)


def _span(s: TextSpan) -> pb.Span:
    return pb.Span(start=s.start, end=s.end, text=s.text)


def to_response(
    doc: Doc, request: pb.ExtractQuotesRequest, version: str, timing: pb.Timing
) -> pb.ExtractQuotesResponse:
    """The response for ``doc``: each speaker listed once, quotes refer to it by ``speaker_id``.

    ``Quote.speaker`` (deprecated) stays empty: a copy per quote, with all its mentions, made
    responses grow with quotes x mentions (2.8 MB for a 13 KB article); clients join by id.
    The mapping from the Doc is ``extraction.results``, which the batch rows share.
    """
    result = document_result(doc)
    speakers = [
        pb.Speaker(
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
    ]
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
            speaker_id=q.speaker_id,
        )
        if q.source is not None:
            quote.source.CopyFrom(_span(q.source))
        if q.addressee is not None:
            quote.addressee.CopyFrom(_span(q.addressee))
        quotes.append(quote)
    return pb.ExtractQuotesResponse(
        document_id=request.document.id,
        request_id=request.request_id,
        quotes=quotes,
        speakers=speakers,
        text=doc.text if request.document.sentences else "",
        sentences=[pb.Span(start=s.start, end=s.end) for s in doc.sentences],
        pipeline_version=version,
        timing=timing,
    )


def document_error(code: grpc.StatusCode, message: str, field: str = "") -> pb.DocumentError:
    """The error of one streamed document (google.rpc.Code number, message, offending field)."""
    return pb.DocumentError(code=code.value[0], message=message, field=field)


def internal_error(message: str) -> pb.DocumentError:
    """The error of one streamed document that failed inside the server (details stay in the log)."""
    return document_error(grpc.StatusCode.INTERNAL, message)


def bad_request_status(err: InvalidDocument) -> status_pb2.Status:
    detail = any_pb2.Any()
    detail.Pack(
        error_details_pb2.BadRequest(
            field_violations=[error_details_pb2.BadRequest.FieldViolation(field=err.field, description=str(err))]
        )
    )
    return status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=f"{err.field}: {err}", details=[detail])


def retry_status(code: int, message: str, retry_after: float) -> status_pb2.Status:
    """A status with ``google.rpc.RetryInfo``: when the caller may try again."""
    delay = duration_pb2.Duration()
    delay.FromMilliseconds(max(1, round(retry_after * 1000)))
    detail = any_pb2.Any()
    detail.Pack(error_details_pb2.RetryInfo(retry_delay=delay))
    return status_pb2.Status(code=code, message=message, details=[detail])
