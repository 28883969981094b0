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


# ---- errors a user meets: one line, the right exit code, no traceback, before Prefect starts -----------------
def _one_line_error(proc, code: int, *words: str) -> None:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    err = proc.stderr.strip()
    assert "Traceback" not in proc.stderr and "\n" not in err, err
    for w in words:
        assert w in err, err


def test_ingest_of_a_missing_source_fails_at_once_without_prefect(tmp_path):
    proc = _run(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb")], check=False)
    _one_line_error(proc, 2, "does not exist", "nope")
    assert "prefect" not in proc.stderr.lower() and not (tmp_path / "w.duckdb").exists()


def test_bad_arguments_exit_2_with_one_line(tmp_path):
    _one_line_error(_run(["ingest", "samples", "--batch-size", "0"], check=False), 2, "--batch-size", "at least 1")
    _one_line_error(_run(["ingest", "samples", "--batch-size", "many"], check=False), 2, "whole number")
    _one_line_error(_run(["ingest", "samples", "--db", str(tmp_path)], check=False), 2, "is a folder")
    _one_line_error(_run(["search", "x", "--limit", "0"], check=False), 2, "--limit")
    _one_line_error(_run(["stats", "--top", "-1"], check=False), 2, "--top")


def test_clean_on_a_missing_file_fails_and_on_a_folder_says_what_it_does(tmp_path):
    _one_line_error(_run(["clean", str(tmp_path / "nope.html")], check=False), 2, "no such file")
    proc = _run(["clean", "samples/rheinblick.example", "--json"])
    assert "is a folder: cleaning its 4 file(s)" in proc.stderr
    assert len(json.loads(proc.stdout)) == 4


def test_a_closed_pipe_ends_quietly():
    cmd = " ".join(ARTICLES) + " clean samples/seeds/000_aa6343a2f200a80b.txt --json | head -c 10"
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert len(proc.stdout) == 10


def test_every_option_says_what_it_does_and_its_default():
    out = _run(["ingest", "--help"]).stdout
    for option in ("--db", "--batch-size", "--config", "--json"):
        line = out[out.index(option):].split("\n  -")[0]
        assert len(line.split()) > 3, line  # a description, not a bare flag
    flat = " ".join(out.split())
    assert "(default: warehouse/articles.duckdb)" in flat and "(default: None)" not in flat
    search = _run(["search", "--help"]).stdout
    assert "(default: 10)" in " ".join(search.split()) and "most results" in search


def test_query_csv_lines_end_in_newline_and_stats_json_and_top(samples_run):
    db, _ = samples_run
    csv_out = _run(["query", "--db", str(db), "--format", "csv", "SELECT 1 AS a, 2 AS b"]).stdout
    assert csv_out == "a,b\n1,2\n"
    stats = json.loads(_run(["stats", "--db", str(db), "--json", "--top", "2"]).stdout)
    assert stats["totals"]["documents"] == 28 and len(stats["articles_by_site_language"]) == 2
    assert stats["more_site_language_rows"] > 0
    assert {r["reason_code"] for r in stats["rejections"]} <= {"decode.binary", "empty", "jsonl.invalid",
                                                              "not_article.consent_wall"}
    text = _run(["stats", "--db", str(db), "--top", "2"]).stdout
    assert "more sites)" in text and "more codes)" in text


def test_search_names_a_language_with_no_articles(samples_run):
    db, _ = samples_run
    proc = _run(["search", "marina", "--db", str(db), "--lang", "xx"], check=False)
    _one_line_error(proc, 2, "no articles in language 'xx'", "indexed:", "fr")


def test_pip_install_prints_no_setuptools_warnings(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                           str(tmp_path / "t"), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "warning" not in (proc.stdout + proc.stderr).lower(), proc.stderr[-2000:]
    assert (tmp_path / "t" / "warehouse" / "migrations" / "005_reason_codes.sql").is_file()
