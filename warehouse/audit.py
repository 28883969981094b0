"""What the audit page shows, read from the warehouse with SQL: a run's counts, its articles with their removed
blocks in place, duplicate pairs, rejected records with what was cleaned before the rejection."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from warehouse.db import open_read_only


@dataclass
class Removed:
    rule_id: str
    category: str
    text: str
    at: int | None  # the paragraph it stood before; None: removed from the HTML before extraction


@dataclass
class AuditArticle:
    article_id: str
    doc_id: str
    source_path: str
    title: str | None
    site: str | None
    author: str | None
    published_at: str | None
    language: str
    status: str
    duplicate_of: str | None
    similarity: float | None
    paragraphs: list[tuple[str, str]]  # (kind, text)
    removed: list[Removed] = field(default_factory=list)


@dataclass
class AuditRejected:
    source_path: str
    record_index: int
    reason_code: str
    reason: str
    title: str | None
    text: str


@dataclass
class Audit:
    db: str
    run_id: str | None
    run: dict
    languages: list[tuple[str, int]]
    categories: list[tuple[str, int]]
    articles: list[AuditArticle]
    duplicates: list[tuple[AuditArticle, AuditArticle]]  # (copy, canonical)
    rejected: list[AuditRejected]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    rel = con.execute(sql, params)
    cols = [d[0] for d in rel.description]
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def read_audit(db: str | Path, run_id: str | None = None, limit: int = 500, retry_s: float = 30.0) -> Audit:
    """The run's audit (the latest run when run_id is None); at most `limit` articles and rejected records."""
    con = open_read_only(db, retry_s)
    try:
        runs = _rows(con, "SELECT * FROM runs WHERE ? IS NULL OR run_id = ? ORDER BY started_at DESC LIMIT 1",
                     [run_id, run_id])
        if not runs:
            raise LookupError(f"no run {run_id!r} in {db}" if run_id else f"no run in {db} yet")
        run = runs[0]
        rid = run["run_id"]
        docs = "SELECT doc_id FROM documents WHERE run_id = ?"
        languages = con.execute(f"SELECT language, count(*) FROM articles WHERE doc_id IN ({docs}) "
                                "AND duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC, 1", [rid]).fetchall()
        categories = con.execute(f"SELECT category, count(*) FROM removed_blocks WHERE doc_id IN ({docs}) "
                                 "GROUP BY 1 ORDER BY 2 DESC, 1", [rid]).fetchall()
        arts = _articles(con, f"a.doc_id IN ({docs})", [rid], limit)
        copies = [a for a in arts if a.duplicate_of]
        canon = {a.article_id: a for a in _articles(con, "a.article_id IN (SELECT unnest(?))",
                                                    [[a.duplicate_of for a in copies]], limit)}
        duplicates = [(a, canon[a.duplicate_of]) for a in copies if a.duplicate_of in canon]
        rejected = [AuditRejected(r["source_path"], r["record_index"], r["reason_code"] or "unknown",
                                  r["reason"] or "", r["title"], r["text"] or "")
                    for r in _rows(con, "SELECT source_path, record_index, reason_code, reason, title, text FROM "
                                        "rejected_pages WHERE doc_id IN (" + docs + ") ORDER BY source_path, "
                                        "record_index LIMIT ?", [rid, limit])]
    finally:
        con.close()
    return Audit(str(db), rid, run, languages, categories, arts, duplicates, rejected)


def _articles(con: duckdb.DuckDBPyConnection, where: str, params: list, limit: int) -> list[AuditArticle]:
    rows = _rows(con, f"""
        SELECT a.article_id, a.doc_id, d.source_path, a.title, a.site, a.author,
               strftime(a.published_at, '%Y-%m-%d') AS published_at, a.language, d.status, a.duplicate_of,
               a.similarity
        FROM articles a JOIN documents d USING (doc_id)
        WHERE {where} ORDER BY d.source_path, d.record_index LIMIT ?""", [*params, limit])
    if not rows:
        return []
    ids = [r["article_id"] for r in rows]
    doc_ids = [r["doc_id"] for r in rows]
    paras: dict[str, list[tuple[str, str]]] = {}
    for aid, kind, text in con.execute("SELECT article_id, kind, text FROM paragraphs WHERE article_id IN "
                                       "(SELECT unnest(?)) ORDER BY article_id, position", [ids]).fetchall():
        paras.setdefault(aid, []).append((kind, text))
    removed: dict[str, list[Removed]] = {}
    for did, rule, cat, text, at in con.execute(
            "SELECT doc_id, rule_id, category, text, paragraph_at FROM removed_blocks WHERE doc_id IN "
            "(SELECT unnest(?)) ORDER BY doc_id, position", [doc_ids]).fetchall():
        removed.setdefault(did, []).append(Removed(rule, cat, text, at))
    return [AuditArticle(**r, paragraphs=paras.get(r["article_id"], []), removed=removed.get(r["doc_id"], []))
            for r in rows]
