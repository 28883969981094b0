"""Opening the warehouse file: the one default path, connections that wait for the writer's turn, and the
read-only opener every reading command shares."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
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
            no_downloads(con)
            return con
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def no_downloads(con: duckdb.DuckDBPyConnection) -> None:
    """Nothing is downloaded at run time: DuckDB would otherwise fetch an extension a statement names (a SET,
    not a connect option, so that other connections to the same file in this process need no matching config)."""
    con.execute("SET autoinstall_known_extensions = false")


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
        rollback(con)
        raise


def table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the main schema of this connection's database has the table. Asked, not tried: in DuckDB 2 a
    failed statement aborts the open transaction."""
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main' "
                            "AND database_name = current_database()", [name]).fetchall()[0][0])


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK after an error; when a failed COMMIT already ended the transaction there is nothing to roll back,
    and the error to report is the one that got here, not "no transaction is active"."""
    with suppress(duckdb.TransactionException):
        con.execute("ROLLBACK")


def register(con: duckdb.DuckDBPyConnection, name: str, table: object) -> None:
    """`con.register`, after running any result of an earlier `execute` to its end: DuckDB 2 refuses to register
    on a connection whose last result is unfinished (read with `fetchone()` or `fetchmany()`, or not read)."""
    con.complete()
    con.register(name, table)
