"""Full-text search: BM25 over the canonical articles, kept up to date incrementally, per language.

The index is three tables in the warehouse: `search_docs` (article_id, language, content_hash, length: the
articles indexed and the text version they were indexed from), `search_postings` (language, term, article_id,
tf) and `search_languages` (each language's Snowball stemmer and stop words). Words are lower-cased, stripped of
accents, split on anything that is not a letter or a digit and stemmed with the stemmer of the article's
language (Snowball, through PyStemmer: `warehouse/stemming.py`); English drops the stop words of
`config/search_stopwords.toml`. The index is a function of
`unique_articles`: an update indexes the canonical articles it lacks (new ones, rewritten ones, ones that
became canonical) and drops what is no longer canonical or no longer that text, a few thousand articles at a
time, so its cost and memory follow what changed, not the size of the warehouse. Scores are BM25 (k1 = 1.2,
b = 0.75, base-10 idf) within each language, as DuckDB's fts extension's `match_bm25` computes them; the table macro
`search_bm25(query, language)` exposes them to SQL.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.settings import CONFIG_DIR, SHIPPED_CONFIG_DIR, read_toml
from warehouse.db import connect, no_downloads, open_read_only, register, table_exists, transaction
from warehouse.lock import WarehouseBusy, writer_lock
from warehouse.stemming import NONE, register_stem

INDEX_VERSION = 3  # bump when the tokenizer or the index layout changes: everything is indexed again
CHUNK = 500  # articles tokenized per statement and transaction: bounds the memory an update needs
_STEMMERS = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali",
    "nl": "dutch", "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "ta": "tamil", "tr": "turkish",
}
# Any run of characters that is not a letter or a digit separates words (l’eau, «tarifs»).
_SPLIT = r"[^\p{L}\p{N}]+"
_WORD = re.compile(r"[^\W_]+")
_DDL = (
    "CREATE TABLE IF NOT EXISTS search_docs (article_id VARCHAR NOT NULL, language VARCHAR NOT NULL, "
    "content_hash VARCHAR NOT NULL, length INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS search_postings (language VARCHAR NOT NULL, term VARCHAR NOT NULL, "
    "article_id VARCHAR NOT NULL, tf INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS search_languages (language VARCHAR NOT NULL, stemmer VARCHAR NOT NULL, "
    "stopwords VARCHAR[] NOT NULL)",
    "CREATE TABLE IF NOT EXISTS search_index_state (version INTEGER NOT NULL, updated_at TIMESTAMP NOT NULL, "
    "update_s DOUBLE)",
)


def _tokens(text_sql: str) -> str:
    """SQL for the words of a text expression, as both the index and the queries split them."""
    return f"unnest(string_split_regex(lower(strip_accents({text_sql})), '{_SPLIT}'))"


_DOC_TEXT = "coalesce(title, '') || ' ' || text"  # what an article is found by


def _term(word_sql: str) -> str:
    """SQL for a word's index term, with the language's stemmer in column l.stemmer."""
    return f"CASE WHEN l.stemmer = 'none' THEN {word_sql} ELSE snowball_stem({word_sql}, l.stemmer) END"



_MACRO = f"""
CREATE OR REPLACE TEMP MACRO search_bm25(query, lang) AS TABLE
WITH l AS (SELECT stemmer, stopwords FROM search_languages WHERE language = lang),
w AS (SELECT {_tokens("query")} AS t),
q AS (SELECT DISTINCT {_term('w.t')} AS term FROM w, l WHERE w.t <> '' AND NOT list_contains(l.stopwords, w.t)),
n AS (SELECT count(*) AS n, avg(length) AS avgdl FROM search_docs WHERE language = lang),
p AS MATERIALIZED (SELECT term, article_id, tf FROM search_postings SEMI JOIN q USING (term)
                  WHERE language = lang),
df AS (SELECT term, count(*) AS df FROM p GROUP BY term)
SELECT p.article_id, sum(log((n.n - df.df + 0.5) / (df.df + 0.5) + 1) * p.tf * (1.2 + 1)
                         / (p.tf + 1.2 * (1 - 0.75 + 0.75 * d.length / n.avgdl))) AS score
