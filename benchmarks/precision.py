"""Hand-judged precision of the default pipeline on unseen news (DER STANDARD, 10kGNAD).

    python -m benchmarks.precision population --out build/precision-population.jsonl
    python -m benchmarks.precision pending --out build/precision-pending.jsonl [--population FILE]
    python -m benchmarks.precision merge build/precision-pending.jsonl
    python -m benchmarks.precision report [--json OUT] [--population FILE]

**Population.** Every quote the default pipeline returns on the 1,028 articles of
``data/10kgnad/standard-articles.csv`` (the row index is the article id). The pipeline was tuned
on WikiNews and never saw these articles. The data set removed most quotation marks, so direct
quotes come out as INDIRECT: the form is recorded but not judged. ``--population FILE`` reads a
population written by ``population --out FILE`` instead of running the pipeline again (minutes).

**Sample: bottom-k on a seeded hash, so it is stable across pipeline changes.** A quote's key
is (article, message spans, cue spans, source span); its rank is
``sha1(f"{SEED}|{article}|{message}|{cue}|{source}")`` and the sample is the ``SAMPLE_SIZE``
quotes of smallest rank. A quote's rank depends on its own key alone, so a quote the pipeline
still returns unchanged keeps its rank: after a pipeline change the sample is the old sample
minus the quotes that were dropped or changed (plus, by rank, a few old quotes that move up),
plus the new and changed quotes that rank low enough. Only those need judging. The resolved
speaker is not part of the key: speaker resolution is judged elsewhere.

**Judgements** live in ``benchmarks/judged/precision.jsonl``, one JSON object per judged quote:
the key, the texts (message, cue, source, the sentences around for the record) and three
verdicts:

* ``cue_ok``: the cue is a real speech, thought or writing act (or, for a quote without a cue,
  the message really is reported speech);
* ``source_ok``: the source span is exactly a mention of the holder of the act (or, without a
  source, no holder is named); false whenever a source is given for something that is not speech;
* ``message_ok``: the message span is the reported content, neither longer nor shorter
  (punctuation at the edges does not count).

plus ``errors`` (codes from :data:`ERRORS`, at least one per false verdict, prefixed by its
field) and a ``note`` (required when a verdict is false). Judgements are never deleted: when a
quote leaves the sample its judgement stays for the day it comes back. The report counts only
judgements of quotes in the current sample.

Rules the first 150 judgements follow (keep them, so that old and new judgements agree):

* A sentence of a longer speech (continuation, interview answer) is a right message on its own;
  its source is the nearest mention of the holder before it (a pronoun will do).
* A quoted phrase inside a sentence (partial direct quote) is a right message on its own.
* A cue without its separated particle ("teilte" for "teilte … mit") is wrong.
* Documents can hold a claim ("laut einer Erhebung des Justizministeriums", "dem Bericht
  zufolge", "Gemäß einer Entscheidung des EuGH"), and so can compounds that cannot be split
  ("Medienberichten zufolge"). A speech noun is not the holder: "nach Angaben der X", "nach
  eigenen Angaben", "nach Worten des Y" take ``source:speech-noun``.
* Modal or generic uses are no acts ("kann man nicht davon sprechen, dass", "was bezweifelt
  werden darf", "weiß man", "ist bekannt"); a real belief of unnamed people is ("Bisher wurde
  angenommen, dass").
* When the cue is wrong but the span lies inside someone's real speech, the message is judged
  against that speech (usually ``message:too-short``) and the source against its holder.
* "heißt es darin / auf der Facebookseite" names a holder (``source:missing`` without a source);
  a bare "heißt es" does not. ``source:missing`` needs the holder in the frame or, for a
  continuation, in the context before.

Rules added with the later judgements (calls the first 150 did not need):

* A following PP belongs to the mention ("die Mitteldeutsche Zeitung (Montag) aus Halle",
  "Christoph Engel vom Leipziger Institut für …"): a source that stops before it is
  ``source:too-short``. A PP that belongs to the content is no part of it ("laut Berechnungen des
  STANDARD von Inseraten … begleitet": ``source:extra-words``, ``message:too-short``).
* Hearsay "soll … haben" ("soll … vergraben haben") is a claim of unnamed holders and counts as
  reported speech; "soll" of a plan or intention ("bald sollen sie … verfügbar sein") does not.
* A speaker label ("Tsipras: …", "Hofer: …" in an interview) names the holder: without a
  source it is ``source:missing``; a label inside the message is ``message:runs-into-frame``.
* Reported quotes whose message is the whole sentence, frame (source, cue) included, are judged
  as the other forms: the reported content is the object, so the message is wrong with
  ``message:runs-into-frame`` (under a whole-sentence convention for Reported they would be right).
* A sentence taken as a continuation that has its own frame ("…, teilte der Arbeitgeber mit")
  is ``cue:missing``; its source is judged against the holder of that frame.

Workflow: ``pending`` writes the sampled quotes without a judgement, in the judgement shape with
the verdicts ``null`` and a ``context`` that marks ``[[MSG …]]``, ``{{CUE …}}`` and
``<<SRC …>>``; fill in the verdicts, ``errors`` and ``note``; ``merge`` validates the filled
records and appends them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zitat_server.training.corpora import STANDARD_ARTICLES, standard_articles

REPO = Path(__file__).resolve().parents[1]
JUDGED = REPO / "benchmarks" / "judged" / "precision.jsonl"
SEED = "zitat-precision-v1"
SAMPLE_SIZE = 150
CONTEXT_SENTENCES = 1  # sentences shown before and after the ones the quote touches

VERDICTS = ("cue_ok", "source_ok", "message_ok")

# The error vocabulary. Keep it small: a new code only when a fix would treat it differently.
ERRORS: dict[str, str] = {
    "cue:not-speech": "the cue is no speech, thought or writing act ('zeigte sich', 'ist bekannt'); without a cue:"
    " the text is not reported speech",
    "cue:naming-verb": "bezeichnen/nennen/heißen in a naming sense ('als X bezeichnet', 'genannt')",
    "cue:temporal-nach": "'nach' in a temporal or local sense ('Nach der ersten Session')",
    "cue:not-attribution": "'gemäß', 'laut', 'zufolge', 'nach' naming a rule, a plan or a figure, not a speaker",
    "cue:wrong-particle": "the cue lacks the separated particle or has the wrong one",
    "cue:wrong-word": "a speech verb, but not the one that frames this message",
    "cue:missing": "the message is framed by a speech verb the quote does not name",
    "source:adverb": "the source is an adverb, adjective or conjunction ('Darüber', 'Unterdessen', 'Überrascht')",
    "source:bare-article": "the source is a bare article or pronoun-like function word ('dem', 'der')",
    "source:fragment": "the source is a fragment across phrases ('Gar Fragen', 'Pröhle Vorstellungen')",
    "source:extra-words": "the mention plus words that are not part of it ('Und Arbeiterkammer-Präsident …')",
    "source:speech-noun": "the source is the speech noun, not its holder ('eigenen Angaben', 'Angaben der X')",
    "source:too-short": "part of the mention only (head or name cut off)",
    "source:wrong-mention": "a real mention, but not of the holder of this act",
    "source:missing": "the holder is named (frame or context before), but the quote has no source",
    "source:no-speech": "a source is given though the quote is not reported speech",
    "message:runs-into-frame": "the message includes (part of) the frame: cue, source or framing clause",
    "message:too-long": "the message runs beyond the content into other text (next clause, sentence)",
    "message:too-short": "the message stops before the end of the content or starts after its beginning",
    "message:starts-in-parenthetical": "the message starts inside a parenthetical or apposition",
    "message:wrong-clause": "the message is a different clause than the reported content",
    "message:not-speech": "the span is not reported speech, thought or writing at all",
}

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class QuoteKey:
    """What identifies a quote across runs: its article and its span offsets (sorted)."""

    article: int
    message: tuple[Range, ...]
    cue: tuple[Range, ...]
    source: Range | None

    @classmethod
    def of(
        cls, article: int, message: Iterable[Sequence[int]], cue: Iterable[Sequence[int]], source: Sequence[int] | None
    ) -> QuoteKey:
        """From spans as pairs (tuples from the pipeline, lists from JSON)."""
        return cls(
            article,
            tuple(sorted((int(s), int(e)) for s, e in message)),
            tuple(sorted((int(s), int(e)) for s, e in cue)),
            None if source is None else (int(source[0]), int(source[1])),
        )

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> QuoteKey:
        return cls.of(record["article"], record["message"], record["cue"], record["source"])

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "message": [list(r) for r in self.message],
            "cue": [list(r) for r in self.cue],
            "source": None if self.source is None else list(self.source),
        }

    def rank(self, seed: str = SEED) -> str:
        """The sampling rank: a hash of the key alone, so it does not move when other quotes do."""

        def spans(ranges: Iterable[Range]) -> str:
            return ",".join(f"{s}-{e}" for s, e in ranges)

        source = "" if self.source is None else spans([self.source])
        text = f"{seed}|{self.article}|{spans(self.message)}|{spans(self.cue)}|{source}"
        return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """One quote of the population with what a judge needs to read it."""

    key: QuoteKey
    message: str  # the message spans' texts, joined by " … "
    cue: str
    source: str
    context: str  # the surrounding sentences with [[MSG …]], {{CUE …}}, <<SRC …>>
    form: str = ""
    origin: str = ""  # "rules", "model", … : which component found it
    speaker: str = ""  # the resolved entity's name, for the record

    def to_json(self) -> dict[str, Any]:
        return {
            **self.key.to_json(),
            "texts": {"message": self.message, "cue": self.cue, "source": self.source},
            "context": self.context,
            "form": self.form,
            "origin": self.origin,
            "speaker": self.speaker,
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> FoundQuote:
        texts = record["texts"]
        return cls(
            QuoteKey.from_json(record),
            texts["message"],
            texts["cue"],
            texts["source"],
            record["context"],
            record.get("form", ""),
            record.get("origin", ""),
            record.get("speaker", ""),
        )


def make_pipeline() -> Any:
    """The default pipeline, built in this one place (its module may move)."""
    from zitat_server.extraction.pipeline import Pipeline

    return Pipeline()


def load_articles(path: Path = STANDARD_ARTICLES) -> list[str]:
    """The articles' texts; the list index is the article id."""
    return [text for _category, text in standard_articles(path)]


