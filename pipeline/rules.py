"""Boilerplate rules and CSS selectors loaded from config/ as data, validated on load.

A rule names the file and id it came from, so an error or a removal can always be traced back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.settings import CONFIG_DIR, ConfigError, read_toml

CATEGORIES = frozenset(
    {
        "cookie", "newsletter", "related", "share", "ad", "paywall", "comments", "caption", "credit",
        "reading_time", "byline", "dateline", "updated", "tags", "breadcrumb", "copyright", "legal",
        "submission", "footer", "navigation", "social", "title", "repeated",
    }
)
ACTIONS = frozenset({"line", "tail", "between"})
ZONES = frozenset({"any", "header"})
CAPTURES = frozenset({"author", "reading_time", "published"})
_RULE_FIELDS = {
    "id", "category", "action", "pattern", "end_pattern", "max_words", "zone", "capture", "take_next",
    "description", "examples",
}
_SELECTOR_FIELDS = {"id", "category", "css", "description"}


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    action: str
    pattern: re.Pattern[str]
    max_words: int
    zone: str = "any"
    capture: str | None = None
    take_next: bool = False
    end_pattern: re.Pattern[str] | None = None
    source: str = ""


@dataclass(frozen=True)
class Selector:
    id: str
    category: str
    css: str
    source: str = ""


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    selectors: tuple[Selector, ...]
    site_rules: dict[str, tuple[Rule, ...]] = field(default_factory=dict)
    site_selectors: dict[str, tuple[Selector, ...]] = field(default_factory=dict)

    # site -> its rules then the shared ones, the same tuple every time (boilerplate's rule screen is kept per tuple)
    _rules_for: dict[str, tuple[Rule, ...]] = field(default_factory=dict, compare=False, repr=False)

    def rules_for(self, site: str | None) -> tuple[Rule, ...]:
        key = site or ""
        out = self._rules_for.get(key)
        if out is None:
            own = self.site_rules.get(key, ())
            out = own + self.rules if own else self.rules
            if len(self._rules_for) < 4096:  # bounded: one entry per site seen
                self._rules_for[key] = out
        return out

    def selectors_for(self, site: str | None) -> tuple[Selector, ...]:
        return self.site_selectors.get(site or "", ()) + self.selectors


def _compile(path: Path, rid: str, key: str, value: object) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{path}: rule {rid!r}: {key} must be a non-empty string")
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{path}: rule {rid!r}: bad regex in {key}: {exc}") from exc


def _parse_rule(path: Path, raw: dict, seen: set[str]) -> Rule:
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise ConfigError(f"{path}: a rule has no id: {raw!r}")
    unknown = set(raw) - _RULE_FIELDS
    if unknown:
        raise ConfigError(f"{path}: rule {rid!r}: unknown field(s) {sorted(unknown)}")
    if rid in seen:
        raise ConfigError(f"{path}: rule {rid!r}: duplicate id")
    seen.add(rid)
    category = raw.get("category")
    if category not in CATEGORIES:
        raise ConfigError(f"{path}: rule {rid!r}: unknown category {category!r}")
    action = raw.get("action", "line")
    if action not in ACTIONS:
        raise ConfigError(f"{path}: rule {rid!r}: unknown action {action!r}")
    zone = raw.get("zone", "any")
    if zone not in ZONES:
        raise ConfigError(f"{path}: rule {rid!r}: unknown zone {zone!r}")
    capture = raw.get("capture")
    if capture is not None and capture not in CAPTURES:
        raise ConfigError(f"{path}: rule {rid!r}: unknown capture {capture!r}")
    max_words = raw.get("max_words", 12)
    if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1:
        raise ConfigError(f"{path}: rule {rid!r}: max_words must be a positive integer")
    pattern = _compile(path, rid, "pattern", raw.get("pattern"))
    if capture and capture not in pattern.groupindex and not raw.get("take_next"):
        raise ConfigError(f"{path}: rule {rid!r}: capture {capture!r} needs a (?P<{capture}>...) group")
    end = raw.get("end_pattern")
    if action == "between" and end is None:
        raise ConfigError(f"{path}: rule {rid!r}: action 'between' needs end_pattern")
    take_next = raw.get("take_next", False)
    if not isinstance(take_next, bool):
        raise ConfigError(f"{path}: rule {rid!r}: take_next must be true or false")
    examples = raw.get("examples", [])
    rule = Rule(
        id=rid, category=category, action=action, pattern=pattern, max_words=max_words, zone=zone,
        capture=capture, take_next=take_next,
        end_pattern=_compile(path, rid, "end_pattern", end) if end is not None else None,
        source=str(path),
    )
    for example in examples:
        if not rule.pattern.search(normalize_for_match(example)):
            raise ConfigError(f"{path}: rule {rid!r}: pattern does not match its own example {example!r}")
    return rule


def _parse_selector(path: Path, raw: dict, seen: set[str]) -> Selector:
    sid = raw.get("id")
    if not isinstance(sid, str) or not sid:
        raise ConfigError(f"{path}: a selector has no id: {raw!r}")
    unknown = set(raw) - _SELECTOR_FIELDS
    if unknown:
        raise ConfigError(f"{path}: selector {sid!r}: unknown field(s) {sorted(unknown)}")
    if sid in seen:
        raise ConfigError(f"{path}: selector {sid!r}: duplicate id")
    seen.add(sid)
    if raw.get("category") not in CATEGORIES:
        raise ConfigError(f"{path}: selector {sid!r}: unknown category {raw.get('category')!r}")
    css = raw.get("css")
    if not isinstance(css, str) or not css.strip():
        raise ConfigError(f"{path}: selector {sid!r}: css must be a non-empty string")
    try:
        from pipeline.css import compile_css

        compile_css(css)  # what pipeline/extract.py runs
    except Exception as exc:  # cssselect's SelectorError / ExpressionError, lxml's XPathSyntaxError
        raise ConfigError(f"{path}: selector {sid!r}: bad CSS selector: {exc}") from exc
    return Selector(id=sid, category=raw["category"], css=css, source=str(path))


def _load_file(path: Path, seen_rules: set[str], seen_sel: set[str]) -> tuple[list[Rule], list[Selector]]:
    data = read_toml(path)
    unknown = set(data) - {"rule", "selector", "language", "host", "description"}
    if unknown:
        raise ConfigError(f"{path}: unknown top-level key(s) {sorted(unknown)}")
    rules = [_parse_rule(path, r, seen_rules) for r in data.get("rule", [])]
    selectors = [_parse_selector(path, s, seen_sel) for s in data.get("selector", [])]
    return rules, selectors


def load_rules(config_dir: str | Path | None = None) -> RuleSet:
    """Read config/boilerplate/*.toml, config/selectors.toml and config/sites/<host>.toml."""
    cdir = Path(config_dir) if config_dir else CONFIG_DIR
    seen_rules: set[str] = set()
    seen_sel: set[str] = set()
    rules: list[Rule] = []
    selectors: list[Selector] = []
    files = sorted((cdir / "boilerplate").glob("*.toml"))
    if (cdir / "selectors.toml").exists():
        files.append(cdir / "selectors.toml")
    for path in files:
        r, s = _load_file(path, seen_rules, seen_sel)
        rules += r
        selectors += s
    site_rules: dict[str, tuple[Rule, ...]] = {}
    site_selectors: dict[str, tuple[Selector, ...]] = {}
    for path in sorted((cdir / "sites").glob("*.toml")):
        host = path.stem.lower().removeprefix("www.")
        r, s = _load_file(path, seen_rules, seen_sel)
        site_rules[host] = tuple(r)
        site_selectors[host] = tuple(s)
    return RuleSet(tuple(rules), tuple(selectors), site_rules, site_selectors)


@lru_cache(maxsize=4)
def cached_rules(config_dir: str) -> RuleSet:
    return load_rules(config_dir)


def unify_apostrophes(text: str) -> str:
    """Typographic apostrophes as "'" (str.replace: much faster than str.translate on non-ASCII text)."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


def normalize_for_match(text: str) -> str:
    """The form rules are matched against: typographic apostrophes and spaces unified, whitespace collapsed.

    str.split() splits on exactly the characters regex \\s matches in str patterns (str.isspace), no-break
    spaces included, so this is re.sub(r"\\s+", " ", ...).strip() without the regex."""
    return " ".join(unify_apostrophes(text).split())
