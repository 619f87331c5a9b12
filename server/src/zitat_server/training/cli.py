"""Command-line plumbing shared by the trainers: arguments, data loading and the split.

Every trainer trains on the train part of the project's split of the news data
(:func:`zitat_client.taskformat.dev_split`); a tenth of those train articles (chosen by a
seeded shuffle) is held back as the internal validation set for epoch selection, so the
project's dev split is never seen during training.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
from pathlib import Path

from zitat_server.learned import MODELS_DIR
from zitat_server.training.convert import Article, load_dir, split_names
from zitat_server.training.corpora import DATA


def parser(description: str, default_out: str, epochs: int) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--data", type=Path, default=DATA, help="the data directory (default: the repository's data/)")
    p.add_argument("--out", type=Path, default=MODELS_DIR / default_out)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--epochs", type=int, default=epochs)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--parliament", action="store_true", help="add the parliament training data")
    p.add_argument("--no-features", action="store_true", help="ablation: no linguistic features")
    p.add_argument("--no-chars", action="store_true", help="no character BiLSTM (ablation; 3x faster inference)")
    p.add_argument("--hidden", type=int, default=128, help="BiLSTM hidden size")
    p.add_argument("--vectors", type=Path, help="word vectors (vectors.npz from train_vectors) as an extra embedding")
    return p


def load_splits(args: argparse.Namespace) -> tuple[list[Article], list[Article]]:
    """(train, internal validation) articles; with ``--parliament`` the train part grows."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    news = args.data / "spkatt-news" / "train"
    train_names, _ = split_names(news)
    rng = random.Random(args.seed)
    rng.shuffle(train_names)
    n_val = len(train_names) // 10
    val = load_dir(news, train_names[:n_val])
    train = load_dir(news, train_names[n_val:])
    if args.parliament:
        train += load_dir(args.data / "spkatt-parliament" / "train")
    return train, val


def write_stats(out: Path, name: str, args: argparse.Namespace, stats: dict[str, object]) -> None:
    """Record how the model was built next to it (the model card quotes this)."""
    record = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()}
    (out / f"{name}.json").write_text(json.dumps({"args": record, **stats}, indent=1), encoding="utf-8")
