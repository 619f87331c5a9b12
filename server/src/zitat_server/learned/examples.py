"""What the sequence taggers read: token examples with feature labels, and anchor windows.

Shared by training (which builds them from the annotated data) and inference (which builds
them from a ``Doc``). :func:`to_flair` turns an example into a ``flair.data.Sentence``, so
everything up to that point is testable without flair.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zitat_server.learned.features import FeatureLexicon, position, quote_depth

if TYPE_CHECKING:
    from flair.data import Sentence as FlairSentence

TokenId = tuple[int, int]  # (sentence, token)

#: Sentences before/after the anchor sentence that the role tagger sees. 98 % of sources and
#: 97 % of message tokens in the news data lie within this window.
WINDOW_BEFORE = 2
WINDOW_AFTER = 2


@dataclass(slots=True)
class TokenExample:
    """A token sequence with feature labels and labelled half-open token spans."""

    words: list[str]
    features: list[dict[str, str]]
    spans: list[tuple[int, int, str]] = field(default_factory=list)


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


def sentence_features(sentences: Sequence[Sequence[str]], lexicon: FeatureLexicon) -> list[list[dict[str, str]]]:
    """Feature labels for every token of an article (the cue tagger's input)."""
    depths = article_depths(sentences)
    feats = []
    for i, s in enumerate(sentences):
        row = lexicon.token_features(s, depths[i])
        pos = position(i)
        for f in row:
            f["pos"] = pos
        feats.append(row)
    return feats


def window_ids(
    sentences: Sequence[Sequence[str]],
    anchor: Sequence[TokenId],
    before: int = WINDOW_BEFORE,
    after: int = WINDOW_AFTER,
    max_tokens: int | None = None,
) -> list[TokenId]:
    """The token ids of the role tagger's window around ``anchor``, in order.

    ``max_tokens`` clips a longer window to that many tokens centred on the anchor, so that the
    cost of a window is bounded whatever the sentences' length.
    """
    centre = anchor[0][0]
    first = max(0, centre - before)
    last = min(len(sentences), centre + after + 1)
    ids = [(s, t) for s in range(first, last) for t in range(len(sentences[s]))]
    if max_tokens is not None and len(ids) > max_tokens:
        at = ids.index(anchor[0])
        start = min(max(0, at - max_tokens // 2), len(ids) - max_tokens)
        ids = ids[start : start + max_tokens]
    return ids


def anchor_features(ids: Sequence[TokenId], anchor: Sequence[TokenId], anchor_kind: str) -> list[dict[str, str]]:
    """The window features that depend on the anchor: ``anc`` (its kind on its tokens, else
    ``"0"``) and ``rel`` (sentence offset from the anchor's sentence)."""
    centre = anchor[0][0]
    anchor_set = set(anchor)
    return [{"anc": anchor_kind if tid in anchor_set else "0", "rel": str(tid[0] - centre)} for tid in ids]


def window_example(
    sentences: Sequence[Sequence[str]],
    feats: Sequence[Sequence[dict[str, str]]],
    anchor: Sequence[TokenId],
    anchor_kind: str,
    before: int = WINDOW_BEFORE,
    after: int = WINDOW_AFTER,
    max_tokens: int | None = None,
) -> tuple[TokenExample, list[TokenId]]:
    """The role tagger's input around ``anchor`` (training); also returns each window token's id."""
    ids = window_ids(sentences, anchor, before, after, max_tokens)
    words = [sentences[s][t] for s, t in ids]
    rows = [{**feats[s][t], **a} for (s, t), a in zip(ids, anchor_features(ids, anchor, anchor_kind), strict=True)]
    return TokenExample(words, rows), ids


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
