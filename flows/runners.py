"""Task runners by name from config: Prefect's thread or process pool, or Dask via prefect-dask."""

from __future__ import annotations

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from pipeline.settings import Settings


def task_runner_for(settings: Settings, kind: str | None = None) -> TaskRunner:
    kind = kind or settings.runner
    if kind == "process":
        return ProcessPoolTaskRunner(max_workers=settings.workers)
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=settings.workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    raise ValueError(f"unknown task runner {kind!r}")
