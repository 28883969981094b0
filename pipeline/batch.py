"""The batch stages that need the warehouse's view of the whole set: learned site chrome, then dedup.

Plain functions over one batch; `flows/ingest.py` only calls `settle_batch` inside the batch's load
transaction. What they decide depends on the set of documents in the warehouse, not on their order: a line
that becomes chrome is stripped from the site's articles already loaded as well, and the clusters those
articles belong to are decided again.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from pipeline.chrome import LineSighting, LoadedArticle, restrip, sightings, strip
from pipeline.dedup import Changed, DedupIndex, DedupStore, Verdict, neighbourhood, resolve_batch
from pipeline.ids import doc_id_for
from pipeline.models import ProcessedDoc, ResolvedDoc
from pipeline.settings import Settings


class SiteView(DedupStore, Protocol):
    """What the batch stages read from (and count into) the warehouse, inside the batch's transaction."""

    def add_sightings(self, rows: list[LineSighting]) -> dict[tuple[str, str], tuple[int, int]]:
        """Record the batch's line sightings; (site, line) -> (count before, count after) for its lines."""

    def loaded_with_lines(self, lines: list[tuple[str, str]], exclude: set[str]) -> list[LoadedArticle]:
        """Loaded articles (not in `exclude` doc ids) of these sites holding these lines."""

    def fetch_texts(self, article_ids: list[str]) -> dict[str, str]:
        """Texts of loaded articles."""


@dataclass
class Recleaned:
    """A loaded article stripped again: its new paragraphs, removals and fingerprints (status 'rejected' when
    nothing of it is left)."""

    article: LoadedArticle
    doc: ProcessedDoc


@dataclass
class BatchPlan:
    resolved: list[ResolvedDoc]
    sightings: list[LineSighting] = field(default_factory=list)
    recleaned: list[Recleaned] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)
    chrome_lines: int = 0  # (site, line) pairs that became chrome with this batch
    bands: dict[str, list[int]] = field(default_factory=dict)  # LSH band keys of new and rewritten articles


def settle_batch(docs: list[ProcessedDoc], known_doc_ids: set[str], view: SiteView,
                 settings: Settings, timer: Callable[[str, float], None] | None = None,
                 recheck: list[tuple[str, str]] = ()) -> BatchPlan:
    """Learned chrome on the batch and on the loaded articles it concerns, then dedup; returns what to write.

    recheck: (site, line) pairs to strip from loaded articles even though this batch did not bring them to the
    threshold (a warehouse loaded before chrome was settled this way, or a lower `min_docs`).
    """
    t0 = time.perf_counter()
    fresh: dict[str, ProcessedDoc] = {}
    for d in docs:
        doc_id = doc_id_for(d.source_path, d.sha256, d.record_index)
        if doc_id not in known_doc_ids:
            fresh.setdefault(doc_id, d)
    rows = [s for doc_id, d in fresh.items() for s in sightings(d, doc_id)]
    recleaned: list[Recleaned] = []
    crossed: list[tuple[str, str]] = []
    if settings.chrome_min_docs and rows:
        counts = view.add_sightings(rows)
        after = {k: a for k, (_, a) in counts.items()}
        for d in fresh.values():
            strip(d, after, settings.chrome_min_docs, settings.shingle_size, settings.num_perm)
        crossed = sorted(k for k, (b, a) in counts.items() if b < settings.chrome_min_docs <= a)
    if recheck:
        crossed = sorted(set(crossed) | set(recheck))
    if settings.chrome_min_docs and crossed:
        by_site: dict[str, set[str]] = defaultdict(set)
        for site, key in crossed:
            by_site[site].add(key)
        for art in view.loaded_with_lines(crossed, set(fresh)):
            doc = restrip(art, by_site[art.site_key], settings.chrome_max_words, settings.shingle_size,
                          settings.num_perm)
            if doc is not None:
                recleaned.append(Recleaned(art, doc))
    if timer:
        timer("site_chrome", time.perf_counter() - t0)
    t1 = time.perf_counter()
    changed = [Changed(r.article.article_id, r.doc.text, r.doc.content_hash, r.doc.minhash, r.doc.word_count)
               for r in recleaned if r.doc.status == "article"]
    removed = [r.article.article_id for r in recleaned if r.doc.status != "article"]
    index = DedupIndex(settings.num_perm, settings.bands, settings.dedup_threshold, settings.dedup_containment,
                       settings.shingle_size)
    new = [(d.content_hash, _sig(d.minhash)) for d in fresh.values()
           if d.status == "article" and d.content_hash is not None]
    neighbourhood(view, index, new, changed, removed)
    resolved, verdicts = resolve_batch(docs, index, known_doc_ids, view.fetch_texts, changed, removed)
    bands = {r.article_id: index.band_keys(_sig(r.doc.minhash)).tolist() for r in resolved
             if r.article_id is not None and r.doc.minhash is not None}
    bands.update({c.article_id: index.band_keys(_sig(c.minhash)).tolist() for c in changed})
    if timer:
        timer("dedup", time.perf_counter() - t1)
    return BatchPlan(resolved, rows, recleaned, verdicts, len(crossed), bands)


def _sig(minhash: list[int] | None) -> np.ndarray | None:
    return None if minhash is None else np.asarray(minhash, dtype=np.uint32)
