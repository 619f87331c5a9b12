"""Building and running the gRPC server: services, health, reflection, graceful shutdown.

Python threads do not run the CPU-bound pipeline in parallel (the GIL), so scaling is by
processes: ``--workers N`` starts N spawned processes that share the port with
SO_REUSEPORT (grpc's multiprocessing example). Each builds its own server and pipeline
after the start, so no grpc object crosses a fork.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent import futures
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from zitat_proto.v1 import quotes_pb2, quotes_pb2_grpc

from zitat_server import __version__
from zitat_server.claims.store import Store, open_store
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.serving import claim_service, web
from zitat_server.serving.config import ServerConfig
from zitat_server.serving.quote_service import QuoteServicer

log = logging.getLogger("zitat_server")

QUOTE_SERVICE = quotes_pb2.DESCRIPTOR.services_by_name["QuoteService"].full_name
_WARMUP_TEXT = "„Wir kommen morgen“, sagte Verteidigungsminister Rustem Umjerow. Er habe das erörtert, sagte er."


@dataclass(slots=True)
class Running:
    server: grpc.Server
    port: int
    health: health.HealthServicer
    store: Store
    pipeline: Pipeline

    def stop(self, grace: float) -> None:
        """Report NOT_SERVING, drain in-flight calls, then close the store."""
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait()
        self.store.close()


def build_server(config: ServerConfig, *, reuse_port: bool = False) -> Running:
    """A started server with all services registered; health is NOT_SERVING until warmed up."""
    message_limit = config.max_document_bytes * 2 + (1 << 20)  # text + echoed spans, with headroom
    options = [
        ("grpc.max_receive_message_length", message_limit),
        ("grpc.max_send_message_length", message_limit),
        ("grpc.so_reuseport", 1 if reuse_port else 0),
        # Allow clients' keepalive pings every 10 s, also without calls in flight.
        ("grpc.http2.min_ping_interval_without_data_ms", 10_000),
        ("grpc.keepalive_permit_without_calls", 1),
    ]
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=config.threads, thread_name_prefix="zitat-rpc"),
        options=options,
        maximum_concurrent_rpcs=config.max_concurrent_rpcs,
    )
    health_servicer = health.HealthServicer(experimental_non_blocking=True)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for name in ("", QUOTE_SERVICE):
        health_servicer.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
    pipeline = Pipeline(config.pipeline)
    quotes_pb2_grpc.add_QuoteServiceServicer_to_server(QuoteServicer(pipeline, config.max_document_bytes), server)
    services = [QUOTE_SERVICE, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name]
    store = open_store(config.store)
    extra = claim_service.add_to_server(server, store, pipeline, config.max_document_bytes)
    services.extend(extra)
    services.append(reflection.SERVICE_NAME)
    reflection.enable_server_reflection(services, server)
    port = server.add_insecure_port(f"{config.host}:{config.port}")
    if port == 0:
        raise OSError(f"cannot bind {config.host}:{config.port}")
    server.start()
    pipeline.process(_WARMUP_TEXT)  # load and warm every component before reporting SERVING
    for name in ("", QUOTE_SERVICE, *extra):
        health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    return Running(server, port, health_servicer, store, pipeline)


def serve(config: ServerConfig, *, reuse_port: bool = False) -> None:
    """Run one server until SIGTERM/SIGINT; on a signal report NOT_SERVING, then drain."""
    started = time.monotonic()
    running = build_server(config, reuse_port=reuse_port)
    log.info(
        "zitat-server %s (pid %d): pipeline %s: %s; ready in %.1f s",
        __version__,
        os.getpid(),
        running.pipeline.config.name,
        ", ".join(f"{c.name} {c.version}" for c in running.pipeline.infos()),
        time.monotonic() - started,
    )
    log.info("claim store: %s", running.store.describe())
    page = None if reuse_port else web.start(config.host, config.http_port, running.port, config.max_document_bytes)
    print(f"zitat-server listening on {config.host}:{running.port}", file=sys.stderr, flush=True)
    stop = threading.Event()

    def on_signal(signum, _frame) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    stop.wait()
    running.stop(config.grace_seconds)  # meanwhile the JSON API answers 503 (UNAVAILABLE)
    if page is not None:
        page.close()


def run(config: ServerConfig) -> None:
    """Serve with ``config.workers`` processes (one means this process)."""
    if config.workers <= 1:
        serve(config)
        return
    if config.port == 0:
        raise SystemExit("--workers > 1 needs a fixed --port (processes share it with SO_REUSEPORT)")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=serve, args=(config,), kwargs={"reuse_port": True}) for _ in range(config.workers)]
    page = web.start(config.host, config.http_port, config.port, config.max_document_bytes)  # one, for all workers
    for p in procs:
        p.start()

    def forward(signum, _frame) -> None:
        for p in procs:
            if p.is_alive() and p.pid is not None:
                p.terminate()

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    for p in procs:
        p.join()
    if page is not None:
        page.close()
