"""Train word vectors (skip-gram word2vec) on all German text we have, for the taggers.

python -m zitat_server.training.train_vectors --seed 1 --out build/vectors

No pretrained German vectors can be downloaded, so they are learned here from: the news
articles of our train split (never the dev split), the parliament training speeches and the
10kGNAD DER STANDARD articles (tokenised with our tokenizer). The unlabelled WikiNews articles
are kept for timing and robustness runs and are not read. Words are lower-cased, as the
taggers' word embedding reads them. The output,
``vectors.npz`` (``words``, ``vectors``), is an input of ``train_cues``/``train_roles
--vectors``; the taggers carry the vectors inside their model files, so it is not shipped.
Needs gensim (``pip install -e './server[train]'``); inference does not.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path

from zitat_server.extraction.tokenizer import tokenize
from zitat_server.training.convert import split_names
from zitat_server.training.corpora import DATA, STANDARD_ARTICLES, standard_articles

DIM = 64  # the taggers' word_dim


def sentences(data: Path) -> Iterator[list[str]]:
    """Lower-cased token lists of every text the vectors learn from."""
    news = data / "spkatt-news" / "train"
    train_names, _ = split_names(news)
    files = [news / f"{n}.json" for n in train_names]
    files += sorted((data / "spkatt-parliament" / "train").glob("*.json"))
    for path in files:
        for s in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            yield [t.lower() for t in s["Tokens"]]
    for _category, text in standard_articles(data / STANDARD_ARTICLES.relative_to(DATA)):
        doc = tokenize(text)
        for s in doc.sentences:
            yield [t.text.lower() for t in doc.tokens[s.first : s.last]]


def main() -> None:
    import numpy as np
    from gensim.models import Word2Vec

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=DATA)
    p.add_argument("--out", type=Path, default=Path("build/vectors"))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--min-count", type=int, default=3)
    args = p.parse_args()
    started = time.monotonic()
    corpus = list(sentences(args.data))
    # One worker: gensim is only reproducible for a fixed seed with a single thread.
    model = Word2Vec(
        corpus,
        vector_size=DIM,
        window=5,
        min_count=args.min_count,
        sg=1,
        negative=5,
        epochs=args.epochs,
        seed=args.seed,
        workers=1,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    words = list(model.wv.index_to_key)
    np.savez_compressed(args.out / "vectors.npz", words=np.array(words), vectors=model.wv.vectors.astype("float32"))
    stats = {
        "sentences": len(corpus),
        "tokens": sum(len(s) for s in corpus),
        "vocabulary": len(words),
        "dim": DIM,
        "minutes": round((time.monotonic() - started) / 60, 1),
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    (args.out / "train.json").write_text(json.dumps(stats, indent=1), encoding="utf-8")
    print(stats)
    for probe in ("sagte", "erklärte", "zufolge", "minister"):
        if probe in model.wv:
            print(probe, [w for w, _ in model.wv.most_similar(probe, topn=6)])


if __name__ == "__main__":
    main()
