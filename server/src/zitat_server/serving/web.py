"""The HTTP face of the server: the web page (static files) and the JSON API (``json_api``).

It runs next to the gRPC server and is a client of it (the grpc-gateway pattern): requests on
``/v1/…`` go to the gRPC service over a local channel, so authentication, validation and
admission control stay in one place. Python's ``http.server`` in a thread is enough here: the
work happens in the gRPC server, a gateway thread only waits on its call, and it adds no
dependency. Static files are read once at start (a few tens of kB) and served from memory.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import importlib.resources
import logging
import mimetypes
import socket
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import grpc
from google.rpc import code_pb2

from zitat_server.serving.json_api import JsonApi, Reply, error_reply

log = logging.getLogger(__name__)

# The page loads nothing from elsewhere; this makes the browser enforce it.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Refused bodies up to this size are read and dropped (see _Handler._discard).
_DRAIN_LIMIT = 64 << 20
_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".svg": "image/svg+xml"}


@dataclass(frozen=True, slots=True)
class StaticFile:
    body: bytes
    content_type: str
    etag: str
    gzipped: bytes | None = None  # for text, compressed once at start (the page is ~110 kB, ~35 kB gzipped)


def load_static() -> dict[str, StaticFile]:
    """URL path -> file, for every file of the package's ``static`` folder; ``/`` is the page."""
    root = importlib.resources.files("zitat_server.serving") / "static"
    files: dict[str, StaticFile] = {}

    def walk(folder, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
                continue
            body = entry.read_bytes()
            suffix = "." + entry.name.rpartition(".")[2]
            ctype = _TYPES.get(suffix) or mimetypes.guess_type(entry.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith("+xml"):
                ctype += "; charset=utf-8"
            packed = gzip.compress(body, mtime=0) if ctype.startswith(("text/", "image/svg")) else None
            etag = f'"{hashlib.sha256(body).hexdigest()[:20]}"'
            files[f"{prefix}{entry.name}"] = StaticFile(body, ctype, etag, packed)

    walk(root, "/static/")
    files["/"] = files["/static/index.html"]
    return files


def grpc_target(host: str, port: int) -> str:
    """Where the gateway reaches the gRPC server bound to ``host``: itself, on this machine."""
    h = host.strip("[]")
    if h in ("", "::", "0.0.0.0"):
        return f"localhost:{port}"
    return f"[{h}]:{port}" if ":" in h else f"{h}:{port}"


def http_port(requested: int | None, grpc_port: int) -> int | None:
    """The port to bind: ``None`` asks for the one after gRPC's (a free one when gRPC's was 0);
    ``0`` turns the HTTP server off (``None`` returned)."""
    if requested is None:
        return 0 if grpc_port == 0 else grpc_port + 1
    return None if requested == 0 else requested


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, handler, app: WebServer) -> None:
        h = host.strip("[]")
        self.address_family = socket.AF_INET6 if ":" in h else socket.AF_INET
        self.app = app
        super().__init__((h or "0.0.0.0", port), handler, bind_and_activate=False)
        if self.address_family == socket.AF_INET6:
            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)  # IPv4 too, like gRPC's [::]
        try:
            self.server_bind()
            self.server_activate()
        except OSError:
            self.server_close()
            raise


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "zitat-server"
    # Headers and body go out in separate writes; with Nagle's algorithm the body waits for the
    # client's delayed ACK on a kept-alive connection (~40 ms per answer; measured).
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # noqa: N802 (http.server's names)
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_PATCH(self) -> None:  # noqa: N802
        self._dispatch("PATCH")

    def _dispatch(self, verb: str) -> None:
        url = urlsplit(self.path)
        api = url.path.startswith("/v1/")
        try:
            reply = self._api(verb, url.path, url.query) if api else self._static(verb, url.path)
        except Exception:  # a bug here must still answer, in the API's error shape
            log.exception("%s %s failed", verb, url.path)
            self.close_connection = True
            reply = error_reply(500, code_pb2.INTERNAL, "internal error in the HTTP gateway")
        self._send(reply, head=verb == "HEAD")

    def _api(self, verb: str, path: str, query: str) -> Reply:
        app = self.server.app
        matched = JsonApi.match("GET" if verb == "HEAD" else verb, path)
        if isinstance(matched, Reply):
            self.close_connection = True  # a body, if any, stays unread
            return matched
        route, params = matched
        limit = app.max_body_bytes * (8 if route.method.client_streaming else 1)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            return error_reply(400, code_pb2.INVALID_ARGUMENT, "bad Content-Length")
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return error_reply(411, code_pb2.INVALID_ARGUMENT, "send the body with a Content-Length")
        if length > limit:
            self._discard(length)
            message = f"the request body is {length} bytes; the limit is {limit}"
            return error_reply(413, code_pb2.INVALID_ARGUMENT, message)
        body = self.rfile.read(length) if length else b""
        return app.api.handle(route, params, query, body, self.headers)

    def _discard(self, length: int) -> None:
        """Read a refused body, so that the client (which is still sending it) gets the answer;
        past a bound, close the connection instead."""
        if length > _DRAIN_LIMIT:
            self.close_connection = True
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 1 << 16))
            if not chunk:
                break
            length -= len(chunk)

    def _static(self, verb: str, path: str) -> Reply:
        f = self.server.app.files.get(path)
        if f is None or verb not in ("GET", "HEAD"):
            return Reply(404, b"not found\n", headers=(("Content-Type", "text/plain; charset=utf-8"),))
        headers = (
            ("Content-Type", f.content_type),
            ("ETag", f.etag),
            ("Cache-Control", "no-cache"),
            ("Vary", "Accept-Encoding"),
            ("Content-Security-Policy", _CSP),
        )
        if self.headers.get("If-None-Match") == f.etag:
            return Reply(304, headers=headers)
        if f.gzipped is not None and "gzip" in self.headers.get("Accept-Encoding", ""):
            return Reply(200, f.gzipped, headers=(*headers, ("Content-Encoding", "gzip")))
        return Reply(200, f.body, headers=headers)

    def _send(self, reply: Reply, head: bool) -> None:
        self.send_response(reply.status)
        names = {k.lower() for k, _ in reply.headers}
        for key, value in reply.headers:
            self.send_header(key, value)
        if "content-type" not in names:
            ctype = "application/x-ndjson" if reply.stream is not None else "application/json"
            self.send_header("Content-Type", ctype)
        self.send_header("X-Content-Type-Options", "nosniff")
        if reply.stream is None:
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if not head and reply.status != 304:
                self.wfile.write(reply.body)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in reply.stream:
            if not head:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")


