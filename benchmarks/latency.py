"""End-to-end latency and throughput of a zitat server through the Python client.

    python -m benchmarks.latency [--server HOST:PORT] [--docs N] [--duration S] [--rate R]
                                 [--workers W] [--pipeline NAME] [--baseline PIPELINE|none] [--json OUT]
    python -m benchmarks.latency --scaling    # 1 vs 2 workers, one channel, 8 in flight
    python -m benchmarks.latency --overload   # goodput at 2x and 4x capacity, open loop
    python -m benchmarks.latency --shapes     # adversarial input shapes: time per KB vs news

Follows gRPC's benchmark conventions: a warm-up, then measured windows of

* closed loop at concurrency 1 ("contentionless latency": one request outstanding) and 8
  (threads, each with its own request loop, sharing one :class:`zitat_client.Client`, i.e. one
  channel, as a real application would);
* open loop: Poisson arrivals at a fixed rate (default 70 % of the concurrency-1 throughput)
  on the asyncio client. Latency counts from the *scheduled* arrival, so a server that falls
  behind shows queueing instead of silently slowing the load (no coordinated omission).

Documents are the spkatt-news articles (train + unlabelled) rebuilt to running text with
:func:`zitat_client.taskformat.detokenize` and sent as raw text; "tokens" are the task's tokens
of each article. Without ``--server`` a server is started with
``python -m zitat_server.serving.main --host 127.0.0.1 ... --workers W`` (through
:func:`zitat_server.serving.launch.running_server`), awaited through grpc.health.v1 and stopped at the
end; then its peak RSS (VmHWM, summed over the server and its child processes) and CPU time
are reported too. Every loop is bounded by time and by ``--max-requests``.

The server is one asyncio front end and ``--workers`` pipeline processes; any worker serves
any request, so the one channel of this benchmark uses all of them.

The three extra runs (each starts its own servers):

* ``--scaling``: the same closed loop (one channel, 8 in flight) against a server with one
  worker, then one with two; their throughput ratio.
* ``--overload``: capacity (closed loop, one channel, ``--overload-concurrency`` in flight), then
  open-loop Poisson arrivals at 2x and 4x that rate with a ``--overload-deadline`` per request.
  Goodput counts the answers that arrived OK within their deadline, per second; refused calls
  (RESOURCE_EXHAUSTED) come back at once.
* ``--shapes``: one request at a time, each shape of :data:`SHAPES` at ``--shape-kb`` sizes next
  to real news of the same length: seconds, ms per KB, the ratio to news and the growth when
  the length doubles.

**Cost relative to the rules.** With a local server, a second one runs the ``--baseline``
pipeline (default ``rules-only``) and a *paired* window sends every article to both, one request
at a time, alternating which goes first: both see the same articles under the same machine
load, so the ratio of their latencies (mean, p50, p99, and p99 over articles of at most
``SHORT_TOKENS`` tokens) is stable even where the absolute figures drift with a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import itertools
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import google.protobuf
import grpc
from zitat_client import AsyncClient, Client, Extraction, ZitatError

from benchmarks.tokenizer import NEWS_DIRS, load_texts

BUCKET_TOKENS = 200  # length buckets are 200 tokens wide, centred on multiples of 200 (300–500 …)
SHORT_TOKENS = 1000  # the paired window's p99 ratio is also given for articles up to this length


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    tokens: int


@dataclass
class Sample:
    latency_ms: float
    tokens: int
    code: str  # "OK" or the gRPC status code name
    server_ms: float = 0.0  # the server's own queue + processing time


@dataclass
class Phase:
    """The outcome of one measured window."""

    name: str
    concurrency: int | None = None
    rate: float | None = None
    wall_s: float = 0.0
    client_cpu_s: float = 0.0
    server_cpu_s: float | None = None
    samples: list[Sample] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        ok = [s for s in self.samples if s.code == "OK"]
        latencies = sorted(s.latency_ms for s in ok)
        wall = self.wall_s or float("nan")
        out: dict[str, Any] = {
            "phase": self.name, "concurrency": self.concurrency, "rate": self.rate,
            "requests": len(self.samples), "ok": len(ok),
            "errors": dict(Counter(s.code for s in self.samples if s.code != "OK")),
            "wall_s": round(self.wall_s, 3),
            "articles_per_s": round(len(ok) / wall, 3),
            "tokens_per_s": round(sum(s.tokens for s in ok) / wall, 1),
            "latency_ms": {f"p{p:g}": round(percentile(latencies, p), 1) for p in (50, 90, 95, 99)},
            "server_time_ms_p50": round(percentile(sorted(s.server_ms for s in ok), 50), 1),
            "client_cpu_s": round(self.client_cpu_s, 2),
        }
        if self.server_cpu_s is not None:
            out["server_cpu_s"] = round(self.server_cpu_s, 2)
            out["server_cpu_ms_per_article"] = round(1000 * self.server_cpu_s / len(ok), 1) if ok else None
        return out


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); NaN when empty."""
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def length_buckets(samples: Sequence[Sample]) -> list[dict[str, Any]]:
    """p50 latency by article length; the bucket around 400 tokens is 300–500."""
    by_bucket: dict[int, list[float]] = {}
    for s in samples:
        if s.code == "OK":
            centre = round(s.tokens / BUCKET_TOKENS) * BUCKET_TOKENS
            by_bucket.setdefault(centre, []).append(s.latency_ms)
    return [
        {"tokens": f"{max(0, c - BUCKET_TOKENS // 2)}-{c + BUCKET_TOKENS // 2}", "n": len(v),
         "p50_ms": round(percentile(sorted(v), 50), 1)}
        for c, v in sorted(by_bucket.items())
    ]


