"""The ClaimService servicer: translates between zitat.v1 messages and the claim-store domain.

Nothing is decided here: validation of request fields, conversion, and mapping of domain
errors to status codes (INVALID_ARGUMENT with the offending field, NOT_FOUND).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

import grpc
from google.protobuf.timestamp_pb2 import Timestamp
from grpc_status import rpc_status
from zitat_proto.v1 import claims_pb2 as cpb
from zitat_proto.v1 import claims_pb2_grpc as cpb_grpc
from zitat_proto.v1 import quotes_pb2 as pb

from zitat_server.claims import speakers
from zitat_server.claims.ingest import Extractor, Ingestor, IngestStatus
from zitat_server.claims.linking import DIRECT_INDIRECT, NEAR_DUPLICATE
from zitat_server.claims.store import Store
from zitat_server.claims.store.base import Claim, ClaimQuery, InvalidPageToken, SpeakerRecord, StoredDocument
from zitat_server.document import Form, Medium, SpeakerType
from zitat_server.serving.quote_service import (
    FORM_TO_PB,
    MEDIUM_TO_PB,
    SPEAKER_TYPE_TO_PB,
    InvalidDocument,
    bad_request_status,
    internal_error,
    validate,
)

log = logging.getLogger(__name__)

SERVICE_NAME = cpb.DESCRIPTOR.services_by_name["ClaimService"].full_name

_STATUS_TO_PB = {
    IngestStatus.CREATED: cpb.INGEST_STATUS_CREATED,
    IngestStatus.UPDATED: cpb.INGEST_STATUS_UPDATED,
    IngestStatus.UNCHANGED: cpb.INGEST_STATUS_UNCHANGED,
}
_LINK_TO_PB = {NEAR_DUPLICATE: cpb.LINK_KIND_NEAR_DUPLICATE, DIRECT_INDIRECT: cpb.LINK_KIND_DIRECT_INDIRECT}
_SPEAKER_TYPE_FROM_PB = {number: kind.value for kind, number in SPEAKER_TYPE_TO_PB.items()}


def _speaker_type(value: str) -> int:
    """The stored type's enum number; unspecified for "" (no speaker)."""
    return SPEAKER_TYPE_TO_PB[SpeakerType(value)] if value else pb.SPEAKER_TYPE_UNSPECIFIED


def _timestamp(when: datetime | None) -> Timestamp | None:
    if when is None:
        return None
    ts = Timestamp()
    ts.FromDatetime(when)
    return ts


def _datetime(msg: object, field: str) -> datetime | None:
    if not msg.HasField(field):  # type: ignore[attr-defined]
        return None
    return getattr(msg, field).ToDatetime(tzinfo=timezone.utc)


def _span(text: str, start: int, end: int) -> pb.Span:
    return pb.Span(start=start, end=end, text=text)


def to_pb_claim(c: Claim, text: str) -> cpb.StoredClaim:
    """``text`` is the document text the spans point into."""
    msg = cpb.StoredClaim(
        id=c.id,
        document_id=c.document_id,
        outlet=c.outlet,
        url=c.url,
        title=c.title,
        published_at=_timestamp(c.published_at),
        speaker_id=c.speaker_id or 0,
        speaker_name=c.speaker_name,
        text=c.text,
        message=[_span(text[s:e], s, e) for s, e in c.message],
        form=FORM_TO_PB[Form(c.form)],
        medium=MEDIUM_TO_PB[Medium(c.medium)],
        cue=[_span(text[s:e], s, e) for s, e in c.cue],
        confidence=c.confidence,
        pipeline_version=c.pipeline_version,
        cluster_id=c.cluster_id,
        speaker_type=_speaker_type(c.speaker_type),
        speaker_qualifier=c.speaker_qualifier,
        anonymous=c.anonymous,
        source_role=c.source_role,
        unresolved_reason=c.unresolved_reason,
    )
    if c.source is not None:
        msg.source.CopyFrom(_span(c.source_text, *c.source))
    return msg


def to_pb_speaker(s: SpeakerRecord) -> cpb.SpeakerSummary:
    return cpb.SpeakerSummary(
        id=s.id,
        name=s.name,
        type=_speaker_type(s.type),
        qualifier=s.qualifier,
        aliases=s.aliases,
        claim_count=s.claim_count,
        first_seen=_timestamp(s.first_seen),
        last_seen=_timestamp(s.last_seen),
        roles=[
            cpb.SpeakerRole(
                role=r.role,
                first_seen=_timestamp(r.first_seen),
                last_seen=_timestamp(r.last_seen),
                document_count=r.documents,
            )
            for r in s.roles
        ],
    )


