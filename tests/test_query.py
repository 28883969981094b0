"""Querying the warehouse as users do: `articles query/search/export/stats` on a real DuckDB file built by the real
flow over samples/ (the shared `samples_run`, copied first: these tests write search indexes into their copy)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [sys.executable, "-m", "flows.cli"]
VALMORIN = "%Valmorin%"


def _run(args: list[str], check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(ARTICLES + args, cwd=ROOT, capture_output=True, text=True, env=os.environ.copy(),
                          timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _copy(src: Path, dest_dir: Path) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "articles.duckdb"
    shutil.copy(src, dest)
    return dest


@pytest.fixture(scope="module")
def db(samples_run, tmp_path_factory) -> Path:
    """This module's own copy of the samples warehouse (searching writes an index into it)."""
    return _copy(samples_run[0], tmp_path_factory.mktemp("query"))


def _drop_search_index(db: Path) -> None:
    """Undo the index the ingest built, to exercise the missing-index paths."""
    con = duckdb.connect(str(db))
    try:
        con.execute("DROP TABLE search_docs; DROP TABLE search_postings; DROP TABLE search_languages; "
                    "DROP TABLE search_index_state")
    finally:
        con.close()


@pytest.fixture()
def fresh_db(samples_run, tmp_path) -> Path:
    """A copy for one test that changes it, without the search index the ingest built."""
    db = _copy(samples_run[0], tmp_path / "wh")
    _drop_search_index(db)
    return db


def test_the_ingest_leaves_an_up_to_date_search_index(samples_run):
    from warehouse.search import stale_languages

    con = duckdb.connect(str(samples_run[0]), read_only=True)
    try:
        assert stale_languages(con) == []
    finally:
        con.close()


