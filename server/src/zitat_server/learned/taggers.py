"""Learned attribution: the cue tagger, the role tagger and the form/medium classifiers.

Runs in three steps on a tokenised :class:`Doc`:

1. the cue tagger reads only sentences with some evidence of speech (a cue-lexicon word,
   quotation marks, a Konjunktiv); it marks cues and, for events without a cue (free indirect
   speech), the message directly;
2. for each such anchor, the role tagger reads the anchor sentence ±2 sentences and marks the
   message, source and addressee, so cross-sentence messages and earlier sources are reachable;
3. a linear classifier names form and medium.

flair and torch are imported on first :meth:`LearnedAttributor.load`, so importing
``zitat_server`` stays fast.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zitat_server.document import Doc, Form, Medium, Quote, Span, SpanIndex
from zitat_server.learned import MODELS_DIR
from zitat_server.learned.examples import TokenExample, TokenId, runs, sentence_features, to_flair, window_example
from zitat_server.learned.features import FeatureLexicon
from zitat_server.learned.forms import event_features
from zitat_server.learned.linear import LinearModel

BATCH = 64
# Sentences before/after the anchor at inference. Trained on ±2; ±1 scores the same on the dev
# split (full joint F1 57.2 vs 57.0) and takes a quarter less time.
INFERENCE_WINDOW = (1, 1)
# Bounds that keep the models' cost linear in the input, whatever its shape. None binds on the
# 700 news articles (longest sentence 156 tokens, longest ±1 window 216, at most 6 anchors in a
# sentence); what they drop: sentences longer than MAX_SENTENCE_TOKENS are left to the rules,
# a sentence's anchors beyond the MAX_ANCHORS_PER_SENTENCE most confident get no role window,
# and a window is clipped to MAX_WINDOW_TOKENS around its anchor.
MAX_SENTENCE_TOKENS = 400
MAX_ANCHORS_PER_SENTENCE = 8
MAX_WINDOW_TOKENS = 256


@dataclass(slots=True)
class _Event:
    """An event under construction, in (sentence, token) ids."""

    cue: list[TokenId]
    message: list[TokenId]
    source: list[TokenId] = field(default_factory=list)
    addressee: list[TokenId] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


def _has_evidence(row: Sequence[dict[str, str]]) -> bool:
    return any(f["lex"] == "1" or f["quote"] != "0" or f["konj"] != "-" for f in row)


def _touches(doc: Doc, ids: Sequence[TokenId], known: SpanIndex) -> bool:
    tokens = (doc.tokens[doc.sentences[s].first + t] for s, t in ids)
    return any(known.overlaps(tok.start, tok.end) for tok in tokens)


def _spans(sentence: Any, tag_type: str) -> list[tuple[str, float, int, int]]:
    """(label, score, start, end) of the predicted spans, 0-based half-open token indices."""
    out = []
    for span in sentence.get_spans(tag_type):
        label = span.get_label(tag_type)
        out.append((label.value, label.score, span.tokens[0].idx - 1, span.tokens[-1].idx))
    return out


def _overlap(a: Sequence[TokenId], b: Sequence[TokenId]) -> float:
    """Shared tokens relative to the longer message (nested events stay apart)."""
    if not a or not b:
        return 0.0
    return len(set(a) & set(b)) / max(len(a), len(b))


def _load_tagger(tagger_class: Any, path: Path) -> Any:
    """Load a tagger and restore its embedding names, which flair's loader gets wrong.

    ``StackedEmbeddings`` prefixes each member's name with its index ("0-one-hot-lc",
    "1-Char") and tokens concatenate their embeddings in sorted name order. Reloaded
    ``OneHotEmbeddings`` come back without the prefix ("one-hot-lc"), which reorders the
    input vector and makes the tagger predict noise (span F1 on its own training data 0.02
    instead of 0.71). Renaming restores the training-time order.
    """
    flair_log = logging.getLogger("flair")
    level = flair_log.level
    flair_log.setLevel(logging.WARNING)  # flair logs every embedding's whole vocabulary on load
    try:
        tagger = tagger_class.load(str(path))
    finally:
        flair_log.setLevel(level)
    stack = tagger.embeddings
    for i, embedding in enumerate(stack.embeddings):
        if not embedding.name.startswith(f"{i}-"):
            embedding.name = f"{i}-{embedding.name}"
    stack.__dict__.pop("_StackedEmbeddings__names", None)  # cached from the wrong names
    if stack.get_names() != [e.name for e in stack.embeddings]:
        raise RuntimeError(f"cannot restore the embedding order of {path}")
    tagger.eval()
    return tagger


@dataclass(frozen=True, slots=True)
class _Tagger:
    """A flair tagger with the feature lexicon it was trained with."""

    model: Any
    lexicon: FeatureLexicon


class LearnedAttributor:
    """Finds quotes with the trained models; see the module docstring for the steps."""

    def __init__(self, cues: _Tagger, roles: _Tagger, form: LinearModel, medium: LinearModel, forms: FeatureLexicon):
        self._cues = cues
        self._roles = roles
        self._form = form
        self._medium = medium
        self._forms_lexicon = forms

    @classmethod
    def load(cls, model_dir: Path | None = None) -> LearnedAttributor:
        """Load the models from ``model_dir`` (default: the packaged ``models`` directory)."""
        import torch
        from flair.models import SequenceTagger

        # One intra-op thread: the batches are small (p50 40 vs 43.5 ms per 400-token article
        # with 2 threads, measured), and --workers scales across cores by processes.
        torch.set_num_threads(1)
        root = model_dir or MODELS_DIR

        def tagger(name: str) -> _Tagger:
            model = _load_tagger(SequenceTagger, root / name / "best-model.pt")
            return _Tagger(model, FeatureLexicon.load(root / name))

        return cls(
            tagger("cues"),
            tagger("roles"),
            LinearModel.load(root / "forms" / "form.json"),
            LinearModel.load(root / "forms" / "medium.json"),
            FeatureLexicon.load(root / "forms"),
        )

    def annotate(self, doc: Doc, known: Sequence[Span] = ()) -> list[Quote]:
        """The quotes the models find in ``doc`` (origin ``"model"``).

        ``known`` are messages found already (by the rules): sentences inside them are not
        tagged and anchors overlapping them get no role window, since a model quote there
        would be dropped as a duplicate anyway. That halves the models' time on news.
        """
        import torch

        words = [[t.text for t in doc.sentence_tokens(s)] for s in doc.sentences]
        index = SpanIndex(known)
        computed: dict[FeatureLexicon, list[list[dict[str, str]]]] = {}

        def feats(lexicon: FeatureLexicon) -> list[list[dict[str, str]]]:
            """Each model reads the features of its own lexicon; computed once per lexicon."""
            if lexicon not in computed:
                computed[lexicon] = sentence_features(words, lexicon)
            return computed[lexicon]

        cue_feats = feats(self._cues.lexicon)
        candidates = [
            i
            for i, row in enumerate(cue_feats)
            if 0 < len(words[i]) <= MAX_SENTENCE_TOKENS
            and _has_evidence(row)
            and not index.contains(doc.sentences[i].start, doc.sentences[i].end)
        ]
        if not candidates:
            return []
        with torch.inference_mode():
            anchors = [a for a in self._find_anchors(words, cue_feats, candidates) if not _touches(doc, a[1], index)]
            events = self._find_roles(words, feats(self._roles.lexicon), anchors)
        form_feats = feats(self._forms_lexicon)
        return [self._quote(doc, words, form_feats, e) for e in _merge(events)]

    def _find_anchors(
        self, words: list[list[str]], feats: list[list[dict[str, str]]], candidates: list[int]
    ) -> list[tuple[str, list[TokenId], float]]:
        sentences = [to_flair(TokenExample(words[i], feats[i])) for i in candidates]
        self._cues.model.predict(sentences, mini_batch_size=BATCH, label_name="cue")
        anchors = []
        for i, sentence in zip(candidates, sentences, strict=True):
            found = sorted(_spans(sentence, "cue"), key=lambda x: -x[1])[:MAX_ANCHORS_PER_SENTENCE]
            for label, score, b, e in sorted(found, key=lambda x: x[2]):
                kind = "C" if label == "CUE" else "M"
                anchors.append((kind, [(i, t) for t in range(b, e)], score))
        return anchors

    def _find_roles(
        self,
        words: list[list[str]],
        feats: list[list[dict[str, str]]],
        anchors: list[tuple[str, list[TokenId], float]],
    ) -> list[_Event]:
        if not anchors:
            return []
        windows = [
            window_example(words, feats, ids, kind, *INFERENCE_WINDOW, max_tokens=MAX_WINDOW_TOKENS)
            for kind, ids, _ in anchors
        ]
        sentences = [to_flair(ex) for ex, _ in windows]
        self._roles.model.predict(sentences, mini_batch_size=BATCH, label_name="role")
        events = []
        for (kind, anchor, score), (_, ids), sentence in zip(anchors, windows, sentences, strict=True):
            found: dict[str, list[tuple[float, list[TokenId]]]] = {"MSG": [], "SRC": [], "ADR": []}
            for label, s, b, e in _spans(sentence, "role"):
                found.setdefault(label, []).append((s, ids[b:e]))
            message = sorted({t for _, span in found["MSG"] for t in span})
            scores = [score] + [s for s, _ in found["MSG"]]
            if kind == "M" and not set(message) & set(anchor):
                message = sorted(set(message) | set(anchor))
            if not message:
                continue
            event = _Event(cue=anchor if kind == "C" else [], message=message, scores=scores)
            if found["SRC"]:
                event.source = max(found["SRC"], key=lambda x: x[0])[1]
            if found["ADR"]:
                event.addressee = max(found["ADR"], key=lambda x: x[0])[1]
            events.append(event)
        return events

    def _quote(self, doc: Doc, words: list[list[str]], feats: list[list[dict[str, str]]], e: _Event) -> Quote:
        x = event_features(words, feats, e.cue, e.message)
        form, _ = self._form.predict(x)
        medium, _ = self._medium.predict(x)

        def spans(ids: Sequence[TokenId]) -> list[Span]:
            out = []
            for s, b, end in runs(ids):
                first = doc.sentences[s].first
                out.append(Span(doc.tokens[first + b].start, doc.tokens[first + end - 1].end))
            return out

        def one(ids: Sequence[TokenId]) -> Span | None:
            found = spans(ids)
            return Span(found[0].start, found[-1].end) if found else None

        return Quote(
            message=spans(e.message),
            form=Form(form),
            medium=Medium(medium) if medium in Medium._value2member_map_ else Medium.SPEECH,
            cue=spans(e.cue),
            source=one(e.source),
            addressee=one(e.addressee),
            confidence=round(sum(e.scores) / len(e.scores), 4),
            origin="model",
        )


def _merge(events: list[_Event]) -> list[_Event]:
    """One event per message: a cue split in two ("teilte ... mit") or a cue-less message seen
    from two sentences yields near-identical messages, which are merged (cued event wins)."""
    kept: list[_Event] = []
    holding: dict[TokenId, list[int]] = {}  # token -> indices in ``kept`` of messages holding it
    for e in sorted(events, key=lambda x: (not x.cue, x.message[0])):
        sharing = sorted({k for t in e.message for k in holding.get(t, ())})  # only they can overlap
        twin_at = next((k for k in sharing if _overlap(kept[k].message, e.message) >= 0.5), None)
        if twin_at is None:
            for t in e.message:
                holding.setdefault(t, []).append(len(kept))
            kept.append(e)
            continue
        twin = kept[twin_at]
        for t in set(e.message) - set(twin.message):
            holding.setdefault(t, []).append(twin_at)
        twin.cue = (
            sorted(set(twin.cue) | set(e.cue)) if e.cue and twin.cue and twin.cue[0][0] == e.cue[0][0] else twin.cue
        )
        twin.message = sorted(set(twin.message) | set(e.message))
        twin.source = twin.source or e.source
        twin.addressee = twin.addressee or e.addressee
    return sorted(kept, key=lambda x: x.message[0])
