"""Plain worker processes for the CPU stages of the default runner.

Prefect's own process pool runs its task engine inside every worker: each worker imports Prefect (about 1.4 s
of CPU), opens API clients and reports every state change from there, all on the cores the extraction needs
(`make bench` measured 11% of the wall time on 2,000 documents). Here the Prefect task runs stay in threads of
the flow process, which is mostly idle, and each one hands its batch to these workers, which import only the
pipeline. No Prefect in this module: `make bench` runs the same pool without Prefect to measure what Prefect
adds.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_WATCHING = False


def exit_with_parent() -> None:
    """In a worker process, exit when the flow process dies (even by SIGKILL) instead of lingering as an orphan."""
    global _WATCHING
    spawner = multiprocessing.parent_process()
    if _WATCHING or spawner is None:
        return
    _WATCHING = True
    parent = spawner.pid  # the pid it was spawned by, not getppid(): that parent may already be gone (then it is 1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """SIGINT ignored while workers are spawned: an ignored signal stays ignored across exec, so a worker never
    prints a KeyboardInterrupt traceback of its own when a person presses Ctrl-C (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _start_worker() -> None:
    exit_with_parent()
    import pipeline.process  # noqa: F401  imported while the flow starts, not when the first batch arrives


class WorkerPool:
    """`workers` spawned processes, all started at once; a pool broken by a dead worker is replaced, so a
    retried batch runs on fresh workers."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start_worker)
        with _ctrl_c_ignored():  # Ctrl-C reaches the whole process group: the flow process alone handles it
            for _ in range(self.workers):  # each submit with no idle worker spawns one: start them all now
                executor.submit(int)
        return executor

    def run(self, fn: Callable[..., T], *args: object) -> T:
        """Run fn(*args) in a worker and wait for it (called from one of the flow's task threads)."""
        executor = self._executor
        try:
            return executor.submit(fn, *args).result()
        except BrokenProcessPool:
            with self._lock:
                if self._executor is executor:
                    executor.shutdown(wait=False, cancel_futures=True)
                    self._executor = self._start()
            raise

    def close(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=True)


_CURRENT: WorkerPool | None = None


def current_pool() -> WorkerPool | None:
    """The pool of the flow run in this process, if its runner made one."""
    return _CURRENT


def set_current_pool(pool: WorkerPool | None) -> None:
    global _CURRENT
    _CURRENT = pool
