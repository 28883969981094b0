"""Learned site chrome (CCNet's idea, per site): a short line that many different articles of the same site
share is chrome even when no rule names it.

A line is chrome of a site when at least `min_docs` distinct article contents of that site hold it, counted
over every article in the warehouse: a function of the set of documents, never of their order. Counts only
grow, so a line that becomes chrome is stripped from the batch's articles and from the site's articles
loaded earlier (`restrip`), which gives exactly what one run over all the documents would give.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from pipeline.language import UNDETERMINED
from pipeline.models import Paragraph, ProcessedDoc, Removal
from pipeline.signatures import content_hash, minhash

_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w]+")

RULE_ID = "repeated-line"
CHROME_ONLY_CODE = "not_article.chrome_only"
CHROME_ONLY_REASON = "not an article: every line is chrome repeated across this site's pages"


def line_key(text: str) -> str:
    """Case, digits, punctuation and whitespace do not matter: '© 2024 X.' and '© 2025 X' are one line."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = _NON_WORD.sub(" ", _DIGITS.sub("0", t)).strip()
    return hashlib.blake2b(t.encode("utf-8"), digest_size=8).hexdigest()


def chrome_keys(texts: list[str], max_words: int) -> list[str | None]:
    """A key for each paragraph short enough to be chrome, None for the others."""
    return [line_key(t) if len(t.split()) <= max_words else None for t in texts]


@dataclass(frozen=True)
class LineSighting:
    """An article content holding a short line of its site: what the counts are made of."""

    doc_id: str
    site_key: str
    line_key: str
    content_hash: str  # of the article before learned chrome: copies of one text count once


def sightings(doc: ProcessedDoc, doc_id: str) -> list[LineSighting]:
    """The lines a fresh article contributes to its site's counts (none for rejected records)."""
    if doc.status != "article" or not doc.site_key or not doc.chrome_keys or not doc.content_hash:
        return []
    return [LineSighting(doc_id, doc.site_key, k, doc.content_hash) for k in sorted({k for k in doc.chrome_keys if k})]


def _finish(doc: ProcessedDoc, shingle_size: int, num_perm: int) -> None:
    for pos, p in enumerate(doc.paragraphs):
        p.position = pos
    doc.text = "\n\n".join(p.text for p in doc.paragraphs)
    doc.word_count = len(doc.text.split())
    if not doc.paragraphs:
        doc.status, doc.reason, doc.reason_code = "rejected", CHROME_ONLY_REASON, CHROME_ONLY_CODE
        doc.language = UNDETERMINED
        return
    doc.content_hash = content_hash(doc.text)
    doc.minhash = [int(x) for x in minhash(doc.text, shingle_size, num_perm)]


def strip(doc: ProcessedDoc, counts: dict[tuple[str, str], int], min_docs: int, shingle_size: int,
          num_perm: int) -> bool:
    """Remove a fresh article's paragraphs that are chrome of its site; recompute its text and fingerprints."""
    if doc.status != "article" or not doc.site_key or not doc.chrome_keys:
        return False
    keep, dropped = [], []
    kept_before = []  # for each old paragraph position (and one past the end): kept paragraphs before it
    for p, key in zip(doc.paragraphs, doc.chrome_keys, strict=True):
        kept_before.append(len(keep))
        n = counts.get((doc.site_key, key), 0) if key else 0
        if n >= min_docs:
            dropped.append(Removal(RULE_ID, "repeated", p.text, n, at=len(keep), line_key=key))
        else:
            keep.append((p, key))
    kept_before.append(len(keep))
    if not dropped:
        return False
    for r in doc.removals:  # earlier removals stood before old paragraph positions
        if r.at is not None:
            r.at = kept_before[min(r.at, len(kept_before) - 1)]
    doc.removals.extend(dropped)
    doc.paragraphs = [p for p, _ in keep]
    doc.chrome_keys = [k for _, k in keep]
    _finish(doc, shingle_size, num_perm)
    return True


@dataclass
class LoadedArticle:
    """An article already in the warehouse, as the re-cleaning needs it."""

    doc_id: str
    article_id: str
    site_key: str
    paragraphs: list[Paragraph]
    removals: list[Removal]  # in stored order: rule removals first, then learned chrome in page order


def restrip(art: LoadedArticle, chrome: set[str], max_words: int, shingle_size: int,
            num_perm: int) -> ProcessedDoc | None:
    """Strip lines that became chrome since the article was loaded; None when none of its lines did.

    Gives what `strip` would have given with today's counts: learned-chrome removals in page order after the
    rule removals, and every removal's `at` counted in the paragraphs that remain.
    """
    keys = chrome_keys([p.text for p in art.paragraphs], max_words)
    gone = [i for i, k in enumerate(keys) if k in chrome]
    if not gone:
        return None
    gone_set = set(gone)

    def shift(at: int | None) -> int | None:  # kept paragraphs before `at` that stay
        return None if at is None else at - sum(1 for g in gone if g < at)

    rules = [r for r in art.removals if r.rule_id != RULE_ID]
    # learned chrome in page order: an old removal stands before kept paragraph `at`, a new one at its index
    order = [((r.at if r.at is not None else len(art.paragraphs)), 0, i, r)
             for i, r in enumerate(art.removals) if r.rule_id == RULE_ID]
    order += [(g, 1, 0, Removal(RULE_ID, "repeated", art.paragraphs[g].text, None, at=g, line_key=keys[g]))
              for g in gone]
    learned = [r for *_, r in sorted(order, key=lambda o: o[:3])]
    for r in rules + learned:
        r.at = shift(r.at)
    doc = ProcessedDoc(art.doc_id, 0, "", "", 0, None, status="article", site_key=art.site_key,
                       paragraphs=[p for i, p in enumerate(art.paragraphs) if i not in gone_set],
                       removals=rules + learned)
    _finish(doc, shingle_size, num_perm)
    return doc


def count_sightings(rows: list[LineSighting]) -> dict[tuple[str, str], int]:
    """Distinct article contents per (site, line)."""
    seen: dict[tuple[str, str], set[str]] = {}
    for s in rows:
        seen.setdefault((s.site_key, s.line_key), set()).add(s.content_hash)
    return {k: len(v) for k, v in seen.items()}


def strip_all(docs: list[ProcessedDoc], min_docs: int, shingle_size: int, num_perm: int) -> int:
    """Learned chrome over a set of documents held in memory (no warehouse): count them all, then strip."""
    if not min_docs:
        return 0
    counts = count_sightings([s for i, d in enumerate(docs) for s in sightings(d, str(i))])
    return sum(strip(d, counts, min_docs, shingle_size, num_perm) for d in docs)
