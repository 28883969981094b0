"""Split plain text into blocks and give each block a kind (heading, paragraph, list_item, quote)."""

from __future__ import annotations

import re
import unicodedata

from pipeline.models import Block

_BULLET = re.compile(r"^\s*(?:[•◦▪▫●○■□·‣⁃∙–—\-\*+]|\d{1,2}[.)])\s+(?=\S)")
_TERMINAL = tuple(".!?…:;,")
_OPEN_Q = "«“„\"‹"
_CLOSE_Q = "»”\"›“"
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def normalize_text(text: str) -> str:
    """Unicode NFC, unified line endings, spaces collapsed inside lines; characters otherwise kept."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\ufeff", "")
    return "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))


_BYLINE_START = re.compile(r"^(?:di|by|par|von|por|de)\s+[A-ZÀ-ÖØ-Þ]")


def _wrapped(prev: str, nxt: str) -> bool:
    """True when nxt continues prev's sentence (hard-wrapped text) rather than starting a new block."""
    if not prev or not nxt or _BULLET.match(nxt) or _BYLINE_START.match(nxt):
        return False
    if prev.endswith(_TERMINAL) or prev.endswith(tuple(_CLOSE_Q)):
        return False
    return len(prev) >= 40 and (nxt[0].islower() or nxt[0] in ",;)")


def split_lines(text: str) -> list[str]:
    """Blocks of a plain-text body: one per line, wrapped lines joined, blank lines dropped."""
    blocks: list[str] = []
    prev_blank = True
    for line in normalize_text(text).split("\n"):
        if not line:
            prev_blank = True
            continue
        if blocks and not prev_blank and _wrapped(blocks[-1], line):
            blocks[-1] = f"{blocks[-1]} {line}"
        else:
            blocks.append(line)
        prev_blank = False
    return blocks


def _is_single_quote(text: str) -> bool:
    if len(text) < 2 or text[0] not in _OPEN_Q:
        return False
    body = text.rstrip(".")
    if not body or body[-1] not in _CLOSE_Q:
        return False
    inner = body[1:-1]
    return not any(ch in inner for ch in "«»“”")


def classify(text: str) -> Block:
    """Kind of one plain-text block; list bullets are stripped from the item's text."""
    m = _BULLET.match(text)
    if m and len(text) > m.end():
        return Block("list_item", text[m.end():].strip())
    if _is_single_quote(text):
        return Block("quote", text)
    words = text.split()
    if len(words) <= 16 and not text.endswith(_TERMINAL + tuple(_CLOSE_Q)) and (text[0].isupper() or text[0] in _OPEN_Q
                                                             or text[0].isdigit()):
        return Block("heading", text)
    return Block("paragraph", text)


def segment_text(text: str) -> list[Block]:
    return [classify(b) for b in split_lines(text)]
