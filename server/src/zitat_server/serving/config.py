"""The server's settings and their defaults, written once (the CLI reads its defaults here)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The size limit is the pipeline's (batch runs share it); the server takes it as its default.
from zitat_server.extraction.validation import DEFAULT_MAX_DOCUMENT_BYTES as DEFAULT_MAX_DOCUMENT_BYTES

#: gRPC message limit in both directions, the same number as the client's
#: (``zitat_client.channel.MAX_MESSAGE_BYTES``): a document at the limit and its response (every
#: span echoes its text, speakers are listed once) fit many times over.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def available_cores() -> int:
    """The cores this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class ServerConfig:
    host: str = "localhost"
    port: int = 50051
    #: Worker processes that run the pipeline (one per core); any worker serves any request.
    workers: int = 0  # 0: one per available core
    #: Requests waiting for a worker beyond which calls are refused with RESOURCE_EXHAUSTED.
    max_queue: int = 64
    #: Threads for the claim store's calls (blocking database work, off the event loop).
    store_threads: int = 8
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    max_concurrent_rpcs: int = 1024
    store: str | None = None
    pipeline: str = "default"  # a name from zitat_server.extraction.configs
    grace_seconds: float = 30.0
    reflection: bool = True
    tls_cert: Path | None = None
    tls_key: Path | None = None
    tls_client_ca: Path | None = None
    auth_token_file: Path | None = None
    metrics_port: int | None = None
    log_level: str = "INFO"
    #: The web page and JSON API (serving.web): None puts it on the port after gRPC's (a free
    #: one when ``port`` is 0); 0 turns it off. Off by default with TLS (it speaks plain HTTP).
    http_port: int | None = None

    @property
    def worker_count(self) -> int:
        return self.workers or available_cores()
