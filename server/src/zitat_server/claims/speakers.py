"""Speakers across documents: one person or organisation behind many mentions and spellings.

The extraction resolves mentions within one article and :mod:`holders` reads what each names;
this module decides which stored speaker that holder is. A speaker has a type (person,
organisation, medium, group); records of different types never merge. Organisations, media and
groups merge by name (any of their names: "Weltgesundheitsorganisation" and "WHO") and
qualifier (the place of a local institution: "Polizei" in Kassel and in Bremen are two). So a
group record ("Augenzeugen", "Behörden (afghanisch)", "Experten (Kassel)") gathers every article's
group of that name and qualifier: it stands for a kind of speaker, not for the same people in
each article. For a person the evidence, strongest first, is:

1. a manual decision (merge or split) pinned to the alias;
2. the full name: similar surnames (a similarity ratio on transliterated surnames, so that
   "Umjerow" and "Umerow" match) with compatible first names;
3. the surname plus a shared role or title ("Bundeskanzler Scholz" → Olaf Scholz);
4. the surname alone, when exactly one stored speaker has it;
5. for a role-only mention ("der Verteidigungsminister"), the remembered holder of that office
   closest before the article's date (or just after it, within a year).

Candidates are found through a phonetic key of the surname (Kölner Phonetik), so the fuzzy
comparison only runs against speakers that sound alike, not against the whole store.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from difflib import SequenceMatcher

from zitat_server.claims.holders import Holder
from zitat_server.claims.store.base import SpeakerCandidate, Store, Transaction, from_db_time
from zitat_server.document import SpeakerType
from zitat_server.language.holders import GENERIC_OFFICES
from zitat_server.language.names import NAME_PARTICLES
from zitat_server.language.roles import TITLES, is_office, is_role

#: Surnames at least this similar (difflib ratio on the normalised forms) may be one person.
SURNAME_RATIO = 0.88  # Umjerow/Umerow 0.92 in; Müller/Möller 0.86 out
#: First names at least this similar, with the same first and last letter, are spellings of one
#: ("Sigmar"/"Siegmar" 0.92, "Steffen"/"Steffan" 0.86); "Christian"/"Christina" differ at the end.
FIRST_NAME_RATIO = 0.8
#: How far from an article's date a remembered office holder may be used for a role-only mention.
ROLE_MEMORY = timedelta(days=365)

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_LETTER = re.compile(r"[^a-z-]+")
_LOOSE_HYPHEN = re.compile(r"(?<![a-z])-|-(?![a-z])")


def normalise(name: str) -> str:
    """Casefolded, umlauts transliterated, other accents dropped, non-letters to single spaces;
    a hyphen inside a word stays, so "Rabmer-Koller" is one surname."""
    text = name.casefold().translate(_TRANSLIT)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = _NON_LETTER.sub(" ", text)
    return " ".join(_LOOSE_HYPHEN.sub(" ", text).split())


# Kölner Phonetik: letter -> code, with the context rules for c, d, t, p, x below.
_CODES = {**dict.fromkeys("aeijouy", "0"), "h": "", "b": "1", **dict.fromkeys("fvw", "3"),
          **dict.fromkeys("gkq", "4"), "l": "5", **dict.fromkeys("mn", "6"), "r": "7", **dict.fromkeys("sz", "8")}


def phonetic(word: str) -> str:
    """The Kölner Phonetik code of a (normalised) word: German spellings that sound alike agree."""
    w = normalise(word).replace(" ", "").replace("-", "")
    codes: list[str] = []
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if ch in "dt":
            code = "8" if nxt in ("c", "s", "z") else "2"
        elif ch == "p":
            code = "3" if nxt == "h" else "1"
        elif ch == "x":
            code = "8" if prev in ("c", "k", "q") else "48"
        elif ch == "c":
            if i == 0:
                code = "4" if nxt in "ahkloqrux" and nxt else "8"
            else:
                code = "8" if prev in ("s", "z") or nxt not in "ahkoqux" or not nxt else "4"
        else:
            code = _CODES.get(ch, "")
        codes.append(code)
    out: list[str] = []
    for code in "".join(codes):
        if not out or out[-1] != code:
            out.append(code)
    first, rest = out[:1], [c for c in out[1:] if c != "0"]
    return "".join(first + rest)


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name split into normalised first names and surname ("von der Leyen" kept whole)."""

    display: str
    first: tuple[str, ...]
    surname: str

    @property
    def key(self) -> str:
        return " ".join((*self.first, self.surname))

    @classmethod
    def from_key(cls, key: str, display: str = "") -> PersonName:
        tokens = key.split()
        cut = len(tokens) - 1
        while cut > 0 and tokens[cut - 1] in NAME_PARTICLES:
            cut -= 1
        return cls(display or key, tuple(tokens[:cut]), " ".join(tokens[cut:]))


def role_key(role: str) -> str:
    """The head noun of a role phrase, lower-cased ("ukrainische Verteidigungsminister" →
    "verteidigungsminister"); "" when the phrase has no role noun."""
    heads = [w for w in role.split() if is_role(w)]
    return heads[-1].casefold() if heads else ""


