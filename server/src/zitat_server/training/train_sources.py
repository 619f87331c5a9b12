"""Train the source ranker (:mod:`zitat_server.extraction.sources`) on the train split.

    python -m zitat_server.training.train_sources --seed 1 --out server/src/zitat_server/models/sources

Every train article is rebuilt as running text and read by the default pipeline up to the
component that chooses sources (rules, taggers, continuations, partial quotes). Each quote
with a cue that pairs with a gold event (maximal message overlap, one to one, as the task's
scorer pairs) is one example: its candidate phrases and "no source", the gold candidate being
the phrase whose span is exactly the gold source, or "no source" when gold has none. Quotes
whose gold source is no candidate are left out (they teach nothing a ranker can choose).

A conditional logit (softmax over each quote's candidates, L2-regularised, fitted with
L-BFGS) learns one weight per feature. The seed chooses the internal validation tenth
(``training.cli.load_splits``); the fit itself is deterministic. Writes ``sources.json``
(weights) and ``train.json`` (arguments, validation accuracy) to ``--out``, and the ranker's
entry of the model card (``models/scores.json``).
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from zitat_client import taskformat

from zitat_server.document import Doc, Quote, Span
from zitat_server.extraction.configs import get_config
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.sources import (
    RERANK_CUELESS,
    SourceChooser,
    candidate_features,
    cueless_features,
    phrase_span,
)
from zitat_server.learned import MODELS_DIR
from zitat_server.learned.ranker import Features, Ranker
from zitat_server.training.cli import load_splits, parser, write_stats
from zitat_server.training.convert import Annotation, Article

#: L2 strength of the fit (chosen on the internal validation tenth: 0.3, 1, 3 give 79.9, 80.2, 79.6 %).
L2 = 1.0


@dataclass(slots=True)
class Group:
    """One quote's candidates (``None`` = no source, last) and the index of the gold one."""

    features: list[Features]
    gold: int


def upstream() -> Pipeline:
    """The default pipeline up to the source ranker: what the ranker sees at run time."""
    config = get_config("default")
    return Pipeline(config.without(*(c for c in ("sources", "coref") if c in config.components)))


