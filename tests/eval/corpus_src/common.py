"""What every site module shares: the article record, inline markup, body rendering, dates, chrome recording.

Inline markup in body text: ``[[anchor|/href]]`` is a link, ``**x**`` is bold. A reader sees only the text.
Body blocks: a plain string is a paragraph; ("h", text) a subheading; ("ul", [items]) / ("ol", [items]) a list;
("q", text) a blockquote; ("table", [header_cells, row_cells, ...]) a table (labeled one piece per row, the
cells joined by " | ").
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

_LINK = re.compile(r"\[\[(.+?)\|(.+?)\]\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
}


@dataclass
class Art:
    path: str  # inside the site folder, e.g. "region/tram-ligne-2.html"
    title: str
    body: list = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str = ""  # ISO date the page states; "" when it states none
    time: str = "08:00"
    updated: str = ""  # "HH:MM" the same day, or ""
    caption: str = ""
    credit: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    hard_case: str = ""
    kind: str = "article"
    lang: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def fmt(self) -> str:
        return "txt" if self.path.endswith(".txt") else "html"


def plain(s: str) -> str:
    """What a reader sees of a marked-up string."""
    return _BOLD.sub(r"\1", _LINK.sub(r"\1", s))


def inline(s: str) -> str:
    """A marked-up string as HTML."""
    out = _html.escape(s, quote=False)
    out = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', out)
    return _BOLD.sub(r"<strong>\1</strong>", out)


def esc(s: str) -> str:
    return _html.escape(s, quote=True)


def pieces(body: list) -> list[str]:
    """The labeled body pieces, in reading order."""
    out: list[str] = []
    for b in body:
        if isinstance(b, str):
            out.append(plain(b))
        elif b[0] in ("h", "q"):
            out.append(plain(b[1]))
        elif b[0] in ("ul", "ol"):
            out += [plain(i) for i in b[1]]
        elif b[0] == "table":
            out += [" | ".join(plain(c) for c in row) for row in b[1]]
        else:
            raise ValueError(f"unknown block {b[0]!r}")
    return out


def block_html(b, h_tag: str = "h2") -> str:
    if isinstance(b, str):
        return f"<p>{inline(b)}</p>"
    kind = b[0]
    if kind == "h":
        return f"<{h_tag}>{inline(b[1])}</{h_tag}>"
    if kind == "q":
        return f"<blockquote><p>{inline(b[1])}</p></blockquote>"
    if kind in ("ul", "ol"):
        items = "\n".join(f"  <li>{inline(i)}</li>" for i in b[1])
        return f"<{kind}>\n{items}\n</{kind}>"
    if kind == "table":
        head, *rows = b[1]
        th = "".join(f"<th>{inline(c)}</th>" for c in head)
        trs = "\n".join("    <tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table>\n  <thead><tr>{th}</tr></thead>\n  <tbody>\n{trs}\n  </tbody>\n</table>"
    raise ValueError(kind)


def block_lines(b, bullet: str = "•") -> list[str]:
    """A block as a page saved as text shows it."""
    if isinstance(b, str):
        return [plain(b)]
    kind = b[0]
    if kind in ("h", "q"):
        return [plain(b[1])]
    if kind == "ul":
        return [f"{bullet} {plain(i)}" for i in b[1]]
    if kind == "ol":
        return [f"{n}. {plain(i)}" for n, i in enumerate(b[1], 1)]
    if kind == "table":
        return ["\t".join(plain(c) for c in row) for row in b[1]]
    raise ValueError(kind)


def word_count(body: list) -> int:
    return sum(len(p.split()) for p in pieces(body))


def reading_minutes(body: list) -> int:
    return max(1, -(-word_count(body) // 200))


def slug(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def is_para(b) -> bool:
    return isinstance(b, str)


def date_parts(iso: str) -> tuple[int, int, int]:
    y, m, d = iso.split("-")
    return int(y), int(m), int(d)


def long_date(iso: str, lang: str) -> str:
    """'4 mars 2025', 'March 4, 2025', '4. März 2025', '4 de marzo de 2025', '4 marzo 2025', '4 de março de 2025'."""
    y, m, d = date_parts(iso)
    month = MONTHS[lang][m - 1]
    return {
        "fr": f"{d} {month} {y}",
        "en": f"{month} {d}, {y}",
        "de": f"{d}. {month} {y}",
        "es": f"{d} de {month} de {y}",
        "it": f"{d} {month} {y}",
        "pt": f"{d} de {month} de {y}",
    }[lang]


def num_date(iso: str, sep: str = "/") -> str:
    y, m, d = date_parts(iso)
    return f"{d:02d}{sep}{m:02d}{sep}{y}"


class Chrome:
    """Records every chrome string a page shows, so the labels list exactly what was rendered."""

    def __init__(self) -> None:
        self.strings: list[str] = []

    def __call__(self, s: str) -> str:
        """Record s (plain text) and return it unchanged, for text pages."""
        if s not in self.strings:
            self.strings.append(s)
        return s

    def h(self, s: str) -> str:
        """Record s and return it escaped for HTML."""
        self(s)
        return esc(s)


def related_titles(site_articles: list[Art], art: Art, n: int, offset: int = 1) -> list[str]:
    """n other article headlines of the same site (and language), picked deterministically."""
    pool = [a for a in site_articles if a.kind == "article" and (a.lang or "") == (art.lang or "")]
    if art in pool:
        i = pool.index(art)
        pool = pool[i + 1:] + pool[:i]
    return [a.title for a in (pool[offset - 1:] + pool[:offset - 1])[:n]]


_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "article", "main",
               "section", "header", "footer", "nav", "aside", "figure", "figcaption", "table", "thead", "tbody", "tr",
               "form", "body", "dl", "dt", "dd", "address", "pre"}
_SKIP_TAGS = {"script", "style", "head", "template", "noscript", "img", "input", "svg"}


def html_to_lines(html: str, bullet: str = "•") -> list[str]:
    """The visible text of a page, one line per block, the way a browser's "save as text" writes it."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(html, "lxml")
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = re.sub(r"[ \t]*\t[ \t]*", "\t", re.sub(r" +", " ", "".join(buf))).strip()
        if line:
            lines.append(line)
        buf.clear()

    def walk(node, ol_counter: list[int] | None = None) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                    continue
                buf.append(re.sub(r"\s+", " ", str(child)))
                continue
            if not isinstance(child, Tag) or child.name in _SKIP_TAGS:
                continue
            name = child.name
            if name == "br":
                flush()
            elif name in ("td", "th"):
                if buf and "".join(buf).strip():
                    buf.append("\t")
                walk(child)
            elif name == "li":
                flush()
                if ol_counter is not None:
                    ol_counter[0] += 1
                    buf.append(f"{ol_counter[0]}. ")
                else:
                    buf.append(f"{bullet} ")
                walk(child)
                flush()
            elif name == "ol":
                flush()
                walk(child, [0])
                flush()
            elif name in _BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child, ol_counter)

    walk(soup.body or soup)
    flush()
    return lines


def as_text_page(html: str, first_line: str, bullet: str = "•", blank_between: bool = False) -> str:
    """A text file as a page saved as text: its title on line 1, a blank line, then the page's lines."""
    lines = html_to_lines(html, bullet)
    sep = "\n\n" if blank_between else "\n"
    return f"{first_line}\n\n" + sep.join(lines) + "\n"
