"""Bulk throughput of ``zitat-batch`` on Ray: documents/s with 1 and 2 workers, peak memory.

    python -m benchmarks.batch [--pipeline NAME] [--workers 1,2] [--baseline] [--json OUT]

The input is one directory: the 1,028 DER STANDARD articles (``data/10kgnad``, read through
:func:`zitat_server.training.corpora.standard_articles`) as a JSONL file, and the 700
spkatt-news training articles as their task files (rebuilt to text, as ``zitat ingest`` does):
1,728 documents. Ray starts once, embedded on this machine; each worker count then runs into a
fresh output directory with the default batch size. Per run: the seconds from submitting the
dataset to the last part (the actors' start and pipeline load included), the seconds until the
first progress report (about the start), documents/s over the whole run and after that first
report, and the peak RSS of the driver and of the largest actor. ``--baseline`` then times one
pipeline in this process over the same texts, without Ray: the ceiling of one worker.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from zitat_server.batch.inputs import InputDocument, plan, read_shard
from zitat_server.batch.run import BatchConfig, connect, run_batch
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.training.corpora import NEWS_TRAIN, standard_articles

from benchmarks.latency import environment

MIB = 1024 * 1024


def write_input(root: Path) -> int:
    """The benchmark's input directory; returns its number of documents."""
    root.mkdir(parents=True, exist_ok=True)
    count = 0
    with (root / "standard-articles.jsonl").open("w", encoding="utf-8") as f:
        for row, (_category, text) in enumerate(standard_articles()):
            f.write(json.dumps({"id": f"standard-{row}", "text": text, "outlet": "DER STANDARD"}, ensure_ascii=False))
            f.write("\n")
            count += 1
    news = root / "spkatt-news"
    news.mkdir(exist_ok=True)
    for path in sorted(NEWS_TRAIN.glob("*.json")):
        shutil.copyfile(path, news / path.name)
        count += 1
    return count


def batch_run(source: Path, out: Path, workers: int, pipeline: str) -> dict[str, Any]:
    summary = run_batch(BatchConfig(source, out, pipeline=pipeline, num_workers=workers))
    after_start = summary.seconds - summary.first_report_seconds
    return {
        "workers": workers,
        "batch_size": summary.batch_size,
        "batches": summary.shards,
        "documents": summary.documents,
        "quotes": summary.quotes,
        "errors": summary.errors,
        "seconds": round(summary.seconds, 2),
        "first_report_seconds": round(summary.first_report_seconds, 2),
        "documents_per_s": round(summary.documents_per_second, 2),
        "documents_per_s_after_first_report": round(summary.documents / after_start, 2) if after_start > 0 else None,
        "worker_cpu_seconds": round(summary.worker_cpu_seconds, 1),
        "documents_per_worker_cpu_s": round(summary.documents / summary.worker_cpu_seconds, 2),
        "driver_peak_rss_mib": round(summary.driver_peak_rss_bytes / MIB),
        "worker_peak_rss_mib": round(summary.worker_peak_rss_bytes / MIB),
    }


def baseline(source: Path, pipeline_name: str) -> dict[str, Any]:
    """One pipeline in this process over the same documents (texts read first, not timed)."""
    texts = [d.text for s in plan(source, 10**9) for d in read_shard(s) if isinstance(d, InputDocument)]
    pipeline = Pipeline(pipeline_name)
    pipeline.process(texts[0])  # load every component before timing
    start, cpu = time.perf_counter(), time.process_time()
    quotes = sum(len(pipeline.process(t).quotes) for t in texts)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"documents": len(texts), "quotes": quotes, "seconds": round(seconds, 2),
            "documents_per_s": round(len(texts) / seconds, 2), "cpu_seconds": round(cpu, 1),
            "documents_per_cpu_s": round(len(texts) / cpu, 2)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pipeline", default="default")
    p.add_argument("--workers", default="1,2", help="comma-separated worker counts, run in this order")
    p.add_argument("--baseline", action="store_true", help="also time one in-process pipeline (no Ray)")
    p.add_argument("--json", type=Path, help="write the results here")
    args = p.parse_args()
    result: dict[str, Any] = {"environment": environment(), "pipeline": args.pipeline, "runs": []}
    with tempfile.TemporaryDirectory(prefix="zitat-batch-bench-") as tmp:
        source = Path(tmp) / "input"
        result["documents"] = write_input(source)
        started = time.perf_counter()
        connect(None)
        result["ray_start_seconds"] = round(time.perf_counter() - started, 2)
        import ray

        result["ray_cpus"] = ray.cluster_resources().get("CPU")
        for workers in (int(w) for w in args.workers.split(",")):
            run = batch_run(source, Path(tmp) / f"out-{workers}", workers, args.pipeline)
            result["runs"].append(run)
            print(json.dumps(run))
        ray.shutdown()
        if len(result["runs"]) >= 2:
            first, last = result["runs"][0], result["runs"][-1]
            result["scaling"] = round(last["documents_per_s"] / first["documents_per_s"], 2)
            a, b = first["documents_per_s_after_first_report"], last["documents_per_s_after_first_report"]
            result["scaling_after_first_report"] = round(b / a, 2) if a and b else None
        if args.baseline:
            result["baseline_in_process"] = baseline(source, args.pipeline)
    result["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
