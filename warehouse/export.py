"""Export of articles and paragraphs as Parquet, JSON lines or CSV, one file a table or Hive-partitioned
(language=…/month=…), for DuckDB, Polars, Spark, pandas or any JSON and CSV reader.

Only plain Parquet types are written (strings, 32/64-bit integers, doubles, microsecond timestamps, booleans),
Snappy-compressed, so any Parquet reader understands the files without DuckDB-specific extensions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from warehouse.db import open_read_only

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


FORMATS = {"parquet": "(FORMAT parquet, COMPRESSION snappy)", "jsonl": "(FORMAT json)",
           "csv": "(FORMAT csv, HEADER true)"}
EXTENSIONS = {"parquet": "parquet", "jsonl": "jsonl", "csv": "csv"}
PARTITIONS = {"none": (), "language": ("language",), "month": ("month",), "language-month": ("language", "month")}


def export(db: str | Path, out: str | Path, fmt: str = "parquet", partition: str = "none",
           retry_s: float = 30.0) -> dict[str, tuple[int, Path]]:
    """Write each table to OUT/<table>.<ext> (partition "none": one file a table), or to Hive partitions
    OUT/<table>/language=<lang>/month=<YYYY-MM|unknown>/ (partition by language, month or both); returns
    (rows, path) per table. A re-export replaces what it writes, whole."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: {', '.join(FORMATS)}")
    if partition not in PARTITIONS:
        raise ValueError(f"unknown partitioning {partition!r}: {', '.join(PARTITIONS)}")
    con = open_read_only(db, retry_s)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    keys = PARTITIONS[partition]
    try:
        written = {}
        for name, select in TABLES.items():
            target = out / name if keys else out / f"{name}.{EXTENSIONS[fmt]}"
            if keys and target.is_file():
                target.unlink()
            if not keys and target.is_dir():
                shutil.rmtree(target)
            if keys and fmt == "jsonl":  # DuckDB's JSON writer has no PARTITION_BY: one COPY per partition
                written[name] = (_copy_partitions(con, select, target, keys, fmt), target)
                continue
            options = FORMATS[fmt][:-1]
            if keys:
                options += f", PARTITION_BY ({', '.join(keys)}), OVERWRITE true"
            quoted = str(target).replace("'", "''")
            row = con.execute(f"COPY ({select} ORDER BY language, month, 1, 2) TO '{quoted}' {options})").fetchone()
            written[name] = (int(row[0]) if row else 0, target)
        return written
    finally:
        con.close()


def _copy_partitions(con, select: str, target: Path, keys: tuple[str, ...], fmt: str) -> int:
    if target.is_dir():
        shutil.rmtree(target)
    total = 0
    for values in con.execute(f"SELECT DISTINCT {', '.join(keys)} FROM ({select}) ORDER BY ALL").fetchall():
        folder = target.joinpath(*(f"{k}={v}" for k, v in zip(keys, values, strict=True)))
        folder.mkdir(parents=True, exist_ok=True)
        where = " AND ".join(f"{k} = ?" for k in keys)
        quoted = str(folder / f"data_0.{EXTENSIONS[fmt]}").replace("'", "''")
        cols = f"* EXCLUDE ({', '.join(keys)})"
        row = con.execute(f"COPY (SELECT {cols} FROM ({select}) WHERE {where} ORDER BY 1, 2) TO '{quoted}' "
                          f"{FORMATS[fmt]}", list(values)).fetchone()
        total += int(row[0]) if row else 0
    return total


def export_parquet(db: str | Path, out: str | Path, retry_s: float = 30.0) -> dict[str, int]:
    """Hive-partitioned Parquet by language and month (the layout of earlier releases)."""
    return {k: n for k, (n, _) in export(db, out, "parquet", "language-month", retry_s).items()}
