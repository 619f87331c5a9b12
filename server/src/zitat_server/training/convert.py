"""Shared-task JSON (SpkAtt-2023) to the training examples of the cue and role taggers.

Two datasets feed the models: the news set (task 2, with ``Form``/``STWR``) and the
parliament set (task 1, with ``PTC`` for separated verb particles and no ``Form``). Both are
read into :class:`Article` first, so the example builders below see one format.

Examples are plain :class:`~zitat_server.learned.examples.TokenExample` records (words,
per-token feature labels, labelled token spans), built with the feature lexicon the model is
trained with.

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

from zitat_server.learned.examples import (
    TokenExample,
    TokenId,
    runs,
    sentence_features,
    window_example,
)
from zitat_server.learned.features import FeatureLexicon


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


def anchor_of(a: Annotation) -> list[TokenId]:
    """The tokens the role tagger is conditioned on: the cue, else the first message sentence."""
    if a.cue:
        return a.cue
    if not a.message:
        return []
    first = a.message[0][0]
    return [t for t in a.message if t[0] == first]


def cue_examples(article: Article, lexicon: FeatureLexicon) -> list[TokenExample]:
    """One example per sentence with its ``CUE`` spans and the ``MSG`` spans of cue-less events."""
    feats = sentence_features(article.sentences, lexicon)
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


def role_examples(article: Article, lexicon: FeatureLexicon) -> list[TokenExample]:
    """One windowed example per annotation, labelled with its message, source and addressee."""
    feats = sentence_features(article.sentences, lexicon)
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


def split_names(directory: Path) -> tuple[list[str], list[str]]:
    """The project's train/dev split of the news files (we train only on its train part)."""
    from zitat_client.taskformat import dev_split

    names = sorted(p.stem for p in directory.glob("*.json"))
    train, dev = dev_split(names)
    return sorted(train), sorted(dev)
