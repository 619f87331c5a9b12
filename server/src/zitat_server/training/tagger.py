"""Building and training a small BiLSTM sequence tagger from scratch on CPU.

No pretrained German model is reachable, so the embeddings are all trained here: a one-hot
(trainable) embedding of the lower-cased word, a character BiLSTM over our own character
dictionary (flair's default dictionary is a download), and one small one-hot embedding per
linguistic feature from :mod:`zitat_server.training.features`.
"""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from zitat_server.learned.examples import TokenExample, to_flair

log = logging.getLogger(__name__)


@dataclass(slots=True)
class TaggerConfig:
    """Hyper-parameters (recorded in the model card)."""

    tag_type: str
    features: tuple[str, ...]
    word_dim: int = 64
    word_min_freq: int = 2
    char_dim: int = 24
    char_hidden: int = 24
    feature_dim: int = 8
    hidden_size: int = 128
    use_crf: bool = False
    epochs: int = 10
    learning_rate: float = 0.003  # AdamW: from-scratch LSTMs converge in few epochs, SGD does not
    batch_size: int = 32
    seed: int = 1
    threads: int = 2
    word_vectors: str | None = None  # vectors.npz from train_vectors: a static word embedding
    extra: dict[str, object] = field(default_factory=dict)


def _char_dictionary(examples: Sequence[TokenExample]):
    from flair.data import Dictionary

    chars = Counter(c for ex in examples for w in ex.words for c in w)
    d = Dictionary(add_unk=True)
    for c, n in chars.most_common():
        if n >= 2:
            d.add_item(c)
    return d


def _vocab(values: Counter, min_freq: int):
    from flair.data import Dictionary

    d = Dictionary(add_unk=True)
    for v, n in values.most_common():
        if n >= min_freq:
            d.add_item(v)
    return d


def _word_vectors(path: Path):
    """Our word2vec vectors as a static flair ``WordEmbeddings`` (built without gensim)."""
    import numpy as np
    import torch
    from flair.embeddings import WordEmbeddings

    data = np.load(path)
    words = [str(w) for w in data["words"]]
    vectors = data["vectors"]
    embedding = WordEmbeddings(None, vocab={w: i for i, w in enumerate(words)}, embedding_length=vectors.shape[1])
    embedding.name = "w2v"
    with torch.no_grad():
        embedding.embedding.weight[: len(words)] = torch.from_numpy(vectors)
    return embedding


def train_tagger(
    config: TaggerConfig,
    train: Sequence[TokenExample],
    dev: Sequence[TokenExample],
    out: Path,
) -> dict[str, float]:
    """Train, keep the best epoch on ``dev`` (a slice of the train articles) and save to ``out``."""
    import flair
    import torch
    from flair.data import Corpus
    from flair.datasets import FlairDatapointDataset
    from flair.embeddings import CharacterEmbeddings, OneHotEmbeddings, StackedEmbeddings
    from flair.models import SequenceTagger
    from flair.trainers import ModelTrainer

    torch.set_num_threads(config.threads)
    flair.set_seed(config.seed)
    random.seed(config.seed)

    train_s = [to_flair(ex, config.tag_type) for ex in train]
    dev_s = [to_flair(ex, config.tag_type) for ex in dev]
    corpus = Corpus(FlairDatapointDataset(train_s), FlairDatapointDataset(dev_s), None, sample_missing_splits=False)
    tags = corpus.make_label_dictionary(config.tag_type, add_unk=False)

    word_counts = Counter(w.lower() for ex in train for w in ex.words)
    stack = [
        OneHotEmbeddings(_vocab(word_counts, config.word_min_freq), field="lc", embedding_length=config.word_dim),
        CharacterEmbeddings(
            _char_dictionary(train), char_embedding_dim=config.char_dim, hidden_size_char=config.char_hidden
        ),
    ]
    if config.word_vectors:
        stack.append(_word_vectors(Path(config.word_vectors)))
    for name in config.features:
        values = Counter(row[name] for ex in train for row in ex.features)
        stack.append(OneHotEmbeddings(_vocab(values, 1), field=name, embedding_length=config.feature_dim))
    tagger = SequenceTagger(
        embeddings=StackedEmbeddings(stack),
        tag_dictionary=tags,
        tag_type=config.tag_type,
        tag_format="BIO",
        hidden_size=config.hidden_size,
        use_crf=config.use_crf,
    )
    (out / "loss.tsv").unlink(missing_ok=True)  # flair appends to a previous run's file
    started = time.monotonic()
    ModelTrainer(tagger, corpus).train(
        str(out),
        learning_rate=config.learning_rate,
        optimizer=torch.optim.AdamW,
        mini_batch_size=config.batch_size,
        max_epochs=config.epochs,
        embeddings_storage_mode="none",
        save_final_model=False,
        create_file_logs=True,
    )
    minutes = (time.monotonic() - started) / 60
    (out / "final-model.pt").unlink(missing_ok=True)  # the product loads best-model.pt only
    stats = {"internal_dev_f1": _best_dev_f1(out / "loss.tsv"), "train_minutes": round(minutes, 1)}
    log.info("trained %s in %.1f min: %s (%s)", config.tag_type, minutes, stats, asdict(config))
    return stats


def _best_dev_f1(loss_file: Path) -> float:
    """The best epoch's micro F1 on the internal validation set (exact spans), from flair's log."""
    lines = loss_file.read_text(encoding="utf-8").splitlines()
    column = lines[0].split("\t").index("DEV_F1")
    return max(float(line.split("\t")[column]) for line in lines[1:])
