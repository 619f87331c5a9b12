"""The server's settings and their defaults, written once (the CLI reads its defaults here)."""

from __future__ import annotations

from dataclasses import dataclass

#: Largest accepted document, in UTF-8 bytes.
DEFAULT_MAX_DOCUMENT_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class ServerConfig:
    host: str = "[::]"
    port: int = 50051
    workers: int = 1
    threads: int = 8
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    max_concurrent_rpcs: int = 256
    store: str | None = None
    pipeline: str = "default"  # a name from zitat_server.extraction.configs
    grace_seconds: float = 5.0
    # The web page and JSON API (serving.web): None puts it on the port after gRPC's (a free
    # one when ``port`` is 0); 0 turns it off.
    http_port: int | None = None
