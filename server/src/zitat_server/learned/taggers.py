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
from zitat_server.learned.bilstm import TensorTagger, spans
from zitat_server.learned.examples import TokenId, anchor_features, runs, sentence_features, window_ids
from zitat_server.learned.features import FeatureLexicon
from zitat_server.learned.forms import event_features
from zitat_server.learned.gate import Context, Gate
from zitat_server.learned.gate import features as gate_features
from zitat_server.learned.linear import Features, LinearModel

# Sentences before/after the anchor at inference. Trained on ±2; ±1 scores the same on the dev
# split (full joint F1 57.2 vs 57.0) and takes a quarter less time.
INFERENCE_WINDOW = (1, 1)
# Bounds that keep the models' cost linear in the input, whatever its shape. None binds on the
# 700 news articles (longest sentence 156 tokens, longest ±1 window 216, at most 6 anchors in a
# sentence, role windows read 0.6 tokens per article token); what they drop: sentences longer
# than MAX_SENTENCE_TOKENS are left to the rules, a sentence's anchors beyond the
# MAX_ANCHORS_PER_SENTENCE most confident get no role window, a window is clipped to
# MAX_WINDOW_TOKENS around its anchor, and the windows of a document read at most
# ROLE_TOKENS_PER_TOKEN times its tokens (the most confident anchors first).
MAX_SENTENCE_TOKENS = 400
MAX_ANCHORS_PER_SENTENCE = 8
MAX_WINDOW_TOKENS = 256
ROLE_TOKENS_PER_TOKEN = 2.0
#: The role tagger's features that depend on the anchor; the others are embedded once per sentence.
ANCHOR_FIELDS = frozenset({"anc", "rel"})


@dataclass(slots=True)
class _Event:
    """An event under construction, in (sentence, token) ids."""

    cue: list[TokenId]
    message: list[TokenId]
    source: list[TokenId] = field(default_factory=list)
    addressee: list[TokenId] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Anchor:
    kind: str  # "C": a cue, "M": a cue-less message
    ids: list[TokenId]
    score: float


def select_windows(words: Sequence[Sequence[str]], anchors: Sequence[Anchor]) -> list[tuple[Anchor, list[TokenId]]]:
    """The anchors that get a role window, with its token ids, in document order: the most
    confident first while the windows read at most ``ROLE_TOKENS_PER_TOKEN`` times the document."""
    budget = ROLE_TOKENS_PER_TOKEN * sum(map(len, words))
    windows: dict[int, list[TokenId]] = {}
    for k in sorted(range(len(anchors)), key=lambda k: -anchors[k].score):
        ids = window_ids(words, anchors[k].ids, *INFERENCE_WINDOW, max_tokens=MAX_WINDOW_TOKENS)
        if len(ids) <= budget:
            budget -= len(ids)
            windows[k] = ids
    return [(anchors[k], windows[k]) for k in sorted(windows)]


def _evidence(row: dict[str, str]) -> bool:
    return row["lex"] == "1" or row["quote"] != "0" or row["konj"] != "-"


def _overlaps(doc: Doc, ids: Sequence[TokenId], known: SpanIndex) -> bool:
    tokens = (doc.tokens[doc.sentences[s].first + t] for s, t in ids)
    return any(known.overlaps(tok.start, tok.end) for tok in tokens)


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
    tagger.to("cpu")  # flair loads onto a GPU where there is one; inference here is on the CPU
    tagger.eval()
    return tagger


@dataclass(frozen=True, slots=True)
class _Tagger:
    """A flair tagger, its tensor inference and the feature lexicon it was trained with."""

    model: Any
    lexicon: FeatureLexicon
    tensors: TensorTagger


