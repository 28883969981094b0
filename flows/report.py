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

    def add_batch(self, resolved: list[ResolvedDoc], records: int, files: int, unchanged: int) -> dict[str, int]:
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
            elif r.status == "loaded":
                self.languages[r.doc.language] += 1
            for rm in r.doc.removals:
                self.removed[rm.category] += 1
            for stage, secs in r.doc.timings.items():
                self.stage_s[stage] += secs
        return {"loaded": c["loaded"], "duplicate": c["duplicate"], "rejected": c["rejected"]}

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
        }

    def markdown(self, run_id: str, db: str) -> str:
        d = self.as_dict()
        lines = [f"# Ingest report `{run_id}`", "", f"Warehouse: `{db}`", "", "| count | value |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in self.counts().items()]
        for title, key in (("Articles per language", "languages"), ("Boilerplate removed per category",
                                                                     "removed_by_category"),
                           ("Top rejection reasons", "top_rejection_reasons"), ("Seconds per stage (CPU, summed)",
                                                                               "seconds_by_stage")):
            lines += ["", f"## {title}", "", "| key | value |", "|---|---|"]
            lines += [f"| {k} | {v} |" for k, v in d[key].items()] or ["| (none) | |"]
        return "\n".join(lines) + "\n"
