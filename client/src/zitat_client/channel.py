"""The channel settings shared by the blocking and the asyncio client.

Everything that does not depend on blocking vs asyncio: channel options (message size limits,
keepalive, the retry policy as a service config), credentials, compression, default deadline
and metadata. :class:`ClientSettings` holds them; :class:`~zitat_client.Client` and
:class:`~zitat_client.AsyncClient` add the channel and the calls.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import grpc

from zitat_client.request import Metadata

DEFAULT_TARGET = "localhost:50051"
SERVICE = "zitat.v1.QuoteService"
MiB = 1 << 20
#: Message limit in both directions; the server uses the same number
#: (``zitat_server.serving.config.MAX_MESSAGE_BYTES``), so neither side refuses what the other sends.
MAX_MESSAGE_BYTES = 64 * MiB

#: Health services asked in order: ours, then the server as a whole ("") for servers that
#: register only the overall status.
HEALTH_SERVICES = (SERVICE, "")

Pem = bytes | str | os.PathLike[str]

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
        max_message_bytes: int = MAX_MESSAGE_BYTES,
        compression: grpc.Compression | str | None = None,
        token: str | None = None,
    ) -> None:
        """``token`` is sent as ``authorization: Bearer TOKEN`` with every call (the server's
        ``--auth-token-file``); over plaintext it travels in the clear, so use TLS beyond localhost."""
        self.target = target
        self.timeout = timeout
        auth = (("authorization", f"Bearer {token}"),) if token else ()
        self.metadata: tuple[tuple[str, str], ...] = auth + tuple(metadata or ())
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

    def __repr__(self) -> str:  # never shows the token
        return f"{type(self).__name__}({self.target!r}, timeout={self.timeout})"
