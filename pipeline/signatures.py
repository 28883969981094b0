"""Content fingerprints: an exact hash of normalized text and a MinHash over word shingles."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np

_NON_WORD = re.compile(r"[^\w\s]+", re.UNICODE)
_WS = re.compile(r"\s+")
_MERSENNE = np.uint64((1 << 61) - 1)


def normalize_for_hash(text: str) -> str:
    """NFKC, case-folded, punctuation removed, whitespace collapsed: what two copies of a text share."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    return _WS.sub(" ", text).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, k: int) -> set[str]:
    words = normalize_for_hash(text).split()
    if not words:
        return set()
    if len(words) <= k:
        return {" ".join(words)}
    return {" ".join(words[i: i + k]) for i in range(len(words) - k + 1)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    b = rng.integers(0, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    return a, b


def minhash(text: str, k: int = 5, num_perm: int = 120) -> np.ndarray:
    """MinHash signature (uint32 array). Each shingle is hashed once, then permuted by (a*x+b) >> 32."""
    sh = shingles(text, k)
    if not sh:
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    hv = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little") for s in sh),
        dtype=np.uint64, count=len(sh),
    )
    a, b = _permutations(num_perm)
    with np.errstate(over="ignore"):
        phv = ((hv[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)) & np.uint64(0xFFFFFFFF)
    return phv.min(axis=0).astype(np.uint32)
