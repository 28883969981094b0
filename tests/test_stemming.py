"""`snowball_stem` in SQL: PyStemmer's Snowball stemmers, one vector holding several languages, NULLs and 'none'."""

from __future__ import annotations

import duckdb
import Stemmer

from warehouse.search import stopwords
from warehouse.stemming import register_stem, stem_words


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
            assert stem is None
        elif stemmer == "none":
            assert stem == word
        else:
            assert stem == Stemmer.Stemmer(stemmer).stemWord(word)
    assert {s for w, st, s in got if st == "french"} == {"habit"}


def test_stem_words_called_directly_keeps_nulls_null():
    assert stem_words(["eaux", None, "eaux", "eaux"], ["french", "french", None, "none"]) == ["eau", None, None, "eaux"]


def test_english_stop_words_and_none_elsewhere(tmp_path):
    """The shipped list (the fts extension's English list), none for other languages; a config folder of one's
    own without the file falls back to the shipped one."""
    en = stopwords("en")
    assert len(en) == 570 and {"the", "and", "of", "which"} <= set(en) and "bridge" not in en
    assert stopwords("fr") == [] and stopwords("de") == []
    assert stopwords("en", config_dir=tmp_path) == en
    (tmp_path / "search_stopwords.toml").write_text('[en]\nwords = ["bridge"]\n', encoding="utf-8")
    assert stopwords("en", config_dir=tmp_path) == ["bridge"]
