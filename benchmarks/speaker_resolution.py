"""Speaker resolution on unseen news: hand-labelled pronoun and role-noun sources.

    python -m benchmarks.speaker_resolution draw [--n 190] [--seed 9] [--out PENDING]
    python -m benchmarks.speaker_resolution report [--set benchmarks/judged/speakers.jsonl] [--errors] [--json OUT]

The names in a source mention ("sagte Rustem Umjerow") are easy; what coref must get right is
the rest: "er", "Ihm", "der Minister", "ein Polizeisprecher", "die Polizei". This benchmark
measures that on the 1,028 DER STANDARD articles of ``data/10kgnad`` (the row index of the CSV
is the article id), news the system never saw.

``draw`` runs the default pipeline over every article, keeps the source mentions that are
pronouns or name-less role, person or organisation noun phrases (:func:`mention_kind`), and
draws a fixed-seed sample of them into a pending file, each with the article text up to a
little after the mention, the mention marked ⟦…⟧, for labelling by hand. The labelled set,
``benchmarks/judged/speakers.jsonl``, holds one object per mention (:class:`Gold`): who the
mention refers to as the article names that holder (the full name where the article gives
one), or ``holder: null`` and why: ``group`` (wir, man, a plural sie, "die Demonstranten"),
``anonymous`` (an unnamed spokesman; ``org`` notes his organisation), ``not-in-text`` or
``not-a-mention``; ``kind`` is pronoun, role or organisation as the mention is (not as the
drawer guessed), ``is_source: false`` marks spans the system took for a source that name
someone who does not speak there ("Die Innenministerin sei gefordert, …", says someone else).

The set: 190 mentions drawn with ``draw --seed 9 --n 190`` at the commit that added it (pool:
874 mentions in 1,028 articles), plus the 7 age nouns ("sagte der 48-Jährige") that draw's
classifier could not see then (every one in the corpus; notes start "supplement"); every one
labelled by hand from the article text, none discarded. Re-drawing with a later pipeline or
classifier gives another sample: the labelled offsets, not the draw, are the set.

``report`` runs the pipeline on the labelled articles, finds for each labelled mention the
quote whose source span matches it (exactly, else the largest overlap) and judges the entity
the resolver gave it: right when it refers to the gold holder (persons by the project's own
name matcher, :func:`zitat_server.claims.speakers.match`; organisations by normalised name), or when
the gold has no holder and the system resolved to no entity, or to an entity of the kind the gold
label names (:func:`names_no_holder`: a GROUP entity for ``group``, an anonymous person for
``anonymous`` and ``not-in-text``; such entities have no name). The headline is the share right
among the mentions the system found.

The set measures; it must never be trained on, nor used to fit model weights or thresholds:
keep it out of every training and tuning set, as the spkatt dev split is.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from zitat_server.claims.speakers import PersonName, match, normalise
from zitat_server.claims.store.base import SpeakerCandidate
from zitat_server.document import Doc, Entity, Quote, Span, SpeakerType
from zitat_server.extraction import mentions
from zitat_server.language.function_words import DETERMINERS
from zitat_server.language.names import is_capitalised, is_name_word
from zitat_server.training.corpora import STANDARD_ARTICLES, standard_articles

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "benchmarks" / "judged" / "speakers.jsonl"
PENDING = REPO / "build" / "speakers.pending.jsonl"

TYPES = frozenset({"PERSON", "ORGANIZATION", "MEDIA", "GROUP"})
WHY = frozenset({"group", "anonymous", "not-in-text", "not-a-mention"})
KINDS = ("pronoun", "role", "organisation")
CONTEXT_AFTER = 200  # characters of the article shown after the mention

# Heads of name-less noun phrases that can hold a quote but that ``mentions`` does not read as
# roles: organisations ("die Polizei") and persons or groups ("der 28-Jährige", "die Demonstranten").
# Collected from the heads of this corpus' source mentions; they only decide what is drawn.
_ORGANISATION_HEAD = re.compile(
    r"(polizei|ministerium|ministeriums|regierung|behörden?|partei|verband|gerichtshof|gericht|institut"
    r"|unternehmen|konzern|bank|amt|büro|kommission|gewerkschaften?|organisation|agentur|anwaltschaft|armee"
    r"|militär|küstenwache|feuerwehr|opposition|botschaft|zeitung|sender|blatt|fernsehen|medien|verwaltung"
    r"|kurie|koalition|fraktion|vereinigung|initiative|versicherung|stiftung|foundation|rathaus|senat"
    r"|parlament|union|liga|gruppe|team|mannschaft|klub|verein|streitkräfte|hersteller|betreiber|airline"
    r"|firma|exekutive|kreml|vatikan|kammer|rechnungshof|caritas|volkshilfe|taliban|rebellen|islamisten)$"
)
_PERSON_HEAD = re.compile(
    r"(jährigen?|jähriger|mann|männer|frau|frauen|sohn|tochter|vater|mutter|bub|mädchen|kind|kinder|insider"
    r"|hacker|cracker|jurist|juristin|wissenschafter|wissenschafterin|therapeut|therapeutin|professor"
    r"|professorin|mediziner|medizinerin|chemiker|botaniker|nutzer|nutzerin|user|demonstranten|befragten"
    r"|gesandter?|angeklagter?|sachverständiger?|verteidiger|verteidigerin|anwälte|anwältin|mitarbeiter"
    r"|mitarbeiterin|regisseur|regisseurin|moderator|moderatorin|initiator|leser|leserin|ankläger"
    r"|menschenrechtler|verhandler|entwickler|organisatoren|teilnehmer|betreuer|bürger|bürgerin|person|leute"
    r"|menschen|opfer|soldaten|täter|täterin|zeugin|obfrau|stadträte|stadtverordneter?|republikaner"
    r"|deutscher?|franzose|französin|däne|dänin|spanier|italiener|serbe|nigerianer|iraker|katalanen"
    r"|schweizer|salzburger|wiener|steirer|vorarlbergerin|pöltner|konservativer?|landeshauptmann"
    r"|landeshauptfrau|weltmeister|reporter|volkswirte|arbeitsrechtler|fachleuten?|erzieherinnen|klubobleute)$"
)


def make_pipeline() -> Any:
    """The default pipeline, built in this one place so a move of the module touches one line."""
    from zitat_server.extraction.pipeline import Pipeline

    return Pipeline()


def load_articles(path: Path = STANDARD_ARTICLES) -> list[str]:
    """Article texts; the list index is the article id."""
    return [text for _category, text in standard_articles(path)]


def mention_kind(doc: Doc, span: Span) -> str | None:
    """ "pronoun", "role" or "organisation" for a name-less source mention; None for a name or a
    phrase no holder is named by ("eigenen Angaben", a lone "Die")."""
    idx = doc.token_range(span.start, span.end)
    m = mentions.classify(doc.tokens, idx.start, idx.stop) if idx else None
    if m is None or m.kind == "name":
        return None
    if m.kind == "pronoun":
        return "pronoun"
    words = [doc.tokens[i].text for i in idx]
    if any(is_name_word(a) and is_name_word(b) for a, b in itertools.pairwise(words)):
        return None  # a personal name the classifier read past: "Alexander Warzilek, Geschäftsführer …"
    if m.kind == "role":
        return "role"
    # "28-Jährige" counts as capitalised: the age noun of news ("der 28-Jährige") is a person.
    heads = [i for i, w in enumerate(words) if is_capitalised(w.lstrip("0123456789-")) and w.lower() not in DETERMINERS]
    if not heads or any(is_name_word(w) for w in words[heads[0] + 1 :]):
        return None  # no noun, or a named one: "die Nachrichtenagentur Xinhua", "der Konservative Cameron"
    head = words[heads[0]].lower()
    if _PERSON_HEAD.search(head):
        return "role"
    return "organisation" if _ORGANISATION_HEAD.search(head) else None


@dataclass(frozen=True, slots=True)
class Pending:
    """A drawn mention waiting for its label."""

    article: int
    start: int
    end: int
    text: str
    kind: str
    context: str


def candidates(article: int, doc: Doc) -> list[Pending]:
    """The document's distinct source mentions that :func:`mention_kind` accepts."""
    seen: set[tuple[int, int]] = set()
    out: list[Pending] = []
    for q in doc.quotes:
        s = q.source
        if s is None or (s.start, s.end) in seen:
            continue
        seen.add((s.start, s.end))
        kind = mention_kind(doc, s)
        if kind is None:
            continue
        context = f"{doc.text[: s.start]}⟦{doc.text[s.start : s.end]}⟧{doc.text[s.end : s.end + CONTEXT_AFTER]}"
        out.append(Pending(article, s.start, s.end, doc.span_text(s), kind, context))
    return sorted(out, key=lambda p: p.start)