def _sql(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _search(db: Path, *args: str) -> tuple[list[dict], str]:
    proc = _run(["search", *args, "--db", str(db), "--json"])
    return json.loads(proc.stdout), proc.stderr


# ---- query ----------------------------------------------------------------------------------------------------
LANGS = "SELECT language, count(*) AS n FROM unique_articles GROUP BY 1 ORDER BY 1"


def test_query_table_csv_json_markdown(db):
    expected = _sql(db, LANGS)
    lines = _run(["query", "--db", str(db), LANGS]).stdout.splitlines()
    assert lines[0].split() == ["language", "|", "n"] and set(lines[1]) <= {"-", "+"}
    assert [ln.split() for ln in lines[2:-1]] == [[lang, "|", str(n)] for lang, n in expected]
    assert lines[-1] == f"({len(expected)} rows)"

    rows = list(csv.reader(io.StringIO(_run(["query", "--db", str(db), "--format", "csv", LANGS]).stdout)))
    assert rows == [["language", "n"]] + [[lang, str(n)] for lang, n in expected]

    out = json.loads(_run(["query", "--db", str(db), "--format", "json", LANGS]).stdout)
    assert out == [{"language": lang, "n": n} for lang, n in expected]

    md = _run(["query", "--db", str(db), "--format", "markdown", LANGS]).stdout.splitlines()
    assert md[0] == "| language | n |" and md[1] == "|---|---:|"
    assert md[2:] == [f"| {lang} | {n} |" for lang, n in expected]


def test_markdown_escapes_pipes(db):
    md = _run(["query", "--db", str(db), "--format", "markdown", "SELECT 'a|b' AS x, NULL AS y"]).stdout
    assert md.splitlines()[2] == r"| a\|b | NULL |"


def test_query_from_a_file(db, tmp_path):
    q = tmp_path / "q.sql"
    q.write_text("-- canonical articles\nSELECT count(*) AS n\nFROM unique_articles;\n", encoding="utf-8")
    out = json.loads(_run(["query", "--db", str(db), "--format", "json", "--file", str(q)]).stdout)
    assert out == [{"n": _sql(db, "SELECT count(*) FROM articles WHERE duplicate_of IS NULL")[0][0]}]


@pytest.mark.parametrize("sql", [
    "DELETE FROM articles", "DROP VIEW article_stats", "UPDATE articles SET title = 'x'",
    "CREATE TABLE t AS SELECT 1", "SELECT 1; DROP TABLE articles", "ATTACH '/tmp/other.duckdb' AS o",
    "COPY articles TO '/tmp/articles.csv'",
])
def test_ddl_and_dml_are_refused(db, sql):
    before = _sql(db, "SELECT count(*) FROM articles")
    proc = _run(["query", "--db", str(db), sql], check=False)
    assert proc.returncode == 2 and "read-only" in proc.stderr, (sql, proc.stderr)
    assert _sql(db, "SELECT count(*) FROM articles") == before


def test_error_shows_line_and_caret_in_the_whole_script(db, tmp_path):
    q = tmp_path / "bad.sql"
    q.write_text("SELECT 1;\nSELECT title,\n  nope FROM articles;\n", encoding="utf-8")
    proc = _run(["query", "--db", str(db), "--file", str(q)], check=False)
    assert proc.returncode == 1
    err = proc.stderr.splitlines()
    assert "nope" in err[0] and f"at line 3, column 3 of {q}:" in proc.stderr
    shown = next(i for i, ln in enumerate(err) if ln.strip().startswith("3 |"))
    assert err[shown].endswith("3 |   nope FROM articles;")
    assert err[shown + 1].index("^") == err[shown].index("nope")


def test_parser_error_position(db):
    proc = _run(["query", "--db", str(db), "SELECT * FORM articles"], check=False)
    assert proc.returncode == 1 and "syntax error" in proc.stderr and "line 1, column 15" in proc.stderr
    err = proc.stderr.splitlines()
    assert err[-1].index("^") == err[-2].index("articles")


# ---- views ----------------------------------------------------------------------------------------------------
def test_article_stats_matches_base_tables(db):
    got = _sql(db, "SELECT site, language, day, articles, duplicates, words FROM article_stats ORDER BY ALL")
    want = _sql(db, """
        SELECT site, language, CAST(published_at AS DATE),
               sum(CASE WHEN duplicate_of IS NULL THEN 1 ELSE 0 END),
               sum(CASE WHEN duplicate_of IS NULL THEN 0 ELSE 1 END),
               sum(CASE WHEN duplicate_of IS NULL THEN word_count ELSE 0 END)
        FROM articles GROUP BY 1, 2, 3 ORDER BY ALL""")
    assert got == want
    (articles, dups, words), = _sql(db, "SELECT sum(articles), sum(duplicates), sum(words) FROM article_stats")
    assert (articles, dups) == (21, 3)
    assert words == _sql(db, "SELECT sum(word_count) FROM unique_articles")[0][0]


def test_duplicate_clusters_matches_base_tables(db):
    got = _sql(db, "SELECT article_id, duplicates, list_sort(members), min_similarity, max_similarity "
                   "FROM duplicate_clusters ORDER BY 1")
    want = _sql(db, "SELECT duplicate_of, count(*), list_sort(list(article_id)), min(similarity), max(similarity) "
                    "FROM articles WHERE duplicate_of IS NOT NULL GROUP BY 1 ORDER BY 1")
    assert got == want and len(got) == 3
    titles = {r[0] for r in _sql(db, "SELECT title FROM duplicate_clusters")}
    assert "Harbor Bridge repairs will close two lanes until October" in titles


def test_boilerplate_by_rule_matches_base_tables(db):
    got = _sql(db, "SELECT rule_id, category, removals, documents FROM boilerplate_by_rule ORDER BY 1, 2")
    want = _sql(db, "SELECT rule_id, category, count(*), count(DISTINCT doc_id) FROM removed_blocks "
                    "GROUP BY 1, 2 ORDER BY 1, 2")
    assert got == want
    for rule_id, sample in _sql(db, "SELECT rule_id, sample_text FROM boilerplate_by_rule"):
        assert _sql(db, "SELECT count(*) FROM removed_blocks WHERE rule_id = ? AND text = ?", [rule_id, sample])[0][0]


def test_rejections_view(db):
    got = {r[0]: r[1:] for r in _sql(db, "SELECT reason_code, documents, files, example_paths FROM rejections")}
    assert set(got) == {"not_article.consent_wall", "empty", "jsonl.invalid", "decode.binary"}
    assert sum(v[0] for v in got.values()) == _sql(db, "SELECT count(*) FROM documents WHERE status = 'rejected'")[0][0]
    assert got["decode.binary"][2] == [str(ROOT / "samples" / "misc" / "image.html")]


def test_rejected_pages_keep_their_code_and_cleaned_text(db):
    rows = _sql(db, "SELECT reason_code, reason, doc_id FROM rejected_pages ORDER BY source_path")
    assert len(rows) == _sql(db, "SELECT count(*) FROM documents WHERE status = 'rejected'")[0][0]
    assert all(r[0] and r[1] for r in rows)
    by_code = {r[0]: r for r in rows}
    # the consent wall: its title beside its reason, and the banner it is made of in removed_blocks
    wall = by_code["not_article.consent_wall"]
    assert "consent" in wall[1]
    banner = _sql(db, "SELECT string_agg(text, ' ') FROM removed_blocks WHERE doc_id = ? AND category = 'cookie'",
                  [wall[2]])[0][0]
    assert banner and "cookie" in banner.lower()


def test_views_work_read_only_on_a_warehouse_not_yet_migrated(fresh_db):
    con = duckdb.connect(str(fresh_db))
    for view in ("article_stats", "duplicate_clusters", "boilerplate_by_rule", "rejections"):
        con.execute(f"DROP VIEW {view}")
    con.execute("DELETE FROM schema_migrations WHERE version >= 2")
    con.close()
    out = json.loads(_run(["query", "--db", str(fresh_db), "--format", "json",
                           "SELECT sum(duplicates) AS d FROM article_stats"]).stdout)
    assert out == [{"d": 3}]
    assert _sql(fresh_db, "SELECT max(version) FROM schema_migrations") == [(1,)]
    assert "Duplicates: 3 copies" in _run(["stats", "--db", str(fresh_db)]).stdout


# ---- search ---------------------------------------------------------------------------------------------------
def test_search_finds_french_article_by_another_word_form(db):
    # The article says "habitants" and "tarif"; neither "habitant" nor "tarifs" is in its text.
    text = _sql(db, "SELECT text FROM articles WHERE title LIKE ?", [VALMORIN])[0][0]
    assert not re.search(r"\bhabitant\b", text) and not re.search(r"\btarifs\b", text)
    for word, marked in (("habitant", "**habitants**"), ("tarifs", "**tarif**")):
        hits, _ = _search(db, word, "--lang", "fr")
        assert hits and "Valmorin" in hits[0]["title"], (word, hits)
        assert marked in hits[0]["snippet"] and hits[0]["language"] == "fr"


def test_search_text_output_marks_hits(db):
    out = _run(["search", "baisser", "--db", str(db), "--limit", "1"]).stdout
    lines = out.splitlines()
    assert lines[0].startswith("1. À Valmorin")
    assert "lemonde-imaginaire.fr | fr | 2025-02-11 | score " in lines[1]
    assert "**baisse**" in lines[2] and lines[-1] == "(1 result)"


def test_search_filters(db):
    hits, _ = _search(db, "Harbor")
    assert len(hits) >= 3 and all(h["language"] == "en" for h in hits)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert _search(db, "Harbor", "--lang", "fr")[0] == []
    assert len(_search(db, "Harbor", "--limit", "2")[0]) == 2
    assert _search(db, "Harbor", "--site", "valleyfeed.example")[0] == []
    assert {h["site"] for h in _search(db, "Harbor", "--site", "DailyHarbor.example")[0]} == {"dailyharbor.example"}
    since = _search(db, "Harbor", "--since", "2025-04-01")[0]
    assert since and all(h["published_at"] >= "2025-04-01" for h in since)
    assert "Harbor Bridge repairs will close two lanes until October" not in {h["title"] for h in since}
    proc = _run(["search", "Harbor", "--db", str(db), "--since", "April"], check=False)
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def test_search_returns_only_canonical_articles(db):
    dup_ids = {r[0] for r in _sql(db, "SELECT article_id FROM articles WHERE duplicate_of IS NOT NULL")}
    hits, _ = _search(db, "bridge lanes micrométéorites causse Eastmoor library", "--limit", "50")
    ids = {h["article_id"] for h in hits}
    assert len(ids) == len(hits) >= 3 and not ids & dup_ids
    assert _search(db, "bridge", "--site", "northwire.example")[0] == []  # its copy there is a duplicate


def test_search_rebuilds_a_stale_index_then_reuses_it(fresh_db):
    _, err = _search(fresh_db, "tarif")
    assert "search index missing: updated 4 language(s), 21 articles" in err
    assert _search(fresh_db, "tarif")[1] == ""  # fresh: read-only, no rebuild
    con = duckdb.connect(str(fresh_db))
    con.execute("""INSERT INTO articles (article_id, doc_id, site, title, language, text, word_count, content_hash,
                   ingested_at) VALUES ('anew', 'dnew', 'new.example', 'Ruches urbaines',
                   'fr', 'Les apiculteurs installent des ruches sur les toits.', 8, 'h', current_localtimestamp())""")
    con.close()
    assert "stale for fr" in _run(["stats", "--db", str(fresh_db)]).stdout
    hits, err = _search(fresh_db, "apiculteur")
    assert "stale for fr: updated 1 language(s), 1 articles" in err  # the new one only
    assert [h["article_id"] for h in hits] == ["anew"] and "**apiculteurs**" in hits[0]["snippet"]


def test_rebuild_search_index_is_idempotent(fresh_db):
    from warehouse.search import rebuild_search_index, stale_languages

    con = duckdb.connect(str(fresh_db))
    try:
        assert stale_languages(con) is None
        assert rebuild_search_index(con) == {"de": 4, "en": 8, "es": 2, "fr": 7}
        assert rebuild_search_index(con) == {}
        assert stale_languages(con) == []
        assert rebuild_search_index(con, force=True) == {"de": 4, "en": 8, "es": 2, "fr": 7}
        rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
        names = {r[0] for r in rows}
        assert {"search_docs", "search_postings", "search_languages", "search_index_state"} <= names
    finally:
        con.close()


def _index_rows(con) -> tuple:
    return tuple(sorted(con.execute(f"SELECT * FROM {t}").fetchall())
                 for t in ("search_docs", "search_postings", "search_languages"))


def _bm25_by_hand(docs: list[tuple[str, str]], query: str, stemmer: str, stop: set[str]) -> dict[str, float]:
    """BM25 as DuckDB's fts extension defines it (k1 1.2, b 0.75, idf log10((N - df + 0.5) / (df + 0.5) + 1)),
    computed in Python from the raw texts: an oracle the SQL shares nothing with but the tokenizer's rules."""
    import math
    import unicodedata

    import regex
    import Stemmer

    def terms(text: str) -> list[str]:
        plain = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
        words = [w for w in regex.split(r"[^\p{L}\p{N}]+", plain) if w and w not in stop]
        return Stemmer.Stemmer(stemmer).stemWords(words) if stemmer != "none" else words

    bags = {aid: terms(text) for aid, text in docs}
    n, avgdl = len(bags), sum(len(t) for t in bags.values()) / len(bags)
    scores: dict[str, float] = {}
    for term in set(terms(query)):
        df = sum(term in t for t in bags.values())
        idf = math.log10((n - df + 0.5) / (df + 0.5) + 1)
        for aid, t in bags.items():
            tf = t.count(term)
            if tf:
                scores[aid] = scores.get(aid, 0.0) + idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(t) / avgdl))
    return scores


