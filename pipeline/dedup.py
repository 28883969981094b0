"""Exact and near-duplicate detection against everything seen so far (this run and the warehouse).

Candidates come from MinHash LSH; each candidate is verified on the real texts (exact Jaccard of word
shingles, or containment for truncated copies). A cluster's canonical member is the earliest published,
then the longest, then the smaller content hash (never the first to arrive); when a newcomer beats the current
canonical, the cluster is re-pointed to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from pipeline.ids import article_id_for, doc_id_for
from pipeline.metadata import to_utc
from pipeline.models import ProcessedDoc, ResolvedDoc
from pipeline.signatures import shingles

_NO_DATE = "9999"


@dataclass(frozen=True)
class Match:
    canonical_id: str
    similarity: float
    kind: str  # exact | near
    member_id: str = ""


@dataclass(frozen=True)
class Repoint:
    """The cluster of `old` now has `new` as canonical; `old` becomes a duplicate with `similarity`."""

    old: str
    new: str
    similarity: float


def _utc(published: str | None) -> str:
    """One comparable form for dates from metadata ('2025-03-14', '…T09:00:00+02:00') and from the warehouse."""
    dt = to_utc(published)
    return dt.strftime("%Y-%m-%dT%H:%M:%S") if dt else _NO_DATE


def rank(published: str | None, words: int, content_hash: str = "", article_id: str = "") -> tuple:
    """Smaller is more canonical: earliest published (undated last), then longest, then the smaller content hash
    (then article id, for identical texts): a tie never depends on which copy arrived first, nor on file paths."""
    return (_utc(published), -words, content_hash, article_id)


class _BandTable:
    """LSH buckets as a few sorted numpy arrays plus a small dict of the latest additions.

    A dict of lists per band cost ~11 KB per article (40 Python keys and lists): 1.1 GB at 100,000 articles.
    Here each (band, bucket) key is one uint64 and each entry 12 bytes. Additions collect in a dict; full, it
    becomes a sorted level, and levels of similar size are merged (as in an LSM tree), so adding stays
    amortised O(log n) and a lookup is one binary search per level.
    """

    def __init__(self, flush_at: int = 20_000) -> None:
        self.levels: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, their positions), largest first
        self.recent: dict[int, list[int]] = defaultdict(list)
        self.n_recent = 0
        self.flush_at = flush_at

    def add(self, keys: np.ndarray, doc: int) -> None:
        for k in keys.tolist():
            self.recent[k].append(doc)
        self.n_recent += len(keys)
        if self.n_recent >= self.flush_at:
            self._flush()

    def _flush(self) -> None:
        keys = np.fromiter((k for k, v in self.recent.items() for _ in v), dtype=np.uint64, count=self.n_recent)
        docs = np.fromiter((d for v in self.recent.values() for d in v), dtype=np.int32, count=self.n_recent)
        order = np.argsort(keys, kind="stable")
        self.levels.append((keys[order], docs[order]))
        self.recent = defaultdict(list)
        self.n_recent = 0
        while len(self.levels) > 1 and len(self.levels[-2][0]) <= 2 * len(self.levels[-1][0]):
            (k2, d2), (k1, d1) = self.levels.pop(), self.levels.pop()
            keys, docs = np.concatenate([k1, k2]), np.concatenate([d1, d2])
            order = np.argsort(keys, kind="stable")  # two sorted runs: timsort merges them in linear time
            self.levels.append((keys[order], docs[order]))

    def lookup(self, keys: np.ndarray) -> list[int]:
        out: list[int] = []
        for level_keys, level_docs in self.levels:
            lo = np.searchsorted(level_keys, keys, side="left")
            hi = np.searchsorted(level_keys, keys, side="right")
            for i in np.flatnonzero(hi > lo).tolist():
                out.extend(level_docs[lo[i]: hi[i]].tolist())
        for k in keys.tolist():
            found = self.recent.get(k)
            if found:
                out.extend(found)
        return out


class DedupIndex:
    """Exact-hash map plus MinHash LSH (banding); every article knows its cluster's canonical member."""

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
        self._exact: dict[str, str] = {}
        self._table = _BandTable()
        self._ids: list[str] = []  # position -> article id, for articles with a signature
        self._sigs = np.zeros((1024, num_perm), dtype=np.uint32)  # row = position; grown by doubling
        self._canonical: dict[str, str] = {}
        self._members: dict[str, list[str]] = defaultdict(list)
        self._rank: dict[str, tuple] = {}
        rng = np.random.default_rng(20240601)
        self._mix = rng.integers(1, 2**63, size=(self.rows,), dtype=np.uint64) | np.uint64(1)
        self._salt = rng.integers(1, 2**63, size=(bands,), dtype=np.uint64)

    def __len__(self) -> int:
        return len(self._canonical)

    def _band_keys(self, sig: np.ndarray) -> np.ndarray:
        """One uint64 per band: its rows mixed with odd multipliers, salted by the band's number (a collision
        only adds a candidate, which is then verified)."""
        rows = sig.astype(np.uint64).reshape(self.bands, self.rows)
        with np.errstate(over="ignore"):
            return (rows * self._mix).sum(axis=1, dtype=np.uint64) ^ self._salt

    def canonical(self, article_id: str) -> str:
        return self._canonical.get(article_id, article_id)

    def exact(self, content_hash: str) -> str | None:
        return self._exact.get(content_hash)

    def candidates(self, sig: np.ndarray | None) -> list[tuple[str, float]]:
        """Articles sharing an LSH band, with their estimated Jaccard, best first."""
        if sig is None or len(sig) != self.num_perm:
            return []
        found = sorted(set(self._table.lookup(self._band_keys(sig))))
        if not found:
            return []
        est = (self._sigs[found] == sig).mean(axis=1)
        out = [(self._ids[pos], float(e)) for pos, e in zip(found, est.tolist(), strict=True)
               if e >= self.threshold - self.margin]
        out.sort(key=lambda c: (-c[1], c[0]))
        return out

    def add(self, article_id: str, content_hash: str, sig: np.ndarray | None, duplicate_of: str | None,
            published: str | None = None, words: int = 0) -> None:
        canonical = self.canonical(duplicate_of) if duplicate_of else article_id
        self._canonical[article_id] = canonical
        self._members[canonical].append(article_id)
        self._rank[article_id] = rank(published, words, content_hash, article_id)
        self._exact.setdefault(content_hash, article_id)
        if sig is not None and len(sig) == self.num_perm:
            pos = len(self._ids)
            if pos == len(self._sigs):
                self._sigs = np.concatenate([self._sigs, np.zeros_like(self._sigs)])
            self._sigs[pos] = sig
            self._ids.append(article_id)
            self._table.add(self._band_keys(sig), pos)

    def better_than_canonical(self, published: str | None, words: int, canonical: str, content_hash: str = "",
                              article_id: str = "") -> bool:
        return rank(published, words, content_hash, article_id) < self._rank.get(canonical,
                                                                                 (_NO_DATE, 0, "\uffff", ""))

    def repoint(self, old: str, new: str) -> None:
        """Make `new` (already added as a member) the canonical of `old`'s cluster."""
        members = self._members.pop(old, [])
        for m in members:
            self._canonical[m] = new
        self._members[new].extend(m for m in members if m != new)
        self._canonical[new] = new
        if new not in self._members[new]:
            self._members[new].insert(0, new)


