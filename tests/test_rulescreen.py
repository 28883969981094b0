"""The rule screen (pipeline/rulescreen.py) never leaves out a rule that would match: the first matching rule is
the one a plain loop over every rule finds, on the shipped rules' examples, their variants and generated blocks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.boilerplate import _first_match, strip_boilerplate
from pipeline.models import Block
from pipeline.rules import load_rules, normalize_for_match
from pipeline.rulescreen import RuleScreen, first_char_test, required_test, screen_for
from pipeline.settings import CONFIG_DIR, read_toml

RULESET = load_rules()
RULES = RULESET.rules_for(None)
_OLD_WS = re.compile(r"\s+")
_OLD_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " "})


def _old_normalize(text: str) -> str:
    return _OLD_WS.sub(" ", text.translate(_OLD_APOS)).strip()


def _plain_first_match(rules, text: str, in_header: bool):
    """The loop the screen replaces: every rule, in order."""
    norm = _old_normalize(text)
    nwords = len(norm.split())
    for rule in rules:
        if nwords > rule.max_words or (rule.zone == "header" and not in_header):
            continue
        m = rule.pattern.search(norm)
        if m:
            return rule.id, m.span(), m.groupdict()
    return None


def _screened_first_match(rules, text: str, in_header: bool):
    hit = _first_match(rules, Block("paragraph", text), in_header)
    return (hit[0].id, hit[1].span(), hit[1].groupdict()) if hit else None


def _examples() -> list[str]:
    out = []
    for path in sorted((CONFIG_DIR / "boilerplate").glob("*.toml")):
        for rule in read_toml(path).get("rule", []):
            out += rule.get("examples", [])
    return out


EXAMPLES = _examples()
# words and phrases of the rule vocabulary: literal runs of the patterns
VOCAB = sorted({w for r in RULES for w in re.findall(r"[^\W\d_][\w' -]{1,30}", r.pattern.pattern)})
FOLDS = ["\u017f", "\u212a", "\u0130", "\u0131", "\u00df", "\u1e9e", "\u00a0", "\u2019", "\u202f", "\u2028", "\x1c"]


def _variants(text: str) -> list[str]:
    words = text.split()
    return [text, text.upper(), text.lower(), text.title(), " " + text, "\u00a0" + text, "x" + text, text + ".",
            text.replace(" ", "\u00a0"), text.replace("'", "\u2019"), " ".join(words[1:]), " ".join(words[:-1]),
            text + " " + text, "\u017f" + text[1:], "\u212a" + text[1:], "\u0130" + text[1:], text[:1]]


def test_screen_agrees_with_plain_loop_on_rule_examples_and_variants():
    assert len(EXAMPLES) > 100
    for example in EXAMPLES:
        for text in _variants(example):
            for in_header in (True, False):
                assert _screened_first_match(RULES, text, in_header) == _plain_first_match(RULES, text, in_header), \
                    (text, in_header)


def test_screen_keeps_every_rule_that_matches():
    """Stronger than the first match: each matching rule is a candidate and its required literals are found."""
    screen = screen_for(RULES)
    for example in EXAMPLES:
        for text in _variants(example):
            norm = normalize_for_match(text)
            kept = {rule.id: need for rule, need in screen.candidates(norm)}
            for rule in RULES:
                if rule.pattern.search(norm):
                    assert rule.id in kept, (rule.id, text)
                    need = kept[rule.id]
                    assert need is None or need.search(norm), (rule.id, text)


pieces = st.one_of(st.sampled_from(VOCAB), st.sampled_from(EXAMPLES), st.sampled_from(FOLDS),
                   st.text(max_size=12), st.from_regex(r"\d{1,4}[:./ h-]?\d{0,2}", fullmatch=True))
seps = st.sampled_from([" ", "", ": ", " | ", " - ", ". ", "\u00a0", " / ", " > ", "\n", ", "])
blocks = st.lists(st.tuples(pieces, seps), min_size=1, max_size=8).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks, st.booleans(), st.sampled_from([str, str.upper, str.lower, str.capitalize]))
def test_screen_agrees_with_plain_loop_on_generated_blocks(text, in_header, case):
    text = case(text)
    assert _screened_first_match(RULES, text, in_header) == _plain_first_match(RULES, text, in_header)


def test_strip_boilerplate_same_as_with_every_rule_tried():
    """A screen that keeps every rule (no analysis) gives the same removals."""

    class Everything(RuleScreen):
        def candidates(self, text, nwords=None, in_header=True):
            return tuple((r, None) for r in self.rules
                         if nwords is None or (nwords <= r.max_words and (in_header or r.zone != "header")))

    blocks = [Block("paragraph", t) for t in EXAMPLES[::3] + ["Le conseil a voté le budget mardi soir."] * 3]
    screened = strip_boilerplate(blocks, RULES, header_blocks=4)
    import pipeline.boilerplate as bp
    original = bp.screen_for
    everything = Everything(RULES)
    bp.screen_for = lambda rules: everything
    try:
        plain = strip_boilerplate(blocks, RULES, header_blocks=4)
    finally:
        bp.screen_for = original
    assert screened == plain and screened.removals


@pytest.mark.parametrize("pattern, screened", [
    (r"^(?:a|b)?c", True), (r"^x*", False), (r"foo", False), (r"^a|b", False), (r"(?m)^a", False),
    (r"^(a)\1", True), (r"^(?=.*cookie).{0,20}$", False), (r"^(?!.*said)(?:we|our) use", True),
    (r"^.{10,300}?photo", False), (r"^$", False), (r"^(?-i:A)b", True), (r"^(?:^x|^y)", True),
])
def test_first_char_test_only_for_anchored_non_empty_patterns(pattern, screened):
    assert (first_char_test(re.compile(pattern, re.IGNORECASE)) is not None) is screened


@pytest.mark.parametrize("pattern", [
    r"^(?:a|b)?c", r"^k\w+", r"^s\w+", r"^i\w*", r"^(?-i:A)b", r"^ß", r"^[^x]y", r"^\d+ min", r"^\W+a",
    r"^(?!.*said)(?:we|our) use\b.{0,40}\bcookies?\b", r"^(?=.{0,20}\bnotre\b).{0,40}votre boîte",
    r"^[a-f\s]+z", r"^(?:[·|•,\-–—]\s*)?(?:updated)\s*:?\s*\d+", r"^.{2,30}? (?:uses|use) cookies\b",
])
def test_screen_never_skips_a_matching_text(pattern):
    """Case folds the engine knows (long s, Kelvin sign, dotted I, sharp s) included."""
    rule = type("R", (), {"pattern": re.compile(pattern, re.IGNORECASE)})()
    screen = RuleScreen([rule])
    texts = [a + b + c for a in ["", *FOLDS, "a", "A", "k", "S", "I", "x", "3", "-", "·", "W", "O", "N"]
             for b in ["", "b", "y", "z", "kelvin", " min", "e use the cookies", " notre votre boîte", ": 12"]
             for c in ["", " Cookies", " uses cookies", "!"]]
    for text in texts:
        if rule.pattern.search(text):
            kept = screen.candidates(text)
            assert kept and (kept[0][1] is None or kept[0][1].search(text)), (pattern, text)


def test_required_literals_only_for_patterns_that_read_far():
    assert required_test(re.compile(r"^(?:read more|related)$", re.IGNORECASE)) is None  # fails at once
    need = required_test(re.compile(r"^(?!.*\bsaid\b)[^.]{2,60}? uses (?:cookies|trackers)\b", re.IGNORECASE))
    assert need is not None and need.search("THIS SITE USES COOKIES") and not need.search("this site uses")
    # a literal of fewer than MIN_REQUIRED characters is not worth a search
    assert required_test(re.compile(r"^.{0,40}\bab\b", re.IGNORECASE)) is None


def test_normalize_for_match_is_the_regex_form_on_every_character():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    for text in ["", " a ", "a\u00a0\u202fb", "l\u2019homme \u02bcx\u2018", "\t\n x \x1c\x1d y \u3000",
                 "".join(spaces) + "z" + "".join(spaces)]:
        assert normalize_for_match(text) == _old_normalize(text)


def test_rules_for_gives_the_same_tuple_each_time():
    assert RULESET.rules_for(None) is RULESET.rules_for(None) is RULESET.rules_for("unknown.example")
    assert screen_for(RULES) is screen_for(RULESET.rules_for(None))
    assert Path(CONFIG_DIR).is_dir()
