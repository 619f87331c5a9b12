"""Tokenizer benchmark: agreement with the SpkAtt-2023 tokenisation, and speed.

Every spkatt-news file (train and unlabelled) is rebuilt into running text with
:func:`zitat_client.taskformat.detokenize`; :func:`zitat_server.extraction.tokenizer.tokenize` then splits
that text again and its boundaries are compared with the gold ones:

* token boundaries: the set of ``("start", offset)`` and ``("end", offset)`` pairs, so that
  both a missing split and a spurious one count; precision, recall, F1.
* exact tokens: token spans identical in both.
* sentence boundaries: start offsets of every sentence but the first.

Speed is CPU time of one process (``time.process_time``, so that other work on a shared machine
does not inflate it): mean microseconds per call on the example article and per spkatt article,
and tokens per second.

    python -m benchmarks.tokenizer            # the table
    python -m benchmarks.tokenizer --show 40  # also the 40 most frequent disagreements
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zitat_client.taskformat import detokenize, load
from zitat_server.extraction.tokenizer import tokenize
from zitat_server.training.corpora import EXAMPLES, NEWS_TRAIN, NEWS_UNLABELLED

NEWS_DIRS = (NEWS_TRAIN, NEWS_UNLABELLED)
EXAMPLE = EXAMPLES / "umjerow-boeing.txt"


@dataclass(slots=True)
class Counts:
    """True positives and the sizes of the predicted and gold sets."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, pred: set, gold: set) -> None:
        self.tp += len(pred & gold)
        self.pred += len(pred)
        self.gold += len(gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Text:
    """One rebuilt article with its gold token spans and sentence starts."""

    name: str
    text: str
    tokens: set[tuple[int, int]]
    sentence_starts: set[int]


def load_texts(dirs: Iterable[Path] = NEWS_DIRS) -> list[Text]:
    texts = []
    for directory in dirs:
        for path in sorted(directory.glob("*.json")):
            text, offsets = detokenize(load(path).sentences)
            spans = {span for sentence in offsets for span in sentence}
            starts = {sentence[0][0] for sentence in offsets[1:]}
            texts.append(Text(path.stem, text, spans, starts))
    return texts


def _boundaries(spans: Iterable[tuple[int, int]]) -> set[tuple[str, int]]:
    return {b for start, end in spans for b in (("start", start), ("end", end))}


def agreement(texts: list[Text], show: int = 0) -> dict[str, Counts]:
    """Compare ``tokenize`` with the gold tokenisation; print the commonest disagreements."""
    counts = {"token boundaries": Counts(), "exact tokens": Counts(), "sentence boundaries": Counts()}
    missed: Counter[str] = Counter()
    for t in texts:
        doc = tokenize(t.text)
        pred = {(tok.start, tok.end) for tok in doc.tokens}
        counts["token boundaries"].add(_boundaries(pred), _boundaries(t.tokens))
        counts["exact tokens"].add(pred, t.tokens)
        counts["sentence boundaries"].add({s.start for s in doc.sentences[1:]}, t.sentence_starts)
        if show:
            for start, end in t.tokens ^ pred:
                side = "gold" if (start, end) in t.tokens else "ours"
                missed[f"{side}: {t.text[start:end]!r:24} in {t.text[max(0, start - 25) : end + 25]!r}"] += 1
            for start in t.sentence_starts ^ {s.start for s in doc.sentences[1:]}:
                side = "gold" if start in t.sentence_starts else "ours"
                missed[f"{side} sentence start: {t.text[max(0, start - 40) : start + 20]!r}"] += 1
    for line, n in missed.most_common(show):
        print(f"{n:4d}  {line}")
    return counts


def cpu_time_per_call(text: str, repeat: int) -> float:
    """Seconds of CPU per ``tokenize(text)``, best of five rounds."""
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        for _ in range(repeat):
            tokenize(text)
        best = min(best, (time.process_time() - t0) / repeat)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print the N commonest disagreements")
    args = parser.parse_args(argv)

    texts = load_texts()
    counts = agreement(texts, args.show)
    print(f"\nagreement with spkatt-news tokenisation ({len(texts)} articles)")
    print(f"{'':22}{'P':>8}{'R':>8}{'F1':>8}{'gold':>9}")
    for name, c in counts.items():
        p, r, f = c.prf()
        print(f"{name:22}{100 * p:8.2f}{100 * r:8.2f}{100 * f:8.2f}{c.gold:9d}")

    example = EXAMPLE.read_text(encoding="utf-8")
    n_example = len(tokenize(example).tokens)
    example_s = cpu_time_per_call(example, 200)
    t0 = time.process_time()
    n_tokens = sum(len(tokenize(t.text).tokens) for t in texts)
    corpus_s = time.process_time() - t0
    print("\nspeed (CPU time, one core)")
    print(f"{'':28}{'chars':>8}{'µs/article':>12}{'tokens/s':>12}")
    print(f"{'example article':28}{len(example):8d}{1e6 * example_s:12.0f}{n_example / example_s:12,.0f}")
    mean_chars = sum(len(t.text) for t in texts) / len(texts)
    print(f"{'spkatt-news (mean)':28}{mean_chars:8.0f}{1e6 * corpus_s / len(texts):12.0f}{n_tokens / corpus_s:12,.0f}")


if __name__ == "__main__":
    main()
