"""Message and cue errors by kind, from a prediction directory of ``benchmarks.accuracy``.

    python -m benchmarks.accuracy --inprocess --out /tmp/pred [--split all] ...
    python -m benchmarks.message_errors /tmp/pred [--split dev|train|all] [--show KIND] [--limit N]

Pairs gold and system events per document as the task's scorer does
(:func:`benchmarks.scoring.assign`) and sorts every event into one kind:

* gold events: ``exact``, ``too-long`` (the system message holds the gold one and more; with
  ``+frame`` when the extra tokens include the gold cue or source), ``too-short`` (inside the
  gold message), ``shifted`` (both extra and missing tokens) or ``missed`` (no overlapping system
  message); each by its gold form and its cue type (``verbal`` "sagte", ``nominal`` "Angaben",
  "Bericht", ``prepositional`` "laut", "zufolge", "nach", "gemäß", ``none``);
* system events without an overlapping gold message: ``spurious``, by the words of their cue.

The counts are what the "Messages and cues" table of the model card reports; ``--show KIND``
prints the events of one kind (``missed``, ``too-long``, ``spurious:nach``, …) to read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zitat_client import taskformat
from zitat_server.training.corpora import NEWS_TRAIN

from benchmarks.scoring import Event, TokenId, assign, format_report, score

PREPOSITIONAL = frozenset({"laut", "zufolge", "nach", "gemäß", "wie"})


@dataclass(frozen=True, slots=True)
class Judged:
    """One event sorted into a kind, with what it takes to show it."""

    doc: str
    kind: str
    form: str
    cue_type: str
    gold: Event | None
    system: Event | None


def cue_type(event: Event, words: dict[TokenId, str]) -> str:
    cue = [words.get(t, "") for t in event.roles.get("Cue", ())]
    if not cue:
        return "none"
    if any(w.lower() in PREPOSITIONAL for w in cue):
        return "prepositional"
    if any(w[:1].isupper() for w in cue[1:]) or (len(cue) == 1 and cue[0][:1].isupper() and cue[0].lower() != "so"):
        return "nominal"
    return "verbal"


def classify(gold: Event | None, system: Event | None) -> str:
    if gold is None:
        return "spurious"
    if system is None:
        return "missed"
    g, s = set(gold.message), set(system.message)
    if not g & s:
        return "missed"
    if g == s:
        return "exact"
    if g < s:
        frame = set(gold.roles.get("Cue", ())) | set(gold.roles.get("Source", ()))
        return "too-long+frame" if (s - g) & frame else "too-long"
    if s < g:
        return "too-short"
    return "shifted"


def judge_document(name: str, gold: list[Event], system: list[Event]) -> Iterator[Judged]:
    pairs = assign(gold, system)
    paired_gold: dict[int, int] = {}
    paired_system: set[int] = set()
    for i, j in pairs:
        if set(gold[i].message) & set(system[j].message):
            paired_gold[i] = j
            paired_system.add(j)
    for i, g in enumerate(gold):
        s = system[paired_gold[i]] if i in paired_gold else None
        yield Judged(name, classify(g, s), g.form or "-", "", g, s)
    for j, s in enumerate(system):
        if j not in paired_system:
            yield Judged(name, "spurious", s.form or "-", "", None, s)


def _words(document: taskformat.TaskDocument) -> dict[TokenId, str]:
    return {(i, j): tok for i, sent in enumerate(document.sentences) for j, tok in enumerate(sent)}


def judge(pred: Path, data: Path, names: Sequence[str]) -> tuple[list[Judged], dict[str, dict[TokenId, str]]]:
    judged: list[Judged] = []
    words: dict[str, dict[TokenId, str]] = {}
    for name in names:
        document = taskformat.load(data / f"{name}.json")
        words[name] = _words(document)
        path = pred / f"{name}.json"
        predicted = json.loads(path.read_text(encoding="utf-8"))["Annotations"] if path.exists() else []
        gold = [Event.from_annotation(a) for a in document.annotations]
        system = [Event.from_annotation(a) for a in predicted]
        for j in judge_document(name, gold, system):
            event = j.gold if j.gold is not None else j.system
            assert event is not None
            judged.append(Judged(j.doc, j.kind, j.form, cue_type(event, words[name]), j.gold, j.system))
    return judged, words


def _text(ids: Sequence[TokenId], words: dict[TokenId, str]) -> str:
    return " ".join(words.get(t, "?") for t in ids)


def cue_words(event: Event, words: dict[TokenId, str]) -> str:
    return " ".join(words.get(t, "?").lower() for t in event.roles.get("Cue", ())) or "-"


def table(judged: Sequence[Judged], words: dict[str, dict[TokenId, str]]) -> str:
    gold = [j for j in judged if j.gold is not None]
    kinds = ["exact", "too-long", "too-long+frame", "too-short", "shifted", "missed"]
    lines = [f"gold events: {len(gold)}", f"{'form / cue type':<28}" + "".join(f"{k:>15}" for k in kinds)]
    forms = sorted({j.form for j in gold})
    types = ["verbal", "nominal", "prepositional", "none"]
    for label, bucket in [
        *((f, [j for j in gold if j.form == f]) for f in forms),
        *((f"cue {t}", [j for j in gold if j.cue_type == t]) for t in types),
        ("all", gold),
    ]:
        counts = Counter(j.kind for j in bucket)
        lines.append(f"{label:<28}" + "".join(f"{counts[k]:>15}" for k in kinds))
    spurious = [j for j in judged if j.kind == "spurious"]
    lines.append(f"\nspurious system events: {len(spurious)} (by form)")
    lines.append("  " + ", ".join(f"{f} {n}" for f, n in Counter(j.form for j in spurious).most_common()))
    lines.append("by cue words:")
    by_cue = Counter(cue_words(j.system, words[j.doc]) for j in spurious if j.system is not None)
    lines.append("  " + ", ".join(f"{c} {n}" for c, n in by_cue.most_common(40)))
    missed = [j for j in gold if j.kind == "missed"]
    lines.append("\nmissed gold events by cue words:")
    by_cue = Counter(cue_words(j.gold, words[j.doc]) for j in missed if j.gold is not None)
    lines.append("  " + ", ".join(f"{c} {n}" for c, n in by_cue.most_common(50)))
    return "\n".join(lines)


def show(judged: Sequence[Judged], words: dict[str, dict[TokenId, str]], kind: str, limit: int) -> str:
    base, _, cue = kind.partition(":")
    out: list[str] = []
    for j in judged:
        if j.kind != base and not (base == "form" and j.form == cue) and not (base == "type" and j.cue_type == cue):
            continue
        if base in {"form", "type"}:
            if j.gold is None:
                continue
        elif cue and cue_words((j.system if j.gold is None else j.gold), words[j.doc]) != cue:  # type: ignore[arg-type]
            continue
        w = words[j.doc]
        lines = [f"[{j.doc}] {j.kind} {j.form} {j.cue_type}"]
        for side, event in (("G", j.gold), ("S", j.system)):
            if event is None:
                continue
            lines.append(f"  {side} msg: {_text(event.message, w)}")
            lines.append(
                f"    cue: {_text(event.roles.get('Cue', ()), w)} | src: {_text(event.roles.get('Source', ()), w)}"
            )
        event = j.gold or j.system
        assert event is not None
        sentences = sorted({t[0] for t in event.message} | {t[0] for t in event.roles.get("Cue", ())})
        if sentences:
            lo, hi = sentences[0], sentences[-1]
            text = " ".join(_text([t for t in sorted(w) if lo <= t[0] <= hi], w).split())
            lines.append(f"  ctx: {text[:600]}")
        out.append("\n".join(lines))
        if len(out) >= limit:
            break
    return "\n\n".join(out)


def rescore(pred: Path, data: Path, names: Sequence[str]) -> dict[str, Any]:
    """The task scores of the predictions for ``names`` only (e.g. the train part of a ``--split all`` run)."""
    gold: dict[str, list[dict[str, Any]]] = {}
    predicted: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        gold[name] = taskformat.load(data / f"{name}.json").annotations
        path = pred / f"{name}.json"
        predicted[name] = json.loads(path.read_text(encoding="utf-8"))["Annotations"] if path.exists() else []
    return score(gold, predicted)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pred", type=Path, help="prediction directory written by benchmarks.accuracy --out")
    parser.add_argument("--data", type=Path, default=NEWS_TRAIN)
    parser.add_argument("--split", choices=("dev", "train", "all"), default="dev")
    parser.add_argument("--show", help="print the events of this kind (missed, too-long, spurious:nach, form:Reported)")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--score", action="store_true", help="print the task scores of the split instead")
    args = parser.parse_args(argv)
    names = sorted(p.stem for p in args.data.glob("*.json"))
    train, dev = taskformat.dev_split(names)
    names = {"dev": dev, "train": train, "all": names}[args.split]
    if args.score:
        print(format_report(rescore(args.pred, args.data, names)))
        return 0
    judged, words = judge(args.pred, args.data, names)
    print(show(judged, words, args.show, args.limit) if args.show else table(judged, words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