class WebServer:
    """The HTTP server, its gRPC channel and its thread; ``close()`` ends all three."""

    def __init__(
        self,
        host: str,
        port: int,
        target: str,
        max_body_bytes: int,
        credentials: grpc.ChannelCredentials | None = None,
    ) -> None:
        self.max_body_bytes = max_body_bytes  # of one message; a stream may carry 8 times as much
        self.files = load_static()
        self.httpd = _Server(host, port, _Handler, self)  # first: a port in use fails before anything else starts
        options = [
            ("grpc.max_receive_message_length", 8 * max_body_bytes),
            ("grpc.max_send_message_length", 8 * max_body_bytes),
        ]
        # A gRPC port with TLS needs the credentials to reach it (its certificate's roots).
        self.channel = (
            grpc.secure_channel(target, credentials, options=options)
            if credentials is not None
            else grpc.insecure_channel(target, options=options)
        )
        self.api = JsonApi(self.channel)
        self.port: int = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="zitat-http", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.channel.close()


def start(
    host: str,
    requested_port: int | None,
    grpc_port: int,
    max_document_bytes: int,
    credentials: grpc.ChannelCredentials | None = None,
) -> WebServer | None:
    """Start the page and JSON API next to the gRPC server on ``grpc_port``, or nothing when
    ``requested_port`` is 0; print its address in the startup log (``launch`` reads it)."""
    port = http_port(requested_port, grpc_port)
    if port is None:
        return None
    # As the gRPC server's message limit: larger bodies would be refused there with a vaguer
    # error; a body a little over the document limit reaches the service, which names the field.
    max_body = 2 * max_document_bytes + (1 << 20)
    target = grpc_target(host, grpc_port)
    try:
        web = WebServer(host, port, target, max_body, credentials)
    except OSError as err:
        if requested_port is not None or err.errno != errno.EADDRINUSE:
            message = f"cannot serve the web page on {host}:{port}: {err.strerror} (--http-port 0 turns it off)"
            raise SystemExit(message) from err
        # Only the default port is taken: the page is an extra and must not stop the gRPC service.
        log.warning("port %d is taken; the web page and JSON API take a free port (set one with --http-port)", port)
        web = WebServer(host, 0, target, max_body, credentials)
    print(f"zitat-server web page and JSON API on http://{host}:{web.port}/", file=sys.stderr, flush=True)
    return web
