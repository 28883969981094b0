"""Task runners by name from config: threads feeding plain worker processes (default), Prefect's thread pool,
or Dask via prefect-dask."""

from __future__ import annotations

from typing import Any

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from flows.pool import WorkerPool, set_current_pool
from pipeline.settings import Settings


class WorkerPoolTaskRunner(ThreadPoolTaskRunner):
    """Prefect task runs in threads of the flow process (states, retries, logs as usual); the batch itself runs
    in a `WorkerPool` of `workers` plain processes started with the flow run (see flows/pool.py for why).
    Two threads per worker: while one waits on its batch, the next batch is already queued for the worker, so
    no worker idles through a task's state round trips to the API."""

    def __init__(self, workers: int) -> None:
        super().__init__(max_workers=2 * workers)
        self.workers = workers

    def duplicate(self) -> WorkerPoolTaskRunner:
        return type(self)(self.workers)

    def __enter__(self) -> WorkerPoolTaskRunner:
        super().__enter__()
        self._pool = WorkerPool(self.workers)
        set_current_pool(self._pool)
        return self

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        try:
            super().__exit__(exc_type, exc_value, traceback)
        finally:
            set_current_pool(None)
            self._pool.close(wait=exc_type is None)

    def __getstate__(self) -> dict[str, Any]:  # the flow is pickled for deployments: never a live pool
        state = super().__getstate__()
        state.pop("_pool", None)
        return state

    def __eq__(self, value: object) -> bool:
        return isinstance(value, WorkerPoolTaskRunner) and value.workers == self.workers


def task_runner_for(settings: Settings, kind: str | None = None) -> TaskRunner:
    kind = kind or settings.runner
    if kind == "process":
        return WorkerPoolTaskRunner(settings.workers)
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=settings.workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    raise ValueError(f"unknown task runner {kind!r}")
