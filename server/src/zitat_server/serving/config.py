"""The server's settings and their defaults, written once (the CLI reads its defaults here)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Largest accepted document, in UTF-8 bytes. A long news article is 50–100 KB (the longest of
#: the 1,028 DER STANDARD articles in data/ is 33 KB, the longest Bundestag speech 25 KB); 128 KiB
#: takes those with room to spare and halves what the worst input shape can cost compared with
#: 256 KiB (token- and cue-dense text still costs the taggers up to ~20x news per KB:
#: benchmarks/latency.py --shapes).
DEFAULT_MAX_DOCUMENT_BYTES = 128 * 1024

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
