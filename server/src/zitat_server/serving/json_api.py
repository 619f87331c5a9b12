"""The JSON mapping of the gRPC API, in the shape grpc-gateway gives it.

A route names an HTTP verb and path, the RPC it calls and where the request message comes
from (path parameters, query parameters, the body). The request is built with protobuf's
JSON mapping (``google.protobuf.json_format``: camelCase names, int64 as strings, RFC 3339
timestamps) and sent to the running gRPC service over a channel, like any other client:
authentication, validation and admission are the service's, so the JSON API answers exactly
what gRPC answers. Failures come back as the ``google.rpc.Status`` in JSON (with its details,
e.g. ``BadRequest`` field violations) under the HTTP code grpc-gateway maps the gRPC code to.

Streaming RPCs take newline-delimited JSON request messages (or one JSON array of them) and
answer with newline-delimited ``{"result": …}`` lines; an error after the first answer ends the
stream with an ``{"error": …}`` line, as grpc-gateway does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote

import grpc
from google.protobuf import json_format, message_factory
from google.protobuf.descriptor import FieldDescriptor, MethodDescriptor
from google.protobuf.message import Message
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2
from grpc_status import rpc_status
from zitat_proto.v1 import claims_pb2, quotes_pb2

#: Seconds a JSON call may take before the gateway gives up (DEADLINE_EXCEEDED, 504).
CALL_TIMEOUT_S = 120.0

#: gRPC code -> HTTP status, as grpc-gateway's runtime.HTTPStatusFromCode.
HTTP_STATUS = {
    grpc.StatusCode.OK: 200,
    grpc.StatusCode.CANCELLED: 499,
    grpc.StatusCode.UNKNOWN: 500,
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.UNAUTHENTICATED: 401,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.FAILED_PRECONDITION: 400,
    grpc.StatusCode.ABORTED: 409,
    grpc.StatusCode.OUT_OF_RANGE: 400,
    grpc.StatusCode.UNIMPLEMENTED: 501,
    grpc.StatusCode.INTERNAL: 500,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DATA_LOSS: 500,
}

_QUOTES = quotes_pb2.DESCRIPTOR.services_by_name["QuoteService"]
_CLAIMS = claims_pb2.DESCRIPTOR.services_by_name["ClaimService"]
_HEALTH = health_pb2.DESCRIPTOR.services_by_name["Health"]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARAM = re.compile(r"\{(\w+)(=\*\*)?\}")
# Forwarded as gRPC metadata: the credentials, and grpc-gateway's explicit metadata prefix.
_METADATA_PREFIX = "grpc-metadata-"


def _speaker_param(value: str) -> str:
    """``speaker=12`` is a store id, ``speaker=Umjerow`` a name."""
    return "speaker_id" if value.isdigit() else "speaker_name"


@dataclass(slots=True)
class Route:
    """One HTTP binding of an RPC. ``template`` names path parameters as ``{field}`` (one path
    segment) or ``{field=**}`` (the rest of the path); ``body`` says the body is the request
    message (grpc-gateway's ``body: "*"``); ``aliases`` are short query names."""

    verb: str
    template: str
    method: MethodDescriptor
    body: bool = False
    aliases: Mapping[str, Callable[[str], str]] = field(default_factory=dict)
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        regex = ""
        pos = 0
        for m in _PARAM.finditer(self.template):
            regex += re.escape(self.template[pos : m.start()])
            regex += f"(?P<{m.group(1)}>{'.+' if m.group(2) else '[^/]+'})"
            pos = m.end()
        self.pattern = re.compile(regex + re.escape(self.template[pos:]) + "$")

    @property
    def rpc_path(self) -> str:
        return f"/{self.method.containing_service.full_name}/{self.method.name}"

    @property
    def streaming(self) -> bool:
        return self.method.client_streaming or self.method.server_streaming


def _alias(name: str) -> Callable[[str], str]:
    return lambda _value: name


ROUTES: tuple[Route, ...] = (
    Route("POST", "/v1/extract", _QUOTES.methods_by_name["ExtractQuotes"], body=True),
    Route("POST", "/v1/extract:stream", _QUOTES.methods_by_name["ExtractQuotesStream"], body=True),
    Route("GET", "/v1/model-info", _QUOTES.methods_by_name["GetModelInfo"]),
    Route("POST", "/v1/documents:ingest", _CLAIMS.methods_by_name["IngestDocuments"], body=True),
    Route("DELETE", "/v1/documents/{document_id=**}", _CLAIMS.methods_by_name["DeleteDocument"]),
    Route("GET", "/v1/speakers", _CLAIMS.methods_by_name["ListSpeakers"], aliases={"q": _alias("name_contains")}),
    Route("GET", "/v1/speakers/{speaker_id}", _CLAIMS.methods_by_name["GetSpeaker"]),
    Route("POST", "/v1/speakers/{target_speaker_id}:merge", _CLAIMS.methods_by_name["MergeSpeakers"], body=True),
    Route("POST", "/v1/speakers/{speaker_id}:split", _CLAIMS.methods_by_name["SplitSpeaker"], body=True),
    Route(
        "GET",
        "/v1/claims",
        _CLAIMS.methods_by_name["SearchClaims"],
        aliases={"q": _alias("query"), "speaker": _speaker_param},
    ),
    Route("GET", "/v1/claims/{claim_id}/cluster", _CLAIMS.methods_by_name["GetClaimCluster"]),
    Route("GET", "/v1/health", _HEALTH.methods_by_name["Check"]),
)


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer: a whole JSON body, or (``stream``) newline-delimited JSON lines."""

    status: int
    body: bytes = b""
    stream: Iterator[bytes] | None = None
    headers: tuple[tuple[str, str], ...] = ()


class BadJson(ValueError):
    """The HTTP request cannot become the RPC's request message; ``field`` names the culprit."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def _json(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()


def status_reply(http: int, status: status_pb2.Status, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(http, _json(json_format.MessageToDict(status)), headers=headers)


def error_reply(http: int, code: int, message: str, field: str = "") -> Reply:
    """A gateway-made error in the same shape as the service's (BadRequest when a field is named)."""
    status = status_pb2.Status(code=code, message=message)
    if field:
        status.details.add().Pack(
            error_details_pb2.BadRequest(
                field_violations=[error_details_pb2.BadRequest.FieldViolation(field=field, description=message)]
            )
        )
    return status_reply(http, status)


def rpc_error_status(err: grpc.RpcError) -> status_pb2.Status:
    """The call's google.rpc.Status with its details, or one made from its code and message."""
    try:
        status = rpc_status.from_call(err)  # type: ignore[arg-type]
    except ValueError:  # details that disagree with the call's code: trust the code
        status = None
    if status is None:
        status = status_pb2.Status(code=err.code().value[0], message=err.details() or "")  # type: ignore[attr-defined]
    return status


def _rpc_error_reply(err: grpc.RpcError) -> Reply:
    code = err.code()  # type: ignore[attr-defined]
    headers: tuple[tuple[str, str], ...] = ()
    if code == grpc.StatusCode.UNAUTHENTICATED:
        headers = (("WWW-Authenticate", "Bearer"),)
    return status_reply(HTTP_STATUS.get(code, 500), rpc_error_status(err), headers)


def _scalar(fd: FieldDescriptor, value: str) -> object:
    """A query value as the JSON value protobuf's JSON parser expects for the field."""
    if fd.message_type is not None and fd.message_type.full_name == "google.protobuf.Timestamp":
        return f"{value}T00:00:00Z" if _DATE.match(value) else value
    if fd.message_type is not None:
        raise BadJson(f"{fd.name} cannot be given as a query parameter", fd.name)
    if fd.type == FieldDescriptor.TYPE_BOOL:
        if value.lower() not in ("true", "false", "1", "0"):
            raise BadJson(f"{fd.name}: expected true or false, got {value!r}", fd.name)
        return value.lower() in ("true", "1")
    return value  # numbers as strings are valid protobuf JSON; enums by name or number


def _from_query(route: Route, request: Message, params: Iterable[tuple[str, str]]) -> dict[str, object]:
    fields = request.DESCRIPTOR.fields_by_name
    by_json = {fd.json_name: fd for fd in request.DESCRIPTOR.fields}
    values: dict[str, object] = {}
    for key, value in params:
        if key in route.aliases:
            key = route.aliases[key](value)
        fd = fields.get(key) or by_json.get(key)
        if fd is None:
            raise BadJson(f"unknown query parameter {key!r}", key)
        converted = _scalar(fd, value)
        if fd.is_repeated:
            values.setdefault(fd.json_name, []).append(converted)  # type: ignore[union-attr]
        else:
            values[fd.json_name] = converted
    return values


def _json_messages(body: bytes) -> list[object]:
    """A streaming body: newline-delimited (or concatenated) JSON objects, or one JSON array."""
    try:
        text = body.decode()
    except UnicodeDecodeError as err:
        raise BadJson(f"the body is not UTF-8: {err}") from err
    decoder = json.JSONDecoder()
    items: list[object] = []
    pos = 0
    try:
        while True:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos == len(text):
                break
            obj, pos = decoder.raw_decode(text, pos)
            items.extend(obj if isinstance(obj, list) else [obj])
    except json.JSONDecodeError as err:
        raise BadJson(f"the body is not JSON: {err}") from err
    return items


def _parse(cls: type[Message], obj: object, where: str = "") -> Message:
    if not isinstance(obj, dict):
        raise BadJson(f"{where or 'the body'} must be a JSON object")
    try:
        return json_format.ParseDict(obj, cls())
    except json_format.ParseError as err:
        raise BadJson(f"{where}{': ' if where else ''}{err}") from err


def build_requests(route: Route, path_params: Mapping[str, str], query: str, body: bytes) -> list[Message]:
    """The request message(s) of one HTTP request: path and query fields, then the body."""
    cls = message_factory.GetMessageClass(route.method.input_type)
    base = _from_query(route, cls(), parse_qsl(query, keep_blank_values=True))
    fields = cls.DESCRIPTOR.fields_by_name
    for name, raw in path_params.items():
        base[fields[name].json_name] = _scalar(fields[name], unquote(raw))
    if not route.body:
        if body.strip():
            raise BadJson(f"{route.verb} {route.template} takes no body")
        return [_parse(cls, base)]
    if route.method.client_streaming:
        return [_parse(cls, {**obj, **base} if isinstance(obj, dict) else obj, f"message {i}")
                for i, obj in enumerate(_json_messages(body))]
    if not body.strip():
        return [_parse(cls, base)]
    try:
        obj = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise BadJson(f"the body is not JSON: {err}") from err
    return [_parse(cls, {**obj, **base} if isinstance(obj, dict) else obj)]


def metadata(headers: Mapping[str, str]) -> list[tuple[str, str]]:
    """The HTTP headers forwarded to gRPC: ``Authorization`` and ``Grpc-Metadata-*``."""
    md = []
    for key, value in headers.items():
        k = key.lower()
        if k == "authorization":
            md.append((k, value))
        elif k.startswith(_METADATA_PREFIX) and len(k) > len(_METADATA_PREFIX):
            md.append((k[len(_METADATA_PREFIX) :], value))
    return md


class JsonApi:
    """Answers HTTP requests on ``/v1/…`` by calling the gRPC service over ``channel``."""

    def __init__(self, channel: grpc.Channel, timeout: float = CALL_TIMEOUT_S) -> None:
        self.timeout = timeout
        self._calls: dict[str, Callable] = {}
        for route in ROUTES:
            req = message_factory.GetMessageClass(route.method.input_type)
            resp = message_factory.GetMessageClass(route.method.output_type)
            kind = {
                (False, False): channel.unary_unary,
                (True, True): channel.stream_stream,
                (False, True): channel.unary_stream,
                (True, False): channel.stream_unary,
            }[(route.method.client_streaming, route.method.server_streaming)]
            self._calls[route.rpc_path] = kind(
                route.rpc_path, request_serializer=req.SerializeToString, response_deserializer=resp.FromString
            )

    @staticmethod
    def match(verb: str, path: str) -> tuple[Route, dict[str, str]] | Reply:
        """The route for ``verb path`` with its path parameters, or the 404/405 reply."""
        allowed = []
        for route in ROUTES:
            m = route.pattern.match(path)
            if m is None:
                continue
            if route.verb == verb:
                return route, m.groupdict()
            allowed.append(route.verb)
        if allowed:
            message = f"{verb} is not allowed on {path}; use {', '.join(allowed)}"
            return error_reply(405, code_pb2.UNIMPLEMENTED, message)
        return error_reply(404, code_pb2.NOT_FOUND, f"no API route {path}")

    def handle(
        self, route: Route, params: Mapping[str, str], query: str, body: bytes, headers: Mapping[str, str]
    ) -> Reply:
        """Call ``route``'s RPC with the request made of ``params`` (from :meth:`match`), the
        query and the body."""
        try:
            requests = build_requests(route, params, query, body)
        except BadJson as err:
            return error_reply(400, code_pb2.INVALID_ARGUMENT, str(err), err.field)
        call = self._calls[route.rpc_path]
        md = metadata(headers)
        try:
            if not route.streaming:
                return Reply(200, _json(_to_dict(call(requests[0], metadata=md, timeout=self.timeout))))
            answers = call(
                iter(requests) if route.method.client_streaming else requests[0], metadata=md, timeout=self.timeout
            )
            if not route.method.server_streaming:
                answers = iter([answers])
            first = next(answers, None)  # errors before the first answer get their own HTTP status
        except grpc.RpcError as err:
            return _rpc_error_reply(err)
        return Reply(200, stream=_lines(first, answers))


def _to_dict(msg: Message) -> dict:
    return json_format.MessageToDict(msg)


def _lines(first: Message | None, rest: Iterator[Message]) -> Iterator[bytes]:
    if first is None:
        return
    yield _json({"result": _to_dict(first)}) + b"\n"
    try:
        for msg in rest:
            yield _json({"result": _to_dict(msg)}) + b"\n"
    except grpc.RpcError as err:
        yield _json({"error": json_format.MessageToDict(rpc_error_status(err))}) + b"\n"
