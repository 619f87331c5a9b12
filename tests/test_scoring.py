"""The SpkAtt-2023 task 2 scorer against hand-computed numbers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from zitat_server.training.corpora import NEWS_TRAIN

from benchmarks.scoring import Event, assign, format_report, score

NEWS = NEWS_TRAIN


def ann(
    message: range | list[int],
    *,
    cue: list[int] | None = None,
    source: list[int] | None = None,
    form: str = "Direct",
    stwr: str = "Speech",
    nested: bool = False,
) -> dict[str, Any]:
    """An annotation in sentence 0 with the given token indices."""

    def ids(tokens: range | list[int] | None) -> list[str]:
        return [f"0:{t}" for t in tokens or []]

    return {
        "Message": ids(message),
        "Cue": ids(cue),
        "Source": ids(source),
        "Addr": [],
        "Frame": [],
        "Form": form,
        "STWR": stwr,
        "IsNested": nested,
        "HasNested": False,
    }


def f1(result: dict[str, Any], task: str, key: str) -> float:
    return result[task][key]["f1"]


def test_perfect_prediction_scores_one() -> None:
    gold = {"a": [ann(range(0, 5), cue=[6], source=[7, 8]), ann(range(10, 14), cue=[9], form="Indirect")]}
    result = score(gold, gold)
    for task, keys in (
        ("full", ("message", "cue", "source", "roles", "joint", "form", "stwr")),
        ("simplified", ("message", "source", "joint")),
    ):
        for key in keys:
            assert f1(result, task, key) == pytest.approx(1.0), (task, key)
    assert result["full"]["events"] == {"gold": 2, "system": 2, "paired": 2}


def test_perfect_prediction_on_real_documents() -> None:
    gold = {p.stem: json.loads(p.read_text())["Annotations"] for p in sorted(NEWS.glob("*.json"))[:20]}
    result = score(gold, gold)
    assert f1(result, "full", "joint") == pytest.approx(1.0)
    assert f1(result, "simplified", "joint") == pytest.approx(1.0)


def test_empty_prediction_has_zero_recall() -> None:
    gold = {"a": [ann(range(0, 5), cue=[6], source=[7])], "b": [ann(range(2, 4), source=[0])]}
    result = score(gold, {})
    for task in ("full", "simplified"):
        for key in ("message", "roles", "joint"):
            assert result[task][key]["r"] == 0.0
            assert result[task]["micro"][key]["r"] == 0.0
    assert result["full"]["form"]["r"] == 0.0
    assert result["full"]["events"] == {"gold": 2, "system": 0, "paired": 0}


def test_partial_match_hand_computed() -> None:
    gold = {
        "a": [ann(range(0, 4), cue=[5], source=[6, 7], form="Direct")],
        "b": [],
    }
    pred = {
        # message 1..4: 3 of 4 tokens right, one extra; cue right; source wrong; form wrong
        "a": [ann(range(1, 5), cue=[5], source=[8], form="Indirect")],
        # a spurious quote: precision 0 for its own event, no recall value
        "b": [ann([0, 1], source=[3])],
    }
    result = score(gold, pred)
    full, simple = result["full"], result["simplified"]

    # macro over events: message precisions [0.75, 0.0], recalls [0.75]
    assert full["message"]["p"] == pytest.approx(0.375)
    assert full["message"]["r"] == pytest.approx(0.75)
    assert full["message"]["f1"] == pytest.approx(0.5)
    # roles: precisions cue 1, source 0 (event a), source 0 (event b); recalls cue 1, source 0
    assert full["roles"]["p"] == pytest.approx(1 / 3)
    assert full["roles"]["r"] == pytest.approx(0.5)
    assert full["cue"]["f1"] == pytest.approx(1.0)
    assert full["source"]["f1"] == 0.0
    # joint: precisions [0.75, 1, 0, 0, 0], recalls [0.75, 1, 0]
    assert full["joint"]["p"] == pytest.approx(0.35)
    assert full["joint"]["r"] == pytest.approx(1.75 / 3)
    # micro tokens: tp 3+1, fp 1+0+1 (a) + 2+1 (b), fn 1+0+2
    assert full["micro"]["joint"]["p"] == pytest.approx(4 / 9)
    assert full["micro"]["joint"]["r"] == pytest.approx(4 / 7)
    assert full["micro"]["message"]["p"] == pytest.approx(3 / 6)
    # labels: the paired event has the wrong form and the right STWR; b's labels are false positives
    assert full["form"]["p"] == 0.0 and full["form"]["r"] == 0.0
    assert full["stwr"]["p"] == pytest.approx(0.5)
    assert full["stwr"]["r"] == pytest.approx(1.0)
    # simplified joint: message [0.75, 0.0] + source [0, 0] precisions; recalls [0.75, 0]
    assert simple["joint"]["p"] == pytest.approx(0.1875)
    assert simple["joint"]["r"] == pytest.approx(0.375)
    # per form: the paired event counts under its gold form, the spurious one under its own
    direct = result["per_form"]["Direct"]
    assert (direct["gold"], direct["system"], direct["form_acc"]) == (1, 2, 0.0)
    assert direct["macro"]["p"] == pytest.approx(0.375)
    assert "Full task" in format_report(result)


def test_simplified_task_ignores_nested_events() -> None:
    outer = ann(range(0, 10), source=[12])
    inner = ann(range(3, 6), source=[1], nested=True)
    result = score({"a": [outer, inner]}, {"a": [outer]})
    assert f1(result, "simplified", "joint") == pytest.approx(1.0)
    assert result["simplified"]["events"]["gold"] == 1
    assert result["full"]["message"]["r"] == pytest.approx(0.5)  # recall values [1, 0]


def test_nested_system_events_are_dropped_in_simplified_task() -> None:
    gold = {"a": [ann(range(0, 10), source=[12])]}
    pred = {"a": [ann(range(0, 10), source=[12]), ann(range(3, 6), nested=True)]}
    assert f1(score(gold, pred), "simplified", "message") == pytest.approx(1.0)


def test_assignment_maximises_total_overlap() -> None:
    gold = [Event.from_annotation(ann(range(0, 10))), Event.from_annotation(ann([7, 8]))]
    # greedy by gold order would give A->X (F1 .95) and leave B with Y (0); total .95
    x = Event.from_annotation(ann(range(0, 9)))
    y = Event.from_annotation(ann(range(0, 6)))
    assert sorted(assign(gold, [x, y])) == [(0, 1), (1, 0)]  # A->Y .75 + B->X .36


def test_form_breaks_ties_between_equal_messages() -> None:
    gold = [Event.from_annotation(ann(range(0, 4), form="Indirect"))]
    system = [
        Event.from_annotation(ann(range(0, 4), form="Direct")),
        Event.from_annotation(ann(range(0, 4), form="Indirect")),
    ]
    assert assign(gold, system) == [(0, 1)]


def test_assignment_pairs_even_without_overlap_like_the_original() -> None:
    gold = [Event.from_annotation(ann(range(0, 4)))]
    system = [Event.from_annotation(ann(range(10, 14)))]
    assert assign(gold, system) == [(0, 0)]
    result = score({"a": [ann(range(0, 4))]}, {"a": [ann(range(10, 14))]})
    assert result["full"]["events"]["paired"] == 1
    assert result["full"]["message"]["f1"] == 0.0


def test_benchmark_adapter_round_trips_gold_spans() -> None:
    """Gold token ids -> code-point ranges -> task annotations scores as the gold itself."""
    from zitat_client import taskformat

    from benchmarks.accuracy import FoundQuote, to_annotations

    gold: dict[str, list[dict[str, Any]]] = {}
    predicted: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(NEWS.glob("*.json"))[:15]:
        document = taskformat.load(path)
        text, offsets = taskformat.detokenize(document.sentences)

        def ranges(ids: list[str], offsets: list[list[tuple[int, int]]] = offsets) -> tuple[tuple[int, int], ...]:
            return tuple(offsets[int(i)][int(j)] for i, j in (t.split(":") for t in ids))

        quotes = [
            FoundQuote(
                message=ranges(a["Message"]),
                cue=ranges(a["Cue"]),
                source=None,
                addressee=None,
                form=a["Form"],
                stwr=a["STWR"],
                parent=0 if a["IsNested"] else -1,
            )
            for a in document.annotations
            if a["Form"] != "Reported"  # widened to their sentence: see the test below
        ]
        gold[path.stem] = [a for a in document.annotations if a["Form"] != "Reported"]
        predicted[path.stem] = to_annotations(quotes, offsets, frame="none", text=text)
    result = score(gold, predicted)
    assert f1(result, "full", "message") == pytest.approx(1.0)
    assert f1(result, "full", "cue") == pytest.approx(1.0)
    assert f1(result, "full", "form") == pytest.approx(1.0)
    assert f1(result, "full", "stwr") == pytest.approx(1.0)
    assert f1(result, "simplified", "message") == pytest.approx(1.0)
    assert result["full"]["source"]["r"] == 0.0


def test_benchmark_adapter_writes_the_task_conventions() -> None:
    """Where the API and the task mark spans differently, the adapter writes the task's way: a
    Reported message is its whole sentence; an according-to frame's speech noun is part of the
    task's source, not its cue."""
    from benchmarks.accuracy import according_to_roles, reported_sentences

    offsets = [[(0, 3), (4, 10), (11, 14)], [(16, 19), (20, 25)]]
    assert reported_sentences({"0:1"}, offsets) == {"0:0", "0:1", "0:2"}
    text = "Nach Angaben der Polizei wurden drei Menschen verletzt."
    nach, angaben, polizei = (0, 4), (5, 12), (13, 24)
    assert according_to_roles((nach, angaben), polizei, text) == ((nach,), (5, 24))
    # without a holder right after the noun, the noun alone is the task's source
    text = "Die Feuerwehr hat nach eigenen Angaben die Halle abgesucht."
    assert according_to_roles(((18, 22), (23, 30), (31, 38)), (0, 13), text) == (((18, 22),), (23, 38))
    # other quotes pass unchanged
    assert according_to_roles(((4, 9),), (0, 3), "Sie sagte, es sei gut.") == (((4, 9),), (0, 3))


def test_benchmark_adapter_adds_the_anaphor_of_a_frame_to_the_message() -> None:
    from benchmarks.accuracy import anaphor_after

    text = "Der Plan sei gescheitert. Dies bestätigte ein Sprecher."
    offsets = [[(0, 3), (4, 8), (9, 12), (13, 24), (24, 25)], [(26, 30), (31, 42), (43, 46), (47, 55), (55, 56)]]
    message = {f"0:{j}" for j in range(5)}
    assert anaphor_after(message, {"1:1"}, offsets, text) == {"1:0"}
    assert anaphor_after(message, {"0:1"}, offsets, text) == set()  # the cue is not in the next sentence
