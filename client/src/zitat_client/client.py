"""Blocking client of the zitat service (``zitat.v1.QuoteService``).

One channel per :class:`Client`, reused for every call (channels are expensive and
thread-safe: share one client between threads). Retries use gRPC's built-in retry policy,
set through the ``grpc.service_config`` channel option: up to ``retries`` more attempts on
UNAVAILABLE only, exponential backoff with gRPC's full jitter (each wait is uniform in
``[0, backoff]``), throttled channel-wide so that a dead server does not get a retry storm.
The per-call deadline covers all attempts. Streams are retried only until the first response
arrives (gRPC's rule), so a stream broken midway raises :class:`~zitat_client.errors.Unavailable`.

Everything that does not depend on blocking vs asyncio (channel options, credentials,
building requests) lives here and is reused by :mod:`zitat_client.aio`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from zitat_proto.v1 import quotes_pb2, quotes_pb2_grpc

from zitat_client.claims import ClaimsMixin
from zitat_client.errors import from_rpc_error
from zitat_client.models import Extraction, ModelInfo

DEFAULT_TARGET = "localhost:50051"
SERVICE = "zitat.v1.QuoteService"
MiB = 1 << 20

#: Health services asked in order: ours, then the server as a whole ("") for servers that
#: register only the overall status.
HEALTH_SERVICES = (SERVICE, "")

Metadata = Sequence[tuple[str, str]]
Pem = bytes | str | os.PathLike[str]
DocumentItem = str | Mapping[str, Any]

# gRPC servers reject pings more often than every 5 minutes by default
# (grpc.http2.min_recv_ping_interval_without_data_ms) and answer repeated offences with
# GOAWAY "too_many_pings", so keepalive must not be more eager than that.
KEEPALIVE_OPTIONS: tuple[tuple[str, int], ...] = (
    ("grpc.keepalive_time_ms", 300_000),
    ("grpc.keepalive_timeout_ms", 20_000),
    ("grpc.keepalive_permit_without_calls", 0),
)


def service_config(retries: int) -> dict[str, Any]:
    """The channel's service config: retry on UNAVAILABLE for the QuoteService methods.

    Health checks are left out on purpose: a readiness probe must answer at once.
    """
    if not 0 <= retries <= 4:
        raise ValueError("retries must be between 0 and 4 (gRPC caps attempts at 5)")
    method: dict[str, Any] = {"name": [{"service": SERVICE}]}
    if retries:
        method["retryPolicy"] = {
            "maxAttempts": retries + 1,
            "initialBackoff": "0.1s",
            "maxBackoff": "2s",
            "backoffMultiplier": 2,
            "retryableStatusCodes": ["UNAVAILABLE"],
        }
    return {
        "methodConfig": [method],
        # Retries stop while more than half of the recent calls failed (gRFC A6 throttling).
        "retryThrottling": {"maxTokens": 10, "tokenRatio": 0.1},
    }


def channel_options(retries: int, max_message_bytes: int) -> list[tuple[str, Any]]:
    """Options for ``grpc.*_channel``: size limits on both directions, keepalive, retries."""
    return [
        ("grpc.max_send_message_length", max_message_bytes),
        ("grpc.max_receive_message_length", max_message_bytes),
        *KEEPALIVE_OPTIONS,
        ("grpc.enable_retries", 1 if retries else 0),
        ("grpc.service_config", json.dumps(service_config(retries))),
    ]


def _read_pem(value: Pem | None) -> bytes | None:
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str) and value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    return Path(value).read_bytes()


def channel_credentials(
    tls: bool, root_certificates: Pem | None, private_key: Pem | None, certificate_chain: Pem | None
) -> grpc.ChannelCredentials | None:
    """TLS credentials (mTLS when a client key and chain are given), or None for plaintext.

    PEM arguments are bytes, PEM text, or a path to a PEM file.
    """
    if (private_key is None) != (certificate_chain is None):
        raise ValueError("private_key and certificate_chain must be given together (mTLS)")
    if not tls and root_certificates is None and private_key is None:
        return None
    return grpc.ssl_channel_credentials(
        _read_pem(root_certificates), _read_pem(private_key), _read_pem(certificate_chain)
    )


def compression_of(value: grpc.Compression | str | None) -> grpc.Compression | None:
    """Accept ``"gzip"``/``"deflate"``/``"none"`` as well as ``grpc.Compression``."""
    if value is None or isinstance(value, grpc.Compression):
        return value
    names = {"none": grpc.Compression.NoCompression, "gzip": grpc.Compression.Gzip,
             "deflate": grpc.Compression.Deflate}
    try:
        return names[value.lower()]
    except KeyError:
        raise ValueError(f"unknown compression {value!r}; use one of {sorted(names)}") from None


def _timestamp(value: dt.datetime | dt.date) -> Any:
    # A date is taken as midnight UTC; a naive datetime as UTC (protobuf's convention).
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    ts = quotes_pb2.Document().published_at
    ts.FromDatetime(value)
    return ts


def build_request(
    text: str = "",
    sentences: Sequence[Sequence[str]] | None = None,
    *,
    id: str = "",
    title: str = "",
    outlet: str = "",
    url: str = "",
    published_at: dt.datetime | dt.date | None = None,
    request_id: str = "",
) -> quotes_pb2.ExtractQuotesRequest:
    """One ``ExtractQuotesRequest`` from raw ``text`` or pre-tokenised ``sentences``."""
    if text and sentences:
        raise ValueError("give either text or sentences, not both")
    document = quotes_pb2.Document(
        id=id, text=text, title=title, outlet=outlet, url=url,
        sentences=[quotes_pb2.Sentence(tokens=list(tokens)) for tokens in sentences or ()],
    )
    if published_at is not None:
        document.published_at.CopyFrom(_timestamp(published_at))
    return quotes_pb2.ExtractQuotesRequest(document=document, request_id=request_id)


def request_from_item(item: DocumentItem) -> quotes_pb2.ExtractQuotesRequest:
    """A text, or a mapping with the keyword arguments of :func:`build_request`."""
    if isinstance(item, str):
        return build_request(item)
    return build_request(**item)


class RequestFeed:
    """Wraps the documents of a stream and keeps the exception their iteration raised.

    gRPC consumes request iterators in its own thread or task and only cancels the call
    when they fail; the stream's reader re-raises :attr:`error` so the caller sees the real
    cause (e.g. a bad key in a document dict) instead of CANCELLED.
    """

    def __init__(self, items: Any) -> None:
        self._items = items
        self.error: BaseException | None = None

    def __iter__(self) -> Iterator[quotes_pb2.ExtractQuotesRequest]:
        try:
            for item in self._items:
                yield request_from_item(item)
        except Exception as exc:
            self.error = exc
            raise

    async def __aiter__(self) -> Any:
        try:
            if hasattr(self._items, "__aiter__"):
                async for item in self._items:
                    yield request_from_item(item)
            else:
                for item in self._items:
                    yield request_from_item(item)
        except Exception as exc:
            self.error = exc
            raise


class ClientSettings:
    """Connection settings shared by :class:`Client` and the asyncio ``AsyncClient``."""

    def __init__(
        self,
        target: str = DEFAULT_TARGET,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        tls: bool = False,
        root_certificates: Pem | None = None,
        private_key: Pem | None = None,
        certificate_chain: Pem | None = None,
        metadata: Metadata | None = None,
        max_message_bytes: int = 64 * MiB,
        compression: grpc.Compression | str | None = None,
    ) -> None:
        self.target = target
        self.timeout = timeout
        self.metadata: tuple[tuple[str, str], ...] = tuple(metadata or ())
        self.options = channel_options(retries, max_message_bytes)
        self.credentials = channel_credentials(tls, root_certificates, private_key, certificate_chain)
        self.compression = compression_of(compression)
        self._connect()

    def _connect(self) -> None:
        """Open the channel and stubs (blocking or asyncio), once per client."""
        raise NotImplementedError

    def call_kwargs(self, timeout: float | None, metadata: Metadata | None) -> dict[str, Any]:
        """Deadline (the client's default unless given) and client + per-call metadata."""
        return {
            "timeout": self.timeout if timeout is None else timeout,
            "metadata": self.metadata + tuple(metadata or ()),
        }

    def stream_kwargs(self, timeout: float | None, metadata: Metadata | None) -> dict[str, Any]:
        """Like :meth:`call_kwargs`, but no default deadline: a stream's length is unknown."""
        return {**self.call_kwargs(timeout, metadata), "timeout": timeout}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.target!r}, timeout={self.timeout})"


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
        try:
            for response in call:
                yield Extraction.from_pb(response)
        except grpc.RpcError as err:
            raise (feed.error or from_rpc_error(err)) from err
        finally:
            call.cancel()

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