def marked_context(doc: Any, spans: dict[str, Sequence[Range]], around: int = CONTEXT_SENTENCES) -> str:
    """The sentences the spans touch, ``around`` more each side, with the spans marked.

    ``spans`` maps "MSG", "CUE", "SRC" to ranges of ``doc.text``.
    """
    marks = {"MSG": ("[[MSG ", "]]"), "CUE": ("{{CUE ", "}}"), "SRC": ("<<SRC ", ">>")}
    ranges = [r for rs in spans.values() for r in rs]
    touched = [i for i, s in enumerate(doc.sentences) if any(s.start < e and b < s.end for b, e in ranges)]
    first = max(0, min(touched, default=0) - around)
    last = min(len(doc.sentences) - 1, max(touched, default=0) + around)
    start = min([doc.sentences[first].start, *(b for b, _ in ranges)]) if doc.sentences else 0
    end = max([doc.sentences[last].end, *(e for _, e in ranges)]) if doc.sentences else len(doc.text)
    # (position, order, text): at one position closings (0) come before openings (1).
    inserts = [(b, 1, marks[name][0]) for name, rs in spans.items() for b, _ in rs]
    inserts += [(e, 0, marks[name][1]) for name, rs in spans.items() for _, e in rs]
    out, at = [], start
    for position, _order, mark in sorted(inserts):
        out += [doc.text[at:position], mark]
        at = position
    out.append(doc.text[at:end])
    return "".join(out).replace("\n", " ")


