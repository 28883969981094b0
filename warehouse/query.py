"""Read-only SQL for analysts: statements that would change the warehouse are refused before running."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from pathlib import Path

import duckdb

from warehouse.db import open_read_only
from warehouse.migrate import available, current_version
from warehouse.search import enable_search

_ALLOWED = {"SELECT", "EXPLAIN", "PRAGMA"}
# DuckDB ends positioned errors with "LINE n: <excerpt of that line>" and a caret line under the position
# (one caret in DuckDB 1, a run of them under the whole token in DuckDB 2).
_TRAILER = re.compile(r"\n*LINE (\d+): (\.\.\.)?(.*?)(\.\.\.)?\n( *)\^+\s*$", re.S)
_VIEW = re.compile(r"\bCREATE\s+OR\s+REPLACE\s+VIEW\b", re.I)


class QueryRefused(ValueError):
    pass


class QueryError(duckdb.Error):
    """A DuckDB error, with the line and column in the user's whole SQL text (not just the failing statement)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 context: str = "") -> None:
        super().__init__(message + context)
        self.message, self.line, self.column = message, line, column


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _locate(exc: duckdb.Error, sql: str, offset: int, source: str) -> QueryError:
    """Turn DuckDB's statement-relative "LINE n" trailer into an absolute line/column with the full line shown."""
    text = str(exc)
    m = _TRAILER.search(text)
    if not m:
        return QueryError(text)
    message = text[: m.start()].rstrip()
    n, cut_start, excerpt, caret = int(m.group(1)), bool(m.group(2)), m.group(3), len(m.group(5))
    target = caret - len(f"LINE {n}: ") - (3 if cut_start else 0)
    col_in_excerpt, width = 0, 0
    for ch in excerpt:
        if width >= target:
            break
        width += _width(ch)
        col_in_excerpt += 1
    statement_lines = sql[offset:].split("\n")
    if n > len(statement_lines):
        return QueryError(text)
    start = statement_lines[n - 1].find(excerpt) if cut_start else 0
    pos = offset + sum(len(x) + 1 for x in statement_lines[: n - 1]) + max(start, 0) + col_in_excerpt
    line_no = sql.count("\n", 0, pos) + 1
    line_start = sql.rfind("\n", 0, pos) + 1
    line = sql[line_start:].split("\n", 1)[0]
    col = pos - line_start
    shown, shift = line, 0
    if len(line) > 120:  # a window around the position, so the caret stays on screen
        shift = max(0, col - 60)
        shown = ("…" if shift else "") + line[shift: shift + 120] + ("…" if shift + 120 < len(line) else "")
        shift -= 1 if shift else 0
    pad = sum(_width(ch) for ch in shown[: col - shift])
    gutter = f"{line_no} | "
    context = (f"\n  at line {line_no}, column {col + 1} of {source}:\n  {gutter}{shown}\n"
               f"  {' ' * (len(gutter) - 2)}| {' ' * pad}^")
    return QueryError(message, line_no, col + 1, context)


def ensure_views(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Give a not-yet-migrated warehouse the views of pending view-only migrations, as temporary views.

    A read-only connection cannot apply migrations (the next ingest does), but temp views need no write, so
    cookbook queries work on any warehouse. Returns the migration versions provided this way.
    """
    try:
        version = current_version(con)
        if version == 0:
            return []
        provided = []
        for number, _, path in available():
            if number <= version:
                continue
            statements = con.extract_statements(path.read_text(encoding="utf-8"))
            temp = [_VIEW.sub("CREATE OR REPLACE TEMP VIEW", st.query, count=1) for st in statements]
            if any(t == st.query for t, st in zip(temp, statements, strict=True)):
                break  # not view-only: only a real migration can apply it
            for t in temp:
                con.execute(t)
            provided.append(number)
        return provided
    except duckdb.Error:
        return []


def _try_enable_search(con: duckdb.DuckDBPyConnection) -> None:
    """Make the search index usable from SQL (`search_bm25(query, language)`); optional, so never fatal."""
    with contextlib.suppress(RuntimeError, duckdb.Error):
        enable_search(con)


def run_query(db: str | Path, sql: str, retry_s: float = 30.0,
              source: str = "the SQL") -> tuple[list[str], list[tuple]]:
    """(column names, rows) of the last statement. Raises QueryRefused for DDL/DML, QueryError for SQL errors."""
    con = open_read_only(db, retry_s)
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise _locate(exc, sql, 0, source) from exc
        if not statements:
            raise QueryRefused("no SQL statement given")
        for st in statements:
            kind = st.type.name if hasattr(st.type, "name") else str(st.type)
            if kind not in _ALLOWED:
                raise QueryRefused(f"read-only: {kind} statements are not allowed in `articles query`")
        ensure_views(con)
        _try_enable_search(con)
        cols: list[str] = []
        rows: list[tuple] = []
        cursor = 0
        for st in statements:
            found = sql.find(st.query, cursor)
            offset = found if found >= 0 else cursor
            cursor = offset + len(st.query)
            try:
                rel = con.execute(st.query)
            except duckdb.Error as exc:
                raise (_locate(exc, sql, offset, source) if found >= 0 else QueryError(str(exc))) from exc
            cols = [d[0] for d in rel.description] if rel.description else []
            rows = rel.fetchall() if rel.description else []
        return cols, rows
    finally:
        con.close()


def _cell(v: object, max_width: int) -> str:
    s = "NULL" if v is None else str(v)
    s = s.replace("\n", " ")
    return s if len(s) <= max_width else s[: max_width - 1] + "…"


def format_table(cols: list[str], rows: list[tuple], max_width: int = 80) -> str:
    body = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(cols)]
    line = lambda vals: " | ".join(v.ljust(w) for v, w in zip(vals, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(cols), "-+-".join("-" * w for w in widths)] + [line(r) for r in body]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_markdown(cols: list[str], rows: list[tuple], max_width: int = 80) -> str:
    """A GitHub-flavoured table (numbers right-aligned), ready to paste into a README or an issue."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("|", "\\|")

    numeric = [bool(rows) and all(isinstance(r[i], int | float) and not isinstance(r[i], bool)
                                  for r in rows if r[i] is not None) for i in range(len(cols))]
    out = ["| " + " | ".join(esc(c) for c in cols) + " |",
           "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    out += ["| " + " | ".join(esc(_cell(v, max_width)) for v in r) + " |" for r in rows]
    return "\n".join(out)
