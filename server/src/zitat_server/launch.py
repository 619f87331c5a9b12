"""Start a real ``zitat-server`` subprocess on a free local port and wait until it is SERVING.

Used by the tests, the benchmarks and anyone embedding the service in another program.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc


@contextmanager
def running_server(*args: str, timeout: float = 120.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield ``("127.0.0.1:PORT", process)`` once the server reports SERVING; stop it after."""
    cmd = [sys.executable, "-m", "zitat_server.main", "--host", "127.0.0.1", "--port", "0", *args]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        port = None
        deadline = time.monotonic() + timeout
        assert proc.stderr is not None
        while port is None:
            line = proc.stderr.readline()
            if not line:
                raise RuntimeError(f"server exited with {proc.wait()} before listening")
            m = re.search(r"listening on .*:(\d+)$", line.strip())
            if m:
                port = int(m.group(1))
            if time.monotonic() > deadline:
                raise TimeoutError("server did not start")
        target = f"127.0.0.1:{port}"
        with grpc.insecure_channel(target) as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            while stub.Check(health_pb2.HealthCheckRequest(), timeout=10).status != 1:
                if time.monotonic() > deadline:
                    raise TimeoutError("server never became SERVING")
                time.sleep(0.05)
        yield target, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
