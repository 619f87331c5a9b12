"""Deadlines, cancellation and shutdown with real processes; a pipeline with known timing
(tests/slow_pipeline.py) makes a request take as long as the test needs."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_proto.v1 import quotes_pb2_grpc as pb_grpc
from zitat_server.serving.launch import ServerStartError, running_server

SLOW = ("--pipeline", "slow_pipeline:build")
LONG = "steps=400 step=0.05"  # 20 s unless stopped


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_gone(pids: set[int], timeout: float = 30) -> set[int]:
    deadline = time.monotonic() + timeout
    while (left := {p for p in pids if alive(p)}) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def request(text: str, id: str = "") -> pb.ExtractQuotesRequest:
    return pb.ExtractQuotesRequest(document=pb.Document(id=id, text=text))


def test_a_passed_deadline_stops_the_work(tmp_path):
    """A 50 ms deadline got DEADLINE_EXCEEDED while the server worked 35 s more on it."""
    with running_server(*SLOW, "--store", str(tmp_path / "c.db")) as (target, _proc), \
            grpc.insecure_channel(target) as channel:
        stub = pb_grpc.QuoteServiceStub(channel)
        for _ in range(3):
            with pytest.raises(grpc.RpcError) as info:
                stub.ExtractQuotes(request(LONG), timeout=0.3)
            assert info.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        # Three 20-second jobs were abandoned; one worker answers the next call at once.
        answer = stub.ExtractQuotes(request("quick"), timeout=15)
        assert answer.timing.queue_ms < 15_000


def test_sigterm_finishes_a_stream_in_flight_and_refuses_new_calls(tmp_path):
    """SIGTERM once cut a 300-document stream after 22 answers."""
    with running_server(*SLOW, "--store", str(tmp_path / "c.db")) as (target, proc), \
            grpc.insecure_channel(target) as channel:
        stub = pb_grpc.QuoteServiceStub(channel)
        health = health_pb2_grpc.HealthStub(channel)
        documents = (request("steps=1 step=0.01", str(i)) for i in range(300))
        answers = stub.ExtractQuotesStream(documents, timeout=120)
        got = [next(answers) for _ in range(5)]
        workers = children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        with contextlib.suppress(grpc.RpcError):  # NOT_SERVING, or already refused as a new call
            while health.Check(health_pb2.HealthCheckRequest(), timeout=5).status == \
                    health_pb2.HealthCheckResponse.SERVING:
                time.sleep(0.01)
        with grpc.insecure_channel(target) as fresh, pytest.raises(grpc.RpcError) as refused:
            pb_grpc.QuoteServiceStub(fresh).ExtractQuotes(request("quick"), timeout=10)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
        got += list(answers)
        assert [a.document_id for a in got] == [str(i) for i in range(300)]
        assert not any(a.HasField("error") for a in got)
        assert proc.wait(timeout=30) == 0
        assert not wait_gone(workers)


def test_sigterm_with_a_long_call_exits_after_the_grace(tmp_path):
    """The process stayed alive 20-60 s after SIGTERM while a request ran."""
    with running_server(*SLOW, "--grace", "1", "--store", str(tmp_path / "c.db")) as (target, proc), \
            grpc.insecure_channel(target) as channel:
        stub = pb_grpc.QuoteServiceStub(channel)
        outcome: list[BaseException] = []

        def call() -> None:
            try:
                stub.ExtractQuotes(request(LONG), timeout=60)
            except grpc.RpcError as err:
                outcome.append(err)

        caller = threading.Thread(target=call)
        caller.start()
        while not (workers := children(proc.pid)):
            time.sleep(0.01)
        time.sleep(0.5)  # the call is running in a worker
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0  # 1 s of grace, then the call is cancelled and the worker stopped
        caller.join(20)
        assert outcome and outcome[0].code() in (grpc.StatusCode.CANCELLED, grpc.StatusCode.UNAVAILABLE)
        assert not wait_gone(workers)


def test_workers_die_with_a_killed_front_end(tmp_path):
    with running_server(*SLOW, "--workers", "2", "--store", str(tmp_path / "c.db")) as (_target, proc):
        workers = children(proc.pid)
        assert len(workers) >= 2
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        assert not wait_gone(workers)



def test_a_pipeline_that_cannot_load_stops_the_server(tmp_path):
    with pytest.raises(ServerStartError, match="while loading the pipeline"), \
            running_server("--pipeline", "no_such_module:build", "--store", str(tmp_path / "c.db"), timeout=60):
        pass


def test_sigterm_while_the_workers_load_exits_at_once(tmp_path):
    log = tmp_path / "log"
    cmd = [sys.executable, "-m", "zitat_server.serving.main", "--host", "127.0.0.1", "--port", "0",
           "--pipeline", "slow_pipeline:slow_start", "--store", str(tmp_path / "c.db")]
    with log.open("w+b") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        try:
            while b"listening on" not in log.read_bytes():
                assert proc.poll() is None, log.read_text()
                time.sleep(0.05)
            while not (workers := children(proc.pid)):
                time.sleep(0.05)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0, log.read_text()  # not after the minute of loading
            assert not wait_gone(workers)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
