"""The server's settings and their defaults, written once (the CLI reads its defaults here)."""

from __future__ import annotations

from dataclasses import dataclass

# The size limit is the pipeline's (batch runs share it); the server takes it as its default.
from zitat_server.extraction.validation import DEFAULT_MAX_DOCUMENT_BYTES as DEFAULT_MAX_DOCUMENT_BYTES


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
