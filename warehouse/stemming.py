"""`snowball_stem(word, stemmer)` in SQL: Snowball stemmers (PyStemmer) as a vectorized function on a connection.

The search index used the fts extension's `stem`, and the extension's wheel pins one DuckDB version; PyStemmer is
the same Snowball C code as a Python wheel, so the index no longer ties DuckDB's version to an extension's. Not
named `stem`: DuckDB 2 resolves that name by trying to download the fts extension.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import Stemmer

NONE = "none"  # no stemmer: words are indexed as they are
_CACHE: dict[str, Stemmer.Stemmer] = {}


def algorithms() -> list[str]:
    """The Snowball stemmers this machine can use."""
    return sorted(Stemmer.algorithms())


def _stemmer(name: str) -> Stemmer.Stemmer:
    if name not in _CACHE:
        _CACHE[name] = Stemmer.Stemmer(name)
    return _CACHE[name]


def stem_words(words: list[str | None], stemmers: list[str | None]) -> list[str | None]:
    """Each word stemmed by its row's stemmer (NULL in, NULL out; 'none' leaves the word as it is)."""
    out: list[str | None] = list(words)
    rows: dict[str, list[int]] = {}
    for i, (w, s) in enumerate(zip(words, stemmers, strict=True)):
        if w is not None and s is not None and s != NONE:
            rows.setdefault(s, []).append(i)
    for name, idx in rows.items():
        stemmed = _stemmer(name).stemWords([words[i] for i in idx])
        for i, s in zip(idx, stemmed, strict=True):
            out[i] = s
    return out


def _stem_arrow(words: pa.Array, stemmers: pa.Array) -> pa.Array:
    if len(words) == 0:
        return pa.array([], pa.string())
    names = pc.unique(stemmers).to_pylist()
    if len(names) == 1 and names[0] is not None:  # the usual case: one language per vector
        if names[0] == NONE:
            return words
        ws = words.to_pylist()
        present = [w for w in ws if w is not None]
        if len(present) == len(ws):
            return pa.array(_stemmer(names[0]).stemWords(ws), pa.string())
    return pa.array(stem_words(words.to_pylist(), stemmers.to_pylist()), pa.string())


def register_stem(con: duckdb.DuckDBPyConnection) -> None:
    """Define `snowball_stem(VARCHAR, VARCHAR) -> VARCHAR` on this connection (once; read-only connections too)."""
    exists = con.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name = 'snowball_stem' "
                         "AND function_type = 'scalar'").fetchall()[0][0]
    if exists:
        return
    con.complete()  # DuckDB 2 refuses to create a function while an earlier result is unread
    con.create_function("snowball_stem", _stem_arrow, [duckdb.sqltype("VARCHAR"), duckdb.sqltype("VARCHAR")],
                        duckdb.sqltype("VARCHAR"), type="arrow", side_effects=False)
