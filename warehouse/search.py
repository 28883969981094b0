"""Full-text search: one BM25 index per language (DuckDB's fts extension, loaded offline from its wheel).

Layout in the warehouse: a table `fts_docs_<lang>` (article_id, title, text) of the canonical articles in that
language, its fts index (schema `fts_main_fts_docs_<lang>`) with that language's Snowball stemmer, and
`fts_index_state`, one row per language with the (article count, max ingested_at) the index was built from.
New articles change that pair; a load that rewrites loaded articles (learned chrome stripped again, a cluster
decided again) deletes its languages' rows (`invalidate`), so either way the index is known to be stale.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from warehouse.db import connect, open_read_only
from warehouse.lock import WarehouseBusy, writer_lock

INDEX_VERSION = 1  # bump when the tokenizer or the index layout changes: every language is rebuilt
_STEMMERS = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali",
    "nl": "dutch", "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "ta": "tamil", "tr": "turkish",
}
# Any run of characters that is not a letter or a digit separates words: the extension's default list misses
# typographic apostrophes and French quotes (l’eau, «tarifs»).
_IGNORE = r"[^\p{L}\p{N}]+"
_WORD = re.compile(r"[^\W_]+")
_STATE_DDL = (
    "CREATE TABLE IF NOT EXISTS fts_index_state (language VARCHAR PRIMARY KEY, stemmer VARCHAR NOT NULL, "
    "articles BIGINT NOT NULL, max_ingested_at TIMESTAMP, version INTEGER NOT NULL, built_at TIMESTAMP NOT NULL, "
    "build_s DOUBLE)"
)


def stemmer_for(language: str) -> str:
    """The fts stemmer for an ISO 639-1 code; 'none' (exact words) when Snowball has no stemmer for it."""
    return _STEMMERS.get(language.lower(), "none")


def _table(language: str) -> str:
    return "fts_docs_" + re.sub(r"[^a-z0-9]", "_", language.lower())


def fts_extension_path() -> str:
    """The extension file shipped in the duckdb-extension-fts wheel (INSTALL cannot download here)."""
    spec = importlib.util.find_spec("duckdb_extension_fts")
    roots = list(spec.submodule_search_locations or []) if spec else []
    found = sorted(p for r in roots for p in glob.glob(os.path.join(r, "extensions", "*", "fts.duckdb_extension")))
    if not found:
        raise RuntimeError("the fts extension file is missing: install duckdb-extension-fts (see pyproject.toml)")
    version = f"v{duckdb.__version__}"
    return next((p for p in found if f"{os.sep}{version}{os.sep}" in p), found[-1])


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"LOAD '{fts_extension_path()}'")


def _current(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, datetime | None]]:
    rows = con.execute(
        "SELECT language, count(*), max(ingested_at) FROM unique_articles GROUP BY language"
    ).fetchall()
    return {r[0]: (int(r[1]), r[2]) for r in rows}


def _built(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, datetime | None, str, int]] | None:
    try:
        rows = con.execute(
            "SELECT language, articles, max_ingested_at, stemmer, version FROM fts_index_state"
        ).fetchall()
    except duckdb.CatalogException:
        return None
    return {r[0]: (int(r[1]), r[2], r[3], int(r[4])) for r in rows}


def invalidate(con: duckdb.DuckDBPyConnection, languages: list[str]) -> None:
    """Mark these languages' indexes stale (inside the caller's transaction): their articles were rewritten."""
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'fts_index_state' "
                         "AND table_schema = 'main'").fetchone()[0]
    if exists:
        con.execute("DELETE FROM fts_index_state WHERE list_contains(?, language)", [languages])


def stale_languages(con: duckdb.DuckDBPyConnection) -> list[str] | None:
    """Languages whose index is missing or behind the articles (or indexes to drop); None: no index at all."""
    built = _built(con)
    if built is None:
        return None
    current = _current(con)
    stale = [lang for lang, (n, last) in current.items()
             if built.get(lang) != (n, last, stemmer_for(lang), INDEX_VERSION)]
    return sorted(stale + [lang for lang in built if lang not in current])


def rebuild_search_index(con: duckdb.DuckDBPyConnection, force: bool = False) -> dict[str, int]:
    """Bring the per-language indexes up to date in one transaction; returns {language: articles} rebuilt.

    Idempotent and cheap when nothing changed (two small aggregates); only languages that gained articles are
    rebuilt. Call it on a writable connection outside any open transaction, once a run has loaded its last
    batch (a full rebuild of ~10k articles takes seconds, so not after every batch).
    """
    load_fts(con)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_STATE_DDL)
        built = _built(con) or {}
        current = _current(con)
        rebuilt: dict[str, int] = {}
        for lang, (n, last) in sorted(current.items()):
            stemmer = stemmer_for(lang)
            if not force and built.get(lang) == (n, last, stemmer, INDEX_VERSION):
                continue
            t0 = time.perf_counter()
            table = _table(lang)
            con.execute(
                f"CREATE OR REPLACE TABLE {table} AS SELECT article_id, coalesce(title, '') AS title, text "
                "FROM unique_articles WHERE language = ? ORDER BY article_id", [lang],
            )
            stopwords = "english" if stemmer == "english" else "none"
            con.execute(
                f"PRAGMA create_fts_index('{table}', 'article_id', 'title', 'text', stemmer='{stemmer}', "
                f"stopwords='{stopwords}', ignore='{_IGNORE}', strip_accents=1, lower=1, overwrite=1)"
            )
            con.execute(
                "INSERT OR REPLACE INTO fts_index_state VALUES (?, ?, ?, ?, ?, current_localtimestamp(), ?)",
                [lang, stemmer, n, last, INDEX_VERSION, time.perf_counter() - t0],
            )
            rebuilt[lang] = n
        for lang in sorted(set(built) - set(current)):
            con.execute(f"PRAGMA drop_fts_index('{_table(lang)}')")
            con.execute(f"DROP TABLE IF EXISTS {_table(lang)}")
            con.execute("DELETE FROM fts_index_state WHERE language = ?", [lang])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return rebuilt


def _note(msg: str) -> None:
    print(f"articles search: {msg}", file=sys.stderr)


def _in_memory_index(db: str | Path, retry_s: float) -> duckdb.DuckDBPyConnection:
    """A private in-memory index over the warehouse attached read-only: nothing is written to the file."""
    con = duckdb.connect()
    path = str(db).replace("'", "''")
    deadline = time.monotonic() + retry_s
    while True:
        try:
            con.execute(f"ATTACH '{path}' AS wh (READ_ONLY)")
            break
        except duckdb.IOException:
            if time.monotonic() >= deadline:
                con.close()
                raise
            time.sleep(0.2)
    con.execute("CREATE VIEW unique_articles AS SELECT * FROM wh.main.unique_articles")
    rebuild_search_index(con)
    return con


def open_for_search(db: str | Path, retry_s: float = 30.0, lock_wait_s: float = 2.0,
                    note: Callable[[str], None] = _note, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A connection whose search index covers every canonical article.

    Fresh index: the file is opened read-only. Stale or missing: it is rebuilt in the file under the ingest's
    writer lock (so never during a load), then reopened read-only. If the lock or the file cannot be had (an
    ingest is running, another process has the file open, a read-only file system), the index is built in
    memory for this search only.
    """
    con = open_read_only(db, retry_s)
    stale = stale_languages(con)
    if stale == []:
        load_fts(con)
        return con
    con.close()
    what = "missing" if stale is None else "stale for " + ", ".join(stale)
    t0 = time.perf_counter()
    try:
        with writer_lock(str(db), lock_wait_s):
            wcon = connect(db, read_only=False, retry_s=min(retry_s, 5.0), memory_limit=memory_limit)
            try:
                rebuilt = rebuild_search_index(wcon)
            finally:
                wcon.close()
    except (WarehouseBusy, OSError, duckdb.Error) as exc:
        reason = str(exc).splitlines()[0]
        note(f"search index {what}; cannot update it in {db} ({reason}); building a temporary one in memory")
        return _in_memory_index(db, retry_s)
    n = sum(rebuilt.values())
    note(f"search index {what}: rebuilt {len(rebuilt)} language(s), {n} articles, in {time.perf_counter() - t0:.2f} s")
    con = connect(db, read_only=True, retry_s=retry_s)
    load_fts(con)
    return con