def load_articles(n: int) -> list[Article]:
    """``n`` articles spread evenly over the (name-sorted) corpus, so all lengths occur."""
    texts = load_texts(NEWS_DIRS)
    if not texts:
        raise SystemExit(f"no articles found in {[str(d) for d in NEWS_DIRS]}")
    step = max(1, len(texts) // n) if n else 1
    return [Article(t.name, t.text, len(t.tokens)) for t in texts[::step][: n or None]]


# --- server process -----------------------------------------------------------------------------


def _process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo += children.get(p, [])
    return tree


def server_cpu_s(pid: int) -> float:
    """User + system CPU seconds of the server tree, including reaped children."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in _process_tree(pid):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / ticks


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of the process alone (the front end without its workers)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_peak_rss_mib(pid: int) -> dict[str, float]:
    """VmHWM (peak resident set) of each process of the server tree, and their sum, in MiB."""
    peaks: dict[str, float] = {}
    for p in _process_tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[str(p)] = round(int(line.split()[1]) / 1024, 1)
    return {"sum": round(sum(peaks.values()), 1), "processes": peaks}  # type: ignore[dict-item]


@contextlib.contextmanager
def local_server(workers: int, startup_timeout: float, pipeline: str = "default",
                 extra: Sequence[str] = ()) -> Iterator[tuple[str, int]]:
    """Start ``zitat_server.serving.main`` on 127.0.0.1; yield (target, pid) once it is SERVING."""
    from zitat_server.serving.launch import running_server

    with tempfile.TemporaryDirectory(prefix="zitat-bench-") as tmp:
        args = ["--workers", str(workers), "--store", str(Path(tmp) / "claims.sqlite"), "--pipeline", pipeline,
                *extra]
        with running_server(*args, timeout=startup_timeout) as (target, proc):
            tail: deque[str] = deque(maxlen=20)
            drain = threading.Thread(target=_drain, args=(proc, tail), daemon=True)
            drain.start()  # an unread stderr pipe would block the server once full
            try:
                yield target, proc.pid
            finally:
                if proc.poll() is not None:
                    print(f"server exited with {proc.returncode}; its last lines:", *tail, sep="\n",
                          file=sys.stderr)


def _drain(proc: subprocess.Popen[str], tail: deque[str]) -> None:
    with contextlib.suppress(ValueError, OSError):
        for line in proc.stderr or ():
            tail.append(line.rstrip())


# --- load generators ----------------------------------------------------------------------------


def _sample(start: float, article: Article, outcome: Extraction | ZitatError) -> Sample:
    latency_ms = (time.perf_counter() - start) * 1000
    if isinstance(outcome, ZitatError):
        return Sample(latency_ms, article.tokens, outcome.code.name)
    timing = outcome.timing
    server_ms = timing.queue_ms + timing.processing_ms if timing else 0.0
    return Sample(latency_ms, article.tokens, "OK", server_ms)


def closed_loop(client: Client, articles: Sequence[Article], concurrency: int, duration: float,
                max_requests: int) -> tuple[list[Sample], float]:
    """``concurrency`` threads, each sending its next article as soon as the last returned."""
    order = itertools.count()
    lock = threading.Lock()
    samples: list[Sample] = []
    deadline = time.perf_counter() + duration

    def loop() -> None:
        while time.perf_counter() < deadline:
            with lock:
                i = next(order)
            if i >= max_requests:
                return
            article = articles[i % len(articles)]
            start = time.perf_counter()
            try:
                outcome: Extraction | ZitatError = client.extract(article.text, id=article.name)
            except ZitatError as err:
                outcome = err
            sample = _sample(start, article, outcome)
            with lock:
                samples.append(sample)

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(loop) for _ in range(concurrency)]:
            future.result()
    return samples, time.perf_counter() - start


async def _open_loop(target: str, timeout: float, articles: Sequence[Article], rate: float,
                     duration: float, max_requests: int, seed: int) -> tuple[list[Sample], float]:
    rng = random.Random(seed)
    samples: list[Sample] = []
    async with AsyncClient(target, timeout=timeout) as client:

        async def one(article: Article, scheduled: float) -> None:
            try:
                outcome: Extraction | ZitatError = await client.extract(article.text, id=article.name)
            except ZitatError as err:
                outcome = err
            samples.append(_sample(scheduled, article, outcome))

        tasks = []
        start = time.perf_counter()
        arrival = start
        for i in range(max_requests):
            arrival += rng.expovariate(rate)
            if arrival - start > duration:
                break
            await asyncio.sleep(max(0.0, arrival - time.perf_counter()))
            tasks.append(asyncio.create_task(one(articles[i % len(articles)], arrival)))
        await asyncio.gather(*tasks)  # each bounded by the client's deadline
    return samples, time.perf_counter() - start


def paired(client: Client, baseline: Client, articles: Sequence[Article], duration: float,
           max_requests: int) -> tuple[list[Sample], list[Sample]]:
    """Each article to both servers in turn, one request at a time; who goes first alternates."""
    ours: list[Sample] = []
    theirs: list[Sample] = []
    deadline = time.perf_counter() + duration
    for i in range(max_requests):
        if time.perf_counter() >= deadline:
            break
        article = articles[i % len(articles)]
        pairs = [(client, ours), (baseline, theirs)]
        for target, samples in pairs if i % 2 == 0 else pairs[::-1]:
            start = time.perf_counter()
            try:
                outcome: Extraction | ZitatError = target.extract(article.text, id=article.name)
            except ZitatError as err:
                outcome = err
            samples.append(_sample(start, article, outcome))
    return ours, theirs


def ratios(ours: Sequence[Sample], theirs: Sequence[Sample]) -> dict[str, Any]:
    """Latency of the pipeline, of the baseline and their ratio, on the same requests."""

    def stats(samples: Sequence[Sample]) -> dict[str, float]:
        ok = sorted(s.latency_ms for s in samples if s.code == "OK")
        short = sorted(s.latency_ms for s in samples if s.code == "OK" and s.tokens <= SHORT_TOKENS)
        return {"mean": sum(ok) / len(ok) if ok else float("nan"), "p50": percentile(ok, 50),
                "p99": percentile(ok, 99), f"p99_le{SHORT_TOKENS}": percentile(short, 99)}

    a, b = stats(ours), stats(theirs)
    return {"requests": len(ours), "pipeline_ms": {k: round(v, 2) for k, v in a.items()},
            "baseline_ms": {k: round(v, 2) for k, v in b.items()},
            "ratio": {k: round(a[k] / b[k], 2) if b[k] else None for k in a}}


def measure(phase: Phase, server_pid: int | None, run: Any) -> Phase:
    """Run one window, recording wall time and client/server CPU around it."""
    cpu0, server0 = time.process_time(), server_cpu_s(server_pid) if server_pid else None
    phase.samples, phase.wall_s = run()
    phase.client_cpu_s = time.process_time() - cpu0
    if server_pid and server0 is not None:
        phase.server_cpu_s = server_cpu_s(server_pid) - server0
    return phase


# --- report -------------------------------------------------------------------------------------


def environment() -> dict[str, Any]:
    versions = {"python": platform.python_version(), "grpcio": grpc.__version__,
                "protobuf": google.protobuf.__version__}
    for dist in ("torch", "flair"):  # versions only: importing them here would cost seconds
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions[dist] = importlib.metadata.version(dist)
    return {"versions": versions, "cpu_count": os.cpu_count(), "cpus_usable": len(os.sched_getaffinity(0)),
            "machine": platform.machine(), "load_avg_1m": round(os.getloadavg()[0], 2)}


def print_report(result: dict[str, Any]) -> None:
    env = result["environment"]
    print(f"\n{' '.join(f'{k} {v}' for k, v in env['versions'].items())}; {env['cpus_usable']} of "
          f"{env['cpu_count']} CPUs usable; load {env['load_avg_1m']}; server {result['server']}")
    print(f"pipeline {result['pipeline_version']}; {result['articles']} articles, "
          f"mean {result['mean_tokens']:.0f} tokens")
    header = f"{'phase':<14}{'req':>6}{'err':>5}{'p50':>9}{'p90':>9}{'p95':>9}{'p99':>9}" \
             f"{'art/s':>8}{'tok/s':>9}{'srv p50':>9}{'srvCPU':>8}"
    print(header + "\n" + "-" * len(header))
    for s in result["phases"]:
        lat = s["latency_ms"]
        cpu = s.get("server_cpu_s")
        print(f"{s['phase']:<14}{s['requests']:>6}{sum(s['errors'].values()):>5}"
              + "".join(f"{lat[p]:>9.1f}" for p in ("p50", "p90", "p95", "p99"))
              + f"{s['articles_per_s']:>8.2f}{s['tokens_per_s']:>9.0f}{s['server_time_ms_p50']:>9.1f}"
              + (f"{cpu:>8.1f}" if cpu is not None else f"{'-':>8}"))
    print("latency in ms; srv p50 = server-reported queue+processing ms; srvCPU = server CPU s")
    errors = {k: v for s in result["phases"] for k, v in s["errors"].items()}
    if errors:
        print(f"errors: {errors}")
    print("p50 by length (concurrency 1): " + ", ".join(
        f"{b['tokens']} tok: {b['p50_ms']:.0f} ms (n={b['n']})" for b in result["by_length"]))
    if result.get("paired"):
        p = result["paired"]
        print(f"paired c=1 vs {p['baseline']} ({p['requests']} articles each, same articles, alternating):")
        for name, key in (("pipeline", "pipeline_ms"), (p["baseline"], "baseline_ms"), ("ratio", "ratio")):
            unit = "x" if key == "ratio" else " ms"
            print(f"  {name:<12}" + "".join(f"{k} {v}{unit}  " for k, v in p[key].items()))
    if result.get("server_peak_rss_mib"):
        print(f"server peak RSS (VmHWM, summed over processes): {result['server_peak_rss_mib']['sum']} MiB")


# --- 1 vs 2 workers -------------------------------------------------------------------------------


def run_scaling(args: argparse.Namespace) -> dict[str, Any]:
    """Throughput of one channel with 8 in flight against 1 worker, then 2 (same articles)."""
    articles = load_articles(args.docs)
    rows = []
    for workers in (1, 2):
        with local_server(workers, args.startup_timeout, args.pipeline) as (target, pid), \
                Client(target, timeout=args.timeout) as client:
            closed_loop(client, articles, 8, args.warmup, args.max_requests)
            front0 = process_cpu_s(pid)
            phase = measure(Phase(f"{workers} worker(s), c=8", concurrency=8), pid,
                            lambda c=client: closed_loop(c, articles, 8, args.duration, args.max_requests))
            front = process_cpu_s(pid) - front0
            # Per 1000 tokens, not per article: the two windows get through different articles.
            kilotokens = max(1, sum(s.tokens for s in phase.samples if s.code == "OK")) / 1000
            rows.append({"workers": workers, **phase.summary(), "front_end_cpu_s": round(front, 2),
                         "cpu_ms_per_1000_tokens": {
                             "workers": round(1000 * ((phase.server_cpu_s or 0) - front) / kilotokens, 1),
                             "front_end": round(1000 * front / kilotokens, 1),
                             "client": round(1000 * phase.client_cpu_s / kilotokens, 1)},
                         "server_peak_rss_mib": server_peak_rss_mib(pid)["sum"]})
    ratio = rows[1]["tokens_per_s"] / rows[0]["tokens_per_s"] if rows[0]["tokens_per_s"] else float("nan")
    # What two otherwise idle cores would give, from the CPU per 1000 tokens in each run: one
    # worker is bound by its own core (1 / W1); two workers, the front end and this client share
    # both (2 / (W2 + F + C)). A busy machine measures its own load, not the server.
    one, two = rows[0]["cpu_ms_per_1000_tokens"], rows[1]["cpu_ms_per_1000_tokens"]
    shared = two["workers"] + two["front_end"] + two["client"]
    projected = 2 * one["workers"] / shared if shared and one["workers"] else None
    print(f"\none channel, 8 in flight, pipeline {args.pipeline} ({len(articles)} articles, load "
          f"{os.getloadavg()[0]:.1f}):")
    for r in rows:
        lat, c = r["latency_ms"], r["cpu_ms_per_1000_tokens"]
        print(f"  {r['workers']} worker(s): {r['articles_per_s']:.2f} articles/s ({r['tokens_per_s']:.0f} tokens/s), "
              f"p50 {lat['p50']:.0f} ms, p99 {lat['p99']:.0f} ms, errors {r['errors'] or 0}, peak RSS "
              f"{r['server_peak_rss_mib']} MiB; CPU ms per 1000 tokens: workers {c['workers']}, front end "
              f"{c['front_end']}, client {c['client']}")
    print(f"  2 workers / 1 worker: {ratio:.2f}x measured (tokens/s)"
          + (f"; {projected:.2f}x on two otherwise idle cores (from the CPU per article)" if projected else ""))
    return {"rows": rows, "ratio": round(ratio, 3), "projected_ratio_idle_2_cores": projected and round(projected, 3)}


# --- overload: goodput -----------------------------------------------------------------------------


def run_overload(args: argparse.Namespace) -> dict[str, Any]:
    """Capacity, then open-loop arrivals at 2x and 4x of it; goodput = OK within the deadline per s."""
    articles = load_articles(args.docs)
    deadline = args.overload_deadline
    workers = args.workers if args.workers > 1 else len(os.sched_getaffinity(0))
    with local_server(workers, args.startup_timeout, args.pipeline) as (target, pid):
        with Client(target, timeout=deadline) as client:
            closed_loop(client, articles, args.overload_concurrency, args.warmup, args.max_requests)
            cap = measure(Phase("capacity", concurrency=args.overload_concurrency), pid,
                          lambda: closed_loop(client, articles, args.overload_concurrency, args.duration,
                                              args.max_requests))
        capacity = cap.summary()["articles_per_s"]
        rows = [{"load": "capacity", "offered_per_s": None, **_goodput(cap, deadline)}]
        for factor in (2, 4):
            rate = factor * capacity
            phase = measure(Phase(f"open {factor}x", rate=rate), pid, lambda r=rate: asyncio.run(
                _open_loop(target, deadline, articles, r, args.duration, args.max_requests, args.seed)))
            rows.append({"load": f"{factor}x", "offered_per_s": round(rate, 2), **_goodput(phase, deadline)})
    print(f"\noverload, {workers} workers, pipeline {args.pipeline}, deadline {deadline:g} s, load "
          f"{os.getloadavg()[0]:.1f}:")
    print(f"  {'load':<9}{'offered/s':>10}{'goodput/s':>10}{'of cap.':>8}{'ok':>6}{'refused':>8}{'late':>6}"
          f"{'p50 ok':>8}{'p99 ok':>8}{'p50 refused':>12}")
    for r in rows:
        share = r["goodput_per_s"] / capacity if capacity else float("nan")
        r["of_capacity"] = round(share, 3)
        offered = f"{r['offered_per_s']:.1f}" if r["offered_per_s"] else "-"
        print(f"  {r['load']:<9}{offered:>10}{r['goodput_per_s']:>10.2f}{share:>8.0%}{r['ok']:>6}{r['refused']:>8}"
              f"{r['late']:>6}{r['p50_ok_ms']:>8.0f}{r['p99_ok_ms']:>8.0f}{r['p50_refused_ms']:>12.1f}")
    return {"workers": workers, "deadline_s": deadline, "capacity_per_s": capacity, "rows": rows}


def _goodput(phase: Phase, deadline: float) -> dict[str, Any]:
    ok = sorted(s.latency_ms for s in phase.samples if s.code == "OK" and s.latency_ms <= deadline * 1000)
    refused = sorted(s.latency_ms for s in phase.samples if s.code == "RESOURCE_EXHAUSTED")
    return {
        "requests": len(phase.samples), "ok": len(ok), "refused": len(refused),
        "late": sum(1 for s in phase.samples if s.code == "DEADLINE_EXCEEDED"),
        "other_errors": sum(1 for s in phase.samples if s.code not in ("OK", "RESOURCE_EXHAUSTED",
                                                                        "DEADLINE_EXCEEDED")),
        "goodput_per_s": round(len(ok) / phase.wall_s, 3) if phase.wall_s else 0.0,
        "p50_ok_ms": round(percentile(ok, 50), 1), "p99_ok_ms": round(percentile(ok, 99), 1),
        "p50_refused_ms": round(percentile(refused, 50), 1),
        "server_cpu_s": round(phase.server_cpu_s or 0.0, 2),
    }


# --- adversarial shapes ----------------------------------------------------------------------------

#: Input shapes that once cost far more than news of their length (issue #11), at ``n`` characters.
SHAPES: dict[str, Any] = {
    "sagte": lambda n: ("sagte " * n)[:n],
    "open quote, then words": lambda n: ("„Er sagt " + "Wort " * n)[:n],
    "opening marks": lambda n: "„" * n,
    "mixed marks": lambda n: ("„a“ »b« ‚c‘ \"d\" 'e' “f„ «g» ”h" * n)[:n],
    "NUL after full stops": lambda n: ("Er sagte, das sei gut.\0" * n)[:n],
    "one sentence repeated": lambda n: ("Er sagte, das sei gut. " * n)[:n],
    "no space at all": lambda n: ("sagte„Er“," * n)[:n],
    "line breaks": lambda n: ("„\n" * n)[:n],
}


def news_of_length(n: int) -> str:
    """Real news, articles joined by line breaks, cut to ``n`` characters."""
    text = "\n".join(t.text for t in load_texts(NEWS_DIRS))
    while len(text) < n:
        text = f"{text}\n{text}"
    return text[:n]


def run_shapes(args: argparse.Namespace) -> dict[str, Any]:
    """Each shape at each size, one request at a time on one worker, next to news of that length
    (printed as measured: long shapes take a while)."""
    rows: list[dict[str, Any]] = []
    shapes = {"news": news_of_length, **SHAPES}
    print(f"\nadversarial shapes, pipeline {args.pipeline}, one worker, one request at a time, load "
          f"{os.getloadavg()[0]:.1f}:")
    print(f"  {'shape':<24}{'KB':>5}{'s':>9}{'ms/KB':>8}{'x news':>8}{'x per 2x':>10}", flush=True)
    with local_server(1, args.startup_timeout, args.pipeline) as (target, _pid), \
            Client(target, timeout=600, retries=0) as client:
        client.extract(news_of_length(2000))  # warm
        for name, make in shapes.items():
            for kb in args.shape_kb:
                text = make(kb * 1000)
                start = time.perf_counter()
                try:
                    client.extract(text)
                    code = "OK"
                except ZitatError as err:
                    code = err.code.name
                seconds = time.perf_counter() - start
                news = next((r["seconds"] for r in rows if r["shape"] == "news" and r["kb"] == kb), None)
                half = next((r["seconds"] for r in rows if r["shape"] == name and r["kb"] * 2 == kb), None)
                row = {"shape": name, "kb": kb, "seconds": round(seconds, 3), "code": code,
                       "ms_per_kb": round(1000 * seconds / kb, 1),
                       "vs_news": round(seconds / news, 2) if news else None,
                       "doubling": round(seconds / half, 2) if half else None}
                rows.append(row)
                vs = f"{row['vs_news']:.2f}" if row["vs_news"] is not None else "-"
                grow = f"{row['doubling']:.2f}" if row["doubling"] is not None else "-"
                print(f"  {name:<24}{kb:>5}{seconds:>9.2f}{row['ms_per_kb']:>8.1f}{vs:>8}{grow:>10}"
                      + ("" if code == "OK" else f"  {code}"), flush=True)
    return {"pipeline": args.pipeline, "rows": rows}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.latency", description=__doc__.split("\n\n")[0])
    p.add_argument("--server", metavar="HOST:PORT", help="use a running server (default: start one)")
    p.add_argument("--docs", type=int, default=200, help="articles to cycle through (0: all; default 200)")
    p.add_argument("--duration", type=float, default=12.0, help="seconds per measured window (default 12)")
    p.add_argument("--warmup", type=float, default=4.0, help="warm-up seconds (default 4)")
    p.add_argument("--rate", type=float, help="open-loop arrivals/s (default: 70%% of concurrency-1 throughput)")
    p.add_argument("--concurrency", type=int, nargs="+", default=[1, 8], help="closed-loop levels (1 8)")
    p.add_argument("--workers", type=int, default=1, help="server processes when starting one (default 1)")
    p.add_argument("--timeout", type=float, default=30.0, help="deadline per request in seconds")
    p.add_argument("--max-requests", type=int, default=20000, help="upper bound of requests per window")
    p.add_argument("--startup-timeout", type=float, default=180.0, help="seconds to wait for SERVING")
    p.add_argument("--seed", type=int, default=1, help="seed of the Poisson arrivals")
    p.add_argument("--pipeline", default="default", help="pipeline of the local server (default: default)")
    p.add_argument("--baseline", default="rules-only",
                   help="pipeline of a second local server for the paired cost ratio ('none': no second server)")
    p.add_argument("--json", type=Path, metavar="OUT", help="also write the full result as JSON")
    extra = p.add_argument_group("extra runs (each starts its own servers)")
    extra.add_argument("--scaling", action="store_true", help="1 vs 2 workers, one channel, 8 in flight")
    extra.add_argument("--overload", action="store_true", help="goodput at 2x and 4x capacity (open loop)")
    extra.add_argument("--overload-deadline", type=float, default=5.0, help="deadline per request, s (default 5)")
    extra.add_argument("--overload-concurrency", type=int, default=8, help="in flight for capacity (default 8)")
    extra.add_argument("--shapes", action="store_true", help="adversarial shapes: time per KB vs news")
    extra.add_argument("--shape-kb", type=int, nargs="+", default=[10, 20, 40], help="sizes in KB (10 20 40)")
    return p


def run(args: argparse.Namespace, target: str, server_pid: int | None,
        baseline: str | None = None) -> dict[str, Any]:
    articles = load_articles(args.docs)
    with Client(target, timeout=args.timeout) as client:
        if not client.is_server_ready():
            raise SystemExit(f"server at {target} is not SERVING")
        pipeline_version = client.model_info().pipeline_version
        closed_loop(client, articles, 1, args.warmup, args.max_requests)  # warm-up, not reported
        phases = [
            measure(Phase(f"closed c={c}", concurrency=c), server_pid,
                    lambda c=c: closed_loop(client, articles, c, args.duration, args.max_requests))
            for c in args.concurrency
        ]
        compared = None
        if baseline is not None:
            with Client(baseline, timeout=args.timeout) as other:
                closed_loop(other, articles, 1, args.warmup, args.max_requests)  # warm-up
                ours, theirs = paired(client, other, articles, 2 * args.duration, args.max_requests)
                compared = {"baseline": args.baseline, **ratios(ours, theirs)}
    c1 = next((p for p in phases if p.concurrency == 1), phases[0])
    rate = args.rate or 0.7 * c1.summary()["articles_per_s"]
    if rate > 0:
        phases.append(measure(Phase(f"open {rate:.2f}/s", rate=rate), server_pid, lambda: asyncio.run(
            _open_loop(target, args.timeout, articles, rate, args.duration, args.max_requests, args.seed))))
    return {
        "environment": environment(),
        "server": target if args.server else f"local, --workers {args.workers} --pipeline {args.pipeline}",
        "pipeline_version": pipeline_version,
        "articles": len(articles),
        "mean_tokens": sum(a.tokens for a in articles) / len(articles),
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "phases": [p.summary() for p in phases],
        "by_length": length_buckets(c1.samples),
        "server_peak_rss_mib": server_peak_rss_mib(server_pid) if server_pid else None,
        "paired": compared,
        "samples_c1": [asdict(s) for s in c1.samples],
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    extras = [(flag, fn) for flag, fn in (("scaling", run_scaling), ("overload", run_overload),
                                          ("shapes", run_shapes)) if getattr(args, flag)]
    if extras:
        result = {"environment": environment(), **{flag: fn(args) for flag, fn in extras}}
    elif args.server:
        result = run(args, args.server, None)
        print_report(result)
    elif args.baseline == "none":
        with local_server(args.workers, args.startup_timeout, args.pipeline) as (target, pid):
            result = run(args, target, pid)
        print_report(result)
    else:
        with local_server(args.workers, args.startup_timeout, args.pipeline) as (target, pid), \
                local_server(args.workers, args.startup_timeout, args.baseline) as (other, _):
            result = run(args, target, pid, other)
        print_report(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
