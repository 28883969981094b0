"""One writer at a time: an advisory file lock next to the database, held for a whole ingest."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


class WarehouseBusy(RuntimeError):
    """Another ingest holds the warehouse for longer than we were willing to wait."""


@contextmanager
def writer_lock(db_path: str, timeout_s: float) -> Iterator[None]:
    lock_path = f"{db_path}.lock"
    os.makedirs(os.path.dirname(os.path.abspath(lock_path)), exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
                    raise WarehouseBusy(
                        f"another ingest (pid {holder}) is writing to {db_path}; waited {timeout_s:.0f} s. "
                        "Try again when it has finished."
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
