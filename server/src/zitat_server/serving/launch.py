"""Start a real ``zitat-server`` subprocess on a free local port and wait until it is SERVING.

Used by the tests, the benchmarks and anyone embedding the service in another program. The
server's output goes to a temporary file (an unread pipe would block it once full) and is
shown when the server fails to start.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

_LISTENING = re.compile(r"listening on .*:(\d+)(?: \(TLS\))?$", re.M)
_WEB = re.compile(r"web page and JSON API on http://.*:(\d+)/$", re.M)


class ServerStartError(RuntimeError):
    """The server exited or did not become SERVING in time; the message ends with its log."""


def _log_text(log) -> str:
    """The server's output so far. Read with ``pread``: the server writes through the same open
    file, so moving its offset (``seek``) would make the server's next line overwrite the start
    of the log (a "listening on" line was once lost that way)."""
    fd = log.fileno()
    return os.pread(fd, os.fstat(fd).st_size, 0).decode(errors="replace")


def _log_tail(log) -> str:
    return _log_text(log)[-4000:]


def _wait_port(proc: subprocess.Popen, log, deadline: float) -> int:
    while True:
        m = _LISTENING.search(_log_text(log))
        if m:
            return int(m.group(1))
        if proc.poll() is not None:
            raise ServerStartError(f"server exited with {proc.returncode}:\n{_log_tail(log)}")
        if time.monotonic() > deadline:
            raise ServerStartError(f"server did not listen in time:\n{_log_tail(log)}")
        time.sleep(0.05)


def _channel(target: str, credentials: grpc.ChannelCredentials | None) -> grpc.Channel:
    return grpc.secure_channel(target, credentials) if credentials else grpc.insecure_channel(target)


def wait_serving(target: str, deadline: float, proc: subprocess.Popen | None = None,
                 credentials: grpc.ChannelCredentials | None = None) -> None:
    """Poll grpc.health.v1 (which needs no token) until the server at ``target`` reports SERVING;
    ``credentials`` for a server with TLS."""
    with _channel(target, credentials) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while True:
            with contextlib.suppress(grpc.RpcError):
                if (
                    stub.Check(health_pb2.HealthCheckRequest(), timeout=5).status
                    == health_pb2.HealthCheckResponse.SERVING
                ):
                    return
            if proc is not None and proc.poll() is not None:
                raise ServerStartError(f"server exited with {proc.returncode}")
            if time.monotonic() > deadline:
                raise ServerStartError(f"server at {target} never became SERVING")
            time.sleep(0.05)


def stop(proc: subprocess.Popen, grace: float = 40.0) -> None:
    """SIGTERM (the server drains, 30 s at most by default), then SIGKILL after ``grace`` seconds."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass(frozen=True, slots=True)
class Endpoints:
    """A started server: its gRPC target, its web page's base URL (None when off), its process."""

    target: str
    http: str | None
    proc: subprocess.Popen


@contextmanager
def running_endpoints(*args: str, timeout: float = 180.0, credentials: grpc.ChannelCredentials | None = None,
                      host: str = "127.0.0.1", log_path: str | os.PathLike[str] | None = None,
                      ) -> Iterator[Endpoints]:
    """Yield the endpoints once the server reports SERVING; stop it after.

    ``credentials`` (TLS) are what the health check connects with; the server's own TLS flags
    go in ``args``. ``host`` is also the name the target uses (a certificate's name, say).
    ``log_path`` keeps the server's output in that file (else a temporary one).
    """
    cmd = [sys.executable, "-m", "zitat_server.serving.main", "--host", host, "--port", "0", *args]
    opened = open(log_path, "w+b") if log_path is not None else tempfile.TemporaryFile()  # noqa: SIM115
    with opened as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            deadline = time.monotonic() + timeout
            target = f"{host}:{_wait_port(proc, log, deadline)}"
            try:
                wait_serving(target, deadline, proc, credentials)
            except ServerStartError as err:
                raise ServerStartError(f"{err}:\n{_log_tail(log)}") from None
            web = _WEB.search(_log_text(log))  # printed before the gRPC line
            yield Endpoints(target, f"http://{host}:{web.group(1)}" if web else None, proc)
        finally:
            stop(proc)


@contextmanager
def running_server(*args: str, **kwargs) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield ``("HOST:PORT", process)`` once the server reports SERVING (see ``running_endpoints``)."""
    with running_endpoints(*args, **kwargs) as started:
        yield started.target, started.proc