def test_scores_are_bm25_computed_by_hand(fresh_db):
    """search_bm25 gives, per language, the BM25 scores a plain Python computation gives over the language's
    canonical articles (title and text, the same stemmer and stop words)."""
    from warehouse.search import enable_search, rebuild_search_index, stemmer_for, stopwords

    con = duckdb.connect(str(fresh_db))
    try:
        rebuild_search_index(con)
        enable_search(con)
        queries = {"fr": ["tarifs eau", "habitant la régie", "lait"], "en": ["the bridge lanes", "Harbor library"],
                   "de": ["Brauereien Bier"], "es": ["agua precio"]}
        for lang, words in queries.items():
            docs = con.execute("SELECT article_id, coalesce(title, '') || ' ' || text FROM unique_articles "
                               "WHERE language = ?", [lang]).fetchall()
            for q in words:
                want = {a: round(sc, 9) for a, sc in
                        _bm25_by_hand(docs, q, stemmer_for(lang), set(stopwords(lang))).items()}
                got = {a: round(sc, 9) for a, sc in con.execute("SELECT * FROM search_bm25(?, ?)",
                                                                 [q, lang]).fetchall()}
                assert got == want and want, (lang, q)
        # English stop words are neither indexed nor searched; other languages keep theirs
        assert con.execute("SELECT * FROM search_bm25('the of which', 'en')").fetchall() == []
        assert con.execute("SELECT count(*) FROM search_postings WHERE language = 'en' AND term = 'the'"
                           ).fetchall() == [(0,)]
        assert con.execute("SELECT count(*) FROM search_postings WHERE language = 'fr' AND term = 'la'"
                           ).fetchall()[0][0] > 0
    finally:
        con.close()


