"""Per-token linguistic features, shared by training and inference.

The models see these as extra one-hot label embeddings. They carry what a small model trained
on 700 articles cannot learn reliably by itself: which words report speech, whether a token
stands inside quotation marks, and whether a verb is in Konjunktiv I (the mood of indirect
speech in German). Pure Python so that inference pays no import cost for it.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Lower-cased stems of speech, thought and writing cues; a token whose lower-cased text starts
#: with one of them counts as a lexicon hit. Stems rather than full forms because German
#: inflects (sagte, gesagt, sagten) and prefixes separable particles (teilte ... mit).
CUE_STEMS: tuple[str, ...] = (
    "sag",
    "gesag",
    "erklär",
    "beton",
    "meint",
    "meinte",
    "gemeint",
    "bericht",
    "teilt",
    "geteilt",
    "mitteil",
    "äußer",
    "geäußer",
    "kritisier",
    "forder",
    "gefordert",
    "warn",
    "gewarn",
    "sprach",
    "sprech",
    "gesproch",
    "bestätig",
    "dementier",
    "verkünd",
    "kündig",
    "angekündig",
    "ankündig",
    "behaupt",
    "erzähl",
    "schreib",
    "schrieb",
    "geschrieb",
    "antwort",
    "fragt",
    "gefragt",
    "glaub",
    "geglaub",
    "hoff",
    "gehofft",
    "fürcht",
    "befürcht",
    "zufolge",
    "laut",
    "zitier",
    "unterstrich",
    "räumt",
    "eingeräumt",
    "bekräftig",
    "versicher",
    "verwies",
    "verweis",
    "ergänz",
    "hinzu",
    "fügt",
    "sieht",
    "sehe",
    "sah",
    "nannt",
    "genannt",
    "bezeichn",
    "rief",
    "ruf",
    "appellier",
    "mahn",
    "gemahnt",
    "lehnt",
    "abgelehnt",
    "bestritt",
    "bestreit",
    "vorgeworfen",
    "warf",
    "wirft",
    "kommentier",
    "verlaut",
    "informier",
    "erinner",
    "zeigt",
    "begründ",
    "stellt",
    "klar",
    "bekannt",
    "verspr",
    "gelob",
    "zugesag",
    "beklag",
    "beschwer",
    "lob",
    "gelob",
    "dank",
    "kündigt",
    "sprecher",
    "mitteilung",
    "erklärung",
    "aussage",
    "angab",
    "angaben",
    "interview",
    "twitter",
    "rede",
    "worte",
    "meinung",
    "ansicht",
    "überzeug",
)

#: Frequent Konjunktiv-I forms (3rd person singular/plural of common verbs) and Konjunktiv II
#: forms, which German news also uses for indirect speech.
KONJ1: frozenset[str] = frozenset(
    "sei seien habe werde könne müsse solle wolle dürfe möge gebe liege stehe gehe komme "
    "bleibe wisse brauche sehe halte lasse mache trage führe spiele zeige gelte fehle "
    "bestehe handle handele arbeite plane erwarte befinde entspreche".split()
)
KONJ2: frozenset[str] = frozenset(
    "wäre wären hätte hätten würde würden könnte könnten müsste müssten sollte sollten "
    "dürfte dürften möchte möchten gäbe".split()
)
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"er", "sie", "es", "man"})

OPENING_QUOTES = frozenset({"„", "‚", "“", '"', "»", "«", "‘", "'", "”", "''", "``"})
GERMAN_OPEN = frozenset({"„", "‚", "``"})
GERMAN_CLOSE = frozenset({"“", "‘", "”", "''"})
TOGGLE = frozenset({'"', "'"})
GUILLEMETS = frozenset({"»", "«"})


def lexicon(word: str) -> str:
    """``"1"`` when the word looks like a speech/thought/writing cue, else ``"0"``."""
    low = word.lower()
    return "1" if len(low) > 2 and low.startswith(CUE_STEMS) else "0"


def mood(words: Sequence[str], i: int) -> str:
    """Konjunktiv heuristic: ``"K1"``, ``"K2"`` or ``"-"`` for the token at ``i``."""
    low = words[i].lower()
    if low in KONJ1:
        return "K1"
    if low in KONJ2:
        return "K2"
    # "er behaupte", "sie verfüge": a 3rd-person pronoun before a verb ending in -e is
    # Konjunktiv I (the indicative would end in -t).
    if i > 0 and words[i - 1].lower() in SUBJECT_PRONOUNS and low.endswith("e") and len(low) > 3:
        return "K1"
    return "-"


def quote_depth(words: Sequence[str]) -> list[str]:
    """Quotation-mark nesting per token: ``"Q"`` for the marks themselves, else ``"0"``..``"2"``.

    Tracks opening and closing marks over the whole token sequence (quotes cross sentences).
    German „…“, English "…"/“…” and guillemets in either direction are all accepted.
    """
    stack: list[str] = []
    out: list[str] = []
    for w in words:
        if w in GERMAN_OPEN:
            stack.append(w)
        elif w in GERMAN_CLOSE:
            if stack and stack[-1] not in TOGGLE and stack[-1] not in GUILLEMETS:
                stack.pop()
            else:
                stack.append(w)
        elif w in TOGGLE:
            if stack and stack[-1] == w:
                stack.pop()
            else:
                stack.append(w)
        elif w in GUILLEMETS:
            if stack and stack[-1] in GUILLEMETS and stack[-1] != w:
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


def token_features(words: Sequence[str], depths: Sequence[str]) -> list[dict[str, str]]:
    """Feature labels for each token of one sentence (``depths`` from :func:`quote_depth`)."""
    return [
        {"lc": w.lower(), "lex": lexicon(w), "konj": mood(words, i), "quote": depths[i]} for i, w in enumerate(words)
    ]
