"""HTML to structured blocks and metadata: bs4 removes configured chrome nodes, trafilatura finds the article."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import soupsieve
import trafilatura
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from lxml import etree

from pipeline.models import Block, Removal
from pipeline.rules import Selector
from pipeline.segment import normalize_text

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

_PROTECTED = {"html", "body", "main", "article", "head"}
_HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)?""", re.I)


_HEAVY = re.compile(
    r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+",
    re.I | re.S,
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
         "p", "li", "option", "td", "tr", "th"}  # also tags whose end tags are often omitted


def slim_html(html: str, limit: int) -> str:
    """Drop scripts, styles, inline SVG, comments and base64 data when a page is over the size limit;
    raise NotAnArticle when it is still too big to extract safely (trafilatura silently truncates huge trees)."""
    if len(html) <= limit:
        return html
    slim = _HEAVY.sub(" ", html)
    if len(slim) > limit:
        raise NotAnArticle(f"HTML page too large to extract: {len(slim) / 1e6:.1f} MB of markup without scripts "
                           f"and styles > {limit / 1e6:.0f} MB limit ([ingest] max_html_bytes)")
    return slim


def nesting_depth(html: str) -> int:
    """Deepest element nesting, counted on tags (cheap; used only to explain an extraction failure)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(3) or name in _VOID:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


class NotAnArticle(ValueError):
    """The page is something else (a consent wall, an index); the message says what."""


@dataclass
class Extracted:
    blocks: list[Block]
    removals: list[Removal] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    lang_hint: str | None = None
    lines: list[str] = field(default_factory=list)  # the page's first visible lines, for bylines and datelines


def visible_lines(soup: BeautifulSoup, limit: int = 80) -> list[str]:
    """The first lines a reader sees (the article element's when there is one)."""
    root = soup.find("article") or soup.body or soup
    for bad in root.find_all(["script", "style", "noscript", "template"]):
        bad.decompose()
    out = []
    for line in root.get_text("\n").split("\n"):
        line = " ".join(line.split())
        if line:
            out.append(line)
            if len(out) >= limit:
                break
    return out


_TAG_WORD = re.compile(r"(?:^|[\s,>+~(])([a-zA-Z][a-zA-Z0-9-]*)")


_ATTR_WORD = re.compile(r"\[\s*([a-zA-Z_:][-a-zA-Z0-9_:.]*)")


@lru_cache(maxsize=64)
def _compile_one(css: str) -> tuple[object, frozenset[str], frozenset[str]]:
    """The compiled selector, the tag names it mentions, and the attributes it needs (class for .x, id for #x)."""
    attrs = {a.lower() for a in _ATTR_WORD.findall(css)}
    if "." in re.sub(r"\[[^\]]*\]", "", css):
        attrs.add("class")
    if "#" in re.sub(r"\[[^\]]*\]", "", css):
        attrs.add("id")
    return soupsieve.compile(css), frozenset(w.lower() for w in _TAG_WORD.findall(css)), frozenset(attrs)


def _compile_selectors(selectors: tuple[Selector, ...]) -> list[tuple[Selector, object, frozenset[str]]]:
    out = []
    for sel in selectors:
        matcher, names, attrs = _compile_one(sel.css)
        out.append((sel, matcher, names | {f"@{a}" for a in attrs}))
    return out


def preclean_html(html: str, selectors: tuple[Selector, ...]) -> tuple[BeautifulSoup, list[Removal], float]:
    """Drop nodes matching config selectors; never the page's main containers.

    Returns the cleaned page, the removals, and the share of the page's text that sat in cookie or
    consent nodes (near 1.0 on a consent wall).
    """
    soup = BeautifulSoup(html, "lxml")
    total = len(soup.get_text(" ", strip=True)) or 1
    removals: list[Removal] = []
    consent_chars = 0
    compiled = _compile_selectors(selectors)
    # soupsieve walks every node for every selector (the hotspot: ~240 ms on a 100 KB page); only nodes
    # with attributes or with a tag name some selector mentions can match, so test just those
    keys = set().union(*(c[2] for c in compiled)) if compiled else set()
    names = {k for k in keys if not k.startswith("@")}
    attrs = {k[1:] for k in keys if k.startswith("@")}
    candidates = [el for el in soup.find_all(True) if el.name in names or (el.attrs and not attrs.isdisjoint(el.attrs))]
    for sel, matcher, _ in compiled:
        for el in [el for el in candidates if not getattr(el, "decomposed", False) and matcher.match(el)]:
            if getattr(el, "decomposed", False) or el.name in _PROTECTED:
                continue
            text = el.get_text(" ", strip=True)
            if sel.category != "cookie" and len(text) > 0.4 * total and total > 200:
                continue  # a selector that would swallow the article is wrong for this page
            if sel.category == "cookie":
                consent_chars += len(text)
            if text:
                removals.append(Removal(sel.id, sel.category, normalize_text(text)))
            el.decompose()
    return soup, removals, min(1.0, consent_chars / total)


def _text(el: etree._Element) -> str:
    return normalize_text(" ".join("".join(el.itertext()).split()))


def _blocks_from_body(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            t = _text(el)
            if t:
                blocks.append(Block("heading", t))
        elif tag == "list":
            for item in el:
                if item.tag == "item":
                    nested = [c for c in item if c.tag == "list"]
                    for c in nested:
                        item.remove(c)
                    t = _text(item)
                    if t:
                        blocks.append(Block("list_item", t))
                    for c in nested:
                        walk(c)
                else:
                    walk(item)
        elif tag == "quote":
            t = _text(el)
            if t:
                blocks.append(Block("quote", t))
        elif tag == "table":
            rows = []
            for row in el.iter("row"):
                cells = [_text(c) for c in row if c.tag == "cell"]
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                blocks.append(Block("table", "\n".join(rows)))
        elif tag in ("p", "code"):
            t = _text(el)
            if t:
                blocks.append(Block("paragraph", t))
        elif tag in ("div", "body", "section", "hi", "ref", "lb", "graphic", "span", "del", "ab"):
            if len(el):
                for child in el:
                    walk(child)
            else:
                t = _text(el)
                if t:
                    blocks.append(Block("paragraph", t))
        else:
            t = _text(el)
            if t:
                blocks.append(Block("paragraph", t))

    for child in body:
        walk(child)
    return blocks


def extract_html(html: str, selectors: tuple[Selector, ...], url: str | None = None,
                 max_bytes: int = 5_000_000) -> Extracted | None:
    """Main content and metadata of one page; None when trafilatura finds no main content."""
    html = slim_html(html, max_bytes)
    depth = nesting_depth(html)
    if depth > 250:
        # lxml stops at 255 levels, and CSS matching costs O(depth) per node: refuse before parsing
        raise NotAnArticle(f"HTML nested {depth} levels deep: past the parser's limit of 255, no article "
                           "content could be extracted")
    m = _HTML_LANG.search(html[:5000])
    lang_hint = m.group(1).lower() if m else None
    soup, removals, consent_share = preclean_html(html, selectors)
    cleaned = str(soup)
    if consent_share > 0.6:
        raise NotAnArticle(f"not an article: cookie-consent page ({consent_share:.0%} of its text is the banner)")
    doc = trafilatura.bare_extraction(
        cleaned, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, fast=False,
    )
    if doc is None or doc.body is None:
        return None
    blocks = _blocks_from_body(doc.body)
    return Extracted(
        blocks=blocks, removals=removals, title=doc.title, author=doc.author, date=doc.date,
        sitename=doc.sitename, url=doc.url, lang_hint=lang_hint, lines=visible_lines(soup),
    )


def reset_caches() -> None:
    """trafilatura's metadata caches grow without bound over a long run."""
    import logging

    from trafilatura.meta import reset_caches as _reset

    # htmldate logs an error when a charset_normalizer helper has no cache to clear; that is harmless
    log = logging.getLogger("htmldate.meta")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        _reset()
    finally:
        log.setLevel(level)
