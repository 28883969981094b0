"""Which boilerplate rules could match a block at all, told by the block's first character.

Every rule pattern is anchored at the start of the block (`^...`), so a match must begin with the block's first
character. From each pattern's parse tree we take the set of characters its first consumed character can be
(lookaheads and other zero-width assertions are skipped: they only narrow a match); a block is then tried only
against the rules whose set holds its first character, in the rules' own order, so the first rule that matches
is the same one. The sets are tested with the regex engine and the pattern's own flags (case folding included),
and each character's candidate rules are worked out once per rule set.

Whatever the analysis cannot be sure of (a pattern not anchored at every branch, one that can match the empty
string, a backreference, a local flag other than IGNORECASE) makes the rule a candidate for every block: the
screen only ever skips a rule that cannot match. tests/test_rulescreen.py checks that on the shipped rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Protocol

_ANCHORS = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
# flags under which a one-character test is at least as wide as the pattern's own test
_SAFE_FLAGS = re.IGNORECASE | re.UNICODE | re.VERBOSE | re.DOTALL
# a required literal shorter than this is too common to be worth a search of its own
MIN_REQUIRED = 3


class _Unknown(Exception):
    """The analysis cannot tell: the rule stays a candidate for every block."""


class _HasPattern(Protocol):
    pattern: re.Pattern[str]


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _item_source(op: Any, av: Any) -> str:
    """One consuming item as a one-character regex."""
    if op is sre.LITERAL:
        return _char(av)
    if op is sre.NOT_LITERAL:
        return f"[^{_char(av)}]"
    if op is sre.IN:
        negate, parts = "", []
        for iop, iav in av:
            if iop is sre.NEGATE:
                negate = "^"
            elif iop is sre.LITERAL:
                parts.append(_char(iav))
            elif iop is sre.RANGE:
                parts.append(f"{_char(iav[0])}-{_char(iav[1])}")
            elif iop is sre.CATEGORY and iav in _CATEGORIES:
                parts.append(_CATEGORIES[iav])
            else:
                raise _Unknown
        return f"[{negate}{''.join(parts)}]"
    raise _Unknown  # ANY (every character) and whatever else


def _first(seq: Any, out: list[str]) -> bool:
    """Add the one-character regexes a match of seq can begin with to out; True when seq can match empty."""
    for op, av in seq:
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN):
            out.append(_item_source(op, av))
            return False
        if op is sre.SUBPATTERN:
            _group, add, delete, sub = av
            if (add | delete) & ~re.IGNORECASE:
                raise _Unknown
            if not _first(sub, out):
                return False
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            if not _first(av, out):
                return False
        elif op is sre.BRANCH:
            nullable = False
            for alt in av[1]:
                nullable |= _first(alt, out)
            if not nullable:
                return False
        elif op in _REPEATS:
            low, _high, sub = av
            if not _first(sub, out) and low > 0:
                return False
        else:
            raise _Unknown
    return True


def _anchored(seq: Any) -> bool:
    """True when every match of seq starts at the start of the string."""
    for op, av in seq:
        if op is sre.AT and av in _ANCHORS:
            return True
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.SUBPATTERN:
            return _anchored(av[3])
        if op is getattr(sre, "ATOMIC_GROUP", None):
            return _anchored(av)
        if op is sre.BRANCH:
            return all(_anchored(alt) for alt in av[1])
        return False
    return False


def _parsed(pattern: re.Pattern[str]) -> Any:
    """The pattern's parse tree; _Unknown when its flags or type put it beyond this analysis."""
    if not isinstance(pattern.pattern, str) or pattern.flags & ~_SAFE_FLAGS:
        raise _Unknown(pattern.pattern)
    return sre_parse.parse(pattern.pattern, pattern.flags)


