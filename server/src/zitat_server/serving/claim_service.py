"""The ClaimService servicer: translates between zitat.v1 messages and the claim-store domain.

Nothing is decided here: validation of request fields, conversion, and mapping of domain
errors to status codes (INVALID_ARGUMENT with the offending field, NOT_FOUND, RESOURCE_EXHAUSTED
for a full store). The unary methods are plain functions, run by the asyncio server in its
thread pool (the store's calls block); ``IngestDocuments`` is a coroutine stream whose
extraction goes through the worker pool, several documents ahead, while the store writes them
one at a time in input order (speaker resolution depends on that order).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import datetime

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
from zitat_server.claims.store.base import (
    Claim,
    ClaimQuery,
    InvalidPageToken,
    SpeakerRecord,
    StoredDocument,
    StoreFull,
)
from zitat_server.document import Doc, Form, Medium, SpeakerType
from zitat_server.serving.pool import DeadlinePassed, WorkerFailed, WorkerPool
from zitat_server.serving.streams import ordered
from zitat_server.serving.wire import (
    FORM_TO_PB,
    MEDIUM_TO_PB,
    SPEAKER_TYPE_TO_PB,
    InvalidDocument,
    bad_request_status,
    document_error,
    internal_error,
    timestamp_field,
    validate,
)
from zitat_server.serving.worker import DOC

log = logging.getLogger(__name__)

SERVICE_NAME = cpb.DESCRIPTOR.services_by_name["ClaimService"].full_name
STORE_FULL = "the claim store is out of space"

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


def store_errors(method: Callable) -> Callable:
    """Map what the store raises to a status: a full store is RESOURCE_EXHAUSTED (retry after
    freeing space); other failures are left to the server's catch-all (INTERNAL, no raw text)."""

    @functools.wraps(method)
    def mapped(self, request, context):
        try:
            return method(self, request, context)
        except StoreFull:
            log.error("claim store is full: %s failed", method.__name__)
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, STORE_FULL)

    return mapped


class PoolExtractor:
    """The ingest's pipeline, run by the worker pool (the store's thread waits for it).

    ``prefetch`` starts an extraction on the event loop ahead of its turn; ``expect`` tells
    ``process`` (in the store's thread) which prefetched extraction is this document's.
    """

    def __init__(self, pool: WorkerPool, loop: asyncio.AbstractEventLoop) -> None:
        self.pool = pool
        self.loop = loop
        self._local = threading.local()

    @property
    def version(self) -> str:
        """The workers' pipeline version (empty until they are loaded)."""
        return self.pool.first_ready.version if self.pool.first_ready else ""

    def prefetch(self, text: str, deadline: float | None) -> asyncio.Task:
        return asyncio.ensure_future(self._extract(text, deadline))

    async def _extract(self, text: str, deadline: float | None) -> Doc:
        outcome = await self.pool.submit(DOC, text, len(text), time.monotonic(), deadline)
        return outcome.value  # type: ignore[return-value]

    def expect(self, task: asyncio.Task | None, deadline: float | None) -> None:
        self._local.task, self._local.deadline = task, deadline

    def process(self, text: str) -> Doc:
        task: asyncio.Task | None = getattr(self._local, "task", None)
        self._local.task = None
        if task is None:
            return asyncio.run_coroutine_threadsafe(
                self._extract(text, getattr(self._local, "deadline", None)), self.loop
            ).result()

        async def wait() -> Doc:
            return await task

        return asyncio.run_coroutine_threadsafe(wait(), self.loop).result()


