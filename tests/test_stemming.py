"""`snowball_stem` in SQL: PyStemmer's Snowball stemmers, one vector holding several languages, NULLs and 'none'."""

from __future__ import annotations

import duckdb
import Stemmer

from warehouse.db import register
from warehouse.stemming import register_stem


def test_sql_stems_equal_pystemmer_per_row_language():
    con = duckdb.connect()
    register_stem(con)
    register_stem(con)  # a second call on the same connection is a no-op, not an error
    rows = [("habitants", "french"), ("running", "english"), ("Brauereien", "german"), ("libraries", "none"),
            (None, "english"), ("tarifs", None)] * 700  # more than one 2,048-row vector, languages mixed in each
    con.execute("CREATE TABLE w (word VARCHAR, stemmer VARCHAR)")
    con.executemany("INSERT INTO w VALUES (?, ?)", rows)
    got = con.execute("SELECT word, stemmer, snowball_stem(word, stemmer) FROM w").fetchall()
    for word, stemmer, stem in got:
        if word is None or stemmer is None:
            assert stem is None or stem == word
        elif stemmer == "none":
            assert stem == word
        else:
            assert stem == Stemmer.Stemmer(stemmer).stemWord(word)
    assert {s for w, st, s in got if st == "french"} == {"habit"}


def test_one_language_vector_takes_the_fast_path_with_the_same_answers():
    con = duckdb.connect()
    register_stem(con)
    words = ["eaux", "régies", "tarifs", "habitants"] * 1000
    got = [r[0] for r in con.execute("SELECT snowball_stem(w, 'french') FROM unnest(?) t(w)", [words]).fetchall()]
    assert got == Stemmer.Stemmer("french").stemWords(words)


def test_register_after_a_result_read_with_fetchone():
    """DuckDB 2 refuses `register` while a result read with fetchone() is unfinished; the helper finishes it."""
    import pyarrow as pa

    con = duckdb.connect()
    con.execute("SELECT * FROM range(10)").fetchone()
    register(con, "t", pa.table({"a": [1, 2]}))
    assert con.execute("SELECT sum(a) FROM t").fetchall() == [(3,)]
