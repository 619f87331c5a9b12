"""A fast German tokenizer and sentence splitter for news text.

On the hot path of every request, so it is built from a few precompiled regular expressions:
one ``re.finditer`` over a big alternation yields the tokens, a second one finds the few
candidate sentence ends, and binary searches map those to token indices. No per-character
Python loop.

Tokenisation follows the conventions of the SpkAtt-2023 data (spaCy's German tokenizer), which
our models are trained on: every quotation mark is its own token, abbreviations and ordinals
keep their period, numbers, URLs, e-mail addresses and hyphenated compounds stay whole.
``benchmarks/tokenizer.py`` measures the agreement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from zitat_server import __version__
from zitat_server.document import Doc, Sentence, Token
from zitat_server.extraction.component import ComponentInfo
from zitat_server.language.abbreviations import (
    ABBREVIATIONS,
    CARDINAL_AFTER,
    END_ABBREVIATIONS,
    MONTHS_PATTERN,
    SENTENCE_STARTERS,
)
from zitat_server.language.marks import SENTENCE_FINAL

__all__ = ["tokenize", "doc_from_sentences", "TOKENIZER_INFO"]

TOKENIZER_INFO = ComponentInfo("tokenizer", __version__, "rules", "German tokenizer and sentence splitter")

_TLDS = "com|org|net|de|at|ch|eu|uk|us|ua|ru|fr|it|es|nl|be|pl|info|gov|edu|io|tv|int|biz"

#: Longest sentence, in tokens: a longer run is cut into pieces of at most this many (after a
#: comma, semicolon or colon where one is near the limit). The longest sentence of the 1,028
#: DER STANDARD articles in data/ has 365 tokens (a list), the next 188, and none of the SpkAtt
#: sentences more than 135; text without sentence punctuation ("sagte sagte …") would otherwise
#: be one sentence, and the rules' and models' per-sentence work grows faster than its length.
MAX_SENTENCE_TOKENS = 200
_CUT_AFTER = frozenset(",;:")
_CUT_LOOKBACK = 50  # how far before the limit a comma is looked for

# Control characters (NUL, ESC, DEL …) separate tokens like white space and are never tokens:
# "gut.\0 Er" ends a sentence as "gut. Er" does.
_CONTROL = r"\x00-\x08\x0e-\x1f\x7f"
_GAP = rf"[\s{_CONTROL}]"


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by common prefix.

    ``re`` tries a flat alternation branch by branch at every position; factored, a word that
    is no abbreviation fails after a character or two, which keeps the tokenizer fast.
    """
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_trie(rest)})?" if rest else ""
    branches = []
    for first in sorted({w[0] for w in words}):
        tail = _trie([w[1:] for w in words if w[0] == first])
        branches.append(re.escape(first) + tail)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _not_after(words: tuple[str, ...]) -> str:
    """Negative lookbehinds for ``word`` + space: one each, as ``re`` wants a fixed width."""
    return "".join(f"(?<!\\b{re.escape(w)}\\s)" for w in words)


# Characters that end a URL only if nothing non-space follows them.
_URL_BODY = r"[^\s\"“”»«„<>]"
_URL_LAST = r"[^\s\"“”»«„<>.,;:!?)\]'’]"

# Joins the parts of a word: Fidschi-Inseln, GPA-djp, geht's, Hawai'i; in numbers: 9.000 2:1 3,5.
_JOINER = r"[-'’´ʼ]"
_NUMBER_JOINER = r"(?<=\d)[.,:](?=\d)"

# Group 1 is the token; the leading ``\s*`` skips spaces in one step instead of trying every
# alternative at every space. Alternatives are tried in order. Most tokens are plain words,
# so the first branch takes a word that starts with a letter and is followed by nothing that
# could make it special (a period, an e-mail "@", a trailing hyphen); those, numbers and
# everything else fall through to the later branches. Repetitions that could rescan a long
# dotted chain (e-mail, domain) are bounded, so that the run time stays linear in the text.
_TOKEN_RE = re.compile(
    rf"""{_GAP}*(
      (?!https?://|www\.)[^\W\d_]\w*(?:{_JOINER}\w+)*               # plain word (fast path)
      (?![\w.@+]|{_JOINER}|{_NUMBER_JOINER})
    | (?:https?://|www\.){_URL_BODY}*{_URL_LAST}                 # URL
    | (?:\d{{1,2}}\.\d{{1,2}}\.|\d+\.)                           # ordinal or date: 5. | 24.12.
      (?=[,;)\]/–-]|\s+(?:[a-zäöüß]|(?:{MONTHS_PATTERN})\b))            #   before lower case or a month
    | (?=\d)(?<!/){_not_after(CARDINAL_AFTER)}                 # ordinal: der 67. Minute
      \d{{1,3}}\.(?=\s+(?!(?:{SENTENCE_STARTERS})\b)[A-ZÄÖÜ])
    | {_trie(sorted(ABBREVIATIONS))}\.(?!\w)                     # abbreviation: Dr. bzw.
    | Art\.(?=\s*\d)                                             # Art. 5
    | (?<!/)(?:[^\W\d_]\.)+(?![^\W\d_])                          # z. B. u.a. e.V. initials
    | [IVX]{{2,5}}\.(?!\s+(?:{SENTENCE_STARTERS})\b)                      # roman numerals: Elisabeth II.
    | \w+(?:(?:{_JOINER}|{_NUMBER_JOINER})\w+)*                     # word, number, compound
      (?:
          (?:[.+-][\w-]+){{0,8}}@[\w-]+(?:\.[\w-]+)+               #   e-mail: a.b@x.de
        | (?:\.[\w-]+){{0,8}}\.(?:{_TLDS})\b                        #   domain: facebook.com/x
          (?:/{_URL_BODY}*{_URL_LAST})?
        | -(?=[\s,/]|$)                                           #   truncated: Energie-, Gas-
      )?
    | (?<!\w)['’](?:s|n|ne|nen|nem|ner|rein|raus|ran|rum|rüber|runter)\b  # 's, 'ne
    | ''|``|\.{{2,}}|…|-{{2,}}                                     # '' ... … --
    | [^\w\s{_CONTROL}]                                          # any other single character
    )""",
    re.VERBOSE,
)

