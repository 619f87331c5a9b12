"""Train the partial-quote classifier (:mod:`zitat_server.extraction.partial_quotes`) on the train split.

python -m zitat_server.training.train_partial --seed 1 --out server/src/zitat_server/models/partial

Every article is rebuilt as running text and read by the rules-only pipeline (rules and
continuations, as the service runs them before the classifier); each quoted region they leave
open is one example, labelled ``quote`` when at least half of its tokens belong to a gold
``Direct`` message, else ``other``.
"""

from __future__ import annotations

import time

from zitat_client import taskformat

from zitat_server.extraction.partial_quotes import THRESHOLD, candidates, features
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.learned.linear import Features
from zitat_server.training.cli import load_splits, parser, write_stats
from zitat_server.training.convert import Article
from zitat_server.training.train_forms import fit


def dataset(articles: list[Article]) -> tuple[list[Features], list[str]]:
    rules = Pipeline("rules-only")  # rules and continuations, as the service runs them before the classifier
    xs, ys = [], []
    for a in articles:
        text, offsets = taskformat.detokenize(a.sentences)
        doc = rules.process(text)
        direct = [set(x.message) for x in a.annotations if x.form == "Direct"]
        for c in candidates(doc, doc.quotes):
            outer = c.region.outer
            ids = {
                tuple(int(v) for v in i.split(":")) for i in taskformat.tokens_for_span(offsets, outer.start, outer.end)
            }
            quote = any(len(ids & m) * 2 >= len(ids) for m in direct)
            xs.append(features(doc, c))
            ys.append("quote" if quote else "other")
    return xs, ys


def main() -> None:
    args = parser(__doc__ or "", "partial", epochs=0).parse_args()
    train, val = load_splits(args)
    started = time.monotonic()
    xs, ys = dataset(train)
    vx, vys = dataset(val)
    model, _ = fit(xs, ys, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / "partial.json")
    tp = fp = fn = 0
    for x, y in zip(vx, vys, strict=True):
        label, p = model.predict(x)
        accepted = (p if label == "quote" else 1 - p) >= THRESHOLD
        tp += accepted and y == "quote"
        fp += accepted and y != "quote"
        fn += not accepted and y == "quote"
    stats = {
        "train_examples": len(ys),
        "train_quotes": ys.count("quote"),
        "internal_dev_examples": len(vys),
        "internal_dev_precision": round(tp / max(tp + fp, 1), 4),
        "internal_dev_recall": round(tp / max(tp + fn, 1), 4),
        "train_minutes": round((time.monotonic() - started) / 60, 2),
    }
    write_stats(args.out, "train", args, stats)
    print(stats)


if __name__ == "__main__":
    main()
