"""A real `prefect server start`, a real `articles serve`, and a one-off run through the Prefect CLI."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow  # a real `prefect server start` and `articles serve`


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    from flows.server import start_server, stop_server

    project = tmp_path / "project"
    project.mkdir()
    # the scheduler normally wakes every 60 s; make it create the upcoming runs quickly
    url = start_server(project, port=_free_port(), timeout_s=120,
                       extra_env={"PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2"})
    try:
        yield project, url
    finally:
        stop_server(project)


def _wait(predicate, timeout_s, what):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_and_one_off_deployment_run(server, tmp_path):
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterKey,
        DeploymentFilter,
        DeploymentFilterName,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    project, url = server
    inbox = tmp_path / "inbox"
    shutil.copytree(ROOT / "samples" / "seeds", inbox)
    db = tmp_path / "served.duckdb"
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_RUNNER_POLL_FREQUENCY": "2",
           "PREFECT_HOME": str(project / ".prefect")}
    serve = subprocess.Popen([str(BIN / "articles"), "serve", "--source", str(project / "inbox")], cwd=project,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        with SyncPrefectClient(url) as client:
            def deployed():
                try:
                    client.read_deployment_by_name("ingest-articles/scheduled")
                    return True
                except Exception:
                    return False

            _wait(deployed, 90, "the `scheduled` deployment")
            run = subprocess.run(
                [str(BIN / "prefect"), "deployment", "run", "ingest-articles/scheduled", "-p", f"source={inbox}",
                 "-p", f"db={db}", "--watch", "--watch-timeout", "240"],
                cwd=project, env=env, capture_output=True, text=True, timeout=300)
            assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
            assert "Completed" in run.stdout

            con = duckdb.connect(str(db), read_only=True)
            try:
                assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
                assert con.execute("SELECT status FROM runs").fetchall() == [("completed",)]
            finally:
                con.close()

            arts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["ingest-report"])))
            assert arts and "loaded | 2" in arts[0].data

            def upcoming():
                return client.read_flow_runs(
                    deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=["scheduled"])),
                    flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
                        type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))))

            _wait(upcoming, 60, "the cron schedule's upcoming runs")
            dep = client.read_deployment_by_name("ingest-articles/scheduled")
            assert dep.schedules and dep.schedules[0].schedule.cron == "0 * * * *"

            bad = subprocess.run(
                [str(BIN / "prefect"), "deployment", "run", "ingest-articles/scheduled", "-p", "batch_size=0"],
                cwd=project, env=env, capture_output=True, text=True, timeout=120)
            assert "batch_size" in bad.stdout + bad.stderr
        # stopping `serve` with Ctrl-C pauses the schedule (Prefect's behaviour for served deployments), cleanly
        os.killpg(serve.pid, signal.SIGINT)
        out, _ = serve.communicate(timeout=60)
        text = out.decode("utf-8", "replace")
        assert serve.returncode == 0, text[-3000:]
        assert "never awaited" not in text and "Traceback" not in text, text[-3000:]
        with SyncPrefectClient(url) as client:
            assert client.read_deployment_by_name("ingest-articles/scheduled").paused is True
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
            serve.wait()
