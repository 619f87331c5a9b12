"""What the JSON API costs over gRPC: the same extraction, alternately over both, on one server.

    python -m benchmarks.json_gateway [--requests N] [--pipeline NAME]

Starts a server (``running_endpoints``), then sends the example article ``N`` times over gRPC
and ``N`` times as ``POST /v1/extract`` (one connection each, closed loop, alternating so that
both see the same machine load); the first 10 % are a warm-up. The difference of the medians is
the gateway's cost: HTTP, JSON parsing and printing, and the second hop over the local channel.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import grpc
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_proto.v1 import quotes_pb2_grpc as pb_grpc
from zitat_server.serving.launch import running_endpoints
from zitat_server.training.corpora import EXAMPLES


def _summary(name: str, seconds: list[float]) -> float:
    p50 = statistics.median(seconds) * 1000
    p90 = statistics.quantiles(seconds, n=10)[-1] * 1000
    print(f"{name:5} p50 {p50:7.2f} ms   p90 {p90:7.2f} ms")
    return p50


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--pipeline", default="rules-only")
    args = ap.parse_args(argv)
    text = (EXAMPLES / "umjerow-boeing.txt").read_text(encoding="utf-8")
    body = json.dumps({"document": {"text": text}})
    request = pb.ExtractQuotesRequest(document=pb.Document(text=text))
    with tempfile.TemporaryDirectory() as tmp, running_endpoints(
        "--pipeline", args.pipeline, "--store", str(Path(tmp) / "claims.sqlite3")
    ) as started, grpc.insecure_channel(started.target) as channel:
        stub = pb_grpc.QuoteServiceStub(channel)
        url = urlsplit(started.http)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)  # kept alive (HTTP/1.1)
        over_grpc, over_json = [], []
        for _ in range(args.requests):
            t = time.perf_counter()
            stub.ExtractQuotes(request, timeout=60)
            over_grpc.append(time.perf_counter() - t)
            t = time.perf_counter()
            conn.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            assert response.status == 200, response.read()
            response.read()
            over_json.append(time.perf_counter() - t)
        conn.close()
    warm = args.requests // 10
    print(f"{args.requests - warm} requests each, pipeline {args.pipeline}, the example article ({len(text)} chars)")
    cost = _summary("JSON", over_json[warm:]) - _summary("gRPC", over_grpc[warm:])
    print(f"the JSON API's cost: {cost:.2f} ms at the median")


if __name__ == "__main__":
    main()