class LearnedAttributor:
    """Finds quotes with the trained models; see the module docstring for the steps."""

    def __init__(
        self,
        cues: _Tagger,
        roles: _Tagger,
        form: LinearModel,
        medium: LinearModel,
        forms: FeatureLexicon,
        gate: Gate | None = None,
    ):
        self._cues = cues
        self._roles = roles
        self._form = form
        self._medium = medium
        self._forms_lexicon = forms
        self.gate = gate

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
            return _Tagger(model, FeatureLexicon.load(root / name), TensorTagger(model))

        return cls(
            tagger("cues"),
            tagger("roles"),
            LinearModel.load(root / "forms" / "form.json"),
            LinearModel.load(root / "forms" / "medium.json"),
            FeatureLexicon.load(root / "forms"),
            Gate.load(root / "gate"),
        )

    def annotate(
        self, doc: Doc, known: Sequence[Span] = (), known_cues: Sequence[Span] = (), gated: bool = True
    ) -> list[Quote]:
        """The quotes the models find in ``doc`` (origin ``"model"``), those the gate keeps.

        See :meth:`candidates`; with ``gated`` false (or no gate shipped) every quote is kept.
        """
        found = self.candidates(doc, known, known_cues)
        if gated and self.gate is not None:
            return [q for q, _ in found if q.confidence >= self.gate.threshold]
        return [q for q, _ in found]

    def candidates(
        self, doc: Doc, known: Sequence[Span] = (), known_cues: Sequence[Span] = ()
    ) -> list[tuple[Quote, Features]]:
        """Every quote the taggers find, with the gate's features; the confidence is the gate's
        probability that the quote is right (without a gate: the taggers' mean span score).

        ``known`` are messages and ``known_cues`` cues found already (by the rules). A model
        quote overlapping a known message would be dropped as a duplicate, and one with a known
        cue reports the same act: so a sentence is tagged only when some of its evidence of
        speech (a cue word, a quotation mark, a Konjunktiv) lies outside them, and an anchor
        overlapping them gets no role window.
        """
        import torch

        words = [[t.text for t in doc.sentence_tokens(s)] for s in doc.sentences]
        messages = SpanIndex(known)
        cues = SpanIndex(known_cues)
        computed: dict[FeatureLexicon, list[list[dict[str, str]]]] = {}

        def feats(lexicon: FeatureLexicon) -> list[list[dict[str, str]]]:
            """Each model reads the features of its own lexicon; computed once per lexicon."""
            if lexicon not in computed:
                computed[lexicon] = sentence_features(words, lexicon)
            return computed[lexicon]

        def uncovered(i: int, row: Sequence[dict[str, str]]) -> bool:
            first = doc.sentences[i].first
            for t, f in enumerate(row):
                if _evidence(f):
                    tok = doc.tokens[first + t]
                    if not (messages.overlaps(tok.start, tok.end) or cues.overlaps(tok.start, tok.end)):
                        return True
            return False

        cue_feats = feats(self._cues.lexicon)
        candidates = [
            i for i, row in enumerate(cue_feats) if 0 < len(words[i]) <= MAX_SENTENCE_TOKENS and uncovered(i, row)
        ]
        if not candidates:
            return []
        with torch.inference_mode():
            anchors = [
                a
                for a in self._find_anchors(words, cue_feats, candidates)
                if not _overlaps(doc, a.ids, messages) and not _overlaps(doc, a.ids, cues)
            ]
            events = self._find_roles(words, feats(self._roles.lexicon), anchors)
        form_feats = feats(self._forms_lexicon)
        known_sentences = [messages.overlaps(x.start, x.end) or cues.overlaps(x.start, x.end) for x in doc.sentences]
        return [self._quote(doc, words, form_feats, cue_feats, known_sentences, e) for e in _merge(events)]

    def _find_anchors(
        self, words: list[list[str]], feats: list[list[dict[str, str]]], candidates: list[int]
    ) -> list[Anchor]:
        tagger = self._cues.tensors
        flat_words = [w for i in candidates for w in words[i]]
        flat_rows = [r for i in candidates for r in feats[i]]
        tagged = tagger.tag(tagger.embed(flat_words, flat_rows, tagger.fields), [len(words[i]) for i in candidates])
        anchors = []
        for i, tags in zip(candidates, tagged, strict=True):
            found = sorted(spans(tags), key=lambda x: -x[1])[:MAX_ANCHORS_PER_SENTENCE]
            for label, score, b, e in sorted(found, key=lambda x: x[2]):
                anchors.append(Anchor("C" if label == "CUE" else "M", [(i, t) for t in range(b, e)], score))
        return anchors

    def _find_roles(
        self, words: list[list[str]], feats: list[list[dict[str, str]]], anchors: list[Anchor]
    ) -> list[_Event]:
        """One role-tagger pass per anchor window, all windows in one batch. The rows that do not
        depend on the anchor are embedded once per sentence and gathered into the windows."""
        kept = select_windows(words, anchors)
        if not kept:
            return []
        import torch

        tagger = self._roles.tensors
        offsets: dict[int, int] = {}
        flat_words: list[str] = []
        flat_rows: list[dict[str, str]] = []
        for s in sorted({s for _, ids in kept for s, _ in ids}):
            offsets[s] = len(flat_rows)
            flat_words += words[s]
            flat_rows += feats[s]
        shared = tagger.embed(flat_words, flat_rows, tagger.fields - ANCHOR_FIELDS)
        index = torch.tensor([offsets[s] + t for _, ids in kept for s, t in ids], dtype=torch.long)
        anchored = [row for anchor, ids in kept for row in anchor_features(ids, anchor.ids, anchor.kind)]
        inputs = shared[index] + tagger.embed([], anchored, ANCHOR_FIELDS)
        tagged = tagger.tag(inputs, [len(ids) for _, ids in kept])
        events = []
        for (anchor, ids), tags in zip(kept, tagged, strict=True):
            found: dict[str, list[tuple[float, list[TokenId]]]] = {"MSG": [], "SRC": [], "ADR": []}
            for label, score, b, e in spans(tags):
                found.setdefault(label, []).append((score, ids[b:e]))
            message = sorted({t for _, span in found["MSG"] for t in span})
            scores = [anchor.score] + [s for s, _ in found["MSG"]]
            if anchor.kind == "M" and not set(message) & set(anchor.ids):
                message = sorted(set(message) | set(anchor.ids))
            if not message:
                continue
            event = _Event(cue=anchor.ids if anchor.kind == "C" else [], message=message, scores=scores)
            if found["SRC"]:
                event.source = max(found["SRC"], key=lambda x: x[0])[1]
            if found["ADR"]:
                event.addressee = max(found["ADR"], key=lambda x: x[0])[1]
            events.append(event)
        return events

    def _quote(
        self,
        doc: Doc,
        words: list[list[str]],
        form_feats: list[list[dict[str, str]]],
        gate_feats: list[list[dict[str, str]]],
        known_sentences: list[bool],
        e: _Event,
    ) -> tuple[Quote, Features]:
        x = event_features(words, form_feats, e.cue, e.message)
        form, _ = self._form.predict(x)
        medium, _ = self._medium.predict(x)
        first = e.message[0][0]
        context = Context(
            anchor_score=e.scores[0],
            message_scores=e.scores[1:],
            form=form,
            has_source=bool(e.source),
            rule_quote_in_sentence=known_sentences[first] or bool(e.cue and known_sentences[e.cue[0][0]]),
            rule_quote_before=first > 0 and known_sentences[first - 1],
        )
        gate_x = gate_features(words, gate_feats, e.cue, e.message, context)
        confidence = self.gate.probability(gate_x) if self.gate is not None else sum(e.scores) / len(e.scores)

        def spans(ids: Sequence[TokenId]) -> list[Span]:
            out = []
            for s, b, end in runs(ids):
                first = doc.sentences[s].first
                out.append(Span(doc.tokens[first + b].start, doc.tokens[first + end - 1].end))
            return out

        def one(ids: Sequence[TokenId]) -> Span | None:
            found = spans(ids)
            return Span(found[0].start, found[-1].end) if found else None

        quote = Quote(
            message=spans(e.message),
            form=Form(form),
            medium=Medium(medium) if medium in Medium._value2member_map_ else Medium.SPEECH,
            cue=spans(e.cue),
            source=one(e.source),
            addressee=one(e.addressee),
            confidence=round(confidence, 4),
            origin="model",
        )
        return quote, gate_x


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
