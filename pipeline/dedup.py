"""Exact and near-duplicate detection against everything seen so far (this run and the warehouse).

Two articles are linked when they have the same content hash, or when MinHash LSH makes them candidates and
their real texts agree (Jaccard of word shingles, or containment for truncated copies). A cluster is a
connected component of those links and its canonical member the earliest published, then the longest, then
the smaller content hash: all functions of the set of articles, so no order of arrival, batch or run split
changes a verdict. Each batch recomputes only the clusters it touches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from pipeline.ids import article_id_for, doc_id_for
from pipeline.metadata import to_utc
from pipeline.models import ProcessedDoc, ResolvedDoc
from pipeline.signatures import shingles

_NO_DATE = "9999"


@dataclass(frozen=True)
class Verdict:
    """An article already loaded whose verdict changed: its canonical (None: it is one) and similarity to it."""

    article_id: str
    duplicate_of: str | None
    similarity: float | None


@dataclass
class Changed:
    """An article already loaded whose text changed (learned chrome stripped it again)."""

    article_id: str
    text: str
    content_hash: str
    minhash: list[int]
    word_count: int


def _utc(published: str | None) -> str:
    """One comparable form for dates from metadata ('2025-03-14', '…T09:00:00+02:00') and from the warehouse."""
    dt = to_utc(published)
    return dt.strftime("%Y-%m-%dT%H:%M:%S") if dt else _NO_DATE


class DedupIndex:
    """Exact-hash map, MinHash LSH (banding) and the current clusters of every article."""

    def __init__(self, num_perm: int = 120, bands: int = 40, threshold: float = 0.5,
                 containment: float = 0.9, shingle_size: int = 5) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self.threshold = threshold
        self.containment = containment
        self.shingle_size = shingle_size
        # candidates estimated this far below the threshold are still verified on the texts
        self.margin = 0.15
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._hash: dict[str, str] = {}
        # LSH buckets: band key -> positions. The index holds one batch's neighbourhood (the warehouse keeps
        # every article's band keys in lsh_bands), so a dict is enough
        self._table: dict[int, list[int]] = defaultdict(list)
        self._ids: list[str] = []  # position -> article id; a position is live while _pos points at it
        self._pos: dict[str, int] = {}
        self._sigs = np.zeros((1024, num_perm), dtype=np.uint32)  # row = position; grown by doubling
        self._canonical: dict[str, str] = {}
        self._members: dict[str, set[str]] = defaultdict(set)
        self._rank: dict[str, tuple] = {}
        self._sim: dict[str, float | None] = {}
        rng = np.random.default_rng(20240601)
        self._mix = rng.integers(1, 2**63, size=(self.rows,), dtype=np.uint64) | np.uint64(1)
        self._salt = rng.integers(1, 2**63, size=(bands,), dtype=np.uint64)

    def __len__(self) -> int:
        return len(self._canonical)

    @property
    def layout(self) -> str:
        """What the band keys depend on: stored beside them, so a different layout rebuilds them."""
        return f"minhash{self.num_perm}-bands{self.bands}-v1"

    def band_keys(self, sig: np.ndarray) -> np.ndarray:
        """One uint64 per band: its rows mixed with odd multipliers, salted by the band's number (a collision
        only adds a candidate, which is then verified)."""
        rows = sig.astype(np.uint64).reshape(self.bands, self.rows)
        with np.errstate(over="ignore"):
            return (rows * self._mix).sum(axis=1, dtype=np.uint64) ^ self._salt

    def canonical(self, article_id: str) -> str:
        return self._canonical.get(article_id, article_id)

    def cluster(self, article_id: str) -> set[str]:
        return set(self._members.get(self.canonical(article_id), ())) | {article_id}

    def candidates(self, sig: np.ndarray | None, content_hash: str | None = None) -> list[tuple[str, float]]:
        """Articles sharing an LSH band (or the content hash), with their estimated Jaccard, best first."""
        out: dict[str, float] = {a: 1.0 for a in self._exact.get(content_hash or "", ())}
        if sig is not None and len(sig) == self.num_perm:
            found = sorted({p for k in self.band_keys(sig).tolist() for p in self._table.get(k, ())
                            if self._pos.get(self._ids[p]) == p})
            if found:
                est = (self._sigs[found] == sig).mean(axis=1)
                for pos, e in zip(found, est.tolist(), strict=True):
                    if e >= self.threshold - self.margin:
                        out.setdefault(self._ids[pos], float(e))
        return sorted(out.items(), key=lambda c: (-c[1], c[0]))

    def signature(self, article_id: str) -> np.ndarray | None:
        pos = self._pos.get(article_id)
        return None if pos is None else self._sigs[pos]

    def put(self, article_id: str, content_hash: str, sig: np.ndarray | None, published: str | None = None,
            words: int = 0, duplicate_of: str | None = None, similarity: float | None = None) -> None:
        """Add an article (or give a known one its new text's fingerprints), in the cluster of `duplicate_of`."""
        date = self._rank[article_id][0] if article_id in self._rank else _utc(published)
        old_hash = self._hash.get(article_id)
        if old_hash is not None:
            self._exact[old_hash].discard(article_id)
            if not self._exact[old_hash]:
                del self._exact[old_hash]
        self._hash[article_id] = content_hash
        self._exact[content_hash].add(article_id)
        # smaller is more canonical: earliest published (undated last), longest, smaller content hash, then id
        self._rank[article_id] = (date, -words, content_hash, article_id)
        if article_id not in self._canonical:
            canonical = self.canonical(duplicate_of) if duplicate_of else article_id
            self._canonical[article_id] = canonical
            self._members[canonical].add(article_id)
            self._sim[article_id] = similarity if canonical != article_id else None
        self._pos.pop(article_id, None)
        if sig is not None and len(sig) == self.num_perm:
            pos = len(self._ids)
            if pos == len(self._sigs):
                self._sigs = np.concatenate([self._sigs, np.zeros_like(self._sigs)])
            self._sigs[pos] = sig
            self._ids.append(article_id)
            self._pos[article_id] = pos
            for k in self.band_keys(sig).tolist():
                self._table[k].append(pos)

    def remove(self, article_id: str) -> None:
        """Forget an article (it stopped being one); its cluster is recomputed by the caller."""
        h = self._hash.pop(article_id, None)
        if h is not None:
            self._exact[h].discard(article_id)
            if not self._exact[h]:
                del self._exact[h]
        self._pos.pop(article_id, None)
        self._rank.pop(article_id, None)
        self._sim.pop(article_id, None)
        canonical = self._canonical.pop(article_id, None)
        if canonical is not None:
            self._members[canonical].discard(article_id)
            if not self._members[canonical]:
                del self._members[canonical]

    def rank_of(self, article_id: str) -> tuple:
        return self._rank[article_id]

    def verdict(self, article_id: str) -> tuple[str | None, float | None]:
        c = self.canonical(article_id)
        return (None, None) if c == article_id else (c, self._sim.get(article_id))

    def set_cluster(self, canonical: str, members: dict[str, float | None]) -> None:
        """Record a recomputed cluster: `members` maps each article (the canonical too) to its similarity."""
        for m, sim in members.items():
            old = self._canonical.get(m)
            if old is not None and old != canonical:
                self._members[old].discard(m)
                if not self._members[old]:
                    del self._members[old]
            self._canonical[m] = canonical
            self._members[canonical].add(m)
            self._sim[m] = None if m == canonical else sim


@dataclass(frozen=True)
class Stored:
    """A loaded article as the index holds it."""

    article_id: str
    content_hash: str
    minhash: np.ndarray
    published: str | None
    words: int
    duplicate_of: str | None
    similarity: float | None


class DedupStore(Protocol):
    """Where the loaded articles' fingerprints and clusters live (the warehouse, inside the batch's transaction)."""

    def dedup_candidates(self, band_keys: np.ndarray, hashes: list[str]) -> set[str]:
        """Loaded articles with any of these LSH band keys or content hashes."""

    def dedup_clusters(self, article_ids: set[str]) -> set[str]:
        """Every member of the clusters these articles belong to (themselves included)."""

    def dedup_rows(self, article_ids: set[str]) -> list[Stored]:
        """These articles' fingerprints, ranks and verdicts."""


def neighbourhood(store: DedupStore, index: DedupIndex, new: Iterable[tuple[str, np.ndarray | None]],
                  changed: list[Changed] = (), removed: list[str] = ()) -> int:
    """Fill an empty index with the loaded articles a batch can reach, so the index need not hold the warehouse.

    `new` are the batch's (content hash, signature). resolve_batch reads the clusters of changed and removed
    articles, the candidates of new, changed and those clusters' members, and the clusters of the candidates:
    exactly what is loaded here (candidates are a superset: the index verifies them again). Returns how many.
    """
    seeds = {c.article_id for c in changed} | set(removed)
    rows = {r.article_id: r for r in store.dedup_rows(store.dedup_clusters(seeds))} if seeds else {}
    probes = [(h, s) for h, s in new]
    probes += [(c.content_hash, np.asarray(c.minhash, dtype=np.uint32)) for c in changed]
    probes += [(r.content_hash, r.minhash) for r in rows.values() if r.article_id not in seeds]
    keys = [index.band_keys(s) for _, s in probes if s is not None and len(s) == index.num_perm]
    if not probes:
        return 0
    found = store.dedup_candidates(np.unique(np.concatenate(keys)) if keys else np.zeros(0, np.uint64),
                                   sorted({h for h, _ in probes}))
    more = store.dedup_clusters(found - rows.keys()) - rows.keys() if found - rows.keys() else set()
    rows.update({r.article_id: r for r in store.dedup_rows(more)})
    # canonical members first, so every duplicate finds its cluster already in the index
    for r in sorted(rows.values(), key=lambda r: (r.duplicate_of is not None, r.article_id)):
        index.put(r.article_id, r.content_hash, r.minhash, r.published, r.words, r.duplicate_of, r.similarity)
    return len(rows)


def _similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


class _Texts:
    """Shingle sets of the articles a batch compares: its own texts first, the warehouse's on demand."""

    def __init__(self, own: dict[str, str], fetch: Callable[[list[str]], dict[str, str]] | None, k: int) -> None:
        self.texts = dict(own)
        self.fetch = fetch
        self.k = k
        self.cache: dict[str, set[str] | None] = {}

    def prefetch(self, ids: set[str]) -> None:
        wanted = sorted(i for i in ids if i not in self.texts)
        if wanted and self.fetch is not None:
            self.texts.update(self.fetch(wanted))

    def shingles(self, aid: str) -> set[str] | None:
        if aid not in self.cache:
            if aid not in self.texts:
                self.prefetch({aid})
            text = self.texts.get(aid)
            self.cache[aid] = None if text is None else shingles(text, self.k)
        return self.cache[aid]


def resolve_batch(
    docs: list[ProcessedDoc],
    index: DedupIndex,
    known_doc_ids: set[str],
    fetch_texts: Callable[[list[str]], dict[str, str]] | None = None,
    changed: list[Changed] = (),
    removed: list[str] = (),
) -> tuple[list[ResolvedDoc], list[Verdict]]:
    """Give each new document its id and verdict, and re-decide the clusters the batch touches.

    Documents whose id is already in the warehouse are left out: re-ingesting changes nothing. `changed` are
    loaded articles with a new text, `removed` loaded articles that stopped being articles. Returns the new
    documents (in input order) and the loaded articles whose verdict changed. fetch_texts returns the texts of
    loaded articles, for verifying candidates.
    """
    todo: list[tuple[ProcessedDoc, str]] = []
    seen: set[str] = set()
    for d in docs:
        doc_id = doc_id_for(d.source_path, d.sha256, d.record_index)
        if doc_id in known_doc_ids or doc_id in seen:
            continue
        seen.add(doc_id)
        todo.append((d, doc_id))
    new = {article_id_for(i): d for d, i in todo if d.status == "article" and d.content_hash is not None}
    dirty: set[str] = set()  # old clusters whose inner links may have changed
    for aid in [*removed, *(c.article_id for c in changed)]:
        dirty |= index.cluster(aid)
    for aid in removed:
        index.remove(aid)
    dirty -= set(removed)
    own = {aid: d.text for aid, d in new.items()}
    for c in changed:
        own[c.article_id] = c.text
        index.put(c.article_id, c.content_hash, np.asarray(c.minhash, dtype=np.uint32), words=c.word_count)
    for aid, d in new.items():
        sig = np.asarray(d.minhash, dtype=np.uint32) if d.minhash is not None else None
        index.put(aid, d.content_hash, sig, d.metadata.published_at, d.word_count)
    touched = sorted(set(new) | {c.article_id for c in changed})
    texts = _Texts(own, fetch_texts, index.shingle_size)
    cands = {a: [c for c, _ in index.candidates(index.signature(a), index._hash[a]) if c != a]
             for a in sorted(set(touched) | dirty)}
    touched_set = set(touched)

    def clean(c: str) -> bool:  # in a cluster nothing in this batch changed: still connected
        return c not in dirty and c not in touched_set

    # one round trip for the texts likely needed: every changed or new candidate, the best one of each clean
    # cluster (one link to a connected cluster is enough)
    wanted: set[str] = set()
    for a in sorted(touched_set | dirty):
        firsts: set[str] = set()
        for c in cands[a]:
            if not clean(c):
                wanted.add(c)
            elif index.canonical(c) not in firsts:
                firsts.add(index.canonical(c))
                wanted.add(c)
    texts.prefetch(wanted)

    def estimate(a: str, b: str) -> float:
        sa, sb = index.signature(a), index.signature(b)
        return 0.0 if sa is None or sb is None else float((sa == sb).mean())

    def linked(a: str, b: str) -> bool:
        if index._hash[a] == index._hash[b]:
            return True
        mine, theirs = texts.shingles(a), texts.shingles(b)
        if mine is None or theirs is None:  # text unavailable: the signatures' estimate
            return estimate(a, b) >= index.threshold
        jac, cont = _similarity(mine, theirs)
        return jac >= index.threshold or (cont >= index.containment and min(len(mine), len(theirs)) >= 20)

    # the region to recompute: touched articles, dirty clusters, and the clusters touched articles link to
    region: set[str] = set(touched) | dirty
    links: dict[str, list[str]] = {}
    for a in touched:
        joined: set[str] = set()  # clean clusters a already links to
        links[a] = []
        for c in cands[a]:
            if clean(c) and index.canonical(c) in joined:
                continue
            if linked(a, c):
                links[a].append(c)
                if clean(c):
                    joined.add(index.canonical(c))
                    region |= index.cluster(c)
    before = {a: index.verdict(a) for a in region if a not in new}
    parent = {a: a for a in region}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    # a clean cluster (no member changed) is still connected: its members join without checking
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for a in sorted(region):
        if clean(a):
            by_cluster[index.canonical(a)].append(a)
    for members in by_cluster.values():
        for m in members[1:]:
            union(members[0], m)
    for a in touched:
        for c in links[a]:
            union(a, c)
    for a in sorted(dirty - touched_set):  # unchanged members of changed clusters: links among the changed
        for c in cands[a]:
            if not clean(c) and find(a) != find(c) and linked(a, c):
                union(a, c)
    components: dict[str, list[str]] = defaultdict(list)
    for a in sorted(region):
        components[find(a)].append(a)

    def similarity(a: str, canonical: str) -> float:
        if index._hash[a] == index._hash[canonical]:
            return 1.0
        mine, theirs = texts.shingles(a), texts.shingles(canonical)
        if mine is None or theirs is None:
            return round(estimate(a, canonical), 4)
        jac, cont = _similarity(mine, theirs)
        ok = jac >= index.threshold or (cont >= index.containment and min(len(mine), len(theirs)) >= 20)
        return round(max(jac, cont) if ok else jac, 4)

    verdicts: dict[str, tuple[str | None, float | None]] = {}
    for members in components.values():
        canonical = min(members, key=index.rank_of)
        keep_old = index.canonical(canonical) == canonical and canonical not in touched
        sims: dict[str, float | None] = {}
        for m in members:
            if m == canonical:
                sims[m] = None
            elif keep_old and m not in touched and index.canonical(m) == canonical and m not in dirty:
                sims[m] = index.verdict(m)[1]  # same text, same canonical: same similarity
            else:
                sims[m] = similarity(m, canonical)
        index.set_cluster(canonical, sims)
        for m in members:
            verdicts[m] = (None, None) if m == canonical else (canonical, sims[m])
    out: list[ResolvedDoc] = []
    for d, doc_id in todo:
        aid = article_id_for(doc_id)
        if aid not in new:
            out.append(ResolvedDoc(d, doc_id, None, "rejected"))
            continue
        dup, sim = verdicts[aid]
        out.append(ResolvedDoc(d, doc_id, aid, "loaded" if dup is None else "duplicate", dup, sim))
    return out, [Verdict(a, *verdicts[a]) for a in sorted(before) if verdicts[a] != before[a]]
