"""Author and publication date found in the page's own words, for pages whose markup does not carry them.

Looks at the first lines of the text (bylines, datelines: "Par X · 3 mars 2025 · 4 min de lecture",
"Posted on September 14, 2025 by Jane Doe", "Veröffentlicht am 4. März 2025").
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MONTHS = {
    # en
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    # fr
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    # de
    "januar": 1, "jaenner": 1, "februar": 2, "maerz": 3, "marz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12,
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # it
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    # pt
    "janeiro": 1, "fevereiro": 2, "marco": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9, "outubro": 10,
    "dezembro": 12,
}
_PUBLISHED = re.compile(r"\b(publi|posted|veröffentlicht|erschienen|pubblicat|publicad|écrit|written)", re.I)
_UPDATED = re.compile(r"\b(mis à jour|updated|aktualisiert|actualizado|aggiornat|atualizad|modifié)", re.I)
_D_MONTH_Y = re.compile(r"\b(\d{1,2})(?:er|º|°)?\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?\s+(?:de\s+)?(\d{4})\b")
_MONTH_D_Y = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
# 2019年4月21日 (ja, zh), 2019년 4월 21일 (ko), 2019/4/21 and 2019.04.21 (year first)
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_YMD = re.compile(r"\b(\d{4})[./](\d{1,2})[./](\d{1,2})(?![\d./])")

_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’\-.]+(?:\s+(?:de |da |do |dos |van |von |del |di |le |la )?[A-ZÀ-ÖØ-Þ][\w'’\-.]+){1,3}"
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\bet\b|\band\b|\bund\b|\by\b|\be\b)\s*{_NAME})*"
_BYLINE = re.compile(
    # at the start of a line, after a separator or after a date ("Posted on May 3, 2025 by"), never inside a
    # sentence or a headline ("Shot Dead By Rookie Police Officer")
    r"(?:^|[·|,—–-]\s*|(?<=\d)\s+|(?<=\b[AP]M)\s+|(?<=\b[A-Z][A-Z]T)\s+|(?<=\b[A-Z][A-Z][A-Z]T)\s+|(?<=\bET)\s+"
    r"|(?i:posted|written|published|publié|publicado|pubblicato)\s+)"
    rf"(?i:par|by|von|por|di|door|texto de|reportagem de|a cura di)\s*:?\s+(?P<names>{_NAMES})"
    r"(?=\s*(?:$|[·•|,—–(@]|\s-\s|\s+\d|\s+(?i:le|on|am|el|il|em|published|publié)\b))",
)
_SPLIT = re.compile(r"\s*(?:,|&|\bet\b|\band\b|\bund\b|\by\b|\be\b)\s*")


def _fold(word: str) -> str:
    word = word.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat() if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """First date in a line, as ISO: '3 mars 2025', 'March 3, 2025', '4. März 2025', '12/03/2025', '2025-03-12',
    '2025年3月12日', '2025/3/12'."""
    for rx, order in ((_ISO, "ymd"), (_CJK, "ymd"), (_D_MONTH_Y, "dMy"), (_MONTH_D_Y, "Mdy"), (_YMD, "ymd"),
                      (_NUMERIC, "dmy")):
        for m in rx.finditer(text):
            g = m.groups()
            if order == "ymd":
                found = _valid(int(g[0]), int(g[1]), int(g[2]))
            elif order == "dMy":
                month = MONTHS.get(_fold(g[1]))
                found = _valid(int(g[2]), month, int(g[0])) if month else None
            elif order == "Mdy":
                month = MONTHS.get(_fold(g[0]))
                found = _valid(int(g[2]), month, int(g[1])) if month else None
            else:  # day first, or month first where day first is no date (11/28/2016)
                found = _valid(int(g[2]), int(g[1]), int(g[0])) or _valid(int(g[2]), int(g[0]), int(g[1]))
            if found:
                return found
    return None


def find_date(lines: list[str], max_lines: int = 60) -> str | None:
    """Publication date from datelines: a 'published' line wins, then a plain date line; 'updated' lines last."""
    plain: str | None = None
    updated: str | None = None
    for line in lines[:max_lines]:
        if len(line) > 200:
            continue
        found = parse_date(line)
        if not found:
            continue
        if _PUBLISHED.search(line) and not _UPDATED.search(line):
            return found
        if _UPDATED.search(line):
            updated = updated or found
        elif len(line.split()) <= 14:
            plain = plain or found
    return plain or updated


# a person's name on its own line under a headline, maybe followed by a date or the outlet after a separator:
# "Jane Doe", "Jane Doe / March 3, 2025", "Jane Doe · The Courier · Posted ...", "Jane Doe, @janedoe"
_NAME_LINE = re.compile(rf"^(?P<name>{_NAME})\s*(?:$|[/·|,–—-]\s*\S|\s\d)")


def name_line(line: str) -> str | None:
    """The name a line under a headline gives on its own, or None."""
    if len(line) > 120:
        return None
    m = _NAME_LINE.match(line)
    if not m:
        return None
    name = m.group("name").strip(" .")
    return name if 2 <= len(name.split()) <= 4 else None


_PREFIX_ALONE = re.compile(r"^(?:par|by|von|por|di|written by|texto de)\s*:?$", re.I)


def _without_month(name: str) -> str:
    """'Jane Doe December' (from 'by Jane Doe March 3, 2025') without the date's month."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 2 and _fold(words[-1].rstrip(".")) in MONTHS else name


def find_authors(lines: list[str], max_lines: int = 60) -> str | None:
    """Names from the first byline in the page's opening lines, joined by '; '."""
    lines = lines[:max_lines]
    # "Par" and the linked name end up on separate lines of a page's text: put them back together
    lines = [f"{line} {lines[i + 1]}" if _PREFIX_ALONE.match(line) and i + 1 < len(lines) else line
             for i, line in enumerate(lines)]
    for line in lines:
        if len(line) > 200 or len(line.split()) > 25:
            continue
        m = _BYLINE.search(line)
        if m:
            names = [_without_month(n.strip(" .")) for n in _SPLIT.split(m.group("names")) if n.strip(" .")]
            names = [n for n in names if len(n.split()) >= 2]
            if names:
                return "; ".join(dict.fromkeys(names))
    return None
