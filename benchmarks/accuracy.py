"""Accuracy of a running zitat server on SpkAtt-2023 task 2 data, with the task's own metric.

    python -m benchmarks.accuracy --out build/pred [--data data/spkatt-news/train] [--split dev|all]
        [--server HOST:PORT | --inprocess] [--pipeline NAME] [--without COMPONENT ...] [--json result.json]

For every task JSON the raw text is rebuilt from its tokens (``taskformat.detokenize``) and
sent as plain text, so the server tokenises and splits sentences itself, as it would in
production; the returned code-point spans are mapped back to ``"sentence:token"`` ids. The
predictions are written in the task's JSON format (one file per document, same file name)
and scored by :mod:`benchmarks.scoring` against the gold annotations.

The API has no ``Frame`` (the framing clause the task scores as a role). With ``--frame
cue-sentence`` (the default) the adapter derives it from the system's own output: the tokens
of the sentences holding the cue, minus the message; on gold cues and messages this rule has
frame precision 69% and recall 94%. ``--frame none`` leaves it empty (frame recall 0).
Without ``--server`` a server is started on a free port (``python -m zitat_server.serving.main``),
awaited through the gRPC health service and stopped at the end; ``--inprocess`` skips gRPC
and calls the pipeline directly, for quick iteration. ``--pipeline`` names a config
(``default``, ``rules-only``, ``models-only``); ``--without`` drops components from it for an
ablation (in-process only).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from zitat_client import taskformat
from zitat_proto.v1 import quotes_pb2, quotes_pb2_grpc
from zitat_server.language import cues
from zitat_server.serving.launch import running_server, wait_serving
from zitat_server.training.corpora import NEWS_TRAIN

from benchmarks.scoring import format_report, score

# Proto enum values -> the task's ``Form`` / ``STWR`` labels (unspecified or unknown: None).
FORMS: dict[int, str] = {
    quotes_pb2.FORM_DIRECT: "Direct",
    quotes_pb2.FORM_INDIRECT: "Indirect",
    quotes_pb2.FORM_FREE_INDIRECT: "FreeIndirect",
    quotes_pb2.FORM_INDIRECT_FREE_INDIRECT: "IndirectFreeIndirect",
    quotes_pb2.FORM_REPORTED: "Reported",
}
MEDIUMS: dict[int, str] = {
    quotes_pb2.MEDIUM_SPEECH: "Speech",
    quotes_pb2.MEDIUM_WRITING: "Writing",
    quotes_pb2.MEDIUM_THOUGHT: "Thought",
    quotes_pb2.MEDIUM_SPEECH_WRITING: "SW",
    quotes_pb2.MEDIUM_SPEECH_THOUGHT: "ST",
    quotes_pb2.MEDIUM_THOUGHT_WRITING: "TW",
}

Offsets = list[list[tuple[int, int]]]
Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quote as code-point ranges and task labels: the common shape of gRPC and in-process."""

    message: tuple[Range, ...]
    cue: tuple[Range, ...]
    source: Range | None
    addressee: Range | None
    form: str | None
    stwr: str | None
    parent: int

    @classmethod
    def from_pb(cls, quote: quotes_pb2.Quote) -> FoundQuote:
        def rng(span: Any) -> Range:
            return (span.start, span.end)

        return cls(
            message=tuple(rng(s) for s in quote.message),
            cue=tuple(rng(s) for s in quote.cue),
            source=rng(quote.source) if quote.HasField("source") else None,
            addressee=rng(quote.addressee) if quote.HasField("addressee") else None,
            form=FORMS.get(quote.form),
            stwr=MEDIUMS.get(quote.medium),
            parent=quote.parent,
        )

    @classmethod
    def from_doc(cls, quote: Any) -> FoundQuote:
        """From ``zitat_server.document.Quote``, whose enum values are the task labels."""

        def rng(span: Any) -> Range | None:
            return None if span is None else (span.start, span.end)

        return cls(
            message=tuple((s.start, s.end) for s in quote.message),
            cue=tuple((s.start, s.end) for s in quote.cue),
            source=rng(quote.source),
            addressee=rng(quote.addressee),
            form=quote.form.value,
            stwr=quote.medium.value,
            parent=quote.parent,
        )


def _sort_ids(ids: set[str]) -> list[str]:
    return sorted(ids, key=lambda token_id: tuple(int(part) for part in token_id.split(":")))


