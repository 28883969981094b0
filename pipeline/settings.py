"""One settings object for the whole pipeline, read from config/pipeline.toml (trafilatura-style)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

SHIPPED_CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"  # the config/ this checkout ships
CONFIG_DIR = Path(os.environ.get("ARTICLES_CONFIG_DIR", SHIPPED_CONFIG_DIR))


class ConfigError(ValueError):
    """A config file is wrong; the message names the file and the entry."""


def read_toml(path: Path) -> dict[str, Any]:
    """One config file as data; a syntax error is a ConfigError that names the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


@dataclass(frozen=True)
class Settings:
    batch_size: int = 200
    min_batch_size: int = 20
    max_file_bytes: int = 50_000_000
    max_decompressed_bytes: int = 50_000_000
    max_jsonl_line_bytes: int = 20_000_000
    max_html_bytes: int = 5_000_000
    extract_timeout_s: float = 30.0
    read_retries: int = 2
    header_blocks: int = 25
    selector_guard_share: float = 0.5
    lang_seed: int = 0
    lang_min_chars: int = 60
    lang_min_prob: float = 0.80
    lang_paragraph_min_chars: int = 120
    lang_max_chars: int = 4000
    shingle_size: int = 5
    num_perm: int = 120
    bands: int = 40
    dedup_threshold: float = 0.50
    dedup_containment: float = 0.90
    lock_timeout_s: float = 120.0
    read_retry_s: float = 30.0
    memory_limit: str = "64MB"
    runner: str = "process"
    workers: int = 2
    dask_address: str = ""
    flow_malloc_arenas: int = 1
    chrome_min_docs: int = 3
    chrome_max_words: int = 30
    keep_languages: tuple[str, ...] = ()
    config_dir: str = str(CONFIG_DIR)

    def replace(self, **changes: Any) -> Settings:
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return validate(Settings(**values))


# (section, key) in pipeline.toml -> Settings field
_MAPPING = {
    ("ingest", "batch_size"): "batch_size",
    ("ingest", "min_batch_size"): "min_batch_size",
    ("ingest", "max_file_bytes"): "max_file_bytes",
    ("ingest", "max_decompressed_bytes"): "max_decompressed_bytes",
    ("ingest", "max_jsonl_line_bytes"): "max_jsonl_line_bytes",
    ("ingest", "max_html_bytes"): "max_html_bytes",
    ("ingest", "extract_timeout_s"): "extract_timeout_s",
    ("ingest", "read_retries"): "read_retries",
    ("text", "header_blocks"): "header_blocks",
    ("article", "selector_guard_share"): "selector_guard_share",
    ("language", "seed"): "lang_seed",
    ("language", "min_chars"): "lang_min_chars",
    ("language", "min_prob"): "lang_min_prob",
    ("language", "paragraph_min_chars"): "lang_paragraph_min_chars",
    ("language", "max_chars"): "lang_max_chars",
    ("dedup", "shingle_size"): "shingle_size",
    ("dedup", "num_perm"): "num_perm",
    ("dedup", "bands"): "bands",
    ("dedup", "threshold"): "dedup_threshold",
    ("dedup", "containment"): "dedup_containment",
    ("warehouse", "lock_timeout_s"): "lock_timeout_s",
    ("warehouse", "read_retry_s"): "read_retry_s",
    ("warehouse", "memory_limit"): "memory_limit",
    ("runner", "kind"): "runner",
    ("runner", "workers"): "workers",
    ("runner", "dask_address"): "dask_address",
    ("runner", "flow_malloc_arenas"): "flow_malloc_arenas",
    ("article", "keep_languages"): "keep_languages",
    ("chrome", "min_docs"): "chrome_min_docs",
    ("chrome", "max_words"): "chrome_max_words",
}


def validate(s: Settings) -> Settings:
    def need(cond: bool, msg: str) -> None:
        if not cond:
            raise ConfigError(msg)

    need(s.batch_size >= 1, "batch_size must be >= 1")
    need(s.min_batch_size >= 1, "min_batch_size must be >= 1")
    need(s.num_perm % s.bands == 0, f"dedup.num_perm ({s.num_perm}) must be a multiple of bands ({s.bands})")
    need(0.0 < s.dedup_threshold <= 1.0, "dedup.threshold must be in (0, 1]")
    need(0.0 <= s.lang_min_prob <= 1.0, "language.min_prob must be in [0, 1]")
    need(s.shingle_size >= 1, "dedup.shingle_size must be >= 1")
    need(s.runner in ("thread", "process", "dask"),
         f"runner.kind must be 'thread', 'process' or 'dask', not {s.runner!r}")
    need(all(isinstance(x, str) and 2 <= len(x) <= 3 for x in s.keep_languages),
         f"keep_languages must be ISO 639-1 codes, not {s.keep_languages!r}")
    need(s.workers >= 1, "runner.workers must be >= 1")
    need(s.flow_malloc_arenas >= 0, "runner.flow_malloc_arenas must be >= 0")
    need(0.0 < s.selector_guard_share <= 1.0, "article.selector_guard_share must be in (0, 1]")
    return s


def load_settings(config_dir: str | Path | None = None) -> Settings:
    """Read pipeline.toml; unknown keys are errors so a typo never silently keeps a default."""
    cdir = Path(config_dir) if config_dir else CONFIG_DIR
    path = cdir / "pipeline.toml"
    values: dict[str, Any] = {"config_dir": str(cdir)}
    if path.exists():
        data = read_toml(path)
        for section, table in data.items():
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: [{section}] must be a table")
            for key, value in table.items():
                name = _MAPPING.get((section, key))
                if name is None:
                    raise ConfigError(f"{path}: unknown setting [{section}] {key}")
                values[name] = value
    defaults = Settings()
    if isinstance(values.get("keep_languages"), list):
        values["keep_languages"] = tuple(values["keep_languages"])
    for name, value in values.items():
        expected = type(getattr(defaults, name))
        if expected is float and isinstance(value, int):
            values[name] = float(value)
        elif not isinstance(values[name], expected) or isinstance(value, bool) != (expected is bool):
            raise ConfigError(f"{path}: {name} must be {expected.__name__}, got {value!r}")
    return validate(Settings(**values))
