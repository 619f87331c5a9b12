"""Train the gate over model quotes (:mod:`zitat_server.learned.gate`) on cross-fitted folds.

    python -m zitat_server.training.train_gate --seed 1 --folds 2 --work build/gate-folds \\
        --out server/src/zitat_server/models/gate [--no-chars] [--hidden 128]

The gate must learn how the taggers err on text they never saw, so its examples come from
taggers that did not train on the article: the train split is cut into ``--folds`` parts (seeded
shuffle); for each part a cue and a role tagger are trained on the other parts (the shipped
taggers' settings; saved under ``--work`` and reused when present) and run, after the rules, on
that part's articles, as the service runs them. Each model quote that would join the rules'
quotes is one example, labelled ``right`` when a gold event has the same cue tokens and a
message of token F1 >= ``--message-f1`` (punctuation aside), else ``wrong``. The examples are
written to ``--work``/examples.jsonl (``--reuse-examples`` refits from it). The threshold is the
lowest probability at which the kept out-of-fold quotes reach ``--precision``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from dataclasses import asdict, replace
from pathlib import Path

from zitat_client import taskformat

from zitat_server.extraction.configs import get_config
from zitat_server.extraction.model_quotes import ModelQuotes
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.learned import MODELS_DIR
from zitat_server.learned.features import FeatureLexicon
from zitat_server.learned.gate import RIGHT, Gate
from zitat_server.learned.linear import Features
from zitat_server.training.cli import write_stats
from zitat_server.training.convert import Annotation, Article, cue_examples, load_dir, role_examples, split_names
from zitat_server.training.corpora import DATA
from zitat_server.training.tagger import TaggerConfig, train_tagger
from zitat_server.training.train_cues import CUE_FEATURES
from zitat_server.training.train_forms import fit
from zitat_server.training.train_roles import ROLE_FEATURES

PUNCTUATION = frozenset(".,;:!?–-„“”\"'«»‚‘’()")


def _train_fold(train: list[Article], out: Path, args: argparse.Namespace) -> None:
    """Cue and role taggers on ``train`` (a tenth held back for epoch selection), as shipped."""
    rng = random.Random(args.seed)
    articles = list(train)
    rng.shuffle(articles)
    n_val = len(articles) // 10
    val, fit_on = articles[:n_val], articles[n_val:]
    lexicon = FeatureLexicon.from_language()
    for name, build, features, epochs in (
        ("cues", cue_examples, CUE_FEATURES, args.epochs_cues),
        ("roles", role_examples, ROLE_FEATURES, args.epochs_roles),
    ):
        target = out / name
        if (target / "best-model.pt").exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        config = TaggerConfig(
            "cue" if name == "cues" else "role",
            features,
            epochs=epochs,
            seed=args.seed,
            threads=args.threads,
            chars=not args.no_chars,
            hidden_size=args.hidden,
        )
        stats = train_tagger(
            config, [e for a in fit_on for e in build(a, lexicon)], [e for a in val for e in build(a, lexicon)], target
        )
        lexicon.save(target)
        (target / "train.json").write_text(json.dumps({"config": asdict(config), **stats}, indent=1), encoding="utf-8")
    if not (out / "forms").exists():
        shutil.copytree(MODELS_DIR / "forms", out / "forms")


def _ids(offsets: taskformat.Offsets, spans: list) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for span in spans:
        for token_id in taskformat.tokens_for_span(offsets, span.start, span.end):
            s, t = token_id.split(":")
            out.add((int(s), int(t)))
    return out


def _content(article: Article, ids: set[tuple[int, int]] | list[tuple[int, int]]) -> set[tuple[int, int]]:
    return {(s, t) for s, t in ids if article.sentences[s][t] not in PUNCTUATION}


def judge(article: Article, message: set[tuple[int, int]], cue: set[tuple[int, int]]) -> dict[str, float]:
    """How a model quote compares with the best-matching gold event (by message token F1)."""
    best: Annotation | None = None
    best_f1 = 0.0
    mine = _content(article, message)
    for gold in article.annotations:
        theirs = _content(article, gold.message)
        shared = len(mine & theirs)
        if shared:
            f1 = 2 * shared / (len(mine) + len(theirs))
            if f1 > best_f1:
                best, best_f1 = gold, f1
    cue_ok = best is not None and _content(article, best.cue) == _content(article, cue)
    return {"message_f1": round(best_f1, 4), "cue_ok": float(cue_ok), "gold_form": best.form if best else None}


def collect(articles: list[Article], model_dir: Path) -> list[dict]:
    """Out-of-fold examples: the model quotes that would join the rules' quotes, judged."""
    default = get_config("default")
    rules = Pipeline(replace(default, name="rules", steps=default.steps[:2]))  # quote_marks, attribution
    if rules.config.components != ["quote_marks", "attribution"]:
        raise RuntimeError(f"unexpected default pipeline {default.components}")
    models = ModelQuotes(model_dir=model_dir)
    out = []
    for article in articles:
        text, offsets = taskformat.detokenize(article.sentences)
        doc = rules.process(text)
        for quote, x in models.candidates(doc):
            verdict = judge(article, _ids(offsets, quote.message), _ids(offsets, quote.cue))
            out.append({"article": article.name, "features": x, **verdict})
    return out


