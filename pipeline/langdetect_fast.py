"""langdetect's detector with its per-character loops rewritten: the same answers, bit for bit, ~3x faster.

Language identification was the pipeline's second cost after trafilatura (~17 ms a document: one detection
for the article, one per long paragraph). langdetect builds its text one character at a time, classifies
characters through a Unicode-block search, and multiplies 55 probabilities in a Python loop per sampled
n-gram. Here the text is cleaned with regular expressions, characters are normalised with one str.translate,
n-grams are extracted per word and kept (an article's paragraphs, detected after it, reuse its words), the
random draws are random.choice inlined, and each update is one numpy multiply. The random draws, their order,
and every floating-point operation (including the left-to-right sum used to normalise) are langdetect's, so
results are identical: tests/test_langdetect_fast.py compares them on the language benchmark's texts.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's test is 'A' <= ch <= 'z', punctuation between Z and a included
# at or above U+0300. langdetect means to leave out Latin Extended Additional (U+1E00-U+1EFF) but compares
# a block number with the block's name, so it counts those letters too: so do we, to give its answers
_NON_LATIN = re.compile("[\u0300-\U0010ffff]")
_NORMALIZED: dict[str, str] = {}
# at most this many words' n-grams are kept per profile set (a word's entry holds references, not copies)
WORD_CACHE_MAX = 50_000


def _normalize(ch: str) -> str:
    out = _NORMALIZED.get(ch)
    if out is None:
        out = _NORMALIZED[ch] = NGram.normalize(ch)
    return out


class _NormalizeTable(dict):
    """str.translate table: code point -> langdetect's normalised character, filled on first sight."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _normalize(chr(code))
        return out


_TABLE = _NormalizeTable()


def _ngrams_of(chars: str, known: dict[str, Any]) -> list[str]:
    """langdetect's n-gram loop (NGram.add_char / get) over normalised characters, keeping known n-grams."""
    result: list[str] = []
    grams = " "
    capital = False
    for ch in chars:
        last = grams[-1]
        if last == " ":
            grams = " "
            capital = False
            if ch == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        if ch != " " and ch in known:
            result.append(ch)
        n = len(grams)
        if n >= 2:
            w = grams[-2:]
            if w in known:
                result.append(w)
            if n >= 3 and grams in known:
                result.append(grams)
    return result


def _word_ngrams(word: str, known: dict[str, Any]) -> list[str]:
    """_ngrams_of(word + " ") for a word without spaces, by position: at the j-th character of " word ", its
    unigram, bigram and trigram (those that are known), none when it and the one before are capitals."""
    s = " " + word + " "
    up = [c.isupper() for c in s]
    result: list[str] = []
    for j in range(1, len(s)):
        if up[j] and up[j - 1]:
            continue
        c = s[j]
        if c != " " and c in known:
            result.append(c)
        gram = s[j - 1: j + 1]
        if gram in known:
            result.append(gram)
        if j >= 2:
            gram = s[j - 2: j + 1]
            if gram in known:
                result.append(gram)
    return result


class FastDetector(Detector):
    """Drop-in for langdetect's Detector (create it with `FastDetector(factory)`)."""

    def __init__(self, factory: Any) -> None:
        super().__init__(factory)
        # n-gram -> its probabilities as an array, filled as n-grams are drawn; kept with the factory's profiles
        if not hasattr(factory, "_fast_vectors"):
            factory._fast_vectors = {}
            factory._fast_words = {}  # word -> its n-grams (langdetect's, in order, with the space after it)
            factory._fast_keys = {key: key for key in factory.word_lang_prob_map}
        self._vec: dict[str, np.ndarray] = factory._fast_vectors
        self._words: dict[str, tuple[str, ...]] = factory._fast_words
        self._keys: dict[str, str] = factory._fast_keys

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        latin = len(_LATIN.findall(self.text))
        non_latin = len(_NON_LATIN.findall(self.text))
        if latin * 2 < non_latin:
            self.text = _LATIN.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        """langdetect's n-grams of the text, in order, word by word.

        The n-gram loop starts afresh at every space (its window resets there), so a word's n-grams, the
        space after it included, depend on the word alone: they are computed once per word and kept with the
        factory's profiles. Only the text's last word, with no space after it, is computed on its own."""
        known = self.word_lang_prob_map
        cache = self._words
        words = self.text.translate(_TABLE).split(" ")
        result: list[str] = []
        last = len(words) - 1
        for i, word in enumerate(words):
            if not word:
                continue
            if i == last:
                result += _ngrams_of(word, known)
                break
            grams = cache.get(word)
            if grams is None:
                if len(cache) >= WORD_CACHE_MAX:
                    cache.clear()
                # the profile's own key objects: a cached word holds references, not new strings
                grams = cache[word] = tuple(map(self._keys.__getitem__, _word_ngrams(word, known)))
            result += grams
        return result

    def _vector(self, word: str) -> np.ndarray:
        vec = self._vec.get(word)
        if vec is None:
            vec = self._vec[word] = np.array(self.word_lang_prob_map[word], dtype=np.float64)
        return vec

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        n_langs = len(self.langlist)
        langprob = np.zeros(n_langs)
        rnd = self.random
        rnd.seed(self.seed)
        getrandbits = rnd.getrandbits
        n = len(ngrams)
        k = n.bit_length()
        vectors = self._vec
        vector = self._vector
        conv, limit, n_trial = self.CONV_THRESHOLD, self.ITERATION_LIMIT, self.n_trial
        for _ in range(n_trial):
            prob = np.array(self._init_probability(), dtype=np.float64)
            weight = (self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH) / self.BASE_FREQ
            i = 0
            while True:
                # random.choice(ngrams), inlined: Random._randbelow_with_getrandbits(n), the same draws
                r = getrandbits(k)
                while r >= n:
                    r = getrandbits(k)
                word = ngrams[r]
                vec = vectors.get(word)
                if vec is None:
                    vec = vector(word)
                prob *= vec + weight
                if i % 5 == 0:
                    values = prob.tolist()
                    total = sum(values)  # langdetect's left-to-right sum, not numpy's pairwise one
                    prob /= total
                    # max(p / total) is max(p) / total: division by a positive number keeps the order
                    top = max(values) / total if total > 0 else prob.max()
                    if top > conv or i >= limit:
                        break
                i += 1
            langprob += prob / n_trial
        self.langprob = langprob.tolist()
