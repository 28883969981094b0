"""Parquet export with Hive partitioning (language=…/month=…), for DuckDB, Polars, Spark or pandas readers.

Only plain Parquet types are written (strings, 32/64-bit integers, doubles, microsecond timestamps, booleans),
Snappy-compressed, so any Parquet reader understands the files without DuckDB-specific extensions.
"""

from __future__ import annotations

from pathlib import Path

from warehouse.store import connect

# month is 'YYYY-MM' of published_at, or 'unknown' when the article has no date.
_ARTICLES = """
    SELECT article_id, doc_id, url, site, title, author, published_at, language, language_prob, text,
           CAST(word_count AS INTEGER) AS word_count, content_hash, duplicate_of, similarity,
           CAST(reading_time_min AS INTEGER) AS reading_time_min, ingested_at,
           coalesce(strftime(published_at, '%Y-%m'), 'unknown') AS month
    FROM articles
"""
# Paragraphs are partitioned by their own language (it can differ from the article's, e.g. a long quote) and by
# their article's month, so the files keep exactly the table's columns.
_PARAGRAPHS = """
    SELECT p.article_id, p.position, p.kind, p.text, p.language,
           coalesce(strftime(a.published_at, '%Y-%m'), 'unknown') AS month
    FROM paragraphs p JOIN articles a USING (article_id)
"""
TABLES = {"articles": _ARTICLES, "paragraphs": _PARAGRAPHS}


def export_parquet(db: str | Path, out: str | Path, retry_s: float = 30.0) -> dict[str, int]:
    """Write OUT/<table>/language=<lang>/month=<YYYY-MM|unknown>/*.parquet; returns rows written per table.

    Each table folder is replaced as a whole, so a re-export never mixes old and new files.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    con = connect(db, read_only=True, retry_s=retry_s)
    try:
        written = {}
        for name, select in TABLES.items():
            target = str(out / name).replace("'", "''")
            row = con.execute(
                f"COPY ({select} ORDER BY language, month, 1, 2) TO '{target}' "
                "(FORMAT parquet, COMPRESSION snappy, PARTITION_BY (language, month), OVERWRITE true)"
            ).fetchone()
            written[name] = int(row[0]) if row else 0
        return written
    finally:
        con.close()
