"""The warehouse depends on the set of inputs only: not on their order, batches, runs, runner or a crash.

The corpus is text saved from pages of three sites: each site repeats lines no rule names (a tagline inside the
article, a promotion after it) that only learned chrome removes, and stories are republished on other sites
(near copies in other chrome), copied exactly, or truncated. Every way of ingesting it must give the warehouse
one run gives, row for row (run ids and load times aside).
"""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import pytest

from tests.chrome_corpus import SITES, write_corpus
from tests.cli_run import articles_cmd
from tests.warehouse_content import content, differences

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # a dozen real ingests

def _cli(args: list[str], env: dict, crash: str | None = None) -> subprocess.CompletedProcess:
    return articles_cmd(["ingest", *args], {**env, **({"ARTICLES_CRASH_AT": crash} if crash else {})})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("order") / "inbox"
    return root, write_corpus(root)


@pytest.fixture(scope="module")
def one_run(prefect_server, corpus, tmp_path_factory) -> dict:
    from flows.ingest import run_ingest

    root, _ = corpus
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    run_ingest(str(root), db=str(db), runner="thread")
    got = content(db)
    # the corpus exercises what it is for: learned chrome on every site, near and exact copies, a cut save
    learned = [r for r in got["removed_blocks"] if r[2] == "repeated-line"]
    assert {r[4] for r in learned} >= {tagline for _, tagline, _ in SITES.values()}
    assert not any(tagline in row[9] for row in got["articles"] for _, tagline, _ in SITES.values())
    dups = [row for row in got["articles"] if row[12] is not None]
    assert len(dups) >= 5, dups
    return got


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_shuffled_files_split_over_three_runs(prefect_server, corpus, one_run, tmp_path, seed):
    from flows.ingest import run_ingest

    _, paths = corpus
    rng = random.Random(seed)
    order = paths[:]
    rng.shuffle(order)
    cuts = sorted(rng.sample(range(1, len(order)), 2))
    db = tmp_path / "split.duckdb"
    for part in (order[: cuts[0]], order[cuts[0]: cuts[1]], order[cuts[1]:]):
        run_ingest([str(p) for p in part], db=str(db), runner="thread", batch_size=rng.choice([1, 2, 3, 5, 8]))
    got = content(db)
    assert got == one_run, differences(got, one_run)


@pytest.mark.parametrize("batch_size,runner", [(1, "thread"), (4, "process")])
def test_other_batch_sizes_and_runners(prefect_server, corpus, one_run, tmp_path, batch_size, runner):
    from flows.ingest import run_ingest

    root, _ = corpus
    db = tmp_path / "b.duckdb"
    run_ingest(str(root), db=str(db), runner=runner, batch_size=batch_size)
    got = content(db)
    assert got == one_run, differences(got, one_run)


@pytest.mark.parametrize("crash_at", ["before-commit:4", "between-batches:7"])
def test_sigkill_then_rerun(prefect_server, corpus, one_run, tmp_path, crash_at):
    root, _ = corpus
    db = tmp_path / "crash.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    args = [str(root), "--db", str(db), "--batch-size", "3"]
    crashed = _cli(args, env, crash_at)
    assert crashed.returncode == -9, (crashed.returncode, crashed.stderr[-2000:])
    assert content(db) != one_run
    resumed = _cli(args, env)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    got = content(db)
    assert got == one_run, differences(got, one_run)


def test_a_lower_threshold_or_an_unsettled_warehouse_is_settled_on_the_next_run(prefect_server, corpus, one_run,
                                                                                 tmp_path):
    """Loaded with min_docs = 40 (no line is chrome), then run with the default 3 and no new file: that run strips
    every line at the threshold from every article once, and the warehouse is the one-run warehouse (a warehouse
    from before chrome was settled this way takes the same path: it has no `chrome_settled` row)."""
    import shutil

    from flows.ingest import run_ingest

    root, _ = corpus
    cfg = tmp_path / "cfg"
    shutil.copytree(ROOT / "config", cfg)
    toml = (cfg / "pipeline.toml").read_text(encoding="utf-8")
    assert "min_docs = 3\n" in toml
    (cfg / "pipeline.toml").write_text(toml.replace("min_docs = 3\n", "min_docs = 40\n"), encoding="utf-8")
    db = tmp_path / "late.duckdb"
    run_ingest(str(root), db=str(db), runner="thread", config_dir=str(cfg))
    assert not [r for r in content(db)["removed_blocks"] if r[2] == "repeated-line"]
    run_ingest(str(root), db=str(db), runner="thread")
    got = content(db)
    assert got == one_run, differences(got, one_run)
