"""Bidirectional streams served in order with several documents in flight.

A stream's documents are read by their own task and started as they arrive (up to ``window``
at a time, so that one stream keeps every worker busy), and the answers leave in input order
as soon as each is ready. Reading and answering are independent: a client that waits for each
answer before sending the next document works too, and an idle stream costs nothing but a
suspended task (no thread is held).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


async def ordered(
    requests: AsyncIterable[T], start: Callable[[int, T], Awaitable[R]], window: int
) -> AsyncIterator[R]:
    """Yield ``await start(i, request)`` for each request in order, ``window`` started at most."""
    tasks: asyncio.Queue[asyncio.Future[R] | None] = asyncio.Queue()
    room = asyncio.Semaphore(window)

    async def read() -> None:
        try:
            i = 0
            async for request in requests:
                await room.acquire()
                tasks.put_nowait(asyncio.ensure_future(start(i, request)))
                i += 1
        finally:
            tasks.put_nowait(None)

    reader = asyncio.ensure_future(read())
    try:
        while (task := await tasks.get()) is not None:
            result = await task
            room.release()
            yield result
        await reader  # a failure to read the requests ends the call with it
    finally:
        reader.cancel()
        while not tasks.empty():
            task = tasks.get_nowait()
            if task is not None:
                task.cancel()
