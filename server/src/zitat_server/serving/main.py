"""``zitat-server``: start the service on its embedded defaults (:class:`ServerConfig`)."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from zitat_server.extraction.configs import CONFIGS
from zitat_server.serving.auth import TokenFileError, TokenTable
from zitat_server.serving.config import ServerConfig, available_cores
from zitat_server.serving.server import run

_DEFAULTS = ServerConfig()


def _pipeline(name: str) -> str:
    if name in CONFIGS or ":" in name:
        return name
    raise argparse.ArgumentTypeError(f"unknown pipeline {name!r}; known: {', '.join(sorted(CONFIGS))}")


def build_parser() -> argparse.ArgumentParser:
    d = _DEFAULTS
    p = argparse.ArgumentParser(prog="zitat-server", description="Serve zitat's quote extraction over gRPC.")
    p.add_argument("--host", default=d.host,
                   help=f"address to bind (default: {d.host}; another address without --auth-token-file is warned "
                        "about)")
    p.add_argument("--port", type=int, default=d.port, help=f"port (default: {d.port}; 0 picks a free one)")
    p.add_argument("--workers", type=int, default=int(os.environ.get("ZITAT_WORKERS", d.workers)),
                   help=f"worker processes running the pipeline; any serves any request (default: $ZITAT_WORKERS "
                        f"or one per core, {available_cores()} here)")
    p.add_argument("--max-queue", type=int, default=d.max_queue,
                   help=f"documents waiting for a worker before calls are refused with RESOURCE_EXHAUSTED "
                        f"(default: {d.max_queue})")
    p.add_argument("--max-document-bytes", type=int, default=d.max_document_bytes,
                   help=f"largest accepted document in UTF-8 bytes (default: {d.max_document_bytes})")
    p.add_argument("--grace", type=float, default=d.grace_seconds, metavar="S",
                   help=f"on SIGTERM, seconds for calls and streams in flight to finish (default: {d.grace_seconds:g})")
    p.add_argument("--store", default=os.environ.get("ZITAT_STORE", d.store),
                   help="claim store: a SQLite file path or a postgresql:// DSN (default: a SQLite file in the user "
                        "data dir)")
    models = p.add_mutually_exclusive_group()
    models.add_argument("--pipeline", type=_pipeline, default=d.pipeline, metavar="NAME",
                        help=f"extraction pipeline config: {', '.join(sorted(CONFIGS))} (default: {d.pipeline}); "
                             "MODULE:FUNCTION builds another (tests use one with known timing)")
    models.add_argument("--rules-only", action="store_const", const="rules-only", dest="pipeline",
                        help="run without the trained models (--pipeline rules-only): faster start, less memory, "
                             "lower recall")
    security = p.add_argument_group("security")
    security.add_argument("--tls-cert", type=Path, metavar="PEM", help="serve TLS with this certificate chain")
    security.add_argument("--tls-key", type=Path, metavar="PEM", help="the certificate's private key")
    security.add_argument("--tls-client-ca", type=Path, metavar="PEM",
                          help="require client certificates signed by this CA (mutual TLS)")
    security.add_argument("--auth-token-file", type=Path, metavar="PATH",
                          help="lines 'TOKEN read|write': every call but health needs 'authorization: Bearer TOKEN'; "
                               "changing the claim store needs write")
    security.add_argument("--no-reflection", dest="reflection", action="store_false",
                          help="do not offer gRPC server reflection")
    p.add_argument("--http-port", type=int, default=d.http_port, metavar="P",
                   help="port of the web page and JSON API (default: the gRPC port + 1, a free one with --port 0; "
                        "0: off; off by default with --tls-cert, as it speaks plain HTTP)")
    p.add_argument("--metrics-port", type=int, metavar="P",
                   help="serve Prometheus metrics at http://HOST:P/metrics")
    p.add_argument("--log-level", default=d.log_level)
    return p


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.workers < 0:
        raise SystemExit("--workers must not be negative (0: one per core)")
    if args.max_queue < 1:
        raise SystemExit("--max-queue must be at least 1")
    if args.http_port is not None and args.http_port < 0:
        raise SystemExit("--http-port must not be negative (0: off)")
    if args.http_port and args.tls_cert is not None:
        raise SystemExit("--http-port with --tls-cert: the web page speaks plain HTTP; serve it behind a TLS proxy "
                         "from a server without TLS, or leave --http-port out")
    if args.auth_token_file is not None:
        try:
            TokenTable.load(args.auth_token_file)  # fail now, with the line, not the token, named
        except (OSError, TokenFileError) as err:
            raise SystemExit(f"--auth-token-file {args.auth_token_file}: {err}") from None
    run(
        ServerConfig(
            host=args.host,
            port=args.port,
            workers=args.workers,
            max_queue=args.max_queue,
            max_document_bytes=args.max_document_bytes,
            store=args.store,
            pipeline=args.pipeline,
            grace_seconds=args.grace,
            reflection=args.reflection,
            tls_cert=args.tls_cert,
            tls_key=args.tls_key,
            tls_client_ca=args.tls_client_ca,
            auth_token_file=args.auth_token_file,
            metrics_port=args.metrics_port,
            log_level=args.log_level,
            http_port=args.http_port,
        )
    )


if __name__ == "__main__":
    main()
