"""Cost of the pipeline on adversarial shapes of input, against real news of the same length.

    python -m benchmarks.shapes [--tokens 1000 4000] [--pipeline default] [--repeat 3] [--json OUT]

Every component must stay linear in its input whatever the text looks like: dense quotes, one
endless sentence, many cues in a row, long quoted sentences. For each target length the script
builds each shape to about that many tokens, runs the pipeline in-process (best of
``--repeat``, after one warm-up) and prints the time beside that of real news of the same length
(spkatt-news articles, train and unlabelled, concatenated in name order until the length is
reached) and the ratio of the two. Timings are wall time on this machine, one thread.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.tokenizer import NEWS_DIRS, load_texts

#: name -> a unit of text repeated to the length wanted.
SHAPES: dict[str, str] = {
    "dense indirect": "Er sagte, das sei gut. ",
    "cue words, no sentence end": "sagte ",
    "long quoted sentence": "„Das ist ein Satz, der kein Ende nimmt, und weiter ",
    "many cues in one sentence": "er sagte, sie habe erklärt, man meine, ",
    "Konjunktiv without frame": "Das sei gut, und es habe geholfen. ",
}
CLOSE = {"long quoted sentence": "“, sagte er.", "many cues in one sentence": "das sei gut."}


def real_news(tokens: int) -> str:
    """Spkatt-news articles joined by blank lines until they hold ``tokens`` tokens."""
    parts, n = [], 0
    for text in load_texts(NEWS_DIRS):
        parts.append(text.text)
        n += len(text.tokens)
        if n >= tokens:
            break
    return "\n\n".join(parts)


def shaped(unit: str, tokens: int, count: Callable[[str], int], close: str = "") -> str:
    per_unit = max(1, count(unit))
    return unit * max(1, tokens // per_unit) + close


def timed(process: Callable[[str], Any], text: str, repeat: int) -> float:
    process(text)  # warm-up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        process(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.shapes", description=__doc__.split("\n\n")[0])
    p.add_argument("--tokens", type=int, nargs="+", default=[1000, 4000])
    p.add_argument("--pipeline", nargs="+", default=["default", "rules-only"])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)

    from zitat_server.extraction.pipeline import Pipeline
    from zitat_server.extraction.tokenizer import tokenize

    def count(text: str) -> int:
        return len(tokenize(text).tokens)

    rows = []
    for name in args.pipeline:
        pipeline = Pipeline(name)
        for n in args.tokens:
            news = real_news(n)
            base = timed(pipeline.process, news, args.repeat)
            rows.append({"pipeline": name, "shape": "real news", "tokens": count(news), "ms": round(base, 1),
                         "ratio": 1.0})
            for shape, unit in SHAPES.items():
                text = shaped(unit, n, count, CLOSE.get(shape, ""))
                ms = timed(pipeline.process, text, args.repeat)
                tokens = count(text)
                rows.append({"pipeline": name, "shape": shape, "tokens": tokens, "ms": round(ms, 1),
                             "ratio": round(ms / base * count(news) / tokens, 2)})
    print(f"{'pipeline':<12}{'shape':<30}{'tokens':>8}{'ms':>10}{'x news/token':>14}")
    for r in rows:
        print(f"{r['pipeline']:<12}{r['shape']:<30}{r['tokens']:>8}{r['ms']:>10.1f}{r['ratio']:>14.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
