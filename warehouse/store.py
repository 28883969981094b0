"""The DuckDB warehouse: connections with lock retries, run bookkeeping, and transactional batch loads."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from pipeline.batch import BatchPlan
from pipeline.chrome import CHROME_ONLY_CODE, CHROME_ONLY_REASON, LineSighting, LoadedArticle, line_key
from pipeline.chrome import RULE_ID as CHROME_RULE
from pipeline.dedup import DedupIndex, Stored
from pipeline.metadata import to_utc
from pipeline.models import Paragraph, ProcessedDoc, Removal, ResolvedDoc
from warehouse.db import connect, register, rollback, transaction
from warehouse.migrate import migrate

_FAULT_COUNTS: dict[str, int] = {}


def fault_point(name: str) -> None:
    """Crash-test hook: ARTICLES_CRASH_AT="before-commit:2" SIGKILLs this process at the 2nd such point.

    Lets tests kill an ingest at an exact place (inside a load transaction) instead of guessing with timers.
    """
    spec = os.environ.get("ARTICLES_CRASH_AT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _FAULT_COUNTS[name] = _FAULT_COUNTS.get(name, 0) + 1
    if _FAULT_COUNTS[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)



class Warehouse:
    """Short-lived connections: the file is open only while a batch is written, so readers get turns."""

    def __init__(self, path: str | Path, retry_s: float = 30.0, memory_limit: str | None = None) -> None:
        self.path = Path(path)
        self.retry_s = retry_s
        self.memory_limit = memory_limit
        self._shared: duckdb.DuckDBPyConnection | None = None

    @contextmanager
    def connection(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._shared is not None:
            yield self._shared
            return
        con = connect(self.path, read_only=read_only, retry_s=self.retry_s, memory_limit=self.memory_limit)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def session(self) -> Iterator[None]:
        """One connection for a batch's lookups and its load; readers still get their turn between batches.

        Closing a DuckDB file checkpoints it, and a checkpoint rewrites the primary-key indexes whole: per batch
        that grew with the warehouse (0.35 s a batch at 10k articles, 1.1 s at 40k: `make bench-scale` showed
        the load stage x23 for x10 documents). A session's connection closes without it: commits are durable
        in the write-ahead log (replayed by the next open, readers included), DuckDB checkpoints by itself when
        the log passes its threshold, and the run's last connection (finish_run) checkpoints on close.
        """
        if self._shared is not None:  # already in one: keep it
            yield
            return
        with self.connection() as con:
            con.execute("PRAGMA disable_checkpoint_on_shutdown")
            self._shared = con
            try:
                yield
            finally:
                self._shared = None

    def init(self) -> None:
        """Schema up to date: what an ingest starts from."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.connection() as con:
            migrate(con)

    # ---- runs -------------------------------------------------------------------------------------------
    def start_run(self, run_id: str, source: str, flow_run_id: str | None = None) -> None:
        with self.connection() as con:
            con.execute(
                "INSERT INTO runs (run_id, started_at, status, source, flow_run_id) VALUES (?, ?, 'running', ?, ?)",
                [run_id, _utcnow(), source, flow_run_id],
            )

    def close_stale_runs(self) -> int:
        """Runs still 'running' while we hold the writer lock belong to a process that died: say so."""
        with self.connection() as con:
            n = con.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
            con.execute("UPDATE runs SET status = 'interrupted', message = 'the ingest process stopped before "
                        "finishing; its committed batches are kept' WHERE status = 'running'")
        return int(n)

    def refresh_search_index(self) -> dict[str, int]:
        """Bring the full-text index up to date with the articles this run's batches queued (once per run)."""
        from warehouse.search import rebuild_search_index

        with self.connection() as con:
            con.execute("CHECKPOINT")  # the log this connection replayed would otherwise sit in the memory cap
            return rebuild_search_index(con, queued_only=True)

    def finish_run(self, run_id: str, status: str, counts: dict[str, int], message: str | None = None) -> None:
        cols = ["files_seen", "records_seen", "loaded", "duplicate", "rejected", "unchanged", "already_known"]
        sets = ", ".join(f"{c} = ?" for c in cols)
        with self.connection() as con:
            con.execute(
                f"UPDATE runs SET finished_at = ?, status = ?, message = ?, {sets} WHERE run_id = ?",
                [_utcnow(), status, message, *[int(counts.get(c, 0)) for c in cols], run_id],
            )

    def recent_runs(self, limit: int = 10) -> list[dict]:
        """The latest runs, newest first (for the run report's comparison and trend)."""
        with self.connection(read_only=True) as con:
            rel = con.execute("SELECT run_id, started_at, status, files_seen, records_seen, loaded, duplicate, "
                              "rejected, unchanged, already_known FROM runs ORDER BY started_at DESC LIMIT ?",
                              [limit])
            cols = [d[0] for d in rel.description]
            return [dict(zip(cols, row, strict=True)) for row in rel.fetchall()]

    # ---- state for incremental runs ---------------------------------------------------------------------
    def known_files(self, paths: Iterable[str]) -> dict[str, set[str]]:
        """The contents (sha256) already recorded under each of these paths, whatever their outcome: only the
        run's own files are read, so what a run holds grows with its inbox, not with the warehouse."""
        with self.connection(read_only=False) as con:
            rows = _for_ids(con, "source_path", set(paths),
                            "SELECT DISTINCT source_path, sha256 FROM documents SEMI JOIN b_ids USING (source_path) "
                            "WHERE sha256 <> ''")
        known: dict[str, set[str]] = {}
        for path, sha in rows:
            known.setdefault(path, set()).add(sha)
        return known

    def ensure_lsh_bands(self, index: DedupIndex) -> int:
        """Make `lsh_bands` hold every loaded article's band keys in the index's layout (a warehouse from before
        the index moved to disk, or another signature layout): rebuilt from `signatures` in one transaction.
        Returns how many articles were indexed (0: already in place)."""
        with self.connection() as con:
            row = con.execute("SELECT layout FROM lsh_layout").fetchone()
            if row is not None and row[0] == index.layout:
                return 0
            n = con.execute("SELECT count(*) FROM signatures").fetchone()[0]
            if row is None and n == 0:
                con.execute("INSERT INTO lsh_layout VALUES (?, 0)", [index.layout])
                return 0
            with transaction(con):
                con.execute("DELETE FROM lsh_bands")
                last = ""
                while rows := con.execute("SELECT article_id, minhash FROM signatures WHERE article_id > ? "
                                          "ORDER BY article_id LIMIT 10000", [last]).fetchall():
                    ids = [aid for aid, _ in rows for _ in range(index.bands)]
                    keys = np.concatenate([index.band_keys(np.frombuffer(blob, dtype=np.uint32)) for _, blob in rows])
                    register(con, "b_bands", pa.table({"band_key": pa.array(keys, pa.uint64()), "article_id": ids}))
                    con.execute("INSERT INTO lsh_bands SELECT band_key, article_id FROM b_bands")
                    con.unregister("b_bands")
                    last = rows[-1][0]
                con.execute("DELETE FROM lsh_layout")
                con.execute("INSERT INTO lsh_layout VALUES (?, ?)", [index.layout, n])
        return int(n)

    @contextmanager
    def batch(self) -> Iterator[BatchTransaction]:
        """One transaction for a batch: what the batch stages read and count, and everything it writes."""
        with self.session(), self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield BatchTransaction(con)
                fault_point("before-commit")
                con.execute("COMMIT")
            except BaseException:
                rollback(con)
                raise


