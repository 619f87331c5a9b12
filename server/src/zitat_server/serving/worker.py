"""A worker process of the server: loads the pipeline once, then runs one job at a time.

Spawned (never forked) by :mod:`zitat_server.serving.pool`, so no grpc object or thread of the
front end crosses into it, with one torch thread: the parallelism comes from the processes.
Between pipeline steps it checks the job's deadline and the cancel slot the front end writes,
so that work for a call whose deadline passed or that was cancelled stops within one step.
Requests arrive and responses leave as serialised protobuf: the front end only forwards bytes.

A worker ignores SIGINT and SIGTERM (the front end drains and then stops it) and dies with
the front end (``PR_SET_PDEATHSIG``; an end of the pipe does the same between jobs).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import logging
import os
import signal
import sys
import time
from dataclasses import dataclass, field

#: Job kinds: a serialised ExtractQuotesRequest -> a serialised ExtractQuotesResponse, or a
#: text -> its ``Doc`` (for the claim store's ingest).
EXTRACT = "extract"
DOC = "doc"

# Outcome statuses.
OK = "ok"
DEADLINE = "deadline"
CANCELLED = "cancelled"
FAILED = "failed"

WARMUP_TEXT = "„Wir kommen morgen“, sagte Verteidigungsminister Rustem Umjerow. Er habe das erörtert, sagte er."

log = logging.getLogger("zitat_server.worker")


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    kind: str
    payload: bytes | str
    received: float  # time.monotonic() when the front end accepted the call
    deadline: float | None  # time.monotonic() after which nobody waits for the result


@dataclass(frozen=True, slots=True)
class Outcome:
    id: int
    status: str
    value: object = None
    queue_s: float = 0.0  # accepted -> started here
    seconds: float = 0.0  # spent here
    steps: int = 0  # pipeline steps started (the tokenizer included)
    worker: int = 0  # the worker's index in the pool


@dataclass(frozen=True, slots=True)
class Ready:
    """A worker's first message: the pipeline is loaded and warm."""

    pid: int
    infos: list = field(default_factory=list)  # ComponentInfo of the tokenizer and each component
    version: str = ""
    warmup_seconds_per_char: float = 0.0


class _Stop(Exception):
    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this process when the front end dies, even mid-job."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def main(index: int, conn, cancel, pipeline_name: str, threads: int, log_level: str, parent: int) -> None:
    """The worker's life: load, announce :class:`Ready`, then answer :class:`Job` s until told
    to stop (``None``) or the pipe ends. ``cancel[index]`` holds the id of a job to abandon."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)
    logging.basicConfig(level=log_level, format=f"%(asctime)s %(levelname)s worker {index}: %(message)s")
    worker = _Worker(index, cancel, pipeline_name, threads)
    conn.send(worker.ready())
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            break
        if job is None:
            break
        try:
            conn.send(worker.run(job))
        except (BrokenPipeError, OSError):
            break
    # Nothing to save: skip the interpreter's teardown of torch and flair (seconds at exit).
    logging.shutdown()
    os._exit(0)


def load_pipeline(name: str):
    """A pipeline config's name (``default``), or ``module:function`` returning an object with
    the Pipeline's ``process``, ``process_sentences``, ``infos`` and ``version`` (tests use that
    for pipelines with known timing)."""
    if ":" in name:
        module, _, function = name.partition(":")
        return getattr(importlib.import_module(module), function)()
    from zitat_server.extraction.pipeline import Pipeline

    return Pipeline(name)


class _Worker:
    def __init__(self, index: int, cancel, pipeline_name: str, threads: int) -> None:
        self.index = index
        self.cancel = cancel
        self.pipeline = load_pipeline(pipeline_name)
        if "torch" in sys.modules:
            torch = sys.modules["torch"]
            torch.set_num_threads(threads)
            with contextlib.suppress(RuntimeError):  # only settable before the first parallel work
                torch.set_num_interop_threads(1)

    def ready(self) -> Ready:
        self.pipeline.process(WARMUP_TEXT)  # load and warm every component
        started = time.perf_counter()
        self.pipeline.process(WARMUP_TEXT)
        rate = (time.perf_counter() - started) / len(WARMUP_TEXT)
        return Ready(os.getpid(), self.pipeline.infos(), self.pipeline.version, rate)

    def run(self, job: Job) -> Outcome:
        started = time.monotonic()
        steps = 0

        def check(_step: str) -> None:
            nonlocal steps
            if self.cancel[self.index] == job.id:
                raise _Stop(CANCELLED)
            if job.deadline is not None and time.monotonic() > job.deadline:
                raise _Stop(DEADLINE)
            steps += 1

        status, value = OK, None
        try:
            if job.kind == EXTRACT:
                value = self._extract(job, check, started)
            else:
                value = self.pipeline.process(str(job.payload), check)
        except _Stop as stop:
            status = stop.status
        except Exception:  # the front end answers INTERNAL; the details belong in this log only
            log.exception("job %d (%s) failed", job.id, job.kind)
            status = FAILED
        done = time.monotonic()
        return Outcome(job.id, status, value, started - job.received, done - started, steps, self.index)

    def _extract(self, job: Job, check, started: float) -> bytes:
        from zitat_proto.v1 import quotes_pb2 as pb

        from zitat_server.serving.wire import to_response

        request = pb.ExtractQuotesRequest.FromString(job.payload)  # validated by the front end
        document = request.document
        if document.sentences:
            doc = self.pipeline.process_sentences([list(s.tokens) for s in document.sentences], check)
        else:
            doc = self.pipeline.process(document.text, check)
        timing = pb.Timing(queue_ms=(started - job.received) * 1000, processing_ms=(time.monotonic() - started) * 1000)
        return to_response(doc, request, self.pipeline.version, timing).SerializeToString()
