"""Config CSS selectors run on lxml trees in one pass over the page.

Boilerplate selectors are mostly simple (`nav`, `[class*="cookie" i]`, `ins.adsbygoogle`). Run as XPath, each
case-insensitive attribute test lower-cases the attribute again on every node, many times the cost of
trafilatura's own extraction (README, "Throughput"). Here the simple ones become Python tests, filed under the
text or tag they need and found in one walk of the page. Selectors with combinators or pseudo-classes (`:has()`,
`a b`) run as XPath compiled by cssselect; both paths give the same matches (tests/test_css.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import cssselect
from cssselect import HTMLTranslator
from cssselect.parser import Attrib, Class, Element, Hash
from lxml import etree
from lxml.html import HtmlElement

_TRANSLATOR = HTMLTranslator()
# CSS separates class names by ASCII whitespace only, and its `i` flag folds ASCII letters only
_WS = re.compile(r"[ \t\n\r\f]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_OPS: dict[str, Callable[[str, str], bool]] = {
    "exists": lambda have, want: True,
    "=": lambda have, want: have == want,
    "~=": lambda have, want: bool(want) and not _WS.search(want) and want in _WS.split(have),
    "^=": lambda have, want: bool(want) and have.startswith(want),
    "$=": lambda have, want: bool(want) and have.endswith(want),
    "*=": lambda have, want: bool(want) and want in have,
    "|=": lambda have, want: have == want or have.startswith(want + "-"),
}


@dataclass(frozen=True)
class _Test:
    attr: str
    op: str
    value: str
    ci: bool
    # what an attribute is compared with, lower-cased once here rather than on every element, and how
    want: str = field(init=False, repr=False, compare=False)
    check: Callable[[str, str], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "want", self.value.translate(_ASCII_LOWER) if self.ci else self.value)
        object.__setattr__(self, "check", _OPS[self.op])

    def test(self, attrib: dict[str, str], lowered: dict[str, str]) -> bool:
        """`lowered` holds the element's attribute values lower-cased (ASCII), for the `i` flag."""
        have = (lowered if self.ci else attrib).get(self.attr)
        return have is not None and self.check(have, self.want)


@dataclass(frozen=True)
class _Simple:
    """A compound selector without combinators: an optional tag name and attribute tests, all required."""

    tag: str | None
    tests: tuple[_Test, ...]

    def matches(self, tag: str, attrib: dict[str, str], lowered: dict[str, str]) -> bool:
        if self.tag is not None and tag != self.tag:
            return False
        return all(t.test(attrib, lowered) for t in self.tests)


def _simple(tree: object) -> _Simple | None:
    tests: list[_Test] = []
    while True:
        if isinstance(tree, Attrib) and tree.namespace is None and tree.operator in _OPS:
            value = "" if tree.value is None else tree.value.value
            tests.append(_Test(tree.attrib.lower(), tree.operator, value, tree.flag == "i"))
            tree = tree.selector
        elif isinstance(tree, Class):
            tests.append(_Test("class", "~=", tree.class_name, False))
            tree = tree.selector
        elif isinstance(tree, Hash):
            tests.append(_Test("id", "=", tree.id, False))
            tree = tree.selector
        elif isinstance(tree, Element) and tree.namespace is None:
            tag = None if tree.element in (None, "*") else tree.element.lower()
            return _Simple(tag, tuple(reversed(tests)))
        else:
            return None


@dataclass(frozen=True)
class CompiledSelector:
    css: str
    simple: tuple[_Simple, ...]  # when every part is simple: tested in Python
    xpath: etree.XPath | None  # otherwise the whole selector as one XPath


@lru_cache(maxsize=256)
def compile_css(css: str) -> CompiledSelector:
    """Raises cssselect's SelectorError/ExpressionError for bad or unsupported CSS."""
    parsed = cssselect.parse(css)
    parts = [None if sel.pseudo_element else _simple(sel.parsed_tree) for sel in parsed]
    if all(p is not None for p in parts):
        return CompiledSelector(css, tuple(p for p in parts if p is not None), None)
    # one complex part: the whole selector runs as XPath, so its matches stay in document order
    walks = [_TRANSLATOR.selector_to_xpath(sel, prefix="descendant-or-self::") for sel in parsed]
    return CompiledSelector(css, (), etree.XPath(" | ".join(walks)))