def test_the_index_follows_verdicts_and_rewrites_and_equals_a_fresh_build(fresh_db):
    """Updating indexes only what changed, yet ends exactly where indexing everything again ends."""
    from warehouse.search import rebuild_search_index, stale_languages

    con = duckdb.connect(str(fresh_db))
    try:
        rebuild_search_index(con)
        [(aid, lang)] = con.execute("SELECT article_id, language FROM unique_articles WHERE title LIKE ?",
                                    [VALMORIN]).fetchall()
        [(other,)] = con.execute("SELECT article_id FROM unique_articles WHERE language = 'en' "
                                 "ORDER BY article_id LIMIT 1").fetchall()
        # one article becomes a copy, another gets a new text (learned chrome stripped it again)
        con.execute("UPDATE articles SET duplicate_of = ? WHERE article_id = ?", [other, aid])
        con.execute("UPDATE articles SET text = 'Une ruche sur le toit de la mairie.', content_hash = 'h2' "
                    "WHERE article_id = (SELECT article_id FROM unique_articles WHERE language = 'fr' "
                    "ORDER BY article_id LIMIT 1)")
        assert stale_languages(con) == ["fr"]
        assert rebuild_search_index(con) == {"fr": 3}  # one dropped, one dropped and indexed again
        assert stale_languages(con) == []
        assert con.execute("SELECT count(*) FROM search_docs WHERE article_id = ?", [aid]).fetchone()[0] == 0
        enable = con.execute("SELECT count(*) FROM search_postings WHERE term = 'ruch'").fetchone()[0]
        assert enable == 1
        incremental = _index_rows(con)
        rebuild_search_index(con, force=True)
        assert _index_rows(con) == incremental
    finally:
        con.close()


