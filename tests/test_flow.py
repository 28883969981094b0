"""Integration: the real Prefect flow over samples/ into a real DuckDB file."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = tomllib.loads((Path(__file__).parent / "expected_samples.toml").read_text(encoding="utf-8"))["record"]
CONTRACT = {
    "documents": ["doc_id", "run_id", "source_path", "record_index", "format", "sha256", "status", "reason",
                  "article_id"],
    "articles": ["article_id", "doc_id", "url", "site", "title", "author", "published_at", "language",
                 "language_prob", "text", "word_count", "content_hash", "duplicate_of", "ingested_at"],
    "paragraphs": ["article_id", "position", "kind", "text", "language"],
    "removed_blocks": ["doc_id", "rule_id", "category", "text"],
    "runs": ["run_id", "started_at", "finished_at", "status"],
    "unique_articles": ["article_id", "duplicate_of"],
}


def _rel(path: str) -> str:
    return str(Path(path).relative_to(SAMPLES))


def _table(con, sql, *params):
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def test_contract_tables_and_columns(samples_run, con_of):
    con = con_of(samples_run[0])
    for table, cols in CONTRACT.items():
        have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
        assert set(cols) <= have, (table, set(cols) - have)
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] >= 1


def test_every_input_record_is_accounted_for(samples_run, con_of):
    db, summary = samples_run
    con = con_of(db)
    files = sorted(str(p) for p in SAMPLES.rglob("*") if p.is_file())
    in_db = {r[0] for r in con.execute("SELECT DISTINCT source_path FROM documents").fetchall()}
    assert set(files) == in_db
    counts = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY 1").fetchall())
    assert counts == {"loaded": summary["loaded"], "duplicate": summary["duplicate"], "rejected": summary["rejected"]}
    assert sum(counts.values()) == len(EXPECTED) == summary["records_seen"]
    # a document is an article exactly when it is loaded or a duplicate
    assert con.execute("SELECT count(*) FROM documents d LEFT JOIN articles a USING (doc_id) WHERE "
                       "(d.status = 'rejected') = (a.article_id IS NOT NULL)").fetchone()[0] == 0
    run = _table(con, "SELECT * FROM runs")
    assert len(run) == 1 and run[0]["status"] == "completed" and run[0]["loaded"] == counts["loaded"]


@pytest.mark.parametrize("exp", EXPECTED, ids=[f"{e['path']}#{e['record_index']}" for e in EXPECTED])
def test_expected_outcome_of_each_sample(samples_run, con_of, exp):
    con = con_of(samples_run[0])
    rows = _table(con, "SELECT d.*, a.title, a.author, a.published_at, a.language, a.text, a.duplicate_of, "
                       "a.site, a.url FROM documents d LEFT JOIN articles a USING (article_id) "
                       "WHERE d.source_path = ? AND d.record_index = ?",
                  str(SAMPLES / exp["path"]), exp["record_index"])
    assert len(rows) == 1
    row = rows[0]
    assert row["status"] == exp["status"], row["reason"]
    if exp["status"] == "rejected":
        assert row["reason"] and row["article_id"] is None
        return
    assert row["language"] == exp["language"]
    assert row["title"] == exp["title"]
    assert (row["author"] or "") == exp["author"]
    assert (row["published_at"].date().isoformat() if row["published_at"] else "") == exp["published"]
    assert row["text"].startswith(exp["body_first"])
    assert row["text"].endswith(exp["body_last"])
    paragraphs = [r[0] for r in con.execute("SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position",
                                            [row["article_id"]]).fetchall()]
    assert "\n\n".join(paragraphs) == row["text"]
    for chrome in exp["boilerplate"]:
        assert chrome not in row["text"]
    if exp["duplicate_of"]:
        path, _, index = exp["duplicate_of"].partition("#")
        canonical = con.execute("SELECT a.article_id FROM articles a JOIN documents d USING (doc_id) "
                                "WHERE d.source_path = ? AND d.record_index = ?",
                                [str(SAMPLES / path), int(index or 0)]).fetchone()[0]
        assert row["duplicate_of"] == canonical
    else:
        assert row["duplicate_of"] is None


def test_seed_expectations_in_sql(samples_run, con_of):
    con = con_of(samples_run[0])
    seed = str(SAMPLES / "seeds" / "000_aa6343a2f200a80b.txt")
    forbidden = ["Vous aimerez peut-être aussi", "Cet article est soumis par notre utilisateur",
                 "Abonnez-vous à notre bulletin d'information", "Obtenez les dernières nouvelles",
                 "Nous utilisons des cookies", "mentions légales"]
    for s in forbidden:
        assert con.execute("SELECT count(*) FROM articles WHERE contains(text, ?)", [s]).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM paragraphs WHERE contains(text, ?)", [s]).fetchone()[0] == 0
    for s in ("Par", "Amanda Zhang", "4 min de lecture"):
        assert con.execute("SELECT count(*) FROM paragraphs WHERE text = ?", [s]).fetchone()[0] == 0
    removed = _table(con, "SELECT r.rule_id, r.category, r.text FROM removed_blocks r JOIN documents d USING "
                          "(doc_id) WHERE d.source_path = ? ORDER BY r.position", seed)
    assert {r["category"] for r in removed} >= {"byline", "reading_time", "related", "submission", "newsletter",
                                                "cookie"}
    for s in forbidden + ["Amanda Zhang", "4 min de lecture"]:
        assert any(s in r["text"] for r in removed), s
    kinds = con.execute("SELECT p.kind, count(*) FROM paragraphs p JOIN articles a USING (article_id) JOIN "
                        "documents d USING (doc_id) WHERE d.source_path = ? GROUP BY 1", [seed]).fetchall()
    assert dict(kinds)["list_item"] == 3


def test_unique_articles_view(samples_run, con_of):
    con = con_of(samples_run[0])
    n_unique = con.execute("SELECT count(*) FROM unique_articles").fetchone()[0]
    n_loaded = con.execute("SELECT count(*) FROM documents WHERE status = 'loaded'").fetchone()[0]
    assert n_unique == n_loaded


def _snapshot(db):
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, key in (("documents", "doc_id"), ("articles", "article_id"), ("paragraphs", "article_id, position"),
                           ("removed_blocks", "doc_id, position"), ("signatures", "article_id")):
            out[table] = con.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
        return out
    finally:
        con.close()


def test_reingest_changes_nothing_then_a_changed_file_is_a_new_version(prefect_server, tmp_path):
    from flows.ingest import run_ingest

    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "seeds", inbox / "seeds")
    shutil.copytree(SAMPLES / "rheinblick.example", inbox / "rheinblick.example")
    (inbox / "junk.txt").write_bytes(b"")
    db = tmp_path / "wh.duckdb"
    first = run_ingest(str(inbox), db=str(db), batch_size=2)
    assert first["loaded"] == 6 and first["rejected"] == 1 and first["batches"] == 4
    before = _snapshot(db)
    second = run_ingest(str(inbox), db=str(db), batch_size=2)
    assert second["loaded"] == second["duplicate"] == second["rejected"] == 0
    assert second["unchanged"] == 7
    assert _snapshot(db) == before

    # an edited file is ingested again as a new document; both versions stay, one cluster: as long and as old as
    # each other, the canonical is the version with the smaller content hash (not the one that came first)
    target = inbox / "seeds" / "003_5725b3f9bf02eea4.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Amazon continue", "Amazon poursuit"),
                      encoding="utf-8")
    third = run_ingest(str(inbox), db=str(db), batch_size=2)
    assert third["unchanged"] == 6 and third["loaded"] + third["duplicate"] == 1
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        versions = con.execute("SELECT d.status, a.duplicate_of IS NOT NULL, a.content_hash FROM documents d JOIN "
                               "articles a USING (doc_id) WHERE d.source_path = ? ORDER BY a.content_hash",
                               [str(target)]).fetchall()
        assert [(v[0], v[1]) for v in versions] == [("loaded", False), ("duplicate", True)]
        runs = con.execute("SELECT status, loaded + duplicate, unchanged FROM runs ORDER BY started_at").fetchall()
        assert runs == [("completed", 6, 0), ("completed", 0, 7), ("completed", 1, 6)]
    finally:
        con.close()
    # a run reads what the warehouse knows of its own files only (both versions of the edited one), not of
    # every file ever ingested
    from warehouse.store import Warehouse

    known = Warehouse(db).known_files([str(target), str(inbox / "never-ingested.txt")])
    assert list(known) == [str(target)] and len(known[str(target)]) == 2


def test_the_flow_publishes_an_ingest_report_artifact(samples_run, prefect_server):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-report"])))
    assert arts, "no ingest-report artifact"
    assert any(samples_run[1]["run_id"] in (a.data or "") for a in arts)
