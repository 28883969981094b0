"""The `ingest-articles` Prefect flow: coarse batch tasks for the CPU stages, one loader in the flow process."""

from __future__ import annotations

import os
import time
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.context import get_run_context
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from flows.report import RunStats
from pipeline.dedup import DedupIndex, resolve_batch
from pipeline.ids import doc_id_for
from pipeline.models import ProcessedDoc, SourceFile
from pipeline.process import process_files
from pipeline.settings import Settings, load_settings
from pipeline.sources import discover
from warehouse.lock import writer_lock
from warehouse.store import Warehouse

DEFAULT_DB = "warehouse/articles.duckdb"


@task(name="process-batch", retries=2, retry_delay_seconds=[1, 5])
def process_batch(files: list[SourceFile], settings: Settings,
                  skip: set[tuple[str, str]]) -> tuple[list[ProcessedDoc], dict[str, int]]:
    """Read and clean a batch of files; pure CPU work, safe to retry and to run in any worker."""
    return process_files(files, settings, skip=skip)


def _batches(files: list[SourceFile], size: int) -> Iterator[list[SourceFile]]:
    for i in range(0, len(files), size):
        yield files[i: i + size]


def task_runner_for(settings: Settings):
    if settings.runner == "process":
        return ProcessPoolTaskRunner(max_workers=settings.workers)
    return ThreadPoolTaskRunner(max_workers=settings.workers)


def _as_list(source: str | list[str]) -> list[str]:
    items = [source] if isinstance(source, str | os.PathLike) else list(source)
    if not items:
        raise ValueError("source: give at least one file or folder")
    for item in items:
        if not Path(item).exists():
            raise ValueError(f"source: {item} does not exist")
    return [str(Path(i).absolute()) for i in items]


@flow(name="ingest-articles", log_prints=False)
def ingest_articles(
    source: str | list[str],
    db: str = DEFAULT_DB,
    batch_size: int | None = None,
    config_dir: str | None = None,
) -> dict:
    """Ingest files or folders into the DuckDB warehouse; returns the run's counts."""
    logger = get_run_logger()
    settings = load_settings(config_dir)
    if batch_size is not None:
        settings = settings.replace(batch_size=batch_size)
    sources = _as_list(source)
    db_path = str(Path(db).absolute())
    ctx = get_run_context()
    flow_run_id = str(ctx.flow_run.id) if getattr(ctx, "flow_run", None) else None
    run_id = f"run-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    stats = RunStats()
    with writer_lock(db_path, settings.lock_timeout_s):
        wh = Warehouse(db_path, settings.read_retry_s)
        wh.init()
        wh.start_run(run_id, ";".join(sources), flow_run_id)
        try:
            t0 = time.perf_counter()
            known: dict[str, set[str]] = {}
            for path, sha in wh.known_files():
                known.setdefault(path, set()).add(sha)
            index = DedupIndex(settings.num_perm, settings.bands, settings.dedup_threshold)
            n_index = wh.load_dedup_index(index)
            files = list(discover(sources))
            logger.info("run %s: %d files under %s; %d articles already in the warehouse (%.2f s)",
                        run_id, len(files), ", ".join(sources), n_index, time.perf_counter() - t0)
            pending: deque = deque()
            window = max(2, settings.workers * 2)
            batch_iter = iter(_batches(files, settings.batch_size))

            def submit_next() -> bool:
                batch = next(batch_iter, None)
                if batch is None:
                    return False
                skip = {(sf.path, sha) for sf in batch for sha in known.get(sf.path, ())}
                pending.append((batch, process_batch.submit(batch, settings, skip)))
                return True

            while len(pending) < window and submit_next():
                pass
            while pending:
                batch, fut = pending.popleft()
                docs, counts = fut.result()
                submit_next()
                tl = time.perf_counter()
                ids = [doc_id_for(d.source_path, d.sha256, d.record_index) for d in docs]
                resolved = resolve_batch(docs, index, wh.known_doc_ids(ids))
                wh.load_batch(run_id, resolved)
                stats.stage_s["load"] += time.perf_counter() - tl
                c = stats.add_batch(resolved, len(docs), counts["files"], counts["unchanged"])
                logger.info("batch %d: %d files, %d records: %d loaded, %d duplicate, %d rejected, %d unchanged",
                            stats.batches, counts["files"], len(docs), c["loaded"], c["duplicate"], c["rejected"],
                            counts["unchanged"])
                for r in resolved:
                    if r.status == "rejected":
                        logger.warning("rejected %s#%d: %s", r.doc.source_path, r.doc.record_index, r.doc.reason)
            stats.stage_s["wall"] = time.perf_counter() - t0
            wh.finish_run(run_id, "completed", stats.counts())
        except BaseException as exc:
            wh.finish_run(run_id, "failed", stats.counts(), message=f"{type(exc).__name__}: {exc}"[:1000])
            raise
    summary = {"run_id": run_id, "db": db_path, **stats.as_dict()}
    create_markdown_artifact(key="ingest-report", markdown=stats.markdown(run_id, db_path),
                             description=f"ingest-articles run {run_id}")
    logger.info("run %s done: %s", run_id, stats.counts())
    return summary


@contextmanager
def prefect_api() -> Iterator[None]:
    """Use PREFECT_API_URL when set; otherwise start Prefect's ephemeral server once for this process
    and export its address, so process-pool workers report to it instead of each starting their own."""
    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    old = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        # send queued logs and events while the server still listens, then stop it
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        for service in (APILogWorker, EventsWorker):
            with suppress(Exception):  # best effort at shutdown
                service.drain_all(timeout=10, at_exit=False)
        if old is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = old
        server.stop()


def run_ingest(source: str | list[str], db: str = DEFAULT_DB, batch_size: int | None = None,
               config_dir: str | None = None) -> dict:
    """Run the flow with the task runner named in config."""
    settings = load_settings(config_dir)
    f = ingest_articles.with_options(task_runner=task_runner_for(settings))
    with prefect_api():
        return f(source=source, db=db, batch_size=batch_size, config_dir=config_dir)
