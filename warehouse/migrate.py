"""Versioned schema migrations: warehouse/migrations/NNN_name.sql, applied once each, in order."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from warehouse.db import rollback, table_exists

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def available() -> list[tuple[int, str, Path]]:
    out = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        m = _NAME.match(path.name)
        if not m:
            raise RuntimeError(f"migration file name must look like 001_name.sql: {path.name}")
        out.append((int(m.group(1)), m.group(2), path))
    return out


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations, each in its own transaction. Returns the versions applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
        "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, path in available():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
        applied.append(version)
    return applied


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    if not table_exists(con, "schema_migrations"):
        return 0
    row = con.execute("SELECT max(version) FROM schema_migrations").fetchall()[0]
    return int(row[0] or 0)
