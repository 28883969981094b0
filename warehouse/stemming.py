"""`snowball_stem(word, stemmer)` in SQL: Snowball stemmers (PyStemmer) as a vectorized function on a connection.

The search index used the fts extension's `stem`, and the extension's wheel pins one DuckDB version; PyStemmer is
the same Snowball C code as a Python wheel, so the index no longer ties DuckDB's version to an extension's. Not
named `stem`: DuckDB 2 resolves that name by trying to download the fts extension.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import Stemmer

NONE = "none"  # no stemmer: words are indexed as they are
_CACHE: dict[str, Stemmer.Stemmer] = {}


def _stemmer(name: str) -> Stemmer.Stemmer:
    if name not in _CACHE:
        _CACHE[name] = Stemmer.Stemmer(name)
    return _CACHE[name]


def stem_words(words: list[str | None], stemmers: list[str | None]) -> list[str | None]:
    """Each word stemmed by its row's stemmer, one `stemWords` call per stemmer (a vector of the index update
    holds several languages); NULL word or stemmer: NULL; 'none': the word as it is."""
    out: list[str | None] = [None] * len(words)
    rows: dict[str, list[int]] = {}
    for i, (w, s) in enumerate(zip(words, stemmers, strict=True)):
        if w is None or s is None:
            continue
        if s == NONE:
            out[i] = w
        else:
            rows.setdefault(s, []).append(i)
    for name, idx in rows.items():
        stemmed = _stemmer(name).stemWords([words[i] for i in idx])
        for i, st in zip(idx, stemmed, strict=True):
            out[i] = st
    return out


def _stem_arrow(words: pa.Array, stemmers: pa.Array) -> pa.Array:
    return pa.array(stem_words(words.to_pylist(), stemmers.to_pylist()), pa.string())


def register_stem(con: duckdb.DuckDBPyConnection) -> None:
    """Define `snowball_stem(VARCHAR, VARCHAR) -> VARCHAR` on this connection (once; read-only connections too)."""
    exists = con.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name = 'snowball_stem' "
                         "AND function_type = 'scalar'").fetchall()[0][0]
    if exists:
        return
    con.create_function("snowball_stem", _stem_arrow, [duckdb.sqltype("VARCHAR"), duckdb.sqltype("VARCHAR")],
                        duckdb.sqltype("VARCHAR"), type="arrow", side_effects=False)
