"""The flow process keeps its threads' malloc memory in one glibc arena (flows/malloc.py)."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

try:
    GLIBC = sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "gnu_get_libc_version")
except OSError:
    GLIBC = False

# Five threads alive at once, each allocating blocks above pymalloc's size (so from malloc), then glibc's own
# account of its arenas on stderr.
_CHILD = """
import ctypes, sys, threading
sys.path.insert(0, {root!r})
{setup}
held, gate = [], threading.Barrier(6)
def work():
    held.append([bytes(2000 + i) for i in range(200)])
    gate.wait()
threads = [threading.Thread(target=work) for _ in range(5)]
for t in threads: t.start()
gate.wait()
ctypes.CDLL(None).malloc_stats()
for t in threads: t.join()
"""


def _arenas(setup: str, **extra_env: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"} | extra_env
    out = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT), setup=setup)], env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    return sum(line.startswith("Arena ") for line in out.stderr.splitlines())


@pytest.mark.skipif(not GLIBC, reason="glibc only")
def test_threads_share_one_arena_once_the_flow_module_is_imported():
    assert _arenas("") > 1  # glibc's default: a thread's first allocation opens an arena of its own
    assert _arenas("import flows.ingest") == 1


@pytest.mark.skipif(not GLIBC, reason="glibc only")
def test_zero_in_config_or_the_environment_leave_glibc_alone(tmp_path):
    config = tmp_path / "config"
    shutil.copytree(ROOT / "config", config)
    toml = config / "pipeline.toml"
    toml.write_text(toml.read_text().replace("flow_malloc_arenas = 1", "flow_malloc_arenas = 0"))
    assert _arenas("import flows", ARTICLES_CONFIG_DIR=str(config)) > 1
    assert _arenas("import flows", MALLOC_ARENA_MAX="4") > 1
