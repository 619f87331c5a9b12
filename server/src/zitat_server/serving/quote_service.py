"""The QuoteService front end: parse, validate, admit, dispatch to the pool, forward the answer.

Runs on the asyncio event loop and never runs the pipeline: requests reach the workers as the
bytes the client sent, responses come back serialised and are forwarded as they are (the
methods are registered with pass-through (de)serialisers). Parsing here only serves
validation, so an undecodable request (say, invalid UTF-8 in a string field) is an
INVALID_ARGUMENT and not grpc's INTERNAL "Exception deserializing request!".
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator

import grpc
from google.protobuf.message import DecodeError
from google.rpc import code_pb2
from grpc_status import rpc_status
from zitat_proto.v1 import quotes_pb2 as pb

from zitat_server.serving.pool import DeadlinePassed, Overloaded, WorkerFailed, WorkerPool
from zitat_server.serving.streams import ordered
from zitat_server.serving.wire import (
    InvalidDocument,
    bad_request_status,
    document_chars,
    document_error,
    internal_error,
    retry_status,
    validate,
)
from zitat_server.serving.worker import EXTRACT

log = logging.getLogger(__name__)

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["QuoteService"].full_name


def deadline_of(context: grpc.aio.ServicerContext, now: float) -> float | None:
    """The call's deadline on the ``time.monotonic()`` clock (the workers' clock too)."""
    remaining = context.time_remaining()
    return None if remaining is None else now + remaining


def parse_request(raw: bytes) -> pb.ExtractQuotesRequest:
    """Raises InvalidDocument for bytes that are no ExtractQuotesRequest."""
    try:
        return pb.ExtractQuotesRequest.FromString(raw)
    except DecodeError:
        raise InvalidDocument("document", "the request cannot be decoded (is every string valid UTF-8?)") from None


class QuoteService:
    """The zitat.v1.QuoteService methods; :meth:`handler` registers them with a grpc.aio server."""

    def __init__(self, pool: WorkerPool, max_document_bytes: int, model_info: pb.GetModelInfoResponse) -> None:
        self.pool = pool
        self.max_document_bytes = max_document_bytes
        self.model_info = model_info

    def handler(self) -> grpc.GenericRpcHandler:
        return grpc.method_handlers_generic_handler(
            SERVICE_NAME,
            {
                # No (de)serialisers: the behaviours take and return bytes.
                "ExtractQuotes": grpc.unary_unary_rpc_method_handler(self.ExtractQuotes),
                "ExtractQuotesStream": grpc.stream_stream_rpc_method_handler(self.ExtractQuotesStream),
                "GetModelInfo": grpc.unary_unary_rpc_method_handler(
                    self.GetModelInfo,
                    request_deserializer=pb.GetModelInfoRequest.FromString,
                    response_serializer=pb.GetModelInfoResponse.SerializeToString,
                ),
            },
        )

    async def ExtractQuotes(self, raw: bytes, context: grpc.aio.ServicerContext) -> bytes:  # noqa: N802 (gRPC's names)
        received = time.monotonic()
        if self.pool.first_ready is None:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "the server is loading the pipeline")
        try:
            request = parse_request(raw)
            validate(request.document, self.max_document_bytes)
        except InvalidDocument as err:
            await context.abort_with_status(rpc_status.to_status(bad_request_status(err)))
        deadline = deadline_of(context, received)
        chars = document_chars(request.document)
        try:
            self.pool.admit(deadline, chars)
        except Overloaded as err:
            await context.abort_with_status(
                rpc_status.to_status(retry_status(code_pb2.RESOURCE_EXHAUSTED, str(err), err.retry_after))
            )
        try:
            outcome = await self.pool.submit(EXTRACT, raw, chars, received, deadline)
        except DeadlinePassed as err:
            await context.abort(grpc.StatusCode.DEADLINE_EXCEEDED, str(err))
        except WorkerFailed as err:
            await context.abort(grpc.StatusCode.INTERNAL, f"internal error: {err}")
        return outcome.value  # type: ignore[return-value]

    async def ExtractQuotesStream(  # noqa: N802
        self, requests: AsyncIterator[bytes], context: grpc.aio.ServicerContext
    ) -> AsyncIterator[bytes]:
        """Documents are not refused for a full queue: a stream has at most a window of them in
        flight, and waiting is its back-pressure."""
        deadline = deadline_of(context, time.monotonic())
        if self.pool.first_ready is None:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "the server is loading the pipeline")

        async def one(i: int, raw: bytes) -> bytes:
            received = time.monotonic()
            request = pb.ExtractQuotesRequest()
            try:
                request = parse_request(raw)
                validate(request.document, self.max_document_bytes)
                outcome = await self.pool.submit(EXTRACT, raw, document_chars(request.document), received, deadline)
                return outcome.value  # type: ignore[return-value]
            except InvalidDocument as err:
                error = document_error(grpc.StatusCode.INVALID_ARGUMENT, f"documents[{i}]: {err}", err.field)
            except DeadlinePassed as err:
                error = document_error(grpc.StatusCode.DEADLINE_EXCEEDED, f"documents[{i}]: {err}")
            except WorkerFailed:
                log.warning("document %d (%r) of a stream failed", i, request.document.id)
                error = internal_error(f"documents[{i}]: internal error")
            return pb.ExtractQuotesResponse(
                document_id=request.document.id, request_id=request.request_id, error=error
            ).SerializeToString()

        async for response in ordered(requests, one, window=2 * self.pool.size):
            yield response

    async def GetModelInfo(self, request, context) -> pb.GetModelInfoResponse:  # noqa: N802
        return self.model_info


def model_info(infos: list, version: str, max_document_bytes: int) -> pb.GetModelInfoResponse:
    """``GetModelInfo``'s answer from the components a worker reported."""
    return pb.GetModelInfoResponse(
        pipeline_version=version,
        components=[
            pb.Component(
                name=c.name, version=c.version, kind=c.kind, description=c.description, license=c.license,
                scores=c.scores,
            )
            for c in infos
        ],
        max_document_bytes=max_document_bytes,
    )