def cue_sentence_frame(cue: set[str], message: set[str], offsets: Offsets) -> set[str]:
    """The tokens of the cue's sentences outside the message (the ``--frame cue-sentence`` rule)."""
    sentences = {int(token_id.split(":")[0]) for token_id in cue}
    return {f"{i}:{j}" for i in sentences for j in range(len(offsets[i]))} - message


def reported_sentences(message: set[str], offsets: Offsets) -> set[str]:
    """The whole sentences a ``Reported`` message lies in: the task annotates reported speech
    ("Die Polizei sprach von einer friedlichen Demonstration.") as its sentence, frame included,
    where the API gives what was said ("von einer friedlichen Demonstration")."""
    sentences = {int(token_id.split(":")[0]) for token_id in message}
    return {f"{i}:{j}" for i in sentences for j in range(len(offsets[i]))}


_WORD_BEFORE = re.compile(r"(\w+)\s+(?:(?:von|vom)\s+)?$")


def according_to_roles(
    cue: Sequence[Range], source: Range | None, text: str
) -> tuple[tuple[Range, ...], Range | None]:
    """The task's cue and source where the API names the holder of a speech noun: the task marks
    the whole phrase "Angaben der Polizei" as the source, also for the continuations that take it
    up, and only "nach" as the cue; the API gives cue "nach Angaben" and source "der Polizei".
    A source right after a speech noun ("Angaben", "Worten", "Informationen", optionally with
    "von") is widened to it; the noun leaves the cue. "nach eigenen Angaben" with the clause's
    subject as the API source gives the task source "eigenen Angaben"."""
    words = [text[a:b] for a, b in cue]
    frame = cues.ACCORDING_TO_WORDS & {w.lower() for w in words} and any(cues.is_speech_frame_noun(w) for w in words)
    noun = [r for r, w in zip(cue, words, strict=True) if w.lower() not in cues.ACCORDING_TO_WORDS] if frame else []
    keep = tuple(r for r in cue if r not in noun) if noun else tuple(cue)
    if source is not None:
        before = _WORD_BEFORE.search(text, 0, source[0])
        if before is not None and cues.is_speech_frame_noun(before.group(1)):
            start = min([before.start(1), *(a for a, _ in noun)])
            return keep, (start, source[1])
    if noun:
        return keep, (min(a for a, _ in noun), max(b for _, b in noun))
    return keep, source


def anaphor_after(message: set[str], cue: set[str], offsets: Offsets, text: str) -> set[str]:
    """The pronoun that takes up a message sentence in the next sentence's frame ("Der Plan sei
    gescheitert. Das bestätigte ein Sprecher."): the task marks it as part of the message, the
    API as frame."""
    if not message or not cue:
        return set()
    last_sentence = max(int(t.split(":")[0]) for t in message)
    following = last_sentence + 1
    if following >= len(offsets) or not any(t.startswith(f"{following}:") for t in cue):
        return set()
    start, end = offsets[following][0]
    return {f"{following}:0"} if text[start:end] in cues.ANAPHORIC_OPENERS else set()


def to_annotations(quotes: Sequence[FoundQuote], offsets: Offsets, frame: str, text: str) -> list[dict[str, Any]]:
    """Task-format annotations for one document's quotes."""

    def ids(ranges: Sequence[Range | None]) -> set[str]:
        found: set[str] = set()
        for r in ranges:
            if r is not None:
                found.update(taskformat.tokens_for_span(offsets, r[0], r[1]))
        return found

    parents = {q.parent for q in quotes}
    annotations = []
    for index, quote in enumerate(quotes):
        cue_ranges, source = according_to_roles(quote.cue, quote.source, text)
        message, cue = ids(quote.message), ids(cue_ranges)
        if quote.form == "Reported":
            message = reported_sentences(message, offsets)
        message |= anaphor_after(message, cue, offsets, text)
        frame_ids = cue_sentence_frame(cue, message, offsets) if frame == "cue-sentence" else set()
        annotations.append(
            {
                "Message": _sort_ids(message),
                "Cue": _sort_ids(cue),
                "Source": _sort_ids(ids([source])),
                "Addr": _sort_ids(ids([quote.addressee])),
                "Frame": _sort_ids(frame_ids),
                "Form": quote.form,
                "STWR": quote.stwr,
                "IsNested": quote.parent >= 0,
                "HasNested": index in parents,
            }
        )
    return annotations


Extract = Callable[[str], list[FoundQuote]]


