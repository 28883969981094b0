"""Learned site chrome (CCNet's idea, per site): a short line that many different articles of the same site
share is chrome even when no rule names it.

Counts are kept per (site, normalized line) over distinct article contents, so copies of one article do
not make its own lines look like chrome. The flow feeds it every batch and the warehouse's past counts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict

from pipeline.language import UNDETERMINED
from pipeline.models import ProcessedDoc, Removal
from pipeline.signatures import content_hash, minhash

_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w]+")

RULE_ID = "repeated-line"


def line_key(text: str) -> str:
    """Case, digits, punctuation and whitespace do not matter: '© 2024 X.' and '© 2025 X' are one line."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = _NON_WORD.sub(" ", _DIGITS.sub("0", t)).strip()
    return hashlib.blake2b(t.encode("utf-8"), digest_size=8).hexdigest()


def chrome_keys(texts: list[str], max_words: int) -> list[str | None]:
    """A key for each paragraph short enough to be chrome, None for the others."""
    return [line_key(t) if len(t.split()) <= max_words else None for t in texts]


class ChromeCounter:
    def __init__(self, min_docs: int = 3) -> None:
        self.min_docs = min_docs
        self._counts: dict[tuple[str, str], int] = defaultdict(int)
        self._seen: set[tuple[str, str, str]] = set()

    def load(self, rows) -> None:
        """(site, line_key, distinct contents) aggregated from the warehouse."""
        for site, key, n in rows:
            self._counts[(site, key)] += int(n)

    def observe(self, doc: ProcessedDoc) -> None:
        if doc.status != "article" or not doc.site_key or not doc.chrome_keys or not doc.content_hash:
            return
        keys = sorted({k for k in doc.chrome_keys if k})
        # what was counted is what gets stored, so a later run rebuilds exactly these counts
        doc.chrome_seen = (doc.content_hash, keys)
        for key in keys:
            marker = (doc.site_key, key, doc.content_hash)
            if marker not in self._seen:
                self._seen.add(marker)
                self._counts[(doc.site_key, key)] += 1

    def apply(self, docs: list[ProcessedDoc], shingle_size: int, num_perm: int) -> int:
        """Count a batch's lines first, then strip: the batch's own pages teach each other their chrome."""
        for doc in docs:
            self.observe(doc)
        return sum(self.strip(doc, shingle_size, num_perm) for doc in docs)

    def count(self, site: str, key: str) -> int:
        return self._counts.get((site, key), 0)

    def strip(self, doc: ProcessedDoc, shingle_size: int, num_perm: int) -> bool:
        """Remove the doc's paragraphs that are chrome of its site; recompute its text and fingerprints."""
        if doc.status != "article" or not doc.site_key or not doc.chrome_keys:
            return False
        keep, dropped = [], []
        kept_before = []  # for each old paragraph position (and one past the end): kept paragraphs before it
        for p, key in zip(doc.paragraphs, doc.chrome_keys, strict=True):
            kept_before.append(len(keep))
            n = self.count(doc.site_key, key) if key else 0
            if n >= self.min_docs:
                dropped.append(Removal(RULE_ID, "repeated", p.text, n, at=len(keep)))
            else:
                keep.append((p, key))
        kept_before.append(len(keep))
        if not dropped:
            return False
        for r in doc.removals:  # earlier removals stood before old paragraph positions
            if r.at is not None:
                r.at = kept_before[min(r.at, len(kept_before) - 1)]
        doc.removals.extend(dropped)
        for pos, (p, _) in enumerate(keep):
            p.position = pos
        doc.paragraphs = [p for p, _ in keep]
        doc.chrome_keys = [k for _, k in keep]
        doc.text = "\n\n".join(p.text for p in doc.paragraphs)
        doc.word_count = len(doc.text.split())
        if not doc.paragraphs:
            doc.status = "rejected"
            doc.reason = "not an article: every line is chrome repeated across this site's pages"
            doc.reason_code = "not_article.chrome_only"
            doc.language = UNDETERMINED
            return True
        doc.content_hash = content_hash(doc.text)
        doc.minhash = [int(x) for x in minhash(doc.text, shingle_size, num_perm)]
        return True