def quotes_of(article: int, doc: Any) -> Iterator[FoundQuote]:
    """The population items of one processed article."""

    def texts(spans: Iterable[Any]) -> str:
        return " … ".join(doc.text[s.start : s.end] for s in spans)

    for q in doc.quotes:
        key = QuoteKey.of(
            article,
            [(s.start, s.end) for s in q.message],
            [(s.start, s.end) for s in q.cue],
            None if q.source is None else (q.source.start, q.source.end),
        )
        spans = {"MSG": key.message, "CUE": key.cue, "SRC": [key.source] if key.source else []}
        entity = doc.entities.get(q.entity) if q.entity is not None else None
        yield FoundQuote(
            key,
            texts(q.message),
            texts(q.cue),
            texts([q.source] if q.source is not None else []),
            marked_context(doc, spans),
            getattr(q.form, "value", str(q.form)),
            q.origin,
            entity.name if entity is not None else "",
        )


def find_quotes(articles: Sequence[str], pipeline: Any | None = None) -> list[FoundQuote]:
    """The population: every quote the pipeline returns on every article."""
    pipeline = pipeline or make_pipeline()
    found: list[FoundQuote] = []
    for article, text in enumerate(articles):
        found.extend(quotes_of(article, pipeline.process(text)))
        if article % 100 == 99:
            print(f"  {article + 1}/{len(articles)} articles, {len(found)} quotes", file=sys.stderr)
    return found


