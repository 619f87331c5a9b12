"""Building and running the server: one asyncio gRPC front end, a pool of worker processes.

The front end (this process) parses, validates, authenticates, admits and dispatches; it never
runs the pipeline, so health checks, idle streams and refusals are answered at once however
busy the workers are. The workers (:mod:`zitat_server.serving.pool`) each load the pipeline
once and serve any request of any channel. The claim store lives in the front end; its
blocking calls run in a thread pool, its extractions in the workers.

Shutdown on SIGTERM or SIGINT: health turns NOT_SERVING, new calls are refused, calls and
streams in flight get ``grace`` seconds to finish, then the workers are stopped (killed if they
do not stop) and the process exits. A second signal skips the rest of the grace.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import signal
import socket
import sys
import time
from concurrent import futures
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio
from grpc_reflection.v1alpha import reflection

from zitat_server import __version__
from zitat_server.claims.store import Store, open_store
from zitat_server.serving import claim_service, web
from zitat_server.serving.auth import TokenTable
from zitat_server.serving.config import MAX_MESSAGE_BYTES, ServerConfig
from zitat_server.serving.interceptor import ServingInterceptor
from zitat_server.serving.metrics import Metrics
from zitat_server.serving.pool import WorkerPool
from zitat_server.serving.quote_service import SERVICE_NAME as QUOTE_SERVICE
from zitat_server.serving.quote_service import QuoteService, model_info
from zitat_server.serving.web import WebServer

log = logging.getLogger("zitat_server")

HEALTH_SERVICE = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name


def server_options() -> list[tuple[str, int]]:
    """Message limits (the client's, :data:`MAX_MESSAGE_BYTES`), no port sharing (a second
    server on a taken port must fail, not split the traffic), and a keepalive policy that lets
    clients ping every 10 s, also without calls in flight."""
    return [
        ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ("grpc.so_reuseport", 0),
        ("grpc.http2.min_ping_interval_without_data_ms", 10_000),
        ("grpc.keepalive_permit_without_calls", 1),
    ]


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` exposes the server only to this machine."""
    name = host.strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(name, None))
        except (OSError, ValueError):
            return False


def server_credentials(config: ServerConfig) -> grpc.ServerCredentials | None:
    """TLS credentials from the PEM files (mutual TLS when a client CA is given), else None."""
    if config.tls_cert is None and config.tls_key is None:
        if config.tls_client_ca is not None:
            raise SystemExit("--tls-client-ca needs --tls-cert and --tls-key")
        return None
    if config.tls_cert is None or config.tls_key is None:
        raise SystemExit("--tls-cert and --tls-key go together")
    client_ca = config.tls_client_ca.read_bytes() if config.tls_client_ca else None
    return grpc.ssl_server_credentials(
        [(config.tls_key.read_bytes(), config.tls_cert.read_bytes())],
        root_certificates=client_ca,
        require_client_auth=client_ca is not None,
    )


@dataclass
class Running:
    server: grpc.aio.Server
    port: int
    health: health_aio.HealthServicer
    services: list[str]
    pool: WorkerPool
    store: Store
    store_threads: futures.ThreadPoolExecutor
    web: WebServer | None = None

    async def stop(self, grace: float, hurry: asyncio.Event | None = None) -> None:
        """Report NOT_SERVING, refuse new calls, let calls in flight finish within ``grace``
        seconds (less if ``hurry`` is set), then stop the workers and close the store."""
        await self.health.enter_graceful_shutdown()
        stopping = asyncio.ensure_future(self.server.stop(grace))
        if hurry is not None:
            hurried = asyncio.ensure_future(hurry.wait())
            await asyncio.wait({stopping, hurried}, return_when=asyncio.FIRST_COMPLETED)
            if not stopping.done():
                log.warning("second signal: cancelling the calls in flight")
                await self.server.stop(0)
            hurried.cancel()
        await stopping
        if self.web is not None:
            self.web.close()  # meanwhile its JSON API answered 503 (UNAVAILABLE)
        await self.pool.close(timeout=5.0)
        self.store_threads.shutdown(wait=False, cancel_futures=True)
        self.store.close()