def draw(texts: Sequence[str], n: int, seed: int) -> tuple[list[Pending], Counter[str]]:
    """A fixed-seed sample of ``n`` candidate mentions over all articles, and the pool's kinds."""
    pipeline = make_pipeline()
    pool = [p for i, text in enumerate(texts) for p in candidates(i, pipeline.process(text))]
    sample = random.Random(seed).sample(pool, min(n, len(pool)))
    return sorted(sample, key=lambda p: (p.article, p.start)), Counter(p.kind for p in pool)


@dataclass(frozen=True, slots=True)
class Gold:
    """One labelled mention (the module docstring says what the fields mean)."""

    article: int
    start: int
    end: int
    text: str
    kind: str
    holder: str | None
    type: str | None = None
    why: str | None = None
    org: str | None = None
    aliases: tuple[str, ...] = ()
    note: str = ""
    is_source: bool = True  # False: the span names someone who does not speak here ("sei gefragt worden")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: kind {self.kind!r} not in {KINDS}")
        if self.holder is not None and self.type not in TYPES:
            raise ValueError(f"{self.key}: a holder needs a type in {sorted(TYPES)}")
        if self.holder is None and self.why not in WHY:
            raise ValueError(f"{self.key}: no holder needs a why in {sorted(WHY)}")

    @property
    def key(self) -> str:
        return f"{self.article}:{self.start}-{self.end}"

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Gold:
        return cls(**{**obj, "aliases": tuple(obj.get("aliases", ()))})