class ClaimServicer(cpb_grpc.ClaimServiceServicer):
    def __init__(self, store: Store, pipeline: Extractor, max_document_bytes: int, window: int = 4) -> None:
        self.store = store
        self.ingestor = Ingestor(store, pipeline)
        self.max_document_bytes = max_document_bytes
        self.window = window

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

    def _stored(self, i: int, request: cpb.IngestDocumentsRequest) -> StoredDocument:
        """The document to store; raises InvalidDocument naming the field."""
        d = request.document
        field = f"requests[{i}].document"
        if not d.id:
            raise InvalidDocument(f"{field}.id", "a document id is required to store it")
        if validate(d, self.max_document_bytes, field) is not None:
            raise InvalidDocument(f"{field}.sentences", "sentences input is not accepted here; send text")
        published = timestamp_field(d, "published_at", f"{field}.published_at")
        return StoredDocument(d.id, d.text, d.outlet, d.url, d.title, published)

    def _ingest_one(self, i: int, request: cpb.IngestDocumentsRequest, item: StoredDocument | InvalidDocument,
                    ahead: asyncio.Task | None = None, deadline: float | None = None) -> cpb.IngestDocumentsResponse:
        """Store one document (in a store thread); its errors become the response's ``error``."""
        d = request.document
        field = f"requests[{i}].document"
        response = cpb.IngestDocumentsResponse(document_id=d.id, request_id=request.request_id)
        error = None
        try:
            if isinstance(item, InvalidDocument):
                raise item
            if isinstance(self.ingestor.pipeline, PoolExtractor):
                self.ingestor.pipeline.expect(ahead, deadline)
            result = self.ingestor.ingest(item)
        except InvalidDocument as err:
            error = document_error(grpc.StatusCode.INVALID_ARGUMENT, f"{err.field}: {err}", err.field)
        except StoreFull:
            log.error("claim store is full: %r not stored", d.id)
            error = document_error(grpc.StatusCode.RESOURCE_EXHAUSTED, f"{field}: {STORE_FULL}")
        except DeadlinePassed:
            error = document_error(grpc.StatusCode.DEADLINE_EXCEEDED, f"{field}: deadline exceeded")
        except WorkerFailed:
            error = internal_error(f"{field}: internal error")
        except Exception:  # one bad document must not end the stream; the details stay in the log
            log.exception("ingest of %r failed", d.id)
            error = internal_error(f"{field}: internal error")
        if error is not None:
            response.status = cpb.INGEST_STATUS_FAILED
            response.error.CopyFrom(error)
            return response
        response.status = _STATUS_TO_PB[result.status]
        response.claim_count = result.claims
        response.pipeline_version = self.ingestor.pipeline.version
        return response

    async def IngestDocuments(  # noqa: N802 (gRPC's names)
        self, requests: AsyncIterator[cpb.IngestDocumentsRequest], context
    ) -> AsyncIterator[cpb.IngestDocumentsResponse]:
        remaining = context.time_remaining()
        deadline = None if remaining is None else time.monotonic() + remaining
        extractor = self.ingestor.pipeline
        if isinstance(extractor, PoolExtractor) and not extractor.version:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "the server is loading the pipeline")

        async def prepare(i: int, request: cpb.IngestDocumentsRequest):
            try:
                item: StoredDocument | InvalidDocument = self._stored(i, request)
            except InvalidDocument as err:
                return request, err, None
            ahead = None
            if isinstance(extractor, PoolExtractor):
                try:
                    if await asyncio.to_thread(self.ingestor.needs_extraction, item):
                        ahead = extractor.prefetch(item.text, deadline)
                        started.add(ahead)
                except Exception:  # the ingest itself will meet and report the store's failure
                    log.debug("unchanged check failed", exc_info=True)
            return request, item, ahead

        started: set[asyncio.Task] = set()  # extractions started ahead: none outlives the call
        try:
            i = 0
            async for request, item, ahead in ordered(requests, prepare, self.window):
                yield await asyncio.to_thread(self._ingest_one, i, request, item, ahead, deadline)
                started.discard(ahead)
                if ahead is not None and not ahead.done():  # unused (stored meanwhile): stop it
                    ahead.cancel()
                i += 1
        finally:
            for task in started:
                task.cancel()

    @store_errors
    def DeleteDocument(self, request, context):  # noqa: N802
        if not request.document_id:
            self._abort_invalid(context, "document_id", "a document id is required")
        doc = self.store.get_document(request.document_id)
        if doc is None or not self.ingestor.delete(request.document_id):
            context.abort(grpc.StatusCode.NOT_FOUND, f"document {request.document_id!r} not found")
        return cpb.DeleteDocumentResponse(deleted_claims=doc.claims)

    @store_errors
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

    @store_errors
    def GetSpeaker(self, request, context):  # noqa: N802
        if request.speaker_id <= 0:
            self._abort_invalid(context, "speaker_id", "speaker_id must be positive")
        if request.timeline_limit < 0:
            self._abort_invalid(context, "timeline_limit", "timeline_limit must not be negative")
        record = self.store.get_speaker(request.speaker_id, request.timeline_limit or 100)
        if record is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"speaker {request.speaker_id} not found")
        return cpb.GetSpeakerResponse(speaker=to_pb_speaker(record), timeline=self._claims(record.timeline))

    @store_errors
    def SearchClaims(self, request, context):  # noqa: N802
        if request.page_size < 0:
            self._abort_invalid(context, "page_size", "page_size must not be negative")
        try:
            since, until = timestamp_field(request, "since", "since"), timestamp_field(request, "until", "until")
        except InvalidDocument as err:
            self._abort_invalid(context, err.field, str(err))
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

    @store_errors
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

    @store_errors
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

    @store_errors
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


def add_to_server(server: grpc.aio.Server, store: Store, pipeline: Extractor, max_document_bytes: int,
                  window: int = 4) -> list[str]:
    """Register the ClaimService over an open store (the caller closes it); return its service
    name for health and reflection."""
    servicer = ClaimServicer(store, pipeline, max_document_bytes, window)
    cpb_grpc.add_ClaimServiceServicer_to_server(servicer, server)
    return [SERVICE_NAME]