def test_the_ingest_update_compares_only_the_queued_articles(samples_run, tmp_path):
    """The ingest empties the queue; its update then looks only at what batches queued (a change made with SQL
    waits for `articles search`, which compares the whole warehouse), and a queued change is indexed."""
    from warehouse.search import rebuild_search_index, stale_languages

    db = _copy(samples_run[0], tmp_path / "wh")
    con = duckdb.connect(str(db))
    try:
        assert con.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
        fr = "SELECT article_id FROM unique_articles WHERE language = 'fr' ORDER BY article_id LIMIT {}"
        [(first,)] = con.execute(fr.format(1)).fetchall()
        con.execute("UPDATE articles SET text = 'Une ruche sur le toit de la mairie.', content_hash = 'h2' "
                    "WHERE article_id = ?", [first])
        assert rebuild_search_index(con, queued_only=True) == {}  # not queued: not looked at
        assert stale_languages(con) == ["fr"]
        con.execute("INSERT INTO search_pending VALUES (?)", [first])  # as a batch that rewrote it queues it
        assert rebuild_search_index(con, queued_only=True) == {"fr": 2}  # dropped and indexed again
        assert stale_languages(con) == []
        assert con.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM search_postings WHERE term = 'ruch'").fetchone()[0] == 1
        incremental = _index_rows(con)
        rebuild_search_index(con, force=True)
        assert _index_rows(con) == incremental
        # a warehouse from before the queue (its migration leaves '*') is compared whole once
        con.execute("UPDATE articles SET text = 'Deux ruches.', content_hash = 'h3' WHERE article_id = ?", [first])
        con.execute("INSERT INTO search_pending VALUES ('*')")
        assert rebuild_search_index(con, queued_only=True) == {"fr": 2}
    finally:
        con.close()