FROM p JOIN df USING (term) JOIN search_docs d ON d.article_id = p.article_id CROSS JOIN n
GROUP BY p.article_id
"""


def stemmer_for(language: str) -> str:
    """The Snowball stemmer for an ISO 639-1 code; 'none' (exact words) when Snowball has none for it."""
    return _STEMMERS.get(language.lower(), NONE)


def enable_search(con: duckdb.DuckDBPyConnection) -> None:
    """Define `snowball_stem` and `search_bm25(query, language)` on this connection (read-only is fine)."""
    register_stem(con)
    con.execute(_MACRO)


_STOPWORDS_FILE = "search_stopwords.toml"


def stopwords(language: str, config_dir: Path | None = None) -> list[str]:
    """A language's stop words (config/search_stopwords.toml; most languages have none). A config folder of its
    own (ARTICLES_CONFIG_DIR) without the file uses the shipped one, as the other config files fall back to
    their defaults. The lists a language was indexed with are kept in `search_languages`."""
    path = (config_dir or CONFIG_DIR) / _STOPWORDS_FILE
    data = read_toml(path if path.exists() else SHIPPED_CONFIG_DIR / _STOPWORDS_FILE)
    entry = data.get(language.lower(), {})
    return sorted(set(entry.get("words", [])))


def _has_index(con: duckdb.DuckDBPyConnection) -> bool:
    return table_exists(con, "search_index_state")


def _version(con: duckdb.DuckDBPyConnection) -> int | None:
    row = con.execute("SELECT max(version) FROM search_index_state").fetchone()
    return None if row[0] is None else int(row[0])


_COMPARE = "ON a.article_id = d.article_id AND a.content_hash = d.content_hash AND a.language = d.language"
_GONE = "SELECT d.article_id, d.language FROM {docs} d ANTI JOIN {arts} a " + _COMPARE
_MISSING = "SELECT a.article_id, a.language FROM {arts} a ANTI JOIN {docs} d " + _COMPARE
_WHOLE = {"docs": "search_docs", "arts": "unique_articles"}
# only the articles a batch wrote, rewrote or re-decided since the last update (warehouse/store.py queues them)
_QUEUED = {"docs": "(SELECT * FROM search_docs SEMI JOIN search_pending USING (article_id))",
           "arts": "(SELECT * FROM unique_articles SEMI JOIN search_pending USING (article_id))"}
_WHOLE_WAREHOUSE = "*"  # in search_pending: compare everything once (a warehouse from before the queue)


def _has_queue(con: duckdb.DuckDBPyConnection) -> bool:
    return table_exists(con, "search_pending")


def _scope(con: duckdb.DuckDBPyConnection, queued_only: bool) -> dict[str, str]:
    """What an update compares: the queued articles when asked and the queue can say, else everything."""
    if not queued_only or not _has_queue(con):
        return _WHOLE
    whole = con.execute("SELECT count(*) FROM search_pending WHERE article_id = ?", [_WHOLE_WAREHOUSE]).fetchone()[0]
    return _WHOLE if whole else _QUEUED


def stale_languages(con: duckdb.DuckDBPyConnection) -> list[str] | None:
    """Languages whose index lacks canonical articles or holds articles no longer canonical (or another text of
    them); None: no index at all."""
    if not _has_index(con):
        return None
    if _version(con) != INDEX_VERSION:
        rows = con.execute("SELECT DISTINCT language FROM unique_articles UNION SELECT DISTINCT language "
                           "FROM search_docs").fetchall()
    else:
        gone, missing = _GONE.format(**_WHOLE), _MISSING.format(**_WHOLE)
        rows = con.execute(f"SELECT DISTINCT language FROM ({gone} UNION ALL {missing})").fetchall()
    return sorted(r[0] for r in rows)


def rebuild_search_index(con: duckdb.DuckDBPyConnection, force: bool = False,
                         queued_only: bool = False) -> dict[str, int]:
    """Bring the index up to date; returns {language: articles indexed or dropped}.

    Idempotent and cheap when nothing changed (two anti-joins). Call it on a writable connection outside any
    open transaction, once a run has loaded its last batch. `force` indexes everything again. Each step commits
    (the drops, then every CHUNK articles): a transaction holding a whole run's postings would hold them in
    memory; a failure leaves a consistent index that lacks some articles, which the next update adds.

    `queued_only` (the ingest) compares only the articles the batches queued in `search_pending`, so the update
    costs what the run changed, not the warehouse's size; without it (`articles search`, which also sees what
    other programs changed with SQL) the whole warehouse is compared. Either empties the queue.
    """
    register_stem(con)
    t0 = time.perf_counter()
    changed: dict[str, int] = {}
    with transaction(con):
        _drop_old_layout(con)
        for ddl in _DDL:
            con.execute(ddl)
        reset = force or _version(con) != INDEX_VERSION
        if reset:
            for table in ("search_docs", "search_postings", "search_languages", "search_index_state"):
                con.execute(f"DELETE FROM {table}")
        scope = _WHOLE if reset else _scope(con, queued_only)
        gone = con.execute(_GONE.format(**scope)).fetchall()
        if gone:
            register(con, "s_gone", pa.table({"article_id": [g[0] for g in gone]}))
            con.execute("DELETE FROM search_postings WHERE article_id IN (SELECT article_id FROM s_gone)")
            con.execute("DELETE FROM search_docs WHERE article_id IN (SELECT article_id FROM s_gone)")
            con.unregister("s_gone")
        missing = con.execute(_MISSING.format(**scope) + " ORDER BY a.article_id").fetchall()
        for _, lang in gone + missing:
            changed[lang] = changed.get(lang, 0) + 1
        known = {r[0] for r in con.execute("SELECT language FROM search_languages").fetchall()}
        for lang in sorted(set(changed) - known):
            con.execute("INSERT INTO search_languages VALUES (?, ?, ?)", [lang, stemmer_for(lang), stopwords(lang)])
    for lo in range(0, len(missing), CHUNK):
        with transaction(con):
            _index_chunk(con, [m[0] for m in missing[lo: lo + CHUNK]])
    if changed or reset:
        with transaction(con):
            con.execute("DELETE FROM search_languages WHERE language NOT IN (SELECT language FROM search_docs)")
            con.execute("DELETE FROM search_index_state")
            con.execute("INSERT INTO search_index_state VALUES (?, current_localtimestamp(), ?)",
                        [INDEX_VERSION, time.perf_counter() - t0])
    if _has_queue(con):
        con.execute("DELETE FROM search_pending")
    return changed


def _index_chunk(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Postings of these articles: each article's words counted once, stop words dropped by an anti-join and
    each distinct word of the chunk stemmed once (joining the stop-word list to every word would copy it per
    word; stemming is a Python function, called per distinct word rather than per article and word)."""
    register(con, "s_ids", pa.table({"article_id": article_ids}))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE s_terms AS "
        f"WITH w AS (SELECT article_id, language, {_tokens(_DOC_TEXT)} AS t "
        "           FROM unique_articles SEMI JOIN s_ids USING (article_id)), "
        "c AS (SELECT article_id, language, t, count(*) AS n FROM w WHERE t <> '' GROUP BY ALL), "
        "sw AS (SELECT language, unnest(stopwords) AS t FROM search_languages), "
        "k AS (SELECT * FROM c ANTI JOIN sw USING (language, t)), "
        f"v AS (SELECT d.language, d.t, {_term('d.t')} AS term FROM (SELECT DISTINCT language, t FROM k) d "
        "       JOIN (SELECT language, stemmer FROM search_languages) l USING (language)) "
        "SELECT k.article_id, k.language, v.term, sum(k.n)::INTEGER AS tf FROM k JOIN v USING (language, t) "
        "GROUP BY ALL"
    )
    con.execute("INSERT INTO search_postings SELECT language, term, article_id, tf FROM s_terms")
    con.execute(
        "INSERT INTO search_docs SELECT a.article_id, a.language, a.content_hash, coalesce(t.length, 0) "
        "FROM unique_articles a SEMI JOIN s_ids USING (article_id) "
        "LEFT JOIN (SELECT article_id, sum(tf)::INTEGER AS length FROM s_terms GROUP BY article_id) t "
        "USING (article_id)"
    )
    con.execute("DROP TABLE s_terms")
    con.unregister("s_ids")