# A candidate sentence end: final punctuation, then closing quotes/brackets attached to it,
# then space and (captured) the next character. Not inside "[...]" or "(…)" omission marks.
# Starts with a character class so that ``re`` can skip ahead to candidates quickly.
_SENTENCE_END_RE = re.compile(rf"[.!?…](?<![\[(.!?…].)[.!?…]*[“”\"»«’‘')\]]*(?={_GAP}+([^\s{_CONTROL}]))")
_CONTROL_CHARS = frozenset(map(chr, (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)))
# A bracket glued to the final period opens a sentence of its own: the byline at an article's end,
# "… zunutze mache.(Michael Völker, 25.6.2015)".
_GLUED_BRACKET_RE = re.compile(r"(?<=\w)[.!?](?=\([A-ZÄÖÜ])")


def _content_end(text: str) -> int:
    """Where the text ends without trailing white space and control characters."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _CONTROL_CHARS):
        end -= 1
    return end
_NEWLINE_RE = re.compile(r"\n\s*")
_OPENERS = frozenset("„\"»«‚‘'([")


def tokenize(text: str) -> Doc:
    """Split ``text`` into tokens and sentences (code-point offsets into ``text``).

    A sentence ends at ``. ! ? …`` (with any closing quotation marks or brackets attached)
    followed by space and an upper-case letter, a digit or an opening quotation mark, and at
    every line break: news arrives one paragraph (or headline) a line; hard-wrapped text
    is not supported. Periods of abbreviations and ordinals do not end a sentence. A sentence
    has at most :data:`MAX_SENTENCE_TOKENS` tokens.
    """
    # endpos: trailing white space would make the leading gap pattern backtrack quadratically.
    end = _content_end(text)
    tokens = [Token(m.start(1), m.end(1), m[1]) for m in _TOKEN_RE.finditer(text, 0, end)]
    doc = Doc(text=text, tokens=tokens)
    if not tokens:
        return doc
    starts = [t.start for t in tokens]
    cuts = {bisect_left(starts, m.end()) for m in _NEWLINE_RE.finditer(text)}
    for m in _SENTENCE_END_RE.finditer(text):
        following = m[1]
        if not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        token = tokens[bisect_right(starts, m.start()) - 1].text
        if token[0] in SENTENCE_FINAL or token in END_ABBREVIATIONS:
            cuts.add(bisect_left(starts, m.end()))
    for m in _GLUED_BRACKET_RE.finditer(text):
        cuts.add(bisect_left(starts, m.end()))
    cuts.add(len(tokens))
    first = 0
    for cut in sorted(cuts):
        if cut > first:
            _add_sentences(doc, first, cut)
            first = cut
    return doc


def _add_sentences(doc: Doc, first: int, last: int) -> None:
    """The sentence of tokens ``[first, last)``, cut into pieces of at most MAX_SENTENCE_TOKENS."""
    tokens = doc.tokens
    while last - first > MAX_SENTENCE_TOKENS:
        cut = first + MAX_SENTENCE_TOKENS
        for i in range(cut - 1, cut - 1 - _CUT_LOOKBACK, -1):
            if tokens[i].text in _CUT_AFTER:
                cut = i + 1
                break
        doc.sentences.append(Sentence(tokens[first].start, tokens[cut - 1].end, first, cut))
        first = cut
    doc.sentences.append(Sentence(tokens[first].start, tokens[last - 1].end, first, last))


def doc_from_sentences(sentences: list[list[str]]) -> Doc:
    """A ``Doc`` for text that is already tokenised, keeping that tokenisation exactly.

    The text is the tokens of each sentence joined with single spaces and the sentences
    joined with ``"\\n"``, as the public API documents. Raises ``ValueError`` for input that
    cannot be written that way: no tokens, an empty sentence, an empty token or a token that
    contains whitespace.
    """
    if not any(sentences):
        raise ValueError("no tokens: need at least one sentence with one token")
    doc = Doc(text="")
    parts: list[str] = []
    pos = 0
    for i, sentence in enumerate(sentences):
        if not sentence:
            raise ValueError(f"sentence {i} is empty")
        first = len(doc.tokens)
        for j, text in enumerate(sentence):
            if not text:
                raise ValueError(f"token {j} of sentence {i} is empty")
            if any(c.isspace() for c in text):
                raise ValueError(f"token {j} of sentence {i} contains whitespace: {text!r}")
            if j:
                pos += 1
            doc.tokens.append(Token(pos, pos + len(text), text))
            pos += len(text)
        _add_sentences(doc, first, len(doc.tokens))
        parts.append(" ".join(sentence))
        pos += 1  # the "\n" between sentences
    doc.text = "\n".join(parts)
    return doc