def first_char_test(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex that fullmatches every character a match of pattern can start with (a superset), or None when
    any block could match (not anchored, can match the empty string, or not analysable)."""
    try:
        tree = _parsed(pattern)
        if not _anchored(tree):
            return None
        firsts: list[str] = []
        if _first(tree, firsts) or not firsts:
            return None
        return re.compile("|".join(sorted(set(firsts))), re.IGNORECASE | re.DOTALL)
    except (_Unknown, re.error, RecursionError, TypeError, ValueError):
        return None


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several required-literal sets: the longest shortest literal, then the fewest."""
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _required(seq: Any) -> frozenset[str] | None:
    """A set of literals one of which every match of seq contains (None: cannot tell)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*seq, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        if op is sre.SUBPATTERN:
            if (av[1] | av[2]) & ~re.IGNORECASE:
                return None
            found = _required(av[3])
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found = _required(av)
        elif op is sre.ASSERT:  # what a lookahead or lookbehind matches is in the text too
            found = _required(av[1])
        elif op is sre.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            found = None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] > 0:
            found = _required(av[2])
        else:
            found = None
        if found:
            options.append(found)
    return _best(options)


def _broad(op: Any, av: Any) -> bool:
    return op in (sre.ANY, sre.NOT_LITERAL) or (op is sre.IN and any(iop is sre.NEGATE for iop, _ in av))


def _scans(seq: Any) -> bool:
    """True when a pattern may read far into a block before it can fail: a lookaround before its first
    character, or a first character from a negated set or any character."""
    for op, av in seq:
        if op is sre.AT:
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT) or _broad(op, av):
            return True
        if op in (sre.LITERAL, sre.IN):
            return False
        if op is sre.SUBPATTERN:
            return _scans(av[3])
        if op is sre.BRANCH:
            return any(_scans(alt) for alt in av[1])
        if op in _REPEATS:
            if _scans(av[2]):
                return True
            if av[0] > 0:
                return False
            continue  # an optional prefix: what follows may come first
        return True
    return False


def required_test(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern that may read far into a block before failing: a regex that finds, case-insensitively, one
    of the literals any match must contain (a block without one cannot match). None for the other patterns,
    whose own search fails at once, and when no literal of at least MIN_REQUIRED characters is required."""
    try:
        tree = _parsed(pattern)
        if not _scans(tree):
            return None
        need = _required(tree)
    except (_Unknown, re.error, RecursionError, TypeError, ValueError):
        return None
    if not need or min(map(len, need)) < MIN_REQUIRED:
        return None
    return re.compile("|".join(re.escape(lit) for lit in sorted(need)), re.IGNORECASE)


class RuleScreen:
    """For an ordered sequence of rules: the rules that could match a block, told by its first character, its
    number of words (a rule's `max_words`) and whether it is in the page's header (a rule's `zone`), each with
    the search for its required literals (None when it has none worth a search)."""

    def __init__(self, rules: Sequence[_HasPattern]) -> None:
        self.rules = tuple(rules)
        self._tests = [first_char_test(r.pattern) for r in self.rules]
        needs: dict[str, re.Pattern[str]] = {}  # one search per distinct literal set, shared by its rules
        self._needs: list[re.Pattern[str] | None] = []
        for rule in self.rules:
            need = required_test(rule.pattern)
            self._needs.append(needs.setdefault(need.pattern, need) if need is not None else None)
        self._max_words = max((getattr(r, "max_words", 0) for r in self.rules), default=0)
        self._by_char: dict[str, tuple[int, ...]] = {}
        self._by_key: dict[tuple[str, int, bool], tuple[tuple[Any, re.Pattern[str] | None], ...]] = {}

    def _for_char(self, first: str) -> tuple[int, ...]:
        out = self._by_char.get(first)
        if out is None:
            out = self._by_char[first] = tuple(
                i for i, test in enumerate(self._tests) if test is None or (first and test.fullmatch(first)))
        return out

    def candidates(self, text: str, nwords: int | None = None,
                   in_header: bool = True) -> tuple[tuple[Any, re.Pattern[str] | None], ...]:
        """(rule, required-literal search) for the rules, in order, that could match text: a rule left out
        cannot match it, nor can a rule whose search finds nothing in text. With nwords, rules whose
        max_words is below it are left out, and header rules when not in_header."""
        key = (text[:1], -1 if nwords is None else min(nwords, self._max_words + 1), in_header)
        out = self._by_key.get(key)
        if out is None:
            out = self._by_key[key] = tuple(
                (self.rules[i], self._needs[i]) for i in self._for_char(key[0])
                if nwords is None or (nwords <= self.rules[i].max_words
                                      and (in_header or self.rules[i].zone != "header")))
        return out


_SCREENS: dict[int, RuleScreen] = {}


def screen_for(rules: Sequence[_HasPattern]) -> RuleScreen:
    """The screen of this rule tuple, built once and kept while the tuple lives (RuleSet.rules_for returns the
    same tuple for a site every time); another kind of sequence gets a new screen."""
    if not isinstance(rules, tuple):
        return RuleScreen(rules)
    screen = _SCREENS.get(id(rules))
    if screen is None or screen.rules is not rules:  # the screen holds its tuple, so an id is never reused
        if len(_SCREENS) >= 64:
            _SCREENS.clear()
        screen = _SCREENS[id(rules)] = RuleScreen(rules)
    return screen
