"""The worker pool with a pipeline of known timing (tests/slow_pipeline.py): dispatch to any
worker, deadlines and cancellation stop work between steps, admission control, dead workers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest
from zitat_server.serving.pool import DeadlinePassed, Overloaded, WorkerFailed, WorkerPool
from zitat_server.serving.worker import CANCELLED, DEADLINE, DOC, OK, Outcome

PIPELINE = "slow_pipeline:build"
LONG = "steps=100 step=0.05"  # 5 s unless stopped


def run(scenario: Callable[[WorkerPool, list[Outcome]], Awaitable[None]], workers: int = 1, max_queue: int = 8) -> None:
    async def main() -> None:
        pool = WorkerPool(PIPELINE, workers, max_queue)
        outcomes: list[Outcome] = []
        pool.on_outcome = outcomes.append
        await pool.start(timeout=120)
        try:
            await asyncio.wait_for(scenario(pool, outcomes), 120)
        finally:
            await pool.close()
        assert all(not w.process.is_alive() for w in pool._workers)

    asyncio.run(main())


async def submit(pool: WorkerPool, text: str, deadline: float | None = None) -> Outcome:
    return await pool.submit(DOC, text, len(text), time.monotonic(), deadline)


async def until(condition: Callable[[], bool]) -> None:
    while not condition():
        await asyncio.sleep(0.01)


def test_one_client_uses_every_worker():
    async def scenario(pool, outcomes):
        done = await asyncio.gather(*(submit(pool, "steps=4 step=0.05") for _ in range(6)))
        assert len({pid for o in done for pid in o.value.entities}) == 2

    run(scenario, workers=2)


def test_deadline_stops_a_running_job_between_steps():
    async def scenario(pool, outcomes):
        with pytest.raises(DeadlinePassed):
            await submit(pool, LONG, deadline=time.monotonic() + 0.3)
        (stopped,) = outcomes
        assert stopped.status == DEADLINE and stopped.steps < 100
        assert (await submit(pool, "quick")).status == OK  # the worker is free again

    run(scenario)


def test_cancelling_the_call_stops_its_job():
    async def scenario(pool, outcomes):
        task = asyncio.ensure_future(submit(pool, LONG))
        await until(lambda: pool.busy == 1)
        task.cancel()
        await until(lambda: len(outcomes) == 1)
        assert outcomes[0].status == CANCELLED and outcomes[0].steps < 100
        assert (await submit(pool, "quick")).status == OK

    run(scenario)


def test_a_cancelled_queued_job_never_runs():
    async def scenario(pool, outcomes):
        first = asyncio.ensure_future(submit(pool, "steps=5 step=0.05"))
        queued = asyncio.ensure_future(submit(pool, "steps=5 step=0.05"))
        await until(lambda: pool.queued == 1)
        queued.cancel()
        await first
        await submit(pool, "quick")
        assert len(outcomes) == 2 and pool.queued == 0

    run(scenario)


def test_a_job_whose_deadline_passed_in_the_queue_is_dropped():
    async def scenario(pool, outcomes):
        first = asyncio.ensure_future(submit(pool, "steps=10 step=0.05"))
        await until(lambda: pool.busy == 1)
        with pytest.raises(DeadlinePassed, match="queue"):
            await submit(pool, "quick", deadline=time.monotonic() + 0.05)
        await first
        assert len(outcomes) == 1 and pool.stats.dropped_expired == 1

    run(scenario)


def test_queue_time_is_measured():
    async def scenario(pool, outcomes):
        first = asyncio.ensure_future(submit(pool, "steps=4 step=0.05"))
        await until(lambda: pool.busy == 1)
        second = await submit(pool, "quick")
        await first
        assert second.queue_s > 0 and second.seconds >= 0

    run(scenario)


def test_a_full_queue_refuses_with_a_retry_hint():
    async def scenario(pool, outcomes):
        running = asyncio.ensure_future(submit(pool, "steps=10 step=0.05"))
        await until(lambda: pool.busy == 1)
        queued = asyncio.ensure_future(submit(pool, "quick"))
        await until(lambda: pool.queued == 1)
        with pytest.raises(Overloaded) as info:
            pool.admit(None)
        assert info.value.retry_after > 0
        await asyncio.gather(running, queued)
        pool.admit(None)  # room again

    run(scenario, max_queue=1)


def test_an_expected_wait_beyond_the_deadline_is_refused_at_once():
    async def scenario(pool, outcomes):
        pool.cost.rate = 1.0  # a second per character: the running job looks long
        running = asyncio.ensure_future(submit(pool, "steps=10 step=0.05"))
        await until(lambda: pool.busy == 1)
        assert pool.expected_wait() > 1
        with pytest.raises(Overloaded, match="deadline"):
            pool.admit(time.monotonic() + 0.5)
        pool.admit(None)  # no deadline: it may wait
        pool.admit(time.monotonic() + 3600)
        with pytest.raises(Overloaded):  # its own expected time counts too
            pool.admit(time.monotonic() + 3600, chars=10_000)
        await running

    run(scenario)


def test_a_dead_worker_fails_its_job_and_is_replaced():
    async def scenario(pool, outcomes):
        with pytest.raises(WorkerFailed, match="died"):
            await submit(pool, "die")
        assert pool.stats.restarts == 1
        assert (await submit(pool, "quick")).status == OK

    run(scenario)


def test_a_failing_document_fails_alone():
    async def scenario(pool, outcomes):
        with pytest.raises(WorkerFailed) as info:
            await submit(pool, "boom")
        assert "secret" not in str(info.value)
        assert (await submit(pool, "quick")).status == OK
        assert pool.stats.restarts == 0

    run(scenario)