@dataclass(slots=True)
class Observation:
    """What one document says about one holder: its type, names, roles and qualifier."""

    name: PersonName | None
    aliases: list[PersonName] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # role key -> role as written
    type: SpeakerType = SpeakerType.PERSON
    qualifier: str = ""


def person_key(name: str) -> PersonName | None:
    key = normalise(name)
    return PersonName.from_key(key, name) if key else None


def observe(holder: Holder | None, roles: Sequence[str] = ()) -> Observation:
    """The observation of a holder read from an article (its names: ``name`` and ``aliases``), with
    further ``roles`` the article gave it ("Verteidigungsminister"). A role-only observation
    (``holder`` None, ``roles`` given) can still be resolved through office memory."""
    role_map: dict[str, str] = {}
    titles = {t.casefold() for t in TITLES}
    for text in [*roles, *(holder.roles if holder else ())]:
        for word in text.split():
            key = role_key(word)
            if key and key not in titles:
                role_map.setdefault(key, word)
    if holder is None:
        return Observation(None, [], role_map)
    if holder.type is not SpeakerType.PERSON:
        # The whole name is the key ("auswaertiges amt"); its phonetic code stands in for a surname.
        aliases = [PersonName(n, (), normalise(n)) for n in dict.fromkeys((holder.name, *holder.aliases))]
        aliases = [a for a in aliases if a.surname]
        return Observation(aliases[0] if aliases else None, aliases, {}, holder.type, holder.qualifier)
    parsed = {p.key: p for p in (person_key(n) for n in (holder.name, *holder.aliases)) if p is not None}
    full = max(parsed.values(), key=lambda n: (len(n.first), len(n.key)), default=None)
    return Observation(full, list(parsed.values()), role_map)


def _surname_ratio(a: str, b: str) -> float:
    return 1.0 if a == b else SequenceMatcher(None, a, b).ratio()


