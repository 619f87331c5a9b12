"""Which model quotes to keep: a logistic regression over cheap features of a finished quote.

The taggers reach speech the rules miss, but on unseen news most of their quotes were wrong
(3 of 50 judged fully right): messages in pieces that take frame words, cues without their
particle, frames taken for messages. Those errors show in the quote's shape, so a classifier
over shape, tagger scores and context predicts whether a quote is right (its cue and its
message match a gold event), trained on quotes of taggers that never saw the article
(``training.train_gate``: cross-fitted folds of the train split). Only quotes with a
probability of at least ``threshold`` are kept; the probability becomes the quote's confidence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zitat_server.language import cues as cue_lexicon
from zitat_server.language.marks import TOKEN_CLOSE_HIGH, TOKEN_GUILLEMETS, TOKEN_OPEN_LOW, TOKEN_TOGGLE
from zitat_server.learned.examples import TokenId, runs
from zitat_server.learned.linear import Features, LinearModel

GATE_FILE = "gate.json"
RIGHT = "right"

_MARKS = TOKEN_OPEN_LOW | TOKEN_CLOSE_HIGH | TOKEN_TOGGLE | TOKEN_GUILLEMETS
_BOUNDARY = frozenset({",", ":", ";", "–", "dass", "daß", "ob"}) | _MARKS
_CLAUSE_END = frozenset({".", "!", "?", ";", ":"}) | _MARKS
_CUE_WORDS = cue_lexicon.all_cue_words()
_OPENERS = frozenset({"dass", "daß", "ob", ",", "er", "sie", "es", "man", "wir", "ich"})


@dataclass(frozen=True, slots=True)
class Context:
    """What the gate knows of an event besides its tokens: scores, the predicted form, and
    where the quotes found before it (the rules') lie."""

    anchor_score: float
    message_scores: Sequence[float]
    form: str
    has_source: bool
    rule_quote_in_sentence: bool  # a known quote (message or cue) in the cue's or message's first sentence
    rule_quote_before: bool  # a known quote in the sentence before the message


def _particle(words: Sequence[Sequence[str]], cue: Sequence[TokenId]) -> str:
    """For a verb that is a cue only with a separated particle ("teilte … mit"): ``"missing"``
    when the particle stands later in the clause but not in the cue, ``"absent"`` when the
    clause has none (then the verb is no cue: "gab es"); else ``"ok"``."""
    cue_words = {words[s][t].lower() for s, t in cue}
    for s, t in cue:
        entries = cue_lexicon.lookup(words[s][t])
        needed = {e.particle for e in entries if e.particle}
        if not needed or any(not e.particle for e in entries) or needed & cue_words:
            continue
        for word in words[s][t + 1 :]:
            if word in _CLAUSE_END:
                break
            if word.lower() in needed:
                return "missing"
        return "absent"
    return "ok"


def _separated(words: Sequence[Sequence[str]], cue: Sequence[TokenId], message: Sequence[TokenId]) -> bool:
    """A clause boundary (comma, colon, quotation mark, dass/ob) between cue and message."""
    if not cue:
        return True
    first, last = message[0], message[-1]
    if cue[0] > last:
        between = _tokens(words, last, cue[0])
    elif cue[-1] < first:
        between = _tokens(words, cue[-1], first, inclusive_end=True)
    else:
        return True
    return any(w.lower() in _BOUNDARY for w in between)


def _tokens(words: Sequence[Sequence[str]], a: TokenId, b: TokenId, inclusive_end: bool = False) -> list[str]:
    """The words strictly after ``a`` up to ``b`` (including ``b`` when asked), across sentences."""
    out: list[str] = []
    s, t = a[0], a[1] + 1
    while (s, t) < b or (inclusive_end and (s, t) == b):
        if t >= len(words[s]):
            s, t = s + 1, 0
            if s >= len(words):
                break
            continue
        out.append(words[s][t])
        t += 1
    return out


def features(
    words: Sequence[Sequence[str]],
    feats: Sequence[Sequence[dict[str, str]]],
    cue: Sequence[TokenId],
    message: Sequence[TokenId],
    context: Context,
) -> Features:
    """Sparse features of one model event (``feats``: the tagger features of every token)."""
    out: Features = {"bias": 1.0, f"form={context.form}": 1.0}
    scores = list(context.message_scores) or [0.0]
    out["anchor_score"] = context.anchor_score
    out["message_score"] = sum(scores) / len(scores)
    out["message_score_min"] = min(scores)
    out["source"] = float(context.has_source)
    out["rule_quote_in_sentence"] = float(context.rule_quote_in_sentence)
    out["rule_quote_before"] = float(context.rule_quote_before)
    pieces = runs(message)
    out[f"pieces={min(len(pieces), 3)}"] = 1.0
    sentences = sorted({s for s, _ in message})
    out["sentences>1"] = float(len(sentences) > 1)
    out[f"length={min(len(message) // 4, 8)}"] = 1.0
    first, last = message[0], message[-1]
    out["starts_sentence"] = float(first[1] == 0)
    out["ends_sentence"] = float(last[1] >= len(words[last[0]]) - 2)
    whole = sum(len(words[s]) for s in sentences)
    out["covers_sentences"] = len(message) / whole
    first_word = words[first[0]][first[1]]
    out["first_lower"] = float(first_word[:1].islower())
    if first_word.lower() in _OPENERS:
        out[f"first={first_word.lower()}"] = 1.0
    konj = [feats[s][t]["konj"] for s, t in message]
    out["k1"] = float("K1" in konj)
    out["k2"] = float("K2" in konj)
    quoted = sum(feats[s][t]["quote"] != "0" for s, t in message) / len(message)
    out["quoted"] = quoted
    out["lex_in_message"] = float(any(feats[s][t]["lex"] == "1" for s, t in message))
    if not cue:
        out["no_cue"] = 1.0
        return out
    cue_words = [words[s][t] for s, t in cue]
    out["cue_in_lexicon"] = float(all(w.lower() in _CUE_WORDS for w in cue_words))
    out["cue_capitalised"] = float(cue_words[0][:1].isupper() and cue[0][1] > 0)
    out["cue_pieces>1"] = float(len(runs(cue)) > 1)
    out[f"particle={_particle(words, cue)}"] = 1.0
    out["cue_in_message"] = float(bool(set(cue) & set(message)))
    out["separated"] = float(_separated(words, cue, message))
    out["cue_before"] = float(cue[0] < first)
    out["cue_other_sentence"] = float(cue[0][0] not in sentences)
    return out


@dataclass(frozen=True, slots=True)
class Gate:
    """The classifier and the probability a quote needs to be kept."""

    model: LinearModel
    threshold: float

    def probability(self, x: Features) -> float:
        label, p = self.model.predict(x)
        return p if label == RIGHT else 1.0 - p

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.model.save(directory / "weights.json")
        (directory / GATE_FILE).write_text(json.dumps({"threshold": self.threshold}) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Gate | None:
        """The gate saved in ``directory``; None when there is none (every model quote is kept)."""
        if not (directory / GATE_FILE).exists():
            return None
        threshold = float(json.loads((directory / GATE_FILE).read_text(encoding="utf-8"))["threshold"])
        return cls(LinearModel.load(directory / "weights.json"), threshold)
