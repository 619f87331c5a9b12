"""Claim tracking (``zitat.v1.ClaimService``): typed results and the client methods.

The methods live in two mixins that :class:`~zitat_client.Client` and
:class:`~zitat_client.AsyncClient` inherit, so one client (one channel) talks to both services.
The results are :mod:`zitat_client.models` dataclasses, built by the same generic converter;
``google.protobuf.Timestamp`` fields become timezone-aware :class:`~datetime.datetime` (UTC), and
ISO 8601 text in :meth:`to_dict`. Listings follow page tokens lazily, so iterating a large
result costs one call per page and stopping early costs nothing more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import grpc
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
from zitat_proto.v1 import claims_pb2, claims_pb2_grpc, quotes_pb2

from zitat_client.models import DocumentError, Extraction, Model, Span
from zitat_client.request import DocumentItem, Metadata, timestamp
from zitat_client.streams import RequestFeed, results, stream_results

M = TypeVar("M", bound=Model)

_TIMESTAMP = Timestamp.DESCRIPTOR.full_name


class DatedModel(Model):
    """A model whose Timestamp fields are datetimes: read before the generic conversion, which
    then sees them unset."""

    @classmethod
    def from_pb(cls: type[M], msg: Message) -> M:
        stamps = {
            f.name: getattr(msg, f.name).ToDatetime(tzinfo=dt.timezone.utc)
            for f in msg.DESCRIPTOR.fields
            if f.message_type is not None and f.message_type.full_name == _TIMESTAMP and msg.HasField(f.name)
        }
        if not stamps:
            return super().from_pb(msg)  # type: ignore[misc]
        bare = type(msg)()
        bare.CopyFrom(msg)
        for name in stamps:
            bare.ClearField(name)
        return dataclasses.replace(super().from_pb(bare), **stamps)  # type: ignore[misc]

    def to_dict(self) -> dict[str, Any]:
        """Like :meth:`Model.to_dict`, with datetimes as ISO 8601 text (``2024-09-03T00:00:00Z``)."""
        return {k: _iso(v) for k, v in super().to_dict().items()}


def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value


@dataclasses.dataclass(frozen=True)
class IngestResult(DatedModel, proto="zitat.v1.IngestDocumentsResponse"):
    """What happened to one ingested document; ``status`` is ``CREATED``, ``UPDATED``,
    ``UNCHANGED`` or ``FAILED`` (then ``error`` says why)."""

    document_id: str
    request_id: str
    status: str
    claim_count: int
    pipeline_version: str
    error: DocumentError | None

    # The same attributes as Extraction's (document_id, error), so the same checks serve.
    ok = Extraction.ok
    raise_for_error = Extraction.raise_for_error


@dataclasses.dataclass(frozen=True)
class SpeakerRole(DatedModel, proto="zitat.v1.SpeakerRole"):
    """A role a speaker was named with, the first and last article dates, and in how many."""

    role: str
    first_seen: dt.datetime | None
    last_seen: dt.datetime | None
    document_count: int


@dataclasses.dataclass(frozen=True)
class SpeakerSummary(DatedModel, proto="zitat.v1.SpeakerSummary"):
    """A person, organisation, medium or group across documents: aliases most frequent first,
    roles most recent first; ``type`` is ``"PERSON"``, ``"ORGANIZATION"``, ``"MEDIA"`` or
    ``"GROUP"``, ``qualifier`` the place of a local institution ("Kassel")."""

    id: int
    name: str
    aliases: tuple[str, ...]
    roles: tuple[SpeakerRole, ...]
    claim_count: int
    first_seen: dt.datetime | None
    last_seen: dt.datetime | None
    type: str
    qualifier: str


@dataclasses.dataclass(frozen=True)
class StoredClaim(DatedModel, proto="zitat.v1.StoredClaim"):
    """One stored quote with its document, speaker (``speaker_id`` 0: unresolved, see
    ``unresolved_reason``) and cluster. An ``anonymous`` source ("ein Sprecher des
    Innenministeriums") has its ``source_role``; its speaker is the organisation it speaks for."""

    id: int
    document_id: str
    outlet: str
    url: str
    title: str
    published_at: dt.datetime | None
    speaker_id: int
    speaker_name: str
    source: Span | None
    text: str
    message: tuple[Span, ...]
    form: str
    medium: str
    cue: tuple[Span, ...]
    confidence: float
    pipeline_version: str
    cluster_id: int
    speaker_type: str
    speaker_qualifier: str
    anonymous: bool
    source_role: str
    unresolved_reason: str


@dataclasses.dataclass(frozen=True)
class SpeakerTimeline(DatedModel, proto="zitat.v1.GetSpeakerResponse"):
    """A speaker and their most recent claims, oldest first."""

    speaker: SpeakerSummary | None
    timeline: tuple[StoredClaim, ...]


@dataclasses.dataclass(frozen=True)
class ClaimLink(DatedModel, proto="zitat.v1.ClaimLink"):
    """Why two claims share a cluster: ``NEAR_DUPLICATE`` or ``DIRECT_INDIRECT``, with the score."""

    claim_id_a: int
    claim_id_b: int
    kind: str
    score: float


@dataclasses.dataclass(frozen=True)
class ClaimCluster(DatedModel, proto="zitat.v1.GetClaimClusterResponse"):
    """Claims rendering one statement, first appearance first, and the links between them."""

    cluster_id: int
    first_appearance: StoredClaim | None
    claims: tuple[StoredClaim, ...]
    links: tuple[ClaimLink, ...]


@dataclasses.dataclass(frozen=True)
class SplitResult(DatedModel, proto="zitat.v1.SplitSpeakerResponse"):
    """The speaker split from, the new one, and how many claims moved."""

    original: SpeakerSummary | None
    created: SpeakerSummary | None
    moved_claims: int


# --- requests (shared by both clients) ----------------------------------------------------------


#: The speaker types a filter takes, as the models name them.
SPEAKER_TYPES = ("PERSON", "ORGANIZATION", "MEDIA", "GROUP")


def speaker_type_number(name: str) -> int:
    """ "ORGANIZATION" (any case) -> the ``SpeakerType`` enum number; "" -> unspecified."""
    if not name:
        return quotes_pb2.SPEAKER_TYPE_UNSPECIFIED
    if name.upper() not in SPEAKER_TYPES:
        raise ValueError(f"unknown speaker type {name!r}; one of {', '.join(SPEAKER_TYPES)}")
    return quotes_pb2.SpeakerType.Value(f"SPEAKER_TYPE_{name.upper()}")


def ingest_request(request: Any) -> claims_pb2.IngestDocumentsRequest:
    """The ingest request for one ``ExtractQuotesRequest`` built by the client's request feed,
    so that documents are given (and checked) exactly as for extraction."""
    return claims_pb2.IngestDocumentsRequest(document=request.document, request_id=request.request_id)


@dataclasses.dataclass(frozen=True)
class ClaimFilter:
    """Filters of a claim search; empty fields do not filter. Dates are midnight UTC."""

    speaker_id: int = 0
    #: An alias, full name or unique surname; ignored when ``speaker_id`` is set.
    speaker_name: str = ""
    #: Full-text query: every word must occur (German stemming).
    query: str = ""
    outlet: str = ""
    since: dt.datetime | dt.date | None = None  # inclusive
    until: dt.datetime | dt.date | None = None  # exclusive
    document_id: str = ""
    #: Only claims whose speaker has this type: "PERSON", "ORGANIZATION", "MEDIA" or "GROUP".
    speaker_type: str = ""

    def request(self, page_size: int = 0) -> claims_pb2.SearchClaimsRequest:
        """The first page's ``SearchClaimsRequest``."""
        request = claims_pb2.SearchClaimsRequest(
            speaker_id=self.speaker_id,
            speaker_name=self.speaker_name,
            query=self.query,
            outlet=self.outlet,
            document_id=self.document_id,
            page_size=page_size,
            speaker_type=speaker_type_number(self.speaker_type),
        )
        if self.since is not None:
            request.since.CopyFrom(timestamp(self.since))
        if self.until is not None:
            request.until.CopyFrom(timestamp(self.until))
        return request


def search_request(
    filters: ClaimFilter | None, page_size: int, fields: dict[str, Any]
) -> claims_pb2.SearchClaimsRequest:
    """``filters`` with ``fields`` (ClaimFilter's keywords) overriding them, as a first-page request."""
    return dataclasses.replace(filters or ClaimFilter(), **fields).request(page_size)


def split_request(
    speaker_id: int, aliases: Sequence[str], document_ids: Sequence[str], name: str
) -> claims_pb2.SplitSpeakerRequest:
    if not aliases and not document_ids:
        raise ValueError("give the aliases or document ids to split off")
    return claims_pb2.SplitSpeakerRequest(
        speaker_id=speaker_id, aliases=list(aliases), document_ids=list(document_ids), name=name
    )


def _page_items(page: Any, model: type[M]) -> list[M]:
    """The speakers or claims of a ListSpeakers/SearchClaims page, as models."""
    items = page.speakers if isinstance(page, claims_pb2.ListSpeakersResponse) else page.claims
    return [model.from_pb(item) for item in items]


# --- blocking -----------------------------------------------------------------------------------


class ClaimsMixin:
    """ClaimService methods of :class:`~zitat_client.Client` (see there for timeouts and errors)."""

    _channel: grpc.Channel

    if TYPE_CHECKING:

        def _unary(self, method: Any, request: Any, timeout: float | None, metadata: Metadata | None) -> Any: ...
        def stream_kwargs(self, timeout: float | None, metadata: Metadata | None) -> dict[str, Any]: ...

    @cached_property
    def _claims(self) -> claims_pb2_grpc.ClaimServiceStub:
        return claims_pb2_grpc.ClaimServiceStub(self._channel)

    def ingest(
        self, documents: Iterable[DocumentItem], *, timeout: float | None = None, metadata: Metadata | None = None
    ) -> Iterator[IngestResult]:
        """Stream documents into the claim store and yield one result each, in input order, lazily.

        Documents are dicts with :meth:`~zitat_client.Client.extract`'s keywords plus ``text``;
        ``id`` is required (the store's key: ingesting it again replaces its claims). A document
        the server refused does not raise: its result has ``error`` set. ``timeout`` bounds the
        whole stream (default: none). Stopping the iteration early cancels the stream.
        """
        feed = RequestFeed(documents)
        call = self._claims.IngestDocuments(map(ingest_request, feed), **self.stream_kwargs(timeout, metadata))
        yield from results(call, feed, IngestResult.from_pb)

    def delete_document(
        self, document_id: str, *, timeout: float | None = None, metadata: Metadata | None = None
    ) -> int:
        """Delete a document with its claims; returns how many claims went (NotFound if unknown)."""
        request = claims_pb2.DeleteDocumentRequest(document_id=document_id)
        return self._unary(self._claims.DeleteDocument, request, timeout, metadata).deleted_claims

    def _pages(
        self, method: Any, request: Any, model: type[M], timeout: float | None, metadata: Metadata | None
    ) -> Iterator[M]:
        while True:
            page = self._unary(method, request, timeout, metadata)
            yield from _page_items(page, model)
            if not page.next_page_token:
                return
            request.page_token = page.next_page_token

    def list_speakers(
        self,
        *,
        name_contains: str = "",
        type: str = "",
        page_size: int = 0,
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> Iterator[SpeakerSummary]:
        """Every speaker with claims (most claims first), fetched page by page as iterated;
        ``type`` ("PERSON", "ORGANIZATION", "MEDIA", "GROUP") keeps one kind."""
        request = claims_pb2.ListSpeakersRequest(
            name_contains=name_contains, page_size=page_size, type=speaker_type_number(type)
        )
        return self._pages(self._claims.ListSpeakers, request, SpeakerSummary, timeout, metadata)

    def get_speaker(
        self,
        speaker_id: int,
        *,
        timeline_limit: int = 0,
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> SpeakerTimeline:
        """A speaker (a merged-away id gives the one it went into) with the latest claims."""
        request = claims_pb2.GetSpeakerRequest(speaker_id=speaker_id, timeline_limit=timeline_limit)
        return SpeakerTimeline.from_pb(self._unary(self._claims.GetSpeaker, request, timeout, metadata))

    def search_claims(
        self,
        filters: ClaimFilter | None = None,
        /,
        *,
        page_size: int = 0,
        timeout: float | None = None,
        metadata: Metadata | None = None,
        **fields: Any,
    ) -> Iterator[StoredClaim]:
        """Claims matching ``filters`` and the :class:`ClaimFilter` keywords in ``fields``
        (``search_claims(speaker_name="Scholz", query="Rente")``), newest first, page by page."""
        request = search_request(filters, page_size, fields)
        return self._pages(self._claims.SearchClaims, request, StoredClaim, timeout, metadata)

    def get_claim_cluster(
        self, claim_id: int, *, timeout: float | None = None, metadata: Metadata | None = None
    ) -> ClaimCluster:
        """The claims that render the same statement as ``claim_id``, first appearance first."""
        request = claims_pb2.GetClaimClusterRequest(claim_id=claim_id)
        return ClaimCluster.from_pb(self._unary(self._claims.GetClaimCluster, request, timeout, metadata))

    def merge_speakers(
        self,
        target_speaker_id: int,
        source_speaker_ids: Sequence[int],
        *,
        name: str = "",
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> SpeakerSummary:
        """Merge speakers into the target (a decision later ingests keep); returns the target."""
        request = claims_pb2.MergeSpeakersRequest(
            target_speaker_id=target_speaker_id, source_speaker_ids=list(source_speaker_ids), name=name
        )
        return SpeakerSummary.from_pb(self._unary(self._claims.MergeSpeakers, request, timeout, metadata).speaker)

    def split_speaker(
        self,
        speaker_id: int,
        *,
        aliases: Sequence[str] = (),
        document_ids: Sequence[str] = (),
        name: str = "",
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> SplitResult:
        """Move the claims under these aliases or in these documents to a new speaker."""
        request = split_request(speaker_id, aliases, document_ids, name)
        return SplitResult.from_pb(self._unary(self._claims.SplitSpeaker, request, timeout, metadata))


# --- asyncio ------------------------------------------------------------------------------------


async def _ingest_requests(feed: Any) -> AsyncIterator[claims_pb2.IngestDocumentsRequest]:
    async for request in feed.__aiter__():
        yield ingest_request(request)


class AsyncClaimsMixin:
    """ClaimService methods of :class:`~zitat_client.AsyncClient`: coroutines, and async iterators
    where the blocking client returns iterators."""

    _channel: grpc.aio.Channel

    if TYPE_CHECKING:

        async def _unary(self, method: Any, request: Any, timeout: float | None, metadata: Metadata | None) -> Any: ...
        def stream_kwargs(self, timeout: float | None, metadata: Metadata | None) -> dict[str, Any]: ...

    @cached_property
    def _claims(self) -> claims_pb2_grpc.ClaimServiceStub:
        return claims_pb2_grpc.ClaimServiceStub(self._channel)

    async def ingest(
        self,
        documents: Iterable[DocumentItem] | AsyncIterable[DocumentItem],
        *,
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> AsyncIterator[IngestResult]:
        """See :meth:`ClaimsMixin.ingest`."""
        feed = RequestFeed(documents)
        call = self._claims.IngestDocuments(_ingest_requests(feed), **self.stream_kwargs(timeout, metadata))
        async for result in stream_results(call, feed, IngestResult.from_pb):
            yield result

    async def delete_document(
        self, document_id: str, *, timeout: float | None = None, metadata: Metadata | None = None
    ) -> int:
        """See :meth:`ClaimsMixin.delete_document`."""
        request = claims_pb2.DeleteDocumentRequest(document_id=document_id)
        return (await self._unary(self._claims.DeleteDocument, request, timeout, metadata)).deleted_claims

    async def _pages(
        self, method: Any, request: Any, model: type[M], timeout: float | None, metadata: Metadata | None
    ) -> AsyncIterator[M]:
        while True:
            page = await self._unary(method, request, timeout, metadata)
            for item in _page_items(page, model):
                yield item
            if not page.next_page_token:
                return
            request.page_token = page.next_page_token

    def list_speakers(
        self,
        *,
        name_contains: str = "",
        type: str = "",
        page_size: int = 0,
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> AsyncIterator[SpeakerSummary]:
        """See :meth:`ClaimsMixin.list_speakers`."""
        request = claims_pb2.ListSpeakersRequest(
            name_contains=name_contains, page_size=page_size, type=speaker_type_number(type)
        )
        return self._pages(self._claims.ListSpeakers, request, SpeakerSummary, timeout, metadata)

    async def get_speaker(
        self,
        speaker_id: int,
        *,
        timeline_limit: int = 0,
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> SpeakerTimeline:
        """See :meth:`ClaimsMixin.get_speaker`."""
        request = claims_pb2.GetSpeakerRequest(speaker_id=speaker_id, timeline_limit=timeline_limit)
        return SpeakerTimeline.from_pb(await self._unary(self._claims.GetSpeaker, request, timeout, metadata))

    def search_claims(
        self,
        filters: ClaimFilter | None = None,
        /,
        *,
        page_size: int = 0,
        timeout: float | None = None,
        metadata: Metadata | None = None,
        **fields: Any,
    ) -> AsyncIterator[StoredClaim]:
        """See :meth:`ClaimsMixin.search_claims`."""
        request = search_request(filters, page_size, fields)
        return self._pages(self._claims.SearchClaims, request, StoredClaim, timeout, metadata)

    async def get_claim_cluster(
        self, claim_id: int, *, timeout: float | None = None, metadata: Metadata | None = None
    ) -> ClaimCluster:
        """See :meth:`ClaimsMixin.get_claim_cluster`."""
        request = claims_pb2.GetClaimClusterRequest(claim_id=claim_id)
        return ClaimCluster.from_pb(await self._unary(self._claims.GetClaimCluster, request, timeout, metadata))

    async def merge_speakers(
        self,
        target_speaker_id: int,
        source_speaker_ids: Sequence[int],
        *,
        name: str = "",
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> SpeakerSummary:
        """See :meth:`ClaimsMixin.merge_speakers`."""
        request = claims_pb2.MergeSpeakersRequest(
            target_speaker_id=target_speaker_id, source_speaker_ids=list(source_speaker_ids), name=name
        )
        response = await self._unary(self._claims.MergeSpeakers, request, timeout, metadata)
        return SpeakerSummary.from_pb(response.speaker)

    async def split_speaker(
        self,
        speaker_id: int,
        *,
        aliases: Sequence[str] = (),
        document_ids: Sequence[str] = (),
        name: str = "",
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> SplitResult:
        """See :meth:`ClaimsMixin.split_speaker`."""
        request = split_request(speaker_id, aliases, document_ids, name)
        return SplitResult.from_pb(await self._unary(self._claims.SplitSpeaker, request, timeout, metadata))