def _for_ids(con: duckdb.DuckDBPyConnection, column: str, ids: Iterable[str], sql: str) -> list[tuple]:
    """Rows of `sql`, which reads the ids as table `b_ids` (one column named `column`); [] for no ids."""
    ids = sorted(ids)
    if not ids:
        return []
    register(con, "b_ids", pa.table({column: pa.array(ids, pa.string())}))
    try:
        return con.execute(sql).fetchall()
    finally:
        con.unregister("b_ids")


_FETCH_BY_POSITION = 64  # rows fetched one position at a time up to this many; past it one scan is cheaper


def _rows_by_article_id(con: duckdb.DuckDBPyConnection, table: str, columns: str, ids: Iterable[str]) -> list[tuple]:
    """`columns` of the rows of `table` with these article ids, in article-id order, without an index.

    An index on a random key must be in memory to be built or to take new rows (at the 64 MB cap, a batch's
    commit failed at 800,000 articles and the index rebuild at 1,000,000), and a scan of `text` or `minhash`
    reads the whole warehouse. So: the rows' positions from a scan of the id column alone, then each row by its
    position (DuckDB seeks a `rowid =` filter), as long as the rows are few; a batch looks up a few dozen at
    most."""
    ids = sorted(set(ids))
    if not ids:
        return []
    found = _for_ids(con, "article_id", ids, f"SELECT rowid FROM {table} SEMI JOIN b_ids USING (article_id)")
    if 0 < len(found) <= _FETCH_BY_POSITION:
        rows = con.execute(" UNION ALL ".join(f"SELECT article_id, {columns} FROM {table} WHERE rowid = {int(r[0])}"
                                              for r in found)).fetchall()
    elif found:
        rows = _for_ids(con, "article_id", ids, f"SELECT article_id, {columns} FROM {table} "
                                                "SEMI JOIN b_ids USING (article_id)")
    else:
        rows = []
    return sorted(rows, key=lambda r: r[0])