_Part = tuple[int, _Simple]  # a simple selector's part, with the index of its selector


class PageMatcher:
    """Finds, for a list of selectors, what each simple selector matches on a page in one walk.

    Each part of a simple selector is filed under what an element must have to match it: the text its first
    valued attribute test needs (`[class*="cookie" i]`: "cookie" in the class, in any case), else an
    attribute's presence, else its tag. The walk finds those keys per element (one regex per attribute name,
    then the needles it holds) and tests only the parts filed under them. A simple selector tests tags and
    attributes, which removing other nodes does not change, so its matches can be found before any removal.
    """

    def __init__(self, selectors: tuple[CompiledSelector, ...]) -> None:
        self.selectors = selectors
        self._by_tag: dict[str, list[_Part]] = {}
        self._by_needle: dict[tuple[str, str], list[_Part]] = {}
        for i, sel in enumerate(selectors):
            for part in sel.simple:
                valued = [t for t in part.tests if t.value and t.op != "exists"]
                if valued:  # an element can match only if this attribute holds this text (in any case)
                    key = (valued[0].attr, valued[0].value.translate(_ASCII_LOWER))
                    self._by_needle.setdefault(key, []).append((i, part))
                elif part.tests:  # only presence tests: the attribute must be there
                    self._by_needle.setdefault((part.tests[0].attr, ""), []).append((i, part))
                else:
                    self._by_tag.setdefault(part.tag or "*", []).append((i, part))
        self._any = self._by_tag.get("*", [])
        if self._any:
            self._by_tag = {tag: parts + self._any for tag, parts in self._by_tag.items()}
        needles: dict[str, list[str]] = {}
        for attr, needle in self._by_needle:
            needles.setdefault(attr, []).append(needle)
        self._needles = {a: tuple(v) for a, v in needles.items()}
        # a cheap first test per attribute name on the value's lower() (a superset of the `i` flag's ASCII folding)
        self._screens = {a: re.compile("|".join(sorted(map(re.escape, v), key=len, reverse=True)))
                         for a, v in needles.items()}

    def candidates(self, root: HtmlElement) -> dict[int, list[HtmlElement]]:
        """Every simple selector's matches (by its index), in document order."""
        out: dict[int, list[HtmlElement]] = {i: [] for i, sel in enumerate(self.selectors) if sel.xpath is None}
        by_tag, by_needle, needles, screens, anywhere = (self._by_tag, self._by_needle, self._needles, self._screens,
                                                          self._any)
        for el in root.iter(etree.Element):
            parts = by_tag.get(el.tag, anywhere)
            attrib = el.attrib
            if attrib:
                for name, screen in screens.items():
                    value = attrib.get(name)
                    if value is None:
                        continue
                    low = value.lower()
                    if screen.search(low):
                        parts = parts + [p for needle in needles[name] if needle in low
                                         for p in by_needle[(name, needle)]]
            if parts:
                self._test(el, parts, out)
        return out

    @staticmethod
    def _test(el: HtmlElement, parts: list[_Part], out: dict[int, list[HtmlElement]]) -> None:
        raw = dict(el.attrib)
        lowered = {k: v.translate(_ASCII_LOWER) for k, v in raw.items()}
        done: set[int] = set()
        for i, part in parts:
            if i not in done and part.matches(el.tag, raw, lowered):
                done.add(i)
                out[i].append(el)

    def matches(self, i: int, root: HtmlElement, candidates: dict[int, list[HtmlElement]]) -> list[HtmlElement]:
        """Elements matching this matcher's i-th selector, in document order; XPath selectors see the tree as it
        is now."""
        sel = self.selectors[i]
        if sel.xpath is not None:
            return sel.xpath(root)
        return list(candidates[i])