def load_gold(path: Path = GOLD) -> list[Gold]:
    with path.open(encoding="utf-8") as f:
        return [Gold.from_json(json.loads(line)) for line in f if line.strip()]


def find_quote(quotes: Iterable[Quote], start: int, end: int) -> Quote | None:
    """The quote whose source is ``[start, end)``, else the one whose source overlaps it most."""
    want = Span(start, end)
    best: Quote | None = None
    best_key = (0, 0)
    for q in quotes:
        s = q.source
        if s is None or not s.overlaps(want):
            continue
        key = (int(s == want), min(s.end, end) - max(s.start, start))
        if key > best_key:
            best, best_key = q, key
    return best


def refers_to(gold: Gold, name: str) -> bool:
    """Whether a system entity called ``name`` is the gold holder.

    Persons: :func:`zitat_server.claims.speakers.match`, the store's own test (same surname, first
    names compatible when both are given), or the name is the tail of the holder's or an
    alias's ("Rabmer-Koller" for "Ulrike Rabmer-Koller", whose hyphen ``normalise`` turns into
    a first name). Others: the normalised name is the holder's or an alias's, or contains it
    ("Polizei Wien" for "Polizei", not "Wien" for "Polizei Wien").
    """
    names = [n for n in (gold.holder, *gold.aliases) if n]
    key = normalise(name)
    if not key or not names:
        return False
    if gold.type == "PERSON":
        keys = [normalise(n) for n in names]
        if any(k == key or k.endswith(" " + key) for k in keys):
            return True
        cand = SpeakerCandidate(0, names[0], frozenset(keys), frozenset())
        return match([cand], PersonName.from_key(key), set()) == 0
    words = set(key.split())
    return any(set(normalise(n).split()) <= words for n in names)


@dataclass(frozen=True, slots=True)
class Verdict:
    gold: Gold
    outcome: str  # one of OUTCOMES
    system: str | None = None  # the resolved entity's name
    source: str | None = None  # the system's source span text


OUTCOMES = ("right", "wrong-person", "unresolved", "should-be-none", "not-found")


def judge(gold: Gold, doc: Doc) -> Verdict:
    q = find_quote(doc.quotes, gold.start, gold.end)
    if q is None:
        return Verdict(gold, "not-found")
    source = doc.span_text(q.source) if q.source else None
    entity = doc.entities.get(q.entity) if q.entity else None
    name = _shown(doc, entity) if entity is not None else None
    if gold.holder is None:
        outcome = "right" if entity is None or names_no_holder(gold, doc, entity) else "should-be-none"
    elif entity is None:
        outcome = "unresolved"
    else:
        outcome = "right" if entity.name and refers_to(gold, entity.name) else "wrong-person"
    return Verdict(gold, outcome, name, source)


def names_no_holder(gold: Gold, doc: Doc, entity: Entity) -> bool:
    """Whether an entity says what a holder-less gold label says: a ``group`` label is met by a
    GROUP entity, an ``anonymous`` or ``not-in-text`` one by an anonymous person (whose
    affiliation, if both give one, must be the gold organisation). These entity kinds carry no
    name, so they claim no holder; ``not-a-mention`` is met only by no entity."""
    if gold.why == "group":
        return entity.type is SpeakerType.GROUP
    if gold.why in ("anonymous", "not-in-text") and entity.type is SpeakerType.PERSON and entity.anonymous:
        org = doc.entities.get(entity.affiliation) if entity.affiliation else None
        if gold.org and org is not None:
            return refers_to(
                Gold(gold.article, gold.start, gold.end, gold.text, "organisation", gold.org, "ORGANIZATION"), org.name
            )
        return True
    return False


