"""A per-document time limit for extraction: trafilatura's Python API has none, and one pathological page
must not stall a whole batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(Exception):
    pass


def _raise(signum, frame):  # noqa: ARG001 - signal handler signature
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[bool]:
    """Raise DocumentTimeout in the block after `seconds` (SIGALRM timer).

    Works in a process's main thread (pool and Dask workers, the CLI); in other threads
    signals cannot be used, so the block runs unlimited and the context yields False.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
