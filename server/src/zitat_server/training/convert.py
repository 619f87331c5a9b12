"""Shared-task JSON (SpkAtt-2023) to the training examples of the cue and role taggers.

Two datasets feed the models: the news set (task 2, with ``Form``/``STWR``) and the
parliament set (task 1, with ``PTC`` for separated verb particles and no ``Form``). Both are
read into :class:`Article` first, so the example builders below see one format.

Examples are plain :class:`TokenExample` records (words, per-token feature labels, labelled
token spans); :func:`to_flair` turns them into ``flair.data.Sentence`` objects, so everything
up to that point is testable without flair.

* cue examples: one per sentence; spans ``CUE`` (the cue tokens) and ``MSG`` (messages of
  annotations that have no cue, e.g. free indirect speech, which would otherwise be unreachable).
* role examples: one per annotation, a window of sentences around its anchor (the cue, or for
  cue-less annotations the message part in the anchor sentence); the anchor is marked by the
  ``anc`` feature and the spans are ``MSG``, ``SRC`` and ``ADR``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zitat_server.training.features import position, quote_depth, token_features

if TYPE_CHECKING:
    from flair.data import Sentence as FlairSentence

TokenId = tuple[int, int]  # (sentence, token)

#: Sentences before/after the anchor sentence that the role tagger sees. 98 % of sources and
#: 97 % of message tokens in the news data lie within this window.
WINDOW_BEFORE = 2
WINDOW_AFTER = 2


@dataclass(slots=True)
class Annotation:
    """One speech event with its token ids (roles not in the data stay empty)."""

    cue: list[TokenId] = field(default_factory=list)
    message: list[TokenId] = field(default_factory=list)
    source: list[TokenId] = field(default_factory=list)
    addressee: list[TokenId] = field(default_factory=list)
    form: str | None = None
    medium: str | None = None
    nested: bool = False


@dataclass(slots=True)
class Article:
    name: str
    sentences: list[list[str]]
    annotations: list[Annotation]


@dataclass(slots=True)
class TokenExample:
    """A token sequence with feature labels and labelled half-open token spans."""

    words: list[str]
    features: list[dict[str, str]]
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def _ids(values: Iterable[str]) -> list[TokenId]:
    out = []
    for v in values:
        s, t = v.split(":")
        out.append((int(s), int(t)))
    return sorted(out)


def load_article(path: Path) -> Article:
    """Read a news (task 2) or parliament (task 1) JSON file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sentences = [list(s["Tokens"]) for s in data["Sentences"]]
    annotations = []
    for a in data.get("Annotations", []):
        annotations.append(
            Annotation(
                cue=_ids(list(a.get("Cue", [])) + list(a.get("PTC", []))),
                message=_ids(a.get("Message", [])),
                source=_ids(a.get("Source", [])),
                addressee=_ids(a.get("Addr", [])),
                form=a.get("Form"),
                medium=a.get("STWR"),
                nested=bool(a.get("IsNested", False)),
            )
        )
    return Article(path.stem, sentences, annotations)


def load_dir(directory: Path, names: Iterable[str] | None = None) -> list[Article]:
    """All articles of a directory, or only those whose file stem is in ``names``."""
    wanted = set(names) if names is not None else None
    return [load_article(p) for p in sorted(directory.glob("*.json")) if wanted is None or p.stem in wanted]


def runs(ids: Iterable[TokenId]) -> list[tuple[int, int, int]]:
    """Contiguous runs of token ids as ``(sentence, start, end)``; runs break at sentence ends."""
    out: list[tuple[int, int, int]] = []
    for s, t in sorted(set(ids)):
        if out and out[-1][0] == s and out[-1][2] == t:
            out[-1] = (s, out[-1][1], t + 1)
        else:
            out.append((s, t, t + 1))
    return out