def _similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def resolve_batch(
    docs: list[ProcessedDoc],
    index: DedupIndex,
    known_doc_ids: set[str],
    fetch_texts: Callable[[list[str]], dict[str, str]] | None = None,
) -> tuple[list[ResolvedDoc], list[Repoint]]:
    """Give each new document its id and verdict, in input order, updating the index as it goes.

    Documents whose id is already in the warehouse are left out: re-ingesting changes nothing.
    fetch_texts returns the texts of articles loaded earlier (for verifying candidates).
    """
    out: list[ResolvedDoc] = []
    by_article: dict[str, ResolvedDoc] = {}
    repoints: list[Repoint] = []
    seen: set[str] = set()
    texts: dict[str, str] = {}
    todo = []
    for d in docs:
        doc_id = doc_id_for(d.source_path, d.sha256, d.record_index)
        if doc_id in known_doc_ids or doc_id in seen:
            continue
        seen.add(doc_id)
        todo.append((d, doc_id))
        if d.status == "article":
            texts[article_id_for(doc_id)] = d.text
    # one round trip for the texts of earlier articles that may be near-duplicates of this batch
    if fetch_texts is not None:
        wanted = {c for d, _ in todo if d.status == "article" and d.minhash is not None
                  for c, _ in index.candidates(np.asarray(d.minhash, dtype=np.uint32)) if c not in texts}
        if wanted:
            texts.update(fetch_texts(sorted(wanted)))
    shingle_cache: dict[str, set[str]] = {}

    def shingles_of(aid: str) -> set[str] | None:
        if aid not in shingle_cache:
            text = texts.get(aid)
            if text is None and fetch_texts is not None:
                text = fetch_texts([aid]).get(aid)
                if text is not None:
                    texts[aid] = text
            if text is None:
                return None
            shingle_cache[aid] = shingles(text, index.shingle_size)
        return shingle_cache[aid]

    for d, doc_id in todo:
        if d.status != "article" or d.content_hash is None:
            out.append(ResolvedDoc(d, doc_id, None, "rejected"))
            continue
        article_id = article_id_for(doc_id)
        sig = np.asarray(d.minhash, dtype=np.uint32) if d.minhash is not None else None
        match: Match | None = None
        same = index.exact(d.content_hash)
        if same is not None:
            match = Match(index.canonical(same), 1.0, "exact", same)
        else:
            mine = shingles_of(article_id)
            for cand, est in index.candidates(sig):
                theirs = shingles_of(cand)
                if theirs is None or mine is None:
                    sim = est  # text unavailable: fall back on the estimate
                    ok = est >= index.threshold
                else:
                    jac, cont = _similarity(mine, theirs)
                    ok = jac >= index.threshold or (cont >= index.containment and min(len(mine), len(theirs)) >= 20)
                    sim = max(jac, cont) if ok else jac
                if ok:
                    match = Match(index.canonical(cand), round(sim, 4), "near", cand)
                    break
        published = d.metadata.published_at
        if match is None:
            r = ResolvedDoc(d, doc_id, article_id, "loaded")
            index.add(article_id, d.content_hash, sig, None, published, d.word_count)
        else:
            old = match.canonical_id
            better = index.better_than_canonical(published, d.word_count, old, d.content_hash, article_id)
            index.add(article_id, d.content_hash, sig, old, published, d.word_count)
            if better:
                index.repoint(old, article_id)
                repoints.append(Repoint(old, article_id, match.similarity))
                r = ResolvedDoc(d, doc_id, article_id, "loaded")
                for other in by_article.values():  # members loaded earlier in this batch follow the new canonical
                    if other.article_id == old:
                        other.status, other.duplicate_of, other.similarity = "duplicate", article_id, match.similarity
                    elif other.duplicate_of == old:
                        other.duplicate_of = article_id
            else:
                r = ResolvedDoc(d, doc_id, article_id, "duplicate", old, match.similarity)
        out.append(r)
        by_article[article_id] = r
    return out, repoints
