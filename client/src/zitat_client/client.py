"""Blocking client of the zitat service (``zitat.v1.QuoteService``).

One channel per :class:`Client`, reused for every call (channels are expensive and
thread-safe: share one client between threads). Retries use gRPC's built-in retry policy,
set through the ``grpc.service_config`` channel option: up to ``retries`` more attempts on
UNAVAILABLE only, exponential backoff with gRPC's full jitter (each wait is uniform in
``[0, backoff]``), throttled channel-wide so that a dead server does not get a retry storm.
The per-call deadline covers all attempts. Streams are retried only until the first response
arrives (gRPC's rule), so a stream broken midway raises :class:`~zitat_client.errors.Unavailable`.

What does not depend on blocking vs asyncio is shared with :mod:`zitat_client.aio`:
channel settings (:mod:`zitat_client.channel`), requests (:mod:`zitat_client.request`),
streams (:mod:`zitat_client.streams`) and the ClaimService methods (:mod:`zitat_client.claims`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from zitat_proto.v1 import quotes_pb2, quotes_pb2_grpc

from zitat_client.channel import DEFAULT_TARGET, HEALTH_SERVICES, ClientSettings, service_config
from zitat_client.claims import ClaimsMixin
from zitat_client.errors import from_rpc_error
from zitat_client.models import Extraction, ModelInfo
from zitat_client.request import DocumentItem, Metadata, build_request
from zitat_client.streams import RequestFeed, results

# DEFAULT_TARGET and service_config were defined here before channel.py; still importable from here.
__all__ = ["DEFAULT_TARGET", "Client", "service_config"]


class Client(ClaimsMixin, ClientSettings):
    """Blocking client; use as a context manager or call :meth:`close`.

    >>> with Client("localhost:50051") as zitat:          # doctest: +SKIP
    ...     for quote in zitat.extract("„Ja“, sagte sie.").quotes:
    ...         print(quote.form, quote.message[0].text)
    """

    def _connect(self) -> None:
        target = self.target
        if self.credentials is None:
            self._channel = grpc.insecure_channel(target, self.options, self.compression)
        else:
            self._channel = grpc.secure_channel(target, self.credentials, self.options, self.compression)
        self._stub = quotes_pb2_grpc.QuoteServiceStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the channel; calls in flight are cancelled."""
        self._channel.close()

    def _unary(self, method: Any, request: Any, timeout: float | None, metadata: Metadata | None) -> Any:
        try:
            return method(request, **self.call_kwargs(timeout, metadata))
        except grpc.RpcError as err:
            raise from_rpc_error(err) from err

    def extract(
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
        """Quotes and speakers of one raw-text document (raises a ZitatError on failure)."""
        request = build_request(text, id=id, title=title, outlet=outlet, url=url,
                                published_at=published_at, request_id=request_id)
        return Extraction.from_pb(self._unary(self._stub.ExtractQuotes, request, timeout, metadata))

    def extract_sentences(
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
        """Like :meth:`extract` for pre-tokenised input; offsets refer to ``Extraction.text``."""
        request = build_request(sentences=sentences, id=id, title=title, outlet=outlet, url=url,
                                published_at=published_at, request_id=request_id)
        return Extraction.from_pb(self._unary(self._stub.ExtractQuotes, request, timeout, metadata))

    def extract_many(
        self,
        documents: Iterable[DocumentItem],
        *,
        timeout: float | None = None,
        metadata: Metadata | None = None,
    ) -> Iterator[Extraction]:
        """Stream documents (texts, or dicts with :meth:`extract`'s keywords plus ``text`` or
        ``sentences``) and yield their results in input order, lazily.

        A document the server could not process does NOT raise: its result has ``error``
        set (check ``result.ok`` or call ``result.raise_for_error()``), and the stream goes
        on, as the API specifies. Failures of the stream itself raise a ZitatError.
        ``timeout`` bounds the whole stream and defaults to none, since its length is
        unknown. Stopping the iteration early cancels the stream.
        """
        feed = RequestFeed(documents)
        call = self._stub.ExtractQuotesStream(iter(feed), **self.stream_kwargs(timeout, metadata))
        yield from results(call, feed, Extraction.from_pb)

    def model_info(self, *, timeout: float | None = None, metadata: Metadata | None = None) -> ModelInfo:
        """Pipeline version, components (with scores and licence) and the document size limit."""
        request = quotes_pb2.GetModelInfoRequest()
        return ModelInfo.from_pb(self._unary(self._stub.GetModelInfo, request, timeout, metadata))

    def is_server_ready(self, *, timeout: float = 5.0) -> bool:
        """True when grpc.health.v1 reports SERVING (models loaded and warm); never raises."""
        for service in HEALTH_SERVICES:
            try:
                response = self._health.Check(health_pb2.HealthCheckRequest(service=service),
                                              **self.call_kwargs(timeout, None))
            except grpc.RpcError as err:
                if err.code() == grpc.StatusCode.NOT_FOUND:
                    continue
                return False
            return response.status == health_pb2.HealthCheckResponse.SERVING
        return False
