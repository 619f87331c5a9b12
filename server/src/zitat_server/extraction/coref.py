"""Resolution of source mentions to persons within one document.

Names merge by surname; a role noun resolves to the person introduced with that role
("Verteidigungsminister Rustem Umjerow" … "der ukrainische Verteidigungsminister"); a pronoun
to the nearest earlier person of compatible gender ("wir", "man" and a plural "sie" to nobody).
The canonical name is the fullest seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zitat_server.document import Doc, Entity, Quote, Span
from zitat_server.extraction import mentions
from zitat_server.extraction.component import ComponentInfo
from zitat_server.extraction.mentions import Mention
from zitat_server.language.function_words import GROUP_PRONOUNS
from zitat_server.language.names import is_capitalised, is_name_word
from zitat_server.language.roles import is_role


@dataclass(slots=True)
class _Person:
    entity: Entity
    surname: str
    feminine: bool | None = None
    positions: list[int] = field(default_factory=list)  # char offsets of mentions
    speaks: bool = False  # source of a verb cue ("sagt Butterfill"): surely a person

    @property
    def evident(self) -> bool:
        """A person for sure: "laut Belgrad" alone introduces a place, not a speaker."""
        return self.speaks or bool(self.entity.roles) or len(self.entity.name.split()) > 1


_ACCORDING_TO = frozenset({"laut", "zufolge", "nach", "gemäß"})


def _role_key(role: str) -> str:
    low = role.lower()
    for suffix in ("innen", "in", "en", "s", "n"):
        if low.endswith(suffix) and len(low) - len(suffix) > 4 and not low.endswith("ein"):
            return low[: -len(suffix)]
    return low


class Resolver:
    """Component: assigns ``Quote.entity`` and fills ``Doc.entities``."""

    info = ComponentInfo("coref", "coref-0.1", "rules", "Names, role nouns and pronouns to persons")

    def __call__(self, doc: Doc) -> None:
        people: list[_Person] = []
        by_surname: dict[str, _Person] = {}
        by_role: dict[str, list[_Person]] = {}

        def person_for(m: Mention, at: int, span: Span) -> _Person:
            surname = m.name[-1]
            p = by_surname.get(surname)
            if p is None:
                p = _Person(Entity(id=f"e{len(people) + 1}"), surname)
                people.append(p)
                by_surname[surname] = p
            full = " ".join(m.name)
            if len(full.split()) > len(p.entity.name.split()):
                p.entity.name = full
            for r in m.roles:
                if r not in p.entity.roles:
                    p.entity.roles.append(r)
                by_role.setdefault(_role_key(r), [])
                if p not in by_role[_role_key(r)]:
                    by_role[_role_key(r)].append(p)
            if m.feminine is not None and p.feminine is None:
                p.feminine = m.feminine
            p.positions.append(at)
            if span not in p.entity.mentions:
                p.entity.mentions.append(span)
            return p

        # Pass 1: every "Role Name" apposition and every named source registers a person.
        appositions = list(_appositions(doc))
        for m in appositions:
            person_for(m, doc.tokens[m.first].start, _span(doc, m))
        sources = sorted((q for q in doc.quotes if q.source is not None), key=lambda q: q.source.start)
        source_mentions: dict[int, Mention] = {}
        for q in sources:
            m = _mention_at(doc, q.source)
            if m is not None:
                source_mentions[id(q)] = m
                if m.kind == "name":
                    p = person_for(m, q.source.start, q.source)
                    p.speaks = p.speaks or any(doc.span_text(c).lower() not in _ACCORDING_TO for c in q.cue)
        # Pass 2: role nouns and pronouns resolve against what was registered.
        for q in sources:
            m = source_mentions.get(id(q))
            if m is None:
                continue
            at = q.source.start
            p: _Person | None = None
            if m.kind == "name":
                p = by_surname.get(m.name[-1])
            elif m.kind == "role":
                cands = [c for r in m.roles for c in by_role.get(_role_key(r), [])]
                p = _nearest(cands, at)
            elif m.kind == "pronoun":
                if _group_pronoun(doc, q):
                    continue
                # Only evident persons: a role or a full name ("laut Belgrad" introduces no person).
                cands = [c for c in people if c.evident and (m.feminine is None or c.feminine in (None, m.feminine))]
                p = _nearest(cands, at, before_only=True)
            if p is None:
                continue
            if q.source not in p.entity.mentions:
                p.entity.mentions.append(q.source)
                p.positions.append(at)
            q.entity = p.entity.id
        used = {q.entity for q in doc.quotes if q.entity}
        doc.entities = {p.entity.id: p.entity for p in people if p.entity.id in used}
        for e in doc.entities.values():
            e.mentions.sort(key=lambda s: s.start)


def _group_pronoun(doc: Doc, q: Quote) -> bool:
    """ "wir", generic "man", and "sie" with a plural verb ("erklärten sie") name no single person."""
    low = doc.span_text(q.source).lower()
    if low in GROUP_PRONOUNS:
        return True
    return low == "sie" and any(doc.span_text(c).lower().endswith("en") for c in q.cue)


def _nearest(cands: list[_Person], at: int, *, before_only: bool = False) -> _Person | None:
    best, best_pos = None, -1
    for c in cands:
        earlier = [p for p in c.positions if p < at]
        if earlier and max(earlier) > best_pos:
            best, best_pos = c, max(earlier)
    if best is None and not before_only and cands:
        best = cands[0]
    return best


def _span(doc: Doc, m: Mention) -> Span:
    return Span(doc.tokens[m.first].start, doc.tokens[m.last - 1].end)


def _mention_at(doc: Doc, span: Span) -> Mention | None:
    idx = doc.token_range(span.start, span.end)
    if not idx:
        return None
    return mentions.classify(doc.tokens, idx.start, idx.stop)


def _appositions(doc: Doc):
    """Role nouns followed by a name: "Verteidigungsminister Rustem Umjerow"."""
    toks = doc.tokens
    n = len(toks)
    for i, t in enumerate(toks):
        if not (is_capitalised(t.text) and is_role(t.text)):
            continue
        j = i + 1
        while j < n and is_name_word(toks[j].text):
            j += 1
        if j - i >= 2:
            m = mentions.classify(toks, i, j)
            if m is not None and m.kind == "name":
                yield m
