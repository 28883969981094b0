"""The DuckDB warehouse: connections with lock retries, run bookkeeping, and transactional batch loads."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from pipeline.chrome import line_key
from pipeline.dedup import DedupIndex
from pipeline.metadata import to_utc
from pipeline.models import ResolvedDoc
from warehouse.db import connect
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
        """Rebuild the full-text indexes of the languages that gained articles (once per run)."""
        from warehouse.search import rebuild_search_index

        with self.connection() as con:
            return rebuild_search_index(con)

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
    def known_files(self) -> set[tuple[str, str]]:
        """(source_path, sha256) of every file already recorded, whatever its outcome."""
        with self.connection(read_only=False) as con:
            rows = con.execute("SELECT DISTINCT source_path, sha256 FROM documents WHERE sha256 <> ''").fetchall()
        return {(r[0], r[1]) for r in rows}

    def known_doc_ids(self, doc_ids: list[str]) -> set[str]:
        if not doc_ids:
            return set()
        with self.connection() as con:
            con.register("ids", pa.table({"doc_id": doc_ids}))
            rows = con.execute("SELECT d.doc_id FROM documents d JOIN ids USING (doc_id)").fetchall()
            con.unregister("ids")
        return {r[0] for r in rows}

    def load_dedup_index(self, index: DedupIndex) -> int:
        """Fill the index with every article already loaded, in load order."""
        with self.connection() as con:
            # canonical members first, so every duplicate finds its cluster already in the index
            rel = con.execute(
                "SELECT s.article_id, s.content_hash, s.minhash, a.duplicate_of, "
                "strftime(a.published_at, '%Y-%m-%dT%H:%M:%S'), a.word_count FROM signatures s "
                "JOIN articles a USING (article_id) ORDER BY a.duplicate_of IS NOT NULL, a.ingested_at, s.article_id"
            )
            n = 0
            while True:
                rows = rel.fetchmany(10_000)
                if not rows:
                    break
                for article_id, chash, blob, dup, published, words in rows:
                    index.add(article_id, chash, np.frombuffer(blob, dtype=np.uint32), dup, published, words)
                    n += 1
        return n

    def fetch_texts(self, article_ids: list[str]) -> dict[str, str]:
        """Texts of loaded articles, for verifying near-duplicate candidates."""
        if not article_ids:
            return {}
        with self.connection() as con:
            con.register("wanted", pa.table({"article_id": article_ids}))
            rows = con.execute("SELECT a.article_id, a.text FROM articles a SEMI JOIN wanted USING (article_id)"
                               ).fetchall()
            con.unregister("wanted")
        return dict(rows)

    def load_chrome_counts(self, counter) -> int:
        """Feed a ChromeCounter with the (site, line) counts of every article already loaded."""
        with self.connection() as con:
            rows = con.execute("SELECT site_key, line_key, count(DISTINCT content_hash) FROM site_lines "
                               "GROUP BY 1, 2").fetchall()
        counter.load(rows)
        return len(rows)

    # ---- batch load -------------------------------------------------------------------------------------
    def load_batch(self, run_id: str, resolved: list[ResolvedDoc], repoints: list | None = None) -> None:
        """Insert one batch in one transaction; rows already present (same doc_id) are left untouched.

        repoints move earlier clusters to a new canonical article (the dedup policy's earliest/longest).
        """
        if not resolved:
            return
        now = _utcnow()
        docs, arts, paras, rems, sigs, lines, rejs = _arrow_tables(run_id, resolved, now)
        with self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                for name, table in (("b_docs", docs), ("b_arts", arts), ("b_paras", paras), ("b_rems", rems),
                                    ("b_sigs", sigs), ("b_lines", lines), ("b_rejs", rejs)):
                    con.register(name, table)
                con.execute(
                    "CREATE TEMP TABLE new_ids AS SELECT b.doc_id FROM b_docs b "
                    "ANTI JOIN documents d ON d.doc_id = b.doc_id"
                )
                con.execute(
                    "INSERT INTO documents BY NAME SELECT b.* FROM b_docs b SEMI JOIN new_ids USING (doc_id)"
                )
                con.execute("INSERT INTO articles BY NAME SELECT b.* FROM b_arts b SEMI JOIN new_ids USING (doc_id)")
                con.execute(
                    "INSERT INTO paragraphs BY NAME SELECT p.article_id, p.position, p.kind, p.text, p.language, "
                    "p.paragraph_hash FROM b_paras p SEMI JOIN new_ids USING (doc_id)"
                )
                con.execute(
                    "INSERT INTO removed_blocks BY NAME SELECT r.doc_id, r.position, r.rule_id, r.category, r.text, "
                    "r.repeat_count, r.page_share, r.paragraph_at FROM b_rems r SEMI JOIN new_ids USING (doc_id)"
                )
                con.execute(
                    "INSERT INTO rejected_content BY NAME SELECT r.* FROM b_rejs r SEMI JOIN new_ids USING (doc_id)"
                )
                con.execute(
                    "INSERT INTO site_lines SELECT l.site_key, l.line_key, l.content_hash, l.doc_id "
                    "FROM b_lines l SEMI JOIN new_ids USING (doc_id)"
                )
                con.execute(
                    "INSERT INTO signatures SELECT s.article_id, s.content_hash, s.minhash, s.duplicate_of "
                    "FROM b_sigs s SEMI JOIN new_ids USING (doc_id)"
                )
                con.execute("DROP TABLE new_ids")
                for rp in repoints or ():
                    for table in ("articles", "signatures"):
                        con.execute(f"UPDATE {table} SET duplicate_of = ? WHERE duplicate_of = ?", [rp.new, rp.old])
                        con.execute(f"UPDATE {table} SET duplicate_of = ? WHERE article_id = ?", [rp.new, rp.old])
                    con.execute("UPDATE articles SET similarity = ? WHERE article_id = ?", [rp.similarity, rp.old])
                    con.execute("UPDATE documents SET status = 'duplicate' WHERE article_id = ?", [rp.old])
                fault_point("before-commit")
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise


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
])
_LINE_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("site_key", pa.string()), ("line_key", pa.string()), ("content_hash", pa.string()),
])
_SIG_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("article_id", pa.string()), ("content_hash", pa.string()), ("minhash", pa.binary()),
    ("duplicate_of", pa.string()),
])


def _arrow_tables(run_id: str, resolved: list[ResolvedDoc], now: datetime) -> tuple[pa.Table, ...]:
    docs: dict[str, list] = {f.name: [] for f in _DOC_SCHEMA}
    arts: dict[str, list] = {f.name: [] for f in _ART_SCHEMA}
    paras: dict[str, list] = {f.name: [] for f in _PARA_SCHEMA}
    rems: dict[str, list] = {f.name: [] for f in _REM_SCHEMA}
    sigs: dict[str, list] = {f.name: [] for f in _SIG_SCHEMA}
    lines: dict[str, list] = {f.name: [] for f in _LINE_SCHEMA}
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
        for pos, rm in enumerate(d.removals):
            for k, v in (("doc_id", r.doc_id), ("position", pos), ("rule_id", rm.rule_id),
                         ("category", rm.category), ("text", rm.text), ("repeat_count", rm.repeat_count),
                         ("page_share", rm.page_share), ("paragraph_at", rm.at)):
                rems[k].append(v)
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
            for k, v in (("doc_id", r.doc_id), ("article_id", r.article_id), ("position", p.position),
                         ("kind", p.kind), ("text", p.text), ("language", p.language),
                         ("paragraph_hash", line_key(p.text))):
                paras[k].append(v)
        if d.site_key and d.chrome_seen:
            seen_hash, keys = d.chrome_seen
            for key in keys:
                for k, v in (("doc_id", r.doc_id), ("site_key", d.site_key), ("line_key", key),
                             ("content_hash", seen_hash)):
                    lines[k].append(v)
        if d.minhash is not None:
            for k, v in (("doc_id", r.doc_id), ("article_id", r.article_id), ("content_hash", d.content_hash),
                         ("minhash", np.asarray(d.minhash, dtype=np.uint32).tobytes()),
                         ("duplicate_of", r.duplicate_of)):
                sigs[k].append(v)
    return (
        pa.table(docs, schema=_DOC_SCHEMA), pa.table(arts, schema=_ART_SCHEMA), pa.table(paras, schema=_PARA_SCHEMA),
        pa.table(rems, schema=_REM_SCHEMA), pa.table(sigs, schema=_SIG_SCHEMA),
        pa.table(lines, schema=_LINE_SCHEMA), pa.table(rejs, schema=_REJ_SCHEMA),
    )
