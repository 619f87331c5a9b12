"""``zitat-server``: start the service on its embedded defaults (:class:`ServerConfig`)."""

from __future__ import annotations

import argparse
import logging
import os

from zitat_server.extraction.configs import CONFIGS
from zitat_server.serving.config import ServerConfig
from zitat_server.serving.server import run

_DEFAULTS = ServerConfig()


def build_parser() -> argparse.ArgumentParser:
    d = _DEFAULTS
    p = argparse.ArgumentParser(prog="zitat-server", description="Serve zitat's quote extraction over gRPC.")
    p.add_argument("--host", default=d.host, help=f"address to bind (default: {d.host}, all interfaces)")
    p.add_argument("--port", type=int, default=d.port, help=f"port (default: {d.port}; 0 picks a free one)")
    p.add_argument(
        "--workers",
        type=int,
        default=d.workers,
        help=f"server processes sharing the port (default: {d.workers}; the work is CPU-bound)",
    )
    p.add_argument("--threads", type=int, default=d.threads, help=f"RPC threads per process (default: {d.threads})")
    p.add_argument(
        "--max-document-bytes",
        type=int,
        default=d.max_document_bytes,
        help=f"largest accepted document in UTF-8 bytes (default: {d.max_document_bytes})",
    )
    p.add_argument(
        "--store",
        default=os.environ.get("ZITAT_STORE", d.store),
        help="claim store: a SQLite file path or a postgresql:// DSN (default: a SQLite file in the user data dir)",
    )
    models = p.add_mutually_exclusive_group()
    models.add_argument(
        "--pipeline",
        choices=sorted(CONFIGS),
        default=d.pipeline,
        help=f"extraction pipeline config (default: {d.pipeline})",
    )
    models.add_argument(
        "--rules-only",
        action="store_const",
        const="rules-only",
        dest="pipeline",
        help="run without the trained models (--pipeline rules-only): faster start, less memory, lower recall",
    )
    p.add_argument(
        "--http-port",
        type=int,
        default=d.http_port,
        help="port of the web page and JSON API (default: the gRPC port + 1, a free one with --port 0; 0: off)",
    )
    p.add_argument("--log-level", default="INFO")
    return p


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.workers < 1:
        raise SystemExit("--workers must be at least 1")
    if args.http_port is not None and args.http_port < 0:
        raise SystemExit("--http-port must not be negative")
    run(
        ServerConfig(
            host=args.host,
            port=args.port,
            workers=args.workers,
            threads=args.threads,
            max_document_bytes=args.max_document_bytes,
            store=args.store,
            pipeline=args.pipeline,
            http_port=args.http_port,
        )
    )


if __name__ == "__main__":
    main()