def test_an_index_of_the_old_layout_is_replaced(fresh_db):
    """Warehouses indexed by earlier versions hold one fts index per language: the update drops them."""
    from warehouse.search import rebuild_search_index

    con = duckdb.connect(str(fresh_db))
    try:
        con.execute("CREATE TABLE fts_docs_fr AS SELECT article_id, title, text FROM unique_articles "
                    "WHERE language = 'fr'")
        # the shape PRAGMA create_fts_index left: a schema of tables and macros
        con.execute("CREATE SCHEMA fts_main_fts_docs_fr")
        con.execute("CREATE TABLE fts_main_fts_docs_fr.terms (docid BIGINT, fieldid BIGINT, termid BIGINT)")
        con.execute("CREATE TABLE fts_main_fts_docs_fr.dict (termid BIGINT, term VARCHAR, df BIGINT)")
        con.execute("CREATE MACRO fts_main_fts_docs_fr.match_bm25(docname, query_string) AS 0.0")
        con.execute("CREATE TABLE fts_index_state (language VARCHAR, articles BIGINT)")
        con.execute("INSERT INTO fts_index_state VALUES ('fr', 7)")
        assert rebuild_search_index(con)["fr"] == 7
        names = {r[0] for r in con.execute("SELECT schema_name || '.' || table_name FROM duckdb_tables()").fetchall()}
        assert not {n for n in names if "fts_" in n}, names
    finally:
        con.close()


def test_search_while_an_ingest_holds_the_warehouse_uses_a_memory_index(fresh_db):
    from warehouse.lock import writer_lock

    with writer_lock(str(fresh_db), 1):
        hits, err = _search(fresh_db, "habitant")
    assert "temporary one in memory" in err and "Valmorin" in hits[0]["title"]
    tables = {r[0] for r in _sql(fresh_db, "SELECT table_name FROM duckdb_tables()")}
    assert "search_index_state" not in tables  # nothing was written to the file


# ---- export ---------------------------------------------------------------------------------------------------
def test_export_one_file_a_table_in_each_format(db, tmp_path):
    for fmt in ("parquet", "jsonl", "csv"):
        out = tmp_path / fmt
        proc = _run(["export", "--db", str(db), "--format", fmt, str(out)])
        assert sorted(p.name for p in out.iterdir()) == [f"articles.{fmt}", f"paragraphs.{fmt}"], proc.stdout
        reader = {"parquet": "read_parquet", "jsonl": "read_json_auto", "csv": "read_csv_auto"}[fmt]
        con = duckdb.connect()
        try:
            for table in ("articles", "paragraphs"):
                n = con.execute(f"SELECT count(*) FROM {reader}('{out / (table + '.' + fmt)}')").fetchone()[0]
                assert n == _sql(db, f"SELECT count(*) FROM {table}")[0][0]
        finally:
            con.close()
    lines = (tmp_path / "jsonl" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["article_id"] for line in lines)
    by_lang = _run(["export", "--db", str(db), "--format", "jsonl", "--partition", "language", str(tmp_path / "p")])
    assert "language=*" in by_lang.stdout and (tmp_path / "p" / "articles" / "language=fr").is_dir()



