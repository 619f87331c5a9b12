"""``zitat-batch INPUT --out OUTPUT``: the server's pipeline over an archive, on Ray.

INPUT is a directory of text and task files (``.txt``, ``.json``) and/or JSONL and Parquet
files, or one such file. OUTPUT receives one row per quote (Parquet, or JSONL), an errors file
for the documents that could not be processed, and a manifest: run the same command again
and it resumes where it stopped.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from zitat_server.batch.inputs import InputNotFound
from zitat_server.batch.output import FORMATS, OutputMismatch
from zitat_server.batch.run import BatchConfig, run_batch, summary_lines, to_dict
from zitat_server.extraction.configs import CONFIGS
from zitat_server.extraction.validation import DEFAULT_MAX_DOCUMENT_BYTES

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zitat-batch", description=__doc__.split("\n\n")[0].split(": ", 1)[1])
    p.add_argument("input", type=Path, metavar="INPUT", help="directory of .txt/.json/.jsonl/.parquet files, or one")
    p.add_argument("--out", type=Path, required=True, metavar="OUTPUT", help="output directory (created)")
    p.add_argument("--format", choices=FORMATS, default="parquet", help="quote rows as (default: %(default)s)")
    p.add_argument(
        "--store",
        metavar="DSN",
        help="also keep the claims in a claim store: a SQLite file or a postgresql:// DSN (for a cluster)",
    )
    models = p.add_mutually_exclusive_group()
    models.add_argument(
        "--pipeline", choices=sorted(CONFIGS), default="default", help="pipeline config (default: %(default)s)"
    )
    models.add_argument(
        "--rules-only", action="store_const", const="rules-only", dest="pipeline", help="--pipeline rules-only"
    )
    p.add_argument(
        "--address",
        metavar="HOST:PORT",
        help="a running Ray cluster (ray start --head); default: embedded Ray on this machine, all cores",
    )
    p.add_argument("--num-workers", type=int, metavar="N", help="pipeline actors (default: the cluster's CPUs)")
    p.add_argument(
        "--batch-size",
        type=int,
        metavar="N",
        help="documents per batch, the unit of work, output part and restart "
        "(default: a quarter of each worker's share, at most 1000; a resumed run keeps its own)",
    )
    p.add_argument(
        "--max-document-bytes",
        type=int,
        default=DEFAULT_MAX_DOCUMENT_BYTES,
        help="larger texts go to the errors file (default: %(default)s, as the server)",
    )
    p.add_argument("--summary-json", type=Path, metavar="FILE", help="also write the run's summary as JSON")
    p.add_argument("--log-level", default="WARNING")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name, value in (("--num-workers", args.num_workers), ("--batch-size", args.batch_size)):
        if value is not None and value < 1:
            print(f"zitat-batch: {name} must be at least 1", file=sys.stderr)
            return EXIT_USAGE
    config = BatchConfig(
        input=args.input,
        out=args.out,
        fmt=args.format,
        pipeline=args.pipeline,
        store=args.store,
        max_document_bytes=args.max_document_bytes,
        num_workers=args.num_workers,
        batch_size=args.batch_size,
        address=args.address,
    )
    try:
        summary = run_batch(config)
    except (InputNotFound, OutputMismatch) as err:
        print(f"zitat-batch: {err}", file=sys.stderr)
        return EXIT_USAGE
    for line in summary_lines(summary, args.out):
        print(line)
    if args.summary_json:
        args.summary_json.write_text(json.dumps(to_dict(summary), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
