"""The one text normalization the evaluation uses for every comparison (labels and system outputs alike)."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": '"', "\u203a": '"',
})
# table cells: the pipeline joins them with " | ", trafilatura writes markdown rows, a text page uses tabs;
# so "|" counts as a separator, and a markdown header rule (|---|---|) is dropped
_TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*")
_WS = re.compile(r"\s+")


def norm(text: str | None) -> str:
    """Case-folded, NFKC, whitespace collapsed, typographic quotes and apostrophes unified, '|' as a space."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _TABLE_RULE.sub(" ", text).replace("|", " ")
    return _WS.sub(" ", text).strip().casefold()