def draw(population: Iterable[FoundQuote], size: int = SAMPLE_SIZE, seed: str = SEED) -> list[FoundQuote]:
    """Bottom-k sample: the ``size`` quotes of smallest rank, in rank order (duplicates once)."""
    unique = {q.key: q for q in population}
    return sorted(unique.values(), key=lambda q: q.key.rank(seed))[:size]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, records: Iterable[dict[str, Any]], *, append: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a" if append else "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def load_judged(path: Path = JUDGED) -> dict[QuoteKey, dict[str, Any]]:
    """Judgements by key; a later line for the same key overrides an earlier one (a correction)."""
    return {QuoteKey.from_json(r): r for r in read_jsonl(path)}


def problems(record: dict[str, Any]) -> list[str]:
    """Why a filled-in judgement is not acceptable (empty: it is)."""
    found = [f"{v} must be true or false" for v in VERDICTS if not isinstance(record.get(v), bool)]
    errors = record.get("errors")
    if not isinstance(errors, list):
        return [*found, "errors must be a list"]
    found += [f"unknown error code {e!r}" for e in errors if e not in ERRORS]
    for verdict in VERDICTS:
        prefix = verdict.removesuffix("_ok") + ":"
        codes = [e for e in errors if isinstance(e, str) and e.startswith(prefix)]
        if record.get(verdict) is False and not codes:
            found.append(f"{verdict} is false but no {prefix}… error is given")
        if record.get(verdict) is True and codes:
            found.append(f"{verdict} is true but {codes} are given")
    if any(record.get(v) is False for v in VERDICTS) and not str(record.get("note", "")).strip():
        found.append("a false verdict needs a note")
    return found


def pending_records(sample: Sequence[FoundQuote], judged: dict[QuoteKey, dict[str, Any]]) -> list[dict[str, Any]]:
    """The sampled quotes without a judgement, as judgement records with empty verdicts."""
    return [{**q.to_json(), **dict.fromkeys(VERDICTS), "errors": [], "note": ""} for q in sample if q.key not in judged]


@dataclass
class Report:
    """Precision over the judged part of the current sample."""

    population: int
    sample: int
    judged: int
    correct: dict[str, int] = field(default_factory=dict)  # verdict (and "all") -> items right
    errors: Counter[str] = field(default_factory=Counter)
    # "origin"/"form" -> value -> {"judged": n, verdict or "all": items right}
    groups: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    @property
    def pending(self) -> int:
        return self.sample - self.judged

    def rate(self, name: str) -> tuple[float, float, float]:
        """Share right with a Wilson 95 % interval (0s when nothing is judged)."""
        return wilson(self.correct.get(name, 0), self.judged)

    def to_json(self) -> dict[str, Any]:
        return {
            "population": self.population,
            "sample": self.sample,
            "judged": self.judged,
            "pending": self.pending,
            "seed": SEED,
            "precision": {
                name: dict(zip(("rate", "low95", "high95"), (round(x, 4) for x in self.rate(name)), strict=True))
                for name in (*VERDICTS, "all")
            },
            "errors": dict(self.errors.most_common()),
            "groups": self.groups,
        }


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float, float]:
    if n == 0:
        return 0.0, 0.0, 0.0
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, max(0.0, centre - half), min(1.0, centre + half)


