"""Remove site chrome from a sequence of blocks with data rules; every removal keeps its rule id."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.models import Block, Removal
from pipeline.rules import Rule, normalize_for_match, unify_apostrophes
from pipeline.rulescreen import screen_for


@dataclass
class StripResult:
    blocks: list[Block]
    removals: list[Removal]
    captures: dict[str, list[str]] = field(default_factory=dict)


def _first_match(rules: tuple[Rule, ...], block: Block, in_header: bool) -> tuple[Rule, re.Match[str]] | None:
    words = unify_apostrophes(block.text).split()
    text = " ".join(words)  # normalize_for_match
    found: dict[re.Pattern[str], bool] = {}
    # only the rules that could match this block (first character, words, zone), in their order
    for rule, need in screen_for(rules).candidates(text, len(words), in_header):
        if need is not None:  # a rule that reads far before failing: first, is any literal it needs here?
            present = found.get(need)
            if present is None:
                present = found[need] = need.search(text) is not None
            if not present:
                continue
        m = rule.pattern.search(text)
        if m:
            return rule, m
    return None


def matched_rule(rules: tuple[Rule, ...], text: str, in_header: bool = True) -> Rule | None:
    """The first rule that would remove this line, or None."""
    hit = _first_match(rules, Block("paragraph", text), in_header)
    return hit[0] if hit else None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and not text.rstrip().endswith((".", "!", "?", ":")) and words[0][:1].isupper()


def _is_prose(block: Block) -> bool:
    return block.kind in ("paragraph", "quote", "list_item", "table") and len(block.text.split()) >= 8


def strip_boilerplate(blocks: list[Block], rules: tuple[Rule, ...], header_blocks: int = 8,
                      resumes: Callable[[Block], bool] | None = None, comments_after: int = 1) -> StripResult:
    """Apply line, tail and between rules in page order.

    A tail rule only fires once some prose has been kept, so a page that opens with a "related" list
    keeps its article; what follows a tail opener is attributed to its own rule when one matches. With
    `resumes` (text pages, where a related list can sit inside the body), a "related" tail ends at the first
    block for which it is true (the body's paragraphs resume) instead of at the end of the page. A comments
    tail fires once `comments_after` prose blocks are kept: on a page saved as text, a "Comments" link of the
    share bar under the standfirst is no comments section.
    """
    kept: list[Block] = []
    removals: list[Removal] = []
    captures: dict[str, list[str]] = {}
    i = 0
    n = len(blocks)
    while i < n:
        block = blocks[i]
        # the header is counted in kept blocks, so cleaning clean text again gives the same result
        in_header = len(kept) < header_blocks and not any(_is_prose(b) for b in kept)
        hit = _first_match(rules, block, in_header)
        if hit is None:
            kept.append(block)
            i += 1
            continue
        rule, m = hit
        prose = sum(_is_prose(b) for b in kept)
        if rule.action == "tail" and prose < 1:
            kept.append(block)
            i += 1
            continue
        if rule.action == "tail" and rule.category == "comments" and prose < comments_after:
            removals.append(Removal(rule.id, rule.category, block.text, at=len(kept)))  # the link alone
            i += 1
            continue
        removals.append(Removal(rule.id, rule.category, block.text, at=len(kept)))
        if rule.capture:
            if rule.take_next:
                if i + 1 < n and _looks_like_name(blocks[i + 1].text):
                    nxt = blocks[i + 1]
                    captures.setdefault(rule.capture, []).append(nxt.text.strip())
                    removals.append(Removal(rule.id, rule.category, nxt.text, at=len(kept)))
                    i += 1
            else:
                value = m.group(rule.capture)
                if value:
                    captures.setdefault(rule.capture, []).append(value.strip())
        if rule.action == "tail":
            j = i + 1
            while j < n and not (resumes and rule.category == "related" and resumes(blocks[j])):
                own = _first_match(rules, blocks[j], False)
                if own is not None:
                    removals.append(Removal(own[0].id, own[0].category, blocks[j].text, at=len(kept)))
                else:
                    removals.append(Removal(rule.id, rule.category, blocks[j].text, at=len(kept)))
                j += 1
            if j >= n:
                break
            i = j
            continue
        if rule.action == "between" and rule.end_pattern is not None:
            j = i + 1
            while j < n and not rule.end_pattern.search(normalize_for_match(blocks[j].text)):
                j += 1
            if j < n:
                for rest in blocks[i + 1: j + 1]:
                    removals.append(Removal(rule.id, rule.category, rest.text, at=len(kept)))
                i = j
        i += 1
    return StripResult(kept, removals, captures)