def _first_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The first given names agree: equal, an initial ("R." and "Rustem"), a hyphenated double
    name and its first part ("Franz-Josef" and "Franz Josef"), or a spelling variant."""
    x, y = a[0].split("-")[0], b[0].split("-")[0]
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    return (
        len(x) > 3 and len(y) > 3 and x[0] == y[0] and x[-1] == y[-1]
        and SequenceMatcher(None, x, y).ratio() >= FIRST_NAME_RATIO
    )


def family(speaker_type: str) -> str:
    """Types that may be one record: an organisation and a medium (the same agency read once as
    one, once as the other), persons, groups."""
    return "organization" if speaker_type in ("organization", "media") else speaker_type


def match_named(candidates: list[SpeakerCandidate], obs: Observation) -> int | None:
    """The stored organisation, medium or group that ``obs`` names: one with a shared name of the
    same family and the same qualifier; the one whose display name is the observed name first."""
    keys = {a.key for a in obs.aliases}
    fits = [c for c in candidates
            if family(c.type) == family(obs.type.value) and c.qualifier == obs.qualifier and keys & c.aliases]
    if not fits:
        return None
    own = obs.name.key if obs.name else ""
    return min(fits, key=lambda c: (normalise(c.name) != own, c.id)).id


def match(candidates: list[SpeakerCandidate], name: PersonName, roles: set[str]) -> int | None:
    """The candidate speaker that ``name`` (with ``roles``) refers to, or None (module docstring)."""
    strong: list[tuple[float, int]] = []
    with_role: list[tuple[float, int]] = []
    weak: list[int] = []
    for cand in candidates:
        if cand.type != SpeakerType.PERSON.value:
            continue
        best_full, conflict, best_sur = 0.0, False, 0.0
        for key in cand.aliases:
            alias = PersonName.from_key(key)
            ratio = _surname_ratio(name.surname, alias.surname)
            if ratio < SURNAME_RATIO:
                continue
            if name.first and alias.first:
                if _first_compatible(name.first, alias.first):
                    best_full = max(best_full, ratio)
                else:
                    conflict = True
            else:
                best_sur = max(best_sur, ratio)
        if best_full:
            strong.append((best_full, cand.id))
        elif conflict:
            continue
        elif best_sur and roles & cand.roles:
            with_role.append((best_sur, cand.id))
        elif best_sur == 1.0:
            weak.append(cand.id)
    for group in (strong, with_role):
        if group:
            return max(group, key=lambda t: (t[0], -t[1]))[1]
    return weak[0] if len(weak) == 1 else None


def nearest_holder(holders: list[tuple[int, str]], seen_at: str) -> int | None:
    """The office holder for an article dated ``seen_at``: the latest sighting up to that date,
    else the earliest after it, within :data:`ROLE_MEMORY`; for an undated article the latest."""
    if not holders:
        return None
    when = from_db_time(seen_at)
    if when is None:
        return max(holders, key=lambda h: (h[1], h[0]))[0]
    before, after = [], []
    for sid, text in holders:
        at = from_db_time(text)
        if at is None:
            continue
        if at <= when and when - at <= ROLE_MEMORY:
            before.append((at, sid))
        elif at > when and at - when <= ROLE_MEMORY:
            after.append((at, sid))
    if before:
        return max(before)[1]
    return min(after)[1] if after else None


class SpeakerResolver:
    """Finds or creates the stored speaker of each holder, inside the ingest transaction."""

    def resolve(self, tx: Transaction, document_id: str, seen_at: str, obs: Observation) -> int | None:
        for alias in obs.aliases:
            pinned = tx.pinned_speaker(alias.key, document_id)
            if pinned is not None:
                return pinned
        if obs.name is None:
            return self.office_holder(tx, seen_at, obs)
        if obs.type is not SpeakerType.PERSON:
            candidates = {c.id: c for a in obs.aliases for c in tx.speakers_by_alias(a.key)}
            found = match_named(list(candidates.values()), obs)
            return found if found is not None else tx.create_speaker(obs.name.display, obs.type.value, obs.qualifier)
        candidates = tx.speakers_by_surname(phonetic(obs.name.surname))
        found = match(candidates, obs.name, set(obs.roles))
        if found is not None:
            return found
        return tx.create_speaker(obs.name.display)

    def office_holder(self, tx: Transaction, seen_at: str, obs: Observation) -> int | None:
        """For a role-only mention, the remembered holder of one of its offices at ``seen_at``."""
        # A bare "der Präsident" or "der Minister" is any of many: only a specific office
        # ("Verteidigungsminister") names one holder at a time.
        for key in (k for k in obs.roles if is_office(k) and k not in GENERIC_OFFICES):
            holder = nearest_holder(tx.role_holders(key), seen_at)
            if holder is not None:
                return holder
        return None

    def record(self, tx: Transaction, speaker_id: int, document_id: str, seen_at: str, obs: Observation) -> None:
        """Remember the aliases and roles of this sighting; upgrade a person's display name to the
        fullest one; give earlier unresolved role-only claims of the same office to this speaker."""
        for alias in obs.aliases:
            tx.add_alias(speaker_id, document_id, alias.display, alias.key, phonetic(alias.surname))
        for key, role in obs.roles.items():
            tx.add_role(speaker_id, document_id, role, key, seen_at)
            if is_office(key):
                self._backfill(tx, speaker_id, key)
        if obs.type is not SpeakerType.PERSON:
            return
        current = tx.get_speaker_name(speaker_id)
        if obs.name is not None and current is not None:
            shown = PersonName.from_key(normalise(current))
            # Only a fuller form of the same name ("Scholz" → "Olaf Scholz"); a name given by hand
            # ("Beide") or a different spelling stays.
            fuller = not shown.first and obs.name.first and shown.surname == obs.name.surname
            if fuller:
                tx.rename_speaker(speaker_id, obs.name.display)

    def _backfill(self, tx: Transaction, speaker_id: int, key: str) -> None:
        pending = tx.unresolved_role_claims(key)
        if not pending:
            return
        holders = tx.role_holders(key)
        ids = [cid for cid, at in pending if nearest_holder(holders, at) == speaker_id]
        tx.set_claim_speaker(ids, speaker_id)


def merge(tx: Transaction, target: int, sources: list[int], name: str = "") -> None:
    """Merge ``sources`` into ``target`` (manual); the decision is pinned to their aliases."""
    if tx.get_speaker_name(target) is None:
        raise KeyError(target)
    for source in sources:
        if source == target or tx.get_speaker_name(source) is None:
            raise KeyError(source)
    tx.merge_speakers(target, sources)
    if name:
        tx.rename_speaker(target, name)


def split(
    tx: Transaction, speaker_id: int, aliases: list[str], document_ids: list[str], name: str = ""
) -> tuple[int, int]:
    """Move the documents where ``speaker_id`` appears as one of ``aliases`` (and the given
    documents) to a new speaker; pinned, so later ingests keep them apart. Returns the new
    speaker's id and the number of claims moved."""
    if tx.get_speaker_name(speaker_id) is None:
        raise KeyError(speaker_id)
    keys = [normalise(a) for a in aliases if normalise(a)]
    speaker_type, qualifier = tx.get_speaker_kind(speaker_id) or ("person", "")
    new_id = tx.create_speaker(name or (aliases[0] if aliases else ""), speaker_type, qualifier)
    moved = tx.move_observations(speaker_id, new_id, keys, document_ids)
    if not name and not aliases:
        tx.rename_speaker(new_id, tx.get_speaker_name(speaker_id) or "")
    return new_id, moved


def lookup(store: Store, name: str) -> list[int]:
    """Speakers a user means by ``name``: exact alias first, else the one the resolver would pick,
    else all with a similar surname."""
    key = normalise(name)
    if not key:
        return []
    exact = store.find_speakers(key)
    if exact:
        return exact
    person = PersonName.from_key(key)
    candidates = store.surname_candidates(phonetic(person.surname))
    found = match(candidates, person, set())
    if found is not None:
        return [found]
    # A search may be lenient where merging may not: every speaker with a similar surname.
    return [c.id for c in candidates
            if any(_surname_ratio(PersonName.from_key(a).surname, person.surname) >= SURNAME_RATIO for a in c.aliases)]
