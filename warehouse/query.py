"""Read-only SQL for analysts: statements that would change the warehouse are refused before running."""

from __future__ import annotations

from pathlib import Path

from warehouse.store import connect

_ALLOWED = {"SELECT", "EXPLAIN", "PRAGMA"}


class QueryRefused(ValueError):
    pass


def run_query(db: str | Path, sql: str, retry_s: float = 30.0) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of the last statement. Raises QueryRefused for DDL/DML."""
    if not Path(db).exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `articles ingest` first")
    con = connect(db, read_only=True, retry_s=retry_s)
    try:
        statements = con.extract_statements(sql)
        if not statements:
            raise QueryRefused("no SQL statement given")
        for st in statements:
            kind = st.type.name if hasattr(st.type, "name") else str(st.type)
            if kind not in _ALLOWED:
                raise QueryRefused(f"read-only: {kind} statements are not allowed in `articles query`")
        cols: list[str] = []
        rows: list[tuple] = []
        for st in statements:
            rel = con.execute(st.query)
            cols = [d[0] for d in rel.description] if rel.description else []
            rows = rel.fetchall() if rel.description else []
        return cols, rows
    finally:
        con.close()


def format_table(cols: list[str], rows: list[tuple], max_width: int = 80) -> str:
    def cell(v: object) -> str:
        s = "NULL" if v is None else str(v)
        s = s.replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    body = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(cols)]
    line = lambda vals: " | ".join(v.ljust(w) for v, w in zip(vals, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(cols), "-+-".join("-" * w for w in widths)] + [line(r) for r in body]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