def _fetch_texts(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, str]:
    return dict(_rows_by_article_id(con, "articles", "text", article_ids))


class BatchTransaction:
    """The warehouse inside one batch's transaction: the batch stages' view of the site (pipeline.batch.SiteView)
    and the batch's writes."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def known_doc_ids(self, doc_ids: list[str]) -> set[str]:
        return {r[0] for r in _for_ids(self.con, "doc_id", doc_ids,
                                       "SELECT d.doc_id FROM documents d SEMI JOIN b_ids USING (doc_id)")}

    def fetch_texts(self, article_ids: list[str]) -> dict[str, str]:
        return _fetch_texts(self.con, article_ids)

    def dedup_candidates(self, band_keys: np.ndarray, hashes: list[str]) -> set[str]:
        con = self.con
        register(con, "b_keys", pa.table({"band_key": pa.array(band_keys, pa.uint64())}))
        register(con, "b_hashes", pa.table({"content_hash": pa.array(hashes, pa.string())}))
        rows = con.execute("SELECT article_id FROM lsh_bands SEMI JOIN b_keys USING (band_key) UNION "
                           "SELECT article_id FROM signatures SEMI JOIN b_hashes USING (content_hash)").fetchall()
        con.unregister("b_keys")
        con.unregister("b_hashes")
        return {r[0] for r in rows}

    def dedup_clusters(self, article_ids: set[str]) -> set[str]:
        return {r[0] for r in _for_ids(
            self.con, "article_id", article_ids,
            "WITH c AS (SELECT DISTINCT coalesce(duplicate_of, article_id) AS canonical FROM articles "
            "           SEMI JOIN b_ids USING (article_id)) "
            "SELECT a.article_id FROM articles a SEMI JOIN c ON coalesce(a.duplicate_of, a.article_id) = c.canonical")}

    def dedup_rows(self, article_ids: set[str]) -> list[Stored]:
        signed = {r[0]: r[1:] for r in _rows_by_article_id(self.con, "signatures", "content_hash, minhash",
                                                            article_ids)}
        rows = _rows_by_article_id(self.con, "articles", "strftime(published_at, '%Y-%m-%dT%H:%M:%S'), word_count, "
                                   "duplicate_of, similarity", signed)
        return [Stored(aid, signed[aid][0], np.frombuffer(signed[aid][1], dtype=np.uint32), pub, words, dup, sim)
                for aid, pub, words, dup, sim in rows]

    def add_sightings(self, rows: list[LineSighting]) -> dict[tuple[str, str], tuple[int, int]]:
        con = self.con
        register(con, "b_lines", pa.table({
            "site_key": [r.site_key for r in rows], "line_key": [r.line_key for r in rows],
            "content_hash": [r.content_hash for r in rows], "doc_id": [r.doc_id for r in rows]}))
        con.execute("INSERT INTO site_lines SELECT site_key, line_key, content_hash, doc_id FROM b_lines")
        counts = con.execute(
            "WITH k AS (SELECT DISTINCT site_key, line_key FROM b_lines), "
            "n AS (SELECT l.site_key, l.line_key, count(DISTINCT l.content_hash) AS docs FROM site_lines l "
            "      SEMI JOIN k USING (site_key, line_key) GROUP BY ALL) "
            "SELECT n.site_key, n.line_key, coalesce(c.docs, 0), n.docs FROM n "
            "LEFT JOIN site_line_counts c USING (site_key, line_key)"
        ).fetchall()
        con.unregister("b_lines")
        changed = [(site, key, after) for site, key, before, after in counts if after != before]
        if changed:
            register(con, "b_counts", pa.table({"site_key": [c[0] for c in changed],
                                               "line_key": [c[1] for c in changed],
                                               "docs": pa.array([c[2] for c in changed], pa.int32())}))
            con.execute("DELETE FROM site_line_counts WHERE (site_key, line_key) IN "
                        "(SELECT (site_key, line_key) FROM b_counts)")
            con.execute("INSERT INTO site_line_counts SELECT * FROM b_counts")
            con.unregister("b_counts")
        return {(site, key): (int(before), int(after)) for site, key, before, after in counts}

    def loaded_with_lines(self, lines: list[tuple[str, str]], exclude: set[str]) -> list[LoadedArticle]:
        con = self.con
        register(con, "b_cross", pa.table({"site_key": [s for s, _ in lines], "line_key": [k for _, k in lines]}))
        register(con, "b_excl", pa.table({"doc_id": pa.array(sorted(exclude), pa.string())}))
        heads = con.execute(
            "SELECT DISTINCT a.article_id, a.doc_id, l.site_key FROM site_lines l "
            "SEMI JOIN b_cross USING (site_key, line_key) JOIN articles a ON a.doc_id = l.doc_id "
            "ANTI JOIN b_excl x ON x.doc_id = l.doc_id ORDER BY a.article_id"
        ).fetchall()
        con.unregister("b_cross")
        con.unregister("b_excl")
        if not heads:
            return []
        register(con, "b_arts", pa.table({"article_id": [h[0] for h in heads], "doc_id": [h[1] for h in heads]}))
        paras: dict[str, list[Paragraph]] = {}
        for aid, pos, kind, text, lang in con.execute(
                "SELECT article_id, position, kind, text, language FROM paragraphs "
                "SEMI JOIN b_arts USING (article_id) ORDER BY article_id, position").fetchall():
            paras.setdefault(aid, []).append(Paragraph(pos, kind, text, lang))
        rems: dict[str, list[Removal]] = {}
        for doc_id, rule, cat, text, count, share, at, key in con.execute(
                "SELECT doc_id, rule_id, category, text, repeat_count, page_share, paragraph_at, line_key "
                "FROM removed_block_rows SEMI JOIN b_arts USING (doc_id) ORDER BY doc_id, position").fetchall():
            rems.setdefault(doc_id, []).append(Removal(rule, cat, text, count, share, at, key))
        con.unregister("b_arts")
        return [LoadedArticle(doc_id, aid, site, paras.get(aid, []), rems.get(doc_id, []))
                for aid, doc_id, site in heads]

    def settled_min_docs(self) -> int | None:
        """The learned-chrome threshold the loaded articles were stripped with (None: not settled yet)."""
        row = self.con.execute("SELECT min(min_docs) FROM chrome_settled").fetchone()
        return None if row[0] is None else int(row[0])

    def chrome_lines(self, min_docs: int) -> list[tuple[str, str]]:
        """Every (site, line) at or past the threshold."""
        return [(r[0], r[1]) for r in self.con.execute(
            "SELECT site_key, line_key FROM site_line_counts WHERE docs >= ? ORDER BY 1, 2", [min_docs]).fetchall()]

    def mark_settled(self, min_docs: int) -> None:
        self.con.execute("DELETE FROM chrome_settled")
        self.con.execute("INSERT INTO chrome_settled VALUES (?, ?)", [min_docs, _utcnow()])

    def write(self, run_id: str, plan: BatchPlan) -> None:
        """The batch's new documents, the loaded articles it stripped again and the verdicts it changed."""
        con = self.con
        now = _utcnow()
        docs, arts, paras, rems, sigs, rejs = _arrow_tables(run_id, plan.resolved, now)
        tables = (("b_docs", docs), ("b_arts", arts), ("b_paras", paras), ("b_rems", rems), ("b_sigs", sigs),
                  ("b_rejs", rejs))
        for name, table in tables:
            register(con, name, table)
        con.execute("CREATE TEMP TABLE new_ids AS SELECT b.doc_id FROM b_docs b "
                    "ANTI JOIN documents d ON d.doc_id = b.doc_id")
        con.execute("INSERT INTO documents BY NAME SELECT b.* FROM b_docs b SEMI JOIN new_ids USING (doc_id)")
        con.execute("INSERT INTO articles BY NAME SELECT b.* FROM b_arts b SEMI JOIN new_ids USING (doc_id)")
        con.execute("INSERT INTO search_pending SELECT b.article_id FROM b_arts b SEMI JOIN new_ids USING (doc_id)")
        con.execute("INSERT INTO paragraphs BY NAME SELECT p.* EXCLUDE (doc_id) FROM b_paras p "
                    "SEMI JOIN new_ids USING (doc_id)")
        con.execute("INSERT INTO removed_block_rows BY NAME SELECT r.* FROM b_rems r SEMI JOIN new_ids USING (doc_id)")
        con.execute("INSERT INTO rejected_content BY NAME SELECT r.* FROM b_rejs r SEMI JOIN new_ids USING (doc_id)")
        con.execute("INSERT INTO signatures BY NAME SELECT s.* EXCLUDE (doc_id) FROM b_sigs s "
                    "SEMI JOIN new_ids USING (doc_id)")
        con.execute("DROP TABLE new_ids")
        for name, _ in tables:
            con.unregister(name)
        if plan.recleaned:
            self._write_recleaned(plan)
        self._write_bands(plan)
        if plan.verdicts:
            self._write_verdicts(plan)

    def _write_recleaned(self, plan: BatchPlan) -> None:
        con = self.con
        kept = [r for r in plan.recleaned if r.doc.status == "article"]
        gone = [r for r in plan.recleaned if r.doc.status != "article"]
        register(con, "b_ids", pa.table({"article_id": [r.article.article_id for r in plan.recleaned],
                                        "doc_id": [r.article.doc_id for r in plan.recleaned]}))
        con.execute("INSERT INTO search_pending SELECT article_id FROM b_ids")
        con.execute("DELETE FROM paragraphs WHERE article_id IN (SELECT article_id FROM b_ids)")
        con.execute("DELETE FROM removed_block_rows WHERE doc_id IN (SELECT doc_id FROM b_ids)")
        paras: dict[str, list] = {f.name: [] for f in _PARA_SCHEMA}
        rems: dict[str, list] = {f.name: [] for f in _REM_SCHEMA}
        for r in plan.recleaned:
            _removal_rows(rems, r.article.doc_id, r.doc)
            for p in r.doc.paragraphs:
                _paragraph_row(paras, r.article.doc_id, r.article.article_id, p)
        register(con, "b_paras", pa.table(paras, schema=_PARA_SCHEMA))
        register(con, "b_rems", pa.table(rems, schema=_REM_SCHEMA))
        con.execute("INSERT INTO paragraphs BY NAME SELECT p.* EXCLUDE (doc_id) FROM b_paras p")
        con.execute("INSERT INTO removed_block_rows BY NAME SELECT * FROM b_rems")
        con.unregister("b_paras")
        con.unregister("b_rems")
        if kept:
            register(con, "b_new", pa.table({
                "article_id": [r.article.article_id for r in kept], "text": [r.doc.text for r in kept],
                "word_count": pa.array([r.doc.word_count for r in kept], pa.int32()),
                "content_hash": [r.doc.content_hash for r in kept],
                "minhash": [np.asarray(r.doc.minhash, dtype=np.uint32).tobytes() for r in kept]}))
            con.execute("UPDATE articles a SET text = n.text, word_count = n.word_count, "
                        "content_hash = n.content_hash FROM b_new n WHERE a.article_id = n.article_id")
            con.execute("UPDATE signatures s SET content_hash = n.content_hash, minhash = n.minhash "
                        "FROM b_new n WHERE s.article_id = n.article_id")
            con.unregister("b_new")
        if gone:
            register(con, "b_gone", pa.table({"article_id": [r.article.article_id for r in gone],
                                             "text": [r.doc.text for r in gone],
                                             "word_count": pa.array([r.doc.word_count for r in gone], pa.int32())}))
            con.execute("INSERT INTO rejected_content BY NAME SELECT a.doc_id, a.url, a.site, a.title, a.author, "
                        "a.published_at, g.text, g.word_count FROM articles a JOIN b_gone g USING (article_id)")
            con.execute("UPDATE documents SET status = 'rejected', reason = ?, reason_code = ?, article_id = NULL "
                        "WHERE article_id IN (SELECT article_id FROM b_gone)", [CHROME_ONLY_REASON, CHROME_ONLY_CODE])
            for table in ("signatures", "articles"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM b_gone)")
            con.unregister("b_gone")
        con.unregister("b_ids")

    def _write_bands(self, plan: BatchPlan) -> None:
        """Band keys of the new articles and of rewritten ones (their old keys go, as do a removed article's)."""
        con = self.con
        if plan.recleaned:
            register(con, "b_ids", pa.table({"article_id": [r.article.article_id for r in plan.recleaned]}))
            con.execute("DELETE FROM lsh_bands WHERE article_id IN (SELECT article_id FROM b_ids)")
            con.unregister("b_ids")
        if plan.bands:
            register(con, "b_bands", pa.table({
                "band_key": pa.array([k for keys in plan.bands.values() for k in keys], pa.uint64()),
                "article_id": [a for a, keys in plan.bands.items() for _ in keys]}))
            con.execute("INSERT INTO lsh_bands SELECT b.band_key, b.article_id FROM b_bands b "
                        "SEMI JOIN signatures s USING (article_id)")
            con.unregister("b_bands")

    def _write_verdicts(self, plan: BatchPlan) -> None:
        con = self.con
        register(con, "b_verdicts", pa.table({
            "article_id": [v.article_id for v in plan.verdicts],
            "duplicate_of": pa.array([v.duplicate_of for v in plan.verdicts], pa.string()),
            "similarity": pa.array([v.similarity for v in plan.verdicts], pa.float64())}))
        con.execute("UPDATE articles a SET duplicate_of = v.duplicate_of, similarity = v.similarity "
                    "FROM b_verdicts v WHERE a.article_id = v.article_id")
        con.execute("INSERT INTO search_pending SELECT article_id FROM b_verdicts")
        con.execute("UPDATE signatures s SET duplicate_of = v.duplicate_of FROM b_verdicts v "
                    "WHERE s.article_id = v.article_id")
        con.execute("UPDATE documents d SET status = CASE WHEN v.duplicate_of IS NULL THEN 'loaded' "
                    "ELSE 'duplicate' END FROM b_verdicts v WHERE d.article_id = v.article_id")
        con.unregister("b_verdicts")