def _ids(offsets: taskformat.Offsets, spans: Sequence[Span]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for sp in spans:
        for i in taskformat.tokens_for_span(offsets, sp.start, sp.end):
            s, t = i.split(":")
            out.add((int(s), int(t)))
    return out


def pair(doc: Doc, offsets: taskformat.Offsets, gold: Sequence[Annotation]) -> list[tuple[Quote, Annotation]]:
    """System quotes and the gold events they pair with (maximal message token F1, one to one)."""
    from scipy.optimize import linear_sum_assignment

    if not gold or not doc.quotes:
        return []
    system = [_ids(offsets, q.message) for q in doc.quotes]
    overlap = np.zeros((len(gold), len(system)))
    for i, g in enumerate(gold):
        gm = set(g.message)
        for j, m in enumerate(system):
            both = len(gm & m)
            if both:
                overlap[i, j] = 2 * both / (len(gm) + len(m))
    rows, cols = linear_sum_assignment(overlap, maximize=True)
    return [(doc.quotes[j], gold[i]) for i, j in zip(rows, cols, strict=True) if overlap[i, j] > 0]


def char_span(offsets: taskformat.Offsets, ids: Sequence[tuple[int, int]]) -> Span:
    first, last = min(ids), max(ids)
    return Span(offsets[first[0]][first[1]][0], offsets[last[0]][last[1]][1])


@dataclass(slots=True)
class Labelled:
    """An article read by the upstream pipeline, with its gold events and text offsets."""

    doc: Doc
    offsets: taskformat.Offsets
    gold: list[Annotation]


def read(articles: Sequence[Article], pipeline: Pipeline) -> list[Labelled]:
    out = []
    for a in articles:
        text, offsets = taskformat.detokenize(a.sentences)
        out.append(Labelled(pipeline.process(text), offsets, a.annotations))
    return out


def _label(spans: Sequence[Span], gold: Annotation, offsets: taskformat.Offsets) -> int | None:
    """The gold candidate's index ("no source" is ``len(spans)``), None when gold is no candidate."""
    if not gold.source:
        return len(spans)
    want = char_span(offsets, gold.source)
    return next((k for k, s in enumerate(spans) if s == want), None)


def cued_groups(data: Sequence[Labelled]) -> tuple[list[Group], int]:
    """Groups of the quotes with a cue, and how many were left out (gold no candidate)."""
    out: list[Group] = []
    missed = 0
    for item in data:
        for q, g in pair(item.doc, item.offsets, item.gold):
            found = candidate_features(item.doc, q) if q.parent < 0 else None
            if found is None:
                continue
            phrases, feats = found
            label = _label([phrase_span(item.doc, p) for p in phrases], g, item.offsets)
            if label is None:
                missed += 1
            else:
                out.append(Group(feats, label))
    return out, missed


def cueless_groups(data: Sequence[Labelled], model: Ranker) -> tuple[list[Group], int]:
    """Groups of the quotes without a cue, read as the component reads them: after ``model`` chose
    the sources of the quotes with a cue, in text order; a paired quote then takes its gold
    source (teacher forcing), so the next continuation sees the right "previous source"."""
    out: list[Group] = []
    missed = 0
    for item in data:
        doc = copy.deepcopy(item.doc)
        gold = {id(q): g for q, g in pair(doc, item.offsets, item.gold)}
        changed = SourceChooser(model).choose_cued(doc)
        previous: Span | None = None
        earlier: set[str] = set()
        for q in doc.quotes:
            if q.parent >= 0:
                q.source = doc.quotes[q.parent].source
            elif not q.cue and q.source in changed:
                q.source = changed[q.source]
            elif not q.cue and q.message and (RERANK_CUELESS or q.source is None):
                spans, feats = cueless_features(doc, q, previous, earlier)
                g = gold.get(id(q))
                if feats and g is not None:
                    label = _label(spans, g, item.offsets)
                    if label is None:
                        missed += 1
                    else:
                        out.append(Group(feats, label))
                    q.source = char_span(item.offsets, g.source) if g.source else None
            if q.source is not None:
                previous = q.source
                earlier.add(doc.span_text(q.source))
    return out, missed


def fit(train: Sequence[Group], l2: float = L2) -> Ranker:
    """The conditional logit's weights: minimise sum of -log softmax(gold) + l2/2 |w|^2."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    index: dict[str, int] = {}
    rows, cols, vals, bounds, gold = [], [], [], [0], []
    r = 0
    for g in train:
        for f in g.features:
            for name in f:
                rows.append(r)
                cols.append(index.setdefault(name, len(index)))
                vals.append(1.0)  # duplicates add up in the sparse matrix
            r += 1
        gold.append(bounds[-1] + g.gold)
        bounds.append(r)
    x = csr_matrix((vals, (rows, cols)), shape=(r, len(index)))
    starts = np.array(bounds[:-1])
    group_of = np.repeat(np.arange(len(train)), np.diff(bounds))
    gold_rows = np.array(gold)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[group_of])
        z = np.add.reduceat(e, starts)
        p = e / z[group_of]
        value = float(np.sum(np.log(z) + top - s[gold_rows])) + 0.5 * l2 * float(w @ w)
        p[gold_rows] -= 1.0
        return value, x.T @ p + l2 * w

    result = minimize(loss, np.zeros(len(index)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    names = {i: n for n, i in index.items()}
    weights = {names[i]: round(float(v), 5) for i, v in enumerate(result.x) if abs(v) > 1e-5}
    return Ranker(weights, {"l2": l2, "features": len(index), "iterations": int(result.nit)})


def accuracy(model: Ranker, data: Sequence[Group]) -> float:
    return sum(model.choose(g.features)[0] == g.gold for g in data) / max(len(data), 1)


def write_card(scores: dict[str, float]) -> None:
    """The ranker's entry of the model card (``models/scores.json``)."""
    path = MODELS_DIR / "scores.json"
    card = json.loads(path.read_text(encoding="utf-8"))
    card["components"]["sources"] = {
        "description": "Linear ranker (conditional logit): the source of a quote among the noun phrases of its cue's "
        "sentence, or none",
        "scores": scores,
    }
    path.write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def train_model(train: Sequence[Labelled], l2: float = L2) -> tuple[Ranker, dict[str, int]]:
    """Both stages: the quotes with a cue, then (after the first stage chose) those without."""
    cued, cued_missed = cued_groups(train)
    first = fit(cued, l2)
    cueless, cueless_missed = cueless_groups(train, first)
    second = fit(cueless, l2)
    model = Ranker(
        {**first.weights, **second.weights}, {"l2": l2, "features": len(first.weights) + len(second.weights)}
    )
    counts = {
        "cued": len(cued),
        "cued_gold_not_candidate": cued_missed,
        "cueless": len(cueless),
        "cueless_gold_not_candidate": cueless_missed,
    }
    return model, counts


def evaluate(model: Ranker, data: Sequence[Labelled]) -> dict[str, float]:
    cued, _ = cued_groups(data)
    cueless, _ = cueless_groups(data, model)
    return {"cued_accuracy": round(accuracy(model, cued), 4), "cueless_accuracy": round(accuracy(model, cueless), 4)}


def main() -> None:
    ap = parser(__doc__ or "", "sources", epochs=0)
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args()
    train, val = load_splits(args)
    started = time.monotonic()
    pipeline = upstream()
    train_data, val_data = read(train, pipeline), read(val, pipeline)
    model, counts = train_model(train_data, args.l2)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / "sources.json")
    val_scores = evaluate(model, val_data)
    stats = {
        **{f"train_{k}": v for k, v in counts.items()},
        **{f"train_{k}": v for k, v in evaluate(model, train_data).items()},
        **{f"internal_dev_{k}": v for k, v in val_scores.items()},
        "features": len(model.weights),
        "train_minutes": round((time.monotonic() - started) / 60, 2),
    }
    write_stats(args.out, "train", args, stats)
    write_card({f"internal_dev_{k}": round(v, 3) for k, v in val_scores.items()})
    print(stats)


if __name__ == "__main__":
    main()
