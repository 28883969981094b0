"""The default runner's worker processes: the pipeline only, started with the pool, replaced when one dies."""

from __future__ import annotations

import os

import pytest

from flows.pool import WorkerPool


def test_workers_import_the_pipeline_but_not_prefect():
    pool = WorkerPool(2)
    try:
        loaded = pool.run(eval, "sorted(m for m in ('prefect', 'pipeline.process', 'duckdb') "
                                "if m in __import__('sys').modules)")
        pids = {pool.run(os.getpid) for _ in range(6)}
    finally:
        pool.close()
    assert loaded == ["pipeline.process"]
    assert os.getpid() not in pids


def test_a_dead_worker_breaks_one_call_and_the_pool_is_replaced():
    from concurrent.futures.process import BrokenProcessPool

    pool = WorkerPool(1)
    try:
        first = pool.run(os.getpid)
        with pytest.raises(BrokenProcessPool):
            pool.run(os._exit, 3)
        second = pool.run(os.getpid)  # what a Prefect retry of the batch gets
    finally:
        pool.close()
    assert second != first
