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

_LISTENING = re.compile(r"listening on .*:(\d+)$", re.M)
_WEB = re.compile(r"web page and JSON API on http://.*:(\d+)/$", re.M)


class ServerStartError(RuntimeError):
    """The server exited or did not become SERVING in time; the message ends with its log."""


def _log_tail(log) -> str:
    log.seek(0)
    return log.read().decode(errors="replace")[-4000:]


def _wait_port(proc: subprocess.Popen, log, deadline: float) -> int:
    while True:
        log.seek(0)
        m = _LISTENING.search(log.read().decode(errors="replace"))
        if m:
            return int(m.group(1))
        if proc.poll() is not None:
            raise ServerStartError(f"server exited with {proc.returncode}:\n{_log_tail(log)}")
        if time.monotonic() > deadline:
            raise ServerStartError(f"server did not listen in time:\n{_log_tail(log)}")
        time.sleep(0.05)


def wait_serving(target: str, deadline: float, proc: subprocess.Popen | None = None) -> None:
    """Poll grpc.health.v1 until the server at ``target`` reports SERVING."""
    with grpc.insecure_channel(target) as channel:
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


def stop(proc: subprocess.Popen, grace: float = 15.0) -> None:
    """SIGTERM (the server drains), then SIGKILL after ``grace`` seconds."""
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
def running_endpoints(*args: str, timeout: float = 180.0) -> Iterator[Endpoints]:
    """Yield the endpoints once the server reports SERVING; stop it after."""
    cmd = [sys.executable, "-m", "zitat_server.serving.main", "--host", "127.0.0.1", "--port", "0", *args]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            deadline = time.monotonic() + timeout
            target = f"127.0.0.1:{_wait_port(proc, log, deadline)}"
            wait_serving(target, deadline, proc)
            log.seek(0)
            web = _WEB.search(log.read().decode(errors="replace"))  # printed before the gRPC line
            yield Endpoints(target, f"http://127.0.0.1:{web.group(1)}" if web else None, proc)
        finally:
            stop(proc)


@contextmanager
def running_server(*args: str, timeout: float = 180.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield ``("127.0.0.1:PORT", process)`` once the server reports SERVING; stop it after."""
    with running_endpoints(*args, timeout=timeout) as started:
        yield started.target, started.proc
