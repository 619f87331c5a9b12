"""The worker of a batch run: one per Ray actor, it loads the pipeline once and turns shards
into part files.

Ray Data calls it with a batch of shard descriptions (one at a time); it reads the shard's
documents, extracts each with the same pipeline and the same checks as the server, writes the
shard's parts, and yields small progress reports on the way (documents done, and at the end the
shard's counts), which the driver turns into the progress bar and the manifest. It imports no
Ray, so a test can drive it directly.
"""

from __future__ import annotations

import logging
import os
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from zitat_server.batch.inputs import InputDocument, InputError, Shard, read_shard
from zitat_server.batch.output import OutputDir
from zitat_server.batch.rows import quote_rows
from zitat_server.claims.ingest import Ingestor
from zitat_server.claims.store import open_store
from zitat_server.claims.store.base import StoredDocument
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.results import document_result
from zitat_server.extraction.validation import DEFAULT_MAX_DOCUMENT_BYTES, text_problem

log = logging.getLogger(__name__)

#: How often a worker reports progress within a shard.
REPORT_SECONDS = 1.0

#: What a worker yields: documents done since its last report; at the end of a shard its counts.
REPORT_SCHEMA = pa.schema(
    [
        ("shard", pa.int64()),
        ("documents", pa.int64()),
        ("done", pa.bool_()),
        ("shard_documents", pa.int64()),
        ("quotes", pa.int64()),
        ("errors", pa.int64()),
        ("peak_rss_bytes", pa.int64()),
        ("pid", pa.int64()),
        ("cpu_seconds", pa.float64()),  # the actor process's CPU time so far (pipeline load included)
    ]
)


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    out: str
    fmt: str = "parquet"
    pipeline: str = "default"
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    store: str | None = None  # a claim store to ingest into as well (path or postgresql:// DSN)


def peak_rss_bytes() -> int:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu_seconds() -> float:
    """This process's CPU time: on a shared machine, throughput per CPU second is what holds."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _report(shard: Shard, documents: int, done: bool = False, quotes: int = 0, errors: int = 0) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "shard": shard.index,
                "documents": documents,
                "done": done,
                "shard_documents": shard.count if done else 0,
                "quotes": quotes,
                "errors": errors,
                "peak_rss_bytes": peak_rss_bytes() if done else 0,
                "pid": os.getpid(),
                "cpu_seconds": cpu_seconds() if done else 0.0,
            }
        ],
        schema=REPORT_SCHEMA,
    )


class ShardWorker:
    def __init__(self, settings: WorkerSettings) -> None:
        self.settings = settings
        self.pipeline = Pipeline(settings.pipeline)
        self.output = OutputDir(Path(settings.out), settings.fmt)
        self.ingestor = Ingestor(open_store(settings.store), self.pipeline) if settings.store else None

    def __call__(self, batch: pa.Table) -> Iterator[pa.Table]:
        for row in batch.to_pylist():
            yield from self.process(Shard.from_row(row))

    def process(self, shard: Shard) -> Iterator[pa.Table]:
        """Write the shard's parts; yield progress reports, the last one with ``done``."""
        rows: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        pending = 0
        last = time.monotonic()
        for item in read_shard(shard):
            if isinstance(item, InputError):
                errors.append({"document_id": item.id, "input": item.where, "reason": item.reason})
            else:
                reason = self._extract(item, rows)
                if reason is not None:
                    errors.append({"document_id": item.id, "input": item.where, "reason": reason})
            pending += 1
            if time.monotonic() - last >= REPORT_SECONDS:
                yield _report(shard, pending)
                pending, last = 0, time.monotonic()
        self.output.write_part(shard.name, rows, errors)
        yield _report(shard, pending, done=True, quotes=len(rows), errors=len(errors))

    def _extract(self, document: InputDocument, rows: list[dict[str, Any]]) -> str | None:
        """Add the document's quote rows (and store it); return why it failed, if it did."""
        problem = text_problem(document.text, self.settings.max_document_bytes)
        if problem is not None:
            return problem
        try:
            doc = self.pipeline.process(document.text)
        except Exception as err:  # one document must not stop the archive; the log has the trace
            log.exception("document %r (%s) failed", document.id, document.where)
            return f"extraction failed: {type(err).__name__}: {err}"
        rows += quote_rows(document_result(doc), document, self.pipeline.version)
        if self.ingestor is not None:  # a store failure is no document's fault: it stops the run
            self.ingestor.ingest(
                StoredDocument(
                    id=document.id,
                    text=document.text,
                    outlet=document.outlet,
                    url=document.url,
                    title=document.title,
                    published_at=document.published_at,
                ),
                doc=doc,
            )
        return None
