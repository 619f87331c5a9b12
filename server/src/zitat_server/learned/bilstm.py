"""A trained flair ``SequenceTagger`` run as a few tensor operations, for inference.

The taggers are flair models: trained, saved and loaded by flair. Its ``predict`` builds a
``Sentence``, ``Token`` and ``Label`` object per token and one embedding tensor per token and
embedding, which took three quarters of the taggers' time (measured on the dev split). Here the
same weights run over index tensors: each one-hot embedding table is multiplied once by its
block of the reprojection layer (``embedding2nn``), so a token's LSTM input is a sum of table
rows; all sequences of a call go through the BiLSTM as one packed batch.

Inputs that several sequences share are embedded once (:meth:`TensorTagger.embed`) and
gathered per sequence, so a role window costs only its anchor rows and its LSTM pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

#: The field name of a character embedding (it reads the token text, not a feature).
CHARS = "chars"

Tagged = list[tuple[str, float]]  # (BIO tag, probability) per token


@dataclass(frozen=True, slots=True)
class _Table:
    """One-hot embedding folded into the reprojection: value -> row of the LSTM's input space."""

    field: str
    index: dict[str, int]
    rows: torch.Tensor  # [vocabulary, input dim]

    def lookup(self, values: Sequence[str]) -> torch.Tensor:
        get = self.index.get
        return self.rows[torch.tensor([get(v, 0) for v in values], dtype=torch.long)]


@dataclass(frozen=True, slots=True)
class _Chars:
    """flair's character BiLSTM (forward state after the last character, backward output at the
    last position, as flair takes them), folded into the reprojection."""

    index: dict[str, int]
    embedding: torch.nn.Embedding
    rnn: torch.nn.LSTM
    project: torch.Tensor  # [2 * char hidden, input dim]

    def lookup(self, words: Sequence[str]) -> torch.Tensor:
        unique = list(dict.fromkeys(words))
        get = self.index.get
        ids = [torch.tensor([get(c, 0) for c in w] or [0], dtype=torch.long) for w in unique]
        lengths = torch.tensor([len(i) for i in ids])
        padded = torch.nn.utils.rnn.pad_sequence(ids)  # [chars, words]
        packed = pack_padded_sequence(self.embedding(padded), lengths, enforce_sorted=False)
        out, _ = pad_packed_sequence(self.rnn(packed)[0])  # [chars, words, 2h]
        last = out[lengths - 1, torch.arange(len(unique))]  # [words, 2h]
        rows = last @ self.project
        at = {w: i for i, w in enumerate(unique)}
        return rows[torch.tensor([at[w] for w in words], dtype=torch.long)]


class TensorTagger:
    """The inference of one flair BiLSTM tagger (no CRF), equal to its ``predict`` up to float
    rounding."""

    def __init__(self, model: Any) -> None:
        if model.use_crf or not model.use_rnn or model.train_initial_hidden_state:
            raise ValueError("only BiLSTM taggers without CRF and with zero initial states are supported")
        from flair.embeddings import CharacterEmbeddings, OneHotEmbeddings

        stack = model.embeddings.embeddings
        # Tokens concatenate their embeddings in sorted-name order (flair's Token.get_each_embedding).
        members = sorted(stack, key=lambda e: e.name)
        if model.reproject_embeddings:
            weight, bias = model.embedding2nn.weight.detach(), model.embedding2nn.bias.detach()
        else:
            weight = torch.eye(model.embeddings.embedding_length)
            bias = torch.zeros(model.embeddings.embedding_length)
        self.bias = bias
        self.tables: dict[str, _Table] = {}
        self.chars: _Chars | None = None
        at = 0
        for e in members:
            block = weight[:, at : at + e.embedding_length].T  # [embedding dim, input dim]
            at += e.embedding_length
            if isinstance(e, OneHotEmbeddings):
                index = {item.decode("utf-8"): i for item, i in e.vocab_dictionary.item2idx.items()}
                rows = e.embedding_layer.weight.detach()
                if e.layer_norm is not None:
                    rows = e.layer_norm(rows).detach()
                self.tables[e.field] = _Table(e.field, index, rows @ block)
            elif isinstance(e, CharacterEmbeddings):
                index = {item.decode("utf-8"): i for item, i in e.char_dictionary.item2idx.items()}
                self.chars = _Chars(index, e.char_embedding, e.char_rnn, block)
            else:
                raise ValueError(f"unsupported embedding {type(e).__name__} ({e.name})")
        self.rnn = model.rnn
        self.linear = model.linear
        self.tags = model.label_dictionary.get_items()

    @property
    def fields(self) -> frozenset[str]:
        """The feature keys the tagger reads (``CHARS`` for the token text)."""
        return frozenset(self.tables) | ({CHARS} if self.chars else frozenset())

    def embed(self, words: Sequence[str], rows: Sequence[Mapping[str, str]], fields: frozenset[str]) -> torch.Tensor:
        """The sum of the given fields' rows for each token: ``[tokens, input dim]``, no bias."""
        out = torch.zeros(len(rows), self.bias.shape[0])
        for field in fields:
            if field == CHARS:
                if self.chars is not None:
                    out += self.chars.lookup(words)
            else:
                out += self.tables[field].lookup([r[field] for r in rows])
        return out

    def tag(self, inputs: torch.Tensor, lengths: Sequence[int]) -> list[Tagged]:
        """BIO tags with their probabilities for each sequence; ``inputs`` are the sequences'
        rows from :meth:`embed`, concatenated, ``lengths`` their lengths."""
        if not lengths:
            return []
        padded = torch.nn.utils.rnn.pad_sequence(list(torch.split(inputs, list(lengths))), batch_first=True)
        packed = pack_padded_sequence(padded + self.bias, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
        hidden, _ = pad_packed_sequence(self.rnn(packed)[0], batch_first=True)
        probs = torch.softmax(self.linear(hidden), dim=-1)
        best, index = probs.max(dim=-1)
        best_rows, index_rows = best.tolist(), index.tolist()
        tags = self.tags
        return [
            [(tags[k], p) for k, p in zip(index_rows[i][:n], best_rows[i][:n], strict=True)]
            for i, n in enumerate(lengths)
        ]


def spans(tagged: Tagged) -> list[tuple[str, float, int, int]]:
    """(label, mean probability, start, end) of the BIO spans, decoded as flair decodes them."""
    from flair.data import get_spans_from_bio

    found = get_spans_from_bio([t for t, _ in tagged], [p for _, p in tagged])
    return [(label, score, ids[0], ids[-1] + 1) for ids, score, label in found]