_DOC_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("run_id", pa.string()), ("source_path", pa.string()), ("record_index", pa.int32()),
    ("format", pa.string()), ("sha256", pa.string()), ("status", pa.string()), ("reason", pa.string()),
    ("article_id", pa.string()), ("size_bytes", pa.int64()), ("encoding", pa.string()),
    ("ingested_at", pa.timestamp("us")), ("reason_code", pa.string()),
])
_REJ_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("url", pa.string()), ("site", pa.string()), ("title", pa.string()),
    ("author", pa.string()), ("published_at", pa.timestamp("us")), ("text", pa.string()), ("word_count", pa.int32()),
])
_ART_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("doc_id", pa.string()), ("url", pa.string()), ("site", pa.string()),
    ("title", pa.string()), ("author", pa.string()), ("published_at", pa.timestamp("us")),
    ("language", pa.string()), ("language_prob", pa.float64()), ("text", pa.string()),
    ("word_count", pa.int32()), ("content_hash", pa.string()), ("duplicate_of", pa.string()),
    ("similarity", pa.float64()), ("reading_time_min", pa.int32()), ("ingested_at", pa.timestamp("us")),
    ("mixed_language", pa.bool_()), ("other_language_share", pa.float64()),
])
_PARA_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("article_id", pa.string()), ("position", pa.int32()), ("kind", pa.string()),
    ("text", pa.string()), ("language", pa.string()), ("paragraph_hash", pa.string()),
])
_REM_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("position", pa.int32()), ("rule_id", pa.string()), ("category", pa.string()),
    ("text", pa.string()), ("repeat_count", pa.int32()), ("page_share", pa.float64()), ("paragraph_at", pa.int32()),
    ("site_key", pa.string()), ("line_key", pa.string()),
])
_SIG_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("article_id", pa.string()), ("content_hash", pa.string()), ("minhash", pa.binary()),
    ("duplicate_of", pa.string()),
])


