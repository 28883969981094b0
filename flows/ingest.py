"""The `ingest-articles` Prefect flow: coarse batch tasks for the CPU stages, one loader in the flow process."""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Annotated, Protocol

import duckdb
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_progress_artifact, update_progress_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from pydantic import Field

from flows.pool import current_pool, exit_with_parent
from flows.progress import Snapshot, publish
from flows.report import RunStats
from flows.runners import task_runner_for
from flows.server import prefect_api
from pipeline.batch import settle_batch
from pipeline.dedup import DedupIndex
from pipeline.ids import doc_id_for
from pipeline.models import ProcessedDoc, SourceFile
from pipeline.process import process_files
from pipeline.settings import ConfigError, Settings, load_settings
from pipeline.sources import discover
from warehouse.db import DEFAULT_DB
from warehouse.lock import writer_lock
from warehouse.store import Warehouse, fault_point


# pure CPU work, recomputed on retry: no cache key to hash from the inputs
@task(name="process-batch", retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def process_batch(files: list[SourceFile], settings: Settings,
                  skip: set[tuple[str, str]]) -> tuple[list[ProcessedDoc], dict[str, int]]:
    """Read and clean a batch of files; pure CPU work, safe to retry and to run in any worker. With the default
    runner this task run is a thread of the flow process and the work goes to its plain worker processes."""
    pool = current_pool()
    if pool is not None:
        return pool.run(process_files, files, settings, None, skip)
    exit_with_parent()  # a Dask worker
    return process_files(files, settings, skip=skip)


def _batches(files: list[SourceFile], size: int, floor: int) -> Iterator[list[SourceFile]]:
    """Batches of `size` files, shrinking near the end (a quarter of what is left, not below `floor`) so the
    workers finish together. Boundaries depend on these two settings only, never on the runner: learned site
    chrome counts a batch's pages together, so the same config gives the same warehouse on any runner."""
    floor = min(floor, size)
    i = 0
    while i < len(files):
        n = max(floor, min(size, -(-(len(files) - i) // 4)))
        yield files[i: i + n]
        i += n


def _as_list(source: str | list[str]) -> list[str]:
    items = [source] if isinstance(source, str | os.PathLike) else list(source)
    if not items:
        raise ValueError("parameter 'source': give at least one file or folder")
    for item in items:
        if not str(item).strip():
            raise ValueError("parameter 'source': empty path")
        if not Path(item).exists():
            raise ValueError(f"parameter 'source': {item} does not exist")
    return [str(Path(i).absolute()) for i in items]


def _settings_for(config_dir: str | None, batch_size: int | None, languages: list[str] | None,
                  dedup_threshold: float | None) -> Settings:
    settings = load_settings(config_dir)
    changes: dict = {}
    if batch_size is not None:
        changes["batch_size"] = batch_size
    if languages:
        changes["keep_languages"] = tuple(x.lower() for x in languages)
    if dedup_threshold is not None:
        changes["dedup_threshold"] = dedup_threshold
    try:
        return settings.replace(**changes) if changes else settings
    except ConfigError as exc:
        raise ValueError(f"invalid parameter: {exc}") from exc


@flow(name="ingest-articles", log_prints=False, task_runner=task_runner_for(load_settings()),
      validate_parameters=True)
def ingest_articles(
    source: str | list[str],
    db: str = DEFAULT_DB,
    batch_size: Annotated[int, Field(ge=1, le=100_000)] | None = None,
    languages: list[Annotated[str, Field(min_length=2, max_length=3)]] | None = None,
    dedup_threshold: Annotated[float, Field(gt=0.0, le=1.0)] | None = None,
    config_dir: str | None = None,
) -> dict:
    """Ingest files or folders into the DuckDB warehouse; returns the run's counts.

    source: a path or a list of paths (files or folders, searched recursively).
    db: the DuckDB file (created with its schema when missing).
    batch_size: documents per task (default from config/pipeline.toml).
    languages: keep only articles in these languages; others are rejected with a reason.
    dedup_threshold: MinHash Jaccard at or above which an article is a near-duplicate.
    """
    logger = get_run_logger()
    settings = _settings_for(config_dir, batch_size, languages, dedup_threshold)
    sources = _as_list(source)
    if not str(db).strip():
        raise ValueError("parameter 'db': empty path")
    db_path = str(Path(db).absolute())
    ctx = get_run_context()
    flow_run_id = str(ctx.flow_run.id) if getattr(ctx, "flow_run", None) else None
    progress_id = create_progress_artifact(0.0, key="ingest-progress", description="files of this run processed (%)")

    def to_artifact(snap: Snapshot) -> None:
        with suppress(Exception):  # progress is a courtesy: never fail a run for it
            update_progress_artifact(progress_id, round(100 * snap.share, 1))

    run_id, stats = ingest_body(sources, db_path, settings, process_batch.submit, logger, flow_run_id,
                                on_progress=to_artifact)
    summary = {"run_id": run_id, "db": db_path, **stats.as_dict()}
    try:
        runs = Warehouse(db_path, settings.read_retry_s).recent_runs()
    except duckdb.Error:  # the report is a courtesy: a busy file must not fail a finished run
        runs = []
    create_markdown_artifact(key="ingest-report", markdown=stats.markdown(run_id, db_path, runs),
                             description=f"ingest-articles run {run_id}")
    c = stats.counts()
    logger.info("run %s done: %d files, %d records: %d loaded, %d duplicate, %d rejected, %d unchanged", run_id,
                c["files_seen"], c["records_seen"], c["loaded"], c["duplicate"], c["rejected"], c["unchanged"])
    return summary


class _Future(Protocol):
    def result(self) -> tuple[list[ProcessedDoc], dict[str, int]]: ...


Submit = Callable[[list[SourceFile], Settings, set[tuple[str, str]]], _Future]


def ingest_body(sources: list[str], db_path: str, settings: Settings, submit: Submit,
                logger: logging.Logger | logging.LoggerAdapter, flow_run_id: str | None = None,
                on_progress: Callable[[Snapshot], None] | None = None) -> tuple[str, RunStats]:
    """The run itself, whatever executes the batches: the flow passes `process_batch.submit`; `make bench`
    also runs it on the same worker pool without Prefect to measure what Prefect adds."""
    run_id = f"run-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    stats = RunStats()
    with writer_lock(db_path, settings.lock_timeout_s):
        wh = Warehouse(db_path, settings.read_retry_s, settings.memory_limit)
        wh.init()
        stale = wh.close_stale_runs()
        if stale:
            logger.warning("%d earlier run(s) had stopped before finishing; marked 'interrupted'", stale)
        wh.start_run(run_id, ";".join(sources), flow_run_id)
        try:
            t0 = time.perf_counter()
            files = list(discover(sources))
            tk = time.perf_counter()
            known = wh.known_files(sf.path for sf in files)
            layout = DedupIndex(settings.num_perm, settings.bands)
            n_index = wh.ensure_lsh_bands(layout)
            stats.stage_s["index_load"] += time.perf_counter() - tk
            if n_index:
                logger.info("near-duplicate index written to the warehouse for %d loaded articles (%.2f s)",
                            n_index, time.perf_counter() - tk)
            logger.info("run %s: %d files under %s", run_id, len(files), ", ".join(sources))
            pending: deque = deque()
            window = max(2, settings.workers * 2)
            batch_iter = iter(_batches(files, settings.batch_size, settings.min_batch_size))

            def submit_next() -> bool:
                batch = next(batch_iter, None)
                if batch is None:
                    return False
                skip = {(sf.path, sha) for sf in batch for sha in known.get(sf.path, ())}
                pending.append((batch, submit(batch, settings, skip)))
                return True

            inner = [0.0]  # this batch's seconds in the batch stages, taken out of the load's

            def timed(stage: str, seconds: float) -> None:
                stats.stage_s[stage] += seconds
                inner[0] += seconds

            if settings.chrome_min_docs:
                _settle_chrome(wh, run_id, settings, timed, logger)
            while len(pending) < window and submit_next():
                pass
            while pending:
                batch, fut = pending.popleft()
                try:
                    docs, counts = fut.result()
                except Exception as exc:
                    raise RuntimeError(f"batch {stats.batches + 1} ({_describe(batch)}) failed after retries: "
                                       f"{type(exc).__name__}: {exc}") from exc
                submit_next()
                tl = time.perf_counter()
                inner[0] = 0.0
                try:
                    with wh.batch() as tx:  # one transaction: the batch stages' reads and counts, and the load
                        ids = [doc_id_for(d.source_path, d.sha256, d.record_index) for d in docs]
                        plan = settle_batch(docs, tx.known_doc_ids(ids), tx, settings, timed)
                        tx.write(run_id, plan)
                except Exception as exc:
                    raise RuntimeError(f"loading batch {stats.batches + 1} ({_describe(batch)}) failed and was "
                                       f"rolled back: {type(exc).__name__}: {exc}") from exc
                resolved = plan.resolved
                stats.stage_s["load"] += time.perf_counter() - tl - inner[0]
                stats.recleaned += len(plan.recleaned)
                stats.verdicts_changed += len(plan.verdicts)
                if plan.recleaned:
                    logger.info("%d line(s) became chrome of their site: %d loaded article(s) stripped again, "
                                "%d verdict(s) changed", plan.chrome_lines, len(plan.recleaned), len(plan.verdicts))
                fault_point("between-batches")
                stats.add_batch(resolved, len(docs), counts["files"], counts["unchanged"])
                snap = Snapshot(stats.batches, stats.files_seen, len(files), stats.records_seen, stats.loaded,
                                stats.duplicate, stats.rejected, stats.unchanged, time.perf_counter() - t0)
                logger.info("%s", snap.line())
                publish(snap)
                if on_progress:
                    on_progress(snap)
                for r in resolved:
                    if r.status == "rejected":
                        logger.warning("rejected %s#%d [%s]: %s", r.doc.source_path, r.doc.record_index,
                                       r.doc.reason_code, r.doc.reason)
            ts = time.perf_counter()
            try:
                rebuilt = wh.refresh_search_index()
            except (duckdb.Error, ConfigError) as exc:  # e.g. out of memory, a broken stop-word file: the
                # loaded batches stand, search rebuilds later
                rebuilt = {}
                logger.error("full-text index not rebuilt (%s: %s); the articles are loaded, and the next run or "
                             "`articles search` rebuilds it", type(exc).__name__, str(exc)[:300])
            stats.stage_s["search_index"] += time.perf_counter() - ts
            if rebuilt:
                logger.info("full-text index rebuilt for %s", ", ".join(f"{k} ({v})" for k, v in rebuilt.items()))
            stats.stage_s["wall"] = time.perf_counter() - t0
            wh.finish_run(run_id, "completed", stats.counts())
        except BaseException as exc:
            wh.finish_run(run_id, "failed", stats.counts(), message=f"{type(exc).__name__}: {exc}"[:1000])
            raise
    return run_id, stats


def _settle_chrome(wh: Warehouse, run_id: str, settings: Settings,
                   timed: Callable[[str, float], None], logger: logging.Logger | logging.LoggerAdapter) -> None:
    """A warehouse loaded before learned chrome was settled over the whole set (or with a higher `min_docs`):
    strip every line at the threshold from all its articles once, in one transaction."""
    with wh.batch() as tx:
        settled = tx.settled_min_docs()
        if settled is not None and settled <= settings.chrome_min_docs:
            if settled < settings.chrome_min_docs:
                logger.warning("chrome min_docs is %d, but the warehouse's articles were stripped with %d: lines "
                               "between the two stay stripped (rebuild the warehouse from the inputs to undo)",
                               settings.chrome_min_docs, settled)
            return
        plan = settle_batch([], set(), tx, settings, timed, recheck=tx.chrome_lines(settings.chrome_min_docs))
        tx.write(run_id, plan)
        tx.mark_settled(settings.chrome_min_docs)
    if plan.recleaned:
        logger.info("learned chrome settled over the warehouse: %d line(s), %d article(s) stripped again, "
                    "%d verdict(s) changed", plan.chrome_lines, len(plan.recleaned), len(plan.verdicts))


def _describe(batch: list[SourceFile]) -> str:
    if len(batch) == 1:
        return batch[0].path
    return f"{len(batch)} files, {batch[0].path} .. {batch[-1].path}"


def run_ingest(source: str | list[str], db: str = DEFAULT_DB, batch_size: int | None = None,
               config_dir: str | None = None, runner: str | None = None, **options) -> dict:
    """Run the flow in this process with the task runner named in config (or `runner`)."""
    settings = load_settings(config_dir)
    f = ingest_articles.with_options(task_runner=task_runner_for(settings, runner))
    with prefect_api():
        return f(source=source, db=db, batch_size=batch_size, config_dir=config_dir, **options)
