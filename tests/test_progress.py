"""What a user sees while an ingest runs: a plain line per batch without a terminal, a live bar on one, a progress
artifact in Prefect, a summary table; Prefect's per-task lines and the dead link to a temporary server are gone."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import httpx

from flows.progress import Snapshot

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [sys.executable, "-m", "flows.cli"]


def test_a_snapshot_line_has_the_figures_a_person_asks_for():
    snap = Snapshot(3, 600, 2000, 612, 500, 12, 30, 70, 25.0)
    line = snap.line()
    assert line.startswith("batch 3: 600/2000 files (30%), 612 records, 24.5 docs/s, 0:25 elapsed, ETA 0:58")
    assert line.endswith("500 loaded, 12 duplicate, 30 rejected, 70 unchanged")
    assert Snapshot(4, 2000, 2000, 2000, 1, 1, 1, 1, 80.0).eta_s is None


def test_without_a_terminal_one_plain_line_per_batch_and_a_summary_table(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # the CLI's own temporary server
    proc = subprocess.run(ARTICLES + ["ingest", "samples", "--db", str(tmp_path / "w.duckdb"), "--batch-size", "10"],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    batches = [line for line in proc.stderr.splitlines() if "- batch " in line]
    assert len(batches) == 3 and "25/25 files (100%)" in batches[-1] and "docs/s" in batches[0]
    assert "ETA" in batches[0]
    assert "Task run" not in proc.stderr and "View at" not in proc.stderr and "telemetry" not in proc.stderr
    assert "{'files_seen'" not in proc.stderr  # no Python dict in the log
    out = proc.stdout
    assert " docs/s" in out and "loaded" in out and "75.0%" in out


def test_on_a_terminal_a_live_bar(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["COLUMNS"] = "120"
    master, slave = pty.openpty()
    proc = subprocess.Popen(ARTICLES + ["ingest", "samples", "--db", str(tmp_path / "w.duckdb")], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=slave, env=env, text=False)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=300)
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 0, text[-2000:]
    assert "25/25" in text and "files" in text and "docs/s" in text  # rich's bar: done/total, rate
    assert "- batch 1:" not in text  # the bar replaces the per-batch lines on a terminal


def test_the_flow_publishes_a_progress_artifact(prefect_server, tmp_path):
    from flows.ingest import run_ingest

    run_ingest(str(ROOT / "samples" / "seeds"), db=str(tmp_path / "w.duckdb"), runner="thread")
    r = httpx.post(f"{prefect_server}/artifacts/filter", json={"artifacts": {"key": {"any_": ["ingest-progress"]}}})
    r.raise_for_status()
    found = r.json()
    assert found and max(float(a["data"]) for a in found) == 100.0
    assert {a["type"] for a in found} == {"progress"}


def test_the_run_report_compares_with_the_previous_run_and_names_rejected_files(prefect_server, tmp_path):
    import shutil

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.ingest import run_ingest

    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "samples" / "seeds", inbox)
    db = str(tmp_path / "w.duckdb")
    run_ingest(str(inbox), db=db, runner="thread")
    shutil.copy(ROOT / "samples" / "misc" / "image.html", inbox / "image.html")
    second = run_ingest(str(inbox), db=db, runner="thread")
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-report"])))
    [report] = [a.data for a in arts if second["run_id"] in (a.data or "")]
    assert "| share of records | previous run | change |" in report
    assert "| files seen | 3 |  | 2 | +1 |" in report  # the new file, against the first run
    assert "| rejected | 1 | 100.0% | 0 | +1 |" in report and "| unchanged | 2 |  | 0 | +2 |" in report
    assert "image.html#0` | decode.binary | binary content (PNG image), not text |" in report
    assert "## Runs so far" in report and "█" in report
    assert "the whole run (wall clock)" in report and "docs/s" in report
