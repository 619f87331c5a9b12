"""Building and training a small BiLSTM sequence tagger from scratch on CPU.

No pretrained German model is reachable, so the embeddings are all trained here: a one-hot
(trainable) embedding of the lower-cased word, optionally a character BiLSTM over our own
character dictionary (flair's default dictionary is a download), and one small one-hot
embedding per linguistic feature from :mod:`zitat_server.learned.features`.

The model is a flair ``SequenceTagger``, saved and loaded by flair. A tagger of one-hot
embeddings only is trained by :func:`_train_tensors`: flair's own forward pass and loss over
batches built from index tensors, with the optimiser, gradient clipping, learning-rate
annealing and epoch selection of flair's ``ModelTrainer``, which spends most of its time
building per-token objects (measured: an epoch of the cue tagger takes 7 s instead of 80 s).
Taggers with characters or word vectors are trained by ``ModelTrainer``.
"""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from zitat_server.learned.examples import TokenExample, to_flair

log = logging.getLogger(__name__)


@dataclass(slots=True)
class TaggerConfig:
    """Hyper-parameters (recorded in the model card)."""

    tag_type: str
    features: tuple[str, ...]
    word_dim: int = 64
    word_min_freq: int = 2
    chars: bool = True  # a character BiLSTM over each word (the shipped taggers before 2026-12 had one)
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
    from flair.data import Dictionary
    from flair.embeddings import CharacterEmbeddings, OneHotEmbeddings, StackedEmbeddings
    from flair.models import SequenceTagger

    torch.set_num_threads(config.threads)
    # The taggers are small: one CPU thread per tagger (run several trainings side by side on a
    # bigger machine), and the same numbers on a machine with a GPU as without.
    flair.device = torch.device("cpu")
    flair.set_seed(config.seed)
    random.seed(config.seed)

    # The span labels by frequency, as ``Corpus.make_label_dictionary`` orders them.
    tags = Dictionary(add_unk=False)
    for label, _ in Counter(label for ex in train for _, _, label in ex.spans).most_common():
        tags.add_item(label)
    tags.span_labels = True

    word_counts = Counter(w.lower() for ex in train for w in ex.words)
    stack = [OneHotEmbeddings(_vocab(word_counts, config.word_min_freq), field="lc", embedding_length=config.word_dim)]
    if config.chars:
        stack.append(
            CharacterEmbeddings(
                _char_dictionary(train), char_embedding_dim=config.char_dim, hidden_size_char=config.char_hidden
            )
        )
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
    if all(isinstance(e, OneHotEmbeddings) for e in stack):
        _train_tensors(tagger, config, train, dev, out)
    else:
        _train_flair(tagger, config, train, dev, out)
    minutes = (time.monotonic() - started) / 60
    (out / "final-model.pt").unlink(missing_ok=True)  # the product loads best-model.pt only
    if not (out / "best-model.pt").exists():  # validation F1 never rose above 0 (a smoke test)
        tagger.save(out / "best-model.pt")
    stats = {"internal_dev_f1": _best_dev_f1(out / "loss.tsv"), "train_minutes": round(minutes, 1)}
    log.info("trained %s in %.1f min: %s (%s)", config.tag_type, minutes, stats, asdict(config))
    return stats


def _train_flair(
    tagger: Any, config: TaggerConfig, train: Sequence[TokenExample], dev: Sequence[TokenExample], out: Path
) -> None:
    import torch
    from flair.data import Corpus
    from flair.datasets import FlairDatapointDataset
    from flair.trainers import ModelTrainer

    train_s = [to_flair(ex, config.tag_type) for ex in train]
    dev_s = [to_flair(ex, config.tag_type) for ex in dev]
    corpus = Corpus(FlairDatapointDataset(train_s), FlairDatapointDataset(dev_s), None, sample_missing_splits=False)

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


def bio_tags(example: TokenExample) -> list[str]:
    """The example's spans as BIO tags, one per token (what the tagger learns to predict)."""
    tags = ["O"] * len(example.words)
    for b, e, label in example.spans:
        tags[b] = f"B-{label}"
        for i in range(b + 1, e):
            tags[i] = f"I-{label}"
    return tags


