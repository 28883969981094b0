"""Prefect's API for this project: a local server (state in .prefect/, address written to prefect.toml), its
health check, and the temporary server a run starts when none answers.

prefect.toml in the project folder is read by every Prefect command run from here (Prefect 3 settings
file), so `prefect deployment run …` and `articles serve` find the server with no environment to set.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from prefect.settings import PREFECT_API_URL, temporary_settings

HOST = "127.0.0.1"


def _paths(project: Path) -> tuple[Path, Path, Path, Path]:
    home = project / ".prefect"
    return home, home / "server.pid", home / "server.log", project / "prefect.toml"


def _healthy(url: str) -> bool:
    return api_is_healthy(url, timeout_s=1.0)


def api_is_healthy(url: str, timeout_s: float = 3.0) -> bool:
    import httpx

    try:
        return httpx.get(f"{url.rstrip('/')}/health", timeout=timeout_s).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def prefect_api() -> Iterator[None]:
    """Use PREFECT_API_URL when a server answers there; otherwise start Prefect's ephemeral server once
    for this process and export its address, so process-pool workers report to it instead of each
    starting their own."""
    url = PREFECT_API_URL.value()
    if url and api_is_healthy(url):
        os.environ.setdefault("PREFECT_API_URL", url)
        yield
        return
    if url:
        print(f"articles: no Prefect server answers at {url}; using a temporary one for this run", file=sys.stderr)
    from prefect.server.api.server import SubprocessASGIServer

    # a server that lives for one run has nothing to report: its telemetry only logs "Failed to send telemetry"
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    server = SubprocessASGIServer()
    server.start()
    old = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        # send queued logs and events while the server still listens, then stop it
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        for service in (APILogWorker, EventsWorker):
            with suppress(Exception):  # best effort at shutdown
                service.drain_all(timeout=10, at_exit=False)
        if old is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = old
        server.stop()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_server(project: Path, port: int = 4200, timeout_s: float = 90.0, extra_env: dict | None = None) -> str:
    """Start `prefect server start` in the background (or reuse a healthy one) and wait until it answers."""
    home, pid_file, log_file, toml = _paths(project)
    home.mkdir(parents=True, exist_ok=True)
    url = f"http://{HOST}:{port}/api"
    if not _healthy(url):
        env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        env.pop("PREFECT_API_URL", None)
        env.update(extra_env or {})
        prefect = str(Path(sys.executable).with_name("prefect"))
        with open(log_file, "ab") as log:
            proc = subprocess.Popen([prefect, "server", "start", "--host", HOST, "--port", str(port)],
                                    cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
        pid_file.write_text(str(proc.pid))
        deadline = time.monotonic() + timeout_s
        while not _healthy(url):
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited with code {proc.returncode}; see {log_file}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not answer at {url} within {timeout_s:.0f} s; see {log_file}")
            time.sleep(0.5)
    toml.write_text(f'# written by `make server`: Prefect commands run from this folder use the local server\n'
                    f'[api]\nurl = "{url}"\n')
    return url


def stop_server(project: Path) -> bool:
    _, pid_file, _, toml = _paths(project)
    toml.unlink(missing_ok=True)
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text().strip() or 0)
    pid_file.unlink()
    if pid and _pid_alive(pid):
        os.killpg(pid, signal.SIGTERM)
        for _ in range(50):
            if not _pid_alive(pid):
                break
            time.sleep(0.2)
        else:
            os.killpg(pid, signal.SIGKILL)
        return True
    return False
