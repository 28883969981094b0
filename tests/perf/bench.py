"""`make bench`: throughput of the whole pipeline against trafilatura alone, measured in the same run.

Prints documents/s of the full flow (Prefect, both cores), trafilatura.extract alone on the same HTML files
in one process, their ratio, seconds per stage, the flow's fixed overhead, and peak RSS; writes the figures
to build/bench.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="build/corpus")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--out", default="build/bench.json")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        from tests.perf.make_corpus import make

        make(corpus, args.n)
    html = sorted(p for p in corpus.rglob("*.html"))

    import trafilatura

    t = time.perf_counter()
    for p in html:
        trafilatura.extract(p.read_text(encoding="utf-8"))
    alone_s = time.perf_counter() - t
    alone_rate = len(html) / alone_s

    from flows.ingest import prefect_api, run_ingest

    with tempfile.TemporaryDirectory() as tmp, prefect_api():
        t = time.perf_counter()
        summary = run_ingest(str(corpus), db=str(Path(tmp) / "bench.duckdb"))
        wall = time.perf_counter() - t
    records = summary["records_seen"]
    rate = records / wall
    stages = summary["seconds_by_stage"]
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        "documents": records, "html_files": len(html), "pipeline_docs_per_s": round(rate, 2),
        "trafilatura_alone_pages_per_s": round(alone_rate, 2), "ratio": round(rate / alone_rate, 3),
        "wall_s": round(wall, 1), "seconds_by_stage": stages,
        "flow_overhead_s": round(wall - stages.get("wall", wall), 2),
        "peak_rss_mb": {"flow_process": round(rss_self), "largest_worker": round(rss_children)},
    }
    print(f"corpus: {records} documents ({len(html)} HTML pages) in {corpus}")
    print(f"trafilatura.extract alone, one process: {alone_rate:.1f} pages/s")
    print(f"full pipeline (Prefect flow, {summary['batches']} batches): {rate:.1f} documents/s in {wall:.0f} s")
    print(f"ratio: {rate / alone_rate:.2f}x (target >= 1.3x)")
    print("seconds per stage (CPU summed over workers): "
          + ", ".join(f"{k} {v}" for k, v in stages.items()))
    print(f"flow start-up and shutdown outside the ingest body: {result['flow_overhead_s']} s")
    print(f"peak RSS: flow process {rss_self:.0f} MB, largest worker {rss_children:.0f} MB")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
