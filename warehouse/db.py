"""Opening the warehouse file: the one default path, connections that wait for the writer's turn, and the
read-only opener every reading command shares."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

DEFAULT_DB = "warehouse/articles.duckdb"


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc).lower()
    return "lock" in msg or "conflicting" in msg or "could not set lock" in msg


def connect(path: str | Path, *, read_only: bool = False, retry_s: float = 30.0,
            memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying while another process holds it (DuckDB allows one writer process)."""
    config = {"memory_limit": memory_limit} if memory_limit else {}
    deadline = time.monotonic() + retry_s
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            if not read_only:
                bind_indexes(con)
            return con
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def bind_indexes(con: duckdb.DuckDBPyConnection) -> None:
    """Use every index once, before anything can checkpoint. DuckDB 1.5 keeps the index entries it replays from
    the write-ahead log aside until an index is first used, and a checkpoint before that writes the index without
    them (duckdb/duckdb#23788; fixed after 1.5.5, which the fts wheel pins): lookups would then miss rows. A
    batch's connection closes without checkpointing, so the next one always replays."""
    rows = con.execute("SELECT table_name, expressions FROM duckdb_indexes() "
                       "WHERE database_name = current_database() AND schema_name = 'main'").fetchall()
    for table, expressions in rows:
        column = expressions.strip("[]").split(",")[0].strip()
        con.execute(f"SELECT count(*) FROM {table} WHERE {column} = ''").fetchall()


def open_read_only(db: str | Path, retry_s: float = 30.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection, or FileNotFoundError with the message every command prints."""
    if not Path(db).exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `articles ingest` first")
    return connect(db, read_only=True, retry_s=retry_s)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN … COMMIT, or ROLLBACK on any error (the connection must not be in a transaction already)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
