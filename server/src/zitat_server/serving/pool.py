"""The front end's pool of worker processes: one queue, any idle worker takes the next job.

Python threads do not run the CPU-bound pipeline in parallel, and processes sharing a port
(SO_REUSEPORT) balance connections, not requests: one client channel stuck to one process.
Here every request of every channel is queued once, in the asyncio front end, and dispatched
to whichever worker is idle, so one client with several calls in flight uses every core.

Admission control: the queue is bounded (``max_queue``), and a call whose expected wait (plus
its own expected run time) would pass its deadline is refused at once (:class:`Overloaded`,
with the expected wait as a retry hint) instead of waiting to fail. The expected wait comes from a cost model fitted to
the jobs done so far (seconds per character). A queued job whose deadline passed, or is too
close for the job's expected time, is dropped before it reaches a worker; a running one is
stopped by the worker between pipeline steps.
A worker that dies fails its job and is replaced.
"""

from __future__ import annotations

import asyncio
import atexit
import collections
import contextlib
import itertools
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from zitat_server.serving import worker as worker_process
from zitat_server.serving.worker import CANCELLED, DEADLINE, FAILED, Job, Outcome, Ready

log = logging.getLogger("zitat_server.pool")

#: A job's cost is counted as this many characters more than its length (fixed per-call work).
OVERHEAD_CHARS = 400


class Overloaded(Exception):
    """The call is refused now; ``retry_after`` seconds is when the queue should have room."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class WorkerFailed(Exception):
    """The worker raised on the job or died running it (details in the server log)."""


class DeadlinePassed(Exception):
    """The job's deadline passed before it was done (in the queue or between steps)."""


class CostModel:
    """Expected seconds of a job: ``rate * (chars + OVERHEAD_CHARS)``, the rate an exponentially
    weighted mean over finished jobs (so a slower pipeline or a busier machine is followed)."""

    def __init__(self, seconds_per_char: float, weight: float = 0.1) -> None:
        self.rate = seconds_per_char
        self.weight = weight

    def estimate(self, chars: int) -> float:
        return self.rate * (chars + OVERHEAD_CHARS)

    def observe(self, chars: int, seconds: float) -> None:
        self.rate += self.weight * (seconds / (chars + OVERHEAD_CHARS) - self.rate)


@dataclass(eq=False)
class _Pending:
    job: Job
    chars: int
    cost: float
    future: asyncio.Future
    started: float = 0.0
    worker: _Worker | None = None
    dropped: bool = False  # cancelled while queued: skipped by the dispatcher


@dataclass(eq=False)
class _Worker:
    index: int
    process: multiprocessing.process.BaseProcess
    conn: object
    ready: bool = False
    pending: _Pending | None = None
    jobs: int = 0
    info: Ready | None = None


@dataclass
class PoolStats:
    """Counts for metrics and logs."""

    queued: int = 0
    busy: int = 0
    workers: int = 0
    restarts: int = 0
    dropped_expired: int = 0
    refused: int = 0
    by_status: collections.Counter = field(default_factory=collections.Counter)


