"""Speed of the rule components: per real article, and on adversarial input (issue #11).

    python -m benchmarks.rules_speed [--pipeline rules-only] [--sizes 5000 10000 20000 40000]

**Per article**: CPU time (``time.process_time``, so other work on a shared machine does not
count) of the rules-only pipeline on each of the 700 spkatt-news articles rebuilt to text, after
tokenisation (the tokenizer has its own benchmark): mean, p50, p99 in ms.

**Adversarial input**: documents of ``n`` words that are one long sentence of cue words and
frame words ("sagte sagte …", "laut laut …", ", so , so …"), each timed against real news of the
same number of words (articles joined). Every rule must be linear in its input, so each shape
should cost a small multiple of news ("× news") and doubling ``n`` should about double the time
("× prev").
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence

from zitat_client import taskformat
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.tokenizer import tokenize
from zitat_server.training.corpora import NEWS_TRAIN

#: Word patterns repeated to ``n`` words: each stresses one rule's scan.
SHAPES: dict[str, str] = {
    "sagte": "sagte ",
    "sagte,": "sagte, ",
    "er sagte,": "Er sagte, ",
    "teilte": "teilte ",
    "laut": "laut ",
    "nach Angaben": "nach Angaben ",
    ", so": ", so ",
    ", wie": ", wie ",
    "Dies sagte": "Dies sagte ",
    "Meinung,": "Meinung, ",
    "er habe,": "er habe, ",
    "„sagte er,": "„ sagte er, ",
}


def news_texts() -> list[str]:
    return [taskformat.detokenize(taskformat.load(p).sentences)[0] for p in sorted(NEWS_TRAIN.glob("*.json"))]


def cpu_ms(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return 1000 * best


def per_article(pipeline: Pipeline, texts: Sequence[str]) -> dict[str, float]:
    docs = [tokenize(t) for t in texts]
    times = []
    for doc in docs:
        start = time.process_time()
        pipeline(doc)
        times.append(1000 * (time.process_time() - start))
    times.sort()
    return {
        "articles": len(times),
        "mean_ms": statistics.fmean(times),
        "p50_ms": times[len(times) // 2],
        "p99_ms": times[int(len(times) * 0.99)],
    }


def news_of(words: int, texts: Sequence[str]) -> str:
    out: list[str] = []
    count = 0
    while count < words:
        for t in texts:
            out.append(t)
            count += len(t.split())
            if count >= words:
                break
    return " ".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pipeline", default="rules-only")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000, 40000])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), help="which adversarial shapes")
    args = parser.parse_args(argv)
    pipeline = Pipeline(args.pipeline)
    texts = news_texts()
    stats = per_article(pipeline, texts)
    print(
        f"{args.pipeline}: {stats['articles']} articles, mean {stats['mean_ms']:.2f} ms, "
        f"p50 {stats['p50_ms']:.2f} ms, p99 {stats['p99_ms']:.2f} ms (CPU, after tokenisation)\n"
    )
    print(f"{'shape':<14}" + "".join(f"{n:>10}" for n in args.sizes) + "   (ms; × news, × previous size)")
    news = {n: tokenize(news_of(n, texts)) for n in args.sizes}
    base = {n: cpu_ms(lambda d=news[n]: pipeline(tokenize(d.text))) for n in args.sizes}
    print(f"{'news':<14}" + "".join(f"{base[n]:>10.0f}" for n in args.sizes))
    for name in args.shapes:
        cells = []
        prev = None
        for n in args.sizes:
            text = SHAPES[name] * (n // max(1, len(SHAPES[name].split())))
            ms = cpu_ms(lambda t=text: pipeline(tokenize(t)))
            growth = f"{ms / prev:.1f}" if prev else "-"
            cells.append(f"{ms:>7.0f} ({ms / base[n]:.1f}×, {growth})")
            prev = ms
        print(f"{name:<14}" + " ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
