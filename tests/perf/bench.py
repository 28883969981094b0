"""`make bench` / `make bench-scale`: the pipeline's throughput against trafilatura alone, measured in one run.

`make bench` (2,000 documents) prints, each measured in its own process so peak RSS belongs to one role:
  1. trafilatura.extract alone on the corpus's HTML files, one process (the baseline);
  2. the full pipeline as a Prefect flow (worker pool, both cores) against a Prefect server started
     beforehand, as `make server` or a deployment provides;
  3. the same run body on the same worker pool driven by plain threads, without Prefect: the difference is
     Prefect's share;
  4. trafilatura's own extraction with metadata on as many processes as the pipeline has workers, nothing
     else: the ceiling of the ratio while the warehouse needs titles, authors and dates;
then the ratio of (2) to (1), CPU seconds per stage, and peak RSS of the flow process and of the largest
worker. `make bench-scale` runs (2) on 1k, 10k and 100k documents for time linearity and flat memory, each
followed by a run of 1,000 new documents into the warehouse it built (the next scheduled run).
Figures go to build/bench.json and build/bench-scale.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _rss() -> dict[str, int]:
    return {"flow_process_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "largest_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}


def measure_alone(corpus: Path) -> dict:
    import trafilatura

    html = sorted(corpus.rglob("*.html"))
    t = time.perf_counter()
    for p in html:
        trafilatura.extract(p.read_text(encoding="utf-8"))
    wall = time.perf_counter() - t
    return {"html_files": len(html), "wall_s": wall, "pages_per_s": len(html) / wall, **_rss()}


def _warm(_: int) -> None:
    import trafilatura  # noqa: F401  imported before the clock starts

    time.sleep(0.2)  # so that every worker takes one


def _trafilatura_with_metadata(paths: list[str]) -> int:
    import trafilatura

    for p in paths:
        trafilatura.bare_extraction(Path(p).read_text(encoding="utf-8"), with_metadata=True)
    return len(paths)


def measure_metadata_ceiling(corpus: Path) -> dict:
    """trafilatura's own extraction with metadata (title, author, date: what the warehouse needs), on as many
    processes as the pipeline has workers, and nothing else: what the pipeline could reach if every other stage
    cost nothing."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.settings import load_settings

    workers = load_settings().workers
    html = [str(p) for p in sorted(corpus.rglob("*.html"))]
    chunks = [html[i::8 * workers] for i in range(8 * workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_warm, range(workers)))
        t = time.perf_counter()
        n = sum(pool.map(_trafilatura_with_metadata, chunks))
        wall = time.perf_counter() - t
    return {"html_files": n, "workers": workers, "wall_s": wall, "pages_per_s": n / wall}


def measure_prefect(corpus: Path, db: str) -> dict:
    from flows.ingest import run_ingest

    t = time.perf_counter()
    summary = run_ingest(str(corpus), db=db)
    wall = time.perf_counter() - t
    return {"wall_s": wall, "records": summary["records_seen"], "batches": summary["batches"],
            "body_s": summary["seconds_by_stage"].get("wall", wall), "stages": summary["seconds_by_stage"],
            "counts": {k: summary[k] for k in ("loaded", "duplicate", "rejected", "recleaned", "verdicts_changed")},
            **_rss()}


def measure_plain(corpus: Path, db: str) -> dict:
    from flows.ingest import ingest_body
    from flows.pool import WorkerPool
    from pipeline.process import process_files
    from pipeline.settings import load_settings

    settings = load_settings()
    logging.basicConfig(level=logging.WARNING)
    t = time.perf_counter()
    # the flow's own worker pool, driven by plain threads instead of Prefect task runs: the comparison is of
    # orchestration only
    pool = WorkerPool(settings.workers)
    try:
        with ThreadPoolExecutor(2 * settings.workers) as threads:
            _, stats = ingest_body([str(corpus.absolute())], db, settings,
                                   lambda batch, s, skip: threads.submit(pool.run, process_files, batch, s, None,
                                                                         skip),
                                   logging.getLogger("bench"))
    finally:
        pool.close()
    wall = time.perf_counter() - t
    return {"wall_s": wall, "records": stats.counts()["records_seen"], **_rss()}


