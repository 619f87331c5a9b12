"""asyncio twin of :class:`zitat_client.Client` on ``grpc.aio``.

Same settings, retry policy, results and exceptions as the blocking client (shared through
:mod:`zitat_client.channel`, :mod:`zitat_client.streams` and :mod:`zitat_client.claims`);
methods are coroutines and :meth:`AsyncClient.extract_many` is an async iterator. Create the
client inside the running event loop that uses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Sequence
from types import TracebackType
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from zitat_proto.v1 import quotes_pb2, quotes_pb2_grpc

from zitat_client.channel import HEALTH_SERVICES, ClientSettings
from zitat_client.claims import AsyncClaimsMixin
from zitat_client.errors import from_rpc_error
from zitat_client.models import Extraction, ModelInfo
from zitat_client.request import DocumentItem, Metadata, build_request
from zitat_client.streams import RequestFeed, stream_results


class AsyncClient(AsyncClaimsMixin, ClientSettings):
    """asyncio client; use ``async with AsyncClient(...) as zitat:`` or await :meth:`close`."""

    def _connect(self) -> None:
        if self.credentials is None:
            self._channel = grpc.aio.insecure_channel(self.target, self.options, self.compression)
        else:
            self._channel = grpc.aio.secure_channel(self.target, self.credentials, self.options, self.compression)
        self._stub = quotes_pb2_grpc.QuoteServiceStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the channel; calls in flight are cancelled."""
        await self._channel.close()

    async def _unary(self, method: Any, request: Any, timeout: float | None, metadata: Metadata | None) -> Any:
        try:
            return await method(request, **self.call_kwargs(timeout, metadata))
        except grpc.RpcError as err:
            raise from_rpc_error(err) from err

    async def extract(
        self,
        text: str,
        *,
        id: str = "",
        title: str = "",
        outlet: str = "",
        url: str = "",
        published_at: dt.datetime | dt.date | None = None,
        request_id: str = "",
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> Extraction:
        """See :meth:`zitat_client.Client.extract`."""
        request = build_request(
            text, id=id, title=title, outlet=outlet, url=url, published_at=published_at, request_id=request_id
        )
        return Extraction.from_pb(await self._unary(self._stub.ExtractQuotes, request, timeout, metadata))

    async def extract_sentences(
        self,
        sentences: Sequence[Sequence[str]],
        *,
        id: str = "",
        title: str = "",
        outlet: str = "",
        url: str = "",
        published_at: dt.datetime | dt.date | None = None,
        request_id: str = "",
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> Extraction:
        """See :meth:`zitat_client.Client.extract_sentences`."""
        request = build_request(
            sentences=sentences,
            id=id,
            title=title,
            outlet=outlet,
            url=url,
            published_at=published_at,
            request_id=request_id,
        )
        return Extraction.from_pb(await self._unary(self._stub.ExtractQuotes, request, timeout, metadata))

    async def extract_many(
        self,
        documents: Iterable[DocumentItem] | AsyncIterable[DocumentItem],
        *,
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> AsyncIterator[Extraction]:
        """Async iterator over the results in input order; per-document errors are returned
        in ``Extraction.error``, not raised (see :meth:`zitat_client.Client.extract_many`)."""
        feed = RequestFeed(documents)
        call = self._stub.ExtractQuotesStream(feed.__aiter__(), **self.stream_kwargs(timeout, metadata))
        async for result in stream_results(call, feed, Extraction.from_pb):
            yield result

    async def model_info(self, *, timeout: float | None = None, metadata: Metadata | None = None) -> ModelInfo:
        """See :meth:`zitat_client.Client.model_info`."""
        request = quotes_pb2.GetModelInfoRequest()
        return ModelInfo.from_pb(await self._unary(self._stub.GetModelInfo, request, timeout, metadata))

    async def is_server_ready(self, *, timeout: float = 5.0) -> bool:
        """See :meth:`zitat_client.Client.is_server_ready`."""
        for service in HEALTH_SERVICES:
            try:
                response = await self._health.Check(
                    health_pb2.HealthCheckRequest(service=service), **self.call_kwargs(timeout, None)
                )
            except grpc.RpcError as err:
                if err.code() == grpc.StatusCode.NOT_FOUND:
                    continue
                return False
            return response.status == health_pb2.HealthCheckResponse.SERVING
        return False
