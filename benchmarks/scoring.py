"""The SpkAtt-2023 task 2 scorer (speaker attribution in German news), re-implemented.

Reproduces the shared task's own evaluation script (``Task2Evaluation`` with
``EvaluateSubtrack1`` = full task and ``EvaluateSubtrack2`` = simplified task), so that our
numbers compare with the published ones (rule-based QUiTE on the task-2 dev set: full joint F1
38.9, simplified joint F1 41.8). What it does, as the original does:

* An *event* is one annotation: its ``Message`` tokens plus the roles ``Cue``, ``Source``,
  ``Addr`` and ``Frame`` (sets of ``"sentence:token"`` ids), ``Form`` and ``STWR``.
* Per document, system and gold events are paired by ``scipy.optimize.linear_sum_assignment``
  maximising the token-overlap F1 of the two messages, plus 0.01 when the forms agree and 0.001
  when the STWR values agree (tie-breakers, only where the messages overlap). Like the
  original, the assignment pairs ``min(#system, #gold)`` events even where messages do not
  overlap at all; the rest stay unpaired and are scored against an empty event.
* Within each pair, every part (message and each role) gets token TP/FP/FN counts.
* The headline P/R of the original are **macro** over events: an event's precision for a part
  is TP/(TP+FP), skipped when both are 0; "message" averages the message values of all events,
  "roles" all role values, "joint" all values. F1 = harmonic mean of these P and R.
* ``Form`` and ``STWR`` are scored per event: correct where the paired labels agree,
  precision over system events, recall over gold events.
* Full task: all events, roles Addr/Cue/Frame/Source. Simplified task: events with
  ``IsNested`` dropped on both sides, the only role is Source ("roles" == source).
* Documents missing from the prediction count as predicted empty; predictions for documents
  not in gold are ignored.

Additions, not in the original (clearly separate keys, never mixed into the headline numbers):
per-role macro scores (``cue``, ``source``, ``addr``, ``frame``), micro token scores
(``micro``: summed TP/FP/FN, the "micro over documents" view) and a per-form breakdown of
message scores. Deviation: token ids are compared as ``(sentence, token)`` pairs instead of
document-absolute indices; the order and identity of valid ids is the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

MESSAGE = "Message"
FULL_ROLES = ("Addr", "Cue", "Frame", "Source")
SIMPLIFIED_ROLES = ("Source",)
FORMS = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")

TokenId = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Event:
    """One speech event: message and role token ids, sorted and unique as the scorer needs."""

    message: tuple[TokenId, ...]
    roles: Mapping[str, tuple[TokenId, ...]]
    form: str | None = None
    stwr: str | None = None
    nested: bool = False

    @classmethod
    def from_annotation(cls, annotation: Mapping[str, Any]) -> Event:
        return cls(
            message=_token_ids(annotation.get(MESSAGE, [])),
            roles={role: _token_ids(annotation.get(role, [])) for role in FULL_ROLES},
            form=annotation.get("Form"),
            stwr=annotation.get("STWR"),
            nested=bool(annotation.get("IsNested", False)),
        )


def _token_ids(ids: Iterable[str]) -> tuple[TokenId, ...]:
    pairs = set()
    for token_id in ids:
        sentence, _, token = token_id.partition(":")
        pairs.add((int(sentence), int(token)))
    return tuple(sorted(pairs))


@dataclass(slots=True)
class Counts:
    """Token (or label) true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def span_counts(gold: Sequence[TokenId], system: Sequence[TokenId]) -> Counts:
    gold_set, system_set = set(gold), set(system)
    both = len(gold_set & system_set)
    return Counts(tp=both, fp=len(system_set) - both, fn=len(gold_set) - both)


def overlap_f1(gold: Sequence[TokenId], system: Sequence[TokenId]) -> float:
    counts = span_counts(gold, system)
    return 2 * counts.tp / (2 * counts.tp + counts.fp + counts.fn) if counts.tp else 0.0


