"""Per-token linguistic features, shared by training and inference.

The models see these as extra one-hot label embeddings. They carry what a small model trained
on 700 articles cannot learn reliably by itself: which words report speech, whether a token
stands inside quotation marks, and whether a verb is in Konjunktiv (the mood of indirect
speech in German). Pure Python so that inference pays no import cost for it.

The word lists come from :mod:`zitat_server.language` when a model is trained
(:meth:`FeatureLexicon.from_language`) and are saved next to the model (``features.json``):
a trained model needs the features it was trained with, so a model keeps reading its own copy
after the language data grows, until it is retrained. ``version`` 1 matched cue words by
stem (the first shipped taggers); version 2 matches the lexicon's word forms exactly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zitat_server.language import cues, mood
from zitat_server.language.marks import TOKEN_CLOSE_HIGH, TOKEN_GUILLEMETS, TOKEN_OPEN_LOW, TOKEN_TOGGLE

FEATURE_FILE = "features.json"


@dataclass(frozen=True, slots=True)
class FeatureLexicon:
    """The word lists the token features read: a versioned part of every trained model."""

    version: int
    cue_stems: tuple[str, ...]  # a word starting with one of them is a cue (version 1)
    cue_words: frozenset[str]  # a word equal to one of them is a cue (version 2)
    konjunktiv_i: frozenset[str]
    konjunktiv_ii: frozenset[str]
    subject_pronouns: frozenset[str]

    @classmethod
    def from_language(cls) -> FeatureLexicon:
        """The lexicon of the current language data (what a new model is trained with)."""
        return cls(
            version=2,
            cue_stems=(),
            cue_words=frozenset(cues.all_cue_words()),
            konjunktiv_i=mood.KONJUNKTIV_I,
            konjunktiv_ii=mood.KONJUNKTIV_II,
            subject_pronouns=mood.SUBJECT_PRONOUNS,
        )

    @classmethod
    def load(cls, model_dir: Path) -> FeatureLexicon:
        data = json.loads((model_dir / FEATURE_FILE).read_text(encoding="utf-8"))
        return cls(
            version=int(data["version"]),
            cue_stems=tuple(data["cue_stems"]),
            cue_words=frozenset(data["cue_words"]),
            konjunktiv_i=frozenset(data["konjunktiv_i"]),
            konjunktiv_ii=frozenset(data["konjunktiv_ii"]),
            subject_pronouns=frozenset(data["subject_pronouns"]),
        )

    def save(self, model_dir: Path) -> None:
        data = {
            "version": self.version,
            "cue_stems": list(self.cue_stems),
            "cue_words": sorted(self.cue_words),
            "konjunktiv_i": sorted(self.konjunktiv_i),
            "konjunktiv_ii": sorted(self.konjunktiv_ii),
            "subject_pronouns": sorted(self.subject_pronouns),
        }
        (model_dir / FEATURE_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def lexicon(self, word: str) -> str:
        """``"1"`` when the word is a speech, thought or writing cue, else ``"0"``."""
        low = word.lower()
        return "1" if len(low) > 2 and (low in self.cue_words or low.startswith(self.cue_stems)) else "0"

    def mood(self, words: Sequence[str], i: int) -> str:
        """Konjunktiv: ``"K1"``, ``"K2"`` or ``"-"`` for the token at ``i``."""
        low = words[i].lower()
        if low in self.konjunktiv_i:
            return "K1"
        if low in self.konjunktiv_ii:
            return "K2"
        # "er behaupte", "sie verfüge": a 3rd-person pronoun before a verb ending in -e is
        # Konjunktiv I (the indicative would end in -t).
        if i > 0 and words[i - 1].lower() in self.subject_pronouns and low.endswith("e") and len(low) > 3:
            return "K1"
        return "-"

    def token_features(self, words: Sequence[str], depths: Sequence[str]) -> list[dict[str, str]]:
        """Feature labels for each token of one sentence (``depths`` from :func:`quote_depth`)."""
        return [
            {"lc": w.lower(), "lex": self.lexicon(w), "konj": self.mood(words, i), "quote": depths[i]}
            for i, w in enumerate(words)
        ]


def quote_depth(words: Sequence[str]) -> list[str]:
    """Quotation-mark nesting per token: ``"Q"`` for the marks themselves, else ``"0"``..``"2"``.

    Tracks opening and closing marks over the whole token sequence (quotes cross sentences).
    German „…“, English "…"/“…” and guillemets in either direction are all accepted.
    """
    stack: list[str] = []
    out: list[str] = []
    for w in words:
        if w in TOKEN_OPEN_LOW:
            stack.append(w)
        elif w in TOKEN_CLOSE_HIGH:
            if stack and stack[-1] not in TOKEN_TOGGLE and stack[-1] not in TOKEN_GUILLEMETS:
                stack.pop()
            else:
                stack.append(w)
        elif w in TOKEN_TOGGLE:
            if stack and stack[-1] == w:
                stack.pop()
            else:
                stack.append(w)
        elif w in TOKEN_GUILLEMETS:
            if stack and stack[-1] in TOKEN_GUILLEMETS and stack[-1] != w:
                stack.pop()
            else:
                stack.append(w)
        else:
            out.append(str(min(len(stack), 2)))
            continue
        out.append("Q")
        if len(stack) > 3:  # unbalanced input: forget rather than drift forever
            stack.clear()
    return out


def position(sentence_index: int) -> str:
    """Coarse position of a sentence in its article (lead sentences rarely hold cues)."""
    return str(min(sentence_index, 3))
