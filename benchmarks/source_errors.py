"""Source errors by kind: what the system's source spans get wrong on paired events.

    python -m benchmarks.source_errors --pred /tmp/pred [--data data/spkatt-news/train] [--split dev|all]
        [--examples KIND] [--json OUT]

Reads the predictions ``benchmarks.accuracy --out`` wrote and the gold annotations, pairs the
events per document as the scorer does (:func:`benchmarks.scoring.assign`, full task), and sorts
every paired event whose gold or system event has a source into one kind:

* ``exact``: the same tokens; ``none``: gold has a source, the system none; ``spurious``: the
  system has one, gold none; ``other``: no shared token (a different mention);
* ``short`` (system tokens inside gold's: an apposition or attribute cut off), ``long`` (gold's
  inside the system's: extra words), ``cross`` (overlapping, neither inside the other).

Gold sources are also sorted by the shape of their noun phrase (:func:`shape`), so the table
shows which phrases are missed. ``--examples KIND`` prints the events of that kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zitat_client import taskformat
from zitat_server.language.function_words import DETERMINERS, PRONOUNS
from zitat_server.language.names import is_name_word
from zitat_server.language.roles import is_role
from zitat_server.training.corpora import NEWS_TRAIN

from benchmarks.accuracy import select_files
from benchmarks.scoring import Event, assign

KINDS = ("exact", "none", "other", "short", "long", "cross", "spurious")
_FRAME_NOUNS = frozenset(
    "angaben angaben. informationen bericht berichten meldung mitteilung pressemitteilung aussage aussagen worten"
    " ansicht meinung einschätzung auffassung darstellung studie umfrage schätzungen medienberichten".split()
)


def kind_of(gold: Sequence[tuple[int, int]], system: Sequence[tuple[int, int]]) -> str | None:
    g, s = set(gold), set(system)
    if not g and not s:
        return None
    if not s:
        return "none"
    if not g:
        return "spurious"
    if g == s:
        return "exact"
    if not g & s:
        return "other"
    if s < g:
        return "short"
    if g < s:
        return "long"
    return "cross"


def shape(words: Sequence[str]) -> str:
    """The noun-phrase shape of a source: pronoun, name, role+name, role, frame, organisation/other."""
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS | {"der", "die", "dem", "den", "denen", "welche"}:
        return "pronoun"
    if any(w in _FRAME_NOUNS or w.endswith("angaben") for w in low):
        return "frame"
    names = sum(is_name_word(w) for w in words if w.lower() not in DETERMINERS)
    roles = any(is_role(w) for w in words)
    if names and roles:
        return "role+name"
    if names and len(words) <= 3 and not any(w in DETERMINERS for w in low):
        return "name"
    if roles:
        return "role"
    return "noun/org"


def _words(sentences: list[list[str]], ids: Sequence[tuple[int, int]]) -> str:
    return " ".join(sentences[s][t] for s, t in ids)


def analyse(files: Sequence[Path], pred: Path) -> tuple[Counter[tuple[str, str]], list[dict[str, Any]]]:
    """(kind, gold shape) counts over paired events, and one record per event for examples."""
    counts: Counter[tuple[str, str]] = Counter()
    records: list[dict[str, Any]] = []
    for path in files:
        doc = taskformat.load(path)
        gold = [Event.from_annotation(a) for a in doc.annotations]
        pfile = pred / path.name
        predicted = json.loads(pfile.read_text(encoding="utf-8"))["Annotations"] if pfile.exists() else []
        system = [Event.from_annotation(a) for a in predicted]
        for i, j in assign(gold, system):
            g, s = gold[i], system[j]
            if not set(g.message) & set(s.message):
                continue  # the scorer pairs these too, but they are no matched event
            gs, ss = g.roles["Source"], s.roles["Source"]
            kind = kind_of(gs, ss)
            if kind is None:
                continue
            gshape = shape(_words(doc.sentences, gs).split()) if gs else "-"
            counts[(kind, gshape)] += 1
            records.append(
                {
                    "doc": path.stem,
                    "kind": kind,
                    "shape": gshape,
                    "form": g.form,
                    "gold": _words(doc.sentences, gs),
                    "system": _words(doc.sentences, ss),
                    "cue": _words(doc.sentences, g.roles["Cue"]),
                    "sentence": " ".join(doc.sentences[(gs or ss)[0][0]]),
                }
            )
    return counts, records


def format_table(counts: Counter[tuple[str, str]]) -> str:
    shapes = sorted({s for _, s in counts}, key=lambda s: -sum(n for (_, s2), n in counts.items() if s2 == s))
    with_gold = sum(n for (k, _), n in counts.items() if k != "spurious")
    lines = [f"{'kind':10}{'n':>6}{'% of gold':>11}  " + "".join(f"{s:>11}" for s in shapes)]
    for k in KINDS:
        n = sum(v for (k2, _), v in counts.items() if k2 == k)
        share = f"{100 * n / with_gold:.1f}" if k != "spurious" and with_gold else "-"
        lines.append(f"{k:10}{n:>6}{share:>11}  " + "".join(f"{counts[(k, s)]:>11}" for s in shapes))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pred", type=Path, required=True, help="prediction directory of benchmarks.accuracy --out")
    ap.add_argument("--data", type=Path, default=NEWS_TRAIN)
    ap.add_argument("--split", choices=("dev", "all"), default="dev")
    ap.add_argument("--examples", choices=KINDS, help="print the events of this kind")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    files = select_files(args.data, args.split)
    counts, records = analyse(files, args.pred)
    print(f"paired events with a gold or system source, {len(files)} documents ({args.split})\n")
    print(format_table(counts))
    if args.examples:
        print()
        for r in records:
            if r["kind"] == args.examples:
                print(f"{r['doc']:>6} {r['shape']:10} gold {r['gold']!r:40} sys {r['system']!r:40} cue {r['cue']!r}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"counts": [[k, s, n] for (k, s), n in counts.items()], "records": records},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
