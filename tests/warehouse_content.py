"""What a warehouse holds, run ids and load times aside: for comparing two warehouses built from one corpus."""

from __future__ import annotations

from pathlib import Path

import duckdb

QUERIES = {
    "documents": "SELECT doc_id, source_path, record_index, format, sha256, status, reason, reason_code, article_id "
                 "FROM documents",
    "articles": "SELECT * EXCLUDE (ingested_at) FROM articles",
    "paragraphs": "SELECT * FROM paragraphs",
    "removed_blocks": "SELECT * FROM removed_blocks",
    "signatures": "SELECT * FROM signatures",
    "rejected": "SELECT * FROM rejected_content",
    "site_line_counts": "SELECT * FROM site_line_counts",
}


def content(db: Path | str) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {k: sorted(con.execute(q).fetchall(), key=repr) for k, q in QUERIES.items()}
    finally:
        con.close()


def differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]], show: int = 3) -> str:
    """A short account of what differs (empty when nothing does), for assertion messages."""
    out = []
    for k in QUERIES:
        only_a = sorted(set(a[k]) - set(b[k]), key=repr)
        only_b = sorted(set(b[k]) - set(a[k]), key=repr)
        if only_a or only_b or len(a[k]) != len(b[k]):
            out.append(f"{k}: {len(a[k])} vs {len(b[k])} rows; only in first {[str(r)[:200] for r in only_a[:show]]}"
                       f"; only in second {[str(r)[:200] for r in only_b[:show]]}")
    return "\n".join(out)
