"""The driver of a batch run: plan the shards, skip the finished ones, run the rest on Ray Data.

Ray Data's batch-inference pattern: a dataset of shard descriptions, ``map_batches`` over a pool
of :class:`~zitat_server.batch.worker.ShardWorker` actors (each loads the pipeline once), and
the driver streaming the workers' progress reports. The driver never holds texts or quotes:
the workers read their shards and write their parts, and each actor has at most
:data:`SHARDS_IN_FLIGHT` shards queued, so memory stays bounded however large the archive.

Without an address Ray starts embedded on this machine (all cores); with ``--address`` it joins
a running cluster (``ray start --head``), whose nodes must see the input and output paths.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

from zitat_client.cli_claims import Progress

from zitat_server.batch.inputs import Shard, count_documents, default_batch_size, plan
from zitat_server.batch.output import OutputDir, OutputMismatch
from zitat_server.batch.worker import ShardWorker, WorkerSettings, peak_rss_bytes
from zitat_server.extraction.configs import get_config
from zitat_server.extraction.pipeline import version_of
from zitat_server.extraction.validation import DEFAULT_MAX_DOCUMENT_BYTES

#: Shards queued on one actor besides the one it works on (Ray Data's in-flight tasks per actor).
SHARDS_IN_FLIGHT = 2

__all__ = ["BatchConfig", "BatchSummary", "OutputMismatch", "run_batch"]


@dataclass(frozen=True, slots=True)
class BatchConfig:
    input: Path
    out: Path
    fmt: str = "parquet"
    pipeline: str = "default"
    store: str | None = None
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    num_workers: int | None = None  # default: the CPUs Ray sees
    batch_size: int | None = None  # default: default_batch_size(), or the resumed run's
    address: str | None = None  # a Ray cluster; None: embedded Ray on this machine


@dataclass(slots=True)
class BatchSummary:
    shards: int = 0
    skipped: int = 0  # finished by an earlier run
    documents: int = 0  # processed by this run, errors included
    quotes: int = 0
    errors: int = 0
    workers: int = 0
    batch_size: int = 0
    seconds: float = 0.0  # from submitting the dataset to the last report (actor start included)
    first_report_seconds: float = 0.0  # until the first report: actors started, pipelines loaded
    driver_peak_rss_bytes: int = 0
    worker_peak_rss_bytes: int = 0
    worker_cpu_seconds: float = 0.0  # all actors together, their start and pipeline load included
    settings: dict = field(default_factory=dict)

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise SystemExit("zitat-batch needs Ray: pip install 'zitat-server[batch]'") from None
    return ray


def connect(address: str | None) -> bool:
    """Start embedded Ray, or join the cluster at ``address``; True when this call started Ray."""
    ray = _ray()
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, logging_level=logging.WARNING)
    else:
        ray.init(address="local", include_dashboard=False, logging_level=logging.WARNING)
    return True


def _quiet_ray_data() -> None:
    ctx = _ray().data.DataContext.get_current()
    ctx.enable_progress_bars = False  # ours counts documents, not blocks
    ctx.enable_auto_log_stats = False
    # Every report a worker yields travels as its own block: without this Ray Data buffers a
    # worker's yields until the shard ends, and the progress bar would move once a shard.
    ctx.target_max_block_size = 1
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # e.g. "progress bars disabled"


def run_batch(config: BatchConfig, progress_out: TextIO = sys.stderr) -> BatchSummary:
    """Run (or resume) a batch job; raises OutputMismatch when ``out`` holds another run.

    Ray is started (or joined) only when there is work: a finished run is checked without it.
    """
    ray = _ray()
    pipeline = get_config(config.pipeline)
    output = OutputDir(config.out, config.fmt)
    started_ray = False
    try:
        batch_size = config.batch_size or (output.settings() or {}).get("batch_size")
        if not batch_size:
            started_ray = connect(config.address)
            batch_size = default_batch_size(count_documents(config.input), _workers(ray, config))
        settings = {
            "input": str(config.input.resolve()),
            "batch_size": batch_size,
            "pipeline": pipeline.name,
            "pipeline_version": version_of(pipeline),
            "format": config.fmt,
            "max_document_bytes": config.max_document_bytes,
        }
        output.start(settings)
        summary = BatchSummary(batch_size=batch_size, settings=settings)
        todo = _todo(config, output, summary)
        if todo:
            started_ray = connect(config.address) or started_ray
            _execute(ray, todo, config, output, summary, progress_out)
        summary.driver_peak_rss_bytes = peak_rss_bytes()
        return summary
    finally:
        if started_ray:
            ray.shutdown()


def _cpus(ray) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _workers(ray, config: BatchConfig) -> int:
    return config.num_workers or _cpus(ray)


def _todo(config: BatchConfig, output: OutputDir, summary: BatchSummary) -> list[Shard]:
    """The shards the manifest does not list as done; an error when a done one changed."""
    done = output.done()
    todo: list[Shard] = []
    for shard in plan(config.input, summary.batch_size):
        summary.shards += 1
        entry = done.get(shard.index)
        if entry is None:
            todo.append(shard)
        elif entry["source"] != shard.describe():
            raise OutputMismatch(
                f"{config.out}: batch {shard.index} was {entry['source']!r} and is now {shard.describe()!r}: "
                "the input changed since that run; use another --out"
            )
        else:
            summary.skipped += 1
    return todo


def _execute(
    ray, todo: list[Shard], config: BatchConfig, output: OutputDir, summary: BatchSummary, progress_out: TextIO
) -> None:
    _quiet_ray_data()
    cpus = _cpus(ray)
    workers = min(_workers(ray, config), len(todo))
    summary.workers = workers
    worker_settings = WorkerSettings(
        out=str(config.out.resolve()),
        fmt=config.fmt,
        pipeline=config.pipeline,
        max_document_bytes=config.max_document_bytes,
        store=config.store,
    )
    shards = {shard.index: shard for shard in todo}
    ds = ray.data.from_items([shard.to_row() for shard in todo], override_num_blocks=len(todo))
    ds = ds.map_batches(
        ShardWorker,
        fn_constructor_kwargs={"settings": worker_settings},
        batch_size=1,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=SHARDS_IN_FLIGHT),
        num_cpus=min(1.0, cpus / workers),  # more workers than CPUs share them instead of waiting
    )
    progress = Progress(sum(shard.count for shard in todo), progress_out)
    cpu_by_actor: dict[int, float] = {}
    started = time.monotonic()
    try:
        for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
            for report in batch.to_pylist():
                if not summary.first_report_seconds:
                    summary.first_report_seconds = time.monotonic() - started
                summary.documents += report["documents"]
                progress.advance(report["documents"])
                if report["done"]:
                    shard = shards[report["shard"]]
                    summary.quotes += report["quotes"]
                    summary.errors += report["errors"]
                    summary.worker_peak_rss_bytes = max(summary.worker_peak_rss_bytes, report["peak_rss_bytes"])
                    cpu_by_actor[report["pid"]] = max(cpu_by_actor.get(report["pid"], 0.0), report["cpu_seconds"])
                    output.record(
                        {
                            "shard": report["shard"],
                            "source": shard.describe(),
                            "documents": report["shard_documents"],
                            "quotes": report["quotes"],
                            "errors": report["errors"],
                        }
                    )
    finally:
        progress.close()
    summary.seconds = time.monotonic() - started
    summary.worker_cpu_seconds = sum(cpu_by_actor.values())


def summary_lines(summary: BatchSummary, out: Path) -> list[str]:
    """What the command prints at the end."""
    if summary.shards and summary.skipped == summary.shards:
        return [f"all {summary.shards} batches were done already: nothing to do", f"quotes: {out / 'quotes'}/"]
    lines = [
        f"{summary.documents} documents in {summary.seconds:.1f} s ({summary.documents_per_second:.1f}/s, "
        f"{summary.workers} workers, batches of {summary.batch_size}): {summary.quotes} quotes, "
        f"{summary.errors} errors",
    ]
    if summary.skipped:
        lines.append(f"{summary.skipped} of {summary.shards} batches were done already (resumed)")
    if summary.errors:
        lines.append(f"documents not processed, with reasons: {out / 'errors'}/")
    mib = 1024 * 1024
    lines.append(
        f"peak memory: driver {summary.driver_peak_rss_bytes / mib:.0f} MiB, "
        f"largest worker {summary.worker_peak_rss_bytes / mib:.0f} MiB"
    )
    lines.append(f"quotes: {out / 'quotes'}/")
    return lines


def to_dict(summary: BatchSummary) -> dict:
    return {**asdict(summary), "documents_per_second": summary.documents_per_second}
