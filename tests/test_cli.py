"""The `articles` command as a user runs it: a real subprocess, real Prefect API, real DuckDB file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [sys.executable, "-m", "flows.cli"]


def _run(args, env=None, check=True):
    proc = subprocess.run(ARTICLES + args, cwd=ROOT, capture_output=True, text=True, env=env or os.environ.copy(),
                          timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def test_clean_json_on_a_seed():
    proc = _run(["clean", "samples/seeds/000_aa6343a2f200a80b.txt", "--json"])
    out = json.loads(proc.stdout)
    assert out["author"] == "Amanda Zhang" and out["language"] == "fr" and out["status"] == "article"
    assert [p["kind"] for p in out["paragraphs"]].count("list_item") == 3
    assert any(r["rule_id"] == "fr.related.vous-aimerez" for r in out["removed"])


def test_clean_reports_a_rejected_file():
    proc = _run(["clean", "samples/misc/image.html", "--json"])
    out = json.loads(proc.stdout)
    assert out["status"] == "rejected" and "PNG" in out["reason"]


def test_ingest_then_query_and_read_only_refusal(prefect_server, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "samples" / "seeds", inbox)
    db = tmp_path / "cli.duckdb"
    proc = _run(["ingest", str(inbox), "--db", str(db), "--json"])
    summary = json.loads(proc.stdout[proc.stdout.index("{"):])
    assert summary["loaded"] == 2

    proc = _run(["query", "--db", str(db), "SELECT language, count(*) AS n FROM articles GROUP BY 1"])
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["language", "|", "n"] and lines[2].split() == ["fr", "|", "2"]

    proc = _run(["query", "--db", str(db), "--format", "json", "SELECT title FROM articles ORDER BY title"])
    assert json.loads(proc.stdout)[0]["title"].startswith("Amazon mise 100 milliards")

    for sql in ("DELETE FROM articles", "DROP TABLE articles", "INSERT INTO runs (run_id) VALUES ('x')",
                "CREATE TABLE t (x INT)"):
        proc = _run(["query", "--db", str(db), sql], check=False)
        assert proc.returncode == 2 and "read-only" in proc.stderr, (sql, proc.stderr)
    proc = _run(["query", "--db", str(db), "SELECT count(*) FROM articles"])
    assert "2" in proc.stdout.splitlines()[2]

    proc = _run(["query", "--db", str(db), "SELECT nope FROM articles"], check=False)
    assert proc.returncode == 1 and "nope" in proc.stderr


def test_second_ingest_waits_then_gives_up_with_a_clear_message(prefect_server, tmp_path):
    from warehouse.lock import writer_lock

    db = tmp_path / "busy.duckdb"
    cfg = tmp_path / "cfg"
    shutil.copytree(ROOT / "config", cfg)
    text = (cfg / "pipeline.toml").read_text().replace("lock_timeout_s = 120", "lock_timeout_s = 1")
    (cfg / "pipeline.toml").write_text(text)
    with writer_lock(str(db), 1):
        proc = _run(["ingest", str(ROOT / "samples" / "seeds"), "--db", str(db), "--config", str(cfg)], check=False)
    assert proc.returncode == 3
    assert "another ingest" in proc.stderr and "waited" in proc.stderr