def _child(mode: str, corpus: Path, env: dict[str, str], db: Path | None = None) -> dict:
    """Run one measurement in a fresh process; its last stdout line is the JSON result. Without `db`, into a
    new warehouse that is deleted afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus),
                              "--db", str(db or Path(tmp) / "bench.duckdb")],
                             env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"bench {mode} failed:\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _corpus(path: Path, n: int) -> Path:
    if not path.exists() or not any(path.iterdir()):
        from tests.perf.make_corpus import make

        t = time.perf_counter()
        make(path, n)
        print(f"corpus of {n} documents written to {path} in {time.perf_counter() - t:.0f} s", flush=True)
    return path


REALWORLD = Path(os.environ.get("REALWORLD_DIR", ROOT.parent / "shared" / "realworld"))


def real_corpus(path: Path, copies: int) -> Path:
    """The real pages of ../shared/realworld, each written `copies` times as .html, made unique by a leading
    comment (so dedup sees new files, and extraction does the same work). Read from the corpus at run time."""
    import gzip

    from pipeline.decode import decode_bytes

    marker = path / f".copies-{copies}"
    if marker.exists():
        return path
    pages = sorted((REALWORLD / "pages").rglob("*.html.gz"))
    if not pages:
        raise SystemExit(f"no real pages under {REALWORLD / 'pages'} (set REALWORLD_DIR)")
    path.mkdir(parents=True, exist_ok=True)
    for i, page in enumerate(pages):
        with gzip.open(page) as fh:
            html, _ = decode_bytes(fh.read(), is_html=True)
        for k in range(copies):
            (path / f"{i:03d}-{k}.html").write_text(f"<!-- copy {k} of {page.name} -->\n{html}", encoding="utf-8")
    marker.touch()
    return path


def _with_server(fn):  # noqa: ANN001, ANN202
    from flows.server import prefect_api

    t = time.perf_counter()
    with prefect_api():
        started = time.perf_counter() - t
        env = {**os.environ, "PREFECT_API_URL": os.environ["PREFECT_API_URL"]}
        return fn(env, started)


def bench(corpus: Path, n: int, out: Path, real_copies: int = 0) -> dict:
    corpus = real_corpus(corpus, real_copies) if real_copies else _corpus(corpus, n)

    def run(env: dict[str, str], server_s: float) -> dict:
        alone = _child("alone", corpus, env)
        print(f"trafilatura.extract alone, one process: {alone['pages_per_s']:.1f} pages/s "
              f"({alone['html_files']} HTML pages)", flush=True)
        pf = _child("prefect", corpus, env)
        print(f"full pipeline, Prefect flow: {pf['records'] / pf['wall_s']:.1f} documents/s", flush=True)
        plain = _child("plain", corpus, env)
        ceiling = _child("ceiling", corpus, env)
        return {"alone": alone, "prefect": pf, "plain": plain, "ceiling": ceiling, "server_start_s": server_s}

    r = _with_server(run)
    alone, pf, plain, ceiling = r["alone"], r["prefect"], r["plain"], r["ceiling"]
    rate = pf["records"] / pf["wall_s"]
    plain_rate = plain["records"] / plain["wall_s"]
    stages = pf["stages"]
    extract_cpu = stages.get("extract", 0.0)
    worker_cpu = stages.get("read_total", 0.0)
    worker_stages = ("read_total", "extract", "boilerplate", "metadata", "language", "signatures")

    def in_workers(stage: str) -> bool:
        return stage in worker_stages or stage.startswith("extract.")

    other = {k: v for k, v in stages.items() if not in_workers(k) and k != "wall"}
    ms_per_doc = {k: round(1000 * v / pf["records"], 2) for k, v in stages.items() if in_workers(k)}
    result = {
        "documents": pf["records"], "html_files": alone["html_files"],
        "trafilatura_alone_pages_per_s": round(alone["pages_per_s"], 2),
        "pipeline_docs_per_s": round(rate, 2), "ratio": round(rate / alone["pages_per_s"], 3),
        "pipeline_without_prefect_docs_per_s": round(plain_rate, 2),
        "trafilatura_with_metadata_on_the_workers_pages_per_s": round(ceiling["pages_per_s"], 2),
        "trafilatura_with_metadata_ratio": round(ceiling["pages_per_s"] / alone["pages_per_s"], 3),
        "prefect_share_of_wall": round(1 - plain["wall_s"] / pf["wall_s"], 4),
        "prefect_fixed_s": round(pf["wall_s"] - pf["body_s"], 2),
        "prefect_server_start_s": round(r["server_start_s"], 1),
        "wall_s": round(pf["wall_s"], 1), "batches": pf["batches"], "counts": pf["counts"],
        "cpu_s_by_stage": {k: round(v, 2) for k, v in stages.items() if k != "wall"},
        "cpu_ms_per_document_by_stage": ms_per_doc,
        "non_extraction_cpu_over_extraction": round((worker_cpu - extract_cpu) / extract_cpu, 3)
        if extract_cpu else None,
        "peak_rss_mb": {"flow_process": pf["flow_process_mb"], "largest_worker": pf["largest_worker_mb"],
                        "trafilatura_alone": alone["flow_process_mb"]},
    }
    print(f"\ncorpus: {result['documents']} documents ({result['html_files']} HTML pages) in {corpus}")
    print(f"trafilatura.extract alone, one process:  {result['trafilatura_alone_pages_per_s']:7.1f} pages/s")
    print(f"full pipeline (Prefect flow, {pf['batches']} batches):  {rate:7.1f} documents/s in {pf['wall_s']:.0f} s")
    print(f"ratio: {result['ratio']:.2f}x (issue 18's target on real pages: >= 1.5x)")
    print(f"same run body without Prefect:           {plain_rate:7.1f} documents/s in {plain['wall_s']:.0f} s")
    print(f"trafilatura's own extraction with metadata, nothing else, on {ceiling['workers']} worker processes: "
          f"{ceiling['pages_per_s']:.1f} pages/s = {result['trafilatura_with_metadata_ratio']:.2f}x "
          "(the ratio's ceiling while the warehouse needs titles, authors and dates)")
    print(f"Prefect's share of the wall time: {result['prefect_share_of_wall']:.1%} (target <= 5%); "
          f"flow start and finish {result['prefect_fixed_s']} s; server start (before the run) "
          f"{result['prefect_server_start_s']} s")
    print("CPU seconds per stage, summed over workers: "
          + ", ".join(f"{k} {v}" for k, v in result["cpu_s_by_stage"].items()))
    print("CPU ms per document in the workers (extract.* are parts of extract): "
          + ", ".join(f"{k} {v}" for k, v in ms_per_doc.items()))
    print(f"worker CPU outside extraction (read, rules, metadata, language, signatures) = "
          f"{result['non_extraction_cpu_over_extraction']:.0%} of extraction CPU; flow-process stages: "
          + ", ".join(f"{k} {round(v, 2)} s" for k, v in other.items()))
    print(f"peak RSS: flow process {pf['flow_process_mb']} MB, largest worker {pf['largest_worker_mb']} MB")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"figures written to {out}")
    return result


NEXT_RUN = 1000  # documents of the scheduled-style run made into each warehouse after it is built
NEXT_SEED = 7  # another seed than the corpora's: new pages, not copies of loaded ones


def bench_scale(sizes: list[int], out: Path) -> list[dict]:
    """Each size into a new warehouse, then, in a new process, a run of NEXT_RUN new documents into that
    warehouse: the cost of the next scheduled run should not grow with what the warehouse holds."""
    corpora = [_corpus(ROOT / "build" / f"corpus-{n}", n) for n in sizes]
    following = ROOT / "build" / f"corpus-next-{NEXT_RUN}"
    if not following.exists() or not any(following.iterdir()):
        from tests.perf.make_corpus import make

        make(following, NEXT_RUN, seed=NEXT_SEED)

    def run(env: dict[str, str], _: float) -> list[dict]:
        rows = []
        for n, corpus in zip(sizes, corpora, strict=True):
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "bench.duckdb"
                pf = _child("prefect", corpus, env, db)
                nx = _child("prefect", following, env, db)
            row = {"n": n, "documents": pf["records"], "wall_s": round(pf["wall_s"], 1),
                   "docs_per_s": round(pf["records"] / pf["wall_s"], 2), "counts": pf["counts"],
                   "peak_rss_mb": {"flow_process": pf["flow_process_mb"], "largest_worker": pf["largest_worker_mb"]},
                   "cpu_s_by_stage": {k: round(v, 1) for k, v in pf["stages"].items()},
                   "next_run": {"documents": nx["records"], "wall_s": round(nx["wall_s"], 1),
                                "docs_per_s": round(nx["records"] / nx["wall_s"], 2), "counts": nx["counts"],
                                "peak_rss_mb": {"flow_process": nx["flow_process_mb"],
                                                "largest_worker": nx["largest_worker_mb"]},
                                "cpu_s_by_stage": {k: round(v, 1) for k, v in nx["stages"].items()}}}
            rows.append(row)
            print(f"{n:>7} documents: {row['wall_s']:8.1f} s, {row['docs_per_s']:6.1f} documents/s, peak RSS flow "
                  f"{pf['flow_process_mb']} MB, largest worker {pf['largest_worker_mb']} MB; then {nx['records']} "
                  f"new documents into that warehouse: {nx['wall_s']:.1f} s, peak RSS flow {nx['flow_process_mb']} "
                  "MB", flush=True)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(rows, indent=2))
        return rows

    rows = _with_server(run)
    base = rows[0]
    for row in rows[1:]:
        print(f"time x{row['wall_s'] / base['wall_s']:.1f} for x{row['n'] / base['n']:.0f} documents "
              f"({row['n']} vs {base['n']})")
    print(f"figures written to {out}")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT / "build" / "corpus"))
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--out", default=None)
    ap.add_argument("--scale", default=None, help="comma-separated corpus sizes, e.g. 1000,10000,100000")
    ap.add_argument("--real-copies", type=int, default=0,
                    help="bench on the real pages of ../shared/realworld, each copied this many times")
    ap.add_argument("--child", choices=["alone", "prefect", "plain", "ceiling"], help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        fn = {"alone": lambda: measure_alone(Path(args.corpus)),
              "prefect": lambda: measure_prefect(Path(args.corpus), args.db),
              "plain": lambda: measure_plain(Path(args.corpus), args.db),
              "ceiling": lambda: measure_metadata_ceiling(Path(args.corpus))}[args.child]
        print(json.dumps(fn()))
        return 0
    if args.scale:
        bench_scale([int(x) for x in args.scale.split(",")], Path(args.out or ROOT / "build" / "bench-scale.json"))
    else:
        bench(Path(args.corpus), args.n, Path(args.out or ROOT / "build" / "bench.json"), args.real_copies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
