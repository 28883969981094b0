"""Shared fixtures: a private Prefect home and test server, and one real ingest of samples/."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Prefect reads its home at import: give the whole test session its own, before anything imports prefect.
_PREFECT_HOME = tempfile.mkdtemp(prefix="articles-prefect-home-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.pop("PREFECT_API_URL", None)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


@pytest.fixture(scope="session")
def prefect_server():
    """A real temporary Prefect server for the session (prefect_test_harness); its URL is exported
    so process-pool workers report to it too."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        url = PREFECT_API_URL.value()
        os.environ["PREFECT_API_URL"] = url
        try:
            yield url
        finally:
            os.environ.pop("PREFECT_API_URL", None)


@pytest.fixture(scope="session")
def settings():
    from pipeline.settings import load_settings

    return load_settings()


@pytest.fixture(scope="session")
def rules():
    from pipeline.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def samples_run(prefect_server, tmp_path_factory):
    """One real flow run over samples/ into a fresh DuckDB file; returns (db path, summary)."""
    from flows.ingest import run_ingest

    db = tmp_path_factory.mktemp("wh") / "articles.duckdb"
    summary = run_ingest(str(SAMPLES), db=str(db))
    return db, summary


@pytest.fixture()
def con_of():
    """Open a warehouse read-only; closed after the test."""
    import duckdb

    opened = []

    def _open(db):
        c = duckdb.connect(str(db), read_only=True)
        opened.append(c)
        return c

    yield _open
    for c in opened:
        c.close()
