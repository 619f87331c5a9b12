"""Punctuation: quotation marks of every style, sentence-final and clause punctuation."""

from __future__ import annotations

#: Every character that can open or close a quotation: German „…“ ‚…‘, English “…” "…" '…',
#: guillemets in both directions »…« «…», single guillemets ›…‹.
QUOTE_MARKS = "„“”»«\"‚‘’‹›'"
QUOTE_CHARS: frozenset[str] = frozenset(QUOTE_MARKS)

#: Opening mark -> the closing marks that can end it.
CLOSERS: dict[str, str] = {
    "„": '“”"',
    "“": '”"',
    "”": "”",
    "»": "«",
    "«": "»",
    '"': '"“”',
    "‚": "‘’'",
    "‘": "’'",
    "‹": "›",
    "›": "‹",
    "'": "'’",
}
#: Typographic German low marks only ever open a quotation.
ONLY_OPEN: frozenset[str] = frozenset("„‚")
#: Marks that can open a quotation inside a noun phrase (die „Süddeutsche Zeitung“) and close it.
NAME_OPENERS = '„»"'
NAME_CLOSERS = '“«"'

# Quotation marks as tokens (the tokenizer makes each mark a token; the SpkAtt data, tokenised
# by spaCy, also has the PTB-style `` and '').
TOKEN_OPEN_LOW: frozenset[str] = frozenset({"„", "‚", "``"})
TOKEN_CLOSE_HIGH: frozenset[str] = frozenset({"“", "‘", "”", "''"})
TOKEN_TOGGLE: frozenset[str] = frozenset({'"', "'"})
TOKEN_GUILLEMETS: frozenset[str] = frozenset({"»", "«"})

#: Punctuation that ends a sentence.
SENTENCE_FINAL: frozenset[str] = frozenset(".!?…")
#: Punctuation that separates clauses (a frame from its message).
CLAUSE_PUNCT: frozenset[str] = frozenset({",", ";", ":", "(", ")", "–", "—"})


def is_quote_token(text: str) -> bool:
    """A token that is a single quotation mark."""
    return len(text) == 1 and text in QUOTE_CHARS
