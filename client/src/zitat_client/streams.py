"""Bidirectional streams of both clients and both services: feeding documents, reading results.

gRPC consumes request iterators in its own thread or task and only cancels the call when they
fail; so the feed keeps the exception its documents raised, and the readers re-raise it instead
of the bare CANCELLED, and map every other failure to a :class:`~zitat_client.errors.ZitatError`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, TypeVar

import grpc
from zitat_proto.v1 import quotes_pb2

from zitat_client.errors import from_rpc_error
from zitat_client.request import request_from_item

T = TypeVar("T")


class RequestFeed:
    """Wraps the documents of a stream and keeps the exception their iteration raised in
    :attr:`error` (e.g. a bad key in a document dict)."""

    def __init__(self, items: Any) -> None:
        self._items = items
        self.error: BaseException | None = None

    def __iter__(self) -> Iterator[quotes_pb2.ExtractQuotesRequest]:
        try:
            for item in self._items:
                yield request_from_item(item)
        except Exception as exc:
            self.error = exc
            raise

    async def __aiter__(self) -> Any:
        try:
            if hasattr(self._items, "__aiter__"):
                async for item in self._items:
                    yield request_from_item(item)
            else:
                for item in self._items:
                    yield request_from_item(item)
        except Exception as exc:
            self.error = exc
            raise


def results(call: Any, feed: RequestFeed, convert: Callable[[Any], T]) -> Iterator[T]:
    """Responses of a blocking stream as results; stopping early cancels the call."""
    try:
        for response in call:
            yield convert(response)
    except grpc.RpcError as err:
        raise (feed.error or from_rpc_error(err)) from err
    finally:
        call.cancel()


async def stream_results(call: Any, feed: RequestFeed, convert: Callable[[Any], T]) -> AsyncIterator[T]:
    """Responses of a ``grpc.aio`` stream as results; grpc.aio cancels the call when the request
    iterator fails, so a failure of ``feed`` (a bad input item) is raised instead of CANCELLED."""
    try:
        async for response in call:
            yield convert(response)
    except grpc.RpcError as err:
        raise (feed.error or from_rpc_error(err)) from err
    except asyncio.CancelledError as err:
        if feed.error is None:
            raise
        raise feed.error from err
    finally:
        call.cancel()