@contextlib.contextmanager
def grpc_extractor(server: str | None, startup_timeout: float, pipeline: str = "default") -> Iterator[Extract]:
    """ExtractQuotes over gRPC, against ``server`` or a server started here for the run."""
    with contextlib.ExitStack() as stack:
        if server is None:
            started = running_server("--pipeline", pipeline, timeout=startup_timeout)
            server, _process = stack.enter_context(started)
        else:
            wait_serving(server, time.monotonic() + startup_timeout)
        channel = stack.enter_context(grpc.insecure_channel(server))
        stub = quotes_pb2_grpc.QuoteServiceStub(channel)

        def extract(text: str) -> list[FoundQuote]:
            request = quotes_pb2.ExtractQuotesRequest(document=quotes_pb2.Document(text=text))
            response = stub.ExtractQuotes(request, timeout=120)
            return [FoundQuote.from_pb(q) for q in response.quotes]

        yield extract


@contextlib.contextmanager
def inprocess_extractor(config: str = "default", without: Sequence[str] = ()) -> Iterator[Extract]:
    # Imported here: the extraction package (and its models) is only needed for this mode.
    from zitat_server.extraction.configs import get_config
    from zitat_server.extraction.pipeline import Pipeline

    pipeline = Pipeline(get_config(config).without(*without))
    yield lambda text: [FoundQuote.from_doc(q) for q in pipeline.process(text).quotes]


def select_files(data: Path, split: str) -> list[Path]:
    files = sorted(data.glob("*.json"))
    if split == "all":
        return files
    _, dev = taskformat.dev_split([f.stem for f in files])
    keep = set(dev)
    return [f for f in files if f.stem in keep]


def run(files: Sequence[Path], out: Path, extract: Extract, frame: str) -> dict[str, Any]:
    """Predicts every file, writes the predictions to ``out`` and scores them."""
    out.mkdir(parents=True, exist_ok=True)
    gold: dict[str, list[dict[str, Any]]] = {}
    predicted: dict[str, list[dict[str, Any]]] = {}
    started = time.perf_counter()
    for path in files:
        document = taskformat.load(path)
        text, offsets = taskformat.detokenize(document.sentences)
        annotations = to_annotations(extract(text), offsets, frame, text)
        gold[path.stem] = document.annotations
        predicted[path.stem] = annotations
        prediction = {
            "Annotations": annotations,
            "DocumentName": document.document_name,
            "Sentences": [{"SentenceId": i, "Tokens": t} for i, t in enumerate(document.sentences)],
        }
        (out / path.name).write_text(json.dumps(prediction, ensure_ascii=False, indent=1), encoding="utf-8")
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "scores": score(gold, predicted)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=NEWS_TRAIN, help="directory of task JSON files")
    parser.add_argument("--out", type=Path, required=True, help="directory for the prediction files")
    parser.add_argument("--split", choices=("dev", "all"), help="default: dev for the news train dir, else all")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--server", help="HOST:PORT of a running server (default: start one)")
    target.add_argument("--inprocess", action="store_true", help="call the pipeline directly, no gRPC")
    parser.add_argument("--pipeline", default="default", help="pipeline config (default, rules-only, models-only)")
    parser.add_argument("--without", action="append", default=[], help="drop this component (in-process only)")
    parser.add_argument("--frame", choices=("cue-sentence", "none"), default="cue-sentence")
    parser.add_argument("--startup-timeout", type=float, default=300.0, help="seconds to wait for SERVING")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args(argv)
    if args.without and not args.inprocess:
        parser.error("--without needs --inprocess (the server runs named configs only)")

    split = args.split or ("dev" if args.data.resolve() == NEWS_TRAIN.resolve() else "all")
    files = select_files(args.data, split)
    if not files:
        parser.error(f"no task JSON files in {args.data} ({split} split)")
    mode = "inprocess" if args.inprocess else "grpc"
    if args.inprocess:
        extractor = inprocess_extractor(args.pipeline, args.without)
    else:
        extractor = grpc_extractor(args.server, args.startup_timeout, args.pipeline)
    with extractor as ex:
        result = run(files, args.out, ex, args.frame)
    pipeline = "-without-".join([args.pipeline, *args.without])
    print(
        f"{len(files)} documents ({split} split of {args.data}), {mode}, pipeline {pipeline}, "
        f"frame={args.frame}, {result['seconds']} s\n"
    )
    print(format_report(result["scores"]))
    if args.json:
        meta = {"data": str(args.data), "split": split, "mode": mode, "pipeline": pipeline, "frame": args.frame}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({**meta, **result}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
