"""Prefect flows, the CLI and the worker pool. Importing the package caps the process's glibc malloc arenas
before anything it imports (pyarrow starts native threads) or the flow starts a thread: see flows/malloc.py."""

from flows.malloc import limit_malloc_arenas
from pipeline.settings import load_settings

limit_malloc_arenas(load_settings().flow_malloc_arenas)
