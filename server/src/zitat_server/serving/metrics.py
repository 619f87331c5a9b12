"""Prometheus metrics with the grpc ecosystem's names (go-grpc-prometheus, py-grpc-prometheus),
so the usual dashboards work: ``grpc_server_started_total``, ``grpc_server_handled_total``,
``grpc_server_handling_seconds``; plus the pool: queue time, queued and running jobs, workers,
refused calls, and the pipeline version as an info metric.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

#: Seconds buckets from 5 ms (a short article, rules only) to 2 minutes (a long one, busy server).
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
_LABELS = ("grpc_type", "grpc_service", "grpc_method")


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.started = Counter("grpc_server_started_total", "RPCs started on the server.", _LABELS, registry=r)
        self.handled = Counter(
            "grpc_server_handled_total", "RPCs completed on the server, by status code.", (*_LABELS, "grpc_code"),
            registry=r,
        )
        self.handling = Histogram(
            "grpc_server_handling_seconds", "Response latency of RPCs handled by the server.", _LABELS,
            buckets=_BUCKETS, registry=r,
        )
        self.in_flight = Gauge("zitat_rpcs_in_flight", "RPCs being handled now.", ("grpc_service",), registry=r)
        self.queue_seconds = Histogram(
            "zitat_queue_seconds", "Time a document waited for a worker.", buckets=_BUCKETS, registry=r
        )
        self.processing_seconds = Histogram(
            "zitat_processing_seconds", "Time a worker spent on a document.", buckets=_BUCKETS, registry=r
        )
        self.refused = Counter(
            "zitat_refused_total", "Calls refused by admission control (RESOURCE_EXHAUSTED).", registry=r
        )
        self.queued = Gauge("zitat_queue_length", "Documents waiting for a worker.", registry=r)
        self.busy = Gauge("zitat_workers_busy", "Workers running a document.", registry=r)
        self.workers = Gauge("zitat_workers", "Worker processes ready to run the pipeline.", registry=r)
        self.worker_jobs = Counter("zitat_worker_jobs_total", "Documents run by each worker, by outcome.",
                                   ("worker", "status"), registry=r)
        self.info = Gauge("zitat_pipeline_info", "The pipeline that answers (value 1).",
                          ("pipeline_version", "pipeline"), registry=r)

    def watch_pool(self, queued: Callable[[], float], busy: Callable[[], float], workers: Callable[[], float]) -> None:
        """Read the pool's gauges at scrape time."""
        self.queued.set_function(queued)
        self.busy.set_function(busy)
        self.workers.set_function(workers)

    def observe(self, outcome) -> None:
        """One job's outcome (a :class:`zitat_server.serving.worker.Outcome`)."""
        self.queue_seconds.observe(outcome.queue_s)
        self.processing_seconds.observe(outcome.seconds)
        self.worker_jobs.labels(str(outcome.worker), outcome.status).inc()

    def serve(self, port: int, host: str) -> int:
        """Serve ``/metrics`` over HTTP on ``host:port`` (a daemon thread); return the port."""
        httpd, _thread = start_http_server(port, addr=host, registry=self.registry)
        return httpd.server_port
