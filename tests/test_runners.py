"""The same warehouse whichever task runner runs the CPU stages."""

from __future__ import annotations

from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _content(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute("SELECT doc_id, source_path, record_index, status, reason, article_id "
                                     "FROM documents ORDER BY doc_id").fetchall(),
            "articles": con.execute("SELECT article_id, title, author, published_at, language, language_prob, "
                                    "text, content_hash, duplicate_of, similarity FROM articles "
                                    "ORDER BY article_id").fetchall(),
            "paragraphs": con.execute("SELECT * FROM paragraphs ORDER BY article_id, position").fetchall(),
            "removed": con.execute("SELECT * FROM removed_blocks ORDER BY doc_id, position").fetchall(),
        }
    finally:
        con.close()


def test_dask_local_cluster_gives_the_same_warehouse_as_the_default_runner(prefect_server, tmp_path, samples_run):
    from flows.ingest import run_ingest

    db = tmp_path / "dask.duckdb"
    summary = run_ingest(str(SAMPLES), db=str(db), runner="dask", batch_size=5)
    assert summary["batches"] >= 5
    assert _content(db) == _content(samples_run[0])


def test_thread_runner_and_languages_to_keep(prefect_server, tmp_path):
    from flows.ingest import run_ingest

    db = tmp_path / "fr.duckdb"
    summary = run_ingest(str(SAMPLES / "seeds"), db=str(db), runner="thread", languages=["en"])
    assert summary["loaded"] == 0 and summary["rejected"] == 2
    con = duckdb.connect(str(db), read_only=True)
    try:
        reasons = {r[0] for r in con.execute("SELECT reason FROM documents").fetchall()}
    finally:
        con.close()
    assert reasons == {"language 'fr' is not among the languages to keep (en)"}