def _drop_old_layout(con: duckdb.DuckDBPyConnection) -> None:
    """Warehouses indexed before the index was incremental hold one fts index per language: drop them."""
    if not table_exists(con, "fts_index_state"):  # checked first: a failed statement aborts the transaction
        return
    langs = [r[0] for r in con.execute("SELECT language FROM fts_index_state").fetchall()]
    for lang in langs:
        table = "fts_docs_" + re.sub(r"[^a-z0-9]", "_", lang.lower())
        con.execute(f"DROP SCHEMA IF EXISTS fts_main_{table} CASCADE")
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute("DROP TABLE fts_index_state")


def _note(msg: str) -> None:
    print(f"articles search: {msg}", file=sys.stderr)


def _in_memory_index(db: str | Path, retry_s: float) -> duckdb.DuckDBPyConnection:
    """A private in-memory index over the warehouse attached read-only: nothing is written to the file."""
    con = duckdb.connect()
    no_downloads(con)
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
    enable_search(con)
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
        enable_search(con)
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
    note(f"search index {what}: updated {len(rebuilt)} language(s), {n} articles, in {time.perf_counter() - t0:.2f} s")
    con = connect(db, read_only=True, retry_s=retry_s)
    enable_search(con)
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
    if not _has_index(con):
        return []
    return [r[0] for r in con.execute("SELECT language FROM search_languages ORDER BY 1").fetchall()]


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
    parts = [f"SELECT * FROM search_bm25($terms, $lang{i})" for i in range(len(langs))]
    where = ["m.score IS NOT NULL"]
    params: dict[str, object] = {"terms": terms, "limit": limit, **{f"lang{i}": x for i, x in enumerate(langs)}}
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
    stems: dict[str, dict[str, set[str]]] = {}
    for lang in {r[4] for r in rows}:  # every word of the hits and the query, stemmed in one statement a language
        words = set(_WORD.findall(terms)).union(*(_WORD.findall(r[6]) for r in rows if r[4] == lang))
        stems[lang] = _stems(con, sorted(words), lang)
    return [Hit(r[0], r[1] or "", r[2], r[3], r[4], float(r[5]),
                snippet(con, r[6], terms, r[4], mark=mark, stems=stems[r[4]])) for r in rows]


