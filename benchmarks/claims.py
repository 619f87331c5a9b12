"""The claim store end to end: ingest throughput and query latency, on SQLite and PostgreSQL.

    python -m benchmarks.claims [--store PATH_OR_DSN] [--queries N] [--json OUT]

All spkatt-news articles (train + unlabelled, 700 + 148) are rebuilt to running text with their
publication dates from the document names (as ``zitat ingest`` does with task files) and
streamed through ``ClaimService.IngestDocuments`` of a real server
(:func:`zitat_server.serving.launch.running_server` with ``--store``), twice: the first pass extracts
and stores (its articles/s include extraction, speaker resolution and linking), the second
must find every document unchanged and leave every count as it was. Then, on the one client
channel, one call at a time after a short warm-up, the latency of ``GetSpeaker`` (timeline of a
random speaker) and of ``SearchClaims`` (first page of a full-text query for a random word of
the stored claim texts) is measured.

The first pass streams the 700 training articles first: right after them the speaker registry
is read as ``benchmarks.registry`` reads it (records by type, the share of claims attributed,
why the others are not, and the precision of the hand-judged samples), then the unlabelled
articles follow.

Without ``--store`` it runs on a SQLite file in a temporary directory and, when
``ZITAT_TEST_PG_DSN`` is set (``eval "$(bash scripts/start_postgres.sh)"``), on that
PostgreSQL database too, whose public schema it drops and recreates first.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import Any

from zitat_client import Client
from zitat_client.cli_claims import document_for
from zitat_server.claims.store import open_store
from zitat_server.serving.launch import running_server

from benchmarks import registry
from benchmarks.latency import environment, percentile
from benchmarks.tokenizer import NEWS_DIRS

OUTLET = "WikiNews"
WARMUP = 10
_WORD = re.compile(r"[^\W\d_]{5,}")  # query words: letters only, long enough to mean something


def load_documents() -> list[dict[str, Any]]:
    """Every article of the corpus as ``Client.ingest`` keywords."""
    paths = [path for directory in NEWS_DIRS for path in sorted(directory.glob("*.json"))]
    if not paths:
        raise SystemExit(f"no articles found in {[str(d) for d in NEWS_DIRS]}")
    return [document_for(path, OUTLET, None) for path in paths]


def ingest_pass(
    client: Client, documents: Sequence[dict[str, Any]], store_arg: str, registry_ids: Sequence[str] = ()
) -> dict[str, Any]:
    """Stream all documents once; statuses, wall time, articles/s and the store's counts after.
    With ``registry_ids`` (the first documents), the registry is read after them (untimed)."""
    first = len(registry_ids)
    start = time.perf_counter()
    statuses = Counter(result.status for result in client.ingest(documents[:first]))
    seconds = time.perf_counter() - start
    snapshot = registry_report(store_arg, registry_ids) if first else None
    start = time.perf_counter()
    statuses.update(result.status for result in client.ingest(documents[first:]))
    seconds += time.perf_counter() - start
    with open_store(store_arg) as store:
        counts = asdict(store.counts())
    result = {
        "statuses": dict(statuses),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(documents) / seconds, 1),
        "counts": counts,
    }
    if snapshot is not None:
        result["registry"] = snapshot
    return result


def registry_report(store_arg: str, document_ids: Sequence[str]) -> dict[str, Any]:
    """The registry after the training articles, as ``benchmarks.registry report`` reads it."""
    with open_store(store_arg) as store:
        report, _records, _claims = registry.summarize(store, document_ids, registry.load_judged())
    return report.to_json()


def latencies(calls: Sequence[Callable[[], object]]) -> dict[str, float]:
    """p50/p99/mean milliseconds of the calls, one at a time, after a warm-up with the first few."""
    for call in calls[:WARMUP]:
        call()
    samples = []
    for call in calls:
        start = time.perf_counter()
        call()
        samples.append(1000 * (time.perf_counter() - start))
    samples.sort()
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 50), 2),
        "p99_ms": round(percentile(samples, 99), 2),
        "mean_ms": round(sum(samples) / len(samples), 2),
    }


def query_latency(client: Client, n: int, rng: random.Random) -> dict[str, Any]:
    """Speaker timelines and full-text searches over what the store holds."""
    speakers = [s.id for s in client.list_speakers(page_size=1000)]
    words = sorted({w for claim in client.search_claims(page_size=1000) for w in _WORD.findall(claim.text)})
    speaker_ids = rng.choices(speakers, k=n)
    query_words = rng.choices(words, k=n)
    hits: list[int] = []

    def search(word: str) -> Callable[[], object]:
        # One page, one call: the iterator would follow the page tokens.
        return lambda: hits.append(len(list(itertools.islice(client.search_claims(query=word, page_size=50), 50))))

    timeline = latencies([lambda i=i: client.get_speaker(i) for i in speaker_ids])
    full_text = latencies([search(word) for word in query_words])
    full_text["mean_hits"] = round(sum(hits[WARMUP:]) / max(len(hits) - WARMUP, 1), 1)
    return {"speaker_timeline": timeline, "full_text_search": full_text}


def reset_postgres(dsn: str) -> None:
    """Drop and recreate the public schema of the (throwaway) test database."""
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def backend_name(store_arg: str) -> str:
    return "postgres" if store_arg.startswith(("postgresql://", "postgres://")) else "sqlite"


@contextmanager
def default_stores() -> Iterator[list[tuple[str, str]]]:
    """(name, --store) of SQLite in a temporary directory and, if configured, the test PostgreSQL."""
    with tempfile.TemporaryDirectory(prefix="zitat-bench-") as tmp:
        stores = [("sqlite", str(Path(tmp) / "claims.sqlite3"))]
        dsn = os.environ.get("ZITAT_TEST_PG_DSN")
        if dsn:
            reset_postgres(dsn)
            stores.append(("postgres", dsn))
        yield stores


def bench(name: str, store_arg: str, documents: Sequence[dict[str, Any]], queries: int, seed: int) -> dict[str, Any]:
    train = [d["id"] for d in registry.train_documents()]
    with running_server("--store", store_arg) as (target, _proc), Client(target, timeout=60) as client:
        first = ingest_pass(client, documents, store_arg, train)
        second = ingest_pass(client, documents, store_arg)
        result = {
            "backend": name,
            "pipeline_version": client.model_info().pipeline_version,
            "documents": len(documents),
            "first": first,
            "second": second,
        }
        result["second_ingest_changes_no_count"] = first["counts"] == second["counts"]
        result.update(query_latency(client, queries, random.Random(seed)))
    return result


def print_report(results: Sequence[dict[str, Any]]) -> None:
    print(f"{'':<34}" + "".join(f"{r['backend']:>14}" for r in results))

    def row(label: str, get: Callable[[dict[str, Any]], object]) -> None:
        print(f"{label:<34}" + "".join(f"{get(r)!s:>14}" for r in results))

    for key in ("documents", "claims", "speakers", "clusters", "linked_claims", "attributed_claims"):
        row(f"{key} (1st / 2nd ingest)", lambda r, k=key: f"{r['first']['counts'][k]} / {r['second']['counts'][k]}")
    kinds = sorted({k for r in results for k in r["first"]["counts"]["speakers_by_type"]})
    for kind in kinds:
        row(f"  speakers: {kind}", lambda r, k=kind: r["first"]["counts"]["speakers_by_type"].get(k, 0))
    row("2nd ingest changes no count", lambda r: r["second_ingest_changes_no_count"])
    row("2nd ingest statuses", lambda r: ",".join(f"{k}:{v}" for k, v in r["second"]["statuses"].items()))
    row("ingest articles/s (1st, extract)", lambda r: r["first"]["articles_per_s"])
    row("ingest articles/s (2nd, unchanged)", lambda r: r["second"]["articles_per_s"])
    for query in ("speaker_timeline", "full_text_search"):
        for stat in ("p50_ms", "p99_ms"):
            row(f"{query} {stat}", lambda r, q=query, s=stat: r[q][s])
    row("full_text_search mean hits", lambda r: r["full_text_search"]["mean_hits"])
    print_registry(results)


def print_registry(results: Sequence[dict[str, Any]]) -> None:
    """The registry figures after the 700 training articles (``benchmarks.registry``)."""
    print(f"\nspeaker registry after the {registry.OUTLET} training articles ({registry.SEED}):")
    print(f"{'':<34}" + "".join(f"{r['backend']:>14}" for r in results))

    def row(label: str, get: Callable[[dict[str, Any]], object]) -> None:
        print(f"{label:<34}" + "".join(f"{get(r['first']['registry'])!s:>14}" for r in results))

    def pct(name: str) -> Callable[[dict[str, Any]], str]:
        return lambda g: f"{100 * g[name]['rate']:.1f}%"

    row("claims", lambda g: g["figures"]["claims"])
    kinds = sorted({k for r in results for k in r["first"]["registry"]["figures"]["records_by_type"]})
    for kind in kinds:
        row(f"records: {kind}", lambda g, k=kind: g["figures"]["records_by_type"].get(k, 0))
    row("claims attributed to a record", lambda g: f"{100 * g['figures']['attributed_share']:.1f}%")
    row("anonymous sources", lambda g: g["figures"]["anonymous"])
    reasons = sorted({k for r in results for k in r["first"]["registry"]["figures"]["unresolved_reasons"]})
    for reason in reasons:
        row(f"  no record: {reason or '?'}", lambda g, k=reason: g["figures"]["unresolved_reasons"].get(k, 0))
    row("judged records / claims", lambda g: f"{g['records_judged']} / {g['claims_judged']}")
    row("records clean, right type", pct("records_clean_and_typed"))
    row("claims with the right record", pct("claims_right"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.claims", description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="one store to run on: a SQLite path or a postgresql:// DSN")
    parser.add_argument("--queries", type=int, default=200, help="measured calls per query kind (%(default)s)")
    parser.add_argument("--seed", type=int, default=4, help="for the random speakers and words (%(default)s)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON")
    args = parser.parse_args(argv)
    documents = load_documents()
    with nullcontext([(backend_name(args.store), args.store)]) if args.store else default_stores() as stores:
        results = [bench(name, store, documents, args.queries, args.seed) for name, store in stores]
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps({"environment": environment(), "results": results}, indent=2) + "\n")
    return 0 if all(r["second_ingest_changes_no_count"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