class _NothingToSplit(Exception):
    """Raised inside the split's transaction to roll back a new speaker that got no claims."""


class ClaimServicer(cpb_grpc.ClaimServiceServicer):
    def __init__(self, store: Store, pipeline: Extractor, max_document_bytes: int) -> None:
        self.store = store
        self.ingestor = Ingestor(store, pipeline)
        self.max_document_bytes = max_document_bytes

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _abort_invalid(context: grpc.ServicerContext, field: str, message: str) -> None:
        context.abort_with_status(rpc_status.to_status(bad_request_status(InvalidDocument(field, message))))

    def _claims(self, claims: Iterable[Claim]) -> list[cpb.StoredClaim]:
        texts: dict[str, str] = {}
        out = []
        for c in claims:
            if c.document_id not in texts:
                doc = self.store.get_document(c.document_id)
                texts[c.document_id] = doc.text if doc else ""
            out.append(to_pb_claim(c, texts[c.document_id]))
        return out

    def _speaker(self, speaker_id: int) -> cpb.SpeakerSummary:
        record = self.store.get_speaker(speaker_id, timeline_limit=0)
        return to_pb_speaker(record) if record else cpb.SpeakerSummary(id=speaker_id)

    # --- RPCs --------------------------------------------------------------------------------

    def _ingest_one(self, i: int, request: cpb.IngestDocumentsRequest) -> cpb.IngestDocumentsResponse:
        d = request.document
        field = f"requests[{i}].document"
        response = cpb.IngestDocumentsResponse(document_id=d.id, request_id=request.request_id)
        try:
            if not d.id:
                raise InvalidDocument(f"{field}.id", "a document id is required to store it")
            if validate(d, self.max_document_bytes, field) is not None:
                raise InvalidDocument(f"{field}.sentences", "sentences input is not accepted here; send text")
            result = self.ingestor.ingest(
                StoredDocument(d.id, d.text, d.outlet, d.url, d.title, _datetime(d, "published_at"))
            )
        except InvalidDocument as err:
            response.status = cpb.INGEST_STATUS_FAILED
            response.error.CopyFrom(
                pb.DocumentError(
                    code=grpc.StatusCode.INVALID_ARGUMENT.value[0], message=f"{err.field}: {err}", field=err.field
                )
            )
            return response
        except Exception:  # one bad document must not end the stream; the details stay in the log
            log.exception("ingest of %r failed", d.id)
            response.status = cpb.INGEST_STATUS_FAILED
            response.error.CopyFrom(internal_error(f"{field}: internal error"))
            return response
        response.status = _STATUS_TO_PB[result.status]
        response.claim_count = result.claims
        response.pipeline_version = self.ingestor.pipeline.version
        return response

    def IngestDocuments(  # noqa: N802 (gRPC's names)
        self, request_iterator: Iterable[cpb.IngestDocumentsRequest], context
    ) -> Iterator[cpb.IngestDocumentsResponse]:
        for i, request in enumerate(request_iterator):
            if not context.is_active():
                return
            yield self._ingest_one(i, request)

    def DeleteDocument(self, request, context):  # noqa: N802
        if not request.document_id:
            self._abort_invalid(context, "document_id", "a document id is required")
        doc = self.store.get_document(request.document_id)
        if doc is None or not self.ingestor.delete(request.document_id):
            context.abort(grpc.StatusCode.NOT_FOUND, f"document {request.document_id!r} not found")
        return cpb.DeleteDocumentResponse(deleted_claims=doc.claims)

    def ListSpeakers(self, request, context):  # noqa: N802
        if request.page_size < 0:
            self._abort_invalid(context, "page_size", "page_size must not be negative")
        if request.type and request.type not in _SPEAKER_TYPE_FROM_PB:
            self._abort_invalid(context, "type", f"unknown speaker type {request.type}")
        try:
            page = self.store.list_speakers(
                request.page_size, request.page_token, speakers.normalise(request.name_contains),
                _SPEAKER_TYPE_FROM_PB.get(request.type, ""),
            )
        except InvalidPageToken as err:
            self._abort_invalid(context, "page_token", str(err))
        return cpb.ListSpeakersResponse(
            speakers=[to_pb_speaker(s) for s in page.items], next_page_token=page.next_token
        )

    def GetSpeaker(self, request, context):  # noqa: N802
        if request.speaker_id <= 0:
            self._abort_invalid(context, "speaker_id", "speaker_id must be positive")
        if request.timeline_limit < 0:
            self._abort_invalid(context, "timeline_limit", "timeline_limit must not be negative")
        record = self.store.get_speaker(request.speaker_id, request.timeline_limit or 100)
        if record is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"speaker {request.speaker_id} not found")
        return cpb.GetSpeakerResponse(speaker=to_pb_speaker(record), timeline=self._claims(record.timeline))

    def SearchClaims(self, request, context):  # noqa: N802
        if request.page_size < 0:
            self._abort_invalid(context, "page_size", "page_size must not be negative")
        since, until = _datetime(request, "since"), _datetime(request, "until")
        if since and until and until <= since:
            self._abort_invalid(context, "until", "until must be later than since")
        if request.speaker_id:
            ids: tuple[int, ...] = (request.speaker_id,)
        elif request.speaker_name.strip():
            ids = tuple(speakers.lookup(self.store, request.speaker_name))
            if not ids:
                return cpb.SearchClaimsResponse()
        else:
            ids = ()
        if request.speaker_type and request.speaker_type not in _SPEAKER_TYPE_FROM_PB:
            self._abort_invalid(context, "speaker_type", f"unknown speaker type {request.speaker_type}")
        query = ClaimQuery(ids, request.query.strip(), request.outlet, since, until, request.document_id,
                           _SPEAKER_TYPE_FROM_PB.get(request.speaker_type, ""))
        try:
            page = self.store.search_claims(query, request.page_size, request.page_token)
        except InvalidPageToken as err:
            self._abort_invalid(context, "page_token", str(err))
        return cpb.SearchClaimsResponse(claims=self._claims(page.items), next_page_token=page.next_token)

    def GetClaimCluster(self, request, context):  # noqa: N802
        if request.claim_id <= 0:
            self._abort_invalid(context, "claim_id", "claim_id must be positive")
        cluster = self.store.get_cluster(request.claim_id)
        if cluster is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"claim {request.claim_id} not found")
        claims = self._claims(cluster.claims)
        return cpb.GetClaimClusterResponse(
            cluster_id=cluster.id,
            first_appearance=claims[0],
            claims=claims,
            links=[
                cpb.ClaimLink(claim_id_a=link.a, claim_id_b=link.b, kind=_LINK_TO_PB[link.kind], score=link.score)
                for link in cluster.links
            ],
        )

    def MergeSpeakers(self, request, context):  # noqa: N802
        sources = list(request.source_speaker_ids)
        if request.target_speaker_id <= 0:
            self._abort_invalid(context, "target_speaker_id", "target_speaker_id must be positive")
        if not sources:
            self._abort_invalid(context, "source_speaker_ids", "name at least one speaker to merge")
        if request.target_speaker_id in sources:
            self._abort_invalid(context, "source_speaker_ids", "a speaker cannot be merged into itself")
        try:
            with self.store.transaction() as tx:
                speakers.merge(tx, request.target_speaker_id, sources, request.name.strip())
        except KeyError as err:
            context.abort(grpc.StatusCode.NOT_FOUND, f"speaker {err.args[0]} not found (or already merged)")
        return cpb.MergeSpeakersResponse(speaker=self._speaker(request.target_speaker_id))

    def SplitSpeaker(self, request, context):  # noqa: N802
        if request.speaker_id <= 0:
            self._abort_invalid(context, "speaker_id", "speaker_id must be positive")
        if not request.aliases and not request.document_ids:
            self._abort_invalid(context, "aliases", "name the aliases or documents to split off")
        try:
            with self.store.transaction() as tx:
                new_id, moved = speakers.split(
                    tx, request.speaker_id, list(request.aliases), list(request.document_ids), request.name.strip()
                )
                if moved == 0:
                    raise _NothingToSplit
        except KeyError:
            context.abort(grpc.StatusCode.NOT_FOUND, f"speaker {request.speaker_id} not found")
        except _NothingToSplit:
            self._abort_invalid(
                context, "aliases", f"no claim of speaker {request.speaker_id} matches these aliases or documents"
            )
        return cpb.SplitSpeakerResponse(
            original=self._speaker(request.speaker_id), created=self._speaker(new_id), moved_claims=moved
        )


def add_to_server(server: grpc.Server, store: Store, pipeline: Extractor, max_document_bytes: int) -> list[str]:
    """Register the ClaimService over an open store (the caller closes it); return its service
    name for health and reflection."""
    cpb_grpc.add_ClaimServiceServicer_to_server(ClaimServicer(store, pipeline, max_document_bytes), server)
    return [SERVICE_NAME]