class WorkerPool:
    """Start with :meth:`start` inside the running event loop; every method runs on that loop."""

    def __init__(
        self, pipeline: str, workers: int, max_queue: int, *, threads_per_worker: int = 1, log_level: str = "INFO"
    ) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.pipeline = pipeline
        self.size = workers
        self.max_queue = max_queue
        self.threads_per_worker = threads_per_worker
        self.log_level = log_level
        self._ctx = multiprocessing.get_context("spawn")
        self._cancel = self._ctx.Array("q", workers, lock=False)  # job id to abandon, per worker
        self._workers: list[_Worker] = []
        self._queue: collections.deque[_Pending] = collections.deque()
        self._queued_cost = 0.0
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready: asyncio.Event | None = None
        self._idle: asyncio.Event | None = None
        self._closing = False
        self.cost = CostModel(1e-4)
        self.stats = PoolStats(workers=workers)
        self.first_ready: Ready | None = None
        self.start_error: str | None = None
        #: Called with every outcome a worker sends (metrics).
        self.on_outcome: Callable[[Outcome], object] | None = None

    # --- life cycle ------------------------------------------------------------------------------

    async def start(self, timeout: float = 600.0) -> Ready:
        """Spawn the workers and wait until all have loaded and warmed the pipeline."""
        self._loop = asyncio.get_running_loop()
        self._ready = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        # Workers ignore SIGTERM (the front end drains first), so multiprocessing's own exit
        # handler, which terminates and then joins them, would wait forever: kill them first.
        atexit.register(self.kill)
        self._workers = [self._spawn(i) for i in range(self.size)]
        await asyncio.wait_for(self._ready.wait(), timeout)
        if self.start_error is not None:
            raise RuntimeError(self.start_error)
        assert self.first_ready is not None
        return self.first_ready

    def _spawn(self, index: int) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=worker_process.main,
            args=(index, child_conn, self._cancel, self.pipeline, self.threads_per_worker, self.log_level,
                  os.getpid()),
            name=f"zitat-worker-{index}",
            daemon=True,
        )
        process.start()
        child_conn.close()  # so that the worker's death reads as the end of the pipe here
        w = _Worker(index, process, parent_conn)
        assert self._loop is not None
        self._loop.add_reader(parent_conn.fileno(), self._on_readable, w)
        return w

    async def drain(self, timeout: float) -> bool:
        """Wait until no job is queued or running (True), or ``timeout`` passed (False)."""
        assert self._idle is not None
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return True

    async def close(self, timeout: float = 5.0) -> None:
        """Stop every worker: ask, wait ``timeout``, then kill. Unfinished jobs fail."""
        self._closing = True
        assert self._loop is not None
        for w in self._workers:
            with contextlib.suppress(Exception):
                self._loop.remove_reader(w.conn.fileno())
            with contextlib.suppress(OSError, ValueError):
                if w.pending is None:
                    w.conn.send(None)  # idle: stop now
                else:  # busy: stop at the next step; its answer then finds the pipe closed
                    self._cancel[w.index] = w.pending.job.id
                    w.conn.close()
            self._fail(w.pending, WorkerFailed("the server is shutting down"))
            w.pending = None
        while self._queue:
            self._fail(self._queue.popleft(), WorkerFailed("the server is shutting down"))
        deadline = time.monotonic() + timeout
        for w in self._workers:
            await self._loop.run_in_executor(None, w.process.join, max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                await self._loop.run_in_executor(None, w.process.join, 5.0)
            with contextlib.suppress(OSError):
                w.conn.close()
        atexit.unregister(self.kill)

    def kill(self) -> None:
        """SIGKILL every worker still alive (no draining): for exits that skip :meth:`close`."""
        for w in self._workers:
            if w.process.is_alive():
                w.process.kill()
                w.process.join(5.0)

    # --- admission -------------------------------------------------------------------------------

    @property
    def queued(self) -> int:
        return len(self._queue)

    @property
    def busy(self) -> int:
        return sum(1 for w in self._workers if w.pending is not None)

    @property
    def ready_workers(self) -> int:
        return sum(1 for w in self._workers if w.ready)

    def expected_wait(self) -> float:
        """Seconds a job queued now would wait for a worker: the queued work plus what is left of
        the running jobs, shared by the workers."""
        now = time.monotonic()
        running = sum(max(0.0, w.pending.cost - (now - w.pending.started)) for w in self._workers if w.pending)
        return (self._queued_cost + running) / max(1, self.ready_workers or self.size)

    def admit(self, deadline: float | None, chars: int = 0) -> None:
        """Raise :class:`Overloaded` when the queue is full, or when the expected wait plus the
        job's own expected time (``chars`` long) would pass ``deadline``: such a call would use
        a worker only to fail, so it is refused while the client can still go elsewhere."""
        wait = self.expected_wait()
        if len(self._queue) >= self.max_queue:
            self.stats.refused += 1
            raise Overloaded(f"server overloaded: {len(self._queue)} requests queued", wait)
        if deadline is None or self.busy < self.ready_workers:
            return
        if time.monotonic() + wait + self.cost.estimate(chars) > deadline:
            self.stats.refused += 1
            raise Overloaded(f"server overloaded: the expected wait of {wait:.2f} s leaves too little of the "
                             "deadline", wait)

    # --- jobs ------------------------------------------------------------------------------------

    async def submit(self, kind: str, payload: bytes | str, chars: int, received: float,
                     deadline: float | None) -> Outcome:
        """Queue a job and wait for its outcome (raises DeadlinePassed or WorkerFailed).

        Cancelling the awaiting task drops the job from the queue or tells its worker to stop.
        """
        assert self._loop is not None
        if self._closing:
            raise WorkerFailed("the server is shutting down")
        job = Job(next(self._ids), kind, payload, received, deadline)
        pending = _Pending(job, chars, self.cost.estimate(chars), self._loop.create_future())
        self._queue.append(pending)
        self._queued_cost += pending.cost
        self._idle.clear()
        self._dispatch()
        try:
            outcome: Outcome = await pending.future
        except asyncio.CancelledError:
            self._abandon(pending)
            raise
        if outcome.status == DEADLINE:
            raise DeadlinePassed("deadline exceeded while processing")
        if outcome.status == FAILED:
            raise WorkerFailed("the pipeline failed on this document")
        return outcome

    def _abandon(self, pending: _Pending) -> None:
        if pending.worker is not None:
            self._cancel[pending.worker.index] = pending.job.id  # checked between pipeline steps
        elif not pending.dropped:
            pending.dropped = True
            self._queued_cost -= pending.cost

    def _dispatch(self) -> None:
        now = time.monotonic()
        for w in self._workers:
            if not (w.ready and w.pending is None):
                continue
            pending = self._next(now)
            if pending is None:
                break
            try:
                w.conn.send(pending.job)
            except (OSError, ValueError):  # died between jobs: the reader sees the end of the pipe
                self._queue.appendleft(pending)
                self._queued_cost += pending.cost
                w.ready = False
                continue
            pending.worker, pending.started = w, now
            w.pending = pending
        self._update_idle()

    def _next(self, now: float) -> _Pending | None:
        while self._queue:
            pending = self._queue.popleft()
            if pending.dropped:
                continue
            self._queued_cost -= pending.cost
            if pending.job.deadline is not None and now + self.cost.estimate(pending.chars) > pending.job.deadline:
                # Passed, or too close to finish: the worker's time goes to a job that can.
                self.stats.dropped_expired += 1
                self._fail(pending, DeadlinePassed("deadline exceeded in the queue"))
                continue
            return pending
        self._queued_cost = 0.0  # no drift from float sums
        return None

    def _update_idle(self) -> None:
        self.stats.queued = len(self._queue)
        self.stats.busy = self.busy
        if self._idle is not None:
            if not self._queue and self.stats.busy == 0:
                self._idle.set()
            else:
                self._idle.clear()

    def _on_readable(self, w: _Worker) -> None:
        try:
            message = w.conn.recv()
        except (EOFError, OSError):
            self._on_death(w)
            return
        if isinstance(message, Ready):
            w.ready, w.info = True, message
            if self.first_ready is None:
                self.first_ready = message
                self.cost.rate = message.warmup_seconds_per_char * len(worker_process.WARMUP_TEXT) / (
                    len(worker_process.WARMUP_TEXT) + OVERHEAD_CHARS)
            if self._ready is not None and self.ready_workers == self.size:
                self._ready.set()
        elif isinstance(message, Outcome):
            pending, w.pending = w.pending, None
            w.jobs += 1
            self.stats.by_status[message.status] += 1
            if self.on_outcome is not None:
                self.on_outcome(message)
            if pending is not None and pending.job.id == message.id:
                if message.status != CANCELLED:  # a job stopped at its deadline took at least this long
                    self.cost.observe(pending.chars, message.seconds)
                if not pending.future.done():
                    pending.future.set_result(message)
        self._dispatch()

    def _on_death(self, w: _Worker) -> None:
        assert self._loop is not None
        with contextlib.suppress(Exception):
            self._loop.remove_reader(w.conn.fileno())
        with contextlib.suppress(OSError):
            w.conn.close()
        w.ready = False
        self._fail(w.pending, WorkerFailed("the worker process died"))
        w.pending = None
        if self._closing:
            return
        w.process.join(1.0)
        if w.info is None:  # died loading the pipeline: another try would die the same way
            self.start_error = f"worker {w.index} exited with code {w.process.exitcode} while loading the pipeline"
            log.error("%s", self.start_error)
            if self._ready is not None:
                self._ready.set()
            return
        log.error("worker %d (pid %s) died with exit code %s; starting another", w.index, w.process.pid,
                  w.process.exitcode)
        self.stats.restarts += 1
        self._cancel[w.index] = 0
        self._workers[self._workers.index(w)] = self._spawn(w.index)
        self._dispatch()

    @staticmethod
    def _fail(pending: _Pending | None, error: Exception) -> None:
        if pending is not None and not pending.future.done():
            pending.future.set_exception(error)
