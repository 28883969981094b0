"""`articles report`: the audit page rendered by a real headless browser (Debian's chromium, installed by
`make test` where apt is available), checked on its screenshot and its rendered DOM."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if shutil.which("apt-get"):
            pytest.fail("chromium is missing: `make test` installs it (apt-get install chromium)")
        pytest.skip("no chromium and no apt-get to install it")
    return found


@pytest.fixture(scope="module")
def page(samples_run, tmp_path_factory):
    db, summary = samples_run
    out = tmp_path_factory.mktemp("audit") / "report.html"
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--db", str(db), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out, summary


def test_the_page_is_self_contained(page):
    html = page[0].read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html and "http://" not in html.split("<body>")[0]
    assert 'id="search"' in html


def test_the_page_renders_in_a_real_browser(page, tmp_path):
    chromium = _chromium()
    out, summary = page
    shot = tmp_path / "shot.png"
    run = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([*run, "--window-size=1100,1400", f"--screenshot={shot}", out.as_uri()], capture_output=True,
                   timeout=120, check=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a real page, not a blank one
    dom = subprocess.run([*run, "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    assert summary["run_id"] in dom
    assert "Marine biologists tag juvenile basking sharks in Gullet Sound" in dom  # an article
    assert 'data-rule="sel.cookie"' in dom and 'data-rule="fr.related.vous-aimerez"' in dom  # removed, in place
    assert dom.count('class="item dup-pair"') == summary["duplicate"]  # each duplicate beside its canonical
    assert "decode.binary" in dom and "not_article.consent_wall" in dom  # rejected records with their codes
    assert "<svg" in dom  # the charts


def test_an_unknown_run_is_one_line_and_exit_2(samples_run, tmp_path):
    db, _ = samples_run
    proc = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--db", str(db), "--run", "nope", "--out",
                           str(tmp_path / "r.html")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.strip().count("\n") == 0 and "no run 'nope'" in proc.stderr