def assign(gold: Sequence[Event], system: Sequence[Event]) -> list[tuple[int, int]]:
    """Pairs ``(gold index, system index)`` maximising message overlap, as the original does."""
    if not gold or not system:
        return []
    scores = np.zeros((len(gold), len(system)))
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            overlap = overlap_f1(g.message, s.message)
            if overlap > 0.0:
                overlap += 0.01 * (g.form == s.form) + 0.001 * (g.stwr == s.stwr)
            scores[i, j] = overlap
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True)]


@dataclass(slots=True)
class PairScore:
    """The counts of one paired or unpaired event (``None`` side); the original's macro unit."""

    parts: dict[str, Counts]
    gold: Event | None
    system: Event | None

    def label(self, side: str, attribute: str) -> str | None:
        event = self.gold if side == "gold" else self.system
        return None if event is None else getattr(event, attribute)


def score_pair(gold: Event | None, system: Event | None, roles: Sequence[str]) -> PairScore:
    def ids(event: Event | None, part: str) -> tuple[TokenId, ...]:
        if event is None:
            return ()
        return event.message if part == MESSAGE else event.roles.get(part, ())

    parts = {part: span_counts(ids(gold, part), ids(system, part)) for part in (MESSAGE, *roles)}
    return PairScore(parts, gold, system)


def score_document(gold: Sequence[Event], system: Sequence[Event], roles: Sequence[str]) -> list[PairScore]:
    pairs = assign(gold, system)
    scores = [score_pair(gold[i], system[j], roles) for i, j in pairs]
    paired_gold = {i for i, _ in pairs}
    paired_system = {j for _, j in pairs}
    scores += [score_pair(None, s, roles) for j, s in enumerate(system) if j not in paired_system]
    scores += [score_pair(g, None, roles) for i, g in enumerate(gold) if i not in paired_gold]
    return scores


