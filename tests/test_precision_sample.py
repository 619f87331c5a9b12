"""The precision benchmark's sample and judgement bookkeeping, on fake quotes (no pipeline run)."""

from __future__ import annotations

import json
from dataclasses import replace
from types import SimpleNamespace

from benchmarks.precision import (
    FoundQuote,
    QuoteKey,
    draw,
    load_judged,
    marked_context,
    merge,
    pending_records,
    problems,
    summarize,
    write_jsonl,
)


def fake(article: int, start: int, source: tuple[int, int] | None = (0, 5)) -> FoundQuote:
    key = QuoteKey.of(article, [(start, start + 30)], [(start - 6, start - 1)], source)
    return FoundQuote(key, "msg", "sagte", "Peter", "context", "Indirect", "rules")


POPULATION = [fake(article, start) for article in range(40) for start in range(10, 200, 20)]


def judgement(quote: FoundQuote, **verdicts: object) -> dict:
    record = {**quote.to_json(), "cue_ok": True, "source_ok": True, "message_ok": True, "errors": [], "note": ""}
    return {**record, **verdicts}


def test_unchanged_quotes_keep_their_place_when_others_change():
    before = draw(POPULATION, 50)
    changed = {before[0].key, before[1].key}  # two sampled quotes get another source
    after_population = [replace(q, key=replace(q.key, source=(1, 5))) if q.key in changed else q for q in POPULATION]
    after_population += [fake(1000 + i, 10) for i in range(30)]  # and new articles arrive
    after = draw(after_population, 50)
    kept = [q.key for q in before if q.key not in changed]
    after_keys = [q.key for q in after]
    newcomers = [k for k in after_keys if k not in {q.key for q in POPULATION}]
    reused = [k for k in kept if k in set(after_keys)]
    # A kept quote only leaves the sample when a changed or new quote outranks it.
    assert len(kept) - len(reused) <= len(newcomers)
    assert len(reused) > 40  # most of the judging carries over
    assert reused == [k for k in after_keys if k in set(reused)]  # in the same order as before


def test_sample_does_not_depend_on_population_order_or_duplicates():
    shuffled = list(reversed(POPULATION)) + POPULATION[:7]
    assert [q.key for q in draw(shuffled, 25)] == [q.key for q in draw(POPULATION, 25)]


def test_key_changes_with_any_span_and_seed():
    base = QuoteKey.of(3, [(10, 40)], [(4, 9)], (0, 3))
    variants = [
        QuoteKey.of(3, [(10, 40)], [(4, 9)], (0, 2)),  # source
        QuoteKey.of(3, [(10, 40)], [(4, 9)], None),  # no source
        QuoteKey.of(3, [(10, 41)], [(4, 9)], (0, 3)),  # message
        QuoteKey.of(3, [(10, 40)], [(4, 9), (50, 53)], (0, 3)),  # cue particle
        QuoteKey.of(4, [(10, 40)], [(4, 9)], (0, 3)),  # article
    ]
    ranks = {base.rank(), *(v.rank() for v in variants)}
    assert len(ranks) == 6
    assert base.rank("other-seed") != base.rank()
    # Span order does not matter: the key sorts them.
    assert QuoteKey.of(3, [(50, 60), (10, 40)], [], None) == QuoteKey.of(3, [(10, 40), (50, 60)], [], None)


def test_judgements_are_found_again_through_json(tmp_path):
    quote, other = POPULATION[0], POPULATION[1]
    path = tmp_path / "judged.jsonl"
    write_jsonl(path, [judgement(quote, source_ok=False, errors=["source:adverb"], note="Darüber")])
    judged = load_judged(path)
    assert quote.key in judged  # lists in JSON, tuples from the pipeline: same key
    assert other.key not in judged
    changed = replace(quote.key, source=(0, 4))
    assert changed not in judged
    pending = pending_records([quote, other], judged)
    assert [QuoteKey.from_json(r) for r in pending] == [other.key]
    assert pending[0]["cue_ok"] is None


def test_report_counts_only_the_current_sample():
    sample = POPULATION[:4]
    judged = {
        sample[0].key: judgement(sample[0]),
        sample[1].key: judgement(sample[1], cue_ok=False, errors=["cue:naming-verb"], note="bezeichnet"),
        POPULATION[9].key: judgement(POPULATION[9], message_ok=False, errors=["message:too-short"], note="x"),
    }
    report = summarize(len(POPULATION), sample, judged)
    assert (report.sample, report.judged, report.pending) == (4, 2, 2)
    assert report.correct == {"cue_ok": 1, "source_ok": 2, "message_ok": 2, "all": 1}
    assert report.errors == {"cue:naming-verb": 1}
    assert report.groups["origin"] == {"rules": {"judged": 2, "cue_ok": 1, "source_ok": 2, "message_ok": 2, "all": 1}}


def test_problems_rejects_inconsistent_judgements():
    quote = POPULATION[0]
    assert problems(judgement(quote)) == []
    assert problems(judgement(quote, source_ok=False, errors=["source:adverb"], note="Darüber")) == []
    assert problems(judgement(quote, source_ok=False, errors=["source:adverb"]))  # no note
    assert problems(judgement(quote, source_ok=False, errors=["cue:naming-verb"], note="x"))  # wrong field
    assert problems(judgement(quote, errors=["cue:naming-verb"]))  # error on a true verdict
    assert problems(judgement(quote, errors=["cue:made-up"], cue_ok=False, note="x"))
    assert problems(judgement(quote, cue_ok=None))


def test_merge_appends_only_valid_filled_records(tmp_path):
    judged, pending = tmp_path / "judged.jsonl", tmp_path / "pending.jsonl"
    good = judgement(POPULATION[0])
    bad = judgement(POPULATION[1], message_ok=False)  # no error code, no note
    empty = pending_records([POPULATION[2]], {})[0]
    write_jsonl(pending, [good, bad, empty])
    assert merge(pending, judged) == 1
    assert merge(pending, judged) == 1  # the good one is not appended twice
    assert [json.loads(line) for line in judged.read_text(encoding="utf-8").splitlines()] == [good]


def test_marked_context_marks_spans_within_their_sentences():
    text = "Erster Satz. Das sei gut, sagte Peter. Dritter Satz. Vierter Satz."
    sentences = [SimpleNamespace(start=s, end=e) for s, e in [(0, 12), (13, 38), (39, 52), (53, 66)]]
    doc = SimpleNamespace(text=text, sentences=sentences)
    spans = {"MSG": [(13, 24)], "CUE": [(26, 31)], "SRC": [(32, 37)]}
    assert marked_context(doc, spans, around=1) == (
        "Erster Satz. [[MSG Das sei gut]], {{CUE sagte}} <<SRC Peter>>. Dritter Satz."
    )
    assert marked_context(doc, spans, around=0) == "[[MSG Das sei gut]], {{CUE sagte}} <<SRC Peter>>."
