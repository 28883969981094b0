"""Exact and near-duplicate detection against everything seen so far (this run and the warehouse)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from pipeline.ids import article_id_for, doc_id_for
from pipeline.models import ProcessedDoc, ResolvedDoc
from pipeline.signatures import estimated_jaccard


@dataclass(frozen=True)
class Match:
    canonical_id: str
    similarity: float
    kind: str  # exact | near


class DedupIndex:
    """Exact-hash map plus MinHash LSH (banding). Duplicates point at their cluster's canonical article."""

    def __init__(self, num_perm: int = 120, bands: int = 40, threshold: float = 0.5) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self.threshold = threshold
        self._exact: dict[str, str] = {}
        self._buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
        self._sigs: dict[str, np.ndarray] = {}
        self._canonical: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._canonical)

    def _band_keys(self, sig: np.ndarray) -> list[tuple[int, bytes]]:
        return [(i, sig[i * self.rows: (i + 1) * self.rows].tobytes()) for i in range(self.bands)]

    def canonical(self, article_id: str) -> str:
        return self._canonical.get(article_id, article_id)

    def find(self, content_hash: str, sig: np.ndarray | None) -> Match | None:
        """The best existing match at or above the threshold, or None."""
        if content_hash in self._exact:
            return Match(self.canonical(self._exact[content_hash]), 1.0, "exact")
        if sig is None or len(sig) != self.num_perm:
            return None
        best: tuple[float, str] | None = None
        seen: set[str] = set()
        for key in self._band_keys(sig):
            for cand in self._buckets.get(key, ()):
                if cand in seen:
                    continue
                seen.add(cand)
                sim = estimated_jaccard(sig, self._sigs[cand])
                if sim >= self.threshold and (best is None or sim > best[0] or sim == best[0] and cand < best[1]):
                    best = (sim, cand)
        if best is None:
            return None
        return Match(self.canonical(best[1]), round(best[0], 4), "near")

    def add(self, article_id: str, content_hash: str, sig: np.ndarray | None, duplicate_of: str | None) -> None:
        self._canonical[article_id] = self.canonical(duplicate_of) if duplicate_of else article_id
        self._exact.setdefault(content_hash, article_id)
        if sig is not None and len(sig) == self.num_perm:
            self._sigs[article_id] = sig
            for key in self._band_keys(sig):
                self._buckets[key].append(article_id)


def resolve_batch(docs: list[ProcessedDoc], index: DedupIndex, known_doc_ids: set[str]) -> list[ResolvedDoc]:
    """Give each new document its id and verdict, in input order, updating the index as it goes.

    Documents whose id is already in the warehouse are left out: re-ingesting changes nothing.
    """
    out: list[ResolvedDoc] = []
    seen: set[str] = set()
    for d in docs:
        doc_id = doc_id_for(d.source_path, d.sha256, d.record_index)
        if doc_id in known_doc_ids or doc_id in seen:
            continue
        seen.add(doc_id)
        if d.status != "article" or d.content_hash is None:
            out.append(ResolvedDoc(d, doc_id, None, "rejected"))
            continue
        article_id = article_id_for(doc_id)
        sig = np.asarray(d.minhash, dtype=np.uint32) if d.minhash is not None else None
        match = index.find(d.content_hash, sig)
        if match is None:
            out.append(ResolvedDoc(d, doc_id, article_id, "loaded"))
            index.add(article_id, d.content_hash, sig, None)
        else:
            out.append(ResolvedDoc(d, doc_id, article_id, "duplicate", match.canonical_id, match.similarity))
            index.add(article_id, d.content_hash, sig, match.canonical_id)
    return out