def _removal_rows(rems: dict[str, list], doc_id: str, d: ProcessedDoc) -> None:
    """A document's removals; learned chrome keeps its site and line (the view reads today's count) instead of
    the count at the time of removal, which would depend on arrival order."""
    for pos, rm in enumerate(d.removals):
        learned = rm.rule_id == CHROME_RULE
        for k, v in (("doc_id", doc_id), ("position", pos), ("rule_id", rm.rule_id), ("category", rm.category),
                     ("text", rm.text), ("repeat_count", None if learned else rm.repeat_count),
                     ("page_share", rm.page_share), ("paragraph_at", rm.at),
                     ("site_key", d.site_key if learned else None), ("line_key", rm.line_key if learned else None)):
            rems[k].append(v)


def _paragraph_row(paras: dict[str, list], doc_id: str, article_id: str, p: Paragraph) -> None:
    for k, v in (("doc_id", doc_id), ("article_id", article_id), ("position", p.position), ("kind", p.kind),
                 ("text", p.text), ("language", p.language), ("paragraph_hash", line_key(p.text))):
        paras[k].append(v)


def _arrow_tables(run_id: str, resolved: list[ResolvedDoc], now: datetime) -> tuple[pa.Table, ...]:
    docs: dict[str, list] = {f.name: [] for f in _DOC_SCHEMA}
    arts: dict[str, list] = {f.name: [] for f in _ART_SCHEMA}
    paras: dict[str, list] = {f.name: [] for f in _PARA_SCHEMA}
    rems: dict[str, list] = {f.name: [] for f in _REM_SCHEMA}
    sigs: dict[str, list] = {f.name: [] for f in _SIG_SCHEMA}
    rejs: dict[str, list] = {f.name: [] for f in _REJ_SCHEMA}
    for r in resolved:
        d = r.doc
        for k, v in (("doc_id", r.doc_id), ("run_id", run_id), ("source_path", d.source_path),
                     ("record_index", d.record_index), ("format", d.format), ("sha256", d.sha256),
                     ("status", r.status), ("reason", d.reason), ("article_id", r.article_id),
                     ("size_bytes", d.size_bytes), ("encoding", d.encoding), ("ingested_at", now),
                     ("reason_code", d.reason_code if r.status == "rejected" else None)):
            docs[k].append(v)
        if r.status == "rejected":
            m = d.metadata
            for k, v in (("doc_id", r.doc_id), ("url", m.url), ("site", m.site), ("title", m.title),
                         ("author", m.author), ("published_at", to_utc(m.published_at)), ("text", d.text or ""),
                         ("word_count", d.word_count)):
                rejs[k].append(v)
        _removal_rows(rems, r.doc_id, d)
        if r.article_id is None:
            continue
        m = d.metadata
        for k, v in (("article_id", r.article_id), ("doc_id", r.doc_id), ("url", m.url), ("site", m.site),
                     ("title", m.title), ("author", m.author), ("published_at", to_utc(m.published_at)),
                     ("language", d.language), ("language_prob", d.language_prob), ("text", d.text),
                     ("word_count", d.word_count), ("content_hash", d.content_hash),
                     ("duplicate_of", r.duplicate_of), ("similarity", r.similarity),
                     ("reading_time_min", m.reading_time_min), ("ingested_at", now),
                     ("mixed_language", d.mixed_language), ("other_language_share", d.other_language_share)):
            arts[k].append(v)
        for p in d.paragraphs:
            _paragraph_row(paras, r.doc_id, r.article_id, p)
        if d.minhash is not None:
            for k, v in (("doc_id", r.doc_id), ("article_id", r.article_id), ("content_hash", d.content_hash),
                         ("minhash", np.asarray(d.minhash, dtype=np.uint32).tobytes()),
                         ("duplicate_of", r.duplicate_of)):
                sigs[k].append(v)
    return (
        pa.table(docs, schema=_DOC_SCHEMA), pa.table(arts, schema=_ART_SCHEMA), pa.table(paras, schema=_PARA_SCHEMA),
        pa.table(rems, schema=_REM_SCHEMA), pa.table(sigs, schema=_SIG_SCHEMA), pa.table(rejs, schema=_REJ_SCHEMA),
    )
