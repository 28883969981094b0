"""`articles stats`: a one-screen summary of a warehouse, read-only, built on the views of migration 002."""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.db import open_read_only
from warehouse.migrate import current_version
from warehouse.query import ensure_views, format_table
from warehouse.search import stale_languages

_TOTALS = """
    SELECT (SELECT count(*) FROM documents) AS documents,
           (SELECT count(*) FROM documents WHERE status = 'loaded') AS loaded,
           (SELECT count(*) FROM documents WHERE status = 'duplicate') AS duplicate,
           (SELECT count(*) FROM documents WHERE status = 'rejected') AS rejected,
           (SELECT count(*) FROM unique_articles) AS articles,
           (SELECT coalesce(sum(word_count), 0) FROM unique_articles) AS words,
           (SELECT count(*) FROM paragraphs) AS paragraphs,
           (SELECT count(*) FROM removed_blocks) AS removed_blocks
"""
_BY_SITE = """
    SELECT coalesce(site, '(no site)') AS site, language, sum(articles) AS n
    FROM article_stats GROUP BY ALL
"""
_DUPLICATES = """
    SELECT count(*), coalesce(sum(duplicates), 0), min(min_similarity), max(max_similarity) FROM duplicate_clusters
"""
# the first column is reason_code (migration 005), or reason_kind on a warehouse not migrated that far
_REJECTIONS = ("SELECT COLUMNS('^reason_(code|kind)$'), documents, example_paths[1] AS example FROM rejections "
               "ORDER BY documents DESC, 1")
_RULES = """
    SELECT rule_id, category, removals, documents, sample_text FROM boilerplate_by_rule
    ORDER BY removals DESC, rule_id LIMIT 5
"""
_RUNS = """
    SELECT started_at::TIMESTAMP(0) AS started, status, files_seen AS files, loaded, duplicate, rejected, unchanged,
           round(epoch(finished_at - started_at), 1) AS seconds
    FROM runs ORDER BY started_at DESC LIMIT 5
"""


def _table(cols: list[str], rows: list[tuple], max_width: int = 50) -> str:
    """An aligned table without the row-count footer, indented under its section title."""
    return "\n".join("  " + line for line in format_table(cols, rows, max_width).splitlines()[:-1])


def _pivot(rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """(site, language, n) rows as one line per site, one column per language, plus totals."""
    langs = sorted({r[1] for r in rows})
    sites = sorted({r[0] for r in rows})
    cell = {(r[0], r[1]): int(r[2]) for r in rows}
    body = [(s, *[cell.get((s, lang), 0) for lang in langs], sum(cell.get((s, lang), 0) for lang in langs))
            for s in sites]
    body.append(("total", *[sum(cell.get((s, lang), 0) for s in sites) for lang in langs],
                 sum(cell.values())))
    return ["site", *langs, "total"], body


def _open(db: str | Path, retry_s: float) -> duckdb.DuckDBPyConnection:
    con = open_read_only(db, retry_s)
    ensure_views(con)
    return con


def render_stats(db: str | Path, retry_s: float = 30.0, top: int = 15) -> str:
    """The summary as text: totals, articles per site and language, duplicates, rejections, rules, runs.
    Lists show their `top` rows; the rest are summed in one line."""
    con = _open(db, retry_s)
    try:
        return "\n".join(_sections(con, db, top))
    finally:
        con.close()


def stats_dict(db: str | Path, retry_s: float = 30.0, top: int = 15) -> dict:
    """The same summary as data (for `articles stats --json`)."""
    con = _open(db, retry_s)
    try:
        t = con.execute(_TOTALS).fetchone()
        keys = ["documents", "loaded", "duplicate", "rejected", "articles", "words", "paragraphs", "removed_blocks"]

        def rows(sql: str, limit: int | None = None) -> list[dict]:
            rel = con.execute(sql)
            cols = [d[0] for d in rel.description]
            found = rel.fetchall()
            return [dict(zip(cols, r, strict=True)) for r in (found[:limit] if limit else found)]

        clusters, copies, lo, hi = con.execute(_DUPLICATES).fetchone()
        sites = rows(_BY_SITE + " ORDER BY n DESC, site, language")
        return {
            "warehouse": str(db), "schema_version": current_version(con), "totals": dict(zip(keys, t, strict=True)),
            "articles_by_site_language": sites[:top], "more_site_language_rows": max(0, len(sites) - top),
            "duplicates": {"clusters": clusters, "copies": copies, "min_similarity": lo, "max_similarity": hi},
            "rejections": rows(_REJECTIONS, top), "top_rules": rows(_RULES.replace("LIMIT 5", f"LIMIT {top}")),
            "last_runs": rows(_RUNS), "stale_search_languages": stale_languages(con),
        }
    finally:
        con.close()


def _sections(con: duckdb.DuckDBPyConnection, db: str | Path, top: int = 15) -> list[str]:
    t = con.execute(_TOTALS).fetchone()
    size_mb = Path(db).stat().st_size / 1e6
    out = [f"Warehouse {db} ({size_mb:.1f} MB, schema version {current_version(con)})",
           f"  documents {t[0]}: {t[1]} loaded, {t[2]} duplicate, {t[3]} rejected",
           f"  articles {t[4]} canonical ({t[5]} words), {t[6]} paragraphs, {t[7]} boilerplate blocks removed", ""]
    cols, body = _pivot(con.execute(_BY_SITE).fetchall())
    sites, total = body[:-1], body[-1:]
    if len(sites) > top:  # the biggest sites, then the rest in one row
        sites.sort(key=lambda r: (-r[-1], r[0]))
        rest = sites[top:]
        sites = sites[:top] + [(f"({len(rest)} more sites)", *[sum(r[i] for r in rest) for i in range(1, len(cols))])]
    out += ["Canonical articles per site and language", _table(cols, sites + total), ""]
    clusters, copies, lo, hi = con.execute(_DUPLICATES).fetchone()
    sim = f", similarity {lo:.3g}–{hi:.3g}" if clusters else ""
    out += [f"Duplicates: {copies} copies of {clusters} articles{sim}", ""]
    rel = con.execute(_REJECTIONS)
    rows = rel.fetchall()
    if len(rows) > top:
        rows = rows[:top] + [(f"({len(rows) - top} more codes)", sum(r[1] for r in rows[top:]), "")]
    out += ["Rejections" + ("" if rows else ": none")]
    out += [_table([d[0] for d in rel.description], rows, 70), ""] if rows else [""]
    rel = con.execute(_RULES)
    out += ["Top boilerplate rules", _table([d[0] for d in rel.description], rel.fetchall(), 40), ""]
    rel = con.execute(_RUNS)
    out += ["Last runs", _table([d[0] for d in rel.description], rel.fetchall()), ""]
    stale = stale_languages(con)
    index = ("not built yet (the next `articles search` builds it)" if stale is None
             else "up to date" if not stale else "stale for " + ", ".join(stale) + " (the next search rebuilds it)")
    out.append(f"Search index: {index}")
    return out