async def build(config: ServerConfig) -> Running:
    """Bind and start the server with every service (health NOT_SERVING), start the workers,
    then report SERVING."""
    tokens = TokenTable.load(config.auth_token_file) if config.auth_token_file else None
    credentials = server_credentials(config)
    metrics = Metrics() if config.metrics_port is not None else None
    store_threads = futures.ThreadPoolExecutor(config.store_threads, thread_name_prefix="zitat-store")
    server = grpc.aio.server(
        migration_thread_pool=store_threads,
        interceptors=[ServingInterceptor(tokens, metrics)],
        options=server_options(),
        maximum_concurrent_rpcs=config.max_concurrent_rpcs,
    )
    health = health_aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    await health.set("", health_pb2.HealthCheckResponse.NOT_SERVING)

    pool = WorkerPool(config.pipeline, config.worker_count, config.max_queue, log_level=config.log_level)
    quotes = QuoteService(pool, config.max_document_bytes, model_info([], "", config.max_document_bytes))
    server.add_generic_rpc_handlers([quotes.handler()])
    store = open_store(config.store)
    extractor = claim_service.PoolExtractor(pool, asyncio.get_running_loop())
    services = [QUOTE_SERVICE, HEALTH_SERVICE, *claim_service.add_to_server(
        server, store, extractor, config.max_document_bytes, window=pool.size + 1)]
    if config.reflection:
        services.append(reflection.SERVICE_NAME)
        reflection.enable_server_reflection(services, server)
    for name in services:
        await health.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)

    address = f"{config.host}:{config.port}"
    port = server.add_secure_port(address, credentials) if credentials else server.add_insecure_port(address)
    if port == 0:
        raise OSError(f"cannot bind {address}")
    if tokens is None and not is_loopback(config.host):
        log.warning("listening on %s without --auth-token-file: anyone who reaches it may change the claim store",
                    config.host)
    await server.start()
    # The page and JSON API are a client of the gRPC port (plain HTTP: off with TLS). Their
    # address is printed before the gRPC line, which launch.running_endpoints waits for.
    page = None if credentials else web.start(config.host, config.http_port, port, config.max_document_bytes)
    print(f"zitat-server listening on {config.host}:{port}{' (TLS)' if credentials else ''}", file=sys.stderr,
          flush=True)

    ready = await pool.start()
    quotes.model_info = model_info(ready.infos, ready.version, config.max_document_bytes)
    if metrics is not None:
        metrics.watch_pool(lambda: pool.queued, lambda: pool.busy, lambda: pool.ready_workers)
        metrics.info.labels(ready.version, config.pipeline).set(1)
        pool.on_outcome = metrics.observe
        metrics_port = metrics.serve(config.metrics_port, config.host.strip("[]"))  # type: ignore[arg-type]
        log.info("metrics at http://%s:%d/metrics", config.host, metrics_port)
    for name in ("", *services):
        await health.set(name, health_pb2.HealthCheckResponse.SERVING)
    return Running(server, port, health, services, pool, store, store_threads, page)


async def serve(config: ServerConfig) -> None:
    """Run until SIGTERM/SIGINT, then shut down gracefully (see the module docstring)."""
    started = time.monotonic()
    loop = asyncio.get_running_loop()
    stop, hurry = asyncio.Event(), asyncio.Event()

    def on_signal() -> None:
        (hurry if stop.is_set() else stop).set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, on_signal)
    building = asyncio.ensure_future(build(config))
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait({building, stopping}, return_when=asyncio.FIRST_COMPLETED)
    if not building.done():  # a signal while the workers load: nothing is in flight yet
        building.cancel()
        log.info("stopped while starting")
        return
    stopping.cancel()
    running = building.result()
    info = running.pool.first_ready
    log.info(
        "zitat-server %s (pid %d): pipeline %s (%s) in %d workers; ready in %.1f s",
        __version__, os.getpid(), config.pipeline,
        ", ".join(f"{c.name} {c.version}" for c in (info.infos if info else [])),
        running.pool.size, time.monotonic() - started,
    )
    log.info("claim store: %s; auth %s; TLS %s", running.store.describe(),
             "on" if config.auth_token_file else "off", "mutual" if config.tls_client_ca else
             "on" if config.tls_cert else "off")
    await stop.wait()
    log.info("shutting down: finishing calls in flight (grace %.0f s)", config.grace_seconds)
    await running.stop(config.grace_seconds, hurry)
    log.info("stopped")


def run(config: ServerConfig) -> None:
    try:
        asyncio.run(serve(config))
    except RuntimeError as err:  # the workers could not load the pipeline (their log says why)
        raise SystemExit(f"zitat-server: {err}") from None