@dataclass
class Hit:
    article_id: str
    title: str
    site: str | None
    published_at: datetime | None
    language: str
    score: float
    snippet: str


def indexed_languages(con: duckdb.DuckDBPyConnection) -> list[str]:
    return sorted((_built(con) or {}).keys())


def search(con: duckdb.DuckDBPyConnection, terms: str, *, language: str | None = None,
           sites: list[str] | None = None, since: date | None = None, limit: int = 10,
           mark: tuple[str, str] = ("**", "**")) -> list[Hit]:
    """Canonical articles matching any of the terms, best BM25 score first.

    Scores come from each language's own index (query words are stemmed with that language's stemmer), so
    they compare well within a language and roughly across languages.
    """
    langs = [lang for lang in indexed_languages(con) if language is None or lang == language]
    if not langs or not terms.strip():
        return []
    parts = [
        f"SELECT article_id, fts_main_{_table(lang)}.match_bm25(article_id, $terms) AS score FROM {_table(lang)}"
        for lang in langs
    ]
    where = ["m.score IS NOT NULL"]
    params: dict[str, object] = {"terms": terms, "limit": limit}
    if sites:
        where.append("lower(a.site) IN (SELECT lower(unnest($sites)))")
        params["sites"] = list(sites)
    if since:
        where.append("a.published_at >= $since")
        params["since"] = since
    rows = con.execute(
        f"SELECT a.article_id, a.title, a.site, a.published_at, a.language, m.score, a.text "
        f"FROM ({' UNION ALL '.join(parts)}) m JOIN unique_articles a USING (article_id) "
        f"WHERE {' AND '.join(where)} ORDER BY m.score DESC, a.published_at DESC NULLS LAST, a.article_id "
        "LIMIT $limit",
        params,
    ).fetchall()
    return [Hit(r[0], r[1] or "", r[2], r[3], r[4], float(r[5]), snippet(con, r[6], terms, r[4], mark=mark))
            for r in rows]