def test_export_parquet_partitions_and_reads_back(db, tmp_path):
    out = tmp_path / "export"
    proc = _run(["export", "--db", str(db), "--format", "parquet", "--partition", "language-month", str(out)])
    assert "articles" in proc.stdout and "paragraphs" in proc.stdout
    assert list((out / "articles" / "language=fr" / "month=2025-02").glob("*.parquet"))
    assert list((out / "articles" / "language=fr" / "month=unknown").glob("*.parquet"))
    assert list((out / "paragraphs" / "language=de" / "month=2025-03").glob("*.parquet"))
    con = duckdb.connect()
    try:
        for table in ("articles", "paragraphs"):
            glob = str(out / table / "**" / "*.parquet")
            rel = f"read_parquet('{glob}', hive_partitioning = true)"
            assert con.execute(f"SELECT count(*) FROM {rel}").fetchone() == _sql(db, f"SELECT count(*) FROM {table}")[0]
            by_lang = con.execute(f"SELECT language, count(*) FROM {rel} GROUP BY 1 ORDER BY 1").fetchall()
            assert by_lang == _sql(db, f"SELECT language, count(*) FROM {table} GROUP BY 1 ORDER BY 1")
        by_month = con.execute(f"SELECT month, count(*) FROM read_parquet('{out}/articles/**/*.parquet', "
                               "hive_partitioning = true) GROUP BY 1 ORDER BY 1").fetchall()
        assert by_month == _sql(db, "SELECT coalesce(strftime(published_at, '%Y-%m'), 'unknown'), count(*) "
                                    "FROM articles GROUP BY 1 ORDER BY 1")
        types = {r[0]: r[1] for r in con.execute(
            f"DESCRIBE SELECT * FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning = true)").fetchall()}
        assert types["published_at"] == "TIMESTAMP" and types["word_count"] == "INTEGER"
        assert set(types.values()) <= {"VARCHAR", "TIMESTAMP", "INTEGER", "DOUBLE", "BIGINT"}
    finally:
        con.close()
    import pyarrow.dataset as ds  # a second, non-DuckDB reader

    dataset = ds.dataset(out / "paragraphs", format="parquet", partitioning="hive")
    assert dataset.count_rows() == _sql(db, "SELECT count(*) FROM paragraphs")[0][0]
    assert {"article_id", "position", "kind", "text", "language", "month"} == set(dataset.schema.names)
    _run(["export", "--db", str(db), str(out)])  # a second export replaces the first
    assert ds.dataset(out / "articles", format="parquet", partitioning="hive").count_rows() == 24


# ---- stats ----------------------------------------------------------------------------------------------------
def test_stats_prints_every_section(db):
    out = _run(["stats", "--db", str(db)]).stdout
    for heading in ("Warehouse ", "Canonical articles per site and language", "Duplicates: 3 copies of 3 articles",
                    "Rejections", "Top boilerplate rules", "Last runs", "Search index:"):
        assert heading in out, heading
    assert "documents 28: 21 loaded, 3 duplicate, 4 rejected" in out
    total = next(ln for ln in out.splitlines() if ln.strip().startswith("total"))
    assert total.split()[-1] == "21"
    assert "not_article.consent_wall" in out and "completed" in out
    assert len(out.splitlines()) < 60


def test_missing_warehouse_is_a_clear_error(tmp_path):
    for cmd in (["query", "SELECT 1"], ["search", "x"], ["stats"], ["export", str(tmp_path / "o")]):
        proc = _run([*cmd, "--db", str(tmp_path / "none.duckdb")], check=False)
        assert proc.returncode == 2 and "no warehouse at" in proc.stderr, (cmd, proc.stderr)
