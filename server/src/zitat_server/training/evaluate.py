"""Score the learned models alone, the rules alone and their combination on the dev split.

    python -m zitat_server.training.evaluate [--mode models|rules|combined] [--limit N]

Uses the project's benchmark (:mod:`benchmarks.accuracy`, run from the repository root) on
the dev part of :func:`zitat_client.taskformat.dev_split`, so the numbers are comparable with
``python -m benchmarks.accuracy --inprocess``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    from benchmarks.accuracy import FoundQuote, run, select_files
    from benchmarks.scoring import format_report
    from zitat_server.attribution import RuleAttributor
    from zitat_server.learned import LearnedAttributor, combine
    from zitat_server.tokenize import tokenize

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=Path("../shared/data/spkatt-news/train"))
    p.add_argument("--mode", choices=("models", "rules", "combined"), default="models")
    p.add_argument("--models", type=Path, default=None)
    p.add_argument("--out", type=Path, default=Path("/tmp/zitat-eval"))
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--json", type=Path)
    args = p.parse_args()

    learned = LearnedAttributor.load(args.models) if args.mode != "rules" else None
    rules = RuleAttributor()
    timings: list[float] = []

    def extract(text: str) -> list[FoundQuote]:
        doc = tokenize(text)
        started = time.perf_counter()
        model = learned.annotate(doc) if learned else []
        timings.append(time.perf_counter() - started)
        ruled = rules.annotate(doc) if args.mode != "models" else []
        quotes = {"models": model, "rules": ruled, "combined": combine(ruled, model)}[args.mode]
        return [FoundQuote.from_doc(q) for q in quotes]

    files = select_files(args.data, "dev")
    if args.limit:
        files = files[: args.limit]
    result = run(files, args.out / args.mode, extract, "cue-sentence")
    timings.sort()
    print(
        f"{len(files)} dev documents, mode={args.mode}, model time p50 "
        f"{1000 * timings[len(timings) // 2]:.1f} ms/document\n"
    )
    print(format_report(result["scores"]))
    if args.json:
        args.json.write_text(json.dumps({"mode": args.mode, **result}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
