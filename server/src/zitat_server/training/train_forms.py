"""Train the form and medium classifiers on the gold events of the train split.

python -m zitat_server.training.train_forms --seed 1 --out server/src/zitat_server/models/forms
"""

from __future__ import annotations

import time

from zitat_server.learned.examples import sentence_features
from zitat_server.learned.features import FeatureLexicon
from zitat_server.learned.forms import event_features
from zitat_server.learned.linear import Features, LinearModel
from zitat_server.training.cli import load_splits, parser, write_stats
from zitat_server.training.convert import Article


def _dataset(articles: list[Article], lexicon: FeatureLexicon) -> tuple[list[Features], list[str], list[str]]:
    xs, forms, media = [], [], []
    for a in articles:
        feats = sentence_features(a.sentences, lexicon)
        for ann in a.annotations:
            if ann.form is None or not ann.message:
                continue
            xs.append(event_features(a.sentences, feats, ann.cue, ann.message))
            forms.append(ann.form)
            media.append(ann.medium or "Speech")
    return xs, forms, media


def fit(xs: list[Features], ys: list[str], seed: int) -> tuple[LinearModel, object]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    clf = LogisticRegression(C=1.0, max_iter=2000, random_state=seed).fit(x, ys)
    classes = [str(c) for c in clf.classes_]
    coef = clf.coef_ if len(classes) > 2 else [[-v for v in clf.coef_[0]], list(clf.coef_[0])]
    bias = list(clf.intercept_) if len(classes) > 2 else [-clf.intercept_[0], clf.intercept_[0]]
    weights = {name: [round(float(coef[k][j]), 5) for k in range(len(classes))] for name, j in vec.vocabulary_.items()}
    return LinearModel(classes, weights, [float(b) for b in bias]), (vec, clf)


def main() -> None:
    args = parser(__doc__ or "", "forms", epochs=0).parse_args()
    train, val = load_splits(args)
    train = [a for a in train if any(x.form for x in a.annotations)]  # parliament has no Form
    started = time.monotonic()
    lexicon = FeatureLexicon.from_language()
    xs, forms, media = _dataset(train, lexicon)
    vx, vforms, vmedia = _dataset(val, lexicon)
    args.out.mkdir(parents=True, exist_ok=True)
    lexicon.save(args.out)
    stats: dict[str, object] = {}
    for name, ys, vys in (("form", forms, vforms), ("medium", media, vmedia)):
        model, _ = fit(xs, ys, args.seed)
        model.save(args.out / f"{name}.json")
        acc = sum(model.predict(x)[0] == y for x, y in zip(vx, vys, strict=True)) / max(len(vys), 1)
        stats[f"{name}_internal_dev_accuracy_on_gold_spans"] = round(acc, 4)
    stats["train_minutes"] = round((time.monotonic() - started) / 60, 2)
    write_stats(args.out, "train", args, stats)
    print(stats)


if __name__ == "__main__":
    main()
