"""glibc malloc arenas of the flow process.

glibc gives each new thread its own malloc arena (up to eight per core) and returns an arena's freed memory to
the system only from its top. The flow process has many threads (Prefect's task runs, its API and event
clients, the worker pool's result thread, DuckDB's threads) that allocate and free each batch's documents and
DuckDB's buffers in different arenas, so freed memory stays scattered over them and the process's resident
size grows with the number of batches while the bytes in use stay flat. One arena keeps those holes in one
heap, reused by the next batch. The flow process's threads mostly wait on the workers and DuckDB, so they
hardly contend for it. MALLOC_ARENA_MAX in the environment, when set, wins (glibc reads it at start).
"""

from __future__ import annotations

import ctypes
import os
import sys

_M_ARENA_MAX = -8  # mallopt parameter number, from glibc's malloc.h


def limit_malloc_arenas(arenas: int) -> bool:
    """Cap the arenas of threads that take their first arena after this call (call it before the flow starts
    threads); 0 leaves glibc's default. Returns whether a cap was set: False on other C libraries."""
    if arenas <= 0 or os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return False
    if not hasattr(libc, "gnu_get_libc_version"):  # glibc only: musl's mallopt is a no-op stub
        return False
    return libc.mallopt(_M_ARENA_MAX, arenas) == 1
