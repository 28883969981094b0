"""Run counts and the human report (Prefect artifact and CLI summary) built from resolved batches."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.models import ResolvedDoc


@dataclass
class RunStats:
    files_seen: int = 0
    records_seen: int = 0
    loaded: int = 0
    duplicate: int = 0
    rejected: int = 0
    unchanged: int = 0
    already_known: int = 0
    batches: int = 0
    languages: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    stage_s: Counter = field(default_factory=Counter)
    rejected_files: list[tuple[str, str, str]] = field(default_factory=list)  # (file#record, code, message)
    # loaded articles a line that became chrome stripped again, and loaded articles whose verdict changed
    recleaned: int = 0
    verdicts_changed: int = 0

    def add_batch(self, resolved: list[ResolvedDoc], records: int, files: int, unchanged: int) -> None:
        self.batches += 1
        self.files_seen += files
        self.records_seen += records
        self.unchanged += unchanged
        self.already_known += records - len(resolved)
        c = Counter(r.status for r in resolved)
        self.loaded += c["loaded"]
        self.duplicate += c["duplicate"]
        self.rejected += c["rejected"]
        for r in resolved:
            if r.status == "rejected":
                self.reasons[r.doc.reason_code or "unknown"] += 1
                if len(self.rejected_files) < 20:
                    self.rejected_files.append((f"{r.doc.source_path}#{r.doc.record_index}",
                                                r.doc.reason_code or "unknown", r.doc.reason or ""))
            elif r.status == "loaded":
                self.languages[r.doc.language] += 1
            for rm in r.doc.removals:
                self.removed[rm.category] += 1
            for stage, secs in r.doc.timings.items():
                self.stage_s[stage] += secs

    def counts(self) -> dict[str, int]:
        return {
            "files_seen": self.files_seen, "records_seen": self.records_seen, "loaded": self.loaded,
            "duplicate": self.duplicate, "rejected": self.rejected, "unchanged": self.unchanged,
            "already_known": self.already_known,
        }

    def as_dict(self) -> dict:
        return {
            **self.counts(), "batches": self.batches, "languages": dict(self.languages.most_common()),
            "removed_by_category": dict(self.removed.most_common()),
            "top_rejection_reasons": dict(self.reasons.most_common(10)),
            "seconds_by_stage": {k: round(v, 3) for k, v in self.stage_s.most_common()},
            "recleaned": self.recleaned, "verdicts_changed": self.verdicts_changed,
        }

    def markdown(self, run_id: str, db: str, runs: list[dict] | None = None) -> str:
        """The run report a person reads in Prefect's UI: one summary table (shares, time, rate, change since
        the previous run), what was rejected and why, what was removed, the trend over runs, time per stage.
        runs: the warehouse's recent runs, newest first, this one included."""
        wall = self.stage_s.get("wall", 0.0)
        rate = self.records_seen / wall if wall else 0.0
        previous = next((r for r in (runs or []) if r["run_id"] != run_id and r["status"] == "completed"), None)
        out = [f"# Ingest report `{run_id}`", "",
               f"Warehouse `{db}` · {wall:.1f} s · {rate:.1f} docs/s · {self.batches} batch(es)", "",
               "| | this run | share of records | previous run | change |", "|---|---:|---:|---:|---:|"]
        records = self.records_seen or 1
        for key, value in self.counts().items():
            share = f"{value / records:.1%}" if key in ("loaded", "duplicate", "rejected") else ""
            before = previous.get(key) if previous else None
            change = f"{value - before:+d}" if before is not None else ""
            out.append(f"| {key.replace('_', ' ')} | {value} | {share} | {'' if before is None else before} | "
                       f"{change} |")
        out += _chart("Articles per language", "language", self.languages)
        out += _chart("Rejections per reason code", "reason code", self.reasons)
        if self.rejected_files:
            out += ["", f"## Rejected files (first {len(self.rejected_files)})", "", "| file | code | message |",
                    "|---|---|---|"]
            out += [f"| `{_cell(f)}` | {code} | {_cell(msg)} |" for f, code, msg in self.rejected_files]
        out += _chart("Boilerplate removed per category", "category", self.removed)
        if runs:
            out += ["", "## Runs so far (newest first)", "", "| started | status | loaded | duplicate | rejected | |",
                    "|---|---|---:|---:|---:|---|"]
            top = max((r["loaded"] or 0) for r in runs) or 1
            out += [f"| {r['started_at']:%Y-%m-%d %H:%M} | {r['status']} | {r['loaded']} | {r['duplicate']} | "
                    f"{r['rejected']} | {_bar((r['loaded'] or 0) / top)} |" for r in runs]
        out += ["", "## Time per stage", "", "| stage | seconds |", "|---|---:|"]
        out += [f"| {STAGE_NAMES.get(k, k)} | {v:.2f} |" for k, v in self.stage_s.most_common()]
        return "\n".join(out) + "\n"


STAGE_NAMES = {
    "wall": "the whole run (wall clock)",
    "read_total": "batches in the workers (summed: workers run side by side, so this can exceed the run)",
    "extract": "extraction: parse, selectors, trafilatura (CPU, summed over workers)",
    "extract.parse": "of extraction: parsing the HTML",
    "extract.metadata": "of extraction: the page's metadata (trafilatura, htmldate)",
    "extract.selectors": "of extraction: config selectors (the pre-clean)",
    "extract.body": "of extraction: trafilatura's main content and the blocks",
    "boilerplate": "boilerplate rules (CPU, summed)",
    "metadata": "metadata and page type (CPU, summed)",
    "language": "language detection (CPU, summed)",
    "signatures": "signatures: hashes, MinHash (CPU, summed)",
    "index_load": "what the warehouse knows of the run's files, and the dedup index layout",
    "site_chrome": "learned site chrome",
    "load": "dedup and the DuckDB load",
    "search_index": "full-text index",
}


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")[:200]


def _bar(share: float, width: int = 20) -> str:
    return "█" * max(1, round(share * width)) if share > 0 else ""


def _chart(title: str, key: str, counts: Counter) -> list[str]:
    """A table with a bar per row: Prefect's UI renders markdown tables, and a bar reads faster than a number."""
    if not counts:
        return ["", f"## {title}", "", "(none)"]
    total = sum(counts.values())
    top = max(counts.values())
    out = ["", f"## {title}", "", f"| {key} | count | share | |", "|---|---:|---:|---|"]
    out += [f"| {k} | {v} | {v / total:.1%} | {_bar(v / top)} |" for k, v in counts.most_common()]
    return out