def _stems(con: duckdb.DuckDBPyConnection, words: list[str], language: str) -> dict[str, set[str]]:
    """Each word's stems, tokenized and stemmed exactly as the language's index does it."""
    if not words:
        return {}
    rows = con.execute(
        f"SELECT w, list(stem(t, ?)) FROM (SELECT w, unnest(fts_main_{_table(language)}.tokenize(w)) AS t "
        "FROM unnest(?) AS u(w)) GROUP BY w", [stemmer_for(language), words],
    ).fetchall()
    return {w: set(s) for w, s in rows}


def snippet(con: duckdb.DuckDBPyConnection, text: str, terms: str, language: str, width: int = 30,
            mark: tuple[str, str] = ("**", "**")) -> str:
    """The `width`-word window of text that holds the most distinct query words (then the most hits), hits
    wrapped in `mark`; words are matched by stem, as the index matches them."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        return ""
    words = [text[a:b] for a, b in spans]
    query = set().union(*_stems(con, list(set(_WORD.findall(terms))), language).values())
    stems = _stems(con, sorted(set(words)), language)
    hit = [stems.get(w, set()) & query for w in words]

    def score(lo: int) -> tuple[int, int, int]:
        window = hit[lo:lo + width]
        return len(set().union(*window)), sum(1 for h in window if h), -lo

    starts = {max(0, min(i - width // 5, len(words) - width)) for i, h in enumerate(hit) if h} or {0}
    lo = max(starts, key=score)
    hi = min(len(words), lo + width)
    out, pos = [], spans[lo][0]
    for i in range(lo, hi):
        a, b = spans[i]
        out.append(text[pos:a])
        out.append(f"{mark[0]}{words[i]}{mark[1]}" if hit[i] else words[i])
        pos = b
    body = re.sub(r"\s+", " ", "".join(out)).strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(words) else "")
