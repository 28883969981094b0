"""The `scheduled` deployment, built from config/deployment.toml and served by `articles serve`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prefect.schedules import Cron, validate_cron_string

from pipeline.settings import CONFIG_DIR, ConfigError, read_toml

DEPLOYMENT_NAME = "scheduled"
_FIELDS = {"cron", "timezone", "source", "db", "description"}


@dataclass(frozen=True)
class DeploymentConfig:
    cron: str = "0 * * * *"
    timezone: str = "UTC"
    source: str = "inbox"
    db: str = "warehouse/articles.duckdb"
    description: str = ""


def load_deployment_config(config_dir: str | Path | None = None) -> DeploymentConfig:
    path = Path(config_dir or CONFIG_DIR) / "deployment.toml"
    if not path.exists():
        return DeploymentConfig()
    data = read_toml(path)
    table = data.get(DEPLOYMENT_NAME, {})
    unknown = (set(data) - {DEPLOYMENT_NAME}) | (set(table) - _FIELDS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {sorted(unknown)}")
    cfg = DeploymentConfig(**table)
    try:
        validate_cron_string(cfg.cron)
    except ValueError as exc:
        raise ConfigError(f"{path}: [{DEPLOYMENT_NAME}] cron {cfg.cron!r} is not a valid cron string") from exc
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(cfg.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"{path}: [{DEPLOYMENT_NAME}] unknown timezone {cfg.timezone!r}") from exc
    return cfg


def build_deployments(config_dir: str | None = None, source: str | None = None, db: str | None = None,
                      cron: str | None = None):
    """The deployments `articles serve` registers; relative paths are resolved against the current folder."""
    from flows.ingest import ingest_articles

    cfg = load_deployment_config(config_dir)
    inbox = Path(source or cfg.source).absolute()
    inbox.mkdir(parents=True, exist_ok=True)
    db_path = str(Path(db or cfg.db).absolute())
    params: dict = {"source": str(inbox), "db": db_path}
    if config_dir:
        params["config_dir"] = str(Path(config_dir).absolute())
    schedule = Cron(cron or cfg.cron, timezone=cfg.timezone)
    return [
        ingest_articles.to_deployment(
            name=DEPLOYMENT_NAME, schedule=schedule, parameters=params, tags=["articles"],
            description=cfg.description or "Ingest the inbox into the warehouse on a schedule.",
            enforce_parameter_schema=True,
        )
    ]


def serve_deployments(config_dir: str | None = None, source: str | None = None, db: str | None = None,
                      cron: str | None = None) -> None:
    """Register the deployments and run their flow runs in this process until interrupted.

    prefect.serve, stopped with Ctrl-C, leaves a "coroutine 'Runner.astop' was never awaited" warning: here
    Ctrl-C asks the runner to stop from inside its own event loop, so it stops (and pauses the schedules) cleanly.
    """
    import asyncio
    import signal

    from prefect.runner import Runner

    runner = Runner(pause_on_shutdown=True)
    deployments = build_deployments(config_dir, source, db, cron)
    for deployment in deployments:
        runner.add_deployment(deployment)

    async def run() -> None:
        loop = asyncio.get_running_loop()

        def stop() -> None:
            print("\nstopping: the schedule is paused until `make serve` runs again", flush=True)
            if runner.started:
                loop.create_task(runner.astop())

        loop.add_signal_handler(signal.SIGINT, stop)
        await runner.start()

    names = ", ".join(f"'{d.flow_name}/{d.name}'" for d in deployments)
    print(f"serving {names}; Ctrl-C stops (and pauses the schedule)", flush=True)
    asyncio.run(run())
