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


def _where() -> tuple[int, int | None]:
    from flows.pool import current_pool

    pool = current_pool()
    return os.getpid(), pool.run(os.getpid) if pool else None


def test_default_runner_runs_task_runs_in_the_flow_process_and_batches_in_its_pool(prefect_server):
    from prefect import flow, task

    from flows.pool import current_pool
    from flows.runners import task_runner_for
    from pipeline.settings import load_settings

    where = task(_where)

    @flow(task_runner=task_runner_for(load_settings(), "process"))
    def probe() -> list[tuple[int, int | None]]:
        return [f.result() for f in [where.submit() for _ in range(4)]]

    seen = probe()
    assert {task_pid for task_pid, _ in seen} == {os.getpid()}  # Prefect's task runs: threads of this process
    worker_pids = {worker for _, worker in seen}
    assert None not in worker_pids and os.getpid() not in worker_pids  # the batch work: pool processes
    assert current_pool() is None  # the pool ends with the flow run



def _late_worker(pid_file: str) -> None:
    """A worker whose spawner is gone before it starts watching (a flow killed while its pool was starting)."""
    import time

    from flows.pool import exit_with_parent

    with open(pid_file, "w") as f:
        f.write(str(os.getpid()))
    time.sleep(1.5)
    exit_with_parent()
    time.sleep(60)


def _spawner(pid_file: str) -> None:
    import multiprocessing

    multiprocessing.get_context("spawn").Process(target=_late_worker, args=(pid_file,)).start()
    import time

    time.sleep(0.5)  # the worker has read what it runs from its pipe
    os._exit(0)  # then gone, as a SIGKILLed flow process


def test_a_worker_exits_even_when_its_flow_process_died_before_it_started_watching(tmp_path):
    import multiprocessing
    import time

    pid_file = tmp_path / "worker.pid"
    p = multiprocessing.get_context("spawn").Process(target=_spawner, args=(str(pid_file),))
    p.start()
    p.join(30)
    deadline = time.monotonic() + 30
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    pid = int(pid_file.read_text())
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.kill(pid, 9)
    raise AssertionError("the orphaned worker was still running 30 s after its flow process had gone")
