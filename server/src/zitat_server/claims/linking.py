"""Linking claims that render the same statement: reprints across outlets and paraphrases.

Near-duplicates (the same quote reprinted, trimmed or lightly edited) are found with word
3-gram shingles, a MinHash signature (numpy) and LSH banding, so a new claim is compared only
with the stored claims that share a band, not with all of them; the candidates are then
verified by the exact Jaccard similarity of the shingle sets, or their containment for trimmed
quotes. Direct and indirect renderings of one statement share few shingles ("Ich habe …
geführt" / "er habe … geführt"), so the speaker's other claims of the other form are compared
by the overlap of their content words instead.

Linked claims form a cluster: the connected component of the link graph, named by its
smallest claim id. Links are stored, so deleting a claim re-splits its cluster correctly.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np

from zitat_server.claims.store.base import Claim, ClaimLink, Transaction
from zitat_server.document import Form

NEAR_DUPLICATE = "near_duplicate"
DIRECT_INDIRECT = "direct_indirect"

SHINGLE_WORDS = 3
NUM_PERM = 64
BANDS = 32  # 2 rows a band: a pair with Jaccard 0.3 becomes a candidate with p ≈ 0.95
JACCARD = 0.5
CONTAINMENT = 0.8  # share of the shorter claim's shingles found in the longer one
MIN_SHINGLES = 2  # shorter messages ("Ja.") would link everything that says the same word
CONTENT_OVERLAP = 0.6
MIN_SHARED_CONTENT = 4

_PRIME = np.uint64((1 << 31) - 1)
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset(
    """aber alle allem allen aller alles als also am an ans auch auf aus bei beim bin bis bist da dabei damit
    dann das dass dem den denen der deren des dessen die dies diese diesem diesen dieser dieses doch dort du
    durch ein eine einem einen einer eines er es etwa euch euer für gegen gewesen hab habe haben hat hatte
    hatten hier hin ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in ins ist ja jede jedem jeden jeder
    jedes jetzt kann kein keine können könne man mehr mein meine mich mir mit muss müsse nach nicht nichts noch
    nun nur ob oder ohne sehr sei seien sein seine seinem seinen seiner sich sie sind so soll solle sollen
    sondern über um und uns unser unsere unter vom von vor war waren warum was weil wenn wer werde werden wie
    wieder wir wird wo wurde wurden zu zum zur zwar zwischen""".split()
)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _hash32(data: str) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode(), digest_size=4).digest(), "little")


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """Hashed word k-grams of the text (one shingle of all words when it is shorter than k)."""
    w = words(text)
    if not w:
        return set()
    return {_hash32(" ".join(w[i : i + k])) for i in range(max(1, len(w) - k + 1))}


def content_words(text: str) -> set[str]:
    """Content-word stems (six-letter prefixes), so "Treffen"/"Treffens" and "gemeinsam"/
    "gemeinsamen" agree across inflection."""
    return {w[:6] for w in words(text) if w not in _STOPWORDS and len(w) > 2 and not w.isdigit()}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def containment(a: set[int], b: set[int]) -> float:
    small = min(len(a), len(b))
    return len(a & b) / small if small else 0.0


class MinHasher:
    """MinHash signatures with ``(a·x + b) mod p`` permutations, and their LSH band keys."""

    def __init__(self, num_perm: int = NUM_PERM, bands: int = BANDS, seed: int = 1) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        rng = np.random.default_rng(seed)
        self.a = rng.integers(1, int(_PRIME), num_perm, dtype=np.uint64)
        self.b = rng.integers(0, int(_PRIME), num_perm, dtype=np.uint64)
        self.bands = bands
        self.rows = num_perm // bands

    def signature(self, shingle_set: Iterable[int]) -> np.ndarray:
        x = np.fromiter(shingle_set, dtype=np.uint64) % _PRIME
        if not len(x):
            return np.full(len(self.a), int(_PRIME), dtype=np.uint64)
        return ((self.a[:, None] * x[None, :] + self.b[:, None]) % _PRIME).min(axis=1)

    def band_keys(self, signature: np.ndarray) -> list[int]:
        """One signed 64-bit key per band (band index included, so bands never collide)."""
        keys = []
        for i in range(self.bands):
            chunk = signature[i * self.rows : (i + 1) * self.rows].tobytes() + i.to_bytes(2, "little")
            keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
        return keys


def near_duplicate_score(a: set[int], b: set[int]) -> float:
    """Jaccard when it passes, else containment when that passes, else 0."""
    j = jaccard(a, b)
    if j >= JACCARD:
        return j
    c = containment(a, b)
    return c if c >= CONTAINMENT and min(len(a), len(b)) >= MIN_SHINGLES else 0.0


def paraphrase_score(a: str, b: str) -> float:
    """Content-word overlap of two renderings, or 0 when too few words are shared."""
    x, y = content_words(a), content_words(b)
    shared = len(x & y)
    if shared < MIN_SHARED_CONTENT:
        return 0.0
    score = shared / min(len(x), len(y))
    return score if score >= CONTENT_OVERLAP else 0.0


def components(ids: Iterable[int], links: Iterable[ClaimLink]) -> list[list[int]]:
    """Connected components of the link graph (union-find), each sorted."""
    parent = {i: i for i in ids}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in links:
        if link.a in parent and link.b in parent:
            ra, rb = find(link.a), find(link.b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    return [sorted(g) for g in groups.values()]


class ClaimLinker:
    """Links a newly stored claim to earlier ones and merges their clusters (in the ingest txn)."""

    def __init__(self, hasher: MinHasher | None = None) -> None:
        self.hasher = hasher or MinHasher()

    def link(self, tx: Transaction, claim: Claim) -> list[ClaimLink]:
        links: dict[int, ClaimLink] = {}
        clusters = {claim.cluster_id}
        own = shingles(claim.text)
        if len(own) >= MIN_SHINGLES:
            keys = self.hasher.band_keys(self.hasher.signature(own))
            for cand in tx.band_candidates(keys, claim.id):
                score = near_duplicate_score(own, shingles(cand.text))
                if score:
                    links[cand.id] = ClaimLink(claim.id, cand.id, NEAR_DUPLICATE, round(score, 4))
                    clusters.add(cand.cluster_id)
            tx.add_bands(claim.id, keys)
        if claim.speaker_id is not None:
            direct = claim.form == Form.DIRECT.value
            for cand in tx.speaker_candidates(claim.speaker_id, claim.id):
                if cand.id in links or (cand.form == Form.DIRECT.value) == direct:
                    continue
                score = paraphrase_score(claim.text, cand.text)
                if score:
                    links[cand.id] = ClaimLink(claim.id, cand.id, DIRECT_INDIRECT, round(score, 4))
                    clusters.add(cand.cluster_id)
        for link in links.values():
            tx.add_link(link)
        if len(clusters) > 1:
            members, _ = tx.cluster_graph(sorted(clusters))
            tx.set_cluster(members, min(clusters))
            claim.cluster_id = min(clusters)
        return list(links.values())

    @staticmethod
    def recluster(tx: Transaction, cluster_ids: Iterable[int]) -> None:
        """Recompute clusters that lost members: what is left may fall apart."""
        ids, links = tx.cluster_graph(sorted(set(cluster_ids)))
        for component in components(ids, links):
            tx.set_cluster(component, component[0])