def summarize(population: int, sample: Sequence[FoundQuote], judged: dict[QuoteKey, dict[str, Any]]) -> Report:
    items = [(q, judged[q.key]) for q in sample if q.key in judged]
    report = Report(population, len(sample), len(items))
    for name in VERDICTS:
        report.correct[name] = sum(bool(j[name]) for _, j in items)
    report.correct["all"] = sum(all(j[v] for v in VERDICTS) for _, j in items)
    for q, j in items:
        report.errors.update(j.get("errors", []))
        for group, value in (("origin", q.origin), ("form", q.form)):
            counts = report.groups.setdefault(group, {}).setdefault(value or "?", Counter())
            counts["judged"] += 1
            counts.update(v for v in VERDICTS if j[v])
            counts["all"] += all(j[v] for v in VERDICTS)
    report.groups = {g: {v: dict(c) for v, c in sorted(by.items())} for g, by in report.groups.items()}
    return report


def format_report(report: Report) -> str:
    lines = [
        f"population {report.population} quotes, sample {report.sample} (seed {SEED!r}), "
        f"judged {report.judged}, pending {report.pending}",
        "",
        f"{'':10} {'right':>7} {'95% CI':>15}",
    ]
    for name in (*VERDICTS, "all"):
        rate, low, high = report.rate(name)
        shown = f"{100 * rate:6.1f}% {100 * low:6.1f}–{100 * high:5.1f}%" if report.judged else "      –"
        lines.append(f"{name:10} {shown}")
    columns = (*VERDICTS, "all")
    for group, by in report.groups.items():
        lines += ["", f"by {group:<19} {'judged':>6} " + " ".join(f"{c:>10}" for c in columns)]
        for value, counts in by.items():
            lines.append(f"  {value:20} {counts['judged']:6} " + " ".join(f"{counts.get(c, 0):10}" for c in columns))
    lines += ["", "error kinds:"]
    lines += [f"  {count:4}  {code}" for code, count in report.errors.most_common()]
    return "\n".join(lines)


def population_of(args: argparse.Namespace) -> list[FoundQuote]:
    if args.population is not None:
        return [FoundQuote.from_json(r) for r in read_jsonl(args.population)]
    return find_quotes(load_articles(args.articles))


def merge(path: Path, judged_path: Path) -> int:
    """Appends the valid, filled-in records of ``path``; returns how many were bad."""
    known = load_judged(judged_path)
    good, bad = [], 0
    for number, record in enumerate(read_jsonl(path), 1):
        if all(record.get(v) is None for v in VERDICTS):
            continue  # not judged yet
        issues = problems(record)
        if issues:
            bad += 1
            print(f"{path}:{number}: {'; '.join(issues)}", file=sys.stderr)
        elif known.get(QuoteKey.from_json(record)) != record:
            good.append(record)
    write_jsonl(judged_path, good, append=True)
    print(f"appended {len(good)} judgements to {judged_path}, {bad} rejected", file=sys.stderr)
    return bad


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=Path, default=STANDARD_ARTICLES)
    p.add_argument("--judged", type=Path, default=JUDGED)
    sub = p.add_subparsers(dest="command", required=True)
    pop = sub.add_parser("population", help="run the pipeline, write every quote")
    pop.add_argument("--out", type=Path, required=True)
    pend = sub.add_parser("pending", help="write the sampled quotes that have no judgement")
    pend.add_argument("--out", type=Path, required=True)
    rep = sub.add_parser("report", help="precision over the judged sample")
    rep.add_argument("--json", type=Path, help="also write the report as JSON here ('-': stdout only JSON)")
    for command in (pend, rep):
        command.add_argument("--population", type=Path, help="a file from 'population' instead of a pipeline run")
        command.add_argument("--size", type=int, default=SAMPLE_SIZE)
    mer = sub.add_parser("merge", help="validate filled-in pending records and append them")
    mer.add_argument("file", type=Path)
    args = p.parse_args(argv)

    if args.command == "merge":
        return 1 if merge(args.file, args.judged) else 0
    if args.command == "population":
        write_jsonl(args.out, (q.to_json() for q in find_quotes(load_articles(args.articles))))
        return 0
    population = population_of(args)
    sample = draw(population, args.size)
    judged = load_judged(args.judged)
    if args.command == "pending":
        records = pending_records(sample, judged)
        write_jsonl(args.out, records)
        print(f"{len(records)} of {len(sample)} sampled quotes need judging: {args.out}", file=sys.stderr)
        return 0
    report = summarize(len(population), sample, judged)
    if args.json is not None and str(args.json) == "-":
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return 0
    print(format_report(report))
    if args.json is not None:
        args.json.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
