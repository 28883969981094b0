"""Config CSS selectors run on lxml trees in one pass over the page.

Boilerplate selectors are mostly simple (`nav`, `[class*="cookie" i]`, `ins.adsbygoogle`). Run as XPath, each
case-insensitive attribute test lower-cases the attribute again on every node: ~33 ms a 100 KB page for the
shipped selectors, most of trafilatura's own time. Here the simple ones become Python tests behind one regex
prefilter per attribute, so the page is walked once (~4 ms). Selectors with combinators or pseudo-classes
(`:has()`, `a b`) run as XPath compiled by cssselect; both paths give the same matches (tests/test_css.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
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

    def __call__(self, el: HtmlElement) -> bool:
        have = el.get(self.attr)
        if have is None:
            return False
        if self.ci:
            return _OPS[self.op](have.translate(_ASCII_LOWER), self.value.translate(_ASCII_LOWER))
        return _OPS[self.op](have, self.value)


@dataclass(frozen=True)
class _Simple:
    """A compound selector without combinators: an optional tag name and attribute tests, all required."""

    tag: str | None
    tests: tuple[_Test, ...]

    def matches(self, el: HtmlElement) -> bool:
        return (self.tag is None or el.tag == self.tag) and all(t(el) for t in self.tests)


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


class PageMatcher:
    """Finds, for a list of selectors, the candidate elements of a page in one walk."""

    def __init__(self, selectors: tuple[CompiledSelector, ...]) -> None:
        self.selectors = selectors
        tags: set[str] = set()
        needles: dict[str, set[str]] = {}
        for sel in selectors:
            for part in sel.simple:
                valued = [t for t in part.tests if t.value and t.op != "exists"]
                if valued:  # an element can match only if this attribute holds this text (in any case)
                    t = valued[0]
                    needles.setdefault(t.attr, set()).add(t.value.translate(_ASCII_LOWER))
                elif part.tests:
                    needles.setdefault(part.tests[0].attr, set()).add("")
                else:
                    tags.add(part.tag or "*")
        self._tags = frozenset(tags)
        self._any_tag = "*" in tags
        self._needles = {a: re.compile("|".join(sorted(map(re.escape, v), key=len, reverse=True)))
                         for a, v in needles.items()}

    def candidates(self, root: HtmlElement) -> list[HtmlElement]:
        tags, needles, any_tag = self._tags, self._needles, self._any_tag
        out = []
        for el in root.iter(etree.Element):
            if any_tag or el.tag in tags:
                out.append(el)
                continue
            attrib = el.attrib
            if attrib:
                for name, rx in needles.items():
                    value = attrib.get(name)
                    if value is not None and rx.search(value.translate(_ASCII_LOWER)):
                        out.append(el)
                        break
        return out

    @staticmethod
    def matches(sel: CompiledSelector, root: HtmlElement, candidates: list[HtmlElement]) -> list[HtmlElement]:
        """Elements matching `sel`, in document order (XPath selectors see the tree as it is now)."""
        if sel.xpath is not None:
            return sel.xpath(root)
        return [el for el in candidates if any(p.matches(el) for p in sel.simple)]