def prf(precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def macro(pairs: Iterable[PairScore], parts: Sequence[str]) -> dict[str, float]:
    """The original's headline: mean of per-event precisions and recalls over ``parts``."""
    precisions: list[float] = []
    recalls: list[float] = []
    for pair in pairs:
        for part in parts:
            counts = pair.parts[part]
            if counts.precision is not None:
                precisions.append(counts.precision)
            if counts.recall is not None:
                recalls.append(counts.recall)
    return prf(_mean(precisions), _mean(recalls))


def micro(pairs: Iterable[PairScore], parts: Sequence[str]) -> dict[str, float]:
    total = Counts()
    for pair in pairs:
        for part in parts:
            total.add(pair.parts[part])
    return prf(total.precision or 0.0, total.recall or 0.0)


def label_scores(pairs: Sequence[PairScore], attribute: str) -> dict[str, float]:
    """Form or STWR: correct labels over system events (P) and over gold events (R)."""
    counts = Counts()
    for pair in pairs:
        gold, system = pair.label("gold", attribute), pair.label("system", attribute)
        if gold is not None and gold == system:
            counts.tp += 1
            continue
        counts.fp += system is not None
        counts.fn += gold is not None
    return prf(counts.precision or 0.0, counts.recall or 0.0)


@dataclass(slots=True)
class TaskScore:
    """All pair scores of one task variant over a corpus, with its event counts."""

    roles: tuple[str, ...]
    pairs: list[PairScore] = field(default_factory=list)
    gold_events: int = 0
    system_events: int = 0

    def table(self) -> dict[str, Any]:
        parts = (MESSAGE, *self.roles)
        table: dict[str, Any] = {
            "message": macro(self.pairs, (MESSAGE,)),
            "roles": macro(self.pairs, self.roles),
            "joint": macro(self.pairs, parts),
        }
        for role in self.roles:
            table[role.lower()] = macro(self.pairs, (role,))
        table["micro"] = {
            "message": micro(self.pairs, (MESSAGE,)),
            "roles": micro(self.pairs, self.roles),
            "joint": micro(self.pairs, parts),
            **{role.lower(): micro(self.pairs, (role,)) for role in self.roles},
        }
        table["events"] = {
            "gold": self.gold_events,
            "system": self.system_events,
            "paired": sum(1 for p in self.pairs if p.gold is not None and p.system is not None),
        }
        return table


def per_form(pairs: Sequence[PairScore]) -> dict[str, dict[str, Any]]:
    """Message scores by gold form (unpaired system events by their predicted form).

    ``form_acc`` is the share of paired gold events of the form whose predicted form is right.
    """
    result: dict[str, dict[str, Any]] = {}
    for form in FORMS:
        bucket = [p for p in pairs if (p.gold or p.system).form == form]
        paired = [p for p in bucket if p.gold is not None and p.system is not None]
        result[form] = {
            "gold": sum(1 for p in bucket if p.gold is not None),
            "system": sum(1 for p in bucket if p.system is not None),
            "macro": macro(bucket, (MESSAGE,)),
            "micro": micro(bucket, (MESSAGE,)),
            "form_acc": _mean([float(p.system.form == form) for p in paired]) if paired else None,
        }
    return result


def score(
    gold_docs: Mapping[str, Sequence[Mapping[str, Any]]],
    pred_docs: Mapping[str, Sequence[Mapping[str, Any]]],
) -> dict[str, Any]:
    """Scores predicted against gold annotations, keyed by document, for both task variants."""
    full = TaskScore(roles=FULL_ROLES)
    simplified = TaskScore(roles=SIMPLIFIED_ROLES)
    for name in sorted(gold_docs):
        gold = [Event.from_annotation(a) for a in gold_docs[name]]
        system = [Event.from_annotation(a) for a in pred_docs.get(name, [])]
        for task, keep_nested in ((full, True), (simplified, False)):
            g = [e for e in gold if keep_nested or not e.nested]
            s = [e for e in system if keep_nested or not e.nested]
            task.pairs += score_document(g, s, task.roles)
            task.gold_events += len(g)
            task.system_events += len(s)
    full_table = full.table()
    full_table["form"] = label_scores(full.pairs, "form")
    full_table["stwr"] = label_scores(full.pairs, "stwr")
    return {
        "documents": len(gold_docs),
        "full": full_table,
        "simplified": simplified.table(),
        "per_form": per_form(full.pairs),
    }


def _pct(values: Mapping[str, float]) -> str:
    return " ".join(f"{100 * values[key]:6.1f}" for key in ("p", "r", "f1"))


def _row(name: str, values: Mapping[str, float], micro_values: Mapping[str, float] | None = None) -> str:
    cells = f"{name:<10} {_pct(values)}"
    return cells if micro_values is None else f"{cells}   {_pct(micro_values)}"


def format_report(result: Mapping[str, Any]) -> str:
    """Both tasks' tables and the per-form table as fixed-width text (percentages)."""
    header = f"{'':<10} {'P':>6} {'R':>6} {'F1':>6}   {'µP':>6} {'µR':>6} {'µF1':>6}"
    lines: list[str] = []
    for task, title in (("full", "Full task"), ("simplified", "Simplified task (non-nested, source)")):
        table = result[task]
        events = table["events"]
        lines += [
            f"{title}: {result['documents']} documents, {events['gold']} gold / {events['system']} "
            f"system events, {events['paired']} paired (macro = official; µ = micro tokens)",
            header,
        ]
        role_keys = [k for k in ("cue", "source", "addr", "frame") if k in table]
        for key in ("message", *role_keys, "roles", "joint"):
            lines.append(_row(key, table[key], table["micro"][key]))
        lines += [_row(key, table[key]) for key in ("form", "stwr") if key in table]
        lines.append("")
    lines += [
        "Message by gold form (macro)",
        f"{'form':<21} {'gold':>5} {'sys':>5} {'P':>6} {'R':>6} {'F1':>6} {'formacc':>8}",
    ]
    for form, row in result["per_form"].items():
        acc = "-" if row["form_acc"] is None else f"{100 * row['form_acc']:.1f}"
        lines.append(f"{form:<21} {row['gold']:>5} {row['system']:>5} {_pct(row['macro'])} {acc:>8}")
    return "\n".join(lines)
