"""Is this page an article? Rejects only on positive evidence; everything else is kept.

A page is not an article when it shows what it is instead: an index of headline links or headlines with
teasers, an error page, a login form, a paywall stub with nothing of the article left, or nothing at all.
Short articles, list-bodied articles, one sentence a line, Chinese or Thai text: kept. The evidence and its
thresholds are data (config/pagetypes.toml); each verdict carries a stable reason code and a message that
says what was seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.models import Block, Removal
from pipeline.settings import CONFIG_DIR, ConfigError, read_toml
from pipeline.textstats import word_count

_NORM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Verdict:
    """Why a page is not an article: a stable code for SQL and reports, a message for people."""

    code: str
    message: str


@dataclass(frozen=True)
class Signal:
    id: str
    code: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class PageTypeRules:
    signals: tuple[Signal, ...]
    error_max_words: int = 120
    login_max_words: int = 80
    paywall_stub_max_words: int = 25
    index_min_links: int = 6
    index_link_share: float = 0.6
    index_max_paragraph_words: int = 25
    index_min_headings: int = 5


@lru_cache(maxsize=8)
def load_pagetype_rules(config_dir: str | None = None) -> PageTypeRules:
    path = Path(config_dir or CONFIG_DIR) / "pagetypes.toml"
    if not path.exists():
        return PageTypeRules(signals=())
    data = read_toml(path)
    signals = []
    for raw in data.get("signal", []):
        missing = {"id", "code", "pattern"} - set(raw)
        if missing:
            raise ConfigError(f"{path}: signal {raw.get('id', '?')!r} lacks {', '.join(sorted(missing))}")
        if not raw["code"].startswith("not_article."):
            raise ConfigError(f"{path}: signal {raw['id']!r}: code must start with 'not_article.'")
        try:
            pattern = re.compile(raw["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"{path}: signal {raw['id']!r}: bad regex: {exc}") from exc
        signals.append(Signal(raw["id"], raw["code"], pattern))
    limits = data.get("limits", {})
    known = set(PageTypeRules.__dataclass_fields__) - {"signals"}
    unknown = set(limits) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [limits]: {', '.join(sorted(unknown))}")
    return PageTypeRules(signals=tuple(signals), **limits)


def link_key(text: str) -> str:
    """Link texts and blocks compare with case, punctuation and spacing ignored."""
    return _NORM.sub(" ", text.casefold()).strip()


def _signal(rules: PageTypeRules, code: str, texts: list[str]) -> Signal | None:
    for sig in rules.signals:
        if sig.code == code and any(sig.pattern.search(t) for t in texts):
            return sig
    return None


def _link_coverage(text: str, link_texts: frozenset[str]) -> tuple[float, int]:
    """Share of a block's characters that are texts of the page's links, and how many links it holds."""
    key = link_key(text)
    if not key:
        return 0.0, 0
    if key in link_texts:
        return 1.0, 1
    found = [k for k in link_texts if k in key]
    return min(1.0, sum(len(k) + 1 for k in found) / (len(key) + 1)), len(found)


def _link_index(body: list[tuple[Block, int]], rules: PageTypeRules, link_texts: frozenset[str]) -> Verdict | None:
    """Headline links make up the body (one block each, or glued in one), and no real paragraph is left."""
    link_words = 0.0
    links = 0
    for block, n in body:
        share, count = _link_coverage(block.text, link_texts)
        if share >= 0.8:
            link_words += n * share
            links += count
        elif n >= rules.index_max_paragraph_words:
            return None
    body_words = sum(n for _, n in body) or 1
    if links >= rules.index_min_links and link_words >= rules.index_link_share * body_words:
        return Verdict("not_article.index",
                       f"not an article: an index of headline links ({links} links of the page make "
                       f"{link_words / body_words:.0%} of its words)")
    return None


def classify_page(blocks: list[Block], title: str | None, removals: list[Removal], rules: PageTypeRules,
                  link_texts: frozenset[str] = frozenset(), from_markup: bool = True) -> Verdict | None:
    """The reason this cleaned page is not an article, or None to keep it. from_markup: the block kinds come
    from HTML elements (for text input they are guessed from line shapes)."""
    words = [word_count(b.text) for b in blocks]
    total = sum(words)
    if total == 0:
        return Verdict("not_article.empty", "not an article: no text left after removing boilerplate")
    head = [t for t in [title or "", *(b.text for b in blocks[:1])] if t]
    head = [" ".join(t.split()) for t in head]
    if total <= rules.error_max_words and (sig := _signal(rules, "not_article.error_page", head)):
        return Verdict(sig.code, f"not an article: an error page ({sig.id}: {total} words)")
    if total <= rules.login_max_words and (sig := _signal(rules, "not_article.login", head)):
        return Verdict(sig.code, f"not an article: a login page ({sig.id}: {total} words)")
    paywall = [r.rule_id for r in removals if r.category == "paywall"]
    notices = [i for i, b in enumerate(blocks) if _signal(rules, "not_article.paywall_stub", [b.text])]
    left = total - sum(words[i] for i in notices)
    if (paywall or notices) and left <= rules.paywall_stub_max_words:
        seen = paywall[0] if paywall else "page.paywall"
        return Verdict("not_article.paywall_stub",
                       f"not an article: a paywall stub ({seen}, {left} words of article left)")
    body = [(b, n) for b, n in zip(blocks, words, strict=True) if b.kind != "heading"]
    if len(link_texts) >= rules.index_min_links:
        verdict = _link_index(body, rules, link_texts)
        if verdict:
            return verdict
    if not from_markup:
        return None  # headings of text input are guesses from line shapes: no evidence of an index
    headings = len(blocks) - len(body)
    longest = max((n for b, n in body if b.kind in ("paragraph", "quote")), default=0)
    if headings >= rules.index_min_headings and longest < rules.index_max_paragraph_words \
            and headings >= 0.6 * len(body):
        return Verdict("not_article.index",
                       f"not an article: a section front ({headings} headlines with short teasers, no paragraph "
                       f"of {rules.index_max_paragraph_words} words or more)")
    return None
