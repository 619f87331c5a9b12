"""The one server interceptor: authentication, decoding, metrics and the catch-all for errors.

Every method passes here (health included, for metrics; it needs no token). Requests are
decoded here rather than by grpc, so that bytes which are no valid message (invalid UTF-8 in
a string field, say) are INVALID_ARGUMENT instead of grpc's INTERNAL "Exception deserializing
request!". A behaviour may be
a coroutine, an async generator, or a plain function or generator (the ClaimService's unary
methods, which the asyncio server runs in its thread pool); the wrapper keeps its kind. An
exception that is no status ends the call as INTERNAL "internal error": the text of library
and database errors stays in the log.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable
from typing import Any

import grpc

from zitat_server.serving.auth import AuthError, TokenTable, required_scope
from zitat_server.serving.metrics import Metrics

log = logging.getLogger(__name__)

_KINDS = {
    "unary_unary": ("unary", grpc.unary_unary_rpc_method_handler),
    "unary_stream": ("server_stream", grpc.unary_stream_rpc_method_handler),
    "stream_unary": ("client_stream", grpc.stream_unary_rpc_method_handler),
    "stream_stream": ("bidi_stream", grpc.stream_stream_rpc_method_handler),
}
INTERNAL = "internal error"
UNDECODABLE = "the request cannot be decoded (is every string valid UTF-8?)"


class _Undecodable(Exception):
    """A request's bytes are no valid message."""


def _decoder(decode: Callable | None) -> Callable:
    def decoded(raw: Any) -> Any:
        try:
            return decode(raw) if decode is not None else raw
        except Exception as exc:
            raise _Undecodable from exc

    return decoded


async def _decoded_stream(requests: Any, decode: Callable) -> Any:
    async for raw in requests:
        yield decode(raw)


def _decoded_sync_stream(requests: Any, decode: Callable) -> Any:
    for raw in requests:
        yield decode(raw)


def _code_of(context: Any, error: BaseException | None) -> grpc.StatusCode:
    code = context.code() if hasattr(context, "code") else None
    if isinstance(code, grpc.StatusCode):
        return code
    if isinstance(code, int):  # some contexts keep the number
        return next((c for c in grpc.StatusCode if c.value[0] == code), grpc.StatusCode.UNKNOWN)
    if error is None:
        return grpc.StatusCode.OK
    if isinstance(error, grpc.RpcError) and hasattr(error, "code"):
        return error.code()
    if type(error).__name__ == "CancelledError":
        remaining = context.time_remaining() if hasattr(context, "time_remaining") else None
        return grpc.StatusCode.DEADLINE_EXCEEDED if remaining is not None and remaining <= 0 else \
            grpc.StatusCode.CANCELLED
    return grpc.StatusCode.INTERNAL


def _is_status(error: BaseException) -> bool:
    """An abort (grpc's own exception carrying the status already set)."""
    return isinstance(error, grpc.aio.AbortError) or type(error).__name__ in ("AbortError", "_AbortError") or \
        isinstance(error, grpc.RpcError)


class _SyncContext:
    """grpc.aio runs plain (non-async) handlers with a context that has no ``abort_with_status``
    and no ``code()``; this adds both, so the same servicer code runs on either server."""

    def __init__(self, context: Any) -> None:
        self._context = context
        self._code: grpc.StatusCode | None = None

    def abort(self, code: grpc.StatusCode, details: str = "", trailing_metadata: Any = ()) -> None:
        self._code = code
        self._context.abort(code, details, trailing_metadata)

    def abort_with_status(self, status: grpc.Status) -> None:
        self.abort(status.code, status.details, status.trailing_metadata)

    def code(self) -> grpc.StatusCode | None:
        return self._code

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)


class ServingInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, tokens: TokenTable | None, metrics: Metrics | None) -> None:
        self.tokens = tokens
        self.metrics = metrics

    async def intercept_service(self, continuation: Callable, details: grpc.HandlerCallDetails) -> Any:
        handler = await continuation(details)
        if handler is None:
            return None
        kind = next(k for k in _KINDS if getattr(handler, k) is not None)
        method = details.method
        refusal: AuthError | None = None
        if self.tokens is not None:
            header = next((v for k, v in (details.invocation_metadata or ()) if k == "authorization"), None)
            try:
                self.tokens.authorize(header if isinstance(header, str) else None, required_scope(method))
            except AuthError as err:
                refusal = err
        behaviour = getattr(handler, kind)
        wrapped = self._wrap(behaviour, kind, method, refusal, _decoder(handler.request_deserializer))
        make = _KINDS[kind][1]
        return make(wrapped, request_deserializer=None, response_serializer=handler.response_serializer)

    def _wrap(self, behaviour: Callable, kind: str, method: str, refusal: AuthError | None,
              decode: Callable) -> Callable:
        service, _, name = method.lstrip("/").partition("/")
        labels = (_KINDS[kind][0], service, name)
        metrics = self.metrics
        streaming = kind.endswith("stream")
        request_stream = kind.startswith("stream")

        def arguments(request: Any) -> Any:
            """The request decoded, or the request stream decoding as it is read."""
            if not request_stream:
                return decode(request)
            if hasattr(request, "__aiter__"):
                return _decoded_stream(request, decode)
            return _decoded_sync_stream(request, decode)

        def begin() -> float:
            if metrics is not None:
                metrics.started.labels(*labels).inc()
                metrics.in_flight.labels(service).inc()
            return time.perf_counter()

        def end(started: float, context: Any, error: BaseException | None) -> None:
            if metrics is None:
                return
            code = _code_of(context, error)
            metrics.in_flight.labels(service).dec()
            metrics.handled.labels(*labels, code.name).inc()
            metrics.handling.labels(*labels).observe(time.perf_counter() - started)
            if code == grpc.StatusCode.RESOURCE_EXHAUSTED:
                metrics.refused.inc()

        def refused_code() -> grpc.StatusCode:
            assert refusal is not None
            return grpc.StatusCode.PERMISSION_DENIED if refusal.permission else grpc.StatusCode.UNAUTHENTICATED

        if inspect.iscoroutinefunction(behaviour) or inspect.isasyncgenfunction(behaviour):
            if streaming:
                async def stream_wrapper(request: Any, context: Any):
                    started, error = begin(), None
                    try:
                        if refusal is not None:
                            await context.abort(refused_code(), str(refusal))
                        async for response in behaviour(arguments(request), context):
                            yield response
                    except BaseException as exc:
                        error = exc
                        if _is_status(exc) or type(exc).__name__ in ("CancelledError", "GeneratorExit"):
                            raise
                        if isinstance(exc, _Undecodable):
                            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, UNDECODABLE)
                        log.exception("%s failed", method)
                        await context.abort(grpc.StatusCode.INTERNAL, INTERNAL)
                    finally:
                        end(started, context, error)

                return stream_wrapper

            async def unary_wrapper(request: Any, context: Any):
                started, error = begin(), None
                try:
                    if refusal is not None:
                        await context.abort(refused_code(), str(refusal))
                    return await behaviour(arguments(request), context)
                except BaseException as exc:
                    error = exc
                    if _is_status(exc) or type(exc).__name__ == "CancelledError":
                        raise
                    if isinstance(exc, _Undecodable):
                        await context.abort(grpc.StatusCode.INVALID_ARGUMENT, UNDECODABLE)
                    log.exception("%s failed", method)
                    await context.abort(grpc.StatusCode.INTERNAL, INTERNAL)
                finally:
                    end(started, context, error)

            return unary_wrapper

        # Plain functions and generators: run by the server's thread pool with a sync context.
        if streaming:
            def sync_stream_wrapper(request: Any, context: Any):
                context = _SyncContext(context)
                started, error = begin(), None
                try:
                    if refusal is not None:
                        context.abort(refused_code(), str(refusal))
                    yield from behaviour(arguments(request), context)
                except BaseException as exc:
                    error = exc
                    if _is_status(exc) or isinstance(exc, GeneratorExit):
                        raise
                    if isinstance(exc, _Undecodable):
                        context.abort(grpc.StatusCode.INVALID_ARGUMENT, UNDECODABLE)
                    log.exception("%s failed", method)
                    context.abort(grpc.StatusCode.INTERNAL, INTERNAL)
                finally:
                    end(started, context, error)

            return sync_stream_wrapper

        def sync_wrapper(request: Any, context: Any):
            context = _SyncContext(context)
            started, error = begin(), None
            try:
                if refusal is not None:
                    context.abort(refused_code(), str(refusal))
                return behaviour(arguments(request), context)
            except BaseException as exc:
                error = exc
                if _is_status(exc):
                    raise
                if isinstance(exc, _Undecodable):
                    context.abort(grpc.StatusCode.INVALID_ARGUMENT, UNDECODABLE)
                log.exception("%s failed", method)
                context.abort(grpc.StatusCode.INTERNAL, INTERNAL)
            finally:
                end(started, context, error)

        return sync_wrapper
