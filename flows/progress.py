"""Progress of an ingest run: one snapshot per batch, written as a log line, a Prefect progress artifact, and to
whoever listens in this process (the CLI's live bar on a terminal)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    batch: int
    files_done: int
    files_total: int
    records: int
    loaded: int
    duplicate: int
    rejected: int
    unchanged: int
    elapsed_s: float

    @property
    def share(self) -> float:
        return self.files_done / self.files_total if self.files_total else 1.0

    @property
    def docs_per_s(self) -> float:
        return self.records / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        if not self.files_done or self.files_done >= self.files_total:
            return None
        return self.elapsed_s * (self.files_total - self.files_done) / self.files_done

    def line(self) -> str:
        eta = f", ETA {_clock(self.eta_s)}" if self.eta_s is not None else ""
        return (f"batch {self.batch}: {self.files_done}/{self.files_total} files ({self.share:.0%}), "
                f"{self.records} records, {self.docs_per_s:.1f} docs/s, {_clock(self.elapsed_s)} elapsed{eta} | "
                f"{self.loaded} loaded, {self.duplicate} duplicate, {self.rejected} rejected, "
                f"{self.unchanged} unchanged")


def _clock(seconds: float | None) -> str:
    s = int(round(seconds or 0))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


_listeners: list[Callable[[Snapshot], None]] = []


@contextmanager
def listening(fn: Callable[[Snapshot], None]) -> Iterator[None]:
    """Call fn with each snapshot of the runs of this process while the block runs."""
    _listeners.append(fn)
    try:
        yield
    finally:
        _listeners.remove(fn)


def publish(snapshot: Snapshot) -> None:
    for fn in list(_listeners):
        fn(snapshot)


class QuietPrefectConsole(logging.Filter):
    """For the CLI's console: drop Prefect's per-task state lines, the link to a temporary server that is gone
    seconds later, and (when a live bar shows the same figures) the per-batch lines. They all stay in the
    server's logs."""

    def __init__(self, drop_links: bool, drop_batches: bool) -> None:
        super().__init__()
        self.drop_links = drop_links
        self.drop_batches = drop_batches

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("prefect.task_runs") and record.levelno < logging.WARNING:
            return False
        message = record.getMessage()
        if self.drop_links and message.startswith(("View at ", "See https://docs.prefect.io")):
            return False
        return not (self.drop_batches and record.levelno < logging.WARNING and message.startswith("batch "))


@contextmanager
def quiet_console(drop_links: bool, drop_batches: bool) -> Iterator[None]:
    """Install the filter on the console handlers of Prefect's loggers for the block."""
    from prefect.logging.handlers import PrefectConsoleHandler

    flt = QuietPrefectConsole(drop_links, drop_batches)
    handlers = set()
    for logger in [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)] + [logging.root]:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, PrefectConsoleHandler):
                handlers.add(handler)
    for handler in handlers:
        handler.addFilter(flt)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(flt)