def label(example: dict, message_f1: float) -> str:
    return RIGHT if example["cue_ok"] and example["message_f1"] >= message_f1 else "wrong"


def threshold_for(probabilities: list[float], labels: list[str], precision: float) -> float:
    """The lowest threshold whose kept quotes (probability >= it) are right at ``precision``."""
    ranked = sorted(zip(probabilities, labels, strict=True), reverse=True)
    best = 1.0
    right = 0
    for n, (p, y) in enumerate(ranked, 1):
        right += y == RIGHT
        if right / n >= precision:
            best = p
    return best


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=DATA)
    p.add_argument("--out", type=Path, default=MODELS_DIR / "gate")
    p.add_argument("--work", type=Path, default=Path("build/gate-folds"))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--folds", type=int, default=2)
    p.add_argument("--epochs-cues", type=int, default=10)
    p.add_argument("--epochs-roles", type=int, default=8)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--no-chars", action="store_true")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--message-f1", type=float, default=0.8, help="message token F1 a right quote needs")
    p.add_argument("--precision", type=float, default=0.8, help="out-of-fold precision the threshold aims at")
    p.add_argument("--limit", type=int, help="use only this many train articles (a smoke test)")
    p.add_argument("--reuse-examples", action="store_true", help="refit from --work/examples.jsonl")
    args = p.parse_args()
    started = time.monotonic()
    examples_file = args.work / "examples.jsonl"
    if args.reuse_examples:
        examples = [json.loads(line) for line in examples_file.read_text(encoding="utf-8").splitlines()]
    else:
        news = args.data / "spkatt-news" / "train"
        names, _ = split_names(news)
        random.Random(args.seed).shuffle(names)
        names = names[: args.limit]
        examples = []
        for k in range(args.folds):
            held = set(names[k :: args.folds])
            fold_dir = args.work / f"fold-{k}"
            _train_fold(load_dir(news, [n for n in names if n not in held]), fold_dir, args)
            examples += collect(load_dir(news, held), fold_dir)
        args.work.mkdir(parents=True, exist_ok=True)
        examples_file.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples), encoding="utf-8")
    xs: list[Features] = [e["features"] for e in examples]
    ys = [label(e, args.message_f1) for e in examples]
    model, _ = fit(xs, ys, args.seed)
    gate = Gate(model, 0.5)
    # The threshold from out-of-fold probabilities of a second level of folds over the examples.
    probabilities = [0.0] * len(xs)
    articles = sorted({e["article"] for e in examples})
    for k in range(5):
        held = set(articles[k::5])
        inner, _ = fit([x for x, e in zip(xs, examples, strict=True) if e["article"] not in held],
                       [y for y, e in zip(ys, examples, strict=True) if e["article"] not in held], args.seed)
        for i, e in enumerate(examples):
            if e["article"] in held:
                probabilities[i] = Gate(inner, 0.5).probability(xs[i])
    gate = Gate(model, round(threshold_for(probabilities, ys, args.precision), 4))
    gate.save(args.out)
    kept = [y for p_, y in zip(probabilities, ys, strict=True) if p_ >= gate.threshold]
    stats = {
        "examples": len(ys),
        "right": ys.count(RIGHT),
        "threshold": gate.threshold,
        "kept_cross_validated": len(kept),
        "kept_precision_cross_validated": round(kept.count(RIGHT) / max(len(kept), 1), 4),
        "train_minutes": round((time.monotonic() - started) / 60, 1),
    }
    write_stats(args.out, "train", args, stats)
    print(stats)


if __name__ == "__main__":
    main()