def _shown(doc: Doc, entity: Entity) -> str:
    """The entity as the error list shows it: its name, else its kind and roles."""
    if entity.name:
        return entity.name
    org = doc.entities.get(entity.affiliation) if entity.affiliation else None
    what = "anonymous " + "/".join(entity.roles) if entity.anonymous else entity.type.value
    return what + (f" of {org.name}" if org is not None else "")


def _share(right: int, total: int) -> float:
    return round(100 * right / total, 1) if total else 0.0


def summarise(verdicts: Sequence[Verdict]) -> dict[str, Any]:
    """Counts and shares overall and by mention kind; errors by cause."""

    def block(vs: Sequence[Verdict]) -> dict[str, Any]:
        found = [v for v in vs if v.outcome != "not-found"]
        right = sum(v.outcome == "right" for v in vs)
        return {
            "labelled": len(vs),
            "found": len(found),
            "right": right,
            "right_of_found_pct": _share(right, len(found)),
            "right_of_labelled_pct": _share(right, len(vs)),
        }

    out = block(verdicts)
    out["by_kind"] = {k: block([v for v in verdicts if v.gold.kind == k]) for k in KINDS}
    out["with_holder"] = block([v for v in verdicts if v.gold.holder is not None])
    out["without_holder"] = block([v for v in verdicts if v.gold.holder is None])
    out["errors"] = dict(Counter(v.outcome for v in verdicts if v.outcome != "right").most_common())
    return out


def report(gold: Sequence[Gold], texts: Sequence[str]) -> list[Verdict]:
    pipeline = make_pipeline()
    docs = {a: pipeline.process(texts[a]) for a in sorted({g.article for g in gold})}
    for g in gold:
        if texts[g.article][g.start : g.end] != g.text:
            raise SystemExit(f"{g.key}: span text {texts[g.article][g.start : g.end]!r} is not {g.text!r}")
    return [judge(g, docs[g.article]) for g in gold]


def format_summary(s: dict[str, Any]) -> str:
    lines = [
        f"labelled {s['labelled']}, found by the system {s['found']}, right {s['right']}",
        f"right among found: {s['right_of_found_pct']} %   (not-found counted wrong: {s['right_of_labelled_pct']} %)",
        "",
        f"{'':16}{'labelled':>9}{'found':>7}{'right':>7}{'% found':>9}{'% all':>8}",
    ]
    rows = [
        *((k, s["by_kind"][k]) for k in KINDS),
        ("with holder", s["with_holder"]),
        ("without holder", s["without_holder"]),
    ]
    for name, b in rows:
        lines.append(
            f"{name:16}{b['labelled']:>9}{b['found']:>7}{b['right']:>7}"
            f"{b['right_of_found_pct']:>9}{b['right_of_labelled_pct']:>8}"
        )
    lines += ["", "errors: " + ", ".join(f"{k} {n}" for k, n in s["errors"].items())]
    return "\n".join(lines)


def format_error(v: Verdict) -> str:
    g = v.gold
    want = g.holder or f"none ({g.why}{', ' + g.org if g.org else ''})"
    return f"{v.outcome:15} {g.key:16} {g.kind:12} {g.text!r:32} gold {want!r:40} system {v.system!r}"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="sample source mentions for labelling")
    d.add_argument("--n", type=int, default=190)
    d.add_argument("--seed", type=int, default=9)
    d.add_argument("--out", type=Path, default=PENDING)
    r = sub.add_parser("report", help="score the pipeline on the labelled set")
    r.add_argument("--set", type=Path, default=GOLD)
    r.add_argument("--errors", action="store_true", help="list every mention the system got wrong")
    r.add_argument("--json", type=Path, help="write the summary and every verdict here")
    args = ap.parse_args(argv)
    texts = load_articles()
    if args.cmd == "draw":
        sample, pool = draw(texts, args.n, args.seed)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as f:
            for p in sample:
                f.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
        print(f"pool {sum(pool.values())} mentions {dict(pool)}; drew {len(sample)} (seed {args.seed}) -> {args.out}")
        return
    verdicts = report(load_gold(args.set), texts)
    summary = summarise(verdicts)
    print(format_summary(summary))
    if args.errors:
        print()
        for v in sorted(verdicts, key=lambda v: (v.outcome, v.gold.kind, v.gold.article)):
            if v.outcome != "right":
                print(format_error(v))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        verdict_rows = [
            {**asdict(v.gold), "outcome": v.outcome, "system": v.system, "source": v.source} for v in verdicts
        ]
        args.json.write_text(
            json.dumps({"summary": summary, "verdicts": verdict_rows}, ensure_ascii=False, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
