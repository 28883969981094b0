"""Counting words in every script: runs of CJK, kana, Thai, Lao, Khmer or Myanmar have no spaces between words.

Those characters count one each (as the real-page scorer counts them), so a Chinese article is not "0 words".
Hangul is written with spaces and counts by spaces.
"""

from __future__ import annotations

import re

# Thai, Lao, Myanmar, Khmer, CJK punctuation-free ideographs and extensions, kana, half-width kana
_UNSPACED = re.compile(
    "[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
)


def word_count(text: str) -> int:
    """Whitespace-separated words, plus one per character of a script written without spaces."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(_UNSPACED.sub(" ", text).split()) + unspaced


def unspaced_share(text: str) -> float:
    """Share of the non-space characters that belong to scripts written without spaces."""
    chars = len(text) - text.count(" ")
    return len(_UNSPACED.findall(text)) / chars if chars else 0.0