def _span_f1(tagger: Any, examples: Sequence[TokenExample]) -> float:
    """Micro F1 of exact labelled spans, as flair scores the validation set."""
    from zitat_server.learned.bilstm import TensorTagger, spans

    tagger.eval()
    fast = TensorTagger(tagger)
    import torch

    with torch.inference_mode():
        rows = [row for ex in examples for row in ex.features]
        tagged = fast.tag(fast.embed([w for ex in examples for w in ex.words], rows, fast.fields),
                          [len(ex.words) for ex in examples])
    tp = fp = fn = 0
    for ex, tags in zip(examples, tagged, strict=True):
        gold = {(b, e, label) for b, e, label in ex.spans}
        found = {(b, e, label) for label, _, b, e in spans(tags)}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def _train_tensors(
    tagger: Any, config: TaggerConfig, train: Sequence[TokenExample], dev: Sequence[TokenExample], out: Path
) -> None:
    """flair's training of ``tagger`` (one-hot embeddings only) without its per-token objects."""
    import torch

    members = sorted(tagger.embeddings.embeddings, key=lambda e: e.name)  # the tokens' concatenation order
    indexes = [{item.decode("utf-8"): i for item, i in e.vocab_dictionary.item2idx.items()} for e in members]
    tag_index = {item.decode("utf-8"): i for item, i in tagger.label_dictionary.item2idx.items()}
    pairs = list(zip(members, indexes, strict=True))

    def encode(ex: TokenExample) -> tuple[torch.Tensor, torch.Tensor]:
        fields = [[index.get(row[e.field], 0) for row in ex.features] for e, index in pairs]
        labels = torch.tensor([tag_index[t] for t in bio_tags(ex)], dtype=torch.long)
        return torch.tensor(fields, dtype=torch.long).T, labels  # [tokens, fields], [tokens]

    data = [encode(ex) for ex in train if ex.words]
    optimizer = torch.optim.AdamW(tagger.parameters(), lr=config.learning_rate)
    # flair's AnnealOnPlateau: halve the rate after 3 epochs without a better validation score.
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)
    rng = random.Random(config.seed)
    best = -1.0
    lines = ["EPOCH\tLEARNING_RATE\tTRAIN_LOSS\tDEV_F1"]
    for epoch in range(1, config.epochs + 1):
        tagger.train()
        order = list(range(len(data)))
        rng.shuffle(order)
        total, tokens = 0.0, 0
        for at in range(0, len(order), config.batch_size):
            batch = sorted((data[i] for i in order[at : at + config.batch_size]), key=lambda x: -len(x[1]))
            lengths = torch.tensor([len(y) for _, y in batch])
            ids = torch.nn.utils.rnn.pad_sequence([x for x, _ in batch], batch_first=True)  # [B, T, fields]
            embedded = torch.cat([e.embedding_layer(ids[:, :, k]) for k, e in enumerate(members)], dim=-1)
            scores = tagger.forward(embedded, lengths)
            loss = tagger.loss_function(scores, torch.cat([y for _, y in batch]))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(tagger.parameters(), 5.0)
            optimizer.step()
            total += loss.item()
            tokens += int(lengths.sum())
        f1 = _span_f1(tagger, dev)
        rate = optimizer.param_groups[0]["lr"]
        scheduler.step(f1)
        lines.append(f"{epoch}\t{rate:.4f}\t{total / max(tokens, 1):.4f}\t{f1:.4f}")
        (out / "loss.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        log.info("epoch %d: train loss %.4f, validation span F1 %.4f", epoch, total / max(tokens, 1), f1)
        if f1 > best:
            best = f1
            tagger.save(out / "best-model.pt")
    tagger.eval()


def _best_dev_f1(loss_file: Path) -> float:
    """The best epoch's micro F1 on the internal validation set (exact spans), from flair's log."""
    lines = loss_file.read_text(encoding="utf-8").splitlines()
    column = lines[0].split("\t").index("DEV_F1")
    return max(float(line.split("\t")[column]) for line in lines[1:])
