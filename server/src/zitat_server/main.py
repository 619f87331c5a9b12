"""``zitat-server``: start the service on its embedded defaults."""

from __future__ import annotations

import argparse
import logging
import os

from zitat_server.server import ServerConfig, run
from zitat_server.service import DEFAULT_MAX_DOCUMENT_BYTES


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zitat-server", description="Serve zitat's quote extraction over gRPC.")
    p.add_argument("--host", default="[::]", help="address to bind (default: all interfaces)")
    p.add_argument("--port", type=int, default=50051, help="port (default: 50051; 0 picks a free one)")
    p.add_argument(
        "--workers", type=int, default=1, help="server processes sharing the port (default: 1; CPU-bound work)"
    )
    p.add_argument("--threads", type=int, default=8, help="RPC threads per process (default: 8)")
    p.add_argument(
        "--max-document-bytes",
        type=int,
        default=DEFAULT_MAX_DOCUMENT_BYTES,
        help=f"largest accepted document in UTF-8 bytes (default: {DEFAULT_MAX_DOCUMENT_BYTES})",
    )
    p.add_argument(
        "--store",
        default=os.environ.get("ZITAT_STORE"),
        help="claim store: a SQLite file path or a postgresql:// DSN (default: a SQLite file in the user data dir)",
    )
    p.add_argument(
        "--rules-only",
        action="store_true",
        help="run without the trained models: faster start and less memory, lower recall",
    )
    p.add_argument("--log-level", default="INFO")
    return p


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.workers < 1:
        raise SystemExit("--workers must be at least 1")
    run(
        ServerConfig(
            host=args.host,
            port=args.port,
            workers=args.workers,
            threads=args.threads,
            max_document_bytes=args.max_document_bytes,
            store=args.store,
            models=not args.rules_only,
        )
    )


if __name__ == "__main__":
    main()