def article_depths(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Quotation depth per token, tracked across sentence boundaries."""
    flat = [w for s in sentences for w in s]
    depths = quote_depth(flat)
    out, i = [], 0
    for s in sentences:
        out.append(depths[i : i + len(s)])
        i += len(s)
    return out


def sentence_features(sentences: Sequence[Sequence[str]]) -> list[list[dict[str, str]]]:
    """Feature labels for every token of an article (the cue tagger's input)."""
    depths = article_depths(sentences)
    feats = []
    for i, s in enumerate(sentences):
        row = token_features(s, depths[i])
        pos = position(i)
        for f in row:
            f["pos"] = pos
        feats.append(row)
    return feats


def anchor_of(a: Annotation) -> list[TokenId]:
    """The tokens the role tagger is conditioned on: the cue, else the first message sentence."""
    if a.cue:
        return a.cue
    if not a.message:
        return []
    first = a.message[0][0]
    return [t for t in a.message if t[0] == first]


def cue_examples(article: Article) -> list[TokenExample]:
    """One example per sentence with its ``CUE`` spans and the ``MSG`` spans of cue-less events."""
    feats = sentence_features(article.sentences)
    examples = [TokenExample(list(s), feats[i]) for i, s in enumerate(article.sentences)]
    for a in article.annotations:
        label, ids = ("CUE", a.cue) if a.cue else ("MSG", a.message)
        for s, b, e in runs(ids):
            examples[s].spans.append((b, e, label))
    for ex in examples:
        ex.spans = _drop_overlaps(ex.spans)
    return examples


def _drop_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Flat tagging allows no overlap: keep the earlier-starting, then longer span."""
    kept: list[tuple[int, int, str]] = []
    for b, e, lab in sorted(set(spans), key=lambda x: (x[0], -(x[1] - x[0]))):
        if not any(b < ke and kb < e for kb, ke, _ in kept):
            kept.append((b, e, lab))
    return kept


def window_example(
    sentences: Sequence[Sequence[str]],
    feats: Sequence[Sequence[dict[str, str]]],
    anchor: Sequence[TokenId],
    anchor_kind: str,
    before: int = WINDOW_BEFORE,
    after: int = WINDOW_AFTER,
) -> tuple[TokenExample, list[TokenId]]:
    """The role tagger's input around ``anchor``; also returns each window token's id."""
    centre = anchor[0][0]
    first = max(0, centre - before)
    last = min(len(sentences), centre + after + 1)
    anchor_set = set(anchor)
    words: list[str] = []
    rows: list[dict[str, str]] = []
    ids: list[TokenId] = []
    for s in range(first, last):
        for t, w in enumerate(sentences[s]):
            row = dict(feats[s][t])
            row["anc"] = anchor_kind if (s, t) in anchor_set else "0"
            row["rel"] = str(s - centre)
            words.append(w)
            rows.append(row)
            ids.append((s, t))
    return TokenExample(words, rows), ids


def role_examples(article: Article) -> list[TokenExample]:
    """One windowed example per annotation, labelled with its message, source and addressee."""
    feats = sentence_features(article.sentences)
    out = []
    for a in article.annotations:
        anchor = anchor_of(a)
        if not anchor:
            continue
        ex, ids = window_example(article.sentences, feats, anchor, "C" if a.cue else "M")
        index = {tid: i for i, tid in enumerate(ids)}
        spans = []
        for label, role in (("MSG", a.message), ("SRC", a.source), ("ADR", a.addressee)):
            inside = sorted(index[t] for t in role if t in index)
            for b, e in _index_runs(inside):
                spans.append((b, e, label))
        ex.spans = _drop_overlaps(spans)
        out.append(ex)
    return out


def _index_runs(indices: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in indices:
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def to_flair(example: TokenExample, tag_type: str | None = None) -> FlairSentence:
    """A flair sentence with the feature labels on its tokens and the spans as ``tag_type``."""
    from flair.data import Label, Sentence

    sentence = Sentence(example.words)
    for token, row in zip(sentence.tokens, example.features, strict=True):
        # Token-level layers only: the one-hot embeddings read ``token.get_label(key)``, and
        # ``add_label`` would also copy every feature into a sentence layer (half of the
        # models' inference time, measured).
        layers = token.annotation_layers
        for key, value in row.items():
            layers[key] = [Label(token, value)]
    if tag_type is not None:
        for b, e, label in example.spans:
            sentence[b:e].add_label(tag_type, label)
    return sentence


def split_names(directory: Path) -> tuple[list[str], list[str]]:
    """The project's train/dev split of the news files (we train only on its train part)."""
    from zitat_client.taskformat import dev_split

    names = sorted(p.stem for p in directory.glob("*.json"))
    train, dev = dev_split(names)
    return sorted(train), sorted(dev)
