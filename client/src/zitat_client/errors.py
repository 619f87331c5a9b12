"""Exceptions of the zitat client, one per gRPC status code that callers act on differently.

Callers catch :class:`InvalidArgument` (fix the input), :class:`Unavailable` (retry later or
elsewhere) and :class:`DeadlineExceeded` (raise the timeout) instead of inspecting
``grpc.RpcError.code()``. Field violations of INVALID_ARGUMENT come from the rich status
(``google.rpc.BadRequest`` in the ``grpc-status-details-bin`` trailer) when ``grpcio-status``
is installed; it is optional, so without it only the status message is kept.
"""

from __future__ import annotations

import dataclasses

import grpc

try:  # optional: grpcio-status brings googleapis-common-protos
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status
except ImportError:  # pragma: no cover - depends on the environment
    rpc_status = None
    error_details_pb2 = None


@dataclasses.dataclass(frozen=True)
class FieldViolation:
    """One invalid request field, e.g. ``document.text``, and why."""

    field: str
    description: str


class ZitatError(Exception):
    """A call to the zitat server failed; ``code`` is the gRPC status code."""

    def __init__(
        self,
        message: str,
        *,
        code: grpc.StatusCode = grpc.StatusCode.UNKNOWN,
        field_violations: tuple[FieldViolation, ...] = (),
        document_id: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field_violations = field_violations
        self.document_id = document_id
        #: Seconds after which the server expects a retry to be accepted (``google.rpc.RetryInfo``).
        self.retry_after = retry_after

    def __str__(self) -> str:
        text = f"{self.code.name}: {self.message}"
        if self.document_id:
            text = f"document {self.document_id!r}: {text}"
        for v in self.field_violations:
            text += f"\n  {v.field}: {v.description}"
        return text


class InvalidArgument(ZitatError):
    """The request was rejected; see ``field_violations`` for which field and why."""


class NotFound(ZitatError):
    """The requested model or resource does not exist."""


class Unavailable(ZitatError):
    """Server unreachable, still loading or draining; retrying later may succeed."""


class DeadlineExceeded(ZitatError):
    """The call did not finish within its timeout (retries included)."""


class ResourceExhausted(ZitatError):
    """Server overloaded (see ``retry_after``), claim store full, or message too large."""


class Unauthenticated(ZitatError):
    """Missing or invalid credentials."""


class PermissionDenied(ZitatError):
    """Credentials valid but not allowed to call this method."""


class Cancelled(ZitatError):
    """The call was cancelled (by the client or the server)."""


class Unimplemented(ZitatError):
    """The server does not offer this method (older server version?)."""


class ServerError(ZitatError):
    """An internal error of the server (INTERNAL, UNKNOWN, DATA_LOSS)."""


_BY_CODE: dict[grpc.StatusCode, type[ZitatError]] = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.OUT_OF_RANGE: InvalidArgument,
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhausted,
    grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
    grpc.StatusCode.PERMISSION_DENIED: PermissionDenied,
    grpc.StatusCode.CANCELLED: Cancelled,
    grpc.StatusCode.UNIMPLEMENTED: Unimplemented,
    grpc.StatusCode.INTERNAL: ServerError,
    grpc.StatusCode.UNKNOWN: ServerError,
    grpc.StatusCode.DATA_LOSS: ServerError,
}

_CODE_BY_NUMBER: dict[int, grpc.StatusCode] = {c.value[0]: c for c in grpc.StatusCode}


def _error(code: grpc.StatusCode, message: str, **kwargs: object) -> ZitatError:
    return _BY_CODE.get(code, ZitatError)(message, code=code, **kwargs)  # type: ignore[arg-type]


def _has_status(err: grpc.RpcError) -> bool:
    # grpc.aio.AioRpcError is no grpc.Call but offers the same code/details/trailers methods.
    return all(callable(getattr(err, name, None)) for name in ("code", "details", "trailing_metadata"))


def _details(err: grpc.RpcError) -> tuple[tuple[FieldViolation, ...], float | None]:
    """Field violations (``google.rpc.BadRequest``) and the retry delay (``google.rpc.RetryInfo``)."""
    if rpc_status is None:
        return (), None
    try:
        status = rpc_status.from_call(err)
    except ValueError:  # trailer inconsistent with the status: ignore the details
        return (), None
    if status is None:
        return (), None
    violations: list[FieldViolation] = []
    retry_after = None
    for detail in status.details:
        bad_request = error_details_pb2.BadRequest()
        retry = error_details_pb2.RetryInfo()
        if detail.Unpack(bad_request):
            violations += [FieldViolation(v.field, v.description) for v in bad_request.field_violations]
        elif detail.Unpack(retry):
            retry_after = retry.retry_delay.ToTimedelta().total_seconds()
    return tuple(violations), retry_after


def from_rpc_error(err: grpc.RpcError) -> ZitatError:
    """Map a failed call (sync ``grpc.RpcError`` or ``grpc.aio.AioRpcError``) to a ZitatError."""
    if not _has_status(err):  # raised without a status, e.g. by an interceptor
        return ZitatError(str(err))
    code = err.code() or grpc.StatusCode.UNKNOWN  # type: ignore[attr-defined]
    details = err.details() or ""  # type: ignore[attr-defined]
    violations, retry_after = _details(err)
    return _error(code, details, field_violations=violations, retry_after=retry_after)


def from_document_error(code: int, message: str, field: str = "", document_id: str = "") -> ZitatError:
    """Map the per-document error of a streamed response (a ``DocumentError``: google.rpc.Code
    number, message, offending field) to the same exception classes."""
    status = _CODE_BY_NUMBER.get(code, grpc.StatusCode.UNKNOWN)
    violations = (FieldViolation(field, message),) if field else ()
    return _error(status, message, field_violations=violations, document_id=document_id)
