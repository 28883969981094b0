"""Properties of cleaning and segmentation on arbitrary text (hypothesis)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.boilerplate import strip_boilerplate
from pipeline.rules import load_rules
from pipeline.segment import normalize_text, segment_text, split_lines

RULES = load_rules().rules_for(None)
CHROME = ["Par", "Amanda Zhang", "4 min de lecture", "Vous aimerez peut-être aussi", "Read more", "Lire aussi",
          "Sign up for our newsletter", "Publicité", "© 2025 Le Site. Tous droits réservés.", "Advertisement",
          "By Jane Doe", "Mehr zum Thema", "Nous utilisons des cookies sur notre site pour mesurer l'audience."]
PROSE = ["Le conseil municipal a voté mardi un budget de douze millions d'euros pour les écoles du quartier nord.",
         "The council approved the budget after a long debate about school repairs and bus routes in the north.",
         "« Une citation complète du maire, prononcée devant les habitants réunis. »",
         "• un élément de liste assez long pour compter comme du texte",
         "Un intertitre court"]
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

lines = st.one_of(st.text(max_size=120), st.sampled_from(CHROME), st.sampled_from(PROSE))
documents = st.lists(lines, max_size=25).map("\n".join)

pytestmark = pytest.mark.slow  # property tests: hundreds of generated cases


def _clean(text: str) -> list[str]:
    return [b.text for b in strip_boilerplate(segment_text(text), RULES).blocks]


@given(st.text())
def test_never_raises_on_any_string(text):
    blocks = segment_text(text)
    res = strip_boilerplate(blocks, RULES)
    assert len(res.blocks) <= len(blocks)
    assert all(b.text.strip() for b in res.blocks)


@given(documents)
def test_nothing_is_dropped_without_a_removal_record(text):
    blocks = segment_text(text)
    res = strip_boilerplate(blocks, RULES)
    kept_and_removed = Counter(b.text for b in res.blocks) + Counter(r.text for r in res.removals)
    assert Counter(b.text for b in blocks) == kept_and_removed
    assert all(r.rule_id and r.category for r in res.removals)


@given(st.lists(st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), max_size=80), max_size=20))
def test_text_no_rule_matches_is_kept_whole(parts):
    text = "\n".join(parts)
    blocks = segment_text(text)
    res = strip_boilerplate(blocks, RULES)
    if not res.removals:
        assert [b.text for b in res.blocks] == [b.text for b in blocks]
    # segmentation keeps every character but whitespace and list bullets
    joined = "".join("".join(b.text.split()) for b in blocks)
    assert Counter(joined) <= Counter("".join(normalize_text(text).split()))


@given(documents)
def test_cleaning_clean_text_changes_nothing(text):
    once = _clean(text)
    twice = _clean("\n\n".join(once))
    assert [t.lstrip("•-*+–— ") for t in twice] == [t.lstrip("•-*+–— ") for t in once]


@given(documents)
def test_paragraph_order_is_kept(text):
    original = split_lines(text)
    kept = _clean(text)
    it = iter(original)
    assert all(any(k in o for o in it) for k in kept), "kept blocks are not a subsequence of the input"
