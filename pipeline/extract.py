"""HTML to structured blocks and metadata: configured chrome nodes are removed, trafilatura finds the article.

The page is parsed once, by lxml with trafilatura's own parser settings, and the cleaned tree is handed to
trafilatura as is: parsing with BeautifulSoup, matching with soupsieve and serialising back cost 8x
trafilatura's own time on a 100 KB page (profile in README). Selectors are CSS in config, run by
pipeline/css.py. BeautifulSoup stays as the lenient rescue parser for markup lxml cannot make a tree of.
"""

from __future__ import annotations

import re
import time
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import trafilatura
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import extract_title
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from pipeline.css import CompiledSelector, PageMatcher, compile_css
from pipeline.metadata import clean_date, site_from_url
from pipeline.models import Block, Removal
from pipeline.pagemeta import page_metadata
from pipeline.pagetype import link_key
from pipeline.rules import Selector
from pipeline.segment import normalize_text
from pipeline.textstats import word_count

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

_PROTECTED = {"html", "body", "main", "article", "head"}
_HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)?""", re.I)
# never part of the text a reader sees; JSON-LD scripts stay (trafilatura reads metadata from them)
_INVISIBLE = etree.XPath("//script[not(contains(@type, 'json'))] | //style | //noscript | //template")
# an element more than 250 levels down: one step per level, each node visited once (0.2 ms on a 100 KB page)
_TOO_DEEP = etree.XPath("boolean(/" + "/".join(["*"] * 251) + ")")


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
                           f"and styles > {limit / 1e6:.0f} MB limit ([ingest] max_html_bytes)", "too_large")
    return slim


def nesting_depth(html: str) -> int:
    """Deepest element nesting, counted on tags (used only to explain a refusal)."""
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
    """The page cannot be or is not an article (too large, too deep, a consent wall); the code is stable."""

    def __init__(self, message: str, code: str, removals: list[Removal] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.removals = removals or []


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
    link_texts: frozenset[str] = frozenset()  # the page's headline-like link texts (pagetype.link_key)
    date_from_markup: bool = False  # the date is what the page states of itself (meta tags), not a guess


# an element's text nodes in document order, as BeautifulSoup's get_text sees them (no script text)
_STRINGS = etree.XPath("descendant-or-self::text()[not(parent::script or parent::style or parent::noscript "
                       "or parent::template)]", smart_strings=False)


def text_of(el: HtmlElement) -> str:
    return " ".join(s for s in (x.strip() for x in _STRINGS(el)) if s)


def visible_lines(tree: HtmlElement, limit: int = 80) -> list[str]:
    """The first lines a reader sees (the article element's when there is one)."""
    found = tree.find(".//article")
    body = tree.find(".//body") if tree.tag != "body" else tree
    root = found if found is not None else (body if body is not None else tree)
    out = []
    for line in "\n".join(_STRINGS(root)).split("\n"):
        line = " ".join(line.split())
        if line:
            out.append(line)
            if len(out) >= limit:
                break
    return out


@lru_cache(maxsize=32)
def _matcher(compiled: tuple[CompiledSelector, ...]) -> PageMatcher:
    return PageMatcher(compiled)


def _attached(el: HtmlElement, top_of_page: HtmlElement) -> bool:
    """Still in the page, not inside a subtree an earlier selector removed."""
    top = el
    while (parent := top.getparent()) is not None:
        top = parent
    return top is top_of_page


_PUBLISHED_META = etree.XPath(
    "//meta[@property='article:published_time' or @name='article:published_time' or @itemprop='datePublished' "
    "or @name='parsely-pub-date' or @name='pubdate' or @name='publishdate' or @name='publish-date' "
    "or @name='sailthru.date' or @name='dc.date.issued' or @name='DC.date.issued' or @name='dcterms.created' "
    "or @property='og:published_time'] | //*[@itemprop='datePublished']"
)
_JAN_FIRST = ("{y}-01-01|{y}/0?1/0?1\\b|\\b0?1[./]0?1[./]{y}|{y}年0?1月0?1日"
              "|(?i:jan(?:uary)?\\.? 1(?:st)?,? {y}|\\b1(?:st|er)? jan\\w*\\.? {y})")


def published_in_markup(tree: HtmlElement) -> str | None:
    """The publication date the page states in its markup (meta tags, itemprop), ISO; None when it states none.

    htmldate reads most of these, but it may prefer a date of another story on the page (a most-read list):
    what the page says of itself comes first.
    """
    for el in _PUBLISHED_META(tree):
        raw = el.get("content") or el.get("datetime") or (text_of(el) if el.tag != "meta" else "")
        found = clean_date(raw.strip()) if raw else None
        if found:
            return found
    return None


def year_only_guess(date: str | None, html: str) -> bool:
    """htmldate answers YYYY-01-01 when all it found was a year (a copyright line): true when the page shows
    no first of January of that year anywhere."""
    if not date or len(date) != 10 or date[4:] != "-01-01":
        return False
    return re.search(_JAN_FIRST.format(y=date[:4]), html) is None


def _words(text: str, site_words: set[str]) -> set[str]:
    return {w for w in link_key(text).split() if len(w) > 1 and w not in site_words}


def headline(tree: HtmlElement, heading: str, site_names: tuple[str | None, ...]) -> str:
    """The page's headline when its metadata has none and trafilatura took a heading.

    A short heading that shares no word (site names aside) with the page's <title> is not the headline: it
    is a logo, a newsletter box or a comment form's. Then the h1/h2 closest to the <title>, else the <title>
    itself (its site suffix is dropped later).
    """
    el = tree.find(".//title")
    page_title = " ".join(text_of(el).split()) if el is not None else ""
    site_words: set[str] = set()
    for name in site_names:
        if name:
            site_words |= set(link_key(name.removeprefix("www.").rsplit(".", 1)[0]).split())
    title_words = _words(page_title, site_words)
    if not title_words or len(heading.split()) > 5 or _words(heading, site_words) & title_words:
        return heading  # a long heading is a headline even when the <title> is worded for search engines
    best, best_n = page_title, 1
    for h in tree.iter("h1", "h2"):
        text = " ".join(text_of(h).split())
        words = _words(text, site_words)
        n = len(words & title_words)
        if n > best_n and n >= 0.5 * len(words):
            best, best_n = text, n
    return best


def link_texts(tree: HtmlElement, min_words: int = 3) -> frozenset[str]:
    """Texts of the page's links long enough to be headlines: an index page's blocks are these."""
    out = set()
    for a in tree.iter("a"):
        text = text_of(a)
        if word_count(text) >= min_words:
            out.add(link_key(text))
    return frozenset(out)


def parse_html(html: str) -> HtmlElement | None:
    """trafilatura's own parse; BeautifulSoup's lenient parser when lxml makes no tree of the markup."""
    tree = load_html(html)
    if tree is None and "<" in html:
        tree = load_html(str(BeautifulSoup(html, "html.parser")))
    return tree


# paragraphs long enough to be sentences of an article (characters), and the least of them a page must have
# for the guard to judge it
_PROSE_MIN_CHARS = 80
_GUARD_MIN_PROSE = 400


def prose_chars(el: HtmlElement) -> int:
    """Characters in the element's paragraphs of sentence length: what would be the body, not menus or links."""
    total = 0
    for p in el.iter("p", "pre", "blockquote"):
        n = len(text_of(p))
        if n >= _PROSE_MIN_CHARS:
            total += n
    return total


def preclean_html(tree: HtmlElement, selectors: tuple[Selector, ...],
                  guard_share: float = 0.5) -> tuple[list[Removal], float]:
    """Drop nodes matching config selectors, in place; never the page's main containers, never a node holding
    more than guard_share of the page's paragraph text (a share bar's class on the article's wrapper).

    Returns the removals and the share of the page's text that sat in cookie or consent nodes (near 1.0 on
    a consent wall).
    """
    for el in _INVISIBLE(tree):
        el.drop_tree()
    total = len(text_of(tree)) or 1
    prose_total = prose_chars(tree)
    removals: list[Removal] = []
    consent_chars = 0
    compiled = [compile_css(sel.css) for sel in selectors]
    matcher = _matcher(tuple(compiled))
    candidates = matcher.candidates(tree)
    # lxml returns the body (renamed) of a page that starts with a comment or an XML declaration, still
    # attached to its <html>: removals are checked against the real top of the page
    top = tree.getroottree().getroot()
    for i, sel in enumerate(selectors):
        for el in matcher.matches(i, tree, candidates):
            if el is tree or el.tag in _PROTECTED or not _attached(el, top):
                continue  # never the page's main containers, nor what an earlier removal took with it
            text = text_of(el)
            if sel.category != "cookie" and prose_total >= _GUARD_MIN_PROSE \
                    and prose_chars(el) > guard_share * prose_total:
                continue  # a selector that would swallow the article's paragraphs is wrong for this page
            if sel.category == "cookie":
                consent_chars += len(text)
            if text:
                removals.append(Removal(sel.id, sel.category, normalize_text(text), page_share=len(text) / total))
            el.drop_tree()
    return removals, min(1.0, consent_chars / total)


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
                 max_bytes: int = 5_000_000, guard_share: float = 0.5,
                 timings: dict[str, float] | None = None) -> Extracted | None:
    """Main content and metadata of one page; None when trafilatura finds no main content. `timings`, when
    given, gets the seconds of each part (extract.parse, .metadata, .selectors, .body) added: the parts the
    issue sets budgets for are inside one stage."""
    clock = [time.perf_counter()]

    def lap(part: str) -> None:
        if timings is not None:
            now = time.perf_counter()
            timings[f"extract.{part}"] = timings.get(f"extract.{part}", 0.0) + now - clock[0]
            clock[0] = now

    html = slim_html(html, max_bytes)
    m = _HTML_LANG.search(html[:5000])
    lang_hint = m.group(1).lower() if m else None
    tree = parse_html(html)
    if tree is None:
        return None
    if _TOO_DEEP(tree):
        # lxml stops at 255 levels and silently drops what is deeper: refuse instead (the tag count, 3 ms a
        # page, runs only here, for the message)
        raise NotAnArticle(f"HTML nested {nesting_depth(html)} levels deep: past the parser's limit of 255, no "
                           "article content could be extracted", "html.too_deep")
    lap("parse")
    # metadata first, from the page as published: selectors remove bylines and datelines from the body, not
    # from what the page says about itself
    meta = page_metadata(tree, url, set_date_params(True))
    date = published_in_markup(tree)
    date_from_markup = date is not None
    date = date or meta.date
    if year_only_guess(date, html):
        date = None
    fallback_title = extract_title(tree)
    lap("metadata")
    removals, consent_share = preclean_html(tree, selectors, guard_share)
    lap("selectors")
    if meta.title and meta.title == fallback_title:
        # no title in the page's metadata: trafilatura took a heading, which may be a logo, a newsletter box or
        # a comment form's: take the heading the <title> element names
        meta.title = headline(tree, extract_title(tree) or meta.title, (site_from_url(url or meta.url),
                                                                          meta.sitename))
    if consent_share > 0.6:
        raise NotAnArticle(f"not an article: cookie-consent page ({consent_share:.0%} of its text is the banner)",
                           "not_article.consent_wall", removals)
    lines = visible_lines(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url or meta.url, with_metadata=False, include_comments=False, include_tables=True,
        include_images=False, include_links=False, fast=False,
    )
    if doc is None or doc.body is None:
        lap("body")
        return None
    blocks = _blocks_from_body(doc.body)
    links = link_texts(tree)
    lap("body")
    return Extracted(
        blocks=blocks, removals=removals, title=meta.title, author=meta.author, date=date,
        date_from_markup=date_from_markup, sitename=meta.sitename, url=meta.url, lang_hint=lang_hint, lines=lines,
        link_texts=links,
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
