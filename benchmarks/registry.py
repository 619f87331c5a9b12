"""The speaker registry, judged by hand: are the records clean names of the right type, and does
each claim have the right record (or rightly none)?

    python -m benchmarks.registry pending [--store PATH] --out build/registry-pending.jsonl
    python -m benchmarks.registry merge build/registry-pending.jsonl
    python -m benchmarks.registry report [--store PATH] [--json OUT]

**Population.** The 700 news training articles (``data/spkatt-news/train``), rebuilt to text with
their dates and ingested with the default pipeline into a claim store, as ``zitat ingest`` and
``benchmarks.claims`` do (outlet "WikiNews", document id "WikiNews:<path>"). ``--store PATH``
reuses a store that holds them (it is filled first when it does not); without it a temporary
SQLite store is filled (minutes). Two populations: the speaker records that hold a claim of these
articles, and the claims.

**Sample: bottom-k on a seeded hash**, as ``benchmarks.precision`` draws: an item's rank is
``sha1(SEED|key)``; the sample is the :data:`SAMPLE_SIZE` items of smallest rank of each
population. A record's key is its type, name and qualifier; a claim's is its article, message
spans and source span. An unchanged item keeps its rank and its judgement, so after a change only
new items need judging (``pending``).

**Judgements** (``benchmarks/judged/registry.jsonl``, one JSON object per item; a later line for a
key overrides an earlier one):

* a record: ``name_ok`` (the name is a clean, canonical name of one holder: no frame, preposition,
  genitive head, case ending or role in it; for an organisation the nominative without article,
  a place only as the qualifier) and ``type_ok`` (person, organisation, medium or group as the
  holder is), with a ``note`` when either is false. A place adjective the text writes in lower
  case is no part of the name ("die britische Armee": "Armee (britisch)"); a name said twice
  ("WHO WHO") is no clean name; a group is named by its noun in the nominative plural, without
  article or adjectives, a place or nationality as its qualifier ("Afghanische Behörden":
  "Behörden (afghanisch)"; "von Bewohnern": "Bewohner"), and its record stands for every
  article's group of that name and qualifier (the store merges groups as it merges organisations);
* a claim: the holder its source mention refers to in the article, as the record should name it:
  ``holder`` (the canonical name), ``type`` and ``qualifier``, with ``also`` for other acceptable
  names ("Name" or "Name (Qualifier)"); or ``holder: null`` with ``why`` (pronoun, group,
  anonymous, role, not a holder, no source) when no record is right. Pronouns and role nouns refer
  to whom the article means, a role whose holder the article does not name to nobody (role); an
  anonymous member ("ein Sprecher der Polizei") to the organisation it speaks for, or to nobody
  (anonymous) when it acts or reports on its own (a pilot on board, an investigator's findings);
  a claim without a source mention to nobody. A group of people or of institutions named by a
  noun ("Augenzeugen", "die Forscher", "die Behörden in Kassel", "US-Medien", a frame such as
  "Zeugenaussagen": Zeugen) is that group, type group; ``why: group`` is only for "man", "wir"
  and a plural pronoun the article does not resolve; anonymous sources ("Quellen", "informierter
  Kreise") refer to nobody (anonymous). The record a claim
  gets is then right when its type family, name and qualifier match (names compared normalised),
  so a claim's judgement holds for any later system: it judges the text, not the output.

Judged items are never training data: fix error kinds seen here and check on the split that a fix
generalises, as for the other judged sets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zitat_client.cli_claims import document_for
from zitat_server.claims.ingest import Ingestor
from zitat_server.claims.speakers import family, normalise
from zitat_server.claims.store import Store, open_store
from zitat_server.claims.store.base import Claim, ClaimQuery, StoredDocument
from zitat_server.training.corpora import NEWS_TRAIN

from benchmarks.precision import read_jsonl, wilson, write_jsonl

REPO = Path(__file__).resolve().parents[1]
JUDGED = REPO / "benchmarks" / "judged" / "registry.jsonl"
SEED = "zitat-registry-v1"
SAMPLE_SIZE = 150
OUTLET = "WikiNews"
CONTEXT = 300  # characters shown before the first marked span
WHY = frozenset({"pronoun", "group", "anonymous", "role", "not a holder", "no source"})
TYPES = frozenset({"person", "organization", "media", "group"})

Range = tuple[int, int]


def train_documents() -> list[dict[str, Any]]:
    """The news training articles as ``Client.ingest`` keywords (the ids benchmarks.claims uses)."""
    return [document_for(path, OUTLET, None) for path in sorted(NEWS_TRAIN.glob("*.json"))]


def article_of(document_id: str) -> str:
    """ "WikiNews:/…/train/10022.json" → "10022": the key part that does not depend on the checkout."""
    return Path(document_id.split(":", 1)[-1]).stem


def fill(store: Store, documents: Sequence[dict[str, Any]], pipeline: Any | None = None) -> None:
    """Ingest the documents the store does not hold yet (the default pipeline, in process)."""
    missing = [d for d in documents if store.get_document(d["id"]) is None]
    if not missing:
        return
    if pipeline is None:
        from benchmarks.precision import make_pipeline

        pipeline = make_pipeline()
    ingestor = Ingestor(store, pipeline)
    for i, d in enumerate(missing, 1):
        ingestor.ingest(StoredDocument(d["id"], d["text"], d.get("outlet", ""), "", d.get("title", ""),
                                       d.get("published_at")))
        if i % 100 == 0:
            print(f"  {i}/{len(missing)} articles ingested", file=sys.stderr)


# --- items --------------------------------------------------------------------------------------


def rank(key: Sequence[object]) -> str:
    return hashlib.sha1("|".join(map(str, (SEED, *key))).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class RecordItem:
    """A speaker record with what a judge needs: its aliases and the mentions of its claims."""

    type: str
    name: str
    qualifier: str
    claims: int = 0
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        return ("record", self.type, self.name, self.qualifier)

    def to_json(self) -> dict[str, Any]:
        return {"kind": "record", "type": self.type, "name": self.name, "qualifier": self.qualifier,
                "claims": self.claims, "aliases": list(self.aliases), "sources": list(self.sources)}


@dataclass(frozen=True, slots=True)
class ClaimItem:
    """A claim with the record it got and its place in the article."""

    article: str
    message: tuple[Range, ...]
    source: Range | None
    text: str = ""
    source_text: str = ""
    context: str = ""
    assigned: tuple[str, str, str] | None = None  # (type, name, qualifier) of its record
    anonymous: bool = False
    reason: str = ""

    @property
    def key(self) -> tuple[object, ...]:
        return ("claim", self.article, self.message, self.source)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "claim", "article": self.article, "message": [list(r) for r in self.message],
            "source": list(self.source) if self.source else None,
            "texts": {"message": self.text, "source": self.source_text}, "context": self.context,
            "assigned": list(self.assigned) if self.assigned else None, "anonymous": self.anonymous,
            "reason": self.reason,
        }


def key_of(record: dict[str, Any]) -> tuple[object, ...]:
    """The item key of a judgement (or pending) record."""
    if record["kind"] == "record":
        return ("record", record["type"], record["name"], record["qualifier"])
    message = tuple(tuple(r) for r in record["message"])
    source = tuple(record["source"]) if record["source"] else None
    return ("claim", record["article"], message, source)


def marked(text: str, claim: Claim) -> str:
    """The article around the claim with [[MSG …]] and <<SRC …>> marked."""
    spans = [("MSG", s, e) for s, e in claim.message] + ([("SRC", *claim.source)] if claim.source else [])
    start = max(0, min(s for _, s, _ in spans) - CONTEXT)
    end = min(len(text), max(e for _, _, e in spans) + 100)
    inserts = sorted([(s, 1, f"[[{k} " if k == "MSG" else "<<SRC ") for k, s, _ in spans]
                     + [(e, 0, "]]" if k == "MSG" else ">>") for k, _, e in spans])
    out, at = [], start
    for position, _order, mark in inserts:
        out += [text[at:position], mark]
        at = position
    out.append(text[at:end])
    return "".join(out).replace("\n", " ")


def population(store: Store, document_ids: Iterable[str]) -> tuple[list[RecordItem], list[ClaimItem]]:
    """The records holding a claim of these documents, and their claims."""
    records: dict[int, list[Claim]] = {}
    claims: list[ClaimItem] = []
    for document_id in document_ids:
        doc = store.get_document(document_id)
        if doc is None:
            continue
        for c in sorted(store.iter_claims(ClaimQuery(document_id=document_id)), key=lambda c: c.index):
            if c.speaker_id is not None:
                records.setdefault(c.speaker_id, []).append(c)
            assigned = (c.speaker_type, c.speaker_name, c.speaker_qualifier) if c.speaker_id is not None else None
            claims.append(ClaimItem(
                article_of(document_id), tuple(sorted(tuple(r) for r in c.message)), c.source, c.text,
                c.source_text, marked(doc.text, c), assigned, c.anonymous, c.unresolved_reason,
            ))
    items = []
    for speaker_id, held in records.items():
        record = store.get_speaker(speaker_id, timeline_limit=0)
        if record is None:
            continue
        sources = tuple(dict.fromkeys(c.source_text for c in held if c.source_text))[:5]
        items.append(RecordItem(record.type, record.name, record.qualifier, len(held), tuple(record.aliases[:8]),
                                sources))
    return items, claims


def draw(items: Iterable[Any], size: int = SAMPLE_SIZE) -> list[Any]:
    unique = {item.key: item for item in items}
    return sorted(unique.values(), key=lambda item: rank(item.key))[:size]


# --- judging ------------------------------------------------------------------------------------


def load_judged(path: Path = JUDGED) -> dict[tuple[object, ...], dict[str, Any]]:
    return {key_of(r): r for r in read_jsonl(path)}


def problems(record: dict[str, Any]) -> list[str]:
    """Why a filled-in judgement is not acceptable (empty: it is)."""
    if record.get("kind") == "record":
        found = [f"{v} must be true or false" for v in ("name_ok", "type_ok") if not isinstance(record.get(v), bool)]
        if (record.get("name_ok") is False or record.get("type_ok") is False) and not record.get("note"):
            found.append("a false verdict needs a note")
        return found
    if record.get("holder") is None:
        return [] if record.get("why") in WHY else [f"why must be one of {sorted(WHY)}"]
    found = [] if record.get("type") in TYPES else [f"type must be one of {sorted(TYPES)}"]
    if not isinstance(record.get("qualifier", ""), str) or not isinstance(record.get("also", []), list):
        found.append("qualifier must be text and also a list")
    return found


def _names(gold: dict[str, Any]) -> set[tuple[str, str]]:
    """The (name, qualifier) pairs a judgement accepts, normalised."""
    out = {(normalise(gold["holder"]), normalise(gold.get("qualifier", "")))}
    for other in gold.get("also", []):
        name, _, qualifier = other.partition(" (")
        out.add((normalise(name), normalise(qualifier.rstrip(")"))))
    return out


def claim_right(item: ClaimItem, gold: dict[str, Any]) -> bool:
    """The claim has the record its judgement names, or rightly none."""
    if gold.get("holder") is None or item.assigned is None:
        return gold.get("holder") is None and item.assigned is None
    kind, name, qualifier = item.assigned
    return family(kind) == family(gold["type"]) and (normalise(name), normalise(qualifier)) in _names(gold)


def claim_error(item: ClaimItem, gold: dict[str, Any]) -> str:
    if claim_right(item, gold):
        return ""
    if item.assigned is None:
        return "missing"  # a holder the store did not attribute
    return "spurious" if gold.get("holder") is None else "wrong record"


@dataclass
class Report:
    """Registry figures and the judged precision of the current samples."""

    figures: dict[str, Any]
    records: int = 0
    claims: int = 0
    records_judged: int = 0
    records_clean: int = 0
    names_ok: int = 0
    types_ok: int = 0
    claims_judged: int = 0
    claims_right: int = 0
    claim_errors: Counter[str] = field(default_factory=Counter)
    record_errors: list[str] = field(default_factory=list)
    pending: int = 0

    def to_json(self) -> dict[str, Any]:
        def rate(right: int, n: int) -> dict[str, float]:
            return dict(zip(("rate", "low95", "high95"), (round(x, 4) for x in wilson(right, n)), strict=True))

        return {
            "seed": SEED, "figures": self.figures, "records": self.records, "claims": self.claims,
            "records_judged": self.records_judged, "claims_judged": self.claims_judged, "pending": self.pending,
            "records_clean_and_typed": rate(self.records_clean, self.records_judged),
            "record_names_ok": rate(self.names_ok, self.records_judged),
            "record_types_ok": rate(self.types_ok, self.records_judged),
            "claims_right": rate(self.claims_right, self.claims_judged),
            "claim_errors": dict(self.claim_errors.most_common()),
        }


def figures(store: Store, document_ids: Sequence[str], claims: Sequence[ClaimItem]) -> dict[str, Any]:
    """Records by type, the share of claims attributed, and why the others are not."""
    by_type = Counter(item.assigned[0] for item in claims if item.assigned)
    records = {item.assigned for item in claims if item.assigned}
    attributed = sum(item.assigned is not None for item in claims)
    return {
        "documents": len(document_ids),
        "claims": len(claims),
        "records_by_type": dict(Counter(kind for kind, _, _ in records).most_common()),
        "claims_by_type": dict(by_type.most_common()),
        "attributed": attributed,
        "attributed_share": round(attributed / max(len(claims), 1), 4),
        "with_source": sum(item.source is not None for item in claims),
        "anonymous": sum(item.anonymous for item in claims),
        "unresolved_reasons": dict(Counter(item.reason for item in claims if item.assigned is None and item.source)
                                   .most_common()),
    }


def summarize(store: Store, document_ids: Sequence[str], judged: dict[tuple[object, ...], dict[str, Any]],
              size: int = SAMPLE_SIZE) -> tuple[Report, list[RecordItem], list[ClaimItem]]:
    records, claims = population(store, document_ids)
    record_sample, claim_sample = draw(records, size), draw(claims, size)
    report = Report(figures(store, document_ids, claims), len(records), len(claims))
    for item in record_sample:
        verdict = judged.get(item.key)
        if verdict is None:
            report.pending += 1
            continue
        report.records_judged += 1
        report.names_ok += verdict["name_ok"]
        report.types_ok += verdict["type_ok"]
        report.records_clean += verdict["name_ok"] and verdict["type_ok"]
        if not (verdict["name_ok"] and verdict["type_ok"]):
            report.record_errors.append(f"{item.name} ({item.qualifier}) [{item.type}]: {verdict.get('note', '')}")
    for item in claim_sample:
        gold = judged.get(item.key)
        if gold is None:
            report.pending += 1
            continue
        report.claims_judged += 1
        error = claim_error(item, gold)
        report.claims_right += not error
        if error:
            report.claim_errors[error] += 1
    return report, record_sample, claim_sample


def format_report(report: Report) -> str:
    data = report.to_json()
    f = report.figures

    def pct(name: str) -> str:
        r = data[name]
        return f"{100 * r['rate']:5.1f}% (95% CI {100 * r['low95']:.1f}–{100 * r['high95']:.1f}%)"

    lines = [
        f"{f['documents']} articles, {f['claims']} claims, {report.records} records "
        f"({', '.join(f'{n} {k}' for k, n in f['records_by_type'].items())})",
        f"claims attributed to a record: {f['attributed']} ({100 * f['attributed_share']:.1f}%), "
        f"{f['anonymous']} of them or others anonymous; with a source but no record: "
        + ", ".join(f"{n} {k or '?'}" for k, n in f["unresolved_reasons"].items()),
        f"sample (seed {SEED!r}): {report.records_judged} records and {report.claims_judged} claims judged, "
        f"{report.pending} pending",
        f"records clean and of the right type: {pct('records_clean_and_typed')}"
        f"  [names {pct('record_names_ok')}, types {pct('record_types_ok')}]",
        f"claims with the right record or rightly none: {pct('claims_right')}"
        + (f"  [errors: {', '.join(f'{n} {k}' for k, n in data['claim_errors'].items())}]"
           if report.claim_errors else ""),
    ]
    return "\n".join(lines)


def pending_records(records: Sequence[RecordItem], claims: Sequence[ClaimItem],
                    judged: dict[tuple[object, ...], dict[str, Any]]) -> list[dict[str, Any]]:
    out = [{**r.to_json(), "name_ok": None, "type_ok": None, "note": ""} for r in records if r.key not in judged]
    out += [{**c.to_json(), "holder": None, "type": None, "qualifier": "", "also": [], "why": None, "note": ""}
            for c in claims if c.key not in judged]
    return out


def merge(path: Path, judged_path: Path = JUDGED) -> int:
    """Append the valid, filled-in records of ``path``; return how many were bad."""
    known = load_judged(judged_path)
    good, bad = [], 0
    for number, record in enumerate(read_jsonl(path), 1):
        unfilled = record.get("name_ok") is None if record["kind"] == "record" else (
            record.get("holder") is None and record.get("why") is None)
        if unfilled:
            continue
        issues = problems(record)
        if issues:
            bad += 1
            print(f"{path}:{number}: {'; '.join(issues)}", file=sys.stderr)
        elif known.get(key_of(record)) != record:
            good.append(record)
    write_jsonl(judged_path, good, append=True)
    print(f"appended {len(good)} judgements to {judged_path}, {bad} rejected", file=sys.stderr)
    return bad


def open_filled(store_arg: str | None, documents: Sequence[dict[str, Any]]) -> tuple[Store, Any]:
    """The store to read (filled with the documents if needed) and a temporary directory to keep."""
    tmp = None
    if store_arg is None:
        tmp = tempfile.TemporaryDirectory(prefix="zitat-registry-")
        store_arg = str(Path(tmp.name) / "claims.sqlite3")
    store = open_store(store_arg)
    fill(store, documents)
    return store, tmp


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--judged", type=Path, default=JUDGED)
    sub = p.add_subparsers(dest="command", required=True)
    pend = sub.add_parser("pending", help="write the sampled records and claims that have no judgement")
    pend.add_argument("--out", type=Path, required=True)
    rep = sub.add_parser("report", help="registry figures and precision over the judged samples")
    rep.add_argument("--json", type=Path, help="also write the report as JSON")
    rep.add_argument("--errors", action="store_true", help="list the records judged unclean")
    for command in (pend, rep):
        command.add_argument("--store", help="a store holding the news training articles (filled if not)")
        command.add_argument("--size", type=int, default=SAMPLE_SIZE)
    mer = sub.add_parser("merge", help="validate filled-in pending records and append them")
    mer.add_argument("file", type=Path)
    args = p.parse_args(argv)
    if args.command == "merge":
        return 1 if merge(args.file, args.judged) else 0
    documents = train_documents()
    store, tmp = open_filled(args.store, documents)
    try:
        ids = [d["id"] for d in documents]
        judged = load_judged(args.judged)
        report, records, claims = summarize(store, ids, judged, args.size)
        if args.command == "pending":
            todo = pending_records(records, claims, judged)
            write_jsonl(args.out, todo)
            print(f"{len(todo)} sampled items need judging: {args.out}", file=sys.stderr)
            return 0
        print(format_report(report))
        if args.errors:
            print("\n".join(["", "records judged unclean:", *report.record_errors]))
        if args.json:
            args.json.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    finally:
        store.close()
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    raise SystemExit(main())