def _stems(con: duckdb.DuckDBPyConnection, words: list[str], language: str) -> dict[str, set[str]]:
    """Each word's stems, tokenized and stemmed exactly as the language's index does it."""
    if not words:
        return {}
    stemmer = stemmer_for(language)
    rows = con.execute(
        f"SELECT DISTINCT w.w, {_term('w.t')} FROM (SELECT u.w, {_tokens('u.w')} AS t FROM unnest(?) AS u(w)) w, "
        "(SELECT ? AS stemmer) l WHERE w.t <> ''", [words, stemmer],
    ).fetchall()
    out: dict[str, set[str]] = {}
    for w, stem in rows:
        out.setdefault(w, set()).add(stem)
    return out


def snippet(con: duckdb.DuckDBPyConnection, text: str, terms: str, language: str, width: int = 30,
            mark: tuple[str, str] = ("**", "**"), stems: dict[str, set[str]] | None = None) -> str:
    """The `width`-word window of text that holds the most distinct query words (then the most hits), hits
    wrapped in `mark`; words are matched by stem, as the index matches them (`stems`: words already stemmed)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        return ""
    words = [text[a:b] for a, b in spans]
    if stems is None:
        stems = _stems(con, sorted(set(words) | set(_WORD.findall(terms))), language)
    query = set().union(*(stems.get(w, set()) for w in set(_WORD.findall(terms))))
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
