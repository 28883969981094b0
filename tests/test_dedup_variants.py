"""Each near-duplicate variant kind matches its original; each must-not-merge kind stays apart.

Runs the dedup benchmark's generator (fixed seed) on a subset, through the real cleaning and dedup.
"""

import pytest

from tests.dedup_bench.run_bench import VARIANTS, build, run


@pytest.fixture(scope="module")
def scored():
    docs = build(seed=13, limit=12)
    result, *_ = run(docs)
    return docs, result


@pytest.mark.parametrize("kind", sorted(VARIANTS))
def test_variant_kind_matches_its_original(scored, kind):
    _, result = scored
    m = result["by_kind"][kind]
    assert m["tp"] > 0 and m["fn"] == 0 and m["fp"] == 0, m


@pytest.mark.parametrize("group", ["same_event", "follow_up", "briefs"])
def test_must_not_merge_kind_stays_apart(scored, group):
    docs, result = scored
    assert sum(1 for d in docs if d["kind"] == group) >= 18
    assert result["by_kind"].get(group, {}).get("fp", 0) == 0, result["errors"]
